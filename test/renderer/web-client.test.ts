/**
 * The web build's runtime client with a stand-in worker: a worker that breaks
 * the protocol fails to load before it is ready, and is replaced after, its
 * run ending with the trace so far instead of waiting for good.
 */
import { describe, expect, it } from 'vitest';
import { WebRuntimeClient } from '../../renderer/runtime/web-client';

class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
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
    workers[0]!.send(READY);
    await c.ready(() => {});
    const stderr: string[] = [];
    const outcome = c.run('print(1)', 'main.py', {}, (chunks) => stderr.push(...chunks.map((x) => x.text)));
    const run = workers[0]!.posted.find((m) => m.type === 'run')!;
    workers[0]!.send({ type: 'done', runId: run.runId, end: { meta: 'not a trace' }, runMs: 1 });
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
