/**
 * The runtime engine: one Pyodide, loaded once, running one program at a time.
 *
 * Platform-neutral: the Node worker and the browser worker each hand it their
 * own `loadPyodide` and the runtime's Python files, then forward messages.
 */
import type { PyodideAPI } from 'pyodide';
import type { Trace, TraceEvents, TraceMeta } from '../trace.js';
import { EventKind, TRACE_VERSION } from '../trace.js';
import { BlocksResult, FromWorker, OutputChunk, RunOptions, ToWorker } from './protocol.js';
import { DEFAULT_MEMORY_LIMIT_MB, capWasmMemory } from './memory-cap.js';
import type { RunRequest, TraceChunk } from './protocol.js';

/** Loads Pyodide; `snapshot` says whether it came from a memory snapshot. */
export type LoadPyodide = () => Promise<{ py: PyodideAPI; snapshot: boolean }>;

/** The Python side's records start with this character on the real stdout. */
const RECORD = '\x1e';
const RUNTIME_DIR = '/corolab-runtime';
/** Where the Python side leaves a trace chunk's events (see output.py). */
const CHUNK_FILE = '/tmp/corolab-trace-chunk.bin';

type PyChunk = Omit<TraceChunk, 'events' | 'first'>;

interface PyRunResult {
  status: TraceMeta['end']['status'];
  exitCode: number;
  message: string;
  seconds: number;
  clockStart: number;
  lines: boolean;
  events?: Uint8Array;
  strings?: string[];
  tasks?: Trace['tasks'];
  timers?: Trace['timers'];
  futures?: Trace['futures'];
}

type PyCallable = ((...args: unknown[]) => { toJs(o: object): unknown; destroy(): void }) & { destroy(): void };

export class Engine {
  private onOutput: (chunks: OutputChunk[]) => void = () => {};
  private onChunk: (chunk: TraceChunk) => void = () => {};
  private eventsStreamed = 0;
  private chunkClock = 0;
  private readonly runPy: PyCallable;

  private constructor(
    private readonly py: PyodideAPI,
    readonly fromSnapshot: boolean,
  ) {
    py.setStdout({ batched: (line: string) => this.stdoutLine(line) });
    py.setStderr({ batched: (line: string) => this.onOutput([{ stream: 'stderr', text: line + '\n', t: 0, task: -1 }]) });
    this.runPy = py.pyimport('corolab.runner').run as PyCallable;
  }

  /** Loads Pyodide and the runtime's Python modules (`files`: name → source). */
  static async start(
    loadPyodide: LoadPyodide,
    files: Record<string, string>,
    progress: (stage: 'pyodide' | 'runtime', fraction: number, message: string) => void,
    memoryLimitMB = DEFAULT_MEMORY_LIMIT_MB,
  ): Promise<Engine> {
    progress('pyodide', 0.05, 'Loading Python (Pyodide)…');
    capWasmMemory(memoryLimitMB);
    const { py, snapshot } = await loadPyodide();
    progress('runtime', 0.85, 'Loading the asyncio runtime…');
    installRuntime(py, files);
    return new Engine(py, snapshot);
  }

  setInterruptBuffer(buffer: Int32Array): void {
    this.py.setInterruptBuffer(buffer);
  }

  run(
    request: RunRequest,
    onOutput: (chunks: OutputChunk[]) => void,
    onChunk: (chunk: TraceChunk) => void = () => {},
  ): { trace: Trace; runMs: number } {
    const options = RunOptions.parse(request.options);
    this.onOutput = onOutput;
    this.onChunk = onChunk;
    this.eventsStreamed = 0;
    this.chunkClock = 0;
    const started = performance.now();
    const proxy = this.runPy(request.source, request.filename, JSON.stringify(options));
    let result: PyRunResult;
    try {
      result = proxy.toJs({ dict_converter: Object.fromEntries, create_proxies: false }) as PyRunResult;
    } finally {
      proxy.destroy();
    }
    this.onOutput = () => {};
    this.onChunk = () => {};
    return { trace: toTrace(request.filename, result), runMs: performance.now() - started };
  }

