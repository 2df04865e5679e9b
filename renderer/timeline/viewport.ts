/** Time-window arithmetic for zoom and pan (pure). */

export function fullDomain(end: number): [number, number] {
  const span = end > 0 ? end : 1;
  return [-span * 0.02, span * 1.04];
}

/** Zooms by `factor` (<1 zooms in) around time `at`, never narrower than 1 µs nor wider than the run. */
export function zoomDomain(d: [number, number], at: number, factor: number, end: number): [number, number] {
  const full = fullDomain(end);
  const span = Math.min(full[1] - full[0], Math.max(1e-6, (d[1] - d[0]) * factor));
  const ratio = (at - d[0]) / (d[1] - d[0] || 1);
  const t0 = at - ratio * span;
  return [t0, t0 + span];
}

export function panDomain(d: [number, number], shift: number): [number, number] {
  return [d[0] + shift, d[1] + shift];
}
