/**
 * The task list of the state panel, windowed: only the rows in view (and a
 * few around them) are in the DOM, so a seek in a run of hundreds of tasks
 * updates a screenful of rows, not all of them. Rows have one fixed height.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { TASK_STATE_NAMES, TaskState } from './state';
import type { TaskSnapshot } from './state';

/** Must match `.task-states li` in styles.css. */
export const ROW_H = 18;
const OVERSCAN = 6;

function describe(state: TaskState, detail: string): string {
  if (!detail) return '';
  if (state === TaskState.Awaiting) return ` ${detail}`;
  if (state === TaskState.Done) return detail === 'None' ? '' : ` → ${detail}`;
  if (state === TaskState.Failed || state === TaskState.Cancelled) return `: ${detail}`;
  return '';
}

/** One task's line; rows whose task did not change keep their DOM untouched on a seek. */
const TaskRow = memo(function TaskRow({ name, state, detail, words }: { name: string; state: TaskState; detail: string; words: readonly string[] }) {
  const what = (words[state] ?? TASK_STATE_NAMES[state]) + describe(state, detail);
  return (
    <li className={`state-${TASK_STATE_NAMES[state].replace(' ', '-')}`} title={`${name} ${what}`}>
      <b>{name}</b> {what}
    </li>
  );
});

/** `words`: the task states in the UI's language, in TaskState order. */
export function TaskList({ tasks, words }: { tasks: TaskSnapshot[]; words: readonly string[] }) {
  const box = useRef<HTMLDivElement>(null);
  // Scroll offset and height come from events, never read during a render: a seek forces no layout.
  const [view, setView] = useState({ top: 0, height: 30 * ROW_H });
  useEffect(() => {
    const el = box.current!;
    const onScroll = () => setView((v) => ({ ...v, top: el.scrollTop }));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setView((v) => ({ ...v, height: entry.contentRect.height }));
    });
    el.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, []);
  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const last = Math.min(tasks.length, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  return (
    <div className="task-list" ref={box}>
      <ul className="task-states" style={{ height: tasks.length * ROW_H, paddingTop: first * ROW_H }}>
        {tasks.slice(first, last).map((task) => (
          <TaskRow key={task.id} name={task.name} state={task.state} detail={task.detail} words={words} />
        ))}
      </ul>
    </div>
  );
}
