import { describe, expect, it } from 'vitest';
import { RangeMax, bucketBy, lowerBound } from '../../renderer/timeline/indexes';
import { layoutTrace } from '../../renderer/timeline/layout';
import { fixtureTrace } from './fixtures';

describe('drawing indexes', () => {
  it('answers range maxima like a scan does', () => {
    const values = Array.from({ length: 257 }, (_, i) => (i * 7919) % 101);
    const tree = new RangeMax(values);
    for (let lo = 0; lo < values.length; lo += 5) {
      for (let hi = lo; hi <= values.length; hi += 3) {
        expect(tree.max(lo, hi)).toBe(hi > lo ? Math.max(...values.slice(lo, hi)) : -Infinity);
      }
    }
  });

  it('finds the first value not below x', () => {
    const sorted = [0, 0, 1, 1, 1, 3, 4];
    expect([-1, 0, 0.5, 1, 2, 3, 4, 5].map((x) => lowerBound(sorted, x))).toEqual([0, 0, 2, 2, 5, 5, 6, 7]);
  });

  it('buckets items by key keeping their order', () => {
    const keys = [2, 0, 2, 1, 0];
    const b = bucketBy(keys.length, 3, (i) => keys[i]!);
    const group = (k: number) => Array.from(b.order.subarray(b.start[k]!, b.start[k + 1]!));
    expect([group(0), group(1), group(2)]).toEqual([[1, 4], [3], [0, 2]]);
  });

  it('indexes every marker and arrow of a real layout under its lanes', () => {
    const layout = layoutTrace(fixtureTrace('queue_cancel'));
    const { markersByLane, arrowsByTo, arrowsByFrom } = layout.index;
    expect(markersByLane.order.length).toBe(layout.markers.length);
    for (let lane = 0; lane < layout.lanes.length; lane++) {
      for (let j = markersByLane.start[lane]!; j < markersByLane.start[lane + 1]!; j++) expect(layout.markers[markersByLane.order[j]!]!.lane).toBe(lane);
      for (let j = arrowsByTo.start[lane]!; j < arrowsByTo.start[lane + 1]!; j++) expect(layout.arrows[arrowsByTo.order[j]!]!.toLane).toBe(lane);
      for (let j = arrowsByFrom.start[lane]!; j < arrowsByFrom.start[lane + 1]!; j++) expect(layout.arrows[arrowsByFrom.order[j]!]!.fromLane).toBe(lane);
    }
    expect(Array.from(layout.index.timersSorted)).toEqual([...layout.timerWhen].sort((a, b) => a - b));
  });
});
