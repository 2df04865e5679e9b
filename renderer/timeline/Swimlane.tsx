/**
 * The swimlane view: canvas drawing, d3 scales; wheel zooms around the
 * pointer, drag pans, Shift+wheel scrolls lanes, keys (+ - ← → ↑ ↓ 0) do
 * the same; hovering shows what a span is, clicking one moves the stepper there.
 */
import { useEffect, useRef, useState } from 'react';
import { scaleLinear } from 'd3';
import { useStore } from '../store/store';
import type { CorolabState } from '../store/store';
import { EventKindName } from '../../shared/trace';
import { cursorPlace, drawTimeline, fitCanvas, laneAt, laneHeight, AXIS_H, GUTTER_W } from './draw';
import { PALETTES } from './palette';
import { SegKind, segmentAt } from './layout';
import { eventAtTime } from '../stepper/positions';
import { fullDomain, zoomDomain, panDomain } from './viewport';

interface Tip {
  x: number;
  y: number;
  text: string;
}

export function Swimlane() {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const cursorLine = useRef<HTMLDivElement>(null);
  const cursorBand = useRef<HTMLDivElement>(null);
  const scroll = useRef(0);
  const [tip, setTip] = useState<Tip | undefined>();
  const hasModel = useStore((s) => Boolean(s.model));

  useEffect(() => {
    const el = canvas.current!;
    const box = host.current!;
    let frame = 0;
    let size = { w: 0, h: 0 };
    const domain = (s: CorolabState): [number, number] => (s.view ? [s.view.t0, s.view.t1] : fullDomain(s.model?.layout.end ?? 1));
    const scale = (s: CorolabState) => scaleLinear().domain(domain(s)).range([GUTTER_W + 8, Math.max(GUTTER_W + 20, size.w - 12)]);
    // Few lanes grow to fill the pane; drawing, scrolling and hit-testing all use this one height.
    const laneH = (s: CorolabState) => laneHeight(s.model?.layout.lanes.length ?? 1, size.h);

    // A step only moves the cursor: the canvas is redrawn when what it shows changes.
    let timelineStale = true;
    const paint = () => {
      frame = 0;
      const s = useStore.getState();
      const started = performance.now();
      if (timelineStale) {
        timelineStale = false;
        drawTimelineNow(s);
      }
      placeCursor(s);
      box.dataset.frameMs = (performance.now() - started).toFixed(2);
    };
    const drawTimelineNow = (s: CorolabState) => {
      const w = box.clientWidth;
      const h = box.clientHeight;
      size = { w, h };
      const ctx = fitCanvas(el, w, h);
      const palette = PALETTES[s.theme];
      if (!s.model) {
        ctx.fillStyle = palette.background;
        ctx.fillRect(0, 0, w, h);
        return;
      }
      drawTimeline(ctx, s.model.layout, { x: scale(s), width: w, height: h, scrollLanes: scroll.current, palette, laneH: laneH(s) });
      box.dataset.laneH = String(laneH(s));
    };
    const placeCursor = (s: CorolabState) => {
      const line = cursorLine.current!;
      const band = cursorBand.current!;
      const e = s.model?.trace.events;
      const pos = e ? Math.min(s.cursor, e.kind.length - 1) : -1;
      const place = e && pos >= 0 ? cursorPlace(e.t[pos]!, e.task[pos]! + 1, scale(s), size.w, size.h, scroll.current, laneH(s)) : {};
      const palette = PALETTES[s.theme];
      line.style.display = place.lineX === undefined ? 'none' : 'block';
      if (place.lineX !== undefined) {
        line.style.transform = `translateX(${place.lineX - 1}px)`;
        line.style.top = `${AXIS_H}px`;
        line.style.background = palette.cursor;
      }
      band.style.display = place.band ? 'block' : 'none';
      if (place.band) {
        band.style.transform = `translateY(${place.band.top}px)`;
        band.style.height = `${place.band.height}px`;
        band.style.background = palette.selection;
      }
    };
    const request = (timeline = true) => {
      if (timeline) timelineStale = true;
      if (!frame) frame = requestAnimationFrame(paint);
    };
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.model !== prev.model) scroll.current = 0;
      if (s.model !== prev.model || s.view !== prev.view || s.theme !== prev.theme) request();
      else if (s.cursor !== prev.cursor) request(false);
    });
    const observer = new ResizeObserver(() => request());
    observer.observe(box);

    const maxScroll = () => {
      const s = useStore.getState();
      return Math.max(0, (s.model?.layout.lanes.length ?? 0) - (size.h - AXIS_H) / laneH(s) + 1);
    };
    const scrollBy = (lanes: number) => {
      scroll.current = Math.max(0, Math.min(maxScroll(), scroll.current + lanes));
      request();
    };
    const setDomain = (d: [number, number]) => useStore.getState().setView({ t0: d[0], t1: d[1] });

    const onWheel = (ev: WheelEvent) => {
      const s = useStore.getState();
      if (!s.model) return;
      ev.preventDefault();
      if (ev.shiftKey) return scrollBy(ev.deltaY / laneH(s));
      if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
        const x = scale(s);
        return setDomain(panDomain(domain(s), x.invert(ev.deltaX) - x.invert(0)));
      }
      const x = scale(s);
      const at = x.invert(ev.offsetX);
      setDomain(zoomDomain(domain(s), at, Math.exp(ev.deltaY * 0.0015), s.model.layout.end));
    };

    let drag: { x: number; y: number; moved: boolean; domain: [number, number]; scroll: number } | undefined;
    const onDown = (ev: PointerEvent) => {
      const s = useStore.getState();
      if (!s.model) return;
      el.setPointerCapture(ev.pointerId);
      drag = { x: ev.offsetX, y: ev.offsetY, moved: false, domain: domain(s), scroll: scroll.current };
    };
    const onMove = (ev: PointerEvent) => {
      const s = useStore.getState();
      if (!s.model) return;
      if (drag) {
        const dx = ev.offsetX - drag.x;
        const dy = ev.offsetY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        if (drag.moved) {
          const x = scale(s);
          const shift = x.invert(0) - x.invert(dx);
          setDomain(panDomain(drag.domain, shift));
          scroll.current = Math.max(0, Math.min(maxScroll(), drag.scroll - dy / laneH(s)));
          request();
        }
        return;
      }
      setTip(describe(s, ev.offsetX, ev.offsetY));
    };
    const onUp = (ev: PointerEvent) => {
      const s = useStore.getState();
      const d = drag;
      drag = undefined;
      if (!s.model || !d || d.moved) return;
      const hit = hitTest(s, ev.offsetX, ev.offsetY);
      if (hit !== undefined) s.seek(hit);
    };
    const hitTest = (s: CorolabState, px: number, py: number): number | undefined => {
      const m = s.model!;
      const x = scale(s);
      const t = x.invert(px);
      if (py < AXIS_H) return eventAtTime(m.trace.events.t, t);
      const lane = laneAt(py, scroll.current, laneH(s));
      if (px < GUTTER_W || lane < 1 || lane >= m.layout.lanes.length) return eventAtTime(m.trace.events.t, t);
      const seg = segmentAt(m.layout, lane, t, 4 * (x.invert(1) - x.invert(0)));
      return seg >= 0 ? m.layout.segments.e0[seg] : eventAtTime(m.trace.events.t, t);
    };
    const describe = (s: CorolabState, px: number, py: number): Tip | undefined => {
      const m = s.model!;
      if (py < AXIS_H || px < GUTTER_W) return undefined;
      const lane = laneAt(py, scroll.current, laneH(s));
      const l = m.layout.lanes[lane];
      if (!l) return undefined;
      const x = scale(s);
      const t = x.invert(px);
      if (lane === 0) return { x: px, y: py, text: `${l.title} · ${t.toFixed(3)}s` };
      const seg = segmentAt(m.layout, lane, t, 4 * (x.invert(1) - x.invert(0)));
      if (seg < 0) return { x: px, y: py, text: `${l.title}` };
      const sg = m.layout.segments;
      const what = sg.kind[seg] === SegKind.Run ? 'running' : `awaiting ${m.layout.labels[sg.label[seg]!] ?? ''}`;
      const e0 = sg.e0[seg]!;
      return { x: px, y: py, text: `${l.title}: ${what}\n${sg.t0[seg]!.toFixed(3)}s → ${sg.t1[seg]!.toFixed(3)}s · #${e0} ${EventKindName[m.trace.events.kind[e0] as 0]}` };
    };
    const onKey = (ev: KeyboardEvent) => {
      const s = useStore.getState();
      if (!s.model) return;
      const d = domain(s);
      const span = d[1] - d[0];
      const mid = (d[0] + d[1]) / 2;
      const actions: Record<string, () => void> = {
        '+': () => setDomain(zoomDomain(d, mid, 1 / 1.5, s.model!.layout.end)),
        '=': () => setDomain(zoomDomain(d, mid, 1 / 1.5, s.model!.layout.end)),
        '-': () => setDomain(zoomDomain(d, mid, 1.5, s.model!.layout.end)),
        '0': () => s.setView(undefined),
        ArrowLeft: () => setDomain(panDomain(d, -span / 10)),
        ArrowRight: () => setDomain(panDomain(d, span / 10)),
        ArrowUp: () => scrollBy(-1),
        ArrowDown: () => scrollBy(1),
      };
      const action = !ev.altKey && !ev.ctrlKey && !ev.metaKey ? actions[ev.key] : undefined;
      if (action) {
        ev.preventDefault();
        ev.stopPropagation();
        action();
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointerleave', () => setTip(undefined));
    el.addEventListener('keydown', onKey);
    request();
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      observer.disconnect();
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <div className="swimlane" ref={host} data-testid="swimlane">
      <canvas ref={canvas} tabIndex={0} aria-label="timeline" />
      <div className="swimlane-band" ref={cursorBand} />
      <div className="swimlane-cursor" ref={cursorLine} data-testid="swimlane-cursor" />
      {!hasModel && <div className="swimlane-empty" />}
      {tip && (
        <div className="tooltip" style={{ left: tip.x + 14, top: tip.y + 10 }}>
          {tip.text}
        </div>
      )}
    </div>
  );
}
