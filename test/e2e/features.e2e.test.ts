/**
 * Stop, tracebacks linked to blocks, console prefixes, timeline clicks,
 * themes and language, and a big run (measured, reported, not timed).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact, consoleText, installHelpers, runProgram, useApp } from './browser';
import { typeRawProgram } from './blockly';

const skipReason = inject('skipReason');

describe.skipIf(skipReason)('running, stopping and reading a run', () => {
  let page: Page;
  useApp((p) => (page = p));

  it('stops a program that never yields, and runs the next one', async () => {
    await typeRawProgram(page, 'import asyncio\n\nasync def main():\n    print("spinning")\n    while True:\n        pass\n\nasyncio.run(main())');
    await page.click('[data-testid=run]');
    await page.waitForFunction(() => (globalThis as any).corolabDebug.consoleText().includes('spinning'), undefined, { timeout: 90_000 });
    await page.click('[data-testid=stop]');
    await page.waitForFunction(() => !storeState().running && storeState().model, undefined, { timeout: 20_000 });
    const end = await page.evaluate(() => (storeState().model as any).trace.meta.end.status);
    expect(end).toBe('stopped');
    const shown = await consoleText(page);
    expect(shown).toContain('spinning');
    expect(shown).toContain('corolab: stopped');

    await typeRawProgram(page, 'print("again")');
    await runProgram(page);
    expect(await consoleText(page)).toBe('again');
  });

  it('ends a run that crashes Python, saying why, and runs the next one', async () => {
    // Too deep for the worker's stack in CPython's C code: Pyodide cannot go on after that, and a
    // browser's worker lives on after an error, so the run used to wait for its time limit.
    await typeRawProgram(page, 'print("built")\nl = []\nfor i in range(100000):\n    l = [l]\nprint(len(repr(l)))');
    await runProgram(page);
    const end = await page.evaluate(() => (storeState().model as any).trace.meta.end);
    expect(end.status).toBe('stopped');
    expect(end.message).toMatch(/^the runtime crashed: the program went too deep for the runtime's stack/);
    const shown = await consoleText(page);
    expect(shown).toMatch(/^built\n/);
    expect(shown).toContain('corolab: the runtime crashed');

    await typeRawProgram(page, 'print("again")');
    await runProgram(page);
    expect(await consoleText(page)).toBe('again');
  });

  it('links a traceback line to the block that raised, and prefixes lines with time and task', async () => {
    await typeRawProgram(
      page,
      'import asyncio\n\nasync def boom():\n    await asyncio.sleep(2)\n    print("about to fail")\n    raise ValueError("bad value")\n\nasync def main():\n    await asyncio.create_task(boom(), name="boomer")\n\nasyncio.run(main())',
    );
    await runProgram(page);
    const text = await consoleText(page);
    expect(text).toContain('ValueError: bad value');
    expect(text).toContain('File "main.py", line 6, in boom');

    const row = page.locator('.xterm-rows > div', { hasText: 'line 6, in boom' });
    const box = (await row.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await page.waitForTimeout(200);
    await page.mouse.click(box.x + 40, box.y + box.height / 2);
    const raw = await page.evaluate(() => (globalThis as any).corolabDebug.workspace.getAllBlocks(false)[0].id);
    await page.waitForFunction((id) => storeState().focusBlock === id, raw);

    await page.click('[data-testid=prefixes]');
    const prefixed = (await consoleText(page)).split('\n');
    expect(prefixed[0]).toMatch(/^\[\s*2\.000s boomer\] about to fail$/);
    expect(prefixed.at(-1)).toMatch(/^\[\s*2\.000s -\] ValueError: bad value$/);
    await page.click('[data-testid=prefixes]');
  });

  it('moves the stepper to a span clicked on the timeline, and steps by task step and loop iteration', async () => {
    const spot = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid=swimlane] canvas')!.getBoundingClientRect();
      const laneH = Number((document.querySelector('[data-testid=swimlane]') as HTMLElement).dataset.laneH);
      const m = storeState().model as any;
      const lane = m.layout.lanes.findIndex((l: any) => l.title === 'boomer');
      return { canvas: { x: canvas.left, y: canvas.top, w: canvas.width, h: canvas.height }, lane, laneH, lanes: m.layout.lanes.length };
    });
    expect(spot.lane).toBeGreaterThan(0);
    // A run of few tasks: the lanes grow to fill the pane.
    expect(spot.laneH).toBeGreaterThan(24);
    expect(26 + spot.lanes * spot.laneH).toBeLessThanOrEqual(spot.canvas.h);
    // The boomer's sleep(2) spans the middle of the run: click its lane halfway.
    const y = spot.canvas.y + 26 + spot.lane * spot.laneH + spot.laneH / 2;
    await page.mouse.move(spot.canvas.x + spot.canvas.w * 0.5, y);
    await expect(page.locator('.tooltip').textContent()).resolves.toContain('awaiting sleep(2)');
    await page.mouse.click(spot.canvas.x + spot.canvas.w * 0.5, y);
    const at = await page.evaluate(() => {
      const s = storeState() as any;
      const e = s.model.trace.events;
      return { kind: e.kind[s.cursor], task: s.model.states.names[e.task[s.cursor]] };
    });
    expect(at).toEqual({ kind: 4, task: 'boomer' }); // the Await that opened the span

    const kindAt = () => page.evaluate(() => (storeState().model as any).trace.events.kind[storeState().cursor]);
    await page.keyboard.press('F11');
    expect(await kindAt()).toBe(2); // StepStart
    await page.keyboard.press('Alt+ArrowLeft');
    expect(await kindAt()).toBe(0); // LoopIteration
    await page.keyboard.press('Shift+F11');
    expect(await kindAt()).toBe(2);
  });

  it('scrolls the code view to the line at the cursor only when it is out of view', async () => {
    const body = Array.from({ length: 45 }, (_, i) => `    x += ${i}`).join('\n');
    await typeRawProgram(page, `import asyncio\n\nasync def main():\n    x = 0\n${body}\n    print(x)\n\nasyncio.run(main())`);
    await runProgram(page);
    // Seeks to the Line event of a line, then reports where that line is against the view.
    const seekToLine = (line: number) =>
      page.evaluate(async (line) => {
        const s = storeState() as any;
        const e = s.model.trace.events;
        const pos = e.kind.findIndex((k: number, i: number) => k === 16 && e.b[i] === line);
        s.seek(pos);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const view = document.querySelector('[data-testid=code-view]')!;
        const current = view.querySelector('.code-line.current')!;
        const v = view.getBoundingClientRect();
        const c = current.getBoundingClientRect();
        return { marked: current.querySelector('.line-no')!.textContent, inView: c.top >= v.top && c.bottom <= v.bottom, scrollTop: view.scrollTop };
      }, line);
    const high = await seekToLine(49);
    expect(high).toMatchObject({ marked: '49', inView: true });
    expect(high.scrollTop).toBeGreaterThan(0);
    // A line already in view: the view stays where it is.
    expect(await seekToLine(48)).toEqual({ marked: '48', inView: true, scrollTop: high.scrollTop });
    const low = await seekToLine(4);
    expect(low).toMatchObject({ marked: '4', inView: true });
    expect(low.scrollTop).toBeLessThan(high.scrollTop);
    expect(await seekToLine(5)).toEqual({ marked: '5', inView: true, scrollTop: low.scrollTop });
  });

  it('switches to the light theme and to Korean', async () => {
    await page.click('[data-testid=theme]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.click('[data-testid=lang]');
    await expect(page.textContent('[data-testid=run]')).resolves.toContain('실행');
    // The previous test's run is still shown: its tasks' states read in Korean too.
    await expect(page.textContent('[data-testid=state-panel] .task-states')).resolves.toMatch(/완료|대기 중|실행 중|준비|취소됨|실패|생성 전/);
    await page.screenshot({ path: artifact('light-korean.png') });
    await page.click('[data-testid=lang]');
    await page.click('[data-testid=theme]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
  });

  it('autosaves the workspace: a reload brings the program back', async () => {
    await typeRawProgram(page, 'print("kept across reloads")');
    await page.waitForTimeout(600);
    await page.reload();
    await page.waitForSelector('.injectionDiv');
    await installHelpers(page);
    await page.waitForFunction(() => storeState().source.includes('kept across reloads'));
    expect(await page.evaluate(() => storeState().dirty)).toBe(false);
  });

  // COROLAB_BIG_TASKS=10000 measures the full-size case by hand; the suite keeps to a size that runs in seconds.
  const bigTasks = Number(process.env.COROLAB_BIG_TASKS ?? 2000);

  it(`draws and seeks a run with ${bigTasks} tasks`, async () => {
    await typeRawProgram(
      page,
      'import asyncio\n\nasync def worker(i):\n    for k in range(10):\n        await asyncio.sleep((i % 97) / 100 + k / 10)\n\nasync def main():\n    await asyncio.gather(*(worker(i) for i in range(' + bigTasks + ')))\n\nasyncio.run(main())',
    );
    // A long run streams its trace: the toolbar counts events while it goes on.
    const progress = page.waitForFunction(
      () => /\d[\d,]* events/.test(document.querySelector('[data-testid=run-progress]')?.textContent ?? ''),
      undefined,
      { timeout: 300_000, polling: 20 },
    );
    await runProgram(page, 300_000);
    await progress;
    const stats = await page.evaluate(async () => {
      const s = storeState() as any;
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const canvas = document.querySelector('[data-testid=swimlane] canvas')! as HTMLCanvasElement;
      const box = document.querySelector('[data-testid=swimlane]') as HTMLElement;
      const frames: number[] = [];
      for (let i = 0; i < 20; i++) {
        canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 10 ? -120 : 120, clientX: 600, bubbles: true, cancelable: true }));
        await frame();
        frames.push(Number(box.dataset.frameMs));
      }
      const seeks: number[] = [];
      const n = s.model.steps.count;
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        s.seek(Math.floor(((i * 7919) % 20) / 20 * n));
        seeks.push(performance.now() - started);
      }
      frames.sort((a, b) => a - b);
      seeks.sort((a, b) => a - b);
      return {
        events: n,
        lanes: s.model.layout.lanes.length,
        segments: s.model.layout.segments.kind.length,
        frameMedianMs: frames[10],
        frameMaxMs: frames[19],
        seekMedianMs: seeks[10],
        seekMaxMs: seeks[19],
      };
    });
    console.log(`big run: ${JSON.stringify(stats)}`);
    expect(stats.lanes).toBe(bigTasks + 2);
    expect(stats.segments).toBeGreaterThan(bigTasks * 20);
    expect(Number.isFinite(stats.frameMedianMs)).toBe(true);
    await page.screenshot({ path: artifact('big-run.png') });
  });
});
