/** Budgets, deadlocks and hostile programs: each ends with a clear message, and the next run works. */
import { describe, expect, it } from 'vitest';
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import { EventKind } from '../../shared/trace.js';
import { useRuntime } from './run-helpers.js';
import type { OutputChunk } from '../../shared/runtime/protocol.js';

const rt = useRuntime({ timeoutMs: 4000, killAfterMs: 2000 });
const HELLO = 'import asyncio\nasync def main():\n    await asyncio.sleep(2)\n    print("still alive")\nasyncio.run(main())\n';

// One task waking from a timer at a time: nothing is ever waiting in the ready queue between iterations.
const TIMER_DRIVEN = 'import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0.001)\nasyncio.run(main())\n';

async function expectNextRunWorks() {
  const next = await rt.run(HELLO);
  expect(next.stdout).toBe('still alive\n');
  expect(next.trace.meta.end.status).toBe('ok');
}

describe('limits', () => {
  it('stops `while True: await asyncio.sleep(1)` at the virtual-time budget and keeps the trace', async () => {
    const src = 'import asyncio\nasync def main():\n    n = 0\n    while True:\n        await asyncio.sleep(1)\n        n += 1\n        print(n)\nasyncio.run(main())\n';
    const r = await rt.run(src, { limits: { maxVirtualSeconds: 50, maxSteps: 1_000_000 } });
    expect(r.trace.meta.end.status).toBe('limit');
    expect(r.trace.meta.end.exitCode).toBe(1);
    expect(r.stderr).toMatch(/clock passed 50 virtual seconds/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('50');
    expect(r.trace.events.kind.filter((k) => k === EventKind.Print).length).toBe(50);
    await expectNextRunWorks();
  });

  it('counts the steps of a program driven by timers: an endless one ends at the step budget', async () => {
    // A small budget: a timer-driven step costs the most, and the file's real-time limit is 4 s.
    const r = await rt.run(TIMER_DRIVEN, { lines: false, limits: { maxSteps: 8_000, maxVirtualSeconds: 1e9 } });
    expect(r.trace.meta.end.status).toBe('limit');
    expect(r.stderr).toMatch(/more than 8,000 steps/);
    const steps = r.trace.events.kind.filter((k) => k === EventKind.StepStart).length;
    expect(steps).toBeGreaterThan(2_000);
    expect(steps).toBeLessThan(12_000);
    await expectNextRunWorks();
  });

  it('keeps to the step budget in an untraced run too (corolab run without --trace)', async () => {
    const r = await rt.run(TIMER_DRIVEN, { trace: false, limits: { maxSteps: 8_000, maxVirtualSeconds: 1e9 } });
    expect(r.trace.meta.end.status).toBe('limit');
    expect(r.stderr).toMatch(/more than 8,000 steps/);
    // The loop counts an iteration's timers as one step: 0.001 s of virtual time a step.
    expect(r.trace.meta.end.seconds).toBeGreaterThan(2);
    expect(r.trace.meta.end.seconds).toBeLessThan(10);
    // A step of sleep(0) is one step too.
    const yields = await rt.run('import asyncio\nasync def main():\n    n = 0\n    while True:\n        await asyncio.sleep(0)\n        n += 1\n        if n % 1000 == 0:\n            print(n)\nasyncio.run(main())\n', { trace: false, limits: { maxSteps: 8_000 } });
    expect(yields.trace.meta.end.status).toBe('limit');
    expect(yields.stdout.trim().split('\n').at(-1)).toBe('7000');
    await expectNextRunWorks();
  });

  it('stops `while True: pass` at the step budget when lines are traced', async () => {
    const r = await rt.run('print("spin")\nwhile True:\n    pass\n', { limits: { maxSteps: 20_000, maxVirtualSeconds: 100 } });
    expect(r.trace.meta.end.status).toBe('limit');
    expect(r.stderr).toMatch(/more than 20,000 steps/);
    expect(r.stdout).toBe('spin\n');
    await expectNextRunWorks();
  });

  it('keeps the step a budget cut short: its start, and its lines on its task', async () => {
    const src = 'import asyncio\nasync def spin():\n    await asyncio.sleep(1)\n    while True:\n        pass\nasync def main():\n    await asyncio.create_task(spin(), name="spinner")\nasyncio.run(main())\n';
    const r = await rt.run(src, { limits: { maxSteps: 5_000, maxVirtualSeconds: 100 } });
    expect(r.trace.meta.end.status).toBe('limit');
    const e = r.trace.events;
    const spinner = r.trace.tasks.name.findIndex((s) => r.trace.strings[s] === 'spinner');
    expect(spinner).toBeGreaterThanOrEqual(0);
    const lastStart = e.kind.lastIndexOf(EventKind.StepStart);
    expect(e.task[lastStart]).toBe(spinner);
    expect(e.t[lastStart]).toBe(1);
    // Woken by its sleep's timer, and never ended.
    expect(e.kind[lastStart - 1]).toBe(EventKind.Wake);
    expect(e.kind.indexOf(EventKind.StepEnd, lastStart)).toBe(-1);
    const lines = [...e.kind.keys()].filter((i) => i > lastStart && e.kind[i] === EventKind.Line);
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.every((i) => e.task[i] === spinner)).toBe(true);
    await expectNextRunWorks();
  });

  it('interrupts `while True: pass` at the real-time limit when nothing counts steps', async () => {
    const r = await rt.run('print("spin")\nwhile True:\n    pass\n', { trace: false });
    expect(['stopped']).toContain(r.trace.meta.end.status);
    expect(r.stderr).toMatch(/interrupted|replaced/);
    await expectNextRunWorks();
  });

  it('counts the real-time limit from when the worker begins a run, not while a new worker loads', async () => {
    // Python loads in 0.5 s or more, so a limit of 0.3 s used to run out before a first run began,
    // and a replaced worker (stale snapshot: seconds to load) timed out every run after it.
    const host = new RuntimeHost({ timeoutMs: 300, killAfterMs: 200 });
    try {
      const out: string[] = [];
      const r = await host.run('print("first")\n', 'first.py', {}, (c) => out.push(...c.map((x) => x.text)));
      expect(r.restarted).toBe(false);
      expect(out.join('')).toBe('first\n');
      const endless = await host.run('while True:\n    pass\n', 'spin.py', { trace: false });
      expect(endless.trace.meta.end.status).toBe('stopped');
    } finally {
      await host.dispose();
    }
  });

  it('ends a program that prints without end at a Stop, pressed again and again, with every line once', async () => {
    // A Stop that landed while a line was being sent sent it twice, and a second one, landing in
    // the run's clean-up, crashed the runtime.
    for (const trace of [false, true]) {
      const host = rt.host();
      const chunks: OutputChunk[] = [];
      const r = await host.run('i = 0\nwhile True:\n    print(i)\n    i += 1\n', 'printer.py', { trace }, (c) => {
        chunks.push(...c);
        host.stop();
      });
      expect(r.trace.meta.end.status).toBe('stopped');
      const printed = chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('').split('\n').filter((l) => l !== '');
      expect(printed.length).toBeGreaterThan(0);
      // Each line once, in order (the last may be cut short).
      expect(printed.slice(0, -1)).toEqual(printed.slice(0, -1).map((_, i) => String(i)));
      const stderr = chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('');
      expect(stderr).toMatch(/^corolab: stopped: the run was interrupted/m);
      expect(stderr).not.toMatch(/crashed/);
      await expectNextRunWorks();
    }
  });

  it('replaces the worker of a program that swallows the Stop, however often it is pressed', async () => {
    const host = new RuntimeHost({ killAfterMs: 500 });
    try {
      await host.ready;
      let out = '';
      const program = 'while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        print("swallowed", flush=True)\n';
      const ran = host.run(program, 'stubborn.py', { trace: false }, (c) => (out += c.map((x) => x.text).join('')));
      const presses = setInterval(() => host.stop(), 100);
      const r = await ran;
      clearInterval(presses);
      expect(out).toContain('swallowed');
      expect(r.trace.meta.end.status).toBe('stopped');
      expect(r.trace.meta.end.message).toMatch(/did not answer the interrupt, so its worker was replaced/);
      expect(r.restarted).toBe(true);
      await expect(host.run('print("after")', 'after.py')).resolves.toMatchObject({ trace: { meta: { end: { status: 'ok' } } } });
    } finally {
      await host.dispose();
    }
  });

  it('stops a thread that never ends at the real-time limit, and the program with it', async () => {
    // A loop that allocates nothing: a growing list reached the memory cap before the limit on a fast machine.
    const r = await rt.run('import threading\ndef spin():\n    while True:\n        pass\nthreading.Thread(target=spin).start()\nprint("never")\n', { trace: false });
    expect(r.trace.meta.end.status).toBe('stopped');
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/Exception in thread/);
    await expectNextRunWorks();
  });

  it('stops time.sleep(10**9) at the virtual-time budget', async () => {
    const r = await rt.run('import time\nprint("before")\ntime.sleep(10**9)\nprint("after")\n');
    expect(r.trace.meta.end.status).toBe('limit');
    expect(r.stdout).toBe('before\n');
    await expectNextRunWorks();
  });

  it('reports deep recursion as the RecursionError CPython gives', async () => {
    const r = await rt.run('def f(n):\n    return f(n + 1)\nf(0)\n', { lines: false });
    expect(r.trace.meta.end.exitCode).toBe(1);
    expect(r.stderr).toMatch(/RecursionError: maximum recursion depth exceeded/);
    await expectNextRunWorks();
  });

  it('replaces the worker of a program too deep for the engine\'s stack, keeping what it printed', async () => {
    // CPython's C code has no limit the engine's stack keeps to: repr() of a list nested 100,000
    // deep exhausts it (natively a RecursionError), and Pyodide cannot go on after that.
    const r = await rt.run('print("built")\nl = []\nfor i in range(100_000):\n    l = [l]\nprint(len(repr(l)))\n', { lines: false });
    expect(r.restarted).toBe(true);
    expect(r.trace.meta.end.status).toBe('stopped');
    expect(r.trace.meta.end.message).toMatch(/^the runtime crashed: the program went too deep for the runtime's stack \(RangeError: Maximum call stack size exceeded\)/);
    // Then Pyodide's dump of the Python stack, which it writes to stdout: it names the line.
    expect(r.stdout).toMatch(/^built\nStack \(most recent call first\):\n {2}File "main.py", line 5 in <module>\n/);
    expect(r.stderr).toMatch(/corolab: the runtime crashed: the program went too deep/);
    await expectNextRunWorks();
  });

  it('reports a 1 GB allocation as MemoryError and keeps working', async () => {
    const r = await rt.run('print("alloc")\nx = bytearray(10**9)\nprint(len(x))\n');
    expect(r.trace.meta.end.exitCode).toBe(1);
    expect(r.stderr).toMatch(/MemoryError/);
    await expectNextRunWorks();
  });
});

