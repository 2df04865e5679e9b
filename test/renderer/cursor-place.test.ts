import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { AXIS_H, GUTTER_W, LANE_H, cursorPlace, laneY } from '../../renderer/timeline/draw';

const x = scaleLinear().domain([0, 10]).range([GUTTER_W + 8, 988]);

describe('cursorPlace', () => {
  it('puts the line at the event time and the band on its lane', () => {
    const place = cursorPlace(5, 3, x, 1000, 400, 0);
    expect(place.lineX).toBe(Math.round(x(5)));
    expect(place.band).toEqual({ top: laneY(3, 0), height: LANE_H });
  });

  it('hides the line outside the plot (over the gutter or past the right edge)', () => {
    expect(cursorPlace(-3, 1, x, 1000, 400, 0).lineX).toBeUndefined();
    expect(cursorPlace(12, 1, x, 1000, 400, 0).lineX).toBeUndefined();
  });

  it('clips the band to the lanes area, and drops it when its lane is scrolled away', () => {
    // Lane 2 half scrolled under the axis.
    const half = cursorPlace(5, 2, x, 1000, 400, 2.5);
    expect(half.band).toEqual({ top: AXIS_H, height: LANE_H / 2 });
    expect(cursorPlace(5, 1, x, 1000, 400, 4).band).toBeUndefined();
    // Below the bottom of a short pane.
    expect(cursorPlace(5, 30, x, 1000, 200, 0).band).toBeUndefined();
    // Cut at the bottom.
    const cut = cursorPlace(5, 1, x, 1000, AXIS_H + LANE_H + 10, 0, LANE_H);
    expect(cut.band).toEqual({ top: AXIS_H + LANE_H, height: 10 });
  });

  it('uses the lane height it is given', () => {
    expect(cursorPlace(5, 2, x, 1000, 900, 0, 50).band).toEqual({ top: AXIS_H + 100, height: 50 });
  });
});
