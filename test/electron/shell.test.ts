/** Menu accelerators, the app scheme's file resolution, the CSP and the window's web preferences. */
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../electron/main/menu';
import { resolveAppRequest } from '../../electron/main/protocol';
import { isAppUrl } from '../../electron/main/security';
import { contentSecurityPolicy } from '../../shared/csp';
import { secureWebPreferences } from '../../electron/main/windows';
import { documentArgs } from '../../electron/main/open-requests';
import { unpackedPath } from '../../electron/main/worker-path-unpacked';
import type { MenuCommand } from '../../shared/ipc';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('menu', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it(`has the usual accelerators, each once, on ${platform}`, () => {
      const sent: MenuCommand[] = [];
      const items = flatten(buildMenuTemplate({ platform, appName: 'Corolab', recent: [{ name: 'a.corolab' }], send: (c) => sent.push(c), about: () => {} }));
      const byKey = new Map(items.filter((i) => i.accelerator).map((i) => [i.accelerator as string, i]));
      const accelerators = items.map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
      const click = (key: string) => (byKey.get(key)?.click as () => void)();
      for (const key of ['F5', 'Shift+F5', 'F10', 'Shift+F10', 'F11', 'Shift+F11', 'CmdOrCtrl+O', 'CmdOrCtrl+S', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+E']) click(key);
      expect(sent).toEqual([
        { command: 'run' },
        { command: 'stop' },
        { command: 'step', direction: 'forward', unit: 'line' },
        { command: 'step', direction: 'back', unit: 'line' },
        { command: 'step', direction: 'forward', unit: 'step' },
        { command: 'step', direction: 'back', unit: 'step' },
        { command: 'open' },
        { command: 'save' },
        { command: 'save-as' },
        { command: 'export', format: 'png' },
      ]);
      expect(items.some((i) => i.label === 'About Corolab')).toBe(true);
      const recent = items.find((i) => i.label === 'a.corolab');
      (recent?.click as () => void)();
      expect(sent.at(-1)).toEqual({ command: 'open-recent', index: 0 });
    });
  }
});

describe('app scheme', () => {
  const root = '/opt/corolab/out/renderer';
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppRequest(root, 'corolab://app/')).toBe(`${root}/index.html`);
    expect(resolveAppRequest(root, 'corolab://app/assets/index-1.js?x=1')).toBe(`${root}/assets/index-1.js`);
    // The URL parser folds plain dot segments away: they stay inside the folder.
    expect(resolveAppRequest(root, 'corolab://app/../../etc/passwd')).toBe(`${root}/etc/passwd`);
    for (const url of [
      'corolab://app/assets/..%2f..%2f..%2fetc%2fpasswd',
      'corolab://app/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'corolab://other/index.html',
      'file:///etc/passwd',
      'corolab://app/%00index.html',
      'corolab://app/%E0%A4%A',
    ]) {
      expect(resolveAppRequest(root, url), url).toBeUndefined();
    }
  });

  it('trusts only our own pages', () => {
    expect(isAppUrl('corolab://app/index.html')).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/x.ts', 'http://localhost:5173')).toBe(true);
  });

  it('has a strict Content-Security-Policy', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(contentSecurityPolicy('http://localhost:5173')).toMatch(/connect-src 'self' http:\/\/localhost:5173 ws:\/\/localhost:5173/);
    // A <meta> element cannot carry frame-ancestors; everything else is the same.
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(contentSecurityPolicy(undefined, 'meta')).toBe(csp.replace("; frame-ancestors 'none'", ''));
  });

  it('opens windows isolated and sandboxed', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });
});

describe('files from the system', () => {
  it('picks documents out of a command line', () => {
    expect(documentArgs(['/usr/bin/corolab', '--no-sandbox', 'lesson.corolab', '/tmp/a.py', 'notes.txt'], '/home/u')).toEqual(['/home/u/lesson.corolab', '/tmp/a.py']);
  });

  it('runs the packaged worker from the unpacked folder', () => {
    expect(unpackedPath('/opt/Corolab/resources/app.asar/out/main/chunks/node-worker-1.js')).toBe('/opt/Corolab/resources/app.asar.unpacked/out/main/chunks/node-worker-1.js');
    expect(unpackedPath('/work/out/main/chunks/node-worker-1.js')).toBe('/work/out/main/chunks/node-worker-1.js');
  });
});