describe('deadlock', () => {
  it('ends a program waiting on a thread event nothing can set as a deadlock', async () => {
    const r = await rt.run('import threading\nprint("waiting")\nthreading.Event().wait()\nprint("never")\n');
    expect(r.trace.meta.end.status).toBe('deadlock');
    expect(r.stdout).toBe('waiting\n');
    expect(r.stderr).toMatch(/deadlock: the program waits for a thread, a lock, a queue or a future/);
    await expectNextRunWorks();
  });

  it('tells why a thread cannot wait for what the program does later, and goes on', async () => {
    const src = [
      'import queue, threading, time',
      'q = queue.Queue()',
      'c = threading.Thread(target=lambda: print("got", q.get()))',
      'c.start()',
      'time.sleep(0.5)',
      'q.put("hello")',
      'c.join()',
      'print("main ends")',
    ].join('\n');
    const r = await rt.run(src + '\n');
    expect(r.trace.meta.end.status).toBe('ok');
    expect(r.stdout).toBe('main ends\n');
    expect(r.stderr).toMatch(/Exception in thread Thread-1/);
    expect(r.stderr).toMatch(/corolab\.ThreadWaitsForLater: this thread waits for something the rest of the program does later/);
  });

  it('tells why a thread cannot wait for a lock the program still holds, instead of hanging', async () => {
    const src = [
      'import threading, time',
      'lock = threading.Lock()',
      'lock.acquire()',
      't = threading.Thread(target=lambda: print("got", lock.acquire()))',
      't.start()',
      'time.sleep(1)',
      'lock.release()',
      't.join()',
      'print("main ends")',
    ].join('\n');
    const r = await rt.run(src + '\n');
    expect(r.trace.meta.end.status).toBe('ok');
    expect(r.stdout).toBe('main ends\n');
    expect(r.stderr).toMatch(/corolab\.ThreadWaitsForLater: this thread waits for a lock the program releases later/);
    await expectNextRunWorks();
  });

  it('tells why an event loop a thread runs cannot wait for the rest of the program', async () => {
    const src = [
      'import asyncio, threading',
      'async def inner():',
      '    await asyncio.get_running_loop().create_future()',
      'threading.Thread(target=lambda: asyncio.run(inner()), daemon=True).start()',
      'print("main ends")',
    ].join('\n');
    const r = await rt.run(src + '\n');
    expect(r.trace.meta.end.status).toBe('ok');
    expect(r.stdout).toBe('main ends\n');
    expect(r.stderr).toMatch(/corolab\.ThreadWaitsForLater: the event loop of this thread waits for something the rest of the program does later/);
    await expectNextRunWorks();
  });

  it('ends a program blocking on a lock it already holds as a deadlock', async () => {
    const r = await rt.run('import threading\nlock = threading.Lock()\nlock.acquire()\nprint("again")\nlock.acquire()\nprint("never")\n');
    expect(r.trace.meta.end.status).toBe('deadlock');
    expect(r.stdout).toBe('again\n');
    expect(r.stderr).toMatch(/deadlock: the program waits for a lock that nothing left can release/);
    await expectNextRunWorks();
  });

  it('ends a run awaiting a future nobody resolves, naming the waiting tasks', async () => {
    const src = [
      'import asyncio',
      'async def waiter(fut):',
      '    print("waiting")',
      '    await fut',
      'async def main():',
      '    fut = asyncio.get_running_loop().create_future()',
      '    await asyncio.create_task(waiter(fut), name="patient")',
      'asyncio.run(main())',
    ].join('\n');
    for (const trace of [true, false]) {
      const r = await rt.run(src, { trace });
      expect(r.trace.meta.end.status).toBe('deadlock');
      expect(r.trace.meta.end.exitCode).toBe(1);
      expect(r.stderr).toMatch(/deadlock/);
      expect(r.stderr).toMatch(/task 'patient' \(line 4\) awaits a future/);
      expect(r.stderr).toMatch(/task 'Task-1' \(line 7\) awaits task 'patient'/);
      expect(r.stdout).toBe('waiting\n');
    }
    await expectNextRunWorks();
  });
});

