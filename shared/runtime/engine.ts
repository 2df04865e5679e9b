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
import { cacheTableLookups } from './wasm-table-cache.js';
import type { FunctionTable } from './wasm-table-cache.js';
import type { RunRequest, TraceChunk } from './protocol.js';

/** Loads Pyodide; `snapshot` says whether it came from a memory snapshot. */
export type LoadPyodide = () => Promise<{ py: PyodideAPI; snapshot: boolean }>;

/** What a worker knows of its platform. */
export interface WorkerHost {
  /** Memory Python may take. */
  memoryLimitMB?: number;
  /** The machine's CPU count: programs see it (os.cpu_count(), thread pools' sizes), as natively. */
  cpus?: number;
}

/** The Python side's records start with this character on the real stdout. */
const RECORD = '\x1e';
const RUNTIME_DIR = '/corolab-runtime';
/** Where the Python side leaves a trace chunk: its events, then its table rows (see output.py, readTables). */
const CHUNK_FILE = '/tmp/corolab-trace-chunk.bin';
const utf8 = new TextDecoder();

interface PyRunResult {
  status: TraceMeta['end']['status'];
  exitCode: number;
  message: string;
  seconds: number;
  clockStart: number;
  lines: boolean;
  events?: Uint8Array;
  /** The table rows added since the last chunk (see readTables). */
  tables?: Uint8Array;
}

interface PyTables {
  strings: string[];
  tasks: Trace['tasks'];
  timers: Trace['timers'];
  futures: Trace['futures'];
}

/** A trace chunk's record from output.py: how many bytes of the chunk file are events, and the clock. */
interface PyChunk {
  chunk: number;
  t: number;
}

type PyCallable = ((...args: unknown[]) => { toJs(o: object): unknown; destroy(): void }) & { destroy(): void };

export class Engine {
  private onOutput: (chunks: OutputChunk[]) => void = () => {};
  private onChunk: (chunk: TraceChunk) => void = () => {};
  private eventsStreamed = 0;
  private chunkClock = 0;
  /** This run's chunks, split once, and their table rows: the final trace is them and what came after the last one. */
  private streamed: TraceEvents[] = [];
  private streamedTables: PyTables[] = [];
  private readonly runPy: PyCallable;
  private readonly betweenRuns: () => void;

  private constructor(
    private readonly py: PyodideAPI,
    readonly fromSnapshot: boolean,
    private readonly cpus: number,
  ) {
    py.setStdout({ batched: (line: string) => this.stdoutLine(line) });
    py.setStderr({ batched: (line: string) => this.onOutput([{ stream: 'stderr', text: line + '\n', t: 0, task: -1 }]) });
    const runner = py.pyimport('corolab.runner') as { run: PyCallable; loaded(): void; between_runs(): void };
    runner.loaded();
    this.runPy = runner.run;
    this.betweenRuns = runner.between_runs;
  }

  /** Loads Pyodide and the runtime's Python modules (`files`: name → source). */
  static async start(
    loadPyodide: LoadPyodide,
    files: Record<string, string>,
    progress: (stage: 'pyodide' | 'runtime', fraction: number, message: string) => void,
    { memoryLimitMB = DEFAULT_MEMORY_LIMIT_MB, cpus = 1 }: WorkerHost = {},
  ): Promise<Engine> {
    progress('pyodide', 0.05, 'Loading Python (Pyodide)…');
    capWasmMemory(memoryLimitMB);
    const { py, snapshot } = await loadPyodide();
    const table = (py as unknown as { _module?: { wasmTable?: FunctionTable } })._module?.wasmTable;
    if (table) cacheTableLookups(table);
    progress('runtime', 0.85, 'Loading the asyncio runtime…');
    installRuntime(py, files);
    return new Engine(py, snapshot, cpus);
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
    this.streamed = [];
    this.streamedTables = [];
    const started = performance.now();
    const proxy = this.runPy(request.source, request.filename, JSON.stringify({ ...options, hostCpus: this.cpus }));
    let result: PyRunResult;
    try {
      result = proxy.toJs({ dict_converter: Object.fromEntries, create_proxies: false }) as PyRunResult;
    } finally {
      proxy.destroy();
    }
    this.onOutput = () => {};
    this.onChunk = () => {};
    const events = concatEvents([...this.streamed, splitEvents(result.events, this.chunkClock).events]);
    const tables = concatTables([...this.streamedTables, result.tables ? readTables(result.tables) : noTables()]);
    this.streamed = [];
    this.streamedTables = [];
    return { trace: toTrace(request.filename, result, events, tables), runMs: performance.now() - started };
  }

