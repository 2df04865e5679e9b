/**
 * The whole loop a learner goes through, in Chromium with a real mouse:
 * build `say_after` twice as concurrent tasks from the toolbox, run it, read
 * the console and the swimlane, step back and forth, export the timeline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact, consoleText, consoleTextWith, runProgram, useApp } from './browser';
import { connectionPoint, dragToConnection, dragToWorkspace, editField, workspacePoint } from './blockly';
import { readPng } from './png';
import { contentSecurityPolicy } from '../../shared/csp';

const skipReason = inject('skipReason');

const EXPECTED_PROGRAM = `import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(say_after(3, 'hello'))
    task2 = asyncio.create_task(say_after(4, 'world'))
    await task1
    await task2


asyncio.run(main())
`;

describe.skipIf(skipReason)('building, running, stepping and exporting say_after', () => {
  let page: Page;
  useApp((p) => (page = p));

  it('builds the program from the toolbox by drag and drop', async () => {
    // Start from an empty workspace: select the starter block and delete it.
    const starter = await page.evaluate(() => {
      const ws = (globalThis as any).corolabDebug.workspace;
      const r = ws.getTopBlocks(false)[0].getSvgRoot().getBoundingClientRect();
      return { x: r.left + 8, y: r.top + 8 };
    });
    await page.mouse.click(starter.x, starter.y);
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => (globalThis as any).corolabDebug.workspace.getAllBlocks(false).length === 0);

    await dragToWorkspace(page, 'Coroutines', 0, await workspacePoint(page, 80, 40));
    const main = await dragToWorkspace(page, 'Coroutines', 1, await workspacePoint(page, 80, 190));
    await dragToWorkspace(page, 'Coroutines', 2, await workspacePoint(page, 80, 420));
    const parking = await workspacePoint(page, 360, 400);

    const task1 = await dragToConnection(page, 'Tasks', 0, await connectionPoint(page, main, 'BODY'), parking);
    const task2 = await dragToConnection(page, 'Tasks', 0, await connectionPoint(page, task1, 'NEXT'), parking);
    await editField(page, task2, 'aio_assign', 'NAME', 'task2');
    await editField(page, task2, 'math_number', 'NUM', '4');
    await editField(page, task2, 'text', 'TEXT', 'world');
    const await1 = await dragToConnection(page, 'Tasks', 1, await connectionPoint(page, task2, 'NEXT'), parking);
    const await2 = await dragToConnection(page, 'Tasks', 1, await connectionPoint(page, await1, 'NEXT'), parking);
    await editField(page, await2, 'aio_name', 'NAME', 'task2');

    await page.screenshot({ path: artifact('built-program.png') });
    expect(await page.evaluate(() => storeState().source)).toBe(EXPECTED_PROGRAM);
    expect(await page.textContent('[data-testid=code-view]')).toContain("task2 = asyncio.create_task(say_after(4, 'world'))");
  });

  it('runs it: hello and world in the console, two overlapping task lanes, main ending at 4 s', async () => {
    await runProgram(page);
    const text = await consoleText(page);
    expect(text.split('\n')).toEqual(['hello', 'world']);
    const lanes = await page.evaluate(() => {
      const layout = (storeState().model as any).layout;
      const s = layout.segments;
      return layout.lanes.map((l: any, lane: number) => {
        const awaits = [];
        for (let i = s.laneStart[lane]; i < s.laneStart[lane + 1]; i++) if (s.kind[i] === 1) awaits.push([s.t0[i], s.t1[i], layout.labels[s.label[i]]]);
        return { title: l.title, start: l.start, end: l.end, awaits };
      });
    });
    expect(lanes.map((l: any) => l.title)).toEqual(['event loop', 'Task-1', 'Task-2', 'Task-3']);
    const [, main, hello, world] = lanes;
    expect(main.end).toBe(4);
    expect(hello.awaits).toEqual([[0, 3, 'sleep(3)']]);
    expect(world.awaits).toEqual([[0, 4, 'sleep(4)']]);
    // Overlap: both sleeps are in progress at once.
    expect(Math.max(hello.awaits[0][0], world.awaits[0][0])).toBeLessThan(Math.min(hello.awaits[0][1], world.awaits[0][1]));
    await expect(page.textContent('[data-testid=run-status]')).resolves.toContain('4.000s');
    await page.screenshot({ path: artifact('main-screen.png') });
  });

  it('steps back and forward by line, moving the highlighted block', async () => {
    await page.click('[data-testid=swimlane] canvas', { position: { x: 5, y: 5 } });
    await page.keyboard.press('Home');
    const highlighted = async () => (await page.getAttribute('[data-testid=block-editor]', 'data-highlighted-block')) ?? '';
    const cursor = () => page.evaluate(() => storeState().cursor);
    expect(await cursor()).toBe(0);
    const seen: { cursor: number; block: string }[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('F10');
      seen.push({ cursor: await cursor(), block: await highlighted() });
    }
    expect(new Set(seen.map((s) => s.block).filter(Boolean)).size).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.blocklyHighlighted').count()).toBeGreaterThan(0);
    // Back across a change of block: the earlier block is highlighted again, then forward restores the later one.
    const k = seen.findLastIndex((s, i) => i > 0 && s.block !== seen[i - 1]!.block) - 1;
    expect(k).toBeGreaterThanOrEqual(0);
    for (let i = seen.length - 1; i > k; i--) await page.keyboard.press('Shift+F10');
    expect(await cursor()).toBe(seen[k]!.cursor);
    expect(await highlighted()).toBe(seen[k]!.block);
    await page.keyboard.press('F10');
    expect(await highlighted()).toBe(seen[k + 1]!.block);
    expect(seen[k + 1]!.block).not.toBe(seen[k]!.block);
    // Part way, the console shows only what was printed so far.
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    expect(await consoleText(page)).not.toContain('world');
    await page.screenshot({ path: artifact('mid-step.png') });
    // The swimlane's cursor line follows: at the end of the run it is further right.
    const cursorLineX = () =>
      page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(r));
        const style = getComputedStyle(document.querySelector('[data-testid=swimlane-cursor]')!);
        return style.display === 'none' ? undefined : new DOMMatrix(style.transform).m41;
      });
    const midX = await cursorLineX();
    await page.keyboard.press('End');
    expect(await consoleTextWith(page, 'world')).toContain('world');
    const endX = await cursorLineX();
    expect(midX).toBeDefined();
    expect(endX!).toBeGreaterThan(midX! + 100);
  });

  it('exports the timeline as PNG and SVG', async () => {
    const expected = await page.evaluate(() => {
      const layout = (storeState().model as any).layout;
      const width = Math.max(640, Math.round(document.querySelector('[data-testid=swimlane]')!.clientWidth));
      return { width, lanes: layout.lanes.length };
    });
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    const pngBytes = readFileSync(await png.path());
    const info = readPng(pngBytes);
    // Title + axis + one row per lane + legend (see EXPORT_LAYOUT).
    expect(info.width).toBe(expected.width);
    expect(info.height).toBe(44 + 30 + expected.lanes * 26 + 40 + 10);
    expect(info.raw.length).toBe(info.height * (1 + info.width * 4));
    writeFileSync(artifact('exported-timeline.png'), pngBytes);

    await page.click('[data-testid=export-all]');
    const [png2] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png2]')]);
    const info2 = readPng(readFileSync(await png2.path()));
    expect([info2.width, info2.height]).toEqual([1400 * 2, (44 + 30 + expected.lanes * 26 + 40 + 10) * 2]);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-svg]')]);
    const text = readFileSync(await svg.path(), 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    for (const name of ['event loop', 'Task-1', 'Task-2', 'Task-3', 'sleep(3)', 'sleep(4)', '4.0s']) expect(text).toContain(name);
    writeFileSync(artifact('exported-timeline.svg'), text);
    expect((page as any).errors).toEqual([]);
  });

  it('did all of it under the page’s Content-Security-Policy, with nothing refused', async () => {
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(meta).toBe(contentSecurityPolicy(undefined, 'meta'));
    expect((page as any).cspViolations).toEqual([]);
  });
});

it.runIf(skipReason)('skips the browser tests loudly when Chromium is missing', () => {
  console.warn(`SKIPPED: ${skipReason}`);
  expect(process.env.CI).toBeFalsy();
});
