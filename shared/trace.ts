/**
 * The trace: everything the runtime saw the event loop do during one run.
 *
 * It is columnar so that a million events stay small: event `i` is
 * (kind[i], t[i], task[i], a[i], b[i]) and its sequence number is `i`.
 * What `a` and `b` mean depends on the kind (see `EventKind`). Names, labels
 * and printed text live once in `strings` and are referred to by index.
 *
 * The Python tracer (shared/runtime/python/corolab/tracer.py) emits exactly
 * this; the views only ever read it.
 */
import { z } from 'zod';

export const TRACE_VERSION = 1;

/** Event kinds. Keep in step with `K_*` in tracer.py. */
export const EventKind = {
  /** One turn of the event loop. a = ready-queue length, b = id of the earliest timer or -1. */
  LoopIteration: 0,
  /** task = new task, a = parent task or -1. Details are in `tasks`. */
  TaskCreated: 1,
  /** task starts running one step (its coroutine is resumed). */
  StepStart: 2,
  /** task's step ended (its coroutine yielded, returned or raised). */
  StepEnd: 3,
  /** task now waits. a = WaitKind, b = id of the awaited timer / future / task, or -1. */
  Await: 4,
  /** task was woken. a = WaitKind, b = id of what woke it, or -1. */
  Wake: 5,
  /** task returned. a = string: repr of the result. */
  TaskDone: 6,
  /** task was cancelled. a = string: cancel message or -1. */
  TaskCancelled: 7,
  /** task raised. a = string: "ExcType: message". */
  TaskFailed: 8,
  /** a = timer id (see `timers`); task = who scheduled it. */
  TimerScheduled: 9,
  /** a = timer id: its deadline came and its callback runs. */
  TimerFired: 10,
  /** a = timer id. */
  TimerCancelled: 11,
  /** A plain callback (call_soon / call_later / done callback) runs. a = string: its name, b = timer id or -1. */
  CallbackRun: 12,
  /** a = future id (see `futures`); task = the task that created it. */
  FutureCreated: 13,
  /** a = future id, b = FutureOutcome; task = the task that resolved it. */
  FutureResolved: 14,
  /** One line written by the program. a = string: the text (no newline), b = Stream. */
  Print: 15,
  /** The program reached a source line. a = string: file name, b = line number. */
  Line: 16,
  /** task got a new name. a = string: the name. */
  TaskRenamed: 17,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export const EVENT_KIND_COUNT = 18;

export const EventKindName: Record<EventKind, string> = Object.fromEntries(
  Object.entries(EventKind).map(([name, value]) => [value, name]),
) as Record<EventKind, string>;

/** What a task waits on (Await.a / Wake.a). */
export const WaitKind = {
  /** A bare yield, e.g. `await asyncio.sleep(0)`: ready again at once. */
  Yield: 0,
  /** A timer: `asyncio.sleep(d)`; the id is a timer id. */
  Sleep: 1,
  /** A future (also the ones behind Queue, Lock, Event, gather...); the id is a future id. */
  Future: 2,
  /** Another task; the id is a task id. */
  Task: 3,
} as const;
export type WaitKind = (typeof WaitKind)[keyof typeof WaitKind];

export const FutureOutcome = { Result: 0, Exception: 1, Cancelled: 2 } as const;
export const Stream = { Stdout: 1, Stderr: 2 } as const;

/** How a run ended. */
export const EndStatus = z.enum(['ok', 'error', 'deadlock', 'limit', 'stopped']);
export type EndStatus = z.infer<typeof EndStatus>;

export const TraceEnd = z.object({
  status: EndStatus,
  exitCode: z.number().int(),
  /** Human-readable reason for anything but 'ok'. */
  message: z.string(),
  /** Virtual seconds from start to end. */
  seconds: z.number(),
});
export type TraceEnd = z.infer<typeof TraceEnd>;

export const TraceMeta = z.object({
  version: z.literal(TRACE_VERSION),
  /** File name the program was run as. */
  filename: z.string(),
  /** Wall-clock time (Unix seconds) the virtual clock started at. */
  clockStart: z.number(),
  /** Whether line events were recorded. */
  lines: z.boolean(),
  end: TraceEnd,
});
export type TraceMeta = z.infer<typeof TraceMeta>;

const ints = z.array(z.number().int());
const nums = z.array(z.number());

/** Column tables; index = id. */
export const TaskTable = z.object({
  /** string index of the task's name at creation */
  name: ints,
  /** parent task id or -1 */
  parent: ints,
  /** string index of the coroutine's function name */
  coro: ints,
  /** source line where it was created (0 if unknown) */
  line: ints,
});
/**
 * A timer due at ±infinity (`call_later(math.inf)`, `asyncio.sleep(math.inf)`) is due
 * at ±FOREVER in a trace: neither JSON nor the schema has an infinity. Keep in step
 * with `FOREVER` in tracer.py.
 */
export const FOREVER = Number.MAX_VALUE;

/** Seconds as the views write a time or a duration: "∞" for FOREVER. */
export function formatSeconds(x: number, digits: number): string {
  if (Math.abs(x) >= FOREVER) return x > 0 ? '∞' : '-∞';
  return x.toFixed(digits);
}

export const TimerTable = z.object({
  /** virtual deadline in seconds, ±FOREVER for ±infinity */
  when: nums,
  /** string index: what it will call ("sleep", "call_later: hello", ...) */
  label: ints,
});
export const FutureTable = z.object({
  /** string index: who made it ("sleep", "Queue.get", "Lock.acquire", "gather", ...) */
  label: ints,
});

/** The trace as stored on disk / exported: plain JSON. */
export const TraceJson = z
  .object({
    meta: TraceMeta,
    strings: z.array(z.string()),
    tasks: TaskTable,
    timers: TimerTable,
    futures: FutureTable,
    events: z.object({ kind: ints, t: nums, task: ints, a: ints, b: ints }),
  })
  .superRefine((trace, ctx) => {
    const n = trace.events.kind.length;
    for (const col of ['t', 'task', 'a', 'b'] as const) {
      if (trace.events[col].length !== n) {
        ctx.addIssue({ code: 'custom', message: `events.${col} has ${trace.events[col].length} entries, kind has ${n}` });
      }
    }
    for (const table of ['tasks', 'timers', 'futures'] as const) {
      const cols = Object.values(trace[table]) as unknown[][];
      if (cols.some((c) => c.length !== cols[0]!.length)) {
        ctx.addIssue({ code: 'custom', message: `${table} columns differ in length` });
      }
    }
  });
export type TraceJson = z.infer<typeof TraceJson>;

/** The trace in memory: the same columns as typed arrays (21 bytes an event). */
export interface Trace {
  meta: TraceMeta;
  strings: string[];
  tasks: z.infer<typeof TaskTable>;
  timers: z.infer<typeof TimerTable>;
  futures: z.infer<typeof FutureTable>;
  events: TraceEvents;
}
export interface TraceEvents {
  kind: Uint8Array;
  t: Float64Array;
  task: Int32Array;
  a: Int32Array;
  b: Int32Array;
}

function typed<T>(ctor: abstract new (...args: never[]) => unknown) {
  return z.custom<T>((v) => v instanceof ctor, { message: `expected a ${ctor.name}` });
}

/** Validates typed-array columns as they cross a worker or IPC boundary. */
export const TraceEventsWire = z
  .object({
    kind: typed<Uint8Array>(Uint8Array),
    t: typed<Float64Array>(Float64Array),
    task: typed<Int32Array>(Int32Array),
    a: typed<Int32Array>(Int32Array),
    b: typed<Int32Array>(Int32Array),
  })
  .refine((e) => [e.t, e.task, e.a, e.b].every((c) => c.length === e.kind.length), 'event columns differ in length');

export const TraceWire = z.object({
  meta: TraceMeta,
  strings: z.array(z.string()),
  tasks: TaskTable,
  timers: TimerTable,
  futures: FutureTable,
  events: TraceEventsWire,
});

export function eventCount(trace: Trace): number {
  return trace.events.kind.length;
}

export function traceToJson(trace: Trace): TraceJson {
  const e = trace.events;
  return {
    meta: trace.meta,
    strings: trace.strings,
    tasks: trace.tasks,
    timers: trace.timers,
    futures: trace.futures,
    events: {
      kind: Array.from(e.kind),
      t: Array.from(e.t),
      task: Array.from(e.task),
      a: Array.from(e.a),
      b: Array.from(e.b),
    },
  };
}

/** Parses and validates a trace read from a file; throws a ZodError on bad input. */
export function traceFromJson(data: unknown): Trace {
  const json = TraceJson.parse(data);
  const e = json.events;
  return {
    ...json,
    events: {
      kind: Uint8Array.from(e.kind),
      t: Float64Array.from(e.t),
      task: Int32Array.from(e.task),
      a: Int32Array.from(e.a),
      b: Int32Array.from(e.b),
    },
  };
}

/** Display name of a task at the end of the trace (after any renames). */
export function taskNames(trace: Trace): string[] {
  const names = trace.tasks.name.map((s) => trace.strings[s] ?? '?');
  const { kind, task, a } = trace.events;
  for (let i = 0; i < kind.length; i++) {
    if (kind[i] === EventKind.TaskRenamed) names[task[i]!] = trace.strings[a[i]!] ?? '?';
  }
  return names;
}
