/**
 * The web build: the renderer as a plain web page, the runtime in a module
 * Web Worker. `npm run web` serves it, `npm run build:web` writes dist/web.
 *
 * Cross-origin isolation (COOP/COEP) gives the page SharedArrayBuffer, which
 * Stop needs to interrupt a running program without killing the worker.
 */
import { defineConfig } from 'vite';
import type { Plugin, UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { vendorFiles } from './build/vendor-files.mts';
import { contentSecurityPolicy } from '../shared/csp.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The page's CSP as a meta tag, in the web build and the desktop one (which also sends it as a header). */
function cspMeta(): Plugin {
  return {
    name: 'corolab-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(undefined, 'meta') }, injectTo: 'head-prepend' }],
  };
}

/** The settings, shared with the desktop build (electron/electron.vite.config.ts). */
export const webConfig: UserConfig = {
  root: here,
  base: '/',
  plugins: [
    react(),
    vendorFiles([
      {
        url: '/pyodide',
        dir: resolve(repo, 'node_modules/pyodide'),
        files: ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'],
      },
      { url: '/blockly-media', dir: resolve(repo, 'node_modules/blockly/media') },
    ]),
    cspMeta(),
  ],
  worker: { format: 'es' },
  server: { headers: isolationHeaders, fs: { allow: [repo] } },
  preview: { headers: isolationHeaders },
  build: {
    outDir: resolve(repo, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
};

export default defineConfig(({ command }) => {
  // A build is for users: production React even when started from a test runner,
  // which sets NODE_ENV=test (React's development build is several times slower).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return webConfig;
});
