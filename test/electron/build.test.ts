/**
 * The built app (npm run build): the bundled runtime worker, with its Python
 * files beside it, runs a program under plain Node as it will in Electron's
 * main process; the sandboxed preload needs nothing but `electron`; and
 * Electronegativity passes the Electron code but catches an insecure app.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { snapshotPath } from '../../shared/runtime/snapshot.node.js';
import { readPythonFiles } from '../../shared/runtime/python-files.node.js';

const repo = join(import.meta.dirname, '../..');
const chunks = join(repo, 'out/main/chunks');
const built = existsSync(join(repo, 'out/preload/index.cjs')) && existsSync(chunks);
const reason = 'SKIPPED: the desktop build is missing (run `npm run build` first)';
if (!built && process.env.CI) throw new Error('the desktop build is missing in CI: run `npm run build` before the tests');
if (!built) console.warn(reason);

describe.skipIf(!built)(built ? 'built desktop app' : reason, () => {
  it('runs a program in the bundled worker under plain Node', () => {
    const worker = readdirSync(chunks).find((n) => /^node-worker-.*\.js$/.test(n));
    expect(worker).toBeDefined();
    expect(readdirSync(join(chunks, 'python/corolab')).sort()).toEqual(readdirSync(join(repo, 'shared/runtime/python/corolab')).filter((n) => n.endsWith('.py')).sort());
    const script = `
      import { Worker } from 'node:worker_threads';
      const worker = new Worker(${JSON.stringify(join(chunks, worker!))}, { execArgv: [] });
      worker.postMessage({ type: 'interrupt-buffer', buffer: new Int32Array(new SharedArrayBuffer(4)) });
      const out = [];
      let snapshot;
      worker.on('message', (m) => {
        if (m.type === 'ready') snapshot = m.snapshot;
        if (m.type === 'ready') worker.postMessage({ type: 'run', runId: 1, filename: 'a.py', options: {},
          source: 'import asyncio\\nasync def main():\\n    await asyncio.sleep(3)\\n    print("slept", asyncio.get_running_loop().time())\\nasyncio.run(main())\\n' });
        if (m.type === 'load-error') { console.log('load-error ' + m.message); process.exit(1); }
        if (m.type === 'output') out.push(...m.chunks.map((c) => c.text));
        if (m.type === 'done') { console.log(JSON.stringify({ out: out.join(''), status: m.end.meta.end.status, records: m.end.events.constructor.name, snapshot })); worker.terminate(); }
      });`;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, NODE_OPTIONS: '' } });
    // From the snapshot made for these Python sources, found as the packaged app finds it (electron-builder.yml).
    const snapshotMade = existsSync(snapshotPath(readPythonFiles()));
    if (!snapshotMade && process.env.CI) throw new Error('no Pyodide snapshot in CI: npm ci should have made it');
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ out: 'slept 3.0\n', status: 'ok', records: 'Uint8Array', snapshot: snapshotMade });
  });

  it('packages the snapshot unpacked beside Pyodide, where the bundled worker looks for it', () => {
    const config = readFileSync(join(repo, 'electron-builder.yml'), 'utf8');
    const dir = relative(repo, dirname(snapshotPath(readPythonFiles()))).split(sep).join('/');
    const list = (key: string) => config.split(`\n${key}:\n`)[1]!.split(/\n(?!\s)/)[0]!.split('\n').map((l) => l.trim());
    expect(list('files')).toContain(`- ${dir}/*.snapshot`);
    expect(list('asarUnpack')).toContain(`- ${dir}/*.snapshot`);
  });

  it('bundles the sandboxed preload so it requires only electron', () => {
    const preload = readFileSync(join(repo, 'out/preload/index.cjs'), 'utf8');
    expect([...new Set(preload.match(/require\("[^"]+"\)/g))]).toEqual(['require("electron")']);
    expect(preload).toContain('exposeInMainWorld("corolab"');
  });
});

describe('lint:electron', () => {
  const lint = (dir?: string) =>
    spawnSync(process.execPath, [join(repo, 'electron/scripts/lint-electron.mjs'), ...(dir ? [dir] : [])], { encoding: 'utf8', timeout: 120_000 });

  it('fails on an app with high and medium findings', () => {
    const result = lint(join(import.meta.dirname, 'fixtures/insecure-app'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK/);
  });

  it('passes the Electron code with no high or medium findings', () => {
    const result = lint();
    expect(result.stdout).toMatch(/0 high or medium/);
    expect(result.status).toBe(0);
  });
});
