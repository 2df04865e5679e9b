/**
 * Position arithmetic for record-and-replay: a position is an event index
 * (everything up to and including it has happened). Each unit of stepping has
 * a sorted index of the events it stops at, so every move is a binary search.
 */
import type { Trace } from '../../shared/trace';
import { EventKind } from '../../shared/trace';

export type StepUnit = 'line' | 'step' | 'iteration';
export type Direction = 'forward' | 'back';

export interface StepIndex {
  count: number;
  line: Int32Array;
  step: Int32Array;
  iteration: Int32Array;
  print: Int32Array;
}

function indexOf(kinds: Uint8Array, want: number): Int32Array {
  let n = 0;
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === want) n++;
  const out = new Int32Array(n);
  for (let i = 0, j = 0; i < kinds.length; i++) if (kinds[i] === want) out[j++] = i;
  return out;
}

export function buildStepIndex(trace: Trace): StepIndex {
  const k = trace.events.kind;
  return {
    count: k.length,
    line: indexOf(k, EventKind.Line),
    step: indexOf(k, EventKind.StepStart),
    iteration: indexOf(k, EventKind.LoopIteration),
    print: indexOf(k, EventKind.Print),
  };
}

/** Number of entries of the sorted `index` that are ≤ `pos`. */
export function countUpTo(index: Int32Array, pos: number): number {
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The latest entry of `index` at or before `pos`, or -1. */
export function lastAtOrBefore(index: Int32Array, pos: number): number {
  const c = countUpTo(index, pos);
  return c > 0 ? index[c - 1]! : -1;
}

/**
 * Where one step of `unit` in `direction` from `pos` lands. Past the last stop
 * forward goes to the end; before the first stop back goes to the start.
 */
export function stepFrom(ix: StepIndex, pos: number, unit: StepUnit, direction: Direction): number {
  if (ix.count === 0) return 0;
  const index = ix[unit];
  if (direction === 'forward') {
    const c = countUpTo(index, pos);
    return c < index.length ? index[c]! : ix.count - 1;
  }
  const c = countUpTo(index, pos - 1);
  return c > 0 ? index[c - 1]! : 0;
}

export function clampPosition(ix: StepIndex, pos: number): number {
  return Math.max(0, Math.min(ix.count - 1, Math.round(pos)));
}

/** The first event at or after virtual time `time` (event times never decrease). */
export function eventAtTime(t: Float64Array, time: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, t.length - 1));
}