  /** Python → blocks with `corolab.to_blocks` (imported on first use). */
  toBlocks(source: string, rawOnly: boolean): BlocksResult {
    const convert = this.py.pyimport('corolab.to_blocks').to_blocks as (source: string, rawOnly: boolean) => string;
    return BlocksResult.parse(JSON.parse(convert(source, rawOnly)));
  }

  private stdoutLine(line: string): void {
    if (line.startsWith(RECORD)) {
      const record = JSON.parse(line.slice(1)) as [OutputChunk['stream'], number, number, string][] | { chunk: PyChunk };
      if (Array.isArray(record)) {
        this.onOutput(record.map(([stream, t, task, text]) => ({ stream, t, task, text })));
      } else {
        const { strings, tasks, timers, futures, t } = record.chunk;
        const { events, clock } = splitEvents(this.py.FS.readFile(CHUNK_FILE), this.chunkClock);
        this.chunkClock = clock;
        const first = this.eventsStreamed;
        this.eventsStreamed += events.kind.length; // before onChunk, which may transfer the buffers away
        this.onChunk({ first, strings, tasks, timers, futures, t, events });
      }
    } else {
      // Written straight to file descriptor 1, past sys.stdout.
      this.onOutput([{ stream: 'stdout', text: line + '\n', t: 0, task: -1 }]);
    }
  }
}

/**
 * Puts the runtime's Python modules (`files`: name → source) into Pyodide and
 * imports `modules` (the runner; to_blocks is otherwise imported on first use).
 * A memory snapshot taken after this has them imported already
 * (snapshot.node.ts); then only the files are written again.
 */
export function installRuntime(py: PyodideAPI, files: Record<string, string>, modules = ['corolab.runner']): void {
  py.FS.mkdirTree(`${RUNTIME_DIR}/corolab`);
  for (const [name, source] of Object.entries(files)) {
    py.FS.writeFile(`${RUNTIME_DIR}/corolab/${name}`, source);
  }
  py.runPython(`import sys\nif ${JSON.stringify(RUNTIME_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(RUNTIME_DIR)})\nimport ${modules.join(', ')}`);
}

/** tracer.py's RUNNING_TASK: an event inside a task step that leaves its task to us. */
const RUNNING_TASK = -2;
/** tracer.py's NOW: an event that leaves its time to us (the latest CLOCK event's). */
const NOW = -1;
/** tracer.py's K_CLOCK: on the wire only, the clock moved to this time. */
const CLOCK = 100;

/**
 * Turns the tracer's flat (kind, t, task, a, b) doubles into typed columns. The
 * tracer keeps its hot path short (see "On the wire" in tracer.py): a Wake is
 * followed here by the StepStart it implies, an Await preceded by its StepEnd,
 * events marked RUNNING_TASK get the task of the step they happened in, and
 * events marked NOW the time of the latest CLOCK event, which is dropped.
 * Chunks are cut between loop iterations, so no step is running where one
 * begins; `clock` is the time where it begins.
 */
