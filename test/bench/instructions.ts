/**
 * `npm run bench:instructions [-- --against DIR] [--tasks N] [--reps N] [--program FILE]`:
 * the tracing-cost workload of `npm run bench` (10k tasks × 10 sleep(0), here
 * 2,000 tasks by default; or another program, whose `10_000` --tasks replaces) counted in machine instructions under valgrind's
 * callgrind, untraced, traced and traced with lines. On a shared machine the
 * timed rounds of `npm run bench` swing by a third from one minute to the
 * next; counted twice, the same runs agreed to 0.2 % untraced and 1.2 % traced
 * (traced with lines: 7 %, V8's work on the main thread varies more there), so
 * a change of a few percent shows. `--against DIR` (one or more) counts another
 * checkout (its engine and Python files, with this one's node_modules) in the
 * same process, for an A/B. Counted: the whole work of a run and its trace
 * (Python, the engine's JavaScript, garbage collection, and the host's
 * putting the trace together, which here runs on the same thread: checkouts
 * that split the trace in the worker are counted alike). Every checkout runs with this
 * one's V8 settings (older-v8.node.ts: they are the process's), so an A/B shows what the
 * checkouts' code does, not what the settings do. Takes several minutes: Pyodide loads in
 * about a minute and a half under callgrind, each engine.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { BenchRow } from './table.js';
import { MANY_TASKS, ROOT, printTable } from './table.js';

const { values } = parseArgs({ options: { against: { type: 'string', multiple: true }, tasks: { type: 'string', default: '2000' }, reps: { type: 'string', default: '3' }, program: { type: 'string' } } });
const program = values.program ? resolve(values.program) : MANY_TASKS;
try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('valgrind is not installed (apt-get install -y valgrind): instructions cannot be counted');
  process.exit(1);
}

const others = values.against ?? [];
const roots = [ROOT, ...others.map((dir) => resolve(dir))];
const names = ['this checkout', ...others.map((dir) => `--against ${dir}`)];
const dir = mkdtempSync(join(tmpdir(), 'corolab-instructions-'));
const child = spawn(
  'valgrind',
  ['-q', '--tool=callgrind', '--instr-atstart=no', '--separate-threads=yes', '--dump-instr=no', '--dump-line=no', `--callgrind-out-file=${join(dir, 'cg.out.%p')}`,
    process.execPath, '--import', 'tsx', join(ROOT, 'test', 'bench', 'instructions-child.ts'), dir, program, values.tasks, values.reps, ...roots],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
);
const control = (...args: string[]) => execFileSync('callgrind_control', [...args, String(child.pid)], { stdio: 'ignore' });
/**
 * The instructions the main thread ran since the last reset, from the dump callgrind
 * writes now (one file per thread: V8's garbage collector and compiler threads run
 * when they will, and would make the same run count differently from one time to the next).
 */
function dumpTotal(): number {
  const before = new Set(readdirSync(dir));
  control('-d');
  for (let i = 0; i < 100; i++) {
    const main = readdirSync(dir).find((f) => f.startsWith('cg.out.') && f.endsWith('-01') && !before.has(f));
    const total = main && /^totals: (\d+)/m.exec(readFileSync(join(dir, main), 'utf8')); // "summary:" comes first, and is 0 here
    if (total) return Number(total[1]);
    execFileSync('sleep', ['0.1']);
  }
  throw new Error('callgrind wrote no dump of the main thread');
}

/** Instructions of each measured workload, by "engine mode" (engine: its index in roots). */
const counts: Record<string, number> = {};
const measuring = new Map<string, string>(); // workload number → its "engine mode"
process.stderr.write('bench:instructions: loading Pyodide under callgrind (minutes)…\n');
for await (const line of createInterface({ input: child.stdout! })) {
  const ready = /^ready (\d+) (\d+) (\w+)/.exec(line);
  const done = /^done (\d+)/.exec(line);
  if (ready) {
    const [, n, engine, mode] = ready as unknown as [string, string, string, string];
    process.stderr.write(`bench:instructions: ${names[Number(engine)]}, ${mode}…\n`);
    measuring.set(n, `${engine} ${mode}`);
    control('-z');
    control('-i', 'on');
    writeFileSync(join(dir, `go-${n}`), '');
  } else if (done) {
    const n = done[1]!;
    control('-i', 'off');
    counts[measuring.get(n)!] = dumpTotal();
    writeFileSync(join(dir, `off-${n}`), '');
  }
}
rmSync(dir, { recursive: true, force: true });
if (Object.keys(counts).length < roots.length * 3) {
  // Valgrind gives a process less address space than Node alone: five Pyodides did not fit, four did.
  console.error('bench:instructions: the counted process stopped before every run was counted (its error is above)');
  process.exit(1);
}

const rows: BenchRow[] = [];
const workload = `${values.program ? basename(program) : 'tasks × 10 sleep(0)'} with ${Number(values.tasks).toLocaleString('en')} tasks, ${values.reps} runs`;
names.forEach((name, e) => {
  const untraced = counts[`${e} untraced`]!;
  rows.push(
    { what: `${name}: ${workload}, untraced`, value: untraced / 1e6, unit: 'M instructions' },
    { what: '… traced (tasks, awaits, timers)', value: counts[`${e} traced`]! / 1e6, unit: 'M instructions', baseline: untraced / 1e6, baselineLabel: 'untraced' },
    { what: '… traced with line events', value: counts[`${e} lines`]! / 1e6, unit: 'M instructions', baseline: untraced / 1e6, baselineLabel: 'untraced' },
  );
});
others.forEach((dir, i) => {
  for (const mode of ['untraced', 'traced', 'lines']) {
    rows.push({ what: `${mode}: this checkout against ${dir}`, value: counts[`0 ${mode}`]! / 1e6, unit: 'M instructions', baseline: counts[`${i + 1} ${mode}`]! / 1e6, baselineLabel: 'the other' });
  }
});
printTable(rows);
