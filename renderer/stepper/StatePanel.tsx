/** Tasks, ready queue and timers at the cursor. */
import { useMemo } from 'react';
import { useStore } from '../store/store';
import { STRINGS } from '../i18n/strings';
import { formatSeconds } from '../../shared/trace';
import { snapshotAt } from './state';
import { TaskList } from './TaskList';

/** The panel lists this many tasks and timers; a huge run's full lists would cost every seek. */
const MAX_TASKS = 300;
const MAX_TIMERS = 20;

export function StatePanel() {
  const model = useStore((s) => s.model);
  const cursor = useStore((s) => s.cursor);
  const t = STRINGS[useStore((s) => s.lang)];
  const snap = useMemo(() => (model ? snapshotAt(model.trace, model.states, cursor, MAX_TASKS, MAX_TIMERS) : undefined), [model, cursor]);
  if (!model || !snap) return <div className="state-panel muted">{t.noRun}</div>;
  const e = model.trace.events;
  const names = model.states.names;
  return (
    <div className="state-panel" data-testid="state-panel">
      <div className="state-head">
        {t.position} {cursor + 1}/{model.steps.count} · {e.t[cursor]?.toFixed(3)}s
      </div>
      <h4>{t.tasks}</h4>
      <TaskList tasks={snap.tasks} words={t.taskStates} />
      <div className="state-queues">
        <h4>{t.readyQueue}</h4>
        <div data-testid="ready-queue">{snap.ready.length ? snap.ready.map((id) => names[id]).join(' → ') : t.empty}</div>
        <h4>{t.timers}</h4>
        <ul className="timers">
          {snap.timers.length === 0 && <li>{t.empty}</li>}
          {snap.timers.map((tm, i) => (
            // Keyed by row, not timer: a seek far away shows other timers in the same rows, and
            // rewriting their text lays out about half as much as replacing the rows does.
            <li key={i}>
              {formatSeconds(tm.when, 3)}s · {tm.label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
