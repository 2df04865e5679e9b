/** The sentence under a run comparison: "7.0 s → 4.0 s: 3.0 s faster (1.75×)". */
import type { RunComparison } from '../convert/compare-runs';
import type { Lang } from '../i18n/strings';

/** Differences below this many virtual seconds read as "same time" at one decimal. */
const SAME = 0.05;

export function describeComparison(c: RunComparison, lang: Lang): string {
  const s = (v: number) => (lang === 'ko' ? `${v.toFixed(1)}초` : `${v.toFixed(1)} s`);
  const head = `${s(c.a.seconds)} → ${s(c.b.seconds)}`;
  const diff = Math.abs(c.difference);
  if (diff < SAME) return `${head}: ${lang === 'ko' ? '같은 시간' : 'same time'}`;
  const faster = c.difference < 0;
  const word = lang === 'ko' ? (faster ? '빠름' : '느림') : faster ? 'faster' : 'slower';
  const slow = Math.max(c.a.seconds, c.b.seconds);
  const fast = Math.min(c.a.seconds, c.b.seconds);
  const ratio = fast > 0 ? ` (${(slow / fast).toFixed(2)}${lang === 'ko' ? '배' : '×'})` : '';
  return `${head}: ${s(diff)} ${word}${ratio}`;
}
