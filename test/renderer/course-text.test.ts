/** The sentences the course panel and the compare view show, in both languages. */
import { describe, expect, it } from 'vitest';
import { describeComparison } from '../../renderer/timeline/compare-text';
import { localizeDetail } from '../../renderer/course/detail';
import type { RunComparison } from '../../renderer/convert/compare-runs';

function comparison(a: number, b: number): RunComparison {
  return {
    a: { seconds: a, status: 'ok', tasks: 1 },
    b: { seconds: b, status: 'ok', tasks: 3 },
    difference: b - a,
    speedup: b > 0 ? a / b : undefined,
    axis: [0, Math.max(a, b)],
  };
}

describe('run comparison sentence', () => {
  it('states how much faster the second run is', () => {
    expect(describeComparison(comparison(7, 4), 'en')).toBe('7.0 s → 4.0 s: 3.0 s faster (1.75×)');
    expect(describeComparison(comparison(7, 4), 'ko')).toBe('7.0초 → 4.0초: 3.0초 빠름 (1.75배)');
  });
  it('states a slower run, an equal one, and a run that took no time', () => {
    expect(describeComparison(comparison(4, 7), 'en')).toBe('4.0 s → 7.0 s: 3.0 s slower (1.75×)');
    expect(describeComparison(comparison(2, 2.01), 'en')).toBe('2.0 s → 2.0 s: same time');
    expect(describeComparison(comparison(1, 0), 'en')).toBe('1.0 s → 0.0 s: 1.0 s faster');
  });
});

describe('check details in Korean', () => {
  it.each([
    ['finished after 7.0 s', '7.0초 뒤에 끝남'],
    ['at most 2 task(s) at once', '동시에 최대 2개 태스크'],
    ['tasks: none', '태스크: 없음'],
    ['missing or out of order: "world"', '빠졌거나 순서가 다름: "world"'],
    ['printed the lines in order · finished after 4.0 s', '줄이 순서대로 출력됨 · 4.0초 뒤에 끝남'],
    ['at most 3 task(s) at once · something new', '동시에 최대 3개 태스크 · something new'],
  ])('%s', (en, ko) => {
    expect(localizeDetail(en, 'ko')).toBe(ko);
    expect(localizeDetail(en, 'en')).toBe(en);
  });
  it('keeps an unknown phrasing in English', () => {
    expect(localizeDetail('something new', 'ko')).toBe('something new');
  });
});
