/** The benchmark table: each row a figure, its baseline from the same run, and its target. */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CPU-bound asyncio workload of the tracing-cost rows: 10k tasks × 10 awaits of sleep(0). */
export const MANY_TASKS = join(ROOT, 'test', 'bench', 'programs', 'many_tasks.py');
/** Rounds of untraced / traced / traced-with-lines runs, best of each: this machine's speed drifts by a third from minute to minute. */
const TRACING_ROUNDS = 15; // the rounds swing by ±0.3 on this machine: more of them steady the median

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

export interface TracingCost extends TracingTimes {
  native: number;
  /** Medians over the rounds of each round's own ratio: traced / untraced, with lines / untraced, traced / native. */
  paired: { traced: number; lines: number; native: number };
}

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;

/**
 * The tracing-cost workload, TRACING_ROUNDS rounds: each round runs it
 * untraced, traced and traced with lines (`round`, in whichever runtime), then
 * native python3 on the same file. On a shared machine the speed drifts from
 * minute to minute: the best of each is one figure, and the median of the
 * rounds' own ratios (runs seconds apart) another, less swayed by one lucky run.
 */
export async function tracingRounds(round: () => Promise<TracingTimes>): Promise<TracingCost> {
  const best = { untraced: Infinity, traced: Infinity, lines: Infinity, native: Infinity };
  const ratios = { traced: [] as number[], lines: [] as number[], native: [] as number[] };
  for (let i = 0; i < TRACING_ROUNDS; i++) {
    const times = await round();
    const t = performance.now();
    execFileSync('python3', [MANY_TASKS]);
    const native = performance.now() - t;
    for (const [key, ms] of Object.entries({ ...times, native }) as [keyof typeof best, number][]) best[key] = Math.min(best[key], ms);
    ratios.traced.push(times.traced / times.untraced);
    ratios.lines.push(times.lines / times.untraced);
    ratios.native.push(times.traced / native);
  }
  return { ...best, paired: { traced: median(ratios.traced), lines: median(ratios.lines), native: median(ratios.native) } };
}

/** The tracing-cost rows, judged on the paired ratios; `where` names the runtime ('' for the CLI's worker). */
export function tracingRows(cost: TracingCost, where: string): BenchRow[] {
  const rounds = `median of ${TRACING_ROUNDS} rounds' own ratios`;
  return [
    { what: `10k tasks × 10 sleep(0)${where}, untraced (virtual clock; asked → trace in the host), best of ${TRACING_ROUNDS}`, value: cost.untraced, unit: 'ms', baseline: cost.native, baselineLabel: 'native python3, real clock' },
    { what: '… traced (tasks, awaits, timers), best', value: cost.traced, unit: 'ms', baseline: cost.untraced, baselineLabel: 'untraced, best' },
    { what: '… traced with line events, best', value: cost.lines, unit: 'ms', baseline: cost.untraced, baselineLabel: 'untraced, best' },
    { what: `… traced / untraced, ${rounds}`, value: cost.paired.traced, unit: '×', target: '≤ 1.25×', ok: cost.paired.traced <= 1.25 },
    { what: `… traced with lines / untraced, ${rounds}`, value: cost.paired.lines, unit: '×', target: '≤ 2×', ok: cost.paired.lines <= 2 },
    { what: `… traced / native python3, ${rounds}`, value: cost.paired.native, unit: '×', target: '< 1× (faster), issue: ≤ 10×', ok: cost.paired.native < 1 },
  ];
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
