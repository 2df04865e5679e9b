/**
 * In the packaged app the worker and its Python files are unpacked from the
 * asar archive (electron-builder.yml asarUnpack), so the worker thread and
 * Pyodide read plain files from a real folder.
 */
export function unpackedPath(path: string): string {
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}
