import type { OutputChunk } from '../../shared/runtime/protocol.js';

/** Seconds as the ground-truth runner prints them: 3 decimals, rounded like Python's format. */
export function formatStamp(seconds: number): string {
  return (Math.round(seconds * 1000) / 1000).toFixed(3);
}

/**
 * One output chunk as `corolab run` prints it: stdout lines stamped
 * "<virtual seconds><TAB><line>\n" when `timestamps` is on, everything else as written.
 */
export function formatChunk(chunk: OutputChunk, timestamps: boolean): string {
  if (chunk.stream === 'stderr' || !timestamps) return chunk.text;
  const text = chunk.text.endsWith('\n') ? chunk.text : chunk.text + '\n';
  return `${formatStamp(chunk.t)}\t${text}`;
}
