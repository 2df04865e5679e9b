/** The runtime worker under Node's worker_threads (Electron main, the CLI, tests). */
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { serveWorker } from './engine.js';
import { readPythonFiles } from './python-files.node.js';
import { PYODIDE_DIR, loadPyodideFast } from './snapshot.node.js';

if (!parentPort) throw new Error('node-worker.ts must run in a worker thread');
const port = parentPort;
const data = workerData as { pythonDir?: string; memoryLimitMB?: number; snapshot?: boolean } | undefined;

const files = readPythonFiles(data?.pythonDir);

void serveWorker(
  {
    post: (message, transfer) => port.postMessage(message, transfer ?? []),
    onMessage: (handler) => port.on('message', handler),
  },
  data?.snapshot === false ? async () => ({ py: await loadPyodide({ indexURL: PYODIDE_DIR }), snapshot: false }) : () => loadPyodideFast(files),
  files,
  { memoryLimitMB: data?.memoryLimitMB, cpus: availableParallelism() },
);
