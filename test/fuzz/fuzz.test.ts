/** 60 random workspaces (fixed seed): each runs or ends with a clear error, and the runtime survives them all. */
import { describe, expect, it } from 'vitest';
import { randomWorkspace, runFuzz } from './workspace-fuzz.js';

describe('workspace fuzz', () => {
  it('is reproducible', () => {
    expect(randomWorkspace(7)).toEqual(randomWorkspace(7));
    expect(randomWorkspace(7)).not.toEqual(randomWorkspace(8));
  });

  it('runs 60 random workspaces without crashing the runtime', async () => {
    const summary = await runFuzz(60, 20_261_128);
    const { results } = summary;
    expect(results).toHaveLength(60);
    for (const r of results) {
      const context = `seed ${r.seed}:\n${r.python}\n→ ${r.status} ${r.exitCode} ${r.message}`;
      if (r.status === 'ok') expect(r.exitCode, context).toBe(0);
      else {
        expect(r.exitCode, context).not.toBe(0);
        expect(r.message.trim(), context).not.toBe('');
      }
    }
    // Only deliberate timeouts (a program the limits could not stop) may replace the worker.
    const timeouts = results.filter((r) => r.restarted).length;
    expect(summary.restarts).toBe(timeouts);
    expect(summary.healthy).toBe(true);
    // The generator must produce both kinds, or it tests nothing.
    expect(results.some((r) => r.status === 'ok')).toBe(true);
    expect(results.some((r) => r.status === 'error')).toBe(true);
    const statuses = Object.fromEntries([...new Set(results.map((r) => r.status))].map((s) => [s, results.filter((r) => r.status === s).length]));
    console.log(`fuzz: ${JSON.stringify(statuses)}, ${summary.restarts} restart(s), ${Math.round(summary.totalMs)} ms`);
  });
});
