/** trace-assembler.ts splitEvents: the tracer's wire records (tracer.py "On the wire") spelled out as trace events. */
import { describe, expect, it } from 'vitest';
import { Wire, splitEvents } from '../../shared/runtime/trace-assembler.js';
import { EventKind as K, WaitKind } from '../../shared/trace.js';

const { CLOCK, STEP, STEP_CUT, BOUNDARY, NOW, RUNNING_TASK: RUNNING, LINE_BASE, FILE_SID } = Wire;
/** A line of the program: one number on the wire. */
const line = (n: number) => [LINE_BASE + n];
/** A step of a task nothing woke that ended in a bare yield: one number on the wire. */
const yieldStep = (task: number) => [-1 - task];
const code = (kind: number, id: number) => (id + 1) * 4 + kind;

function split(records: number[][], clock = 0) {
  const bytes = new Uint8Array(new Float64Array(records.flat()).buffer);
  const { events, clock: end } = splitEvents(bytes, clock);
  const rows = [...events.kind].map((k, i) => [k, events.t[i], events.task[i], events.a[i], events.b[i]]);
  return { rows, end };
}

describe('splitEvents', () => {
  it('puts a step’s Wake and StepStart before the events inside it, which get its task', () => {
    const { rows } = split([
      [CLOCK, 2, -1, -1, -1],
      [K.LoopIteration, NOW, -1, 1, -1],
      line(7),
      [K.Print, NOW, RUNNING, 3, 1],
      [CLOCK, 2.5, -1, -1, -1], // time.sleep inside the step
      line(8),
      [STEP, code(WaitKind.Sleep, 4), 3, code(WaitKind.Future, 9), 0],
    ]);
    expect(rows).toEqual([
      [K.LoopIteration, 2, -1, 1, -1],
      [K.Wake, 2, 3, WaitKind.Sleep, 4],
      [K.StepStart, 2, 3, -1, -1],
      [K.Line, 2, 3, 0, 7],
      [K.Print, 2, 3, 3, 1],
      [K.Line, 2.5, 3, 0, 8],
      [K.StepEnd, 2.5, 3, -1, -1],
      [K.Await, 2.5, 3, WaitKind.Future, 9],
    ]);
  });

  it('writes a step nothing woke without a Wake, and a yield as an Await of no id', () => {
    const { rows } = split([[STEP, -1, 0, code(WaitKind.Yield, -1), 0]]);
    expect(rows).toEqual([
      [K.StepStart, 0, 0, -1, -1],
      [K.StepEnd, 0, 0, -1, -1],
      [K.Await, 0, 0, WaitKind.Yield, -1],
    ]);
  });

  it('ends a finished task’s step with StepEnd, then its Done, and the next step does not reach back past it', () => {
    const { rows } = split([
      [STEP, code(WaitKind.Task, 2), 1, -1, 0],
      [K.TaskDone, 0, 1, 5, -1],
      [K.Print, NOW, RUNNING, 6, 1],
      [STEP, -1, 2, code(WaitKind.Yield, -1), 0],
    ]);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      [K.Wake, 1],
      [K.StepStart, 1],
      [K.StepEnd, 1],
      [K.TaskDone, 1],
      [K.StepStart, 2],
      [K.Print, 2],
      [K.StepEnd, 2],
      [K.Await, 2],
    ]);
  });

  it('leaves what a plain callback did outside the next step', () => {
    const { rows } = split([
      [K.CallbackRun, NOW, -1, 4, -1],
      [K.FutureResolved, NOW, RUNNING, 0, 0],
      [BOUNDARY],
      [K.TimerFired, NOW, -1, 2, -1],
      [K.FutureResolved, NOW, RUNNING, 1, 0],
      [BOUNDARY],
      [STEP, code(WaitKind.Sleep, 2), 5, code(WaitKind.Yield, -1), 0],
    ]);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      [K.CallbackRun, -1],
      [K.FutureResolved, -1],
      [K.TimerFired, -1],
      [K.FutureResolved, -1],
      [K.Wake, 5],
      [K.StepStart, 5],
      [K.StepEnd, 5],
      [K.Await, 5],
    ]);
  });

  it('keeps a step the run was halted in: its start, its events, no end', () => {
    const { rows } = split([
      line(3),
      line(4),
      [STEP_CUT, code(WaitKind.Future, 0), 7, -1, 0],
    ]);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      [K.Wake, 7],
      [K.StepStart, 7],
      [K.Line, 7],
      [K.Line, 7],
    ]);
  });

  it('reads one-number records (lines, bare yields) between five-number ones', () => {
    const { rows } = split([
      [CLOCK, 3, -1, -1, -1],
      [K.LoopIteration, NOW, -1, 2, -1],
      line(5),
      [K.Print, NOW, RUNNING, 2, 1],
      yieldStep(4),
      line(9),
      [STEP, code(WaitKind.Task, 4), 0, -1, 0],
      [K.TaskDone, 3, 0, 1, -1],
    ]);
    expect(rows).toEqual([
      [K.LoopIteration, 3, -1, 2, -1],
      [K.StepStart, 3, 4, -1, -1],
      [K.Line, 3, 4, FILE_SID, 5],
      [K.Print, 3, 4, 2, 1],
      [K.StepEnd, 3, 4, -1, -1],
      [K.Await, 3, 4, WaitKind.Yield, -1],
      [K.Wake, 3, 0, WaitKind.Task, 4],
      [K.StepStart, 3, 0, -1, -1],
      [K.Line, 3, 0, FILE_SID, 9],
      [K.StepEnd, 3, 0, -1, -1],
      [K.TaskDone, 3, 0, 1, -1],
    ]);
  });

  it('gives events outside any step no task, and hands the clock on to the next chunk', () => {
    const { rows, end } = split([[K.Print, NOW, RUNNING, 1, 1], [CLOCK, 4, -1, -1, -1]], 1.5);
    expect(rows).toEqual([[K.Print, 1.5, -1, 1, 1]]);
    expect(end).toBe(4);
  });
});
