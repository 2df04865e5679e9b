/**
 * CPython's calls through C function pointers go through a WebAssembly
 * trampoline in the runtime's worker, also on a V8 that spells WebAssembly GC
 * the old way (Node 20): the module is Pyodide's own, opcode apart.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { REF_TEST, hasFinalWasmGc, trampolineModule } from '../../shared/runtime/wasm-trampoline.js';
import { useRuntime } from './run-helpers.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the WebAssembly trampoline', () => {
  const runtime = useRuntime();

  it("is Pyodide's module as this Pyodide ships it, with the final ref.test", () => {
    const glue = readFileSync(createRequire(import.meta.url).resolve('pyodide/pyodide.asm.mjs'), 'utf8');
    const shipped = /function getWasmTrampolineModule\(\)\{return new WebAssembly\.Module\(hexStringToUTF8Array\("([0-9a-f]+)"/.exec(glue)?.[1];
    expect(shipped, 'Pyodide no longer builds its trampoline this way: look at wasm-trampoline.ts again').toBeDefined();
    // Pyodide's ends with custom sections (producers, target features) that change nothing.
    expect(shipped!.startsWith(hex(trampolineModule(REF_TEST.final)))).toBe(true);
    expect(hex(trampolineModule(REF_TEST.prestandard))).toBe(hex(trampolineModule(REF_TEST.final)).replaceAll('fb14', 'fb40'));
  });

  it('compiles in this Node with WebAssembly GC switched on, in one spelling or the other', () => {
    const script = `const m = ${JSON.stringify([REF_TEST.final, REF_TEST.prestandard].map((op) => Array.from(trampolineModule(op))))};
      console.log(m.map((b) => WebAssembly.validate(Uint8Array.from(b))).join(','))`;
    // A newer Node has GC without the flag (and may no longer know it).
    const flags = hasFinalWasmGc() ? [] : ['--experimental-wasm-gc'];
    const valid = execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    expect(valid.split(',')).toContain('true');
  });

  it("is what the runtime's worker calls C functions through, and they get their arguments", async () => {
    expect((await runtime.host().ready).trampoline).toBe('webassembly');
    // METH_NOARGS, METH_O and METH_VARARGS methods, getters and setters of C types: each called through it.
    const program = [
      'import asyncio, collections',
      'async def main():',
      '    xs = [3, 1, 2]',
      '    ys = xs.copy(); ys.append(4); ys.sort(); ys.reverse()',
      '    d = collections.OrderedDict(a=1); d.move_to_end("a"); d.setdefault("b", 2)',
      '    fut = asyncio.get_running_loop().create_future()',
      '    fut.set_result((1).real + (2.5).imag)',
      '    s = "x"; s = s.upper().center(5, "-")',
      '    print(ys, list(d.items()), fut.done(), await fut, s, divmod(7, 2), (1 + 2j).conjugate())',
      'asyncio.run(main())',
    ].join('\n');
    const { trace, stdout } = await runtime.run(program + '\n', { trace: false });
    expect(trace.meta.end.status).toBe('ok');
    expect(stdout).toBe("[4, 3, 2, 1] [('a', 1), ('b', 2)] True 1.0 --X-- (3, 1) (1-2j)\n");
  });
});
