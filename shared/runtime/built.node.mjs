// Plain-JavaScript builds of TypeScript entry points that Node runs directly
// (the runtime worker, the CLI). Loading them through tsx costs about 0.7 s at
// every start, twice what the rest of a worker's start costs; esbuild builds an
// entry once (about 0.1 s), and the build is reused until one of its sources
// changes. The build holds the project's code and zod (as separate ES modules, zod
// took about 0.12 s to load at every start); other packages stay outside it:
// Pyodide finds its files beside its own module.
//
// Without esbuild, or when a build fails, the entry is loaded through tsx, as
// before: slower, never wrong.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILT_DIR = join(ROOT, 'node_modules', '.cache', 'corolab', 'built');
// Bumped when the way entries are built changes, so older builds are not reused.
const BUILD_FORMAT = 2;
// Packages the build leaves to Node to load from node_modules.
const EXTERNAL = ['pyodide', 'tsx', 'tsx/*', 'esbuild'];

/** Imports the entry (a .ts file URL or path), from its build when there is a current one. */
export async function importBuilt(entry, { dir = BUILT_DIR } = {}) {
  const source = entry instanceof URL ? fileURLToPath(entry) : resolve(entry);
  try {
    const out = await currentBuild(source, dir);
    return await import(pathToFileURL(out).href);
  } catch (err) {
    if (process.env.COROLAB_DEBUG_BUILD) console.warn(`corolab: running ${source} through tsx: ${err}`);
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(source).href);
  }
}

/** The path of an up-to-date build of `source`, building it if there is none. */
export async function currentBuild(source, dir = BUILT_DIR) {
  const name = source.slice(ROOT.length).replace(/[^A-Za-z0-9]+/g, '_').replace(/^_/, '');
  const out = join(dir, `${name}.mjs`);
  if (isCurrent(out + '.json')) return out;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [keepModuleUrls],
  });
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(input);
    const { mtimeMs, size } = statSync(path);
    inputs[path] = { mtimeMs, size };
  }
  mkdirSync(dir, { recursive: true });
  // Several workers may build at once: each writes its own file and renames it into place.
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
  writeFileSync(tmp, JSON.stringify({ format: BUILD_FORMAT, inputs }));
  renameSync(tmp, out + '.json');
  return out;
}

function isCurrent(metaPath) {
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (meta.format !== BUILD_FORMAT) return false;
    return Object.entries(meta.inputs).every(([path, was]) => {
      const now = statSync(path);
      return now.mtimeMs === was.mtimeMs && now.size === was.size;
    });
  } catch {
    return false;
  }
}

// A module that finds files beside itself (the Python sources, the worker entry)
// reads import.meta.url; in the build that must still be its own source's URL.
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};
