/**
 * Two runs, one above the other, on one time axis (compareRuns): the pinned
 * run and the current one, so "4 s instead of 7 s" is seen, not just read.
 */
import { useEffect, useRef } from 'react';
import { scaleLinear } from 'd3';
import { useStore } from '../store/store';
import type { RunModel } from '../store/run-model';
import { STRINGS } from '../i18n/strings';
import { compareRuns } from '../convert/compare-runs';
import { describeComparison } from './compare-text';
import { drawTimeline, fitCanvas, GUTTER_W } from './draw';
import { PALETTES } from './palette';
import type { Theme } from '../store/store';

export function CompareView() {
  const pinned = useStore((s) => s.pinned);
  const model = useStore((s) => s.model);
  const lang = useStore((s) => s.lang);
  const theme = useStore((s) => s.theme);
  const t = STRINGS[lang];
  if (!pinned) return null;
  const current = model && model !== pinned ? model : undefined;
  const comparison = current ? compareRuns(pinned.trace, current.trace) : undefined;
  const axis = comparison?.axis ?? ([0, Math.max(pinned.layout.end, 1e-9)] as [number, number]);
  return (
    <div className="compare" data-testid="compare-view">
      <div className="compare-head">
        <b data-testid="compare-summary">{comparison ? describeComparison(comparison, lang) : t.compareNeedsRun}</b>
        <button data-testid="compare-close" onClick={() => useStore.getState().setComparing(false)}>
          {t.compareClose}
        </button>
      </div>
      <RunLanes label={t.pinnedRun} tasksLabel={t.tasks} model={pinned} axis={axis} theme={theme} testId="compare-pinned" />
      {current && <RunLanes label={t.currentRun} tasksLabel={t.tasks} model={current} axis={axis} theme={theme} testId="compare-current" />}
    </div>
  );
}

function RunLanes({ label, tasksLabel, model, axis, theme, testId }: { label: string; tasksLabel: string; model: RunModel; axis: [number, number]; theme: Theme; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const box = host.current!;
    const el = canvas.current!;
    const paint = () => {
      const w = box.clientWidth;
      const h = box.clientHeight;
      const ctx = fitCanvas(el, w, h);
      const x = scaleLinear().domain(axis).range([GUTTER_W + 8, Math.max(GUTTER_W + 20, w - 12)]);
      drawTimeline(ctx, model.layout, { x, width: w, height: h, scrollLanes: 0, palette: PALETTES[theme] });
    };
    const observer = new ResizeObserver(paint);
    observer.observe(box);
    paint();
    return () => observer.disconnect();
  }, [model, axis[0], axis[1], theme]);
  const seconds = model.trace.meta.end.seconds;
  return (
    <div className="compare-run">
      <div className="compare-label muted">
        {label} · {seconds.toFixed(1)} s · {tasksLabel}: {model.layout.lanes.length - 1}
      </div>
      <div className="compare-lanes" ref={host} data-testid={testId} data-lanes={model.layout.lanes.length} data-seconds={seconds}>
        <canvas ref={canvas} aria-label={label} />
      </div>
    </div>
  );
}