  /**
   * Housekeeping after a run (a garbage collection, up to tens of ms after a big
   * traced run): called once its trace is on its way, so that the trace is not kept waiting.
   */
  tidy(): void {
    this.betweenRuns();
  }

  /** Python → blocks with `corolab.to_blocks` (imported on first use). */
  toBlocks(source: string, rawOnly: boolean): BlocksResult {
    const convert = this.py.pyimport('corolab.to_blocks').to_blocks as (source: string, rawOnly: boolean) => string;
    return BlocksResult.parse(JSON.parse(convert(source, rawOnly)));
  }

  private stdoutLine(line: string): void {
    if (line.startsWith(RECORD)) {
      const record = JSON.parse(line.slice(1)) as [OutputChunk['stream'], number, number, string][] | PyChunk;
      if (Array.isArray(record)) {
        this.onOutput(record.map(([stream, t, task, text]) => ({ stream, t, task, text })));
      } else {
        const file = this.py.FS.readFile(CHUNK_FILE);
        // Through the file, not this line: Pyodide's stdout takes a long line byte by byte.
        const rows = readTables(file.subarray(record.chunk));
        const { strings, tasks, timers, futures } = rows;
        const t = record.t;
        const { events, clock } = splitEvents(file.subarray(0, record.chunk), this.chunkClock);
        this.chunkClock = clock;
        this.streamed.push(events);
        this.streamedTables.push(rows);
        const first = this.eventsStreamed;
        this.eventsStreamed += events.kind.length;
        // A copy: onChunk may transfer its buffers away, and the final trace is made of these.
        this.onChunk({ first, strings, tasks, timers, futures, t, events: copyEvents(events) });
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

/** The numbers of tracer.py's wire format ("On the wire" there), which splitEvents reads. */
export const Wire = {
  /** An event inside a task step that leaves its task to us. */
  RUNNING_TASK: -2,
  /** An event that leaves its time to us (the latest CLOCK event's). */
  NOW: -1,
  /** Wire-only kinds: the clock moved; a whole step; a step cut short; the end of a callback. */
  CLOCK: 100,
  STEP: 101,
  STEP_CUT: 102,
  BOUNDARY: 103,
  /** A STEP's wake when nothing woke the task; its end when the task finished. */
  NO_WAKE: -1,
  FINISHED: -1,
  /** A wait code: a bare yield. */
  YIELD: 0,
  /** One-number records: LINE_BASE + n is line n of the program inside the running step; -1 - task is a step of that task nothing woke that ended in a bare yield. */
  LINE_BASE: 1024,
  /** The program's file name: the first string of every trace. */
  FILE_SID: 0,
} as const;
const { RUNNING_TASK, NOW, CLOCK, STEP, STEP_CUT, BOUNDARY, NO_WAKE, FINISHED, YIELD, LINE_BASE, FILE_SID } = Wire;

/** Kinds that are never inside a step: a step recorded later does not reach back past them. */
const OUTSIDE_STEPS = new Uint8Array(256);
for (const k of [EventKind.LoopIteration, EventKind.TimerFired, EventKind.CallbackRun, EventKind.TaskDone, EventKind.TaskCancelled, EventKind.TaskFailed]) {
  OUTSIDE_STEPS[k] = 1;
}

/**
 * Turns the tracer's flat doubles into typed columns, spelling out what its
 * hot path leaves out (see "On the wire" in tracer.py). Most records are five
 * numbers (kind, t, task, a, b); a line and a bare yield's step are one.
 * A step arrives as one record after the events that happened inside it:
 * its Wake and StepStart go in before those events (back to the last event
 * that cannot be inside a step), which get its task; its StepEnd and Await
 * follow them. Events marked NOW get the time of the latest CLOCK event.
 * Chunks are cut between loop iterations, so no step is running where one
 * begins; `clock` is the time where it begins.
 *
 * Two passes: the first counts the events and, for each stretch of events
 * that a step may reach back over (a region) and that has any, finds the record
 * that ends it; the second writes every event where it belongs, leaving room
 * at the start of such a region for the Wake and StepStart of the step that
 * ends it. Most steps (a bare yield's) have nothing inside: no room is kept.
 */
export function splitEvents(bytes: Uint8Array | undefined, clock = 0): { events: TraceEvents; clock: number } {
  const flat = bytes ? new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8) : new Float64Array(0);
  // Per region with events: how many events its step puts at its start (0: no step ends it), and the step's task (-1: none).
  const head: number[] = [];
  const owner: number[] = [];
  let n = 0;
  let inside = false; // whether the region so far has events
  for (let j = 0; j < flat.length; ) {
    const k = flat[j]!;
    if (k >= LINE_BASE) {
      n++;
      inside = true;
      j++;
      continue;
    }
    if (k < 0) {
      n += 3; // StepStart, StepEnd, Await
      if (inside) {
        head.push(1);
        owner.push(-1 - k);
        inside = false;
      }
      j++;
      continue;
    }
    if (k === STEP || k === STEP_CUT) {
      const h = flat[j + 1] === NO_WAKE ? 1 : 2;
      n += h + (k === STEP_CUT ? 0 : flat[j + 3] === FINISHED ? 1 : 2);
      if (inside) {
        head.push(h);
        owner.push(flat[j + 2]!);
        inside = false;
      }
    } else if (k === BOUNDARY) {
      if (inside) {
        head.push(0);
        owner.push(-1);
        inside = false;
      }
    } else if (k !== CLOCK) {
      n++;
      if (OUTSIDE_STEPS[k]) {
        head.push(0);
        owner.push(-1);
        inside = false;
      } else {
        inside = true;
      }
    }
    j += 5;
  }
  if (inside) {
    head.push(0); // the last region, which the end closes
    owner.push(-1);
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
  let i = 0;
  let region = 0; // the next region with events, in head and owner
  let entered = false; // whether the current region has events (and room at its start)
  let regionStart = 0; // where the region's step puts its Wake and StepStart
  let regionClock = clock; // the time there
  let who = -1; // the task of the region's step, which its events marked RUNNING_TASK get
  /** Before an event inside the region: at the first, room for its step's start. */
  const enter = (): void => {
    if (entered) return;
    entered = true;
    regionStart = i;
    who = owner[region]!;
    i += head[region]!;
    region++;
  };
  const leave = (): void => {
    entered = false;
    regionClock = clock;
  };
  /** A step's Wake and StepStart, at its region's start (here, if nothing was inside it). */
  const startStep = (stepTask: number, wake: number): void => {
    let at = i;
    if (entered) at = regionStart;
    else i += wake === NO_WAKE ? 1 : 2;
    if (wake !== NO_WAKE) put(at++, EventKind.Wake, regionClock, stepTask, wake & 3, (wake >> 2) - 1);
    put(at, EventKind.StepStart, regionClock, stepTask, -1, -1);
  };
  for (let j = 0; j < flat.length; ) {
    const k = flat[j]!;
    if (k >= LINE_BASE) {
      enter();
      put(i++, EventKind.Line, clock, who, FILE_SID, k - LINE_BASE);
      j++;
      continue;
    }
    if (k < 0) {
      const stepTask = -1 - k;
      startStep(stepTask, NO_WAKE);
      put(i++, EventKind.StepEnd, clock, stepTask, -1, -1);
      put(i++, EventKind.Await, clock, stepTask, YIELD & 3, (YIELD >> 2) - 1);
      leave();
      j++;
      continue;
    }
    if (k === CLOCK) {
      clock = flat[j + 1]!;
    } else if (k === STEP || k === STEP_CUT) {
      const stepTask = flat[j + 2]!;
      startStep(stepTask, flat[j + 1]!);
      if (k === STEP) {
        const end = flat[j + 3]!;
        put(i++, EventKind.StepEnd, clock, stepTask, -1, -1);
        if (end !== FINISHED) put(i++, EventKind.Await, clock, stepTask, end & 3, (end >> 2) - 1);
      }
      leave();
    } else if (k === BOUNDARY) {
      leave();
    } else {
      enter();
      const time = flat[j + 1] === NOW ? clock : flat[j + 1]!;
      const owned = flat[j + 2]!;
      put(i++, k, time, owned === RUNNING_TASK ? who : owned, flat[j + 3]!, flat[j + 4]!);
      if (OUTSIDE_STEPS[k]) leave();
    }
    j += 5;
  }
  return { events: { kind, t, task, a, b }, clock };
}

/**
 * Table rows as tracer.py's Tracer.tables_bytes writes them: six float64
 * counts (strings, tasks, timers, futures, whether the strings are JSON, their
 * bytes), the timers' times, then int32 task rows (four numbers each), timer
 * labels and future labels, then the strings in UTF-8 (NUL-separated or JSON).
 */
export function readTables(bytes: Uint8Array): PyTables {
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice(); // a Float64Array must start at a multiple of 8
  const [strings = 0, tasks = 0, timers = 0, futures = 0, json = 0, textBytes = 0] = new Float64Array(bytes.buffer, bytes.byteOffset, 6);
  let at = bytes.byteOffset + 48;
  const when = Array.from(new Float64Array(bytes.buffer, at, timers));
  at += 8 * timers;
  const ints = new Int32Array(bytes.buffer, at, 4 * tasks + timers + futures);
  at += 4 * ints.length;
  const text = utf8.decode(new Uint8Array(bytes.buffer, at, textBytes));
  const table: PyTables = {
    strings: json ? (JSON.parse(text) as string[]) : strings === 0 ? [] : text.split('\0'),
    tasks: { name: [], parent: [], coro: [], line: [] },
    timers: { when, label: Array.from(ints.subarray(4 * tasks, 4 * tasks + timers)) },
    futures: { label: Array.from(ints.subarray(4 * tasks + timers)) },
  };
  const { name, parent, coro, line } = table.tasks;
  for (let i = 0; i < 4 * tasks; i += 4) {
    name.push(ints[i]!);
    parent.push(ints[i + 1]!);
    coro.push(ints[i + 2]!);
    line.push(ints[i + 3]!);
  }
  return table;
}

/** The events of several chunks as one trace's. */
function concatEvents(parts: TraceEvents[]): TraceEvents {
  if (parts.length === 1) return parts[0]!;
  const n = parts.reduce((sum, p) => sum + p.kind.length, 0);
  const out: TraceEvents = { kind: new Uint8Array(n), t: new Float64Array(n), task: new Int32Array(n), a: new Int32Array(n), b: new Int32Array(n) };
  let at = 0;
  for (const p of parts) {
    out.kind.set(p.kind, at);
    out.t.set(p.t, at);
    out.task.set(p.task, at);
    out.a.set(p.a, at);
    out.b.set(p.b, at);
    at += p.kind.length;
  }
  return out;
}

function copyEvents(e: TraceEvents): TraceEvents {
  return { kind: e.kind.slice(), t: e.t.slice(), task: e.task.slice(), a: e.a.slice(), b: e.b.slice() };
}

/** An untraced run's (fresh: a trace's tables are its own). */
function noTables(): PyTables {
  return { strings: [], tasks: { name: [], parent: [], coro: [], line: [] }, timers: { when: [], label: [] }, futures: { label: [] } };
}

/** The table rows of several chunks as one trace's: each chunk's rows follow the last one's. */
function concatTables(parts: PyTables[]): PyTables {
  if (parts.length === 1) return parts[0]!;
  // concat copies each array at once; flatMap goes element by element (several times slower on 10k-task tables).
  const cat = <T>(pick: (p: PyTables) => T[]): T[] => ([] as T[]).concat(...parts.map(pick));
  return {
    strings: cat((p) => p.strings),
    tasks: { name: cat((p) => p.tasks.name), parent: cat((p) => p.tasks.parent), coro: cat((p) => p.tasks.coro), line: cat((p) => p.tasks.line) },
    timers: { when: cat((p) => p.timers.when), label: cat((p) => p.timers.label) },
    futures: { label: cat((p) => p.futures.label) },
  };
}

/** `events` and `tables`: all of the run's, split (the chunks sent while it ran, then the rest). */
export function toTrace(filename: string, r: PyRunResult, events: TraceEvents, tables: PyTables = noTables()): Trace {
  return {
    meta: {
      version: TRACE_VERSION,
      filename,
      clockStart: r.clockStart,
      lines: r.lines,
      end: { status: r.status, exitCode: r.exitCode, message: r.message, seconds: r.seconds },
    },
    ...tables,
    events,
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
  host: WorkerHost = {},
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
    try {
      const { trace, runMs } = engine!.run(
        msg,
        (chunks) => port.post({ type: 'output', runId: msg.runId, chunks }),
        (chunk) => port.post({ type: 'trace-chunk', runId: msg.runId, chunk }, buffersOf(chunk.events)),
      );
      port.post({ type: 'done', runId: msg.runId, trace, runMs }, buffersOf(trace.events));
    } finally {
      engine!.tidy();
    }
  };
  port.onMessage((data) => (engine ? handle(data) : queue.push(data)));
  try {
    engine = await Engine.start(
      loadPyodide,
      files,
      (stage, fraction, message) => port.post({ type: 'progress', stage, fraction, message }),
      host,
    );
  } catch (err) {
    port.post({ type: 'load-error', message: `could not load Python: ${String(err)}` });
    return;
  }
  port.post({ type: 'progress', stage: 'ready', fraction: 1, message: 'Ready' });
  port.post({ type: 'ready', loadMs: performance.now() - loadStart, snapshot: engine.fromSnapshot });
  for (const data of queue.splice(0)) handle(data);
}