export function splitEvents(bytes: Uint8Array | undefined, clock = 0): { events: TraceEvents; clock: number } {
  const flat = bytes ? new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8) : new Float64Array(0);
  let n = flat.length / 5;
  for (let j = 0; j < flat.length; j += 5) {
    if (flat[j] === EventKind.Wake || flat[j] === EventKind.Await) n++;
    else if (flat[j] === CLOCK) n--;
  }
  const kind = new Uint8Array(n);
  const t = new Float64Array(n);
  const task = new Int32Array(n);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const put = (i: number, k: number, time: number, who: number, x: number, y: number): void => {
    kind[i] = k;
    t[i] = time;
    task[i] = who;
    a[i] = x;
    b[i] = y;
  };
  let running = -1;
  for (let j = 0, i = 0; j < flat.length; j += 5) {
    const k = flat[j]!;
    let time = flat[j + 1]!;
    if (k === CLOCK) {
      clock = time;
      continue;
    }
    if (time === NOW) time = clock;
    let who = flat[j + 2]!;
    if (k === EventKind.Wake) {
      put(i++, k, time, who, flat[j + 3]!, flat[j + 4]!);
      put(i++, EventKind.StepStart, time, who, -1, -1);
      running = who;
    } else if (k === EventKind.Await) {
      put(i++, EventKind.StepEnd, time, who, -1, -1);
      put(i++, k, time, who, flat[j + 3]!, flat[j + 4]!);
      running = -1;
    } else {
      if (k === EventKind.StepStart) running = who;
      else if (k === EventKind.StepEnd) running = -1;
      else if (who === RUNNING_TASK) who = running;
      put(i++, k, time, who, flat[j + 3]!, flat[j + 4]!);
    }
  }
  return { events: { kind, t, task, a, b }, clock };
}

export function toTrace(filename: string, r: PyRunResult): Trace {
  return {
    meta: {
      version: TRACE_VERSION,
      filename,
      clockStart: r.clockStart,
      lines: r.lines,
      end: { status: r.status, exitCode: r.exitCode, message: r.message, seconds: r.seconds },
    },
    strings: r.strings ?? [],
    tasks: r.tasks ?? { name: [], parent: [], coro: [], line: [] },
    timers: r.timers ?? { when: [], label: [] },
    futures: r.futures ?? { label: [] },
    events: splitEvents(r.events).events,
  };
}

function buffersOf(e: TraceEvents): ArrayBuffer[] {
  return [e.kind.buffer, e.t.buffer, e.task.buffer, e.a.buffer, e.b.buffer] as ArrayBuffer[];
}

/** What a worker needs from its platform: a way to receive and send messages. */
export interface WorkerPort {
  post(message: FromWorker, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (data: unknown) => void): void;
}

/** The worker's whole life: load once, then run whatever the host asks, one at a time. */
export async function serveWorker(
  port: WorkerPort,
  loadPyodide: LoadPyodide,
  files: Record<string, string>,
  memoryLimitMB = DEFAULT_MEMORY_LIMIT_MB,
): Promise<void> {
  const loadStart = performance.now();
  const queue: unknown[] = [];
  let engine: Engine | undefined;
  const handle = (data: unknown) => {
    const parsed = ToWorker.safeParse(data);
    if (!parsed.success) {
      port.post({ type: 'load-error', message: `bad message to the runtime: ${parsed.error.message}` });
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'interrupt-buffer') {
      engine!.setInterruptBuffer(msg.buffer);
      return;
    }
    if (msg.type === 'to-blocks') {
      port.post({ type: 'blocks', requestId: msg.requestId, result: engine!.toBlocks(msg.source, msg.rawOnly) });
      return;
    }
    port.post({ type: 'started', runId: msg.runId });
    const { trace, runMs } = engine!.run(
      msg,
      (chunks) => port.post({ type: 'output', runId: msg.runId, chunks }),
      (chunk) => port.post({ type: 'trace-chunk', runId: msg.runId, chunk }, buffersOf(chunk.events)),
    );
    port.post({ type: 'done', runId: msg.runId, trace, runMs }, buffersOf(trace.events));
  };
  port.onMessage((data) => (engine ? handle(data) : queue.push(data)));
  try {
    engine = await Engine.start(
      loadPyodide,
      files,
      (stage, fraction, message) => port.post({ type: 'progress', stage, fraction, message }),
      memoryLimitMB,
    );
  } catch (err) {
    port.post({ type: 'load-error', message: `could not load Python: ${String(err)}` });
    return;
  }
  port.post({ type: 'progress', stage: 'ready', fraction: 1, message: 'Ready' });
  port.post({ type: 'ready', loadMs: performance.now() - loadStart, snapshot: engine.fromSnapshot });
  for (const data of queue.splice(0)) handle(data);
}
