/**
 * Every lesson, opened from the gallery and run in the browser, prints what
 * the same program prints through the Node runtime host (the CLI's runtime),
 * on the same virtual clock start.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { RuntimeHost } from '../../shared/runtime/node-host';
import { LessonIndex } from '../../shared/lessons';
import { artifact, consoleText, installHelpers, launch, openApp, runProgram } from './browser';

const skipReason = inject('skipReason');
const examples = new URL('../../assets/examples/', import.meta.url);
const lessons = LessonIndex.parse(JSON.parse(readFileSync(new URL('lessons.json', examples), 'utf8')));
/** 2024-01-01T09:00:00Z: both runs read the same wall clock. */
const CLOCK_START = 1704099600;

describe.skipIf(skipReason)('lessons from the gallery', () => {
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
    const source = readFileSync(new URL(lesson.file, examples), 'utf8');
    let expected = '';
    const result = await host.run(source, lesson.file, { clockStart: CLOCK_START }, (chunks) => {
      for (const c of chunks) expected += c.text;
    });
    expect(expected.trim()).not.toBe('');

    await page.click('[data-testid=lessons]');
    await page.click(`[data-lesson="${lesson.id}"]`);
    await page.waitForFunction((file) => storeState().filename === file, lesson.file);
    expect(await page.textContent('[data-testid=code-view]')).toContain(source.trim().split('\n')[0]!.trim());
    await runProgram(page);

    const shown = await consoleText(page);
    const normalise = (text: string) => text.split('\n').map((l) => l.trimEnd()).join('\n').trim();
    expect(normalise(shown)).toBe(normalise(expected));
    const status = await page.evaluate(() => (storeState().model as any).trace.meta.end);
    expect(status.status).toBe(result.trace.meta.end.status);
    expect(status.seconds).toBeCloseTo(result.trace.meta.end.seconds, 6);
    if (lesson.expectedSeconds !== undefined && status.status === 'ok') expect(status.seconds).toBeCloseTo(lesson.expectedSeconds, 3);
  });

  it('shows lesson titles in Korean when the UI is switched to Korean', async () => {
    await page.click('[data-testid=lang]');
    await page.click('[data-testid=lessons]');
    const titles = await page.locator('.gallery .lesson-title').allTextContents();
    expect(titles).toEqual(lessons.map((l) => l.title.ko));
    await page.screenshot({ path: artifact('gallery-korean.png') });
    await page.click('[data-testid=lang]');
    expect(await page.locator('.gallery .lesson-title').allTextContents()).toEqual(lessons.map((l) => l.title.en));
  });
});
