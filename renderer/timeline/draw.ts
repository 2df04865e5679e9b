/**
 * Draws the swimlane onto a 2D canvas. It stays fast on huge traces by
 * drawing only visible lanes, binary-searching the first visible segment and
 * drawing at most one slice per pixel per lane.
 */
import type { ScaleLinear } from 'd3';
import { ArrowKind, MarkerKind, SegKind, firstSegmentFrom } from './layout';
import { lowerBound } from './indexes';
import type { Layout } from './layout';
import type { Palette } from './palette';

/** The smallest lane height: runs with more lanes than fit scroll vertically. */
export const LANE_H = 24;
/** Lanes grow to fill the pane when there are few of them, up to this. */
export const LANE_H_MAX = 64;
export const AXIS_H = 26;
export const GUTTER_W = 150;
// Steps take no virtual time: a run is drawn at least this wide so it can be seen and clicked.
const MIN_RUN_PX = 6;

export interface DrawOptions {
  x: ScaleLinear<number, number>;
  width: number;
  height: number;
  /** First lane row shown (vertical scroll), fractional allowed. */
  scrollLanes: number;
  palette: Palette;
  title?: string;
  /** Lane height in px (laneHeight() for the view); LANE_H if not given. */
  laneH?: number;
}

/** Lane height that fills `height` px with `lanes` lanes, whole pixels between LANE_H and LANE_H_MAX. */
export function laneHeight(lanes: number, height: number): number {
  return Math.max(LANE_H, Math.min(LANE_H_MAX, Math.floor((height - AXIS_H) / Math.max(1, lanes))));
}

const hatchCache = new Map<string, CanvasPattern | null>();

function hatch(ctx: CanvasRenderingContext2D, p: Palette): CanvasPattern | string {
  const key = p.await + p.awaitStroke;
  let pattern = hatchCache.get(key);
  if (pattern === undefined) {
    const c = document.createElement('canvas');
    c.width = c.height = 8;
    const g = c.getContext('2d')!;
    g.fillStyle = p.await;
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = p.awaitStroke;
    g.lineWidth = 1.5;
    g.beginPath();
    g.moveTo(-2, 10);
    g.lineTo(10, -2);
    g.moveTo(-2, 2);
    g.lineTo(2, -2);
    g.moveTo(6, 10);
    g.lineTo(10, 6);
    g.stroke();
    pattern = ctx.createPattern(c, 'repeat');
    hatchCache.set(key, pattern);
  }
  return pattern ?? p.await;
}

export function laneY(lane: number, scrollLanes: number, laneH = LANE_H): number {
  return AXIS_H + (lane - scrollLanes) * laneH;
}

/** The lane row under canvas y `py` (the inverse of laneY; may be out of range, or negative above the lanes). */
export function laneAt(py: number, scrollLanes: number, laneH = LANE_H): number {
  return Math.floor((py - AXIS_H) / laneH + scrollLanes);
}

export function visibleLanes(layout: Layout, height: number, scrollLanes: number, laneH = LANE_H): [number, number] {
  const first = Math.max(0, Math.floor(scrollLanes));
  const last = Math.min(layout.lanes.length - 1, Math.ceil(scrollLanes + (height - AXIS_H) / laneH));
  return [first, last];
}

/**
 * A 2D context on `canvas` for w × h CSS pixels at the screen's pixel ratio.
 * The bitmap is resized only when that changes (resizing clears it; drawTimeline
 * paints every pixel anyway).
 */
