/** `npm run bench`: prints the benchmark table and writes it to test/bench/results.json. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzzBench } from './fuzz-bench.js';
import { runtimeBench } from './runtime-bench.js';
import { uiBench } from './ui-bench.js';
import type { BenchRow } from './table.js';
import { printTable, ROOT } from './table.js';
import { tuneOlderV8 } from '../../shared/runtime/older-v8.node.js';

tuneOlderV8(); // as the CLI does; the baselines (bare loadPyodide) are compiled with it too

const rows: BenchRow[] = [];
const sections: [string, (rows: BenchRow[]) => Promise<void>][] = [
  ['runtime', runtimeBench],
  ['ui', uiBench],
  ['fuzz', fuzzBench],
];
for (const [name, bench] of sections) {
  process.stderr.write(`bench: ${name}…\n`);
  await bench(rows);
}
printTable(rows);
const out = join(ROOT, 'test', 'bench', 'results.json');
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), rows }, null, 2) + '\n');
console.log(`\nwritten to ${out}`);
