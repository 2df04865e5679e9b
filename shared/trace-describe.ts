/** Plain-language descriptions of trace events, for tooltips, state panels, tests and debugging. */
import { EventKind, WaitKind, taskNames } from './trace.js';
import type { Trace } from './trace.js';

export class TraceReader {
  readonly names: string[];

  constructor(readonly trace: Trace) {
    this.names = taskNames(trace);
  }

  str(i: number): string {
    return this.trace.strings[i] ?? '?';
  }

  taskName(id: number): string {
    return id < 0 ? 'event loop' : (this.names[id] ?? `task #${id}`);
  }

  /** "sleep(3)", "Task 'hello'", "Queue.get", "yield" — what a task waits on, as a learner reads it. */
  waitLabel(kind: number, id: number, since?: number): string {
    const { timers, futures } = this.trace;
    switch (kind) {
      case WaitKind.Yield:
        return 'yield';
      case WaitKind.Sleep: {
        const when = timers.when[id];
        if (when === undefined) return 'sleep';
        return since === undefined ? `timer at ${formatSeconds(when)}s` : `sleep(${formatSeconds(when - since)})`;
      }
      case WaitKind.Task:
        return `Task ${this.taskName(id)}`;
      case WaitKind.Future: {
        const label = futures.label[id];
        return label === undefined ? 'Future' : `Future (${this.str(label)})`;
      }
      default:
        return '?';
    }
  }

  describe(i: number): string {
    const { kind, t, task, a, b } = this.trace.events;
    const k = kind[i]!;
    const who = this.taskName(task[i]!);
    const ai = a[i]!;
    const bi = b[i]!;
    const at = `${formatSeconds(t[i]!)}s`;
    switch (k) {
      case EventKind.LoopIteration:
        return `${at} loop iteration: ${ai} ready${bi >= 0 ? `, next timer at ${formatSeconds(this.trace.timers.when[bi] ?? 0)}s` : ''}`;
      case EventKind.TaskCreated:
        return `${at} ${who} created${ai >= 0 ? ` by ${this.taskName(ai)}` : ''}`;
      case EventKind.StepStart:
        return `${at} ${who} runs`;
      case EventKind.StepEnd:
        return `${at} ${who} pauses`;
      case EventKind.Await:
        return `${at} ${who} awaits ${this.waitLabel(ai, bi, t[i]!)}`;
      case EventKind.Wake:
        return `${at} ${who} woken by ${this.waitLabel(ai, bi)}`;
      case EventKind.TaskDone:
        return `${at} ${who} done → ${this.str(ai)}`;
      case EventKind.TaskCancelled:
        return `${at} ${who} cancelled`;
      case EventKind.TaskFailed:
        return `${at} ${who} failed: ${this.str(ai)}`;
      case EventKind.TimerScheduled:
        return `${at} timer ${ai} (${this.str(this.trace.timers.label[ai] ?? -1)}) set for ${formatSeconds(this.trace.timers.when[ai] ?? 0)}s`;
      case EventKind.TimerFired:
        return `${at} timer ${ai} fires`;
      case EventKind.TimerCancelled:
        return `${at} timer ${ai} cancelled`;
      case EventKind.CallbackRun:
        return `${at} callback ${this.str(ai)} runs`;
      case EventKind.FutureCreated:
        return `${at} future ${ai} (${this.str(this.trace.futures.label[ai] ?? -1)}) created`;
      case EventKind.FutureResolved:
        return `${at} future ${ai} ${['resolved', 'failed', 'cancelled'][bi] ?? 'resolved'}${task[i]! >= 0 ? ` by ${who}` : ''}`;
      case EventKind.Print:
        return `${at} ${who} prints ${JSON.stringify(this.str(ai))}${bi === 2 ? ' (stderr)' : ''}`;
      case EventKind.Line:
        return `${at} ${who} line ${bi}`;
      case EventKind.TaskRenamed:
        return `${at} ${who} renamed`;
      default:
        return `${at} event ${k}`;
    }
  }
}

export function formatSeconds(s: number): string {
  return Number.isInteger(s) ? String(s) : s.toFixed(3).replace(/0+$/, '');
}
