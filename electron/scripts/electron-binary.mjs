/**
 * Finds the Electron binary the way the `electron` package does, but without
 * its side effect: requiring `electron` downloads the binary when it is
 * missing, from outside the npm registry. Here a missing binary is just
 * reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** { path } when the binary is installed, else { reason }. */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relativePath || 'electron');
    return existsSync(path) ? { path, distDir: process.env.ELECTRON_OVERRIDE_DIST_PATH } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary at ${path}` };
  }
  if (!relativePath) return { reason: 'the Electron binary has not been downloaded (it comes from outside the npm registry; run `npx install-electron` where the network allows it)' };
  const path = join(packageDir, 'dist', relativePath);
  if (!existsSync(path)) return { reason: `the Electron binary is missing at ${path}` };
  return { path, distDir: join(packageDir, 'dist') };
}
