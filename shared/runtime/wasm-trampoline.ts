/**
 * CPython in WebAssembly calls many C functions (METH_NOARGS and METH_O methods,
 * getters, setters) through pointers typed with more parameters than the function
 * has; a plain `call_indirect` of the wrong type traps. Pyodide calls them through
 * a small module that asks the function's type (`ref.test`, WebAssembly GC) and
 * passes as many arguments as it takes. Where that module does not compile,
 * Pyodide falls back to a JavaScript trampoline (`wasmTable.get(f)(a, b, c)`), and
 * every such call leaves WebAssembly and comes back.
 *
 * Node 20's V8 (11.3) has WebAssembly GC behind `--experimental-wasm-gc`, with the
 * opcodes of before the proposal was final: `ref.test` was 0xfb40, it is 0xfb14
 * now. So Pyodide's module does not compile there even with the flag. This builds
 * the same module with the opcode that V8 knows and installs it where Pyodide left
 * the JavaScript trampoline (older-v8.node.ts sets the flag). The JavaScript one
 * took 2–3 % of a run of the bench workload (CPU profile); with this one the run
 * counts 1–4 % fewer instructions.
 */

import type { Trampoline } from './protocol.js';

/** `ref.test` (non-null) as it is final, and as V8 11.3 (Node 20) spells it. */
export const REF_TEST = { final: 0x14, prestandard: 0x40 } as const;

const I32 = 0x7f;
const FUNC = 0x60;
const op = {
  localGet: 0x20,
  i32Const: 0x41,
  i32Store: 0x36,
  tableGet: 0x25,
  gcPrefix: 0xfb,
  if: 0x04,
  void: 0x40,
  callIndirect: 0x11,
  return: 0x0f,
  end: 0x0b,
} as const;

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

const name = (text: string): number[] => [...leb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const funcType = (params: number): number[] => [FUNC, params, ...Array<number>(params).fill(I32), 1, I32];

/**
 * `trampoline_call(ok, f, a, b, c)`: types 0–3 are a function of 3, 2, 1 and 0
 * i32 parameters; `f` is called as the first that it is, with as many of a, b, c.
 * If it is none of them, `*ok` is set to 0 (CPython raises SystemError).
 */
export function trampolineModule(refTest: number): Uint8Array {
  const [ok, f, ...args] = [0, 1, 2, 3, 4];
  const code: number[] = [op.localGet, ok, op.i32Const, 1, op.i32Store, 2, 0];
  for (let type = 0; type <= 3; type++) {
    const passed = args.slice(0, 3 - type);
    code.push(op.localGet, f, op.tableGet, 0, op.gcPrefix, refTest, type, op.if, op.void);
    for (const arg of passed) code.push(op.localGet, arg);
    code.push(op.localGet, f, op.callIndirect, type, 0, op.return, op.end);
  }
  code.push(op.localGet, ok, op.i32Const, 0, op.i32Store, 2, 0, op.i32Const, 0, op.end);
  const body = [0 /* no locals */, ...code];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [5, ...funcType(3), ...funcType(2), ...funcType(1), ...funcType(0), ...funcType(5)]),
    ...section(2, [
      2,
      ...name('env'), ...name('memory'), 0x02, 0x00, 1, // memory, at least one page
      ...name('env'), ...name('__indirect_function_table'), 0x01, 0x70, 0x00, 1, // funcref table
    ]),
    ...section(3, [1, 4]), // one function, of type 4
    ...section(7, [1, ...name('trampoline_call'), 0x00, 0]),
    ...section(10, [1, ...leb(body.length), ...body]),
  ]);
}

/** Typed by hand: Node's type library does not describe WebAssembly. */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** Whether this engine compiles WebAssembly GC as it is final (then Pyodide's own trampoline works). */
export const hasFinalWasmGc = (): boolean => wasm.validate(trampolineModule(REF_TEST.final));

/** The parts of Pyodide's Emscripten module used here. */
export interface EmscriptenModule {
  HEAP32: Int32Array;
  memory: unknown;
  wasmTable: unknown;
  addFunction(fn: unknown): number;
  __PyRuntime: number;
  __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET: number;
}

/**
 * Puts the pre-standard trampoline in CPython's runtime state where Pyodide's own
 * did not compile. Says which trampoline CPython now calls C functions through.
 */
export function installWasmTrampoline(module: EmscriptenModule): Trampoline {
  const offset = module.HEAP32[module.__PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET / 4]!;
  const slot = (module.__PyRuntime + offset) / 4;
  if (module.HEAP32[slot] !== 0) return 'webassembly'; // Pyodide's own
  let compiled: object;
  try {
    compiled = new wasm.Module(trampolineModule(REF_TEST.prestandard));
  } catch {
    return 'javascript'; // no WebAssembly GC at all, or only the final one (then Pyodide's compiled)
  }
  const instance = new wasm.Instance(compiled, {
    env: { memory: module.memory, __indirect_function_table: module.wasmTable },
  });
  module.HEAP32[slot] = module.addFunction(instance.exports.trampoline_call);
  return 'webassembly';
}
