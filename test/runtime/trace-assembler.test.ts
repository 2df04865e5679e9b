/** trace-assembler.ts: the host puts a run's trace together from the worker's chunks of records, as they come. */
import { describe, expect, it } from 'vitest';
import { TraceAssembler, Wire, splitEvents } from '../../shared/runtime/trace-assembler.js';
import { TRACE_VERSION, EventKind as K } from '../../shared/trace.js';
import type { TraceMeta } from '../../shared/trace.js';

const { CLOCK, STEP, NOW, RUNNING_TASK: RUNNING, LINE_BASE } = Wire;
const meta: TraceMeta = { version: TRACE_VERSION, filename: 'prog.py', clockStart: 0, lines: true, end: { status: 'ok', exitCode: 0, message: '', seconds: 2 } };
const asked = { filename: 'prog.py', clockStart: 1_700_000_000, lines: true };
const records = (rows: number[][]) => new Uint8Array(new Float64Array(rows.flat()).buffer);

/** Table rows as Tracer.tables_bytes writes them (NUL-joined strings). */
function tableBytes(strings: string[], tasks: number[][], timers: [when: number, label: number][], futures: number[]): Uint8Array {
  const text = new TextEncoder().encode(strings.join('\0'));
  const head = new Float64Array([strings.length, tasks.length, timers.length, futures.length, 0, text.length]);
  const when = new Float64Array(timers.map(([w]) => w));
  const ints = new Int32Array([...tasks.flat(), ...timers.map(([, l]) => l), ...futures]);
  const out = new Uint8Array(head.byteLength + when.byteLength + ints.byteLength + text.length);
  out.set(new Uint8Array(head.buffer), 0);
  out.set(new Uint8Array(when.buffer), head.byteLength);
  out.set(new Uint8Array(ints.buffer), head.byteLength + when.byteLength);
  out.set(text, head.byteLength + when.byteLength + ints.byteLength);
  return out;
}

// A run in three pieces: two chunks sent while it ran, and what its end carried.
const pieces = [
  {
    events: [[CLOCK, 0, -1, -1, -1], [K.TaskCreated, NOW, 0, -1, -1], [-1 - 0]],
    tables: tableBytes(['prog.py', 'Task-1', 'main'], [[1, -1, 2, 9]], [], []),
  },
  {
    events: [[CLOCK, 1.5, -1, -1, -1], [LINE_BASE + 4], [K.Print, NOW, RUNNING, 3, 1], [K.TimerScheduled, NOW, RUNNING, 0, -1], [STEP, -1, 0, (0 + 1) * 4 + 1, 0]],
    tables: tableBytes(['hi'], [], [[3.5, 4]], [4]),
  },
  {
    events: [[CLOCK, 3.5, -1, -1, -1], [STEP, (0 + 1) * 4 + 1, 0, -1, 0], [K.TaskDone, NOW, 0, 5, -1]],
    tables: tableBytes(['sleep', 'None'], [], [], []),
  },
];

describe('TraceAssembler', () => {
  it('puts chunks and the end together as one split of all the records would', () => {
    const assembler = new TraceAssembler(asked);
    const chunks = pieces.slice(0, 2).map((p, i) => assembler.chunk({ events: records(p.events), tables: p.tables, t: i }));
    const trace = assembler.finish({ meta, events: records(pieces[2]!.events), tables: pieces[2]!.tables });
    const whole = splitEvents(records(pieces.flatMap((p) => p.events))).events;
    expect(trace.events).toEqual(whole);
    expect(trace.meta).toEqual(meta);
    expect(trace.strings).toEqual(['prog.py', 'Task-1', 'main', 'hi', 'sleep', 'None']);
    expect(trace.tasks).toEqual({ name: [1], parent: [-1], coro: [2], line: [9] });
    expect(trace.timers).toEqual({ when: [3.5], label: [4] });
    expect(trace.futures).toEqual({ label: [4] });
    // Each chunk says where its events start, and the clock goes on from one chunk to the next.
    expect(chunks.map((c) => c.first)).toEqual([0, chunks[0]!.events.kind.length]);
    const print = [...chunks[1]!.events.kind].indexOf(K.Print);
    expect(chunks[1]!.events.t[print]).toBe(1.5);
    expect(chunks[1]!.events.task[print]).toBe(0);
    expect(trace.events.t[trace.events.kind.indexOf(K.TaskDone)]).toBe(3.5);
  });

  it('gives an untraced run an empty trace with its meta', () => {
    const trace = new TraceAssembler(asked).finish({ meta });
    expect(trace.meta).toEqual(meta);
    expect(trace.events.kind.length).toBe(0);
    expect(trace.strings).toEqual([]);
  });

  it('keeps what the chunks carried when the worker is gone before the end', () => {
    const assembler = new TraceAssembler(asked);
    pieces.slice(0, 2).forEach((p, i) => assembler.chunk({ events: records(p.events), tables: p.tables, t: i + 0.5 }));
    const trace = assembler.soFar('stopped: the program did not answer');
    expect(trace.meta).toEqual({ version: TRACE_VERSION, ...asked, end: { status: 'stopped', exitCode: 1, message: 'stopped: the program did not answer', seconds: 1.5 } });
    expect(trace.events).toEqual(splitEvents(records(pieces.slice(0, 2).flatMap((p) => p.events))).events);
    expect(trace.strings).toEqual(['prog.py', 'Task-1', 'main', 'hi']);
    expect(trace.timers.when).toEqual([3.5]);
  });

  it('refuses table rows that do not hold what they say', () => {
    const rows = tableBytes(['a', 'b'], [], [], []);
    new Float64Array(rows.buffer, 0, 1)[0] = 3; // three strings, two in the text
    expect(() => new TraceAssembler(asked).chunk({ events: records([]), tables: rows, t: 0 })).toThrow(/3 strings/);
    const short = tableBytes([], [[1, 2, 3, 4]], [], []).slice(0, 50);
    expect(() => new TraceAssembler(asked).finish({ meta, tables: short })).toThrow(RangeError);
  });
});
