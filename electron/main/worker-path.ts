// electron-vite bundles the runtime worker as its own file and gives its path here.
import bundledWorker from '../../shared/runtime/node-worker.ts?modulePath';

/**
 * In the packaged app the worker and its Python files are unpacked from the
 * asar archive (electron-builder.yml asarUnpack), so the worker thread and
 * Pyodide read plain files from a real folder.
 */
export function unpackedPath(path: string): string {
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

export default unpackedPath(bundledWorker);
