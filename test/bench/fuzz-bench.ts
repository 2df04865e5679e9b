/** The full fuzz run: 1,000 random block workspaces, each must run or fail clearly. */
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';
import type { BenchRow } from './table.js';

type Fuzz = typeof import('../fuzz/workspace-fuzz.js');

/** Blockly's bundles need `require` (as in the CLI's headless-convert.ts), so the fuzzer is loaded through it. */
function loadFuzz(): Fuzz {
  register();
  return createRequire(import.meta.url)('../fuzz/workspace-fuzz.ts') as Fuzz;
}

export async function fuzzBench(rows: BenchRow[]): Promise<void> {
  const summary = await loadFuzz().runFuzz(1000, 20261128);
  const unclear = summary.results.filter((r) => r.exitCode !== 0 && !r.message.trim()).length;
  const byStatus = new Map<string, number>();
  for (const r of summary.results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  rows.push({
    what: `fuzz: 1,000 workspaces (${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ')})`,
    value: summary.totalMs / 1000,
    unit: 's',
    target: 'every run ends or fails clearly, no worker crash',
    ok: unclear === 0 && summary.healthy && summary.results.every((r) => !r.restarted || r.status === 'stopped'),
  });
  rows.push({ what: 'fuzz: worker replacements (timeouts)', value: summary.restarts, unit: '' });
}
