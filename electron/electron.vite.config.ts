/**
 * Builds the desktop app into out/: main (with the runtime worker as its own
 * file), the sandboxed preload (CommonJS, everything bundled: a sandboxed
 * preload cannot load packages), and the renderer from the web build's own
 * Vite config (renderer/vite.config.mts) with desktop output settings.
 *
 *   npx electron-vite build --config electron/electron.vite.config.ts
 */
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webConfig } from '../renderer/vite.config.mts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pythonDir = resolve(repo, 'shared/runtime/python/corolab');

/**
 * The worker reads the runtime's Python modules from python/corolab beside
 * its own file (shared/runtime/python-files.node.ts): put them there.
 */
function runtimePythonFiles(): Plugin {
  return {
    name: 'corolab-runtime-python-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const worker = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('node-worker.ts'));
      // The worker is built in a nested build of its own (electron-vite's ?modulePath); only act there.
      if (!worker) return;
      const dir = posix.dirname(worker.fileName);
      for (const name of readdirSync(pythonDir).filter((n) => n.endsWith('.py'))) {
        this.emitFile({ type: 'asset', fileName: posix.join(dir, 'python/corolab', name), source: readFileSync(resolve(pythonDir, name), 'utf8') });
      }
    },
  };
}

// The web build's plugins minus the one that copies Pyodide: the desktop renderer never loads it.
const rendererPlugins = (webConfig.plugins ?? []).flat().filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'corolab-pyodide-files'));

export default defineConfig({
  main: {
    root: repo,
    plugins: [runtimePythonFiles()],
    build: {
      outDir: resolve(repo, 'out/main'),
      // Only Pyodide stays a package (it reads its own files from disk); the rest is bundled so the
      // worker, unpacked from the asar archive with its Python files, needs nothing else beside it.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: { input: { index: resolve(repo, 'electron/main/index.ts') } },
    },
  },
  preload: {
    root: repo,
    build: {
      outDir: resolve(repo, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(repo, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: webConfig.root,
    plugins: rendererPlugins,
    worker: webConfig.worker,
    resolve: webConfig.resolve,
    build: {
      outDir: resolve(repo, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: webConfig.build?.chunkSizeWarningLimit,
      rollupOptions: { input: { index: resolve(repo, 'renderer/index.html') } },
    },
  },
});
