/**
 * Runs on one worker share an interpreter: what a program changes in it
 * (modules' globals, logging, warnings, sys) must not reach the next run, as
 * it could not reach another python3 process.
 */
import { describe, expect, it } from 'vitest';
import { useRuntime } from './run-helpers.js';

const rt = useRuntime();

/** What a later run sees of the state a program can change. */
const LOOK = `
import asyncio, builtins, logging, os, sys, time, warnings
print("sleep:", asyncio.sleep.__name__, "print:", builtins.print.__name__, "time:", time.monotonic())
print("recursion limit:", sys.getrecursionlimit(), "trace:", sys.gettrace())
print("path:", len(sys.path), "environ:", "COROLAB_TEST" in os.environ)
print("warning filters:", len(warnings.filters), "root:", logging.getLevelName(logging.root.level), len(logging.root.handlers))
print("loggers:", "mine" in logging.Logger.manager.loggerDict, "statistics loaded:", "statistics" in sys.modules)
`;

const TAMPER = `
import asyncio, atexit, builtins, logging, os, statistics, sys, time, warnings
asyncio.sleep = lambda *a: None
time.monotonic = lambda: 42.0
sys.setrecursionlimit(80)
sys.settrace(lambda *a: None)
sys.path.append("/nowhere")
os.environ["COROLAB_TEST"] = "1"
warnings.simplefilter("error")
logging.basicConfig(level=logging.DEBUG)
logging.getLogger("mine").addHandler(logging.StreamHandler(sys.stdout))
atexit.register(print, "exit handler of the tampering run")
statistics.mean = None
sys.settrace(None)
builtins.print = None
`;

describe('run isolation', () => {
  it('puts back what a program changed in shared modules and state before the next run', async () => {
    const before = await rt.run(LOOK, { trace: false });
    expect(before.stderr).toBe('');
    expect(before.stdout).toContain('sleep: sleep print: print time: 0.0');
    const tamper = await rt.run(TAMPER, { trace: false });
    expect(tamper.trace.meta.end.status).toBe('ok');
    for (const options of [{ trace: false }, { trace: true, lines: true }]) {
      const after = await rt.run(LOOK, options);
      expect(after.stderr).toBe('');
      expect(after.stdout).toBe(before.stdout);
    }
  });

  it('gives each run the modules it imports afresh', async () => {
    await rt.run('import statistics\nstatistics.mean = None\n', { trace: false });
    const next = await rt.run('import statistics\nprint(statistics.mean([1, 2, 3]))\n', { trace: false });
    expect(next.stderr).toBe('');
    expect(next.stdout).toBe('2\n');
  });

  it('logs every run of a program that configures logging, not only the first', async () => {
    const program = 'import logging, sys\nlogging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")\nlogging.warning("run")\n';
    for (let i = 0; i < 3; i++) expect((await rt.run(program, { trace: false })).stdout).toBe('WARNING run\n');
  });

  it('runs a program\'s atexit handlers at its end only', async () => {
    const first = await rt.run('import atexit\natexit.register(print, "bye")\nprint("main")\n', { trace: false });
    expect(first.stdout).toBe('main\nbye\n');
    const second = await rt.run('print("main")\n', { trace: false });
    expect(second.stdout).toBe('main\n');
  });
});
