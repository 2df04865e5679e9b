/** The real `corolab` command, as a user runs it. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareMany } from './compare-batch.js';
import { COMPARE, ORACLE_DIR, ROOT, readExpected } from './programs.js';

const CLI = resolve(ROOT, 'electron/cli/corolab.mjs');
const NATIVE_RUN = resolve(ORACLE_DIR, 'native_run.py');
const haveOracle = existsSync(COMPARE) && existsSync(NATIVE_RUN);
if (!haveOracle && !process.env.CI) {
  console.warn(`\n*** SKIPPING the CLI comparisons with CPython: no compare.py/native_run.py in ${ORACLE_DIR} (set COROLAB_ORACLE) ***\n`);
}
const scratch = mkdtempSync(join(tmpdir(), 'corolab-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Result> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** (file, line, function) of every frame of a traceback, optionally only those in one file. */
function frames(stderr: string, onlyFile?: string): string[] {
  return [...stderr.matchAll(/^ {2}File "([^"]+)", line (\d+), in (\S+)$/gm)]
    .filter((m) => onlyFile === undefined || basename(m[1]!) === onlyFile)
    .map((m) => `${basename(m[1]!)}:${m[2]} in ${m[3]}`);
}

describe('corolab CLI', () => {
  it('prints its usage with --help', async () => {
    const r = await run('node', [CLI, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: corolab run FILE.py');
    expect(r.stdout).toContain('--timestamps');
  });

  it('ends with status 1 and a message when its reader closes the pipe early', async () => {
    const program = join(scratch, 'many_lines.py');
    writeFileSync(program, 'for i in range(200_000):\n    print("line", i)\n');
    const r = await new Promise<{ code: number | null; stderr: string; first: string }>((done, fail) => {
      const child = spawn('node', [CLI, 'run', program], { cwd: ROOT });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
      // Read the first piece of output, then close the pipe, as `| head -1` does.
      child.stdout.once('data', (chunk: Buffer) => {
        child.stdout.destroy();
        child.on('close', (code) => done({ code, stderr, first: chunk.toString('utf8').split('\n')[0]! }));
      });
      child.on('error', fail);
    });
    expect(r.first).toBe('line 0');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('corolab: BrokenPipeError: [Errno 32] Broken pipe (nothing reads the output any more)\n');
  });

  it.runIf(haveOracle)('stamps a lesson like native CPython (--timestamps)', async () => {
    const lesson = resolve(ROOT, 'assets/examples/03_say_after_tasks.py');
    const r = await run('node', [CLI, 'run', lesson, '--timestamps']);
    expect(r.code, r.stderr).toBe(0);
    const expected = readExpected('03_say_after_tasks');
    expect(expected).toBeDefined();
    const actual = join(scratch, 'lesson.txt');
    writeFileSync(actual, r.stdout);
    const [verdict] = compareMany(COMPARE, [[expected!.stampedPath, actual]]);
    expect(verdict?.agree, `${verdict?.report}\n--- actual\n${r.stdout}`).toBe(true);
  });

  it.runIf(haveOracle)('shows an uncaught exception with the program\'s own frames only, exit 1', async () => {
    const program = 'test/programs/uncaught_exception.py';
    const [cli, native] = await Promise.all([
      run('node', [CLI, 'run', program]),
      run('python3', [NATIVE_RUN, program, '--scale', '0.1']),
    ]);
    expect(cli.code).toBe(1);
    expect(native.code).toBe(1);
    expect(cli.stdout).toBe('10 / 2 = 5.0\nnow dividing by zero\n');
    expect(cli.stderr).toMatch(/^Traceback \(most recent call last\):$/m);
    expect(cli.stderr.trimEnd().split('\n').at(-1)).toBe('ZeroDivisionError: division by zero');
    // Same user frames as CPython, and nothing from asyncio or the runtime.
    const userFrames = frames(native.stderr, 'uncaught_exception.py');
    expect(userFrames.length).toBeGreaterThan(0);
    expect(frames(cli.stderr)).toEqual(userFrames);
  });

  it.runIf(haveOracle)('reads a program as python3 does: a byte order mark and CRLF, a coding comment, bytes that are not UTF-8', async () => {
    // Read as UTF-8 text, the mark was a SyntaxError and a Latin-1 "é" a replacement character.
    const program = (name: string, bytes: number[]) => {
      const path = join(scratch, name);
      writeFileSync(path, Buffer.from(bytes));
      return path;
    };
    const ascii = (text: string) => [...Buffer.from(text, 'latin1')];
    const files = [
      program('bom_crlf.py', [0xef, 0xbb, 0xbf, ...ascii('import asyncio\r\nasync def main():\r\n    print("crlf")\r\n    await asyncio.sleep(0.2)\r\n    print("done")\r\nasyncio.run(main())\r\n')]),
      program('latin1_declared.py', ascii('#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\nprint("caf\xe9")\n')),
      program('latin1_undeclared.py', ascii('print("ok")\nprint("caf\xe9")\n')),
    ];
    for (const file of files) {
      const [cli, native] = await Promise.all([run('node', [CLI, 'run', file]), run('python3', [NATIVE_RUN, file, '--scale', '0.1'])]);
      expect(cli.code, `${file}: ${cli.stderr}`).toBe(native.code);
      expect(cli.stdout).toBe(native.stdout.replace(/^[\d.]+\t/gm, ''));
      // Both a SyntaxError (runpy, under native_run.py, words it as its own string literal's).
      expect(cli.stderr.trimEnd().split('\n').at(-1)?.split(':')[0]).toBe(native.stderr.trimEnd().split('\n').at(-1)?.split(':')[0]);
    }
  });

  it.runIf(!haveOracle && Boolean(process.env.CI))('finds the oracle scripts in CI', () => {
    expect(haveOracle, `${ORACLE_DIR} must hold compare.py and native_run.py in CI`).toBe(true);
  });
});
