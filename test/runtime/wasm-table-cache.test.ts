/** The function table's lookups are cached, and a table entry set again is looked up again. */
import { describe, expect, it } from 'vitest';
import { cacheTableLookups } from '../../shared/runtime/wasm-table-cache.js';
import type { FunctionTable } from '../../shared/runtime/wasm-table-cache.js';

// (module (func (result i32) i32.const 1) (func (result i32) i32.const 2) (export "one" (func 0)) (export "two" (func 1)))
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x03, 0x02, 0x00, 0x00, 0x07, 0x0d, 0x02, 0x03,
  0x6f, 0x6e, 0x65, 0x00, 0x00, 0x03, 0x74, 0x77, 0x6f, 0x00, 0x01, 0x0a, 0x0b, 0x02, 0x04, 0x00, 0x41, 0x01, 0x0b, 0x04, 0x00, 0x41, 0x02, 0x0b,
]);

interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, () => number> };
  Table: new (descriptor: { element: string; initial: number }) => FunctionTable & { grow(n: number): number };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

describe('cacheTableLookups', () => {
  it('gives what the table holds, also after an entry is set again or the table grows', () => {
    const { one, two } = new wasm.Instance(new wasm.Module(MODULE)).exports;
    const table = new wasm.Table({ element: 'anyfunc', initial: 2 });
    table.set(0, one);
    cacheTableLookups(table);
    const call = (i: number) => (table.get(i) as () => number)();
    expect(call(0)).toBe(1);
    expect(table.get(0)).toBe(table.get(0));
    expect(table.get(1)).toBe(null);
    table.set(1, two);
    expect(call(1)).toBe(2);
    table.set(0, two);
    expect(call(0)).toBe(2);
    table.set(0);
    expect(table.get(0)).toBe(null);
    table.grow(1);
    table.set(2, one);
    expect(call(2)).toBe(1);
    cacheTableLookups(table); // a second time changes nothing
    expect(call(1)).toBe(2);
  });
});
