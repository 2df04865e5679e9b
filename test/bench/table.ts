/** The benchmark table: each row a figure, its baseline from the same run, and its target. */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CPU-bound asyncio workload of the tracing-cost rows: 10k tasks × 10 awaits of sleep(0). */
export const MANY_TASKS = join(ROOT, 'test', 'bench', 'programs', 'many_tasks.py');
/** Rounds of untraced / traced / traced-with-lines runs, best of each: this machine's speed drifts by a third from minute to minute. */
const TRACING_ROUNDS = 9;

export interface BenchRow {
  what: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineLabel?: string;
  target?: string;
  ok?: boolean;
}

/** Best of `n` runs: the figure least disturbed by whatever else the machine is doing. */
export async function best(n: number, fn: () => Promise<number> | number): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < n; i++) min = Math.min(min, await fn());
  return min;
}

export interface TracingTimes {
  untraced: number;
  traced: number;
  lines: number;
}

/**
 * The tracing-cost workload, best of TRACING_ROUNDS rounds: each round runs it
 * untraced, traced and traced with lines (`round`, in whichever runtime), then
 * native python3 on the same file. On a shared machine the speed drifts from
 * minute to minute, and a ratio of runs far apart would measure the drift.
 */
export async function tracingRounds(round: () => Promise<TracingTimes>): Promise<TracingTimes & { native: number }> {
  const best = { untraced: Infinity, traced: Infinity, lines: Infinity, native: Infinity };
  for (let i = 0; i < TRACING_ROUNDS; i++) {
    const times = await round();
    const t = performance.now();
    execFileSync('python3', [MANY_TASKS]);
    const native = performance.now() - t;
    for (const [key, ms] of Object.entries({ ...times, native }) as [keyof typeof best, number][]) best[key] = Math.min(best[key], ms);
  }
  return best;
}

function fmt(v: number): string {
  if (v >= 10_000) return Math.round(v).toLocaleString('en');
  if (v >= 100) return v.toFixed(0);
  return v.toFixed(v >= 10 ? 1 : 2);
}

export function printTable(rows: BenchRow[]): void {
  const lines = rows.map((r) => [
    r.what,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit === 'bytes' ? 'bytes' : r.unit} (${r.baselineLabel})`,
    r.baseline === undefined || r.baseline === 0 ? '' : `${(r.value / r.baseline).toFixed(2)}×`,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
  ]);
  const head = ['what', 'value', 'baseline (same run)', 'ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(row(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}
