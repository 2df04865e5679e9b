/**
 * Trace → swimlane layout, a pure function of the trace.
 *
 * Lane 0 is the event loop; lane `id + 1` is task `id`. Within a lane the
 * segments are sorted by time and do not overlap, so a view can binary-search
 * the first visible one and draw at most one slice per pixel.
 */
import type { Trace } from '../../shared/trace';
import { EventKind, FOREVER, WaitKind, formatSeconds, taskNames } from '../../shared/trace';
import { RangeMax, bucketBy } from './indexes';
import type { Buckets } from './indexes';

export const SegKind = { Run: 0, Await: 1 } as const;
export type SegKind = (typeof SegKind)[keyof typeof SegKind];

export const MarkerKind = { Create: 0, Done: 1, Cancel: 2, Fail: 3 } as const;
export type MarkerKind = (typeof MarkerKind)[keyof typeof MarkerKind];

export const ArrowKind = { Create: 0, Wake: 1 } as const;
export type ArrowKind = (typeof ArrowKind)[keyof typeof ArrowKind];

export interface Lane {
  title: string;
  /** Task id, or -1 for the event loop. */
  task: number;
  /** When the task was created and finished (end of run if it never did). */
  start: number;
  end: number;
}

/** Columnar segments, grouped by lane: lane L owns [laneStart[L], laneStart[L+1]). */
export interface Segments {
  laneStart: Int32Array;
  kind: Uint8Array;
  t0: Float64Array;
  t1: Float64Array;
  /** Event that opened / closed the segment (closing: -1 when the run ended first). */
  e0: Int32Array;
  e1: Int32Array;
  /** Index into `labels` (awaits: what is awaited; runs: -1). */
  label: Int32Array;
}

export interface Marker {
  lane: number;
  t: number;
  kind: MarkerKind;
  event: number;
  /** Result repr, exception or cancel message. */
  text: string;
}

export interface Arrow {
  kind: ArrowKind;
  fromLane: number;
  fromT: number;
  toLane: number;
  toT: number;
  event: number;
}

export interface LoopTicks {
  /** Event index, time and ready-queue length of each LoopIteration. */
  event: Int32Array;
  t: Float64Array;
  ready: Int32Array;
}

export interface Layout {
  lanes: Lane[];
  segments: Segments;
  labels: string[];
  markers: Marker[];
  arrows: Arrow[];
  ticks: LoopTicks;
  /** Virtual seconds the run lasted. */
  end: number;
  /** Timer deadlines: lane-0 markers (timer id = index). */
  timerWhen: number[];
  /** Indexes for drawing only what is visible. */
  index: {
    markersByLane: Buckets;
    arrowsByTo: Buckets;
    arrowsByFrom: Buckets;
    /** Timer deadlines, sorted. */
    timersSorted: Float64Array;
    /** Largest ready queue over a range of loop iterations. */
    readyMax: RangeMax;
  };
}

function seconds(x: number): string {
  if (Math.abs(x) >= FOREVER) return formatSeconds(x, 0);
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(6)));
}

/** asyncio's names for unnamed tasks. */
const DEFAULT_TASK_NAME = /^Task-\d+$/;

/** What an Await event is waiting for, as the learner wrote it. */
export function awaitLabel(trace: Trace, names: string[], event: number): string {
  const { a, b, t } = trace.events;
  const wait = a[event]!;
  const id = b[event]!;
  if (wait === WaitKind.Yield) return 'sleep(0)';
  if (wait === WaitKind.Sleep) {
    const when = trace.timers.when[id];
    return when === undefined || when < t[event]! ? 'sleep' : `sleep(${seconds(when - t[event]!)})`;
  }
  if (wait === WaitKind.Task) {
    const name = names[id] ?? '?';
    return DEFAULT_TASK_NAME.test(name) ? name : `Task ${name}`; // "Task-2", not "Task Task-2"
  }
  if (wait === WaitKind.Future) {
    const label = trace.strings[trace.futures.label[id] ?? -1];
    return label ? `Future ${label}` : 'Future';
  }
  return '?';
}

