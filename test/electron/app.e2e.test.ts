/**
 * The real desktop app through Playwright's Electron driver: launch the
 * built app, open a lesson, run it, export the timeline as PNG. Needs the
 * Electron binary, which comes from outside the npm registry: where it is
 * missing the test is skipped with the reason printed — in CI too, since CI
 * machines here cannot download it. Where it exists, the app is built first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { findElectronBinary } from '../../electron/scripts/electron-binary.mjs';

const repo = join(import.meta.dirname, '../..');
const electron = findElectronBinary();
const skipReason = electron.path ? '' : `SKIPPED: Electron binary not installed on this machine (${electron.reason})`;
if (skipReason) console.warn(skipReason);
else if (!existsSync(join(repo, 'out/main/index.js')) || !existsSync(join(repo, 'out/renderer/index.html'))) {
  execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
}

const lesson = join(repo, 'assets/examples/03_say_after_tasks.py');

describe.skipIf(Boolean(skipReason))(skipReason || 'desktop app', () => {
  let app: ElectronApplication;
  let page: Page;
  const userData = mkdtempSync(join(tmpdir(), 'corolab-e2e-'));
  const exported = join(userData, 'timeline.png');

  beforeAll(async () => {
    app = await _electron.launch({
      executablePath: electron.path,
      args: [repo, `--user-data-dir=${userData}`, lesson],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the page from the app scheme with the bridge and no Node', async () => {
    expect(page.url()).toMatch(/^corolab:\/\/app\//);
    expect(await page.evaluate(() => typeof (globalThis as { corolab?: unknown }).corolab)).toBe('object');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  });

  it('opens the lesson given on the command line, runs it and exports the timeline as PNG', async () => {
    // The lesson was queued as a recent file and opened through the renderer.
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle()), { timeout: 30_000 }).toMatch(/03_say_after_tasks/);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.send('menu:command', { command: 'run' }));
    await expect.poll(() => page.locator('body').innerText(), { timeout: 60_000 }).toMatch(/finished at/);
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, exported);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.send('menu:command', { command: 'export', format: 'png' }));
    await expect.poll(() => existsSync(exported), { timeout: 30_000 }).toBe(true);
    expect([...readFileSync(exported).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
