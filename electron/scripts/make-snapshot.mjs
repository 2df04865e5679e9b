// Builds the Pyodide memory snapshot the runtime worker starts from (run by `npm ci` via "prepare").
import { register } from 'tsx/esm/api';

register();
const { makeSnapshot, snapshotPath } = await import('../../shared/runtime/snapshot.node.ts');
const { readPythonFiles } = await import('../../shared/runtime/python-files.node.ts');
const files = readPythonFiles();
const started = performance.now();
try {
  const bytes = await makeSnapshot(files);
  console.log(`corolab: Python snapshot ready (${(bytes / 1048576).toFixed(0)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s): ${snapshotPath(files)}`);
} catch (err) {
  // Not fatal: the runtime then starts cold, just slower.
  console.warn(`corolab: could not build the Python snapshot (${err}); the runtime will start without it`);
}
