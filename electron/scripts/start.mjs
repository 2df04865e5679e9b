#!/usr/bin/env node
/**
 * `npm start`: builds and starts the desktop app with Electron. Where the
 * Electron binary is not installed, says so and serves the web build instead
 * (`npm run web`), so the playground always opens.
 *
 *   npm start            build, then run the built app (electron-vite preview)
 *   npm run dev          run with the renderer's dev server (hot reload)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const config = 'electron/electron.vite.config.ts';
const dev = process.argv.includes('--dev');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repo, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (err) => {
      console.error(`corolab: could not start ${command}: ${err.message}`);
      resolve(1);
    });
  });
}

const electron = findElectronBinary();
if (electron.path) {
  if (dev) process.exit(await run(npx, ['electron-vite', 'dev', '--config', config]));
  const built = await run(npx, ['electron-vite', 'build', '--config', config]);
  if (built !== 0) process.exit(built);
  process.exit(await run(npx, ['electron-vite', 'preview', '--skipBuild', '--config', config]));
}

console.log(`
  Corolab: the desktop app cannot start here: ${electron.reason}.
  Opening the web build instead: the same playground in your browser.
`);
const scripts = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts ?? {};
if (!scripts.web) {
  console.error('corolab: there is no `npm run web` script to fall back to.');
  process.exit(1);
}
process.exit(await run(npm, ['run', 'web']));
