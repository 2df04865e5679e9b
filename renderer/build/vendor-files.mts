/**
 * Serves third-party files the app loads at run time (Pyodide's wasm and
 * stdlib, Blockly's media) from node_modules in the dev server, and copies
 * them into the build, so the web build runs offline. Pyodide is loaded as-is
 * by the worker (never bundled): it finds its wasm and stdlib next to itself.
 */
import type { Plugin } from 'vite';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Mount {
  /** URL prefix, e.g. '/pyodide'. */
  url: string;
  dir: string;
  /** Only these files (default: every file in dir). */
  files?: string[];
}

const MIME: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.cur': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

function filesOf(m: Mount): string[] {
  return m.files ?? readdirSync(m.dir).filter((f) => statSync(join(m.dir, f)).isFile());
}

export function vendorFiles(mounts: Mount[]): Plugin {
  let outDir = '';
  return {
    name: 'corolab-vendor-files',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      for (const m of mounts) {
        const allowed = new Set(filesOf(m));
        server.middlewares.use(m.url, (req, res, next) => {
          const name = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
          if (!allowed.has(name)) return next();
          const file = join(m.dir, name);
          res.setHeader('Content-Type', MIME[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
          res.setHeader('Content-Length', String(statSync(file).size));
          res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
          createReadStream(file).pipe(res);
        });
      }
    },
    closeBundle() {
      if (!outDir || !existsSync(outDir)) return;
      for (const m of mounts) {
        const target = join(outDir, m.url);
        mkdirSync(target, { recursive: true });
        for (const name of filesOf(m)) copyFileSync(join(m.dir, name), join(target, name));
      }
    },
  };
}
