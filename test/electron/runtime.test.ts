/**
 * Main's runtime service over RuntimeHost: a hanging program is stopped and
 * the next run works; a worker that crashes or runs out of memory is
 * replaced; every replacement is reported to the renderer.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { RuntimeService } from '../../electron/main/runtime';
import type { RuntimeEvents } from '../../electron/main/runtime';
import { EventKind } from '../../shared/trace';

const statuses: string[] = [];
const events: RuntimeEvents = { progress: () => {}, status: (s) => statuses.push(s.message) };
const fakeWorker = fileURLToPath(new URL('./fixtures/crashing-worker.mjs', import.meta.url));
const run = (service: RuntimeService, source: string, output: string[] = []) =>
  service.run({ runId: 1, source, filename: 'prog.py', options: { trace: true, lines: false, limits: { maxSteps: 5_000_000, maxVirtualSeconds: 86400 } } }, (chunks) =>
    output.push(...chunks.map((c) => c.text)),
  );

describe('runtime service with a worker that dies', () => {
  const service = new RuntimeService({ workerPath: fakeWorker, killAfterMs: 500, resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } }, events);
  afterAll(() => service.dispose());

  it('replaces a crashed worker and the next run works', async () => {
    const crashed = await run(service, 'crash');
    expect(crashed.restarted).toBe(true);
    expect(crashed.trace.meta.end.status).toBe('stopped');
    expect(statuses.at(-1)).toMatch(/exit code 3/);
    const output: string[] = [];
    const next = await run(service, 'print(1)', output);
    expect(next.restarted).toBe(false);
    expect(output).toEqual(['ran print(1)\n']);
  });

  it('replaces a worker that sends a trace it cannot have written, and says so', async () => {
    const output: string[] = [];
    const result = await run(service, 'garbage', output);
    expect(result.restarted).toBe(true);
    expect(result.trace.meta.end.message).toMatch(/malformed trace: RangeError/);
    expect(output.join('')).toMatch(/malformed trace/);
    expect((await run(service, 'after')).trace.meta.end.status).toBe('ok');
  });

  it('keeps the trace a replaced worker sent in chunks before it stopped answering', async () => {
    const pending = run(service, 'hang');
    setTimeout(() => service.stop(), 200);
    const result = await pending;
    expect(result.restarted).toBe(true);
    expect(result.trace.meta.end).toMatchObject({ status: 'stopped', seconds: 0.5 });
    expect(result.trace.strings).toEqual(['prog.py', 'Task-1']);
    expect(result.trace.tasks.line).toEqual([3]);
    expect(Array.from(result.trace.events.kind)).toEqual([EventKind.TaskCreated]);
    expect(Array.from(result.trace.events.t)).toEqual([0.5]);
    expect((await run(service, 'after')).trace.meta.end.status).toBe('ok');
  });

  it('replaces a worker that runs out of memory', async () => {
    const before = service.restarts;
    const result = await run(service, 'oom');
    expect(result.restarted).toBe(true);
    expect(service.restarts).toBe(before + 1);
    expect((await run(service, 'after')).trace.meta.end.status).toBe('ok');
  });
});

describe('runtime service with a worker that breaks the protocol before it is ready', () => {
  const malformed = fileURLToPath(new URL('./fixtures/malformed-ready-worker.mjs', import.meta.url));

  it('fails to load, once and clearly, instead of starting one worker after another', async () => {
    const service = new RuntimeService({ workerPath: malformed }, events);
    try {
      await expect(service.ready()).rejects.toThrow(/could not load Python: the runtime sent a malformed message/);
      expect(service.restarts).toBe(0);
      // Asked again, it tries a fresh worker, which fails the same way.
      await expect(service.ready()).rejects.toThrow(/malformed message/);
    } finally {
      await service.dispose();
    }
  });
});

describe('runtime service with Python', () => {
  const service = new RuntimeService({ timeoutMs: 1500, killAfterMs: 3000 }, events);
  afterAll(() => service.dispose());

  it('stops an endless loop at the time limit and runs the next program', async () => {
    await service.ready();
    const started = performance.now();
    const endless = await run(service, 'while True:\n    pass\n');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(endless.trace.meta.end.status).toBe('stopped');
    const output: string[] = [];
    const next = await run(service, 'import asyncio\n\nasync def main():\n    await asyncio.sleep(5)\n    print("after", asyncio.get_running_loop().time() >= 5)\n\nasyncio.run(main())\n', output);
    expect(next.trace.meta.end.status).toBe('ok');
    expect(output.join('')).toBe('after True\n');
  });

  it('stops a run on request', async () => {
    const pending = run(service, 'while True:\n    pass\n');
    setTimeout(() => service.stop(), 300);
    const result = await pending;
    expect(result.trace.meta.end.status).toBe('stopped');
    expect((await run(service, 'print(2)')).trace.meta.end.status).toBe('ok');
  });
});
