/**
 * A Pyodide memory snapshot with the standard library modules the runtime
 * imports already loaded: restoring it takes about a quarter of a cold start.
 * Snapshots are tied to the exact Pyodide build, so the file name carries the
 * version and the module list, and any failure falls back to a cold start.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPyodide } from 'pyodide';
import type { PyodideAPI } from 'pyodide';

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
export function snapshotPath(dir = join(PYODIDE_DIR, '..', '.cache', 'corolab')): string {
  return join(dir, `pyodide-${PYODIDE_VERSION}-${hash(PRELOAD.join(','))}.snapshot`);
}

/** Builds the snapshot file (at install time: `npm ci` runs it). */
export async function makeSnapshot(path = snapshotPath()): Promise<number> {
  const py = await loadPyodide({ indexURL: PYODIDE_DIR, _makeSnapshot: true });
  py.runPython(`import ${PRELOAD.join(', ')}`);
  const bytes = py.makeMemorySnapshot();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path + '.tmp', bytes);
  renameSync(path + '.tmp', path);
  return bytes.length;
}

/** Pyodide from the snapshot when there is a usable one, else a cold start. */
export async function loadPyodideFast(path = snapshotPath()): Promise<{ py: PyodideAPI; snapshot: boolean }> {
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
