/**
 * The host's side of a traced run: the worker sends the tracer's records as
 * they are (float64 bytes, tracer.py "On the wire", and table rows as bytes),
 * and the host spells them out here as trace events and tables. Spelling out
 * a chunk takes a few milliseconds; done here, it happens on the host's thread
 * while the worker goes on running the program.
 *
 * Everything here reads bytes from another thread: bytes the tracer cannot
 * have written throw (RangeError, SyntaxError, ZodError), and the host reports
 * a malformed trace.
 */
import { z } from 'zod';
import type { Trace, TraceEvents } from '../trace.js';
import { EventKind, TRACE_VERSION } from '../trace.js';
import type { TraceChunk, WireTraceChunk, WireTraceEnd } from './protocol.js';

type TraceTables = Pick<Trace, 'strings' | 'tasks' | 'timers' | 'futures'>;

const StringList = z.array(z.string());
const utf8 = new TextDecoder();

/**
 * `read`'s result, or undefined once `refuse` is told why: the worker sent
 * records the tracer cannot have written (a host then replaces the worker).
 */
export function readOrRefuse<T>(read: () => T, refuse: (message: string) => void): T | undefined {
  try {
    return read();
  } catch (err) {
    refuse(`the runtime sent a malformed trace: ${String(err)}`);
    return undefined;
  }
}

/** What a host knows of a run as it asks for it: enough for the meta of a trace its worker never finished. */
export interface RunAsked {
  filename: string;
  /** The virtual clock's wall-clock start, Unix seconds (the worker's own, if it was not given, is about the same). */
  clockStart: number;
  lines: boolean;
}

/**
 * One run's trace, put together from its chunks as they come and, at the end,
 * the records and rows no chunk carried.
 */
export class TraceAssembler {
  /** The clock where the next chunk begins. */
  private clock = 0;
  /** Virtual seconds when the last chunk was sent. */
  private seconds = 0;
  private eventCount = 0;
  private events: TraceEvents[] = [];
  private tables: TraceTables[] = [];

  constructor(private readonly asked: RunAsked) {}

  /** A chunk, spelled out and kept. Its events are the ones kept here, not a copy: whoever is handed the chunk only reads it. */
  chunk(wire: WireTraceChunk): TraceChunk {
    const { events, clock } = splitEvents(wire.events, this.clock);
    const rows = readTables(wire.tables);
    this.clock = clock;
    this.seconds = wire.t;
    this.events.push(events);
    this.tables.push(rows);
    const first = this.eventCount;
    this.eventCount += events.kind.length;
    return { first, ...rows, t: wire.t, events };
  }

  /** The whole trace: the chunks so far, then what the run's end carries. */
  finish(end: WireTraceEnd): Trace {
    const events = concatEvents([...this.events, splitEvents(end.events, this.clock).events]);
    const tables = concatTables([...this.tables, end.tables ? readTables(end.tables) : noTables()]);
    this.events = [];
    this.tables = [];
    return { meta: end.meta, ...tables, events };
  }

  /** The trace as far as its chunks went, for a run whose worker is gone (it hung, crashed or sent what cannot be read). */
  soFar(message: string): Trace {
    const { filename, clockStart, lines } = this.asked;
    return this.finish({ meta: { version: TRACE_VERSION, filename, clockStart, lines, end: { status: 'stopped', exitCode: 1, message, seconds: this.seconds } } });
  }
}

/** What a host asks for, as a TraceAssembler needs it. */
export function runAsked(filename: string, options: { trace?: boolean; lines?: boolean; clockStart?: number }): RunAsked {
  return { filename, clockStart: options.clockStart ?? Date.now() / 1000, lines: (options.trace ?? true) && (options.lines ?? true) };
}

/** The numbers of tracer.py's wire format ("On the wire" there), which splitEvents reads. */
export const Wire = {
  /** An event inside a task step that leaves its task to us. */
  RUNNING_TASK: -2,
  /** An event that leaves its time to us (the latest CLOCK event's). */
  NOW: -1,
  /** Wire-only kinds: the clock moved; a whole step; a step cut short. */
  CLOCK: 100,
  STEP: 101,
  STEP_CUT: 102,
  /** A one-number record: the end of what a plain callback or a timer did. */
  BOUNDARY: 1023,
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
 * numbers (kind, t, task, a, b); a line, a bare yield's step and a boundary are one.
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
    if (k === BOUNDARY) {
      if (inside) {
        head.push(0);
        owner.push(-1);
        inside = false;
      }
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
    if (k === BOUNDARY) {
      leave();
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
export function readTables(bytes: Uint8Array): TraceTables {
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice(); // a Float64Array must start at a multiple of 8
  const [strings = 0, tasks = 0, timers = 0, futures = 0, json = 0, textBytes = 0] = new Float64Array(bytes.buffer, bytes.byteOffset, 6);
  let at = bytes.byteOffset + 48;
  const when = Array.from(new Float64Array(bytes.buffer, at, timers));
  at += 8 * timers;
  const ints = new Int32Array(bytes.buffer, at, 4 * tasks + timers + futures);
  at += 4 * ints.length;
  const text = utf8.decode(new Uint8Array(bytes.buffer, at, textBytes));
  const table: TraceTables = {
    strings: json ? StringList.parse(JSON.parse(text)) : strings === 0 ? [] : text.split('\0'),
    tasks: { name: [], parent: [], coro: [], line: [] },
    timers: { when, label: Array.from(ints.subarray(4 * tasks, 4 * tasks + timers)) },
    futures: { label: Array.from(ints.subarray(4 * tasks + timers)) },
  };
  if (table.strings.length !== strings) throw new RangeError(`the rows say ${strings} strings, their text has ${table.strings.length}`);
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

/** An untraced run's (fresh: a trace's tables are its own). */
function noTables(): TraceTables {
  return { strings: [], tasks: { name: [], parent: [], coro: [], line: [] }, timers: { when: [], label: [] }, futures: { label: [] } };
}

/** The table rows of several chunks as one trace's: each chunk's rows follow the last one's. */
function concatTables(parts: TraceTables[]): TraceTables {
  if (parts.length === 1) return parts[0]!;
  // concat copies each array at once; flatMap goes element by element (several times slower on 10k-task tables).
  const cat = <T>(pick: (p: TraceTables) => T[]): T[] => ([] as T[]).concat(...parts.map(pick));
  return {
    strings: cat((p) => p.strings),
    tasks: { name: cat((p) => p.tasks.name), parent: cat((p) => p.tasks.parent), coro: cat((p) => p.tasks.coro), line: cat((p) => p.tasks.line) },
    timers: { when: cat((p) => p.timers.when), label: cat((p) => p.timers.label) },
    futures: { label: cat((p) => p.futures.label) },
  };
}