export function fitCanvas(canvas: HTMLCanvasElement, w: number, h: number): CanvasRenderingContext2D {
  const dpr = window.devicePixelRatio || 1;
  const bw = Math.round(w * dpr);
  const bh = Math.round(h * dpr);
  if (canvas.width !== bw || canvas.height !== bh) {
    canvas.width = bw;
    canvas.height = bh;
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

export function drawTimeline(ctx: CanvasRenderingContext2D, layout: Layout, o: DrawOptions): void {
  const { x, width, height, palette: p } = o;
  const h = o.laneH ?? LANE_H;
  ctx.save();
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, width, height);
  const [first, last] = visibleLanes(layout, height, o.scrollLanes, h);
  const [d0, d1] = x.domain() as [number, number];
  const plotLeft = GUTTER_W;

  for (let lane = first; lane <= last; lane++) {
    const y = laneY(lane, o.scrollLanes, h);
    if (lane % 2 === 1) {
      ctx.fillStyle = p.laneAlt;
      ctx.fillRect(0, y, width, h);
    }
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(plotLeft, AXIS_H, width - plotLeft, height - AXIS_H);
  ctx.clip();
  drawGrid(ctx, x, width, height, p);
  for (let lane = first; lane <= last; lane++) {
    const y = laneY(lane, o.scrollLanes, h);
    if (lane === 0) drawLoopLane(ctx, layout, x, y, h, d0, d1, p);
    else drawTaskLane(ctx, layout, lane, x, y, h, d0, d1, p);
  }
  drawMarkers(ctx, layout, x, first, last, o.scrollLanes, h, p);
  drawArrows(ctx, layout, x, first, last, o.scrollLanes, h, p, d0, d1);
  ctx.restore();

  drawAxis(ctx, x, width, p);
  drawGutter(ctx, layout, first, last, o.scrollLanes, h, p);
  ctx.restore();
}

function drawGrid(ctx: CanvasRenderingContext2D, x: ScaleLinear<number, number>, width: number, height: number, p: Palette): void {
  ctx.strokeStyle = p.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of x.ticks(Math.max(2, Math.floor((width - GUTTER_W) / 90)))) {
    const px = Math.round(x(tick)) + 0.5;
    ctx.moveTo(px, AXIS_H);
    ctx.lineTo(px, height);
  }
  ctx.stroke();
}

function drawTaskLane(ctx: CanvasRenderingContext2D, layout: Layout, lane: number, x: ScaleLinear<number, number>, y: number, laneH: number, d0: number, d1: number, p: Palette): void {
  const l = layout.lanes[lane]!;
  const mid = y + laneH / 2;
  // Bars keep their proportions as lanes grow: 4 / 6 px insets at the smallest height.
  const runInset = Math.round(laneH / 6);
  const awaitInset = Math.round(laneH / 4);
  // Lifetime: a thin line from creation to the end.
  const lx0 = Math.max(GUTTER_W, x(l.start));
  const lx1 = x(l.end);
  if (lx1 >= lx0) {
    ctx.fillStyle = p.life;
    ctx.fillRect(lx0, mid - 1, Math.max(1, lx1 - lx0), 2);
  }
  const s = layout.segments;
  const end = s.laneStart[lane + 1]!;
  const hatchFill = hatch(ctx, p);
  let lastRunPx = -Infinity;
  let lastAwaitPx = -Infinity;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let i = firstSegmentFrom(layout, lane, d0); i < end; i++) {
    const t0 = s.t0[i]!;
    if (t0 > d1) break;
    const x0 = x(t0);
    const x1 = x(s.t1[i]!);
    if (s.kind[i] === SegKind.Run) {
      // One slice per pixel: a run that starts in an already painted pixel adds nothing.
      if (Math.floor(x0) <= lastRunPx && x1 - x0 < 1) continue;
      const w = Math.max(MIN_RUN_PX, x1 - x0);
      ctx.fillStyle = p.run;
      ctx.fillRect(x0 - (x1 - x0 < MIN_RUN_PX ? MIN_RUN_PX / 2 : 0), y + runInset, w, laneH - 2 * runInset);
      lastRunPx = Math.floor(x0 + w);
    } else {
      const w = x1 - x0;
      if (w < 1 && Math.floor(x0) <= lastAwaitPx) continue;
      ctx.fillStyle = hatchFill;
      ctx.fillRect(x0, y + awaitInset, Math.max(1, w), laneH - 2 * awaitInset);
      lastAwaitPx = Math.floor(x0 + Math.max(1, w));
      const label = layout.labels[s.label[i]!];
      if (label && w > 40) {
        // Whole labels only, kept inside the visible part of the span.
        const left = Math.max(x0, GUTTER_W) + 4;
        const room = x1 - left - 4;
        const measured = ctx.measureText(label).width;
        if (room >= measured) {
          ctx.fillStyle = p.background + 'cc';
          ctx.fillRect(left - 2, mid - 7, measured + 4, 14);
          ctx.fillStyle = p.text;
          ctx.fillText(label, left, mid);
        }
      }
    }
  }
}

