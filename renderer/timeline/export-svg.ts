/**
 * The timeline as a standalone SVG: title, time axis, legend, light colours
 * (it is made for a white slide whatever the UI theme). Like the canvas view
 * it draws at most one slice per pixel per lane, so huge runs stay small.
 */
import { scaleLinear } from 'd3';
import { ArrowKind, MarkerKind, SegKind, firstSegmentFrom } from './layout';
import type { Layout } from './layout';
import { PALETTES } from './palette';

export interface ExportOptions {
  title: string;
  /** Time window to draw. */
  domain: [number, number];
  width: number;
  legend: { run: string; await: string; create: string; done: string; cancel: string; fail: string; seconds: string };
  /** Lanes beyond this are left out (noted under the title). */
  maxLanes?: number;
}

export const EXPORT_LAYOUT = { titleH: 44, axisH: 30, laneH: 26, legendH: 40, gutter: 170, right: 24 };

export function exportSize(layout: Layout, o: Pick<ExportOptions, 'width' | 'maxLanes'>): { width: number; height: number; lanes: number } {
  const lanes = Math.min(layout.lanes.length, o.maxLanes ?? 400);
  const L = EXPORT_LAYOUT;
  return { width: o.width, height: L.titleH + L.axisH + lanes * L.laneH + L.legendH + 10, lanes };
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();

function add<K>(groups: Map<K, string[]>, key: K, d: string): void {
  const list = groups.get(key);
  if (list) list.push(d);
  else groups.set(key, [d]);
}

export function timelineSvg(layout: Layout, o: ExportOptions): string {
  const p = PALETTES.light;
  const L = EXPORT_LAYOUT;
  const { width, height, lanes } = exportSize(layout, o);
  const x = scaleLinear().domain(o.domain).range([L.gutter + 6, width - L.right]);
  const [d0, d1] = o.domain;
  const top = L.titleH + L.axisH;
  const laneY = (lane: number) => top + lane * L.laneH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${p.await}"/><line x1="0" y1="0" x2="0" y2="8" stroke="${p.awaitStroke}" stroke-width="2"/></pattern>`,
    `<clipPath id="plot"><rect x="${L.gutter}" y="${top}" width="${width - L.gutter}" height="${lanes * L.laneH}"/></clipPath></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="28" font-size="18" font-weight="bold" fill="${p.text}">${esc(o.title)}</text>`,
  );
  if (lanes < layout.lanes.length) {
    out.push(`<text x="${width - L.right}" y="28" font-size="12" text-anchor="end" fill="${p.muted}">${lanes} / ${layout.lanes.length} lanes</text>`);
  }
  // Axis and grid.
  const ticks = x.ticks(Math.max(2, Math.floor((width - L.gutter) / 100)));
  const fmt = x.tickFormat(ticks.length);
  out.push(`<g class="axis" font-size="12" fill="${p.text}" text-anchor="middle">`);
  out.push(`<line x1="${L.gutter}" y1="${top - 0.5}" x2="${width - L.right}" y2="${top - 0.5}" stroke="${p.muted}"/>`);
  for (const tick of ticks) {
    const px = f(x(tick));
    out.push(`<line x1="${px}" y1="${top - 6}" x2="${px}" y2="${top + lanes * L.laneH}" stroke="${p.grid}"/>`);
    out.push(`<text x="${px}" y="${top - 10}">${fmt(tick)}s</text>`);
  }
  out.push(`</g>`);
  // Shapes of one kind go into one <path>: an image viewer (and the PNG export,
  // which rasterises this SVG) handles a few long paths far faster than tens of
  // thousands of elements.
  const stripes: string[] = [];
  const lifelines: string[] = [];
  const runs: string[] = [];
  const awaits: string[] = [];
  const labels: string[] = [];
  const box = (into: string[], x0: number, y0: number, w: number, h: number) => into.push(`M${f(x0)},${f(y0)}h${f(w)}v${f(h)}h${f(-w)}z`);
  // Lane backgrounds and titles.
  for (let lane = 0; lane < lanes; lane++) {
    const y = laneY(lane);
    if (lane % 2 === 1) box(stripes, 0, y, width, L.laneH);
    const title = layout.lanes[lane]!.title;
    labels.push(`<text x="12" y="${y + L.laneH / 2 + 4}" font-size="13" fill="${lane === 0 ? p.loop : p.text}">${esc(title.length > 22 ? title.slice(0, 21) + '…' : title)}</text>`);
  }
  out.push(`<path d="${stripes.join('')}" fill="${p.laneAlt}"/>`, ...labels);
  labels.length = 0;
  out.push(`<g clip-path="url(#plot)">`);
  const s = layout.segments;
  for (let lane = 1; lane < lanes; lane++) {
    const y = laneY(lane);
    const l = layout.lanes[lane]!;
    box(lifelines, x(l.start), y + L.laneH / 2 - 1, Math.max(1, x(l.end) - x(l.start)), 2);
    let lastPx = -Infinity;
    for (let i = firstSegmentFrom(layout, lane, d0); i < s.laneStart[lane + 1]!; i++) {
      if (s.t0[i]! > d1) break;
      const x0 = x(s.t0[i]!);
      const x1 = x(s.t1[i]!);
      if (x1 - x0 < 1 && Math.floor(x0) <= lastPx) continue;
      lastPx = Math.floor(Math.max(x0 + 1, x1));
      if (s.kind[i] === SegKind.Run) {
        const w = Math.max(3, x1 - x0);
        box(runs, x1 - x0 < 3 ? x0 - 1.5 : x0, y + 5, w, L.laneH - 10);
      } else {
        const w = Math.max(1, x1 - x0);
        box(awaits, x0, y + 7, w, L.laneH - 14);
        const label = layout.labels[s.label[i]!];
        if (label && w > label.length * 6.5 + 8) {
          labels.push(`<text x="${f(x0 + 4)}" y="${y + L.laneH / 2 + 4}">${esc(label)}</text>`);
        }
      }
    }
  }
  out.push(
    `<path d="${lifelines.join('')}" fill="${p.life}"/>`,
    `<path d="${awaits.join('')}" fill="url(#hatch)" stroke="${p.awaitStroke}" stroke-width="0.5"/>`,
    `<g font-size="11" fill="${p.text}" paint-order="stroke" stroke="#ffffff" stroke-width="3">${labels.join('')}</g>`,
    `<path d="${runs.join('')}" fill="${p.run}"/>`,
  );
  // Event loop lane: iterations (height = ready queue) and timer deadlines.
  {
    const y = laneY(0);
    let lastPx = -1;
    const { t, ready } = layout.ticks;
    const bars: string[] = [];
    for (let i = 0; i < t.length; i++) {
      if (t[i]! < d0 || t[i]! > d1) continue;
      const px = Math.floor(x(t[i]!));
      if (px === lastPx) continue;
      lastPx = px;
      const h = Math.min(L.laneH - 6, 3 + ready[i]! * 3);
      box(bars, px, y + L.laneH - 3 - h, 2, h);
    }
    const diamonds: string[] = [];
    for (const when of layout.timerWhen) {
      if (when < d0 || when > d1) continue;
      diamonds.push(`M${f(x(when))},${y + 3}l4,4l-4,4l-4,-4z`);
    }
    out.push(`<path d="${bars.join('')}" fill="${p.loop}"/>`, `<path d="${diamonds.join('')}" fill="${p.timer}"/>`);
  }
  // Creator and wake arrows: curves in one path per colour, their heads in another.
  const curves = new Map<string, string[]>();
  const heads = new Map<string, string[]>();
  let arrows = 0;
  for (const a of layout.arrows) {
    if (a.fromLane >= lanes || a.toLane >= lanes || a.toT < d0 || a.fromT > d1 || ++arrows > 2000) continue;
    const x0 = x(a.fromT);
    const x1 = x(a.toT);
    const y0 = laneY(a.fromLane) + L.laneH / 2;
    const y1 = laneY(a.toLane) + L.laneH / 2 + (a.toLane > a.fromLane ? -5 : 5);
    const colour = a.kind === ArrowKind.Create ? p.arrowCreate : p.arrowWake;
    add(curves, colour, `M${f(x0)},${f(y0)}C${f(x0 + 10)},${f(y0)} ${f(x1 - 10)},${f(y1)} ${f(x1)},${f(y1)}`);
    // The curve ends heading right (its last control point is level with its end).
    add(heads, colour, `M${f(x1)},${f(y1)}l-7,-3.5v7z`);
  }
  for (const [colour, d] of curves) {
    out.push(`<path d="${d.join('')}" fill="none" stroke="${colour}" stroke-width="1.2"/>`, `<path d="${heads.get(colour)!.join('')}" fill="${colour}"/>`);
  }
  const markers = new Map<number, string[]>();
  for (const m of layout.markers) {
    if (m.lane >= lanes || m.t < d0 || m.t > d1) continue;
    add(markers, m.kind, markerPath(m.kind, x(m.t), laneY(m.lane) + L.laneH / 2));
  }
  for (const [kind, d] of markers) out.push(markerSvg(kind, d.join('')));
  out.push(`</g>`);
  // Legend.
  const ly = top + lanes * L.laneH + 26;
  const items: [string, string][] = [
    [`<rect x="0" y="-6" width="14" height="12" fill="${p.run}"/>`, o.legend.run],
    [`<rect x="0" y="-6" width="14" height="12" fill="url(#hatch)" stroke="${p.awaitStroke}" stroke-width="0.5"/>`, o.legend.await],
    [markerSvg(MarkerKind.Create, markerPath(MarkerKind.Create, 7, 0)), o.legend.create],
    [markerSvg(MarkerKind.Done, markerPath(MarkerKind.Done, 7, 0)), o.legend.done],
    [markerSvg(MarkerKind.Cancel, markerPath(MarkerKind.Cancel, 7, 0)), o.legend.cancel],
    [markerSvg(MarkerKind.Fail, markerPath(MarkerKind.Fail, 7, 0)), o.legend.fail],
  ];
  out.push(`<g font-size="12" fill="${p.text}">`);
  let lx = 16;
  for (const [icon, label] of items) {
    out.push(`<g transform="translate(${lx},${ly})">${icon}<text x="20" y="4">${esc(label)}</text></g>`);
    lx += 40 + label.length * 7;
  }
  out.push(`<text x="${width - L.right}" y="${ly + 4}" text-anchor="end" fill="${p.muted}">${esc(o.legend.seconds)}</text>`);
  out.push(`</g></svg>`);
  return out.join('\n');
}

/** A marker's outline at (cx, cy); circles as two arcs, so that many fit in one path. */
function markerPath(kind: number, cx: number, cy: number): string {
  if (kind === MarkerKind.Create || kind === MarkerKind.Done) {
    const r = kind === MarkerKind.Create ? 4 : 4.5;
    return `M${f(cx - r)},${f(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0z`;
  }
  return `M${f(cx - 4)},${f(cy - 4)}L${f(cx + 4)},${f(cy + 4)}M${f(cx + 4)},${f(cy - 4)}L${f(cx - 4)},${f(cy + 4)}`;
}

/** Markers of one kind, `d` being their markerPath()s. */
function markerSvg(kind: number, d: string): string {
  const p = PALETTES.light;
  if (kind === MarkerKind.Create) return `<path d="${d}" fill="#ffffff" stroke="${p.create}" stroke-width="1.5"/>`;
  if (kind === MarkerKind.Done) return `<path d="${d}" fill="${p.done}"/>`;
  const c = kind === MarkerKind.Cancel ? p.cancel : p.fail;
  return `<path d="${d}" fill="none" stroke="${c}" stroke-width="2.5"/>`;
}
