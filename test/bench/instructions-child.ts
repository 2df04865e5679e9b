/**
 * The program instructions.ts runs under callgrind: a runtime engine per
 * checkout (this one, and the one --against names), warmed up, then each
 * measured workload when the driver says so. The driver switches counting
 * on and off around each one (callgrind_control), so loading Pyodide, which
 * takes minutes under callgrind, is not counted.
 *
 * Talks over files in the directory it is given: it prints `ready N` and
 * waits for `go-N`, runs, prints `done N` and waits for `off-N`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import type { PyodideAPI } from 'pyodide';
import type { Engine } from '../../shared/runtime/engine.js';
import type { RunAsked, TraceAssembler } from '../../shared/runtime/trace-assembler.js';
import { RunOptions } from '../../shared/runtime/protocol.js';
import { readPythonFiles } from '../../shared/runtime/python-files.node.js';
import { PYODIDE_DIR } from '../../shared/runtime/snapshot.node.js';
import { tuneOlderV8 } from '../../shared/runtime/older-v8.node.js';

const [dir, programFile, tasks, reps, ...roots] = process.argv.slice(2) as [string, string, string, string, ...string[]];
const MODES = { untraced: { trace: false }, traced: { trace: true, lines: false }, lines: { trace: true, lines: true } } as const;
/** How much slower a run goes under callgrind than natively, roughly (2,000 tasks that return at once: 48 ms, 2.2–2.8 s). */
const CALLGRIND_SLOWDOWN = 50;
const WARM_RUNS = 6; // the JIT settles after about five runs of each (--trace-opt)

const source = readFileSync(programFile, 'utf8').replace('10_000', tasks);
/** A checkout's engine and, from checkouts that send the tracer's records as they are, the host's assembler of them. */
interface Runtime {
  engine: Engine;
  Assembler?: new (asked: RunAsked) => TraceAssembler;
}
tuneOlderV8(); // as the runtime's worker does (node-worker.ts)
const runtimes: Runtime[] = [];
for (const root of roots) {
  const { Engine } = (await import(join(root, 'shared', 'runtime', 'engine.ts'))) as typeof import('../../shared/runtime/engine.js');
  const assemblerFile = join(root, 'shared', 'runtime', 'trace-assembler.ts');
  const Assembler = existsSync(assemblerFile) ? ((await import(assemblerFile)) as typeof import('../../shared/runtime/trace-assembler.js')).TraceAssembler : undefined;
  const load = async () => ({ py: await loadPyodide({ indexURL: PYODIDE_DIR }), snapshot: false });
  const engine = await Engine.start(load, readPythonFiles(join(root, 'shared', 'runtime', 'python', 'corolab')), () => {});
  // Chunks of the trace go out every TRACE_CHUNK_SECONDS of real time; callgrind runs the
  // program about fifty times slower, which would make fifty times as many chunks per run.
  (engine as unknown as { py: PyodideAPI }).py.runPython(`import corolab.runner\ncorolab.runner.TRACE_CHUNK_SECONDS *= ${CALLGRIND_SLOWDOWN}`);
  runtimes.push({ engine, Assembler });
}
/** A run, and its trace put together on this thread too, so that every checkout's count has all the work of a trace. */
const run = ({ engine, Assembler }: Runtime, mode: keyof typeof MODES) => {
  const assembler = Assembler && new Assembler({ filename: 'workload.py', clockStart: 0, lines: mode === 'lines' });
  const request = { type: 'run', runId: 0, source, filename: 'workload.py', options: RunOptions.parse(MODES[mode]) } as const;
  // The chunks are copied as a worker's postMessage would copy them.
  const result = engine.run(request, () => {}, (chunk) => (assembler ? assembler.chunk(structuredClone(chunk)) : structuredClone(chunk)));
  if (assembler && 'end' in result) assembler.finish(result.end);
  engine.tidy();
};
const configs = runtimes.flatMap((runtime, e) => (Object.keys(MODES) as (keyof typeof MODES)[]).map((mode) => ({ runtime, e, mode })));
for (const { runtime, mode } of configs) for (let i = 0; i < WARM_RUNS; i++) run(runtime, mode);

const waitFor = async (file: string) => {
  while (!existsSync(join(dir, file))) await new Promise((r) => setTimeout(r, 100));
};
for (const [n, { runtime, e, mode }] of configs.entries()) {
  console.log(`ready ${n} ${e} ${mode}`);
  await waitFor(`go-${n}`);
  for (let i = 0; i < Number(reps); i++) run(runtime, mode);
  console.log(`done ${n}`);
  await waitFor(`off-${n}`);
}