function drawLoopLane(ctx: CanvasRenderingContext2D, layout: Layout, x: ScaleLinear<number, number>, y: number, laneH: number, d0: number, d1: number, p: Palette): void {
  const { t } = layout.ticks;
  const { readyMax, timersSorted } = layout.index;
  // One bar per pixel, as tall as the largest ready queue among the iterations on it:
  // binary searches and a range-max query, however many iterations share the pixel.
  ctx.fillStyle = p.loop;
  for (let i = lowerBound(t, d0); i < t.length && t[i]! <= d1; ) {
    const px = Math.floor(x(t[i]!));
    const next = Math.max(i + 1, lowerBound(t, x.invert(px + 1), i));
    const h = Math.min(laneH - 6, 3 + readyMax.max(i, next) * 3);
    ctx.fillRect(px, y + laneH - 3 - h, 2, h);
    i = next;
  }
  ctx.fillStyle = p.timer;
  for (let i = lowerBound(timersSorted, d0); i < timersSorted.length && timersSorted[i]! <= d1; ) {
    const tx = Math.floor(x(timersSorted[i]!));
    ctx.beginPath();
    ctx.moveTo(tx, y + 3);
    ctx.lineTo(tx + 4, y + 7);
    ctx.lineTo(tx, y + 11);
    ctx.lineTo(tx - 4, y + 7);
    ctx.fill();
    i = Math.max(i + 1, lowerBound(timersSorted, x.invert(tx + 2), i));
  }
}

function drawMarkers(ctx: CanvasRenderingContext2D, layout: Layout, x: ScaleLinear<number, number>, first: number, last: number, scroll: number, laneH: number, p: Palette): void {
  const { start, order } = layout.index.markersByLane;
  for (let j = start[first]!; j < start[last + 1]!; j++) {
    const m = layout.markers[order[j]!]!;
    const cx = x(m.t);
    const cy = laneY(m.lane, scroll, laneH) + laneH / 2;
    if (m.kind === MarkerKind.Create) {
      ctx.strokeStyle = p.create;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(cx, cy, 4, 0, Math.PI * 2);
      ctx.stroke();
    } else if (m.kind === MarkerKind.Done) {
      ctx.fillStyle = p.done;
      ctx.beginPath();
      ctx.arc(cx, cy, 4.5, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.strokeStyle = m.kind === MarkerKind.Cancel ? p.cancel : p.fail;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.moveTo(cx - 4, cy - 4);
      ctx.lineTo(cx + 4, cy + 4);
      ctx.moveTo(cx + 4, cy - 4);
      ctx.lineTo(cx - 4, cy + 4);
      ctx.stroke();
    }
  }
}

const MAX_ARROWS = 3000;

function drawArrows(ctx: CanvasRenderingContext2D, layout: Layout, x: ScaleLinear<number, number>, first: number, last: number, scroll: number, laneH: number, p: Palette, d0: number, d1: number): void {
  let drawn = 0;
  ctx.lineWidth = 1.2;
  // Arrows that touch a visible lane: by their target lane, then those whose only visible end is the source.
  const { arrowsByTo: to, arrowsByFrom: from } = layout.index;
  const candidates: number[] = [];
  for (let j = to.start[first]!; j < to.start[last + 1]! && candidates.length <= MAX_ARROWS; j++) candidates.push(to.order[j]!);
  for (let j = from.start[first]!; j < from.start[last + 1]! && candidates.length <= 2 * MAX_ARROWS; j++) {
    const a = layout.arrows[from.order[j]!]!;
    if (a.toLane < first || a.toLane > last) candidates.push(from.order[j]!);
  }
  for (const c of candidates) {
    const a = layout.arrows[c]!;
    if (a.toT < d0 || a.fromT > d1) continue;
    if (++drawn > MAX_ARROWS) break;
    const x0 = x(a.fromT);
    const x1 = x(a.toT);
    const y0 = laneY(a.fromLane, scroll, laneH) + laneH / 2;
    const y1 = laneY(a.toLane, scroll, laneH) + laneH / 2 + (a.toLane > a.fromLane ? -5 : 5);
    ctx.strokeStyle = ctx.fillStyle = a.kind === ArrowKind.Create ? p.arrowCreate : p.arrowWake;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    // A gentle curve keeps same-instant arrows (most of them, on a virtual clock) visible.
    ctx.bezierCurveTo(x0 + 10, y0, x1 - 10, y1, x1, y1);
    ctx.stroke();
    const dir = Math.sign(y1 - y0) || 1;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - 3.5, y1 - 6 * dir);
    ctx.lineTo(x1 + 3.5, y1 - 6 * dir);
    ctx.fill();
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, x: ScaleLinear<number, number>, width: number, p: Palette): void {
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, width, AXIS_H);
  ctx.strokeStyle = p.muted;
  ctx.fillStyle = p.text;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.beginPath();
  ctx.moveTo(GUTTER_W, AXIS_H - 0.5);
  ctx.lineTo(width, AXIS_H - 0.5);
  const format = x.tickFormat(Math.max(2, Math.floor((width - GUTTER_W) / 90)));
  for (const tick of x.ticks(Math.max(2, Math.floor((width - GUTTER_W) / 90)))) {
    const px = Math.round(x(tick)) + 0.5;
    if (px < GUTTER_W) continue;
    ctx.moveTo(px, AXIS_H - 6);
    ctx.lineTo(px, AXIS_H);
    ctx.fillText(`${format(tick)}s`, px, AXIS_H - 9);
  }
  ctx.stroke();
  ctx.textAlign = 'start';
}

