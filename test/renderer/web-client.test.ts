/**
 * The web build's runtime client with a stand-in worker: a worker that breaks
 * the protocol or crashes fails to load before it is ready, and is replaced
 * after, its run ending with the trace so far instead of waiting for good.
 */
import { describe, expect, it } from 'vitest';
import { WebRuntimeClient } from '../../renderer/runtime/web-client';

class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  posted: { type: string; runId?: number }[] = [];
  terminated = false;
  postMessage(message: { type: string; runId?: number }): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(data: unknown): void {
    this.onmessage?.({ data });
  }
  /** What a browser does with an exception the worker did not catch. */
  throwUncaught(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} });
  }
}

/** Starts a run on a ready client; its run request as the worker got it. */
async function startRun(c: WebRuntimeClient, worker: FakeWorker) {
  worker.send(READY);
  await c.ready(() => {});
  const stderr: string[] = [];
  const outcome = c.run('print(1)', 'main.py', {}, (chunks) => stderr.push(...chunks.map((x) => x.text)));
  return { outcome, stderr, runId: worker.posted.find((m) => m.type === 'run')!.runId };
}

function client(): { client: WebRuntimeClient; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const made = new WebRuntimeClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client: made, workers };
}

const READY = { type: 'ready', loadMs: 1, snapshot: false, trampoline: 'webassembly' };

describe('WebRuntimeClient with a worker that breaks the protocol', () => {
  it('fails to load when the message comes before the worker is ready', async () => {
    const { client: c, workers } = client();
    workers[0]!.send({ type: 'ready', loadMs: 'soon' });
    await expect(c.ready(() => {})).rejects.toThrow(/malformed message/);
    expect(workers).toHaveLength(1);
  });

  it('replaces the worker when a run ends malformed, and the run ends with its trace so far', async () => {
    const { client: c, workers } = client();
    const { outcome, stderr, runId } = await startRun(c, workers[0]!);
    workers[0]!.send({ type: 'done', runId, end: { meta: 'not a trace' }, runMs: 1 });
    const { trace } = await outcome;
    expect(trace.meta.end.status).toBe('stopped');
    expect(trace.meta.end.message).toMatch(/malformed message/);
    expect(stderr.join('')).toMatch(/corolab: the runtime sent a malformed message/);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[1]!.send(READY);
    await c.ready(() => {});
  });
});

describe('WebRuntimeClient with a worker that crashes', () => {
  it('replaces a worker that says its run broke Python, and says why in words about the program', async () => {
    const { client: c, workers } = client();
    const { outcome, stderr, runId } = await startRun(c, workers[0]!);
    workers[0]!.send({ type: 'crashed', runId, message: 'RangeError: Maximum call stack size exceeded' });
    const { trace } = await outcome;
    expect(trace.meta.end.status).toBe('stopped');
    expect(trace.meta.end.message).toMatch(/too deep for the runtime's stack/);
    expect(stderr.join('')).toMatch(/corolab: the runtime crashed: the program went too deep/);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('replaces a worker that throws during a run instead of leaving the run waiting', async () => {
    const { client: c, workers } = client();
    const { outcome } = await startRun(c, workers[0]!);
    workers[0]!.throwUncaught('Uncaught Error: something broke');
    const { trace } = await outcome;
    expect(trace.meta.end.message).toBe('the runtime crashed: Error: something broke');
    expect(workers).toHaveLength(2);
  });
});
