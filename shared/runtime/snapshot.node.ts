/**
 * A Pyodide memory snapshot with the runtime's Python modules, and the standard
 * library modules they use, already imported: restoring it takes about a
 * quarter of a cold start. Snapshots are tied to the exact Pyodide build and to
 * the runtime's sources, so the file name carries the version, the module list
 * and a hash of the sources (an edited module means no snapshot until `npm ci`
 * or `npm run snapshot` builds one), and any failure falls back to a cold start.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { loadPyodide } from 'pyodide';
import type { PyodideAPI } from 'pyodide';
import { installRuntime } from './engine.js';

const PRELOAD = [
  'asyncio', 'asyncio.base_events', 'concurrent.futures', 'ast', 'traceback', 'json', 'linecache',
  'reprlib', 'importlib.abc', 'datetime', 'array', 'types', 'gc', 'random', 'time',
];

const requireHere = createRequire(import.meta.url);
const PYODIDE_VERSION = (requireHere('pyodide/package.json') as { version: string }).version;
/**
 * Pyodide's own folder, given explicitly: left to itself, Pyodide finds it from
 * a stack trace, which source maps (tsx, vitest) and bundles point elsewhere.
 */
export const PYODIDE_DIR = dirname(requireHere.resolve('pyodide/package.json')) + '/';

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

/** Beside the pyodide package (node_modules/.cache/corolab), so the source tree and the bundled app find the same file. */
export function snapshotPath(files: Record<string, string>, dir = join(PYODIDE_DIR, '..', '.cache', 'corolab')): string {
  const sources = Object.keys(files)
    .sort()
    .map((name) => `${name}\0${files[name]}`)
    .join('\0');
  return join(dir, `pyodide-${PYODIDE_VERSION}-${hash(PRELOAD.join(','))}-${hash(sources)}.snapshot`);
}

/** Builds the snapshot file (at install time: `npm ci` runs it); older ones beside it go. */
export async function makeSnapshot(files: Record<string, string>, path = snapshotPath(files)): Promise<number> {
  const py = await loadPyodide({ indexURL: PYODIDE_DIR, _makeSnapshot: true });
  py.runPython(`import ${PRELOAD.join(', ')}`);
  installRuntime(py, files, ['corolab.runner', 'corolab.to_blocks']);
  const bytes = py.makeMemorySnapshot();
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path + '.tmp', bytes);
  renameSync(path + '.tmp', path);
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.snapshot') && name !== basename(path)) rmSync(join(dir, name), { force: true });
  }
  return bytes.length;
}

/** Pyodide from the snapshot when there is a usable one for these runtime sources, else a cold start. */
export async function loadPyodideFast(files: Record<string, string>, path = snapshotPath(files)): Promise<{ py: PyodideAPI; snapshot: boolean }> {
  if (existsSync(path)) {
    try {
      const py = await loadPyodide({ indexURL: PYODIDE_DIR, _loadSnapshot: readFileSync(path) });
      // A snapshot freezes the random state; give each worker its own.
      py.runPython('import random; random.seed()');
      return { py, snapshot: true };
    } catch {
      // A stale or damaged snapshot: fall through to the cold start.
    }
  }
  return { py: await loadPyodide({ indexURL: PYODIDE_DIR }), snapshot: false };
}
