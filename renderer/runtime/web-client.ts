/**
 * The web build's runtime: shared/runtime/web-worker.ts in a module Web Worker.
 *
 * Stop writes 2 (SIGINT) to a shared interrupt buffer when the page is
 * cross-origin isolated; Python raises KeyboardInterrupt and the trace so far
 * still arrives. Without isolation, or when the program does not answer, the
 * worker is terminated and a fresh one loads.
 */
import { FromWorker, crashMessage, progressAfter } from '../../shared/runtime/protocol';
import type { BlocksResult, OutputChunk, RunOptions, RunProgress } from '../../shared/runtime/protocol';
import { TraceAssembler, readOrRefuse, runAsked } from '../../shared/runtime/trace-assembler';
import type { LoadProgress, RunOutcome, RuntimeClient } from './client';

interface Pending {
  runId: number;
  started: number;
  resolve: (outcome: RunOutcome) => void;
  onOutput: (chunks: OutputChunk[]) => void;
  onProgress: (progress: RunProgress) => void;
  progress?: RunProgress;
  /** Spells out the trace as it comes (on this thread, while the worker runs on). */
  assembler: TraceAssembler;
  killTimer?: ReturnType<typeof setTimeout>;
}

const KILL_AFTER_MS = 3000;

export class WebRuntimeClient implements RuntimeClient {
  private worker!: Worker;
  private interrupt: Int32Array | undefined;
  private readyPromise!: Promise<void>;
  private progressListeners = new Set<(p: LoadProgress) => void>();
  private lastProgress: LoadProgress = { stage: 'pyodide', fraction: 0, message: 'Starting…' };
  private current: Pending | undefined;
  private nextRunId = 1;
  private nextRequestId = 1;
  private blockRequests = new Map<number, { resolve: (r: BlocksResult) => void; reject: (e: Error) => void }>();

  constructor(private readonly makeWorker: () => Worker = defaultWorker) {
    this.spawn();
  }

  private spawn(): void {
    const worker = this.makeWorker();
    this.worker = worker;
    this.interrupt = globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    let loaded = false;
    this.readyPromise = new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent) => {
        if (worker !== this.worker) return;
        const parsed = FromWorker.safeParse(e.data);
        if (!parsed.success) {
          // Before it is ready, loading fails; after, the worker is replaced, as node-host.ts does
          // (dropping the message left a run whose end was malformed waiting for good).
          const why = `the runtime sent a malformed message: ${parsed.error.message}`;
          if (loaded) this.restart(why);
          else reject(new Error(why));
          return;
        }
        const msg = parsed.data;
        if (msg.type === 'progress') this.report({ stage: msg.stage, fraction: msg.fraction, message: msg.message });
        else if (msg.type === 'ready') {
          loaded = true;
          resolve();
        }
        else if (msg.type === 'load-error') {
          reject(new Error(msg.message));
          console.error(`runtime: ${msg.message}`);
        }
        else if (msg.type === 'output' && msg.runId === this.current?.runId) this.current.onOutput(msg.chunks);
        else if (msg.type === 'trace-chunk' && msg.runId === this.current?.runId) {
          const run = this.current;
          const chunk = readOrRefuse(() => run.assembler.chunk(msg.chunk), (why) => this.restart(why));
          if (chunk) run.onProgress((run.progress = progressAfter(chunk, run.progress)));
        } else if (msg.type === 'crashed') {
          this.restart(crashMessage(msg.message));
        } else if (msg.type === 'done' && msg.runId === this.current?.runId) {
          const { assembler } = this.current;
          const trace = readOrRefuse(() => assembler.finish(msg.end), (why) => this.restart(why));
          if (trace) this.finish({ trace, runMs: msg.runMs });
        } else if (msg.type === 'blocks') {
          const request = this.blockRequests.get(msg.requestId);
          this.blockRequests.delete(msg.requestId);
          request?.resolve(msg.result);
        }
      };
      worker.onerror = (e) => {
        if (worker !== this.worker) return;
        if (!loaded) return reject(new Error(`the runtime failed to start: ${e.message}`));
        // What the worker did not catch leaves it in a state no run can trust (it lives on, unlike a Node worker).
        e.preventDefault();
        this.restart(crashMessage(e.message));
      };
    });
    this.readyPromise.catch(() => {});
    if (this.interrupt) worker.postMessage({ type: 'interrupt-buffer', buffer: this.interrupt });
  }

  private report(p: LoadProgress): void {
    this.lastProgress = p;
    for (const listener of this.progressListeners) listener(p);
  }

  async ready(onProgress: (p: LoadProgress) => void): Promise<void> {
    this.progressListeners.add(onProgress);
    onProgress(this.lastProgress);
    try {
      await this.readyPromise;
    } finally {
      this.progressListeners.delete(onProgress);
    }
  }

  run(
    source: string,
    filename: string,
    options: RunOptions,
    onOutput: (chunks: OutputChunk[]) => void,
    onProgress: (progress: RunProgress) => void = () => {},
  ): Promise<RunOutcome> {
    if (this.current) this.restart('stopped: a new run started');
    return new Promise((resolve) => {
      const runId = this.nextRunId++;
      if (this.interrupt) Atomics.store(this.interrupt, 0, 0);
      this.current = { runId, started: performance.now(), resolve, onOutput, onProgress, assembler: new TraceAssembler(runAsked(filename, options)) };
      this.worker.postMessage({ type: 'run', runId, source, filename, options });
    });
  }

  toBlocks(source: string, rawOnly = false): Promise<BlocksResult> {
    return new Promise((resolve, reject) => {
      const requestId = this.nextRequestId++;
      this.blockRequests.set(requestId, { resolve, reject });
      this.worker.postMessage({ type: 'to-blocks', requestId, source, rawOnly });
    });
  }

  stop(): void {
    const pending = this.current;
    if (!pending) return;
    if (!this.interrupt) {
      this.restart('stopped');
      return;
    }
    Atomics.store(this.interrupt, 0, 2);
    pending.killTimer = setTimeout(() => {
      if (this.current === pending) this.restart('stopped: the program did not answer, so the runtime was restarted');
    }, KILL_AFTER_MS);
  }

  private restart(message: string): void {
    const pending = this.current;
    this.worker.terminate();
    // A conversion queued behind the stopped run died with its worker.
    for (const request of this.blockRequests.values()) request.reject(new Error(`the runtime restarted before it converted the program (${message})`));
    this.blockRequests.clear();
    this.lastProgress = { stage: 'pyodide', fraction: 0, message: 'Restarting Python…' };
    this.spawn();
    if (pending) {
      pending.onOutput([{ stream: 'stderr', text: `corolab: ${message}\n`, t: 0, task: -1 }]);
      // The chunks that came before are the trace: what the program did up to there stays viewable.
      this.finish({ trace: pending.assembler.soFar(message), runMs: performance.now() - pending.started });
    }
  }

  private finish(outcome: RunOutcome): void {
    const pending = this.current;
    if (!pending) return;
    clearTimeout(pending.killTimer);
    this.current = undefined;
    pending.resolve(outcome);
  }

  dispose(): void {
    this.worker.terminate();
  }
}

function defaultWorker(): Worker {
  return new Worker(new URL('../../shared/runtime/web-worker.ts', import.meta.url), { type: 'module', name: 'corolab-runtime' });
}
