/** `corolab blocks` and `corolab python` as a user runs them: a lesson survives the round trip through files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../runtime/programs.js';

const CLI = resolve(ROOT, 'electron/cli/corolab.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'corolab-convert-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const corolab = (...args: string[]) => spawnSync('node', [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('corolab blocks / corolab python', () => {
  it('round-trips a lesson through JSON and back to the same Python', () => {
    const blocks = corolab('blocks', 'assets/examples/03_say_after_tasks.py');
    expect(blocks.status, blocks.stderr).toBe(0);
    const workspace = JSON.parse(blocks.stdout) as { blocks: { blocks: { type: string }[] } };
    expect(workspace.blocks.blocks.map((b) => b.type)).toContain('aio_async_def');
    const json = join(scratch, 'lesson.json');
    writeFileSync(json, blocks.stdout);
    const python = corolab('python', json);
    expect(python.status, python.stderr).toBe(0);
    expect(python.stdout).toContain('task1 = asyncio.create_task(say_after(3, ');
    const canonical = corolab('blocks', '--python', 'assets/examples/03_say_after_tasks.py');
    expect(python.stdout).toBe(canonical.stdout);
  });

  it('fails clearly on a file that does not parse and on a file that is not a workspace', () => {
    const bad = join(scratch, 'bad.py');
    writeFileSync(bad, 'async def main(:\n');
    const blocks = corolab('blocks', bad);
    expect(blocks.status).toBe(1);
    expect(blocks.stderr).toMatch(/SyntaxError/);
    const notJson = join(scratch, 'not.json');
    writeFileSync(notJson, '{"hello": 1}');
    const python = corolab('python', notJson);
    expect(python.status).toBe(2);
    expect(python.stderr).toMatch(/not a block workspace/);
  });
});
