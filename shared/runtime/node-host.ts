/**
 * Hosts the runtime worker in a Node worker thread: the CLI, the tests and
 * Electron's main process all run programs through this.
 *
 * One worker, loaded once, runs one program at a time. A run that goes past
 * its real-time limit is interrupted (Python sees KeyboardInterrupt, the trace
 * so far is kept); one that does not answer even then, or a worker that dies,
 * is replaced by a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import type { Trace } from '../trace.js';
import { FromWorker, crashMessage } from './protocol.js';
import type { BlocksResult, OutputChunk, RunOptions, TraceChunk, Trampoline } from './protocol.js';
import { TraceAssembler, readOrRefuse, runAsked } from './trace-assembler.js';

export const DEFAULT_WORKER = new URL('./node-worker-entry.mjs', import.meta.url);

export interface HostOptions {
  /** Worker script; Electron passes its bundled worker. */
  workerPath?: string | URL;
  /** Real milliseconds a run may take before it is interrupted. */
  timeoutMs?: number;
  /** Grace after the interrupt before the worker is replaced. */
  killAfterMs?: number;
  resourceLimits?: ResourceLimits;
  /** Most memory Python may use; past it the program gets a MemoryError. */
  memoryLimitMB?: number;
  /** Start from the Pyodide memory snapshot when there is one (default true). */
  snapshot?: boolean;
  onProgress?: (stage: string, fraction: number, message: string) => void;
}

export interface RunResult {
  trace: Trace;
  runMs: number;
  /** True when the worker had to be replaced during this run. */
  restarted: boolean;
}

interface Pending {
  runId: number;
  resolve: (r: RunResult) => void;
  onOutput: (chunks: OutputChunk[]) => void;
  onChunk: (chunk: TraceChunk) => void;
  /** Spells out the trace as it comes (on this thread, while the worker runs on). */
  assembler: TraceAssembler;
  timers: NodeJS.Timeout[];
  started: number;
}

export class RuntimeHost {
  private worker!: Worker;
  private interrupt = new Int32Array(new SharedArrayBuffer(4));
  private nextRunId = 1;
  private current: Pending | undefined;
  private queue: (() => void)[] = [];
  private disposed = false;
  ready!: Promise<{ loadMs: number; snapshot: boolean; trampoline: Trampoline }>;
  /** How many times the worker was replaced (crash, hang, memory). */
  restarts = 0;
  private nextRequestId = 1;
  /** Whether the current worker has said it is ready; and how its loading fails. */
  private loaded = false;
  private failLoad: (message: string) => void = () => {};
  private blockRequests = new Map<number, (result: BlocksResult) => void>();

