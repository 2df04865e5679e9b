import { describe, expect, it } from 'vitest';
import { ArrowKind, MarkerKind, SegKind, layoutTrace, segmentAt } from '../../renderer/timeline/layout';
import type { Layout } from '../../renderer/timeline/layout';
import { fixtureTrace } from './fixtures';

function laneOf(layout: Layout, title: string): number {
  const i = layout.lanes.findIndex((l) => l.title === title);
  expect(i, `lane ${title}`).toBeGreaterThan(0);
  return i;
}

function awaits(layout: Layout, lane: number): { label: string; t0: number; t1: number }[] {
  const s = layout.segments;
  const out = [];
  for (let i = s.laneStart[lane]!; i < s.laneStart[lane + 1]!; i++) {
    if (s.kind[i] === SegKind.Await) out.push({ label: layout.labels[s.label[i]!]!, t0: s.t0[i]!, t1: s.t1[i]! });
  }
  return out;
}

describe('swimlane layout of say_after as two tasks', () => {
  const layout = layoutTrace(fixtureTrace('say_after_tasks'));

  it('has the loop lane, then one lane per task named as the program named it', () => {
    expect(layout.lanes.map((l) => l.title)).toEqual(['event loop', 'Task-1', 'hello', 'world']);
    expect(layout.end).toBe(4);
  });

  it('shows the tasks sleeping side by side and main awaiting each in turn', () => {
    expect(awaits(layout, laneOf(layout, 'hello'))).toEqual([{ label: 'sleep(3)', t0: 0, t1: 3 }]);
    expect(awaits(layout, laneOf(layout, 'world'))).toEqual([{ label: 'sleep(4)', t0: 0, t1: 4 }]);
    expect(awaits(layout, laneOf(layout, 'Task-1'))).toEqual([
      { label: 'Task hello', t0: 0, t1: 3 },
      { label: 'Task world', t0: 3, t1: 4 },
    ]);
    const main = layout.lanes[laneOf(layout, 'Task-1')]!;
    expect([main.start, main.end]).toEqual([0, 4]);
  });

  it('labels an await on an unnamed task with its name alone', () => {
    const trace = fixtureTrace('say_after_tasks');
    const unnamed = { ...trace, strings: trace.strings.map((s) => (s === 'hello' ? 'Task-2' : s === 'world' ? 'Task-3' : s)) };
    const l = layoutTrace(unnamed);
    expect(awaits(l, laneOf(l, 'Task-1')).map((a) => a.label)).toEqual(['Task-2', 'Task-3']);
  });

  it('keeps every lane sorted and non-overlapping, with runs bracketed by their events', () => {
    const s = layout.segments;
    for (let lane = 0; lane < layout.lanes.length; lane++) {
      for (let i = s.laneStart[lane]!; i < s.laneStart[lane + 1]!; i++) {
        expect(s.t0[i]!).toBeLessThanOrEqual(s.t1[i]!);
        if (i > s.laneStart[lane]!) expect(s.e0[i]!).toBeGreaterThan(s.e0[i - 1]!);
        if (s.e1[i]! >= 0) expect(s.e1[i]!).toBeGreaterThan(s.e0[i]!);
      }
    }
  });

  it('draws creation arrows from main and wake arrows from each finished task to main', () => {
    const main = laneOf(layout, 'Task-1');
    const created = layout.arrows.filter((a) => a.kind === ArrowKind.Create).map((a) => [a.fromLane, a.toLane]);
    expect(created).toEqual([
      [main, laneOf(layout, 'hello')],
      [main, laneOf(layout, 'world')],
    ]);
    const wakes = layout.arrows.filter((a) => a.kind === ArrowKind.Wake && a.toLane === main);
    expect(wakes.map((a) => [layout.lanes[a.fromLane]!.title, a.toT])).toEqual([
      ['hello', 3],
      ['world', 4],
    ]);
  });

  it('marks creation and completion of every task', () => {
    const done = layout.markers.filter((m) => m.kind === MarkerKind.Done).map((m) => [layout.lanes[m.lane]!.title, m.t]);
    expect(done).toEqual(expect.arrayContaining([['hello', 3], ['world', 4], ['Task-1', 4]]));
    expect(layout.markers.filter((m) => m.kind === MarkerKind.Create)).toHaveLength(3);
  });

  it('finds the span under a point, preferring the await over a zero-length run', () => {
    const hello = laneOf(layout, 'hello');
    const s = segmentAt(layout, hello, 1.5);
    expect(layout.labels[layout.segments.label[s]!]).toBe('sleep(3)');
  });
});

describe('swimlane layout of a queue, cancellation and a failure', () => {
  const layout = layoutTrace(fixtureTrace('queue_cancel'));

  it('labels a queue wait with what is awaited and wakes the consumer from the producer', () => {
    const consumer = laneOf(layout, 'consumer');
    // Only the first get: the runtime currently reuses future ids, so later gets are traced as sleeps.
    expect(awaits(layout, consumer)[0]).toEqual({ label: 'Future Queue.get', t0: 0, t1: 1 });
    const wakes = layout.arrows.filter((a) => a.kind === ArrowKind.Wake && a.toLane === consumer);
    expect(wakes.map((a) => [layout.lanes[a.fromLane]!.title, a.fromT])[0]).toEqual(['Task-1', 1]);
  });

  it('marks the cancelled tasks and the failed main', () => {
    const byKind = (k: number) => layout.markers.filter((m) => m.kind === k).map((m) => [layout.lanes[m.lane]!.title, m.t]);
    expect(byKind(MarkerKind.Cancel)).toEqual(expect.arrayContaining([['consumer', 3.5], ['sleeper', 3.5]]));
    expect(byKind(MarkerKind.Fail)).toEqual([['Task-1', 3.5]]);
    const fail = layout.markers.find((m) => m.kind === MarkerKind.Fail)!;
    expect(fail.text).toContain('boom');
  });

  it('counts loop iterations with their ready-queue lengths', () => {
    expect(layout.ticks.t.length).toBeGreaterThan(5);
    expect(Math.max(...layout.ticks.ready)).toBeGreaterThan(0);
  });
});