export function layoutTrace(trace: Trace): Layout {
  const { kind, t, task, a, b } = trace.events;
  const n = kind.length;
  const names = taskNames(trace);
  const taskCount = trace.tasks.name.length;
  const laneCount = taskCount + 1;
  const end = n > 0 ? Math.max(trace.meta.end.seconds, t[n - 1]!) : trace.meta.end.seconds;

  const lanes: Lane[] = [{ title: 'event loop', task: -1, start: 0, end }];
  for (let id = 0; id < taskCount; id++) lanes.push({ title: names[id]!, task: id, start: end, end });

  // Two passes: count per lane, then fill, so a 1M-event trace needs no per-lane JS arrays.
  const perLane = new Int32Array(laneCount);
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    if (k === EventKind.StepStart || k === EventKind.Await) perLane[task[i]! + 1]!++;
  }
  const laneStart = new Int32Array(laneCount + 1);
  for (let l = 0; l < laneCount; l++) laneStart[l + 1] = laneStart[l]! + perLane[l]!;
  const total = laneStart[laneCount]!;
  const seg: Segments = {
    laneStart,
    kind: new Uint8Array(total),
    t0: new Float64Array(total),
    t1: new Float64Array(total).fill(end),
    e0: new Int32Array(total),
    e1: new Int32Array(total).fill(-1),
    label: new Int32Array(total).fill(-1),
  };
  const fill = laneStart.slice(0, laneCount);
  const open = new Int32Array(laneCount).fill(-1);
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const intern = (s: string) => {
    let i = labelIndex.get(s);
    if (i === undefined) labelIndex.set(s, (i = labels.push(s) - 1));
    return i;
  };
  const close = (lane: number, i: number) => {
    const s = open[lane]!;
    if (s >= 0) {
      seg.t1[s] = t[i]!;
      seg.e1[s] = i;
      open[lane] = -1;
    }
  };
  const openSeg = (lane: number, k: SegKind, i: number, label: number) => {
    close(lane, i);
    const s = fill[lane]!++;
    seg.kind[s] = k;
    seg.t0[s] = t[i]!;
    seg.e0[s] = i;
    seg.label[s] = label;
    open[lane] = s;
  };

  const markers: Marker[] = [];
  const arrows: Arrow[] = [];
  const resolvedBy = new Map<number, { task: number; t: number }>();
  const taskEnd = new Map<number, number>();
  let tickCount = 0;
  for (let i = 0; i < n; i++) if (kind[i] === EventKind.LoopIteration) tickCount++;
  const ticks: LoopTicks = { event: new Int32Array(tickCount), t: new Float64Array(tickCount), ready: new Int32Array(tickCount) };
  let tick = 0;

  for (let i = 0; i < n; i++) {
    const lane = task[i]! + 1;
    switch (kind[i]) {
      case EventKind.LoopIteration:
        ticks.event[tick] = i;
        ticks.t[tick] = t[i]!;
        ticks.ready[tick++] = a[i]!;
        break;
      case EventKind.TaskCreated: {
        const l = lanes[lane];
        if (l) l.start = t[i]!;
        markers.push({ lane, t: t[i]!, kind: MarkerKind.Create, event: i, text: '' });
        if (a[i]! >= 0) arrows.push({ kind: ArrowKind.Create, fromLane: a[i]! + 1, fromT: t[i]!, toLane: lane, toT: t[i]!, event: i });
        break;
      }
      case EventKind.StepStart:
        openSeg(lane, SegKind.Run, i, -1);
        break;
      case EventKind.StepEnd:
        if (open[lane]! >= 0 && seg.kind[open[lane]!] === SegKind.Run) close(lane, i);
        break;
      case EventKind.Await:
        openSeg(lane, SegKind.Await, i, intern(awaitLabel(trace, names, i)));
        break;
      case EventKind.Wake: {
        if (open[lane]! >= 0 && seg.kind[open[lane]!] === SegKind.Await) close(lane, i);
        const from =
          a[i] === WaitKind.Task ? { lane: b[i]! + 1, t: taskEnd.get(b[i]!) ?? t[i]! }
          : a[i] === WaitKind.Future ? ((r) => r && { lane: r.task + 1, t: r.t })(resolvedBy.get(b[i]!))
          : undefined;
        if (from) arrows.push({ kind: ArrowKind.Wake, fromLane: from.lane, fromT: from.t, toLane: lane, toT: t[i]!, event: i });
        break;
      }
      case EventKind.FutureResolved:
        resolvedBy.set(a[i]!, { task: task[i]!, t: t[i]! });
        break;
      case EventKind.TaskDone:
      case EventKind.TaskCancelled:
      case EventKind.TaskFailed: {
        close(lane, i);
        const l = lanes[lane];
        if (l) l.end = t[i]!;
        taskEnd.set(task[i]!, t[i]!);
        const mk = kind[i] === EventKind.TaskDone ? MarkerKind.Done : kind[i] === EventKind.TaskCancelled ? MarkerKind.Cancel : MarkerKind.Fail;
        markers.push({ lane, t: t[i]!, kind: mk, event: i, text: trace.strings[a[i]!] ?? '' });
        break;
      }
    }
  }
  const index = {
    markersByLane: bucketBy(markers.length, laneCount, (i) => markers[i]!.lane),
    arrowsByTo: bucketBy(arrows.length, laneCount, (i) => arrows[i]!.toLane),
    arrowsByFrom: bucketBy(arrows.length, laneCount, (i) => arrows[i]!.fromLane),
    timersSorted: Float64Array.from(trace.timers.when).sort(),
    readyMax: new RangeMax(ticks.ready),
  };
  return { lanes, segments: seg, labels, markers, arrows, ticks, end, timerWhen: trace.timers.when, index };
}

/** First segment of `lane` that ends at or after `time` (binary search; segments are sorted). */
export function firstSegmentFrom(layout: Layout, lane: number, time: number): number {
  const { laneStart, t1 } = layout.segments;
  let lo = laneStart[lane]!;
  let hi = laneStart[lane + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t1[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The segment of `lane` under `time`, preferring awaits (they have width), or -1. */
export function segmentAt(layout: Layout, lane: number, time: number, slack = 0): number {
  const { laneStart, t0, t1, kind } = layout.segments;
  const last = laneStart[lane + 1]!;
  let best = -1;
  for (let s = firstSegmentFrom(layout, lane, time - slack); s < last && t0[s]! <= time + slack; s++) {
    if (t0[s]! <= time && time <= t1[s]! && kind[s] === SegKind.Await) return s;
    if (best < 0) best = s;
  }
  return best;
}
