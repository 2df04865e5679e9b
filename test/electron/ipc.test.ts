/**
 * Main's IPC router and the preload bridge, run against each other through
 * the Electron mock: every request is validated in main, foreign senders are
 * refused, and replies reach the page checked and with typed arrays intact.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, WebContents } from 'electron';
import { createIpcRouter, makeTrustCheck, sendEvent } from '../../electron/main/ipc';
import type { IpcRouter } from '../../electron/main/ipc';
import { isAppUrl } from '../../electron/main/security';
import { setupFiles } from '../../electron/main/files';
import { DocumentSession } from '../../electron/main/document-session';
import { RecoveryStore } from '../../electron/main/recovery';
import { parseProject } from '../../shared/project';
import type { CorolabBridge } from '../../shared/ipc';
import { FakeWebContents, exposed, ipcMain, rendererContents } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const ours = new Set<number>([rendererContents.id]);
const trust = makeTrustCheck((c: WebContents) => ours.has(c.id), (url) => isAppUrl(url));
let router: IpcRouter;
let bridge: CorolabBridge;
const refusals: string[] = [];

beforeAll(async () => {
  router = createIpcRouter(ipcMain as unknown as IpcMain, trust, (m) => refusals.push(m));
  await import('../../electron/preload/index');
  bridge = exposed.corolab as CorolabBridge;
});

afterEach(() => {
  for (const channel of [...ipcMain.handlers.keys()]) ipcMain.removeHandler(channel);
  router = createIpcRouter(ipcMain as unknown as IpcMain, trust, (m) => refusals.push(m));
});

const lesson = { title: 'L1', workspace: null, source: 'print(1)\n' };

describe('IPC validation in main', () => {
  it('passes a valid request to its handler', async () => {
    const seen: unknown[] = [];
    router.handle('doc:state', (request) => void seen.push(request));
    await ipcMain.invoke('doc:state', rendererContents, rendererContents.mainFrame, { dirty: true, title: 'x' });
    expect(seen).toEqual([{ dirty: true, title: 'x' }]);
  });

  it.each([
    ['no payload', undefined],
    ['wrong types', { dirty: 'yes', title: 'x' }],
    ['extra arguments', 'second'],
    ['a title too long', { dirty: true, title: 'x'.repeat(201) }],
  ])('rejects a malformed request (%s) before the handler runs', async (_name, payload) => {
    const handler = vi.fn();
    router.handle('doc:state', handler);
    const args = _name === 'extra arguments' ? [{ dirty: true, title: 'x' }, payload] : [payload];
    await expect(ipcMain.invoke('doc:state', rendererContents, rendererContents.mainFrame, ...args)).rejects.toThrow(/doc:state: (malformed request|expected one argument)/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects a run whose program is not a string or whose options are wrong', async () => {
    const handler = vi.fn();
    router.handle('runtime:run', handler);
    const bad = [
      { runId: 1, source: 42, filename: 'a.py' },
      { runId: 1, source: 'x', filename: '' },
      { runId: -1, source: 'x', filename: 'a.py' },
      { runId: 1, source: 'x', filename: 'a.py', options: { limits: { maxSteps: -5 } } },
    ];
    for (const payload of bad) {
      await expect(ipcMain.invoke('runtime:run', rendererContents, rendererContents.mainFrame, payload)).rejects.toThrow(/malformed request/);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses senders that are not our windows, subframes and pages we did not serve', async () => {
    const handler = vi.fn();
    router.handle('autosave:clear', handler);
    const stranger = new FakeWebContents(99);
    await expect(ipcMain.invoke('autosave:clear', stranger, stranger.mainFrame, {})).rejects.toThrow(/not a Corolab window/);
    await expect(ipcMain.invoke('autosave:clear', rendererContents, { url: 'corolab://app/index.html' }, {})).rejects.toThrow(/not a Corolab window/);
    const navigated = new FakeWebContents(rendererContents.id, 'https://evil.example/');
    ours.add(navigated.id);
    await expect(ipcMain.invoke('autosave:clear', navigated, navigated.mainFrame, {})).rejects.toThrow(/not a Corolab window/);
    await expect(ipcMain.invoke('autosave:clear', rendererContents, null, {})).rejects.toThrow(/not a Corolab window/);
    expect(handler).not.toHaveBeenCalled();
    expect(refusals.some((r) => r.includes('https://evil.example/'))).toBe(true);
  });

  it('refuses to send the renderer an event the contract does not allow', () => {
    const contents = new FakeWebContents(5);
    expect(() => sendEvent(contents as unknown as WebContents, 'menu:command', { command: 'format-disk' } as never)).toThrow();
    sendEvent(contents as unknown as WebContents, 'menu:command', { command: 'step', direction: 'back', unit: 'line' });
    expect(contents.sent).toEqual([['menu:command', { command: 'step', direction: 'back', unit: 'line' }]]);
  });

  it('refuses a reply from main that breaks the contract', async () => {
    router.handle('dialog:unsaved', () => 'maybe' as never);
    await expect(ipcMain.invoke('dialog:unsaved', rendererContents, rendererContents.mainFrame, { title: 't' })).rejects.toThrow();
  });
});

describe('the preload bridge', () => {
  it('exposes named methods only, never ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['corolab']);
    const values = Object.values(bridge);
    expect(values.every((v) => typeof v === 'function' || typeof v === 'string')).toBe(true);
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|invoke|send/i);
  });

  it('carries a run with streamed output and a typed-array trace', async () => {
    router.handle('runtime:run', async (request, event) => {
      sendEvent(event.sender, 'runtime:output', { runId: request.runId, chunks: [{ stream: 'stdout', text: 'hi\n', t: 1, task: 0 }] });
      sendEvent(event.sender, 'runtime:output', { runId: request.runId + 100, chunks: [{ stream: 'stdout', text: 'other run\n', t: 1, task: 0 }] });
      sendEvent(event.sender, 'runtime:run-progress', { runId: request.runId, progress: { events: 1, tasks: 1, seconds: 0 } });
      sendEvent(event.sender, 'runtime:run-progress', { runId: request.runId + 100, progress: { events: 9, tasks: 9, seconds: 9 } });
      return {
        runMs: 3,
        restarted: false,
        trace: {
          meta: { version: 1, filename: request.filename, clockStart: 0, lines: false, end: { status: 'ok', exitCode: 0, message: '', seconds: 1 } },
          strings: ['main'],
          tasks: { name: [0], parent: [-1], coro: [0], line: [1] },
          timers: { when: [], label: [] },
          futures: { label: [] },
          events: { kind: Uint8Array.of(1, 2), t: Float64Array.of(0, 0.5), task: Int32Array.of(0, 0), a: Int32Array.of(-1, 0), b: Int32Array.of(0, 0) },
        },
      };
    });
    const output: string[] = [];
    const progress: unknown[] = [];
    const result = await bridge.run(
      { source: 'print("hi")', filename: 'a.py', options: {} },
      (chunks) => output.push(...chunks.map((c) => c.text)),
      (p) => progress.push(p),
    );
    expect(output).toEqual(['hi\n']);
    expect(progress).toEqual([{ events: 1, tasks: 1, seconds: 0 }]);
    expect(result.trace.events.t).toBeInstanceOf(Float64Array);
    expect(Array.from(result.trace.events.t)).toEqual([0, 0.5]);
    expect(result.trace.meta.filename).toBe('a.py');
  });

  it('refuses a trace whose columns are not typed arrays', async () => {
    router.handle('runtime:run', () => ({
      runMs: 1,
      restarted: false,
      trace: {
        meta: { version: 1, filename: 'a.py', clockStart: 0, lines: false, end: { status: 'ok', exitCode: 0, message: '', seconds: 0 } },
        strings: [],
        tasks: { name: [], parent: [], coro: [], line: [] },
        timers: { when: [], label: [] },
        futures: { label: [] },
        events: { kind: [1], t: [0], task: [0], a: [0], b: [0] },
      } as never,
    }));
    await expect(bridge.run({ source: 'x', filename: 'a.py', options: {} }, () => {})).rejects.toThrow();
  });

  it('saves through main to the file chosen in the dialog, and opens a dropped file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corolab-ipc-'));
    const chosen = join(dir, 'lesson');
    const dialog = {
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: chosen })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    };
    const window = { setTitle: vi.fn(), setDocumentEdited: vi.fn() };
    setupFiles({
      ipc: router,
      dialog: dialog as never,
      session: new DocumentSession(join(dir, 'recent.json')),
      recovery: new RecoveryStore(join(dir, 'recovery')),
      windowOf: () => window as never,
      closeWindow: vi.fn(),
    });
    expect(await bridge.save(lesson)).toEqual({ status: 'saved', title: 'L1', fileName: 'lesson.corolab' });
    expect(parseProject(readFileSync(`${chosen}.corolab`, 'utf8'))).toEqual(lesson);
    // Save again: no dialog, same file.
    expect(await bridge.save({ ...lesson, title: 'L2' })).toMatchObject({ status: 'saved' });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(await bridge.recentFiles()).toEqual([{ name: 'lesson.corolab', path: `${chosen}.corolab` }]);

    writeFileSync(join(dir, 'dropped.py'), 'print("dropped")\n');
    expect(await bridge.openDropped({ path: join(dir, 'dropped.py') } as unknown as Blob)).toEqual({
      status: 'python', source: 'print("dropped")\n', title: 'dropped', fileName: 'dropped.py',
    });
    writeFileSync(join(dir, 'evil.corolab'), '{"format": "corolab-project", "version": 1, "title": {}');
    expect(await bridge.openDropped({ path: join(dir, 'evil.corolab') } as unknown as Blob)).toMatchObject({ status: 'error', message: expect.stringMatching(/evil\.corolab/) });
    expect(await bridge.open()).toEqual({ status: 'canceled' });
  });

  it('unsubscribes listeners', async () => {
    const seen: unknown[] = [];
    const off = bridge.onMenuCommand((c) => seen.push(c));
    sendEvent(rendererContents as unknown as WebContents, 'menu:command', { command: 'run' });
    off();
    sendEvent(rendererContents as unknown as WebContents, 'menu:command', { command: 'stop' });
    expect(seen).toEqual([{ command: 'run' }]);
  });
});