  constructor(private readonly options: HostOptions = {}) {
    this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.options.workerPath ?? DEFAULT_WORKER, {
      resourceLimits: this.options.resourceLimits,
      workerData: { memoryLimitMB: this.options.memoryLimitMB, snapshot: this.options.snapshot },
    });
    this.worker = worker;
    this.loaded = false;
    this.ready = new Promise((resolve, reject) => {
      this.failLoad = (message) => reject(new Error(message));
      worker.on('message', (raw: unknown) => {
        const parsed = FromWorker.safeParse(raw);
        if (!parsed.success) return this.workerFailed(`the runtime sent a malformed message: ${parsed.error.message}`);
        const msg = parsed.data;
        if (msg.type === 'progress') this.options.onProgress?.(msg.stage, msg.fraction, msg.message);
        else if (msg.type === 'ready') {
          this.loaded = true;
          resolve({ loadMs: msg.loadMs, snapshot: msg.snapshot, trampoline: msg.trampoline });
        } else if (msg.type === 'load-error') reject(new Error(msg.message));
        else if (msg.type === 'started' && msg.runId === this.current?.runId) this.startClock(this.current);
        else if (msg.type === 'output' && msg.runId === this.current?.runId) this.current.onOutput(msg.chunks);
        else if (msg.type === 'trace-chunk' && msg.runId === this.current?.runId) {
          const { assembler, onChunk } = this.current;
          const chunk = readOrRefuse(() => assembler.chunk(msg.chunk), (why) => this.workerFailed(why));
          if (chunk) onChunk(chunk);
        }
        else if (msg.type === 'blocks') {
          this.blockRequests.get(msg.requestId)?.(msg.result);
          this.blockRequests.delete(msg.requestId);
        } else if (msg.type === 'crashed') {
          this.workerFailed(crashMessage(msg.message));
        } else if (msg.type === 'done' && msg.runId === this.current?.runId) {
          const { assembler } = this.current;
          const trace = readOrRefuse(() => assembler.finish(msg.end), (why) => this.workerFailed(why));
          if (trace) this.finish({ trace, runMs: msg.runMs, restarted: false });
        }
      });
      worker.on('error', (err) => {
        reject(err);
        this.workerFailed(crashMessage(`${err.name}: ${err.message}`));
      });
      worker.on('exit', (code) => {
        if (worker === this.worker && !this.disposed) this.workerFailed(`the runtime stopped unexpectedly (exit code ${code})`);
      });
    });
    this.ready.catch(() => {});
    worker.postMessage({ type: 'interrupt-buffer', buffer: this.interrupt });
  }

  /** Runs a program; runs queue up one after another. Never rejects for a program's own failure. */
  run(
    source: string,
    filename: string,
    options: RunOptions = {},
    onOutput: (chunks: OutputChunk[]) => void = () => {},
    /** Pieces of the trace while a long run goes on (the result still has all of it; they are its own arrays: read them only). */
    onChunk: (chunk: TraceChunk) => void = () => {},
  ): Promise<RunResult> {
    return new Promise((resolve) => {
      const start = () => {
        const runId = this.nextRunId++;
        Atomics.store(this.interrupt, 0, 0);
        const assembler = new TraceAssembler(runAsked(filename, options));
        const pending: Pending = { runId, resolve, onOutput, onChunk, assembler, timers: [], started: performance.now() };
        this.current = pending;
        this.worker.postMessage({ type: 'run', runId, source, filename, options });
      };
      if (this.current) this.queue.push(start);
      else start();
    });
  }

  /** Python source → block workspace; answered after a run in progress. Rejects if the worker goes away first. */
  toBlocks(source: string, rawOnly = false): Promise<BlocksResult> {
    return new Promise((resolve, reject) => {
      const requestId = this.nextRequestId++;
      const worker = this.worker;
      const gone = () => {
        this.blockRequests.delete(requestId);
        reject(new Error('the runtime stopped before it converted the program'));
      };
      worker.once('exit', gone);
      this.blockRequests.set(requestId, (result) => {
        worker.off('exit', gone);
        resolve(result);
      });
      worker.postMessage({ type: 'to-blocks', requestId, source, rawOnly });
    });
  }

  /**
   * The run's real-time limit counts from when the worker begins it, not from when
   * it was asked for: a worker replaced a moment ago may still be loading Python
   * (seconds, without a snapshot), which is no fault of the program.
   */
  private startClock(pending: Pending): void {
    if (this.options.timeoutMs) pending.timers.push(setTimeout(() => this.stop(), this.options.timeoutMs));
  }

  /** Stops the run in progress: interrupt first, then replace the worker if it does not answer. */
  stop(): void {
    const pending = this.current;
    if (!pending) return;
    Atomics.store(this.interrupt, 0, 2); // SIGINT: Python raises KeyboardInterrupt
    pending.timers.push(
      setTimeout(() => {
        if (this.current === pending) this.replaceWorker('stopped: the program did not answer the interrupt, so its worker was replaced');
      }, this.options.killAfterMs ?? 3000),
    );
  }

  private workerFailed(message: string): void {
    if (this.disposed) return;
    if (!this.loaded) {
      // A worker that fails before it is ready would fail the same way again: loading fails, once,
      // where replacing it would start one worker after another for good.
      this.failLoad(`could not load Python: ${message}`);
      void this.worker.terminate();
      const pending = this.current;
      if (pending) this.finish({ trace: pending.assembler.soFar(message), runMs: performance.now() - pending.started, restarted: false });
      return;
    }
    this.replaceWorker(message);
  }

  private replaceWorker(message: string): void {
    const pending = this.current;
    this.restarts++;
    const old = this.worker;
    this.interrupt = new Int32Array(new SharedArrayBuffer(4));
    this.spawn();
    void old.terminate();
    if (pending) {
      pending.onOutput([{ stream: 'stderr', text: `corolab: ${message}\n`, t: 0, task: -1 }]);
      // The chunks that came before are the trace: what the program did up to there stays viewable.
      this.finish({ trace: pending.assembler.soFar(message), runMs: performance.now() - pending.started, restarted: true });
    }
  }

  private finish(result: RunResult): void {
    const pending = this.current;
    if (!pending) return;
    pending.timers.forEach(clearTimeout);
    this.current = undefined;
    pending.resolve(result);
    this.queue.shift()?.();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.worker.terminate();
  }
}
