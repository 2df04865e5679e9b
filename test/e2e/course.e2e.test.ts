/**
 * The course in Korean: open the sequential say_after lesson as blocks, run
 * it (7 s, task not done), make it concurrent (a pasted Python program plus
 * one edit on a block), run again (4 s, done, remembered after a reload),
 * and compare the two runs on one time axis. Also: opening .py files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Course } from '../../shared/course';
import { artifact, consoleText, runProgram, useApp } from './browser';
import { editFieldWhere } from './blockly';

const skipReason = inject('skipReason');
const course = Course.parse(JSON.parse(readFileSync(new URL('../../assets/course/course.json', import.meta.url), 'utf8')));
const LESSON = 'sequential-vs-concurrent';
const lesson = course.lessons.find((l) => l.id === LESSON)!;

/** The learner's first try: tasks, but "world" waits 5 s, so the run takes 5 s. */
const ALMOST = `import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(say_after(3, 'hello'))
    task2 = asyncio.create_task(say_after(5, 'world'))
    print(f"started at {time.strftime('%X')}")
    await task1
    await task2
    print(f"finished at {time.strftime('%X')}")


asyncio.run(main())
`;

const workspaceTypes = (page: Page) =>
  page.evaluate(() => (globalThis as any).corolabDebug.workspace.getAllBlocks(false).map((b: any) => b.type as string));

