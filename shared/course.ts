/**
 * The course, `assets/course/course.json`: lessons in teaching order, each
 * with an explanation in Korean and English, a starting workspace (its lesson
 * program converted to blocks) and a "try this" task the app checks on the
 * run's trace with `checkTask` — data, not code, so the course stays a file.
 */
import { z } from 'zod';
import { LocalizedText } from './lessons.js';
import { EventKind, taskNames } from './trace.js';
import type { Trace } from './trace.js';

export type Check =
  | { kind: 'finishesWithin'; seconds: number }
  | { kind: 'takesAtLeast'; seconds: number }
  | { kind: 'tasksOverlap'; min: number }
  | { kind: 'printsInOrder'; lines: string[] }
  | { kind: 'taskNamed'; name: string }
  | { kind: 'exitsWith'; code: number }
  | { kind: 'allOf'; checks: Check[] };

export const Check: z.ZodType<Check> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    /** The run ends normally by this many virtual seconds. */
    z.object({ kind: z.literal('finishesWithin'), seconds: z.number().nonnegative() }),
    z.object({ kind: z.literal('takesAtLeast'), seconds: z.number().nonnegative() }),
    /** At some moment at least `min` tasks (besides the one asyncio.run starts) are alive at once. */
    z.object({ kind: z.literal('tasksOverlap'), min: z.number().int().min(1) }),
    /** These stdout lines appear in this order (other lines may come between); compared without surrounding spaces. */
    z.object({ kind: z.literal('printsInOrder'), lines: z.array(z.string()).min(1) }),
    z.object({ kind: z.literal('taskNamed'), name: z.string().min(1) }),
    z.object({ kind: z.literal('exitsWith'), code: z.number().int() }),
    z.object({ kind: z.literal('allOf'), checks: z.array(Check).min(1) }),
  ]),
);

export const TryThis = z.object({
  task: LocalizedText,
  hint: LocalizedText.optional(),
  check: Check,
});
export type TryThis = z.infer<typeof TryThis>;

export const CourseLesson = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: LocalizedText,
  explanation: LocalizedText,
  /** The lesson program in assets/examples/ the starting workspace was made from. */
  program: z.string().regex(/^[\w-]+\.py$/),
  /** Blockly JSON serialization of the program's blocks. */
  workspace: z.object({ blocks: z.object({ languageVersion: z.number(), blocks: z.array(z.record(z.string(), z.unknown())) }) }).passthrough(),
  tryThis: TryThis,
});
export type CourseLesson = z.infer<typeof CourseLesson>;

export const Course = z.object({
  version: z.literal(1),
  lessons: z.array(CourseLesson).min(1),
});
export type Course = z.infer<typeof Course>;

/** Joins the details of a passed `allOf` check; the renderer splits on it to translate each part. */
export const DETAIL_SEPARATOR = ' · ';

export interface CheckResult {
  passed: boolean;
  /** What was measured, in English, for the try-this panel ("finished after 7.0 s"). */
  detail: string;
}

const EPS = 1e-6;

function printedLines(trace: Trace): string[] {
  const { kind, a, b } = trace.events;
  const lines: string[] = [];
  for (let i = 0; i < kind.length; i++) {
    if (kind[i] === EventKind.Print && b[i] === 1) lines.push(trace.strings[a[i]!] ?? '');
  }
  return lines;
}

/** Most tasks other than root tasks alive at one moment (a task is alive from its creation until it ends). */
export function maxOverlappingTasks(trace: Trace): number {
  const { kind, t, task } = trace.events;
  const changes: [number, number][] = [];
  for (let i = 0; i < kind.length; i++) {
    const id = task[i]!;
    if (id < 0 || trace.tasks.parent[id] === -1) continue;
    if (kind[i] === EventKind.TaskCreated) changes.push([t[i]!, +1]);
    else if (kind[i] === EventKind.TaskDone || kind[i] === EventKind.TaskCancelled || kind[i] === EventKind.TaskFailed) changes.push([t[i]!, -1]);
  }
  // Ends before starts at the same instant: one task handing over to the next is not overlap.
  changes.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let alive = 0;
  let most = 0;
  for (const [, d] of changes) {
    alive += d;
    most = Math.max(most, alive);
  }
  return most;
}

export function checkTask(check: Check, trace: Trace): CheckResult {
  const end = trace.meta.end;
  switch (check.kind) {
    case 'finishesWithin': {
      const passed = end.status === 'ok' && end.seconds <= check.seconds + EPS;
      return { passed, detail: end.status === 'ok' ? `finished after ${end.seconds.toFixed(1)} s` : `ended with ${end.status}` };
    }
    case 'takesAtLeast':
      return { passed: end.seconds + EPS >= check.seconds, detail: `ran for ${end.seconds.toFixed(1)} s` };
    case 'tasksOverlap': {
      const most = maxOverlappingTasks(trace);
      return { passed: most >= check.min, detail: `at most ${most} task(s) at once` };
    }
    case 'printsInOrder': {
      const printed = printedLines(trace).map((l) => l.trim());
      let next = 0;
      for (const line of printed) if (next < check.lines.length && line === check.lines[next]!.trim()) next++;
      const passed = next === check.lines.length;
      return { passed, detail: passed ? 'printed the lines in order' : `missing or out of order: ${JSON.stringify(check.lines[next])}` };
    }
    case 'taskNamed': {
      const names = taskNames(trace);
      return { passed: names.includes(check.name), detail: `tasks: ${names.join(', ') || 'none'}` };
    }
    case 'exitsWith':
      return { passed: end.exitCode === check.code, detail: `exit status ${end.exitCode}` };
    case 'allOf': {
      const results = check.checks.map((c) => checkTask(c, trace));
      const failed = results.find((r) => !r.passed);
      // Failing: the first thing to fix. Passing: everything measured, the run time included.
      if (failed) return { passed: false, detail: failed.detail };
      return { passed: true, detail: [...new Set(results.map((r) => r.detail))].join(DETAIL_SEPARATOR) };
    }
  }
}
