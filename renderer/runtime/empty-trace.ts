import type { Trace, TraceMeta } from '../../shared/trace';
import { TRACE_VERSION } from '../../shared/trace';

/** The trace of a run that produced nothing (stopped before it started, worker replaced). */
export function emptyTrace(filename: string, status: TraceMeta['end']['status'], message: string): Trace {
  return {
    meta: { version: TRACE_VERSION, filename, clockStart: Date.now() / 1000, lines: false, end: { status, exitCode: 1, message, seconds: 0 } },
    strings: [],
    tasks: { name: [], parent: [], coro: [], line: [] },
    timers: { when: [], label: [] },
    futures: { label: [] },
    events: { kind: new Uint8Array(0), t: new Float64Array(0), task: new Int32Array(0), a: new Int32Array(0), b: new Int32Array(0) },
  };
}
