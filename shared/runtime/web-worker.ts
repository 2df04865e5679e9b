/**
 * The runtime worker in the browser: a *module* Web Worker (Pyodide 314 is an
 * ES module). Pyodide is loaded from /pyodide/, served as-is by the web build.
 */
/// <reference lib="webworker" />
import type { PyodideAPI } from 'pyodide';
import { serveWorker } from './engine.js';

type PyodideModule = { loadPyodide(options: { indexURL: string }): Promise<PyodideAPI> };

const sources = import.meta.glob('./python/corolab/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const files = Object.fromEntries(Object.entries(sources).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));

const scope = self as unknown as DedicatedWorkerGlobalScope;
const indexURL = new URL('/pyodide/', scope.location.href).href;

void serveWorker(
  {
    post: (message, transfer) => scope.postMessage(message, transfer ?? []),
    onMessage: (handler) => scope.addEventListener('message', (e: MessageEvent) => handler(e.data)),
  },
  async () => {
    const pyodide = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as PyodideModule;
    return { py: await pyodide.loadPyodide({ indexURL }), snapshot: false };
  },
  files,
  { cpus: scope.navigator.hardwareConcurrency || 1 },
);
