/**
 * Every lesson and test program runs on the runtime and must print what native
 * CPython printed (test/expected/, from test/oracle/regen.sh), at the same
 * virtual times, and exit with the same status — untraced, and traced with
 * line events (tracing must not change what the program does).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChunk } from '../../electron/cli/stamp.js';
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import type { OutputChunk, RunOptions } from '../../shared/runtime/protocol.js';
import type { TraceEnd } from '../../shared/trace.js';
import { compareMany } from './compare-batch.js';
import type { Verdict } from './compare-batch.js';
import { COMPARE, ORACLE_DIR, ROOT, lastLine, lessonPrograms, readExpected, testPrograms } from './programs.js';
import type { Expected, Program } from './programs.js';

const haveOracle = existsSync(COMPARE);
if (!haveOracle && !process.env.CI) {
  console.warn(`\n*** SKIPPING the CPython oracle comparison: ${COMPARE} not found (set COROLAB_ORACLE) ***\n`);
}

const MODES: [string, RunOptions][] = [
  ['untraced', { trace: false }],
  ['traced with lines', { trace: true, lines: true }],
];

interface Outcome {
  stamped: string;
  stderr: string;
  end: TraceEnd;
}

async function runProgram(host: RuntimeHost, path: string, options: RunOptions, onOutput: () => void = () => {}): Promise<Outcome> {
  const chunks: OutputChunk[] = [];
  const { trace } = await host.run(readFileSync(path, 'utf8'), basename(path), options, (c) => {
    chunks.push(...c);
    onOutput();
  });
  return {
    stamped: chunks.filter((c) => c.stream === 'stdout').map((c) => formatChunk(c, true)).join(''),
    stderr: chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
    end: trace.meta.end,
  };
}

describe.runIf(haveOracle)('runtime agrees with native CPython', () => {
  const programs = [...lessonPrograms(), ...testPrograms()];
  // Programs native_run.py cannot give an expected output for.
  const NO_ORACLE = resolve(ROOT, 'test/programs/no-oracle');
  const key = (program: Program, mode: string) => `${program.name} (${mode})`;
  const outcomes = new Map<string, Outcome & { verdict: Verdict }>();
  const special = new Map<string, Outcome>();
  let host: RuntimeHost | undefined;
  let scratch: string | undefined;

  // All runs share one runtime; their outputs are then compared in one batch.
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'corolab-oracle-'));
    host = new RuntimeHost({ timeoutMs: 30_000 });
    await host.ready;
    const pairs: [string, string][] = [];
    const runs: [string, Outcome][] = [];
    for (const program of programs) {
      const expected = readExpected(program.name);
      if (!expected) continue;
      for (const [mode, options] of MODES) {
        const outcome = await runProgram(host, program.path, options);
        const actualPath = join(scratch, `${program.name}.${runs.length}.txt`);
        writeFileSync(actualPath, outcome.stamped);
        pairs.push([expected.stampedPath, actualPath]);
        runs.push([key(program, mode), outcome]);
      }
    }
    for (const [mode, options] of MODES) {
      for (const name of ['deadlock', 'keyboard_interrupt']) {
        special.set(`${name} ${mode}`, await runProgram(host, resolve(NO_ORACLE, `${name}.py`), options));
      }
    }
    // Stopped once it has printed, and spins: a Stop after a fixed time landed before or inside
    // its print when other test files' workers kept the cores busy.
    special.set('spin_until_stopped', await runProgram(host, resolve(NO_ORACLE, 'spin_until_stopped.py'), { trace: false }, () => host?.stop()));
    const verdicts = compareMany(COMPARE, pairs);
    runs.forEach(([k, outcome], i) => outcomes.set(k, { ...outcome, verdict: verdicts[i]! }));
  });
  afterAll(async () => {
    await host?.dispose();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('has expected outputs for every program', () => {
    expect(programs.filter((p) => !readExpected(p.name)).map((p) => p.name)).toEqual([]);
  });

  for (const program of programs) {
    for (const [mode] of MODES) {
      it(key(program, mode), (ctx) => {
        const expected: Expected | undefined = readExpected(program.name);
        if (!expected) return ctx.skip();
        const run = outcomes.get(key(program, mode));
        expect(run, 'the program was run').toBeDefined();
        if (!run) return;
        const context = `${run.verdict.report}\n--- actual stdout\n${run.stamped}--- stderr\n${run.stderr}`;
        expect(run.verdict.agree, context).toBe(true);
        expect(run.end.exitCode, context).toBe(expected.exitCode);
        if (expected.lastStderrLine !== undefined) {
          // Newer Pythons may append a hint ("Did you mean: ...?") to the same message.
          expect(lastLine(run.stderr) ?? '', context).toMatch(new RegExp(`^${escapeRegExp(expected.lastStderrLine)}`));
        } else {
          expect(run.stderr, 'python3 wrote nothing to stderr').toBe('');
        }
        if (program.expectedSeconds !== undefined && expected.exitCode === 0) {
          expect(run.end.seconds, 'virtual seconds in lessons.json').toBeCloseTo(program.expectedSeconds, 1);
        }
      });
    }
  }

  // Natively this program hangs forever, so it has no expected output: the
  // runtime must end it, name the stuck task, and fail like an interrupted python3.
  for (const [mode] of MODES) {
    it(`deadlock is reported with the waiting task (${mode})`, () => {
      const run = special.get(`deadlock ${mode}`);
      expect(run).toBeDefined();
      if (!run) return;
      expect(run.stamped).toBe('1.000\twaiting for a future nobody resolves\n');
      expect(run.end.exitCode).toBe(1);
      expect(run.end.status).toBe('deadlock');
      expect(run.stderr).toMatch(/deadlock/i);
      expect(run.stderr).toContain('stuck-waiter');
    });
  }

  // native_run.py gives status 1 for every uncaught exception; python3 itself ends
  // with SIGINT (130) on KeyboardInterrupt. Either way it is the program's exception, not a Stop.
  for (const [mode] of MODES) {
    it(`a KeyboardInterrupt the program raises is an uncaught exception (${mode})`, () => {
      const run = special.get(`keyboard_interrupt ${mode}`);
      expect(run).toBeDefined();
      if (!run) return;
      expect(run.stamped).toBe('1.000\traising KeyboardInterrupt\n1.000\tfinally runs\n');
      expect(run.stderr).toMatch(/^Traceback \(most recent call last\):$/m);
      expect(run.stderr).toMatch(/File "keyboard_interrupt\.py", line 11, in main/);
      expect(lastLine(run.stderr)).toBe('KeyboardInterrupt');
      expect(run.stderr).not.toContain('corolab: stopped');
      expect(run.end.status).toBe('error');
      expect(run.end.exitCode).toBe(130);
    });
  }

  it('a Stop from the host still ends a spinning program as stopped, keeping its output', () => {
    const run = special.get('spin_until_stopped');
    expect(run).toBeDefined();
    if (!run) return;
    expect(run.stamped).toBe('0.000\tspinning\n');
    expect(run.end.status).toBe('stopped');
    expect(run.end.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^corolab: stopped: the run was interrupted/m);
    expect(run.stderr).not.toContain('Traceback');
  });
});

describe.runIf(!haveOracle && Boolean(process.env.CI))('oracle in CI', () => {
  it('finds the CPython oracle scripts', () => {
    expect(existsSync(COMPARE), `${ORACLE_DIR} must hold compare.py in CI`).toBe(true);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
