/**
 * Lookup structures that keep drawing cost proportional to what is on screen
 * (visible lanes, pixels), not to the size of the run.
 */

/** Groups item indices by a key in [0, keys): items of key k are order[start[k] .. start[k+1]). */
export interface Buckets {
  start: Int32Array;
  order: Int32Array;
}

export function bucketBy(count: number, keys: number, keyOf: (i: number) => number): Buckets {
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < count; i++) start[keyOf(i) + 1]!++;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keys);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[fill[keyOf(i)]!++] = i;
  return { start, order };
}

/** Range maximum over a fixed array (iterative segment tree): O(log n) a query. */
export class RangeMax {
  private readonly tree: Int32Array;
  private readonly n: number;

  constructor(values: ArrayLike<number>) {
    this.n = values.length;
    this.tree = new Int32Array(2 * Math.max(1, this.n));
    for (let i = 0; i < this.n; i++) this.tree[this.n + i] = values[i]!;
    for (let i = this.n - 1; i > 0; i--) this.tree[i] = Math.max(this.tree[2 * i]!, this.tree[2 * i + 1]!);
  }

  /** Max of values[lo, hi), or -Infinity when empty. */
  max(lo: number, hi: number): number {
    let best = -Infinity;
    for (lo += this.n, hi += this.n; lo < hi; lo >>= 1, hi >>= 1) {
      if (lo & 1) best = Math.max(best, this.tree[lo++]!);
      if (hi & 1) best = Math.max(best, this.tree[--hi]!);
    }
    return best;
  }
}

/** First index of sorted `values` with value ≥ x. */
export function lowerBound(values: ArrayLike<number>, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
