import { describe, expect, it } from 'vitest';
import { AXIS_H, LANE_H, LANE_H_MAX, laneAt, laneHeight, laneY } from '../../renderer/timeline/draw';

describe('lane height', () => {
  it('grows so a few lanes fill the pane, in whole pixels', () => {
    const h = laneHeight(4, 200);
    expect(h).toBe(Math.floor((200 - AXIS_H) / 4));
    expect(laneY(4, 0, h)).toBeLessThanOrEqual(200);
    expect(laneY(4, 0, h)).toBeGreaterThan(200 - 4);
  });

  it('stops at the maximum for one or two lanes in a tall pane', () => {
    expect(laneHeight(1, 900)).toBe(LANE_H_MAX);
    expect(laneHeight(2, 900)).toBe(LANE_H_MAX);
  });

  it('keeps the minimum when the lanes do not fit (they scroll)', () => {
    expect(laneHeight(10_001, 400)).toBe(LANE_H);
    expect(laneHeight(3, AXIS_H)).toBe(LANE_H);
  });

  it('hit-tests every pixel row to the lane drawn there, scrolled or not', () => {
    for (const laneH of [LANE_H, 37, LANE_H_MAX]) {
      for (const scroll of [0, 2.5]) {
        for (let lane = Math.ceil(scroll); lane < 8; lane++) {
          const top = laneY(lane, scroll, laneH);
          expect(laneAt(top, scroll, laneH)).toBe(lane);
          expect(laneAt(top + laneH - 0.5, scroll, laneH)).toBe(lane);
          expect(laneAt(top + laneH, scroll, laneH)).toBe(lane + 1);
        }
      }
    }
  });
});