describe('sandbox', () => {
  it.each([
    ['import js', /ImportError: import of 'js' is not allowed/],
    ['import pyodide.ffi', /ImportError: import of 'pyodide(\.ffi)?' is not allowed/],
    ['from pyodide.ffi import to_js', /ImportError/],
    ['import pyodide_js', /ImportError/],
    ['import ctypes', /ImportError/],
    ['import os\nos.system("echo escaped")', /OSError: os.system\(\) is not available/],
    ['import subprocess\nsubprocess.run(["echo", "escaped"])', /OSError/],
    ['print(open("/etc/passwd").read())', /FileNotFoundError/],
    ['import asyncio\nasyncio.run(asyncio.create_subprocess_shell("echo escaped"))', /OSError: asyncio.create_subprocess_shell\(\) is not available/],
    ['import asyncio\nasyncio.run(asyncio.start_unix_server(print, "/tmp/s"))', /OSError: a Unix socket is not available here/],
    [
      'import asyncio\nasync def main():\n    await asyncio.get_running_loop().create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=("127.0.0.1", 0))\nasyncio.run(main())',
      /OSError: UDP is not available here: programs have TCP streams only, to their own servers on 127\.0\.0\.1 or localhost/,
    ],
    ['import asyncio\nasyncio.run(asyncio.open_connection("example.com", 80))', /OSError: \[Errno 101\] Network is unreachable: 'example.com' is not this machine/],
  ])('%s fails inside the program', async (src, error) => {
    const r = await rt.run(src + '\n');
    expect(r.stderr).toMatch(error);
    expect(r.stdout).not.toMatch(/escaped|root:/);
    expect(r.trace.meta.end.exitCode).toBe(1);
  });

  it('gives the bridge back to the runtime after a run', async () => {
    await rt.run('import js\n');
    await expectNextRunWorks();
  });
});
