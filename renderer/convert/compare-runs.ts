/**
 * Two runs side by side ("4 s with tasks instead of 7 s"): their total virtual
 * times, the difference, and one time axis both swimlanes can share.
 */
import type { Trace } from '../../shared/trace';

export interface RunSummary {
  /** Virtual seconds from start to end of the run. */
  seconds: number;
  status: Trace['meta']['end']['status'];
  tasks: number;
}

export interface RunComparison {
  a: RunSummary;
  b: RunSummary;
  /** b − a in seconds: negative when b is faster. */
  difference: number;
  /** a / b (how many times faster b is), undefined when b took no time. */
  speedup: number | undefined;
  /** A time axis covering both runs: [0, the longer run's end]. */
  axis: [number, number];
}

function lastEventTime(trace: Trace): number {
  const t = trace.events.t;
  let last = 0;
  for (let i = 0; i < t.length; i++) if (t[i]! > last) last = t[i]!;
  return last;
}

export function summarize(trace: Trace): RunSummary {
  return {
    seconds: Math.max(trace.meta.end.seconds, lastEventTime(trace)),
    status: trace.meta.end.status,
    tasks: trace.tasks.name.length,
  };
}

export function compareRuns(a: Trace, b: Trace): RunComparison {
  const sa = summarize(a);
  const sb = summarize(b);
  return {
    a: sa,
    b: sb,
    difference: sb.seconds - sa.seconds,
    speedup: sb.seconds > 0 ? sa.seconds / sb.seconds : undefined,
    axis: [0, Math.max(sa.seconds, sb.seconds)],
  };
}