describe.skipIf(skipReason)('the course, in Korean', () => {
  let page: Page;
  useApp((p) => (page = p));

  it('lists the lessons in order in Korean and opens one as blocks with its explanation and task', async () => {
    await page.click('[data-testid=lang]');
    await page.click('[data-testid=lessons]');
    const titles = await page.locator('.gallery .lesson-title').allTextContents();
    expect(titles.map((t) => t.replace(/^\d+\.\s*/, '').replace(/\s*✓$/, ''))).toEqual(course.lessons.map((l) => l.title.ko));
    await page.screenshot({ path: artifact('course-list-ko.png') });
    await page.click(`[data-lesson="${LESSON}"]`);
    await page.waitForSelector(`[data-testid=course-panel][data-lesson="${LESSON}"]`);
    const panel = await page.textContent('[data-testid=course-panel]');
    expect(panel).toContain(lesson.title.ko);
    expect(panel).toContain(lesson.tryThis.task.ko);
    expect(panel).toContain('해 보기');
    // Real blocks, not one raw-Python block, and their program runs top to bottom.
    const types = await workspaceTypes(page);
    expect(types).toContain('aio_async_def');
    expect(types).not.toContain('aio_raw');
    const source = await page.evaluate(() => storeState().source);
    expect(source.indexOf('async def say_after')).toBeLessThan(source.indexOf('async def main'));
    expect(source.indexOf('async def main')).toBeLessThan(source.indexOf('asyncio.run(main())'));
    // The re-stacked definitions do not overlap.
    const boxes = await page.evaluate(() =>
      (globalThis as any).corolabDebug.workspace.getTopBlocks(true).map((b: any) => {
        const r = b.getSvgRoot().getBoundingClientRect();
        return [r.top, r.bottom];
      }),
    );
    for (let i = 1; i < boxes.length; i++) expect(boxes[i][0]).toBeGreaterThanOrEqual(boxes[i - 1][1]);
  });

  it('runs the sequential version: 7 s, the task is not done yet', async () => {
    await runProgram(page);
    await page.waitForSelector('[data-testid=check-result][data-passed=false]');
    const result = await page.textContent('[data-testid=check-result]');
    expect(result).toContain('아직 아닙니다');
    expect(result).toContain('7.0초 뒤에 끝남');
    expect(await page.evaluate(() => (storeState().model as any).trace.meta.end.seconds)).toBeCloseTo(7, 6);
    await page.click('[data-testid=pin-run]');
    expect(await page.isVisible('[data-testid=compare]')).toBe(true);
  });

  it('pasted Python opens as blocks; a 5 s try still fails; editing a block to 4 s completes the task', async () => {
    await page.click('[data-testid=paste-python]');
    await page.fill('[data-testid=paste-source]', ALMOST);
    await page.screenshot({ path: artifact('course-paste-ko.png') });
    await page.click('[data-testid=paste-open]');
    await page.waitForFunction(() => !storeState().converting && storeState().source.includes('create_task'));
    expect(await page.isVisible('[data-testid=notice]')).toBe(false);
    const types = await workspaceTypes(page);
    expect(types).toContain('aio_create_task');
    expect(types).not.toContain('aio_raw');

    await runProgram(page);
    await page.waitForSelector('[data-testid=check-result][data-passed=false]');
    expect(await page.textContent('[data-testid=check-result]')).toContain('5.0초 뒤에 끝남');

    // The real edit: the 5 on the world task's block becomes 4.
    await editFieldWhere(page, 'math_number', 'NUM', '5', '4');
    await page.waitForFunction(() => storeState().source.includes("say_after(4, 'world')"));
    await runProgram(page);
    await page.waitForSelector('[data-testid=check-result][data-passed=true]');
    const result = await page.textContent('[data-testid=check-result]');
    expect(result).toContain('완료!');
    // A passed combined check reports everything it measured, the run time first.
    expect(result).toContain('4.0초 뒤에 끝남 · 동시에 최대 2개 태스크');
    expect(await page.evaluate(() => (storeState().model as any).trace.meta.end.seconds)).toBeCloseTo(4, 6);
    expect(await page.textContent('[data-testid=course-panel] h3')).toContain('✓');
    expect((await consoleText(page)).split('\n').filter((l) => !l.startsWith('started') && !l.startsWith('finished'))).toEqual(['hello', 'world']);
    await page.screenshot({ path: artifact('course-done-ko.png') });
  });

  it('compares the pinned 7 s run with the 4 s run on one time axis', async () => {
    await page.click('[data-testid=compare]');
    await page.waitForSelector('[data-testid=compare-current]');
    expect(await page.textContent('[data-testid=compare-summary]')).toBe('7.0초 → 4.0초: 3.0초 빠름 (1.75배)');
    const pinned = page.locator('[data-testid=compare-pinned]');
    const current = page.locator('[data-testid=compare-current]');
    // Event loop + main, and event loop + main + two tasks.
    expect(await pinned.getAttribute('data-lanes')).toBe('2');
    expect(await current.getAttribute('data-lanes')).toBe('4');
    // One axis: main's done marker (a green dot) sits at the right end for the 7 s run, at 4/7 of the plot for the 4 s run.
    const doneMarkerX = (testId: string) =>
      page.evaluate((testId) => {
        const canvas = document.querySelector(`[data-testid=${testId}] canvas`) as HTMLCanvasElement;
        const dpr = window.devicePixelRatio || 1;
        const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        // The middle of lane 1 (main): below the 26 px axis and the 24 px event-loop lane.
        const y = Math.round((26 + 24 + 12) * dpr);
        const green: number[] = [];
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (Math.abs(data[i]! - 0x4c) + Math.abs(data[i + 1]! - 0xaf) + Math.abs(data[i + 2]! - 0x50) < 30) green.push(x);
        }
        return { x: green.length ? green.reduce((a, b) => a + b, 0) / green.length / dpr : NaN, width: width / dpr };
      }, testId);
    const a = await doneMarkerX('compare-pinned');
    const b = await doneMarkerX('compare-current');
    const left = 150 + 8;
    const right = a.width - 12;
    expect(Math.abs(a.x - right)).toBeLessThan(3);
    expect(Math.abs(b.x - (left + (4 / 7) * (right - left)))).toBeLessThan(3);
    await page.screenshot({ path: artifact('course-compare-ko.png') });
  });

  it('remembers the finished lesson after a reload', async () => {
    await page.reload();
    await page.waitForSelector('.injectionDiv');
    await page.click('[data-testid=lessons]');
    expect(await page.getAttribute(`[data-lesson="${LESSON}"]`, 'data-done')).toBe('true');
    expect(await page.getAttribute(`[data-lesson="${course.lessons[0]!.id}"]`, 'data-done')).toBe('false');
    await page.click('.gallery-head button');
  });

  it('opens .py files as blocks, and tells when a file has a syntax error', async () => {
    await page.setInputFiles('[data-testid=open-py-input]', { name: 'hello.py', mimeType: 'text/x-python', buffer: Buffer.from('print("from a file")\n') });
    await page.waitForFunction(() => storeState().filename === 'hello.py' && !storeState().converting);
    expect(await workspaceTypes(page)).toContain('aio_print');
    expect(await page.isVisible('[data-testid=notice]')).toBe(false);
    await page.setInputFiles('[data-testid=open-py-input]', { name: 'broken.py', mimeType: 'text/x-python', buffer: Buffer.from('def broken(:\n    pass\n') });
    await page.waitForSelector('[data-testid=notice][data-kind=syntax-error]');
    expect(await page.textContent('[data-testid=notice]')).toContain('문법 오류');
    expect(await workspaceTypes(page)).toEqual(['aio_raw']);
    await page.screenshot({ path: artifact('open-py-syntax-error-ko.png') });
  });
});
