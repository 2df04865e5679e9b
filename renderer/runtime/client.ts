/**
 * How the renderer reaches the runtime. The web build runs it in a Web Worker
 * (web-client.ts); the desktop app reaches Electron main's worker through the
 * preload bridge (electron-client.ts). Views never use this directly: the
 * store does.
 */
import type { Trace } from '../../shared/trace';
import type { BlocksResult, OutputChunk, RunOptions, RunProgress } from '../../shared/runtime/protocol';

export interface LoadProgress {
  stage: string;
  fraction: number;
  message: string;
}

export interface RunOutcome {
  trace: Trace;
  runMs: number;
}

export interface RuntimeClient {
  /** Resolves once Python is loaded; reports progress on the way. */
  ready(onProgress: (p: LoadProgress) => void): Promise<void>;
  /** Runs a program; output streams to onOutput while it runs. */
  run(
    source: string,
    filename: string,
    options: RunOptions,
    onOutput: (chunks: OutputChunk[]) => void,
    /** How far a long run has got, as its trace comes in (the outcome has all of it). */
    onProgress?: (progress: RunProgress) => void,
  ): Promise<RunOutcome>;
  /** Stops the run in progress (its trace so far still arrives through run()). */
  stop(): void;
  /**
   * Python source → block workspace, parsed by the runtime's own `ast`
   * (answered after a run in progress). `rawOnly`: every top-level statement
   * as a raw-Python block. Use `pythonToBlocks` (renderer/convert) for the
   * checked conversion.
   */
  toBlocks(source: string, rawOnly?: boolean): Promise<BlocksResult>;
}
