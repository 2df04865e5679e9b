/**
 * What the program looks like at a position: each task's state, the ready
 * queue and the timer heap. Per-task state changes are indexed once, so a
 * seek costs one binary search per task instead of a replay.
 */
import type { Trace } from '../../shared/trace';
import { EventKind, taskNames } from '../../shared/trace';
import { awaitLabel } from '../timeline/layout';
import { countUpTo } from './positions';

export const TaskState = { NotYet: 0, Ready: 1, Running: 2, Awaiting: 3, Done: 4, Cancelled: 5, Failed: 6 } as const;
export type TaskState = (typeof TaskState)[keyof typeof TaskState];

export interface StateIndex {
  names: string[];
  /** CSR: task `id`'s changes are [start[id], start[id+1]). */
  start: Int32Array;
  event: Int32Array;
  state: Uint8Array;
  /** Index into `details` (what it awaits, its result) or -1. */
  detail: Int32Array;
  details: string[];
  timerScheduled: Int32Array;
  /** Event at which the timer fired or was cancelled (count of events if never). */
  timerGone: Int32Array;
  /** Timer ids by deadline (ties by id): the order the panel lists them in. */
  timerOrder: Int32Array;
  /**
   * Running maximum of `timerGone` along `timerOrder`: every timer before the
   * first entry > pos is gone at pos, so a seek skips them with one binary search.
   */
  timerGoneMax: Int32Array;
}

function stateOf(kind: number): TaskState | undefined {
  switch (kind) {
    case EventKind.TaskCreated: return TaskState.Ready;
    case EventKind.StepStart: return TaskState.Running;
    case EventKind.Await: return TaskState.Awaiting;
    case EventKind.Wake: return TaskState.Ready;
    case EventKind.TaskDone: return TaskState.Done;
    case EventKind.TaskCancelled: return TaskState.Cancelled;
    case EventKind.TaskFailed: return TaskState.Failed;
    default: return undefined;
  }
}

export function buildStateIndex(trace: Trace): StateIndex {
  const { kind, task, a } = trace.events;
  const n = kind.length;
  const names = taskNames(trace);
  const tasks = names.length;
  const counts = new Int32Array(tasks + 1);
  for (let i = 0; i < n; i++) if (stateOf(kind[i]!) !== undefined && task[i]! >= 0) counts[task[i]! + 1]!++;
  const start = new Int32Array(tasks + 1);
  for (let id = 0; id < tasks; id++) start[id + 1] = start[id]! + counts[id + 1]!;
  const total = start[tasks]!;
  const event = new Int32Array(total);
  const state = new Uint8Array(total);
  const detail = new Int32Array(total).fill(-1);
  const details: string[] = [];
  const fill = start.slice(0, tasks);
  const timerScheduled = new Int32Array(trace.timers.when.length).fill(n);
  const timerGone = new Int32Array(trace.timers.when.length).fill(n);
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (k === EventKind.TimerScheduled) timerScheduled[a[i]!] = i;
    else if (k === EventKind.TimerFired || k === EventKind.TimerCancelled) timerGone[a[i]!] = Math.min(timerGone[a[i]!]!, i);
    const s = stateOf(k);
    if (s === undefined || task[i]! < 0) continue;
    const j = fill[task[i]!]!++;
    event[j] = i;
    state[j] = s;
    if (k === EventKind.Await) detail[j] = details.push(awaitLabel(trace, names, i)) - 1;
    else if (k === EventKind.TaskDone || k === EventKind.TaskCancelled || k === EventKind.TaskFailed) {
      const text = trace.strings[a[i]!];
      if (text !== undefined) detail[j] = details.push(text) - 1;
    }
  }
  const when = trace.timers.when;
  const timerOrder = Int32Array.from(when.keys());
  // Deadlines mostly come in order already; a sort with a comparator costs tens of ms on a big run.
  let inOrder = true;
  for (let id = 1; id < when.length && inOrder; id++) inOrder = when[id - 1]! <= when[id]!;
  if (!inOrder) timerOrder.sort((x, y) => when[x]! - when[y]! || x - y);
  const timerGoneMax = new Int32Array(timerOrder.length);
  for (let j = 0, max = -1; j < timerOrder.length; j++) timerGoneMax[j] = max = Math.max(max, timerGone[timerOrder[j]!]!);
  return { names, start, event, state, detail, details, timerScheduled, timerGone, timerOrder, timerGoneMax };
}

export interface TaskSnapshot {
  id: number;
  name: string;
  state: TaskState;
  detail: string;
  /** Event at which it entered this state. */
  since: number;
}

export interface TimerSnapshot {
  id: number;
  when: number;
  label: string;
}

export interface Snapshot {
  tasks: TaskSnapshot[];
  /** Ready tasks in the order they became ready (asyncio's ready queue is FIFO). */
  ready: number[];
  timers: TimerSnapshot[];
}

export function taskStateAt(ix: StateIndex, id: number, pos: number): { state: TaskState; since: number; detail: string } {
  const lo = ix.start[id]!;
  const c = countUpTo(ix.event.subarray(lo, ix.start[id + 1]!), pos);
  if (c === 0) return { state: TaskState.NotYet, since: -1, detail: '' };
  const j = lo + c - 1;
  return { state: ix.state[j]! as TaskState, since: ix.event[j]!, detail: ix.details[ix.detail[j]!] ?? '' };
}

/** Timers pending after event `pos`, soonest first; at most `max` of them. */
export function timersAt(trace: Trace, ix: StateIndex, pos: number, max = Infinity): TimerSnapshot[] {
  const { timerOrder, timerGoneMax, timerScheduled, timerGone } = ix;
  const timers: TimerSnapshot[] = [];
  for (let j = countUpTo(timerGoneMax, pos); j < timerOrder.length && timers.length < max; j++) {
    const id = timerOrder[j]!;
    if (timerScheduled[id]! <= pos && pos < timerGone[id]!) {
      timers.push({ id, when: trace.timers.when[id]!, label: trace.strings[trace.timers.label[id]!] ?? '' });
    }
  }
  return timers;
}

/**
 * The program's state after event `pos`; `maxTasks` and `maxTimers` bound the
 * work for huge runs.
 */
export function snapshotAt(trace: Trace, ix: StateIndex, pos: number, maxTasks = 500, maxTimers = Infinity): Snapshot {
  const tasks: TaskSnapshot[] = [];
  const readyList: TaskSnapshot[] = [];
  const count = Math.min(ix.names.length, maxTasks);
  for (let id = 0; id < count; id++) {
    const s = taskStateAt(ix, id, pos);
    if (s.state === TaskState.NotYet) continue;
    const snap = { id, name: ix.names[id]!, ...s };
    tasks.push(snap);
    if (s.state === TaskState.Ready) readyList.push(snap);
  }
  readyList.sort((x, y) => x.since - y.since);
  return { tasks, ready: readyList.map((r) => r.id), timers: timersAt(trace, ix, pos, maxTimers) };
}

export const TASK_STATE_NAMES: Record<TaskState, string> = {
  [TaskState.NotYet]: 'not created',
  [TaskState.Ready]: 'ready',
  [TaskState.Running]: 'running',
  [TaskState.Awaiting]: 'awaiting',
  [TaskState.Done]: 'done',
  [TaskState.Cancelled]: 'cancelled',
  [TaskState.Failed]: 'failed',
};
