/**
 * Builds the web app once (vite build → dist/web) and serves it on a free
 * localhost port with cross-origin isolation, for every e2e file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic } from './static-server';
import { CHROMIUM } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Why the browser tests cannot run here, or '' when they can. */
    skipReason: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    const reason = `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests`;
    if (process.env.CI) throw new Error(reason);
    console.warn(`\n*** SKIPPING ALL END-TO-END TESTS: ${reason} ***\n`);
    project.provide('skipReason', reason);
    project.provide('baseUrl', '');
    return;
  }
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await build({ configFile: `${root}renderer/vite.config.mts`, logLevel: 'warn' });
  const { url, server } = await serveStatic(`${root}dist/web`);
  project.provide('baseUrl', url);
  project.provide('skipReason', '');
  return () => new Promise<void>((done) => server.close(() => done()));
}
