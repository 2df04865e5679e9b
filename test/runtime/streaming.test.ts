/** A long run streams its trace in chunks; put together they are the trace the run ends with. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import type { TraceChunk } from '../../shared/runtime/protocol.js';
import { EventKind, FOREVER, taskNames as names } from '../../shared/trace.js';
import { SegKind, layoutTrace } from '../../renderer/timeline/layout.js';

const MANY_TASKS = readFileSync(join(__dirname, '..', 'bench', 'programs', 'many_tasks.py'), 'utf8');

describe('trace streaming', () => {
  let host: RuntimeHost;
  beforeAll(async () => {
    host = new RuntimeHost();
    await host.ready;
  });
  afterAll(() => host.dispose());

  it('sends chunks during a long run that add up to the final trace', async () => {
    const chunks: TraceChunk[] = [];
    const { trace } = await host.run(MANY_TASKS, 'many_tasks.py', { trace: true, lines: true }, () => {}, (c) => chunks.push(c));
    expect(trace.meta.end.status).toBe('ok');
    expect(chunks.length).toBeGreaterThan(0);
    let next = 0;
    for (const c of chunks) {
      expect(c.first).toBe(next);
      const n = c.events.kind.length;
      expect(Array.from(c.events.kind)).toEqual(Array.from(trace.events.kind.subarray(next, next + n)));
      expect(Array.from(c.events.t)).toEqual(Array.from(trace.events.t.subarray(next, next + n)));
      expect(Array.from(c.events.a)).toEqual(Array.from(trace.events.a.subarray(next, next + n)));
      next += n;
    }
    expect(next).toBeLessThanOrEqual(trace.events.kind.length);
    // Tables and strings arrive in order too.
    expect(chunks.flatMap((c) => c.strings)).toEqual(trace.strings.slice(0, chunks.flatMap((c) => c.strings).length));
    const taskNames = chunks.flatMap((c) => c.tasks.name);
    expect(taskNames).toEqual(trace.tasks.name.slice(0, taskNames.length));
    // The trace's tables are the chunks' rows and the rest, each row once, in order.
    expect(names(trace)).toEqual(Array.from({ length: 10_001 }, (_, i) => `Task-${i + 1}`));
    const results = [...trace.events.kind].flatMap((k, i) => (k === EventKind.TaskDone && trace.events.task[i]! > 0 ? [trace.strings[trace.events.a[i]!]] : []));
    expect(results.map(Number).sort((p, q) => p - q)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
  });

  it('cuts chunks by size as well as by time, so that little is left to spell out after the run', async () => {
    // Cut every 0.1 s alone, a 10k-task run of 0.2 s left 10–50 % of its records for after its end.
    await host.run(MANY_TASKS, 'many_tasks.py', { trace: true, lines: false }); // the second run is the quicker, whose chunks time cuts fewer
    let sent = 0;
    const { trace } = await host.run(MANY_TASKS, 'many_tasks.py', { trace: true, lines: false }, () => {}, (c) => (sent += c.events.kind.length));
    expect(trace.meta.end.status).toBe('ok');
    expect(sent / trace.events.kind.length).toBeGreaterThan(0.95);
  });

  it('goes on streaming when the program removes the file chunks pass through', async () => {
    const program = [
      'import asyncio, os',
      'async def w():',
      '    for _ in range(20):',
      '        await asyncio.sleep(0)',
      'async def main():',
      '    for _ in range(3):',
      '        await asyncio.gather(*(w() for _ in range(3000)))',
      '        try:',
      '            os.remove("/tmp/corolab-trace-chunk.bin")',
      '        except OSError:',
      '            pass',
      '    print("done")',
      'asyncio.run(main())',
    ].join('\n');
    let sent = 0;
    const r = await host.run(program, 'remove.py', { trace: true, lines: false }, () => {}, (c) => (sent += c.events.kind.length));
    expect(r.trace.meta.end).toMatchObject({ status: 'ok', exitCode: 0 });
    expect(sent).toBeGreaterThan(0);
    expect(r.trace.tasks.name.length).toBe(9_001); // main and its workers
  });

  it('sends chunks from a run whose lines come faster than its steps: one task that loops', async () => {
    // Checkpoints from lines had pushed the loop's own one further each time: such a run sent no chunk.
    const program = 'import asyncio\nasync def main():\n    for i in range(100_000):\n        await asyncio.sleep(0)\nasyncio.run(main())\n';
    const chunks: TraceChunk[] = [];
    const { trace } = await host.run(program, 'loop.py', { trace: true, lines: true }, () => {}, (c) => chunks.push(c));
    expect(trace.meta.end.status).toBe('ok');
    expect(chunks.length).toBeGreaterThan(1);
    const sent = chunks.flatMap((c) => Array.from(c.events.kind));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent).toEqual(Array.from(trace.events.kind.subarray(0, sent.length)));
  });

  it('keeps every record of a step too long to pack at once', async () => {
    // 70,000 prints in one step, no checkpoint between them: 350,000 numbers, packed in pieces.
    const program = 'import asyncio\nasync def main():\n    for i in range(70_000):\n        print(i)\nasyncio.run(main())\n';
    const { trace } = await host.run(program, 'prints.py', { trace: true, lines: false });
    const prints = [...trace.events.kind].flatMap((k, i) => (k === EventKind.Print ? [trace.strings[trace.events.a[i]!]] : []));
    expect(prints.length).toBe(70_000);
    expect(prints.slice(-2)).toEqual(['69998', '69999']);
  });

  it('carries timers due at infinity in its chunks and trace, which the swimlane shows as sleep(∞)', async () => {
    // JSON and the trace schema have no infinity: such a run's trace was refused as malformed.
    const program = [
      'import asyncio, math',
      'async def forever():',
      '    await asyncio.sleep(math.inf)',
      'async def main():',
      '    t = asyncio.create_task(forever(), name="forever")',
      '    asyncio.get_running_loop().call_at(-math.inf, print, "past")',
      '    for _ in range(200_000):  # long enough for chunks to go out meanwhile',
      '        await asyncio.sleep(0)',
      '    t.cancel()',
      'asyncio.run(main())',
    ].join('\n');
    const chunks: TraceChunk[] = [];
    const { trace } = await host.run(program + '\n', 'forever.py', { trace: true, lines: false }, () => {}, (c) => chunks.push(c));
    expect(trace.meta.end.status).toBe('ok');
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.flatMap((c) => c.timers.when)).toEqual([-FOREVER, FOREVER]);
    expect(trace.timers.when).toEqual([-FOREVER, FOREVER]);
    const layout = layoutTrace(trace);
    const lane = layout.lanes.findIndex((l) => l.title === 'forever');
    const s = layout.segments;
    const labels = [];
    for (let i = s.laneStart[lane]!; i < s.laneStart[lane + 1]!; i++) if (s.kind[i] === SegKind.Await) labels.push(layout.labels[s.label[i]!]);
    expect(labels).toEqual(['sleep(∞)']);
  });

  it('shows what a step that never ends has printed while it runs, so it can be stopped', async () => {
    // Stopped as soon as its first line arrives: if output only came at the end, the step budget would end it.
    const budget = 5_000_000;
    const { trace } = await host.run('print("spinning")\nwhile True:\n    pass\n', 'spin.py', { trace: true, lines: true, limits: { maxSteps: budget } }, (chunks) => {
      if (chunks.some((c) => c.text.includes('spinning'))) host.stop();
    });
    expect(trace.meta.end.status).toBe('stopped');
    const lines = trace.events.kind.filter((k) => k === EventKind.Line).length;
    expect(lines).toBeLessThan(budget / 2);
  });

  it('keeps what was recorded before a deadlock, however long asyncio takes to clean up after it', async () => {
    // After the deadlock, asyncio.run() cancels 20,000 waiting tasks: long enough for a
    // chunk to be due while the trace has ended. The last 100 tasks were made since the last chunk.
    const program = [
      'import asyncio',
      'async def waiter(fut):',
      '    await fut',
      'async def main():',
      '    fut = asyncio.get_running_loop().create_future()',
      '    for _ in range(20_000):',
      '        asyncio.create_task(waiter(fut))',
      '    await asyncio.sleep(0)',
      '    await asyncio.sleep(0)',
      '    for _ in range(100):',
      '        asyncio.create_task(waiter(fut))',
      '    await fut',
      'asyncio.run(main())',
    ].join('\n');
    const { trace } = await host.run(program + '\n', 'deadlock.py', { trace: true, lines: false });
    expect(trace.meta.end.status).toBe('deadlock');
    expect(trace.tasks.name.length).toBe(20_101);
    expect(trace.events.kind.filter((k) => k === EventKind.TaskCreated).length).toBe(20_101);
  });

  it('sends no chunk for a short lesson', async () => {
    const chunks: TraceChunk[] = [];
    await host.run('import asyncio\nasyncio.run(asyncio.sleep(1))\n', 'short.py', { trace: true }, () => {}, (c) => chunks.push(c));
    expect(chunks).toEqual([]);
  });
});
