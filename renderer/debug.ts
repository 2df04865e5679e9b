/**
 * A handle on the live objects, for the browser console, the end-to-end
 * tests (which read block positions from it to aim real mouse drags) and the
 * UI benchmarks (which load big synthetic traces and time the views).
 */
import type { Trace } from '../shared/trace';
import type { RuntimeClient } from './runtime/client';

export interface DebugHandle {
  workspace?: unknown;
  store?: unknown;
  /** The console's text as shown (ANSI colours stripped by xterm). */
  consoleText?: () => string;
  /** Shows a trace as if a run had just produced it. */
  loadTrace?: (trace: Trace) => void;
  /** The timeline as PNG or SVG bytes, as the export buttons make it. */
  exportTimeline?: (format: 'png' | 'svg', scale: 1 | 2, scope: 'view' | 'all') => Promise<Uint8Array>;
  /** The app's runtime client, to time runs in the page's own worker. */
  runtime?: () => Promise<RuntimeClient>;
}

export function debugHandle(): DebugHandle {
  const w = globalThis as unknown as { corolabDebug?: DebugHandle };
  w.corolabDebug ??= {};
  return w.corolabDebug;
}
