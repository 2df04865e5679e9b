/** What python3 does at interpreter exit happens at the end of every run on a reused worker. */
import { describe, expect, it } from 'vitest';
import { useRuntime } from './run-helpers.js';

const rt = useRuntime();
const LEFT_BEHIND = `import asyncio
async def forever():
    await asyncio.sleep(3600)
async def fails():
    raise ValueError("nobody asked")
loop = asyncio.new_event_loop()
task = loop.create_task(forever())
bad = loop.create_task(fails())
loop.run_until_complete(asyncio.sleep(1))
loop.close()
del task, bad
print("done")
`;

// What a run leaves for a later one is kept on a class: a run's changes to modules' globals are undone (isolation.py).
describe('end of a run', () => {
  // The runtime keeps what outlives a run out of later collections; a later run's garbage must still be found.
  it.each([1, 2, 3])('reports a task destroyed while pending and an exception never retrieved (run %i)', async () => {
    const r = await rt.run(LEFT_BEHIND);
    expect(r.stdout).toBe('done\n');
    expect(r.stderr).toContain('Task exception was never retrieved');
    expect(r.stderr).toContain('ValueError: nobody asked');
    expect(r.stderr).toMatch(/Task was destroyed but it is pending!\ntask: <Task pending name='Task-1' coro=<forever\(\) done/);
  });

  it('frees the runtime\'s own objects of a run once it is over', async () => {
    // The session of a run (its output channel, tracer and loops, all in cycles) must not outlive it.
    const probe = 'import string, sys, weakref\nstring.Formatter.session = weakref.ref(sys.stdout._channel.session)\nprint("probed")\n';
    expect((await rt.run(probe)).stdout).toBe('probed\n');
    expect((await rt.run('import string\nprint(string.Formatter.session())\n')).stdout).toBe('None\n');
  });

  it('frees, within 50 runs, a cycle a run left in a class and a later run let go of', async () => {
    const keep = 'import string, weakref\nclass Node:\n    pass\nnode = Node()\nnode.me = node\nstring.Formatter.kept = node\nstring.Formatter.probe = weakref.ref(node)\nprint("kept")\n';
    expect((await rt.run(keep)).stdout).toBe('kept\n');
    expect((await rt.run('import string\ndel string.Formatter.kept\nprint(string.Formatter.probe() is not None)\n')).stdout).toBe('True\n');
    for (let i = 0; i < 50; i++) await rt.run('pass\n');
    expect((await rt.run('import string\nprint(string.Formatter.probe())\n')).stdout).toBe('None\n');
  });

  it('frees what a run left in reference cycles', async () => {
    // A weak reference kept outside the run outlives it; what it points to must not.
    const cycle = 'import string, weakref\nclass Node:\n    def __init__(self):\n        self.me = self\nkeep = Node()\nstring.Formatter.probe = weakref.ref(keep)\nprint(string.Formatter.probe() is keep)\n';
    expect((await rt.run(cycle)).stdout).toBe('True\n');
    expect((await rt.run('import string\nprint(string.Formatter.probe())\n')).stdout).toBe('None\n');
  });

  it('does not carry the times a thread held a lock into a later run', async () => {
    // Every run's clock starts at 0: a hold from 0 to 5 s in the last run is not one in this.
    const hold = 'import string, threading, time\nstring.Formatter.lock = threading.Lock()\ndef hold():\n    with string.Formatter.lock:\n        time.sleep(5)\nthreading.Thread(target=hold).start()\nprint(string.Formatter.lock.locked())\n';
    expect((await rt.run(hold)).stdout).toBe('True\n');
    expect((await rt.run('import string\nprint(string.Formatter.lock.locked(), string.Formatter.lock.acquire(timeout=1))\n')).stdout).toBe('False True\n');
  });
});
