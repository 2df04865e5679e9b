/**
 * Every course lesson, opened from the course as blocks and run in the
 * browser, prints what its lesson program prints through the Node runtime
 * host (the CLI's runtime), on the same virtual clock start.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { RuntimeHost } from '../../shared/runtime/node-host';
import { Course } from '../../shared/course';
import { artifact, consoleText, installHelpers, launch, openApp, runProgram } from './browser';

const skipReason = inject('skipReason');
const examples = new URL('../../assets/examples/', import.meta.url);
const course = Course.parse(JSON.parse(readFileSync(new URL('../../assets/course/course.json', import.meta.url), 'utf8'))).lessons;
// Several lessons start from the same program: run each program once.
const lessons = course.filter((l, i) => course.findIndex((m) => m.program === l.program) === i);
/** 2024-01-01T09:00:00Z: both runs read the same wall clock. */
const CLOCK_START = 1704099600;

describe.skipIf(skipReason)('lessons from the course', () => {
  let browser: Browser;
  let page: Page;
  let host: RuntimeHost;

  beforeAll(async () => {
    host = new RuntimeHost({ timeoutMs: 30_000 });
    browser = await launch();
    page = await openApp(browser, inject('baseUrl'), `?clockStart=${CLOCK_START}`);
    await installHelpers(page);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.dispose();
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s prints what the CLI runtime prints', async (_id, lesson) => {
    const lessonProgram = readFileSync(new URL(lesson.program, examples), 'utf8');
    await page.click('[data-testid=lessons]');
    await page.click(`[data-lesson="${lesson.id}"]`);
    await page.waitForFunction((file) => storeState().filename === file && storeState().source !== '', lesson.program);
    expect(await page.textContent('[data-testid=code-view]')).toContain(lessonProgram.trim().split('\n').at(-1)!.trim());
    // The program the blocks generate (line numbers in tracebacks are its own), run by the CLI's runtime.
    const source = await page.evaluate(() => storeState().source);
    let expected = '';
    const result = await host.run(source, lesson.program, { clockStart: CLOCK_START }, (chunks) => {
      for (const c of chunks) expected += c.text;
    });
    expect(expected.trim()).not.toBe('');

    await runProgram(page);

    const shown = await consoleText(page);
    const normalise = (text: string) => text.split('\n').map((l) => l.trimEnd()).join('\n').trim();
    expect(normalise(shown)).toBe(normalise(expected));
    const status = await page.evaluate(() => (storeState().model as any).trace.meta.end);
    expect(status.status).toBe(result.trace.meta.end.status);
    expect(status.seconds).toBeCloseTo(result.trace.meta.end.seconds, 6);
  });

  it('shows lesson titles in Korean when the UI is switched to Korean', async () => {
    await page.click('[data-testid=lang]');
    await page.click('[data-testid=lessons]');
    const titles = () => page.locator('.gallery .lesson-title').allTextContents().then((all) => all.map((t) => t.replace(/^\d+\.\s*/, '').replace(/\s*✓$/, '')));
    expect(await titles()).toEqual(course.map((l) => l.title.ko));
    await page.screenshot({ path: artifact('gallery-korean.png') });
    await page.click('[data-testid=lang]');
    expect(await titles()).toEqual(course.map((l) => l.title.en));
  });
});
