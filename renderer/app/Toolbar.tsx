import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store/store';
import type { CorolabState } from '../store/store';
import { STRINGS } from '../i18n/strings';
import { downloadTimeline } from '../timeline/download';
import { hasDesktopBridge } from '../runtime/pick-client';
import { OpenPython } from './OpenPython';

/** What the toolbar shows: not the cursor, so stepping does not re-render it. */
const shown = (s: CorolabState) => ({
  lang: s.lang,
  theme: s.theme,
  title: s.title,
  runtime: s.runtime,
  progress: s.progress,
  runtimeError: s.runtimeError,
  running: s.running,
  runProgress: s.runProgress,
  model: s.model,
  pinned: s.pinned,
  comparing: s.comparing,
  showPrefixes: s.showPrefixes,
});

export function Toolbar({ onLessons }: { onLessons: () => void }) {
  const s = useStore(useShallow(shown));
  // Actions never change; reading them at click time needs no subscription.
  const act = useStore.getState;
  const [wholeRun, setWholeRun] = useState(false);
  const scope = wholeRun ? 'all' : 'view';
  const t = STRINGS[s.lang];
  const loading = s.runtime === 'loading';
  const status = s.model?.trace.meta.end;
  return (
    <header className="toolbar">
      <span className="brand">{t.appTitle}</span>
      <span className="title" title={s.title}>{s.title}</span>
      <button className="primary" data-testid="run" onClick={() => void act().run()} disabled={s.running} title="F5">
        ▶ {t.run}
      </button>
      <button data-testid="stop" onClick={() => act().stop()} disabled={!s.running} title="Esc">
        ■ {t.stop}
      </button>
      {loading && s.progress && (
        <span className="progress" data-testid="progress">
          <progress value={s.progress.fraction} max={1} /> {s.progress.message}
        </span>
      )}
      {s.running && !loading && (
        <span className="status" data-testid="run-progress">
          {t.running}
          {s.runProgress && ` ${s.runProgress.seconds.toFixed(1)}s · ${t.eventsCount(s.runProgress.events)} · ${t.tasksCount(s.runProgress.tasks)}`}
        </span>
      )}
      {s.runtime === 'error' && <span className="status error">{s.runtimeError}</span>}
      {status && !s.running && (
        <span className={`status status-${status.status}`} data-testid="run-status">
          {t[`status_${status.status}`]} · {status.seconds.toFixed(3)}s · {s.model!.runMs.toFixed(0)} ms
        </span>
      )}
      <span className="spacer" />
      <span className="compare-buttons" role="group" aria-label="compare">
        <button data-testid="pin-run" disabled={!s.model || s.model === s.pinned} onClick={() => act().pinRun()}>{t.pinRun}</button>
        {s.pinned && (
          <>
            <button data-testid="compare" aria-pressed={s.comparing} onClick={() => act().setComparing(!s.comparing)}>{s.comparing ? t.compareClose : t.compare}</button>
            <button data-testid="unpin" onClick={() => act().unpin()}>{t.unpin}</button>
          </>
        )}
      </span>
      <span className="stepper" role="group" aria-label="stepper">
        <button data-testid="to-start" title={t.toStart} onClick={() => act().seekEdge('start')} disabled={!s.model}>⇤⇤</button>
        <button data-testid="iter-back" title={t.stepIterBack} onClick={() => act().step('back', 'iteration')} disabled={!s.model}>⟲</button>
        <button data-testid="step-back" title={t.stepStepBack} onClick={() => act().step('back', 'step')} disabled={!s.model}>⇤</button>
        <button data-testid="line-back" title={t.stepLineBack} onClick={() => act().step('back', 'line')} disabled={!s.model}>◀</button>
        <button data-testid="line-forward" title={t.stepLineForward} onClick={() => act().step('forward', 'line')} disabled={!s.model}>▶</button>
        <button data-testid="step-forward" title={t.stepStepForward} onClick={() => act().step('forward', 'step')} disabled={!s.model}>⇥</button>
        <button data-testid="iter-forward" title={t.stepIterForward} onClick={() => act().step('forward', 'iteration')} disabled={!s.model}>⟳</button>
        <button data-testid="to-end" title={t.toEnd} onClick={() => act().seekEdge('end')} disabled={!s.model}>⇥⇥</button>
      </span>
      <span className="exports" role="group" aria-label="export">
        <button data-testid="export-png" disabled={!s.model} onClick={() => void downloadTimeline('png', 1, scope)}>{t.exportPng}</button>
        <button data-testid="export-png2" disabled={!s.model} onClick={() => void downloadTimeline('png', 2, scope)}>{t.exportPng2x}</button>
        <button data-testid="export-svg" disabled={!s.model} onClick={() => void downloadTimeline('svg', 1, scope)}>{t.exportSvg}</button>
        <label className="toggle" title={t.exportAll}>
          <input type="checkbox" data-testid="export-all" checked={wholeRun} onChange={() => setWholeRun(!wholeRun)} /> {t.exportAll}
        </label>
      </span>
      <button data-testid="lessons" onClick={onLessons}>{t.lessons}</button>
      {!hasDesktopBridge() && <OpenPython />}
      <label className="toggle">
        <input type="checkbox" checked={s.showPrefixes} onChange={() => act().togglePrefixes()} data-testid="prefixes" /> {t.prefixes}
      </label>
      <button onClick={() => act().setTheme(s.theme === 'dark' ? 'light' : 'dark')} data-testid="theme">
        {s.theme === 'dark' ? t.light : t.dark}
      </button>
      <button onClick={() => act().setLang(s.lang === 'en' ? 'ko' : 'en')} data-testid="lang">
        {t.language}
      </button>
    </header>
  );
}