function drawGutter(ctx: CanvasRenderingContext2D, layout: Layout, first: number, last: number, scroll: number, laneH: number, p: Palette): void {
  ctx.fillStyle = p.background;
  ctx.fillRect(0, AXIS_H, GUTTER_W, 1e5);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let lane = first; lane <= last; lane++) {
    const y = laneY(lane, scroll, laneH);
    if (y + laneH < AXIS_H) continue;
    if (lane % 2 === 1) {
      ctx.fillStyle = p.laneAlt;
      ctx.fillRect(0, y, GUTTER_W, laneH);
    }
    ctx.fillStyle = lane === 0 ? p.loop : p.text;
    const title = layout.lanes[lane]!.title;
    ctx.fillText(title.length > 20 ? title.slice(0, 19) + '…' : title, 8, y + laneH / 2, GUTTER_W - 14);
  }
  ctx.strokeStyle = p.grid;
  ctx.beginPath();
  ctx.moveTo(GUTTER_W - 0.5, 0);
  ctx.lineTo(GUTTER_W - 0.5, 1e5);
  ctx.stroke();
}

/** Where the stepper's cursor shows over the swimlane: its line's x, its lane's band; undefined when out of view. */
export interface CursorPlace {
  lineX?: number;
  band?: { top: number; height: number };
}

/**
 * The cursor is drawn apart from the timeline (Swimlane's overlay), so that a
 * step moves two small elements instead of redrawing the whole canvas.
 */
export function cursorPlace(t: number, lane: number, x: ScaleLinear<number, number>, width: number, height: number, scrollLanes: number, laneH = LANE_H): CursorPlace {
  const place: CursorPlace = {};
  const cx = Math.round(x(t));
  if (cx >= GUTTER_W && cx <= width) place.lineX = cx;
  const y = laneY(lane, scrollLanes, laneH);
  const top = Math.max(y, AXIS_H);
  const bottom = Math.min(y + laneH, height);
  if (bottom > top) place.band = { top, height: bottom - top };
  return place;
}
