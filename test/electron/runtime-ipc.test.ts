/**
 * The runtime through the desktop bridge: the preload's `run` and `toBlocks`,
 * main's validated channels, the runtime service and a real Pyodide worker.
 * Malformed requests never reach the runtime; malformed replies never reach
 * the page.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { createIpcRouter, makeTrustCheck, sendEvent } from '../../electron/main/ipc';
import type { IpcRouter } from '../../electron/main/ipc';
import { isAppUrl } from '../../electron/main/security';
import { setupRuntime } from '../../electron/main/runtime';
import type { RuntimeService } from '../../electron/main/runtime';
import type { CorolabBridge } from '../../shared/ipc';
import type { RunProgress } from '../../shared/runtime/protocol';
import { exposed, ipcMain, rendererContents } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const trust = makeTrustCheck((c: WebContents) => c.id === rendererContents.id, (url) => isAppUrl(url));
let router: IpcRouter;
let bridge: CorolabBridge;
let service: RuntimeService;

beforeAll(async () => {
  router = createIpcRouter(ipcMain as unknown as IpcMain, trust, () => {});
  await import('../../electron/preload/index');
  bridge = exposed.corolab as CorolabBridge;
  service = setupRuntime({ ipc: router, broadcast: () => {}, sendRunEvent: sendEvent });
});
afterAll(async () => {
  router.dispose();
  await service?.dispose();
});

const blockTypes = (result: Awaited<ReturnType<CorolabBridge['toBlocks']>>) => result.workspace.blocks.blocks.map((b) => b.type);

describe('runtime:run over the bridge', () => {
  it("sends a long run's progress to the page, not its trace's columns", async () => {
    // Long enough (real time) for the worker to send trace chunks while it runs.
    const source = 'import asyncio\nasync def main():\n    for _ in range(100_000):\n        await asyncio.sleep(0)\n    await asyncio.gather(*(asyncio.sleep(1) for _ in range(50)))\nasyncio.run(main())\n';
    rendererContents.sent.length = 0;
    const progress: RunProgress[] = [];
    const { trace } = await bridge.run({ source, filename: 'long.py', options: {} }, () => {}, (p) => progress.push(p));
    expect(trace.meta.end.status).toBe('ok');
    expect(progress.length).toBeGreaterThan(0);
    for (const [i, p] of progress.entries()) {
      expect(p.events).toBeLessThanOrEqual(trace.events.kind.length);
      expect(p.tasks).toBeLessThanOrEqual(trace.tasks.name.length);
      if (i > 0) expect(p.events).toBeGreaterThanOrEqual(progress[i - 1]!.events);
    }
    const sent = rendererContents.sent.filter(([channel]) => channel === 'runtime:run-progress');
    expect(sent.length).toBe(progress.length);
    for (const [, payload] of sent) expect(JSON.stringify(payload).length).toBeLessThan(200);
  });
});

describe('runtime:to-blocks over the bridge', () => {
  it('converts a program to blocks with the real runtime, and as raw statements on request', async () => {
    const source = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("done")\n\nasyncio.run(main())\n';
    const blocks = await bridge.toBlocks(source);
    expect(blocks.error).toBeUndefined();
    expect(blockTypes(blocks)).toContain('aio_async_def');
    expect(blockTypes(blocks)).toContain('aio_run');
    expect(blocks.dump).toMatch(/AsyncFunctionDef/);
    const raw = await bridge.toBlocks(source, true);
    expect(new Set(blockTypes(raw))).toEqual(new Set(['aio_raw']));
  });

  it('reports a syntax error instead of failing', async () => {
    const result = await bridge.toBlocks('def broken(:\n    pass\n');
    expect(result.error).toMatch(/syntax|invalid/i);
    expect(blockTypes(result)).toEqual(['aio_raw']);
  });

  it('refuses malformed requests in main before the runtime sees them', async () => {
    const spy = vi.spyOn(service, 'toBlocks');
    for (const payload of [{ source: 42 }, { source: 'x', rawOnly: 'yes' }, { source: 'x'.repeat(5_000_001) }, undefined]) {
      await expect(ipcMain.invoke('runtime:to-blocks', rendererContents, rendererContents.mainFrame, payload)).rejects.toThrow(/malformed request/);
    }
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('refuses a reply that is not a block workspace', async () => {
    // A handler without main's checks: the preload still checks whatever arrives.
    router.dispose();
    ipcMain.handle('runtime:to-blocks', async () => ({ workspace: { blocks: 'nope' } }));
    await expect(bridge.toBlocks('print(1)')).rejects.toThrow();
    ipcMain.removeHandler('runtime:to-blocks');
  });
});
