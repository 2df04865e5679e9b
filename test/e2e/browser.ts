/** Chromium through playwright-core, and the page helpers the tests share. */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = new URL('../artifacts/', import.meta.url);

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function openApp(browser: Browser, baseUrl: string, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 960 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // What the page's Content-Security-Policy refused (Chromium reports it on the console).
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('Content Security Policy')) cspViolations.push(m.text());
  });
  Object.assign(page, { errors, cspViolations });
  await page.goto(baseUrl + query);
  await page.waitForSelector('.injectionDiv');
  return page;
}

/**
 * One browser with the app open for the tests of a describe block: the page is
 * handed to `ready` once it is loaded (with the test helpers installed).
 */
export function useApp(ready: (page: Page) => void, query = ''): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    const page = await openApp(browser, inject('baseUrl'), query);
    await installHelpers(page);
    ready(page);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return new URL(name, ARTIFACTS).pathname;
}

/** Runs the program with the Run button and waits for the run to finish. */
export async function runProgram(page: Page, timeout = 90_000): Promise<void> {
  const before = await page.evaluate(() => storeState().model);
  await page.click('[data-testid=run]');
  await page.waitForFunction((prev) => {
    const s = storeState();
    return !s.running && s.model && s.model !== prev;
  }, before, { timeout, polling: 100 });
}

function readConsole(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { corolabDebug: { consoleText(): string } }).corolabDebug.consoleText());
}

/** The console's text once it has settled: xterm.js renders what it is given in a later task. */
export async function consoleText(page: Page): Promise<string> {
  let text = await readConsole(page);
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(60);
    const again = await readConsole(page);
    if (again === text) break;
    text = again;
  }
  return text;
}

/** The console's text once it contains `text`: xterm.js renders what it is given in a later task. */
export async function consoleTextWith(page: Page, text: string, timeout = 10_000): Promise<string> {
  await page
    .waitForFunction((t) => (globalThis as unknown as { corolabDebug: { consoleText(): string } }).corolabDebug.consoleText().includes(t), text, { timeout, polling: 20 })
    .catch(() => {});
  return readConsole(page);
}

// Evaluated in the page: the store as the app sees it.
declare global {
  function storeState(): {
    running: boolean;
    model: unknown;
    cursor: number;
    source: string;
    [key: string]: unknown;
  };
}

/** Installs the `storeState()` helper in every page of a context. */
export async function installHelpers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (globalThis as unknown as { storeState: () => unknown }).storeState = () =>
      (globalThis as unknown as { corolabDebug: { store: { getState(): unknown } } }).corolabDebug.store.getState();
  });
  await page.evaluate(() => {
    (globalThis as unknown as { storeState: () => unknown }).storeState = () =>
      (globalThis as unknown as { corolabDebug: { store: { getState(): unknown } } }).corolabDebug.store.getState();
  });
}
