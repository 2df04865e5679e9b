/**
 * Caches what Pyodide's function table gives out. Without WebAssembly GC (Node 20),
 * CPython in Pyodide calls most C functions (getters, METH_NOARGS and METH_O methods)
 * through a JavaScript trampoline that looks the function up with `wasmTable.get(ptr)`
 * at every call, and V8's Table.get is slow next to an array read. The cache is
 * dropped for an entry whenever the table is set there, as Emscripten's own mirror of
 * the table is (dynamic linking and addFunction set entries through JavaScript).
 * Where WebAssembly GC is there (Chromium, Electron), the trampoline is WebAssembly
 * and this cache is seldom read.
 */

/** The part of a WebAssembly.Table used here (Node's type library does not describe it). */
export interface FunctionTable {
  readonly length: number;
  get(index: number): unknown;
  set(index: number, ...value: unknown[]): void;
}

export function cacheTableLookups(table: FunctionTable): void {
  if (Object.prototype.hasOwnProperty.call(table, 'get')) return; // cached already
  const get = table.get.bind(table);
  const set = table.set.bind(table);
  // As long as the table, filled: an array written first at a high index is kept as a hash
  // table by V8, and every lookup would hash its index.
  const cache: unknown[] = new Array<unknown>(table.length).fill(undefined);
  const grow = (index: number): void => {
    while (cache.length <= index) cache.push(undefined);
  };
  table.get = (index: number): unknown => {
    let entry = cache[index];
    if (entry === undefined) {
      entry = get(index);
      if (index >= cache.length) grow(index); // the table grew
      cache[index] = entry;
    }
    return entry;
  };
  table.set = (index: number, ...value: unknown[]): void => {
    if (index >= cache.length) grow(index);
    cache[index] = undefined;
    set(index, ...value);
  };
}
