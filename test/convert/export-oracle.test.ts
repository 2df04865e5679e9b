/**
 * Exported lessons: the Python the blocks generate runs under native python3
 * (oracle native_run.py) and prints the same lines at the same times as the
 * runtime runs it (oracle compare.py), with the same exit status.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatChunk } from '../../electron/cli/stamp.js';
import { pythonToBlocks } from '../../renderer/convert/python-to-blocks.js';
import { compareMany } from '../runtime/compare-batch.js';
import { COMPARE, ORACLE_DIR } from '../runtime/programs.js';
import { useRuntime } from '../runtime/run-helpers.js';
import { lessonSources } from './programs.js';

const NATIVE_RUN = resolve(ORACLE_DIR, 'native_run.py');
const haveOracle = existsSync(COMPARE) && existsSync(NATIVE_RUN);
if (!haveOracle && !process.env.CI) console.warn(`\n*** SKIPPING exported-lesson oracle runs: no native_run.py/compare.py in ${ORACLE_DIR} (set COROLAB_ORACLE) ***\n`);

const runtime = useRuntime({ timeoutMs: 30_000 });
const scratch = mkdtempSync(join(tmpdir(), 'corolab-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function native(path: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((done, fail) => {
    const child = spawn('python3', [NATIVE_RUN, path, '--scale', '1'], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.on('error', fail);
    child.on('close', (code) => done({ stdout, code }));
  });
}

describe.runIf(haveOracle || process.env.CI)('exported lessons under native python3', () => {
  it('print the same lines at the same times as in the app', async () => {
    const lessons = lessonSources();
    const exported: { name: string; path: string; appPath: string; exit: number }[] = [];
    for (const lesson of lessons) {
      const { python, kind } = await pythonToBlocks(runtime.host(), lesson.source);
      expect(kind).toBe('blocks');
      const path = join(scratch, `${lesson.name}.py`);
      writeFileSync(path, python);
      const ran = await runtime.run(python, { trace: false }, path);
      const stamped = ran.chunks.filter((c) => c.stream === 'stdout').map((c) => formatChunk(c, true)).join('');
      const appPath = join(scratch, `${lesson.name}.app.txt`);
      writeFileSync(appPath, stamped);
      exported.push({ name: lesson.name, path, appPath, exit: ran.trace.meta.end.exitCode });
    }
    // The lessons mostly sleep: run them natively side by side, in real time for the least drift.
    // Twelve python3 processes starting at once on a busy machine can come out late by more
    // than the tolerance; a program that disagrees is run natively again, alone.
    const natives = await Promise.all(exported.map((e) => native(e.path)));
    const compareNative = (i: number) => {
      const nativePath = join(scratch, `${exported[i]!.name}.native.txt`);
      writeFileSync(nativePath, natives[i]!.stdout);
      return compareMany(COMPARE, [[nativePath, exported[i]!.appPath]])[0]!;
    };
    const verdicts = exported.map((_, i) => compareNative(i));
    for (let attempt = 0; attempt < 2; attempt++) {
      for (const i of verdicts.flatMap((v, i) => (v.agree ? [] : [i]))) {
        natives[i] = await native(exported[i]!.path);
        verdicts[i] = compareNative(i);
      }
    }
    exported.forEach((e, i) => {
      expect(verdicts[i]!.agree, `${e.name}: ${verdicts[i]!.report}`).toBe(true);
      expect(natives[i]!.code, e.name).toBe(e.exit);
    });
  }, 120_000);
});
