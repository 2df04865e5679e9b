/**
 * Two settings of V8 that make Pyodide faster under Node 20, whose V8 (11.3)
 * is older than Chromium's and Electron's (which need neither):
 * - WebAssembly GC is behind a flag there; with it the engine can give CPython
 *   a WebAssembly trampoline for its calls through C function pointers
 *   (wasm-trampoline.ts): 1–4 % fewer instructions in a run.
 * - TurboFan gives huge functions a register allocator that compiles faster and
 *   spills more (later V8s no longer have it). CPython's bytecode loop is such a
 *   function, and the hottest there is: 6–7 % fewer instructions without it.
 * V8's settings are the whole process's, so this is for a process's entry point
 * (the CLI, the benchmarks, the tests' setup), before any WebAssembly is
 * compiled in it: a worker that loads Pyodide after the GC flag is set, in a
 * process that had compiled Pyodide before it, fails to load it (V8 11.3 keeps
 * compiled modules for the whole process). The runtime's worker only uses what
 * it finds (installWasmTrampoline).
 */
import { setFlagsFromString } from 'node:v8';
import { hasFinalWasmGc } from './wasm-trampoline.js';

export function tuneOlderV8(): void {
  // A V8 that compiles WebAssembly GC as it is final is one of the newer ones.
  if (hasFinalWasmGc()) return;
  setFlagsFromString('--experimental-wasm-gc');
  setFlagsFromString('--no-turbo-use-mid-tier-regalloc-for-huge-functions');
}
