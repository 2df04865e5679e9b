/**
 * Messages between a runtime host (Electron main, the CLI, the web build) and
 * the runtime worker (Node worker_threads or a browser Web Worker).
 * Both sides validate what they receive with these schemas.
 */
import { z } from 'zod';
import { TraceMeta } from '../trace.js';
import type { Trace, TraceEvents } from '../trace.js';

export const RunLimits = z.object({
  /** Stop after this many task steps + source lines. */
  maxSteps: z.number().int().positive().default(5_000_000),
  /** Stop when the virtual clock passes this many seconds. */
  maxVirtualSeconds: z.number().positive().default(24 * 3600),
});
export type RunLimits = z.infer<typeof RunLimits>;

export const RunOptions = z.object({
  /** Record a trace at all (off: fastest, prints only). */
  trace: z.boolean().default(true),
  /** Record a Line event for every source line of the user's code. */
  lines: z.boolean().default(true),
  /** Wall-clock start of the virtual clock, Unix seconds; default: now. */
  clockStart: z.number().optional(),
  limits: RunLimits.prefault({}),
});
export type RunOptions = z.input<typeof RunOptions>;

export const RunRequest = z.object({
  type: z.literal('run'),
  runId: z.number().int(),
  source: z.string().max(5_000_000),
  filename: z.string().min(1).max(1000),
  options: RunOptions.prefault({}),
});
export type RunRequest = z.infer<typeof RunRequest>;

/** Python source → block workspace (Blockly JSON), parsed with Python's own `ast`. */
export const ToBlocksRequest = z.object({
  type: z.literal('to-blocks'),
  requestId: z.number().int(),
  source: z.string().max(5_000_000),
  /** Every top-level statement as raw Python (the fallback when a conversion would change the program). */
  rawOnly: z.boolean().default(false),
});
export type ToBlocksRequest = z.infer<typeof ToBlocksRequest>;

export const BlocksResult = z.object({
  workspace: z.object({
    blocks: z.object({ languageVersion: z.number(), blocks: z.array(z.record(z.string(), z.unknown())) }),
    variables: z.array(z.object({ name: z.string(), id: z.string() })).optional(),
  }),
  /** The program's ast (imports of asyncio/time left out), to check a conversion changed nothing. */
  dump: z.string().optional(),
  /** Set when the source does not parse: the workspace then holds it as one raw block. */
  error: z.string().optional(),
});
export type BlocksResult = z.infer<typeof BlocksResult>;

export const ToWorker = z.discriminatedUnion('type', [
  RunRequest,
  ToBlocksRequest,
  /** The host shares a buffer the runtime polls to interrupt a run (Stop, timeout). */
  z.object({ type: z.literal('interrupt-buffer'), buffer: z.custom<Int32Array>((v) => v instanceof Int32Array) }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const LoadStage = z.enum(['pyodide', 'stdlib', 'runtime', 'ready']);

export const OutputChunk = z.object({
  stream: z.enum(['stdout', 'stderr']),
  text: z.string(),
  /** Virtual seconds since start when the first character was written. */
  t: z.number(),
  /** Task that wrote it, -1 for none. */
  task: z.number().int(),
});
export type OutputChunk = z.infer<typeof OutputChunk>;

/**
 * A piece of the trace while a long run goes on, as the host hands it on (made
 * on the host's side by trace-assembler.ts: it crosses no boundary, the
 * worker's WireTraceChunk does): its events, from sequence number `first`, and
 * the table rows and strings added since the previous chunk. The run's result
 * still has the whole trace.
 */
export interface TraceChunk extends Pick<Trace, 'strings' | 'tasks' | 'timers' | 'futures'> {
  first: number;
  events: TraceEvents;
  /** Virtual seconds when it was sent. */
  t: number;
}

/** How far a run has got, for its progress line: events and tasks so far, and its virtual seconds. */
export const RunProgress = z.object({ events: z.number().int().nonnegative(), tasks: z.number().int().nonnegative(), seconds: z.number() });
export type RunProgress = z.infer<typeof RunProgress>;

/** A run's progress once `chunk` has come, from its progress before it (none for the first chunk). */
export function progressAfter(chunk: TraceChunk, before: RunProgress | undefined): RunProgress {
  return { events: chunk.first + chunk.events.kind.length, tasks: (before?.tasks ?? 0) + chunk.tasks.name.length, seconds: chunk.t };
}

/** The tracer's records as it wrote them: whole float64s (tracer.py "On the wire"). */
const WireEvents = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteOffset % 8 === 0 && v.byteLength % 8 === 0, {
  message: 'expected trace records as whole float64s',
});
/** Table rows as Tracer.tables_bytes writes them. */
const WireTables = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected table rows as bytes' });

/**
 * A piece of the trace as the worker sends it: the tracer's records and rows
 * as they are, spelled out by the host (trace-assembler.ts), so that the
 * worker goes on with the program meanwhile. `t`: virtual seconds when sent.
 */
export const WireTraceChunk = z.object({ events: WireEvents, tables: WireTables, t: z.number() });
export type WireTraceChunk = z.infer<typeof WireTraceChunk>;

/** A run's end: its trace's meta, and the records and rows no chunk carried (none if untraced). */
export const WireTraceEnd = z.object({ meta: TraceMeta, events: WireEvents.optional(), tables: WireTables.optional() });
export type WireTraceEnd = z.infer<typeof WireTraceEnd>;

/** How CPython calls C functions through pointers (wasm-trampoline.ts): WebAssembly is the fast way. */
export const Trampoline = z.enum(['webassembly', 'javascript']);
export type Trampoline = z.infer<typeof Trampoline>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), stage: LoadStage, fraction: z.number().min(0).max(1), message: z.string() }),
  z.object({ type: z.literal('ready'), loadMs: z.number(), snapshot: z.boolean(), trampoline: Trampoline }),
  z.object({ type: z.literal('load-error'), message: z.string() }),
  z.object({ type: z.literal('output'), runId: z.number().int(), chunks: z.array(OutputChunk) }),
  z.object({ type: z.literal('started'), runId: z.number().int() }),
  z.object({ type: z.literal('trace-chunk'), runId: z.number().int(), chunk: WireTraceChunk }),
  z.object({ type: z.literal('done'), runId: z.number().int(), end: WireTraceEnd, runMs: z.number() }),
  /** The run broke Python itself (a Pyodide fatal error): this worker cannot run again, its host replaces it. */
  z.object({ type: z.literal('crashed'), runId: z.number().int(), message: z.string() }),
  z.object({ type: z.literal('blocks'), requestId: z.number().int(), result: BlocksResult }),
]);
export type FromWorker = z.infer<typeof FromWorker>;

/**
 * What a host says when its worker crashed. The commonest cause is a program
 * that goes deeper in CPython's C code (repr() of a list nested tens of
 * thousands deep, freeing a chain as long) than the JavaScript engine's stack
 * allows: the engine's own words for it say nothing about the program.
 */
export function crashMessage(cause: string): string {
  const why = cause.replace(/^Uncaught /, '');
  if (/Maximum call stack size exceeded|too much recursion/i.test(why)) {
    return `the runtime crashed: the program went too deep for the runtime's stack (${why}), so Python was restarted`;
  }
  return `the runtime crashed: ${why}`;
}
