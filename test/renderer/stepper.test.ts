import { describe, expect, it } from 'vitest';
import { EventKind } from '../../shared/trace';
import type { Trace } from '../../shared/trace';
import { buildStepIndex, clampPosition, countUpTo, eventAtTime, stepFrom } from '../../renderer/stepper/positions';
import type { StepUnit } from '../../renderer/stepper/positions';
import { buildStateIndex, snapshotAt, TASK_STATE_NAMES, TaskState, timersAt } from '../../renderer/stepper/state';
import { STRINGS } from '../../renderer/i18n/strings';
import { fixtureTrace } from './fixtures';

const UNIT_KIND: Record<StepUnit, number> = { line: EventKind.Line, step: EventKind.StepStart, iteration: EventKind.LoopIteration };

/** The obvious linear scan the binary searches must agree with. */
function scan(trace: Trace, pos: number, unit: StepUnit, dir: 'forward' | 'back'): number {
  const k = trace.events.kind;
  if (dir === 'forward') {
    for (let i = pos + 1; i < k.length; i++) if (k[i] === UNIT_KIND[unit]) return i;
    return k.length - 1;
  }
  for (let i = pos - 1; i >= 0; i--) if (k[i] === UNIT_KIND[unit]) return i;
  return 0;
}

describe.each(['say_after_tasks', 'queue_cancel'])('stepping through %s', (name) => {
  const trace = fixtureTrace(name);
  const ix = buildStepIndex(trace);
  const n = trace.events.kind.length;

  it('records lines, steps and iterations', () => {
    expect(ix.count).toBe(n);
    expect(ix.line.length).toBeGreaterThan(3);
    expect(ix.step.length).toBeGreaterThan(3);
    expect(ix.iteration.length).toBeGreaterThan(3);
  });

  it.each(['line', 'step', 'iteration'] as StepUnit[])('moves by %s exactly as a linear scan does, from every position', (unit) => {
    for (let pos = 0; pos < n; pos++) {
      expect(stepFrom(ix, pos, unit, 'forward'), `forward from ${pos}`).toBe(scan(trace, pos, unit, 'forward'));
      expect(stepFrom(ix, pos, unit, 'back'), `back from ${pos}`).toBe(scan(trace, pos, unit, 'back'));
    }
  });

  it('lands on an event of the unit, and back undoes forward', () => {
    for (const unit of ['line', 'step', 'iteration'] as StepUnit[]) {
      let pos = 0;
      const visited: number[] = [];
      while (true) {
        const next = stepFrom(ix, pos, unit, 'forward');
        if (next === pos || next === n - 1) break;
        expect(trace.events.kind[next]).toBe(UNIT_KIND[unit]);
        visited.push(next);
        pos = next;
      }
      for (let i = visited.length - 1; i > 0; i--) expect(stepFrom(ix, visited[i]!, unit, 'back')).toBe(visited[i - 1]);
    }
  });

  it('clamps positions and finds events by time', () => {
    expect(clampPosition(ix, -5)).toBe(0);
    expect(clampPosition(ix, n + 10)).toBe(n - 1);
    const t = trace.events.t;
    const at = eventAtTime(t, 3);
    expect(t[at]).toBeGreaterThanOrEqual(3);
    expect(at === 0 || t[at - 1]! < 3).toBe(true);
  });

  it('counts printed lines up to a position', () => {
    expect(countUpTo(ix.print, n - 1)).toBe(ix.print.length);
    expect(countUpTo(ix.print, -1)).toBe(0);
  });
});

describe('the program state at a position (say_after as two tasks)', () => {
  const trace = fixtureTrace('say_after_tasks');
  const states = buildStateIndex(trace);
  const e = trace.events;
  const firstAt = (time: number) => eventAtTime(e.t, time);

  it('has both tasks sleeping and main awaiting hello, with two timers pending, once everything started', () => {
    const lastAtZero = firstAt(0.5) - 1;
    const snap = snapshotAt(trace, states, lastAtZero);
    const byName = Object.fromEntries(snap.tasks.map((t) => [t.name, t]));
    expect(byName['hello']).toMatchObject({ state: TaskState.Awaiting, detail: 'sleep(3)' });
    expect(byName['world']).toMatchObject({ state: TaskState.Awaiting, detail: 'sleep(4)' });
    expect(byName['Task-1']).toMatchObject({ state: TaskState.Awaiting, detail: 'Task hello' });
    expect(snap.timers.map((t) => t.when)).toEqual([3, 4]);
    expect(snap.ready).toEqual([]);
  });

  it('shows new tasks in the ready queue right after they are created', () => {
    const created = Array.from(e.kind.keys()).filter((i) => e.kind[i] === EventKind.TaskCreated && e.a[i]! >= 0);
    const snap = snapshotAt(trace, states, created[1]!);
    expect(snap.ready.map((id) => states.names[id])).toEqual(['hello', 'world']);
    expect(snap.tasks.find((t) => t.name === 'Task-1')!.state).toBe(TaskState.Running);
  });

  it('ends with every task done and no timers', () => {
    const snap = snapshotAt(trace, states, e.kind.length - 1);
    expect(snap.tasks.map((t) => t.state)).toEqual([TaskState.Done, TaskState.Done, TaskState.Done]);
    expect(snap.timers).toEqual([]);
  });
});

describe.each(['say_after_tasks', 'queue_cancel'])('pending timers in %s', (name) => {
  const trace = fixtureTrace(name);
  const states = buildStateIndex(trace);
  const e = trace.events;

  /** Replays the timer events up to `pos`: what was scheduled and has neither fired nor been cancelled. */
  function replayTimers(pos: number): number[] {
    const pending = new Set<number>();
    for (let i = 0; i <= pos; i++) {
      if (e.kind[i] === EventKind.TimerScheduled) pending.add(e.a[i]!);
      else if (e.kind[i] === EventKind.TimerFired || e.kind[i] === EventKind.TimerCancelled) pending.delete(e.a[i]!);
    }
    return [...pending].sort((x, y) => trace.timers.when[x]! - trace.timers.when[y]! || x - y);
  }

  it('has timers to check', () => {
    expect(trace.timers.when.length).toBeGreaterThan(1);
  });

  it('lists, soonest first, exactly the timers a replay finds pending, at every position', () => {
    for (let pos = 0; pos < e.kind.length; pos++) {
      const expected = replayTimers(pos);
      expect(timersAt(trace, states, pos).map((t) => t.id), `at ${pos}`).toEqual(expected);
      expect(timersAt(trace, states, pos, 1).map((t) => t.id), `first at ${pos}`).toEqual(expected.slice(0, 1));
    }
  });
});

describe('task state words', () => {
  it('are listed in TaskState order, in both languages', () => {
    const states = Object.values(TaskState);
    expect(STRINGS.en.taskStates).toEqual(states.map((s) => TASK_STATE_NAMES[s]));
    expect(STRINGS.ko.taskStates).toHaveLength(states.length);
    expect(new Set(STRINGS.ko.taskStates).size).toBe(states.length);
  });
});
