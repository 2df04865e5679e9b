/**
 * The Python runtime in main: one RuntimeHost (a worker_threads worker
 * running Pyodide) shared by the window. Runs that hang are interrupted
 * and, if they do not answer, their worker is replaced; a worker that
 * crashes or runs out of memory is replaced too. The renderer keeps all its
 * state through this: it only learns that a fresh runtime is loading.
 */
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import type { HostOptions } from '../../shared/runtime/node-host.js';
import { progressAfter } from '../../shared/runtime/protocol.js';
import type { OutputChunk, RunProgress, TraceChunk } from '../../shared/runtime/protocol.js';
import type { EventOf, ParsedRequestOf, ResponseOf, RuntimeProgress } from '../../shared/ipc.js';
import type { IpcRouter } from './ipc.js';
import type { WebContents } from 'electron';

/** Real time a run may take before it is interrupted. */
export const RUN_TIMEOUT_MS = 60_000;
/** Heap limits of the worker: a runaway program ends its worker, not the app. */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 64 };

export interface RuntimeEvents {
  progress(p: RuntimeProgress): void;
  status(s: EventOf<'runtime:status'>): void;
}

export class RuntimeService {
  private host: RuntimeHost;
  private loadFailed = false;

  constructor(
    private readonly options: HostOptions,
    private readonly events: RuntimeEvents,
  ) {
    this.host = this.createHost();
  }

  private createHost(): RuntimeHost {
    const host = new RuntimeHost({
      timeoutMs: RUN_TIMEOUT_MS,
      resourceLimits: WORKER_LIMITS,
      ...this.options,
      onProgress: (stage, fraction, message) => this.events.progress({ stage, fraction, message }),
    });
    this.loadFailed = false;
    host.ready.catch(() => {
      if (this.host === host) this.loadFailed = true;
    });
    return host;
  }

  /** Waits for Python; a runtime that failed to load is started afresh on the next call. */
  async ready(): Promise<ResponseOf<'runtime:ready'>> {
    if (this.loadFailed) {
      const old = this.host;
      this.host = this.createHost();
      void old.dispose();
    }
    return this.host.ready;
  }

  async run(
    request: ParsedRequestOf<'runtime:run'>,
    onOutput: (chunks: OutputChunk[]) => void,
    onChunk: (chunk: TraceChunk) => void = () => {},
  ): Promise<ResponseOf<'runtime:run'>> {
    await this.ready();
    const host = this.host;
    const restartsBefore = host.restarts;
    const result = await host.run(request.source, request.filename, request.options, onOutput, onChunk);
    if (result.restarted || host.restarts !== restartsBefore) {
      this.events.status({ state: 'restarted', message: result.trace.meta.end.message || 'The Python runtime was restarted.' });
    }
    return result;
  }

  stop(): void {
    this.host.stop();
  }

  async toBlocks(request: ParsedRequestOf<'runtime:to-blocks'>): Promise<ResponseOf<'runtime:to-blocks'>> {
    await this.ready();
    return this.host.toBlocks(request.source, request.rawOnly);
  }

  get restarts(): number {
    return this.host.restarts;
  }

  async dispose(): Promise<void> {
    await this.host.dispose();
  }
}

export interface RuntimeDeps {
  ipc: IpcRouter;
  workerPath?: string;
  broadcast: <C extends 'runtime:progress' | 'runtime:status'>(channel: C, payload: EventOf<C>) => void;
  /** Sends an event of one run to the window that started it. */
  sendRunEvent: <C extends 'runtime:output' | 'runtime:run-progress'>(sender: WebContents, channel: C, payload: EventOf<C>) => void;
}

export function setupRuntime({ ipc, workerPath, broadcast, sendRunEvent }: RuntimeDeps): RuntimeService {
  const service = new RuntimeService(workerPath ? { workerPath } : {}, {
    progress: (p) => broadcast('runtime:progress', p),
    status: (s) => broadcast('runtime:status', s),
  });
  ipc.handle('runtime:ready', () => service.ready());
  ipc.handle('runtime:run', (request, event) => {
    let progress: RunProgress | undefined;
    return service.run(
      request,
      (chunks) => sendRunEvent(event.sender, 'runtime:output', { runId: request.runId, chunks }),
      (chunk) => {
        progress = progressAfter(chunk, progress);
        sendRunEvent(event.sender, 'runtime:run-progress', { runId: request.runId, progress });
      },
    );
  });
  ipc.handle('runtime:stop', () => service.stop());
  ipc.handle('runtime:to-blocks', (request) => service.toBlocks(request));
  return service;
}
