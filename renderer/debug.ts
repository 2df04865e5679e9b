/**
 * A handle on the live objects, for the browser console and the end-to-end
 * tests (which read block positions from it to aim real mouse drags).
 */
export interface DebugHandle {
  workspace?: unknown;
  store?: unknown;
  /** The console's text as shown (ANSI colours stripped by xterm). */
  consoleText?: () => string;
}

export function debugHandle(): DebugHandle {
  const w = globalThis as unknown as { corolabDebug?: DebugHandle };
  w.corolabDebug ??= {};
  return w.corolabDebug;
}
