/** compareRuns on real traces: sequential say_after (7 s) against the task version (4 s). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../renderer/convert/compare-runs.js';
import { ROOT } from '../runtime/programs.js';
import { useRuntime } from '../runtime/run-helpers.js';

const runtime = useRuntime({ timeoutMs: 30_000 });
const lesson = (f: string) => readFileSync(resolve(ROOT, 'assets/examples', f), 'utf8');

describe('compareRuns', () => {
  it('gives both totals, the difference and a shared axis', async () => {
    const sequential = (await runtime.run(lesson('02_say_after_sequential.py'), { trace: true })).trace;
    const tasks = (await runtime.run(lesson('03_say_after_tasks.py'), { trace: true })).trace;
    const c = compareRuns(sequential, tasks);
    expect(c.a.seconds).toBeCloseTo(7, 6);
    expect(c.b.seconds).toBeCloseTo(4, 6);
    expect(c.difference).toBeCloseTo(-3, 6);
    expect(c.speedup).toBeCloseTo(7 / 4, 6);
    expect(c.axis).toEqual([0, c.a.seconds]);
    expect(c.b.tasks).toBe(c.a.tasks + 2);
    const reversed = compareRuns(tasks, sequential);
    expect(reversed.difference).toBeCloseTo(3, 6);
    expect(reversed.axis).toEqual(c.axis);
  });
});
