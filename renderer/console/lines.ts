/** The console's text at a position: the Print events up to it, optionally prefixed with time and task. */
import { Stream } from '../../shared/trace';
import type { RunModel } from '../store/run-model';
import { countUpTo } from '../stepper/positions';

export const RED = '\x1b[31m';
export const DIM = '\x1b[2m';
export const RESET = '\x1b[0m';

export function prefix(t: number, name: string): string {
  return `[${t.toFixed(3).padStart(8)}s ${name}] `;
}

/** The lines of Print events `from` ≤ j < `to` (indexes into the step index's `print`), ANSI-coloured. */
export function consoleLines(model: RunModel, from: number, to: number, withPrefixes: boolean): string[] {
  const { print } = model.steps;
  const { t, task, a, b } = model.trace.events;
  const out: string[] = [];
  for (let j = Math.max(0, from); j < to; j++) {
    const i = print[j]!;
    const text = model.trace.strings[a[i]!] ?? '';
    const who = task[i]! >= 0 ? (model.states.names[task[i]!] ?? '?') : '-';
    const head = withPrefixes ? DIM + prefix(t[i]!, who) + RESET : '';
    out.push(b[i] === Stream.Stderr ? `${head}${RED}${text}${RESET}` : head + text);
  }
  return out;
}

/** How many lines are printed up to and including event `pos`. */
export function printedUpTo(model: RunModel, pos: number): number {
  return countUpTo(model.steps.print, pos);
}

const TRACEBACK_FILE = /File "([^"]+)", line (\d+)/;

/** `File "main.py", line 7` in a traceback line → 7, when the file is the program's. */
export function tracebackLine(text: string, filename: string): number | undefined {
  const m = TRACEBACK_FILE.exec(text);
  return m && m[1] === filename ? Number(m[2]) : undefined;
}
