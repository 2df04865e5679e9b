#!/usr/bin/env node
/**
 * `npm run dist`: builds the app and packages it for this platform with
 * electron-builder (electron-builder.yml). Packaging needs the Electron
 * binary; where it is not installed this stops at once with the reason
 * instead of letting electron-builder try to download it.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(npx, args, { cwd: repo, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

const electron = findElectronBinary();
if (!electron.path) {
  console.error(`corolab: cannot package the desktop app: ${electron.reason}.`);
  process.exit(1);
}
const built = await run(['electron-vite', 'build', '--config', 'electron/electron.vite.config.ts']);
if (built !== 0) process.exit(built);
// The snapshot of the Python sources being packaged (a stale one would not be used: its name carries their hash).
const snapshot = await new Promise((resolve) => {
  const child = spawn(process.execPath, [join(repo, 'electron/scripts/make-snapshot.mjs')], { cwd: repo, stdio: 'inherit' });
  child.on('exit', (code) => resolve(code ?? 1));
  child.on('error', () => resolve(1));
});
if (snapshot !== 0) process.exit(snapshot);
// Package with the Electron that is already installed rather than a downloaded one.
process.exit(await run(['electron-builder', '--config', 'electron-builder.yml', `--config.electronDist=${electron.distDir}`, ...process.argv.slice(2)]));
