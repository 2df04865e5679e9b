/** Runs programs on one runtime worker per test file and collects what they print. */
import { afterAll, beforeAll } from 'vitest';
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import type { HostOptions, RunResult } from '../../shared/runtime/node-host.js';
import type { OutputChunk, RunOptions } from '../../shared/runtime/protocol.js';

export interface Ran extends RunResult {
  stdout: string;
  stderr: string;
  chunks: OutputChunk[];
}

export function useRuntime(options: HostOptions = {}): { run(source: string, opts?: RunOptions, filename?: string): Promise<Ran>; host(): RuntimeHost } {
  let host: RuntimeHost;
  beforeAll(async () => {
    host = new RuntimeHost(options);
    await host.ready;
  });
  afterAll(async () => {
    await host?.dispose();
  });
  return {
    host: () => host,
    async run(source, opts = {}, filename = 'main.py') {
      const chunks: OutputChunk[] = [];
      const result = await host.run(source, filename, opts, (c) => chunks.push(...c));
      const text = (stream: string) => chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
      return { ...result, chunks, stdout: text('stdout'), stderr: text('stderr') };
    },
  };
}
