/** What a program sees of asyncio is what python3.11 on Linux shows it (the version the lessons are written for). */
import { describe, expect, it } from 'vitest';
import { taskNames } from '../../shared/trace.js';
import { useRuntime } from './run-helpers.js';

const rt = useRuntime();

describe('asyncio as python3.11 shows it', () => {
  it('prints the running loop and its type as the Unix selector loop, and it is one', async () => {
    const program = `import asyncio
async def main():
    loop = asyncio.get_running_loop()
    print(loop)
    print(isinstance(loop, asyncio.SelectorEventLoop), issubclass(type(loop), asyncio.SelectorEventLoop))
    print(isinstance(object(), asyncio.SelectorEventLoop))
    print(type(loop))
asyncio.run(main())
loop = asyncio.new_event_loop()
loop.close()
print(loop)
`;
    for (const trace of [true, false]) {
      const r = await rt.run(program, { trace });
      expect(r.stdout).toBe(
        "<_UnixSelectorEventLoop running=True closed=False debug=False>\nTrue True\nFalse\n<class 'asyncio.unix_events._UnixSelectorEventLoop'>\n<_UnixSelectorEventLoop running=False closed=True debug=False>\n",
      );
    }
  });

  it('prints handles, tasks and futures, and their types, as natively', async () => {
    const program = `import asyncio
async def main():
    loop = asyncio.get_running_loop()
    timer = loop.call_later(1, print)
    handle = loop.call_soon(print)
    print(type(timer), type(handle), type(asyncio.current_task()), type(loop.create_future()))
    print(repr(timer).split(" ")[0], repr(handle).split(" ")[0])
asyncio.run(main())
`;
    for (const trace of [true, false]) {
      const r = await rt.run(program, { trace });
      expect(r.stdout).toBe(
        "<class 'asyncio.events.TimerHandle'> <class 'asyncio.events.Handle'> <class '_asyncio.Task'> <class '_asyncio.Future'>\n<TimerHandle <Handle\n\n", // the empty line is the print() call_soon ran
      );
    }
  });

  it('runs a coroutine given to wait_for() in a task of its own, shown on the swimlane', async () => {
    // From Python 3.12 on, wait_for() awaits it in the caller's task.
    const program = `import asyncio
async def job():
    print(asyncio.current_task().get_name())
    await asyncio.sleep(1)
async def main():
    await asyncio.wait_for(job(), timeout=5)
asyncio.run(main())
`;
    const { stdout, trace } = await rt.run(program, { trace: true });
    expect(stdout).toBe('Task-2\n');
    expect(taskNames(trace)).toEqual(['Task-1', 'Task-2']);
    expect(trace.tasks.parent).toEqual([-1, 0]);
    expect(trace.tasks.coro.map((s) => trace.strings[s])).toEqual(['main', 'job']);
  });
  it("says in debug mode's warnings where asyncio created a task, not the runtime", async () => {
    const program = `import asyncio, time
async def blocker():
    time.sleep(0.2)
async def main():
    await asyncio.create_task(blocker())
asyncio.run(main(), debug=True)
`;
    for (const trace of [true, false]) {
      const r = await rt.run(program, { trace });
      // Natively: "created at .../asyncio/tasks.py:<n>", the asyncio.create_task() that called loop.create_task().
      expect(r.stderr).toMatch(/Executing <Task finished name='Task-2' coro=<blocker\(\) done, defined at \S+:2> result=None created at \S*asyncio\/tasks\.py:\d+> took 0\.200 seconds/);
      expect(r.stderr).not.toContain('corolab');
    }
  });

  it("words the errors CPython raises as 3.11 does, with one monitoring tool a run, given back at its end", async () => {
    // test/programs/error_messages.py compares the words with python3's; this, that the tool
    // that rewords them is taken by each run and given back (a leak took a tool id a run).
    const program = `import sys
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
print([sys.monitoring.get_tool(i) for i in range(6)].count("corolab-3.11-messages"))
x = (
`;
    for (let i = 0; i < 3; i++) {
      const broken = await rt.run(program, { trace: i % 2 === 0 });
      expect(broken.stderr).toMatch(/SyntaxError/);
      expect(broken.stderr).not.toMatch(/crashed|not in use/);
      const r = await rt.run(program.replace(/x = \($/m, ''), { trace: i % 2 === 0 });
      expect(r.stdout).toBe('too many values to unpack (expected 2)\n1\n');
    }
  });
});
