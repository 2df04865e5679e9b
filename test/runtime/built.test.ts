/** shared/runtime/built.node.mjs: entries built once with esbuild, rebuilt when a source changes. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBuild, importBuilt } from '../../shared/runtime/built.node.mjs';

const dir = mkdtempSync(join(tmpdir(), 'corolab-built-'));
const out = join(dir, 'out');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = join(dir, 'entry.ts');
const dep = join(dir, 'dep.ts');
writeFileSync(entry, "import { value, where } from './dep.js';\nexport const answer: number = value * 2;\nexport { where };\n");
writeFileSync(dep, 'export const value: number = 21;\nexport const where = import.meta.url;\n');

let version = 0;
const load = async (path: string) => (await import(`${pathToFileURL(path).href}?v=${++version}`)) as { answer: number; where: string };

describe('built entry points', () => {
  it('builds an entry with its imports, and keeps each module its own import.meta.url', async () => {
    const built = await currentBuild(entry, out);
    const mod = await load(built);
    expect(mod.answer).toBe(42);
    expect(mod.where).toBe(pathToFileURL(dep).href);
  });

  it('reuses the build while the sources are unchanged', async () => {
    const first = await currentBuild(entry, out);
    const stamp = statSync(first).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await currentBuild(entry, out)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(stamp);
  });

  it('rebuilds when an imported source changes', async () => {
    writeFileSync(dep, 'export const value: number = 50;\nexport const where = import.meta.url;\n');
    const mod = await load(await currentBuild(entry, out));
    expect(mod.answer).toBe(100);
  });

  it('holds zod in the runtime worker\'s build, and leaves Pyodide to be loaded from its package', async () => {
    // zod's ES modules took ~0.12 s to load at every worker start; Pyodide finds its files beside itself.
    const worker = join(import.meta.dirname, '..', '..', 'shared', 'runtime', 'node-worker.ts');
    const code = readFileSync(await currentBuild(worker, out), 'utf8');
    const packages = new Set([...code.matchAll(/from ["']([^"'.][^"']*)["']/g)].map((m) => m[1]).filter((p) => !p!.startsWith('node:')));
    expect([...packages]).toEqual(['pyodide']);
  });

  it('importBuilt loads the entry the same way', async () => {
    const mod = (await importBuilt(entry, { dir: out })) as { answer: number };
    expect(mod.answer).toBe(100);
  });
});
