/**
 * The desktop app's runtime: Electron main runs Python in a worker thread and
 * the preload bridge carries runs, output and traces (typed arrays, copied by
 * structured clone, never JSON) between it and the page.
 */
import type { CorolabBridge } from '../../shared/ipc';
import type { BlocksResult, OutputChunk, RunOptions, RunProgress } from '../../shared/runtime/protocol';
import type { LoadProgress, RunOutcome, RuntimeClient } from './client';

export class ElectronRuntimeClient implements RuntimeClient {
  constructor(private readonly bridge: CorolabBridge) {}

  async ready(onProgress: (p: LoadProgress) => void): Promise<void> {
    await this.bridge.runtimeReady(onProgress);
  }

  async run(
    source: string,
    filename: string,
    options: RunOptions,
    onOutput: (chunks: OutputChunk[]) => void,
    onProgress?: (progress: RunProgress) => void,
  ): Promise<RunOutcome> {
    const { trace, runMs } = await this.bridge.run({ source, filename, options }, onOutput, onProgress);
    return { trace, runMs };
  }

  stop(): void {
    void this.bridge.stop();
  }

  toBlocks(source: string, rawOnly = false): Promise<BlocksResult> {
    return this.bridge.toBlocks(source, rawOnly);
  }

  /** Tells the page when main had to replace its runtime (after a crash, a hang or running out of memory). */
  onRestart(listener: (message: string) => void): () => void {
    return this.bridge.onRuntimeStatus((status) => listener(status.message));
  }
}

/** The desktop runtime when running inside Corolab's Electron shell, else undefined (the web build). */
export function electronRuntimeClient(bridge: CorolabBridge | undefined = globalThis.window?.corolab): ElectronRuntimeClient | undefined {
  return bridge ? new ElectronRuntimeClient(bridge) : undefined;
}
