/**
 * The runtime engine: one Pyodide, loaded once, running one program at a time.
 *
 * Platform-neutral: the Node worker and the browser worker each hand it their
 * own `loadPyodide` and the runtime's Python files, then forward messages.
 */
import type { PyodideAPI } from 'pyodide';
import { z } from 'zod';
import type { TraceMeta } from '../trace.js';
import { TRACE_VERSION } from '../trace.js';
import { BlocksResult, FromWorker, OutputChunk, RunOptions, ToWorker } from './protocol.js';
import { DEFAULT_MEMORY_LIMIT_MB, capWasmMemory } from './memory-cap.js';
import { cacheTableLookups } from './wasm-table-cache.js';
import type { FunctionTable } from './wasm-table-cache.js';
import { installWasmTrampoline } from './wasm-trampoline.js';
import type { EmscriptenModule } from './wasm-trampoline.js';
import type { RunRequest, Trampoline, WireTraceChunk, WireTraceEnd } from './protocol.js';

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
/** Where the Python side leaves a trace chunk: its events, then its table rows (see output.py, trace-assembler.ts). */
const CHUNK_FILE = '/tmp/corolab-trace-chunk.bin';

interface PyRunResult {
  status: TraceMeta['end']['status'];
  exitCode: number;
  message: string;
  seconds: number;
  clockStart: number;
  lines: boolean;
  events?: Uint8Array;
  /** The table rows added since the last chunk (see trace-assembler.ts readTables). */
  tables?: Uint8Array;
}

/**
 * The runtime's records on its stdout (output.py): a batch of printed lines, or where a
 * trace chunk is (how many bytes of the chunk file are events, then table rows; the
 * clock). A program can write to that stdout too (os.write(1, ...)): a line that is
 * not such a record is its text, as natively.
 */
const OutputBatch = z.array(z.tuple([OutputChunk.shape.stream, z.number(), z.number().int(), z.string()]));
const ChunkRecord = z.object({ chunk: z.number().int().nonnegative(), rows: z.number().int().nonnegative(), t: z.number() });
type ChunkRecord = z.infer<typeof ChunkRecord>;

function parseRecord(text: string): z.infer<typeof OutputBatch> | ChunkRecord | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const batch = OutputBatch.safeParse(json);
  if (batch.success) return batch.data;
  const chunk = ChunkRecord.safeParse(json);
  return chunk.success ? chunk.data : undefined;
}

type PyCallable = ((...args: unknown[]) => { toJs(o: object): unknown; destroy(): void }) & { destroy(): void };

export class Engine {
  private onOutput: (chunks: OutputChunk[]) => void = () => {};
  private onChunk: (chunk: WireTraceChunk) => void = () => {};
  /** Whether the run in progress is traced: an untraced one sends no chunk. */
  private tracing = false;
  private readonly runPy: PyCallable;
  private readonly betweenRuns: () => void;

  private constructor(
    private readonly py: PyodideAPI,
    readonly fromSnapshot: boolean,
    readonly trampoline: Trampoline,
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
    const module = (py as unknown as { _module: EmscriptenModule & { wasmTable: FunctionTable } })._module;
    cacheTableLookups(module.wasmTable);
    const trampoline = installWasmTrampoline(module);
    progress('runtime', 0.85, 'Loading the asyncio runtime…');
    installRuntime(py, files);
    return new Engine(py, snapshot, trampoline, cpus);
  }

  setInterruptBuffer(buffer: Int32Array): void {
    this.py.setInterruptBuffer(buffer);
  }

  /**
   * Runs a program. Its trace comes as the tracer wrote it (a TraceAssembler
   * spells it out): in chunks while the run goes on, and the rest at its end.
   */
  run(
    request: RunRequest,
    onOutput: (chunks: OutputChunk[]) => void,
    onChunk: (chunk: WireTraceChunk) => void = () => {},
  ): { end: WireTraceEnd; runMs: number } {
    const options = RunOptions.parse(request.options);
    this.onOutput = onOutput;
    this.onChunk = onChunk;
    this.tracing = options.trace;
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
    const end = { meta: traceMeta(request.filename, result), events: result.events, tables: result.tables };
    return { end, runMs: performance.now() - started };
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
    const record = line.startsWith(RECORD) ? parseRecord(line.slice(1)) : undefined;
    if (Array.isArray(record)) {
      this.onOutput(record.map(([stream, t, task, text]) => ({ stream, t, task, text })));
    } else if (record && this.tracing && this.readChunk(record)) {
      return;
    } else {
      // Written straight to file descriptor 1, past sys.stdout.
      this.onOutput([{ stream: 'stdout', text: line + '\n', t: 0, task: -1 }]);
    }
  }

  /** A chunk from the chunk file, if it holds what the record says; whether it did. */
  private readChunk(record: ChunkRecord): boolean {
    // Through the file, not the record's line: Pyodide's stdout takes a long line byte by byte.
    // The file holds chunks written over one another (output.py): this one is at its start.
    const { FS } = this.py;
    const length = record.chunk + record.rows;
    let stream;
    try {
      if (FS.stat(CHUNK_FILE).size < length) return false;
      stream = FS.open(CHUNK_FILE, 'r');
    } catch {
      return false;
    }
    const bytes = new Uint8Array(length);
    try {
      FS.read(stream, bytes, 0, length, 0);
    } finally {
      FS.close(stream);
    }
    this.onChunk({ events: bytes.subarray(0, record.chunk), tables: bytes.subarray(record.chunk), t: record.t });
    return true;
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

function traceMeta(filename: string, r: PyRunResult): TraceMeta {
  return {
    version: TRACE_VERSION,
    filename,
    clockStart: r.clockStart,
    lines: r.lines,
    end: { status: r.status, exitCode: r.exitCode, message: r.message, seconds: r.seconds },
  };
}

/** The buffers of a message's bytes, to transfer instead of copying (a chunk's events and rows share one). */
function buffersOf(...views: (Uint8Array | undefined)[]): ArrayBuffer[] {
  return [...new Set(views.flatMap((v) => (v ? [v.buffer as ArrayBuffer] : [])))];
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
    let ran: ReturnType<Engine['run']>;
    try {
      ran = engine!.run(
        msg,
        (chunks) => port.post({ type: 'output', runId: msg.runId, chunks }),
        (chunk) => port.post({ type: 'trace-chunk', runId: msg.runId, chunk }, buffersOf(chunk.events, chunk.tables)),
      );
    } catch (err) {
      // The runner catches everything a program raises: what gets here broke Python itself (a
      // Pyodide fatal error, such as the engine's stack running out), which no later run survives.
      // Said, not thrown: a browser's worker that throws lives on, and its run would never end.
      port.post({ type: 'crashed', runId: msg.runId, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      return;
    }
    port.post({ type: 'done', runId: msg.runId, end: ran.end, runMs: ran.runMs }, buffersOf(ran.end.events, ran.end.tables));
    engine!.tidy();
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
  port.post({ type: 'ready', loadMs: performance.now() - loadStart, snapshot: engine.fromSnapshot, trampoline: engine.trampoline });
  for (const data of queue.splice(0)) handle(data);
}
