import { describe, expect, it } from 'vitest';
import { timelineSvg } from '../../renderer/timeline/export-svg';
import { MarkerKind, SegKind, layoutTrace } from '../../renderer/timeline/layout';
import { PALETTES } from '../../renderer/timeline/palette';
import { fullDomain } from '../../renderer/timeline/viewport';
import { fixtureTrace } from './fixtures';

const LEGEND = { run: 'running', await: 'awaiting', create: 'created', done: 'done', cancel: 'cancelled', fail: 'failed', seconds: 'seconds' };

function svgOf(name: string) {
  const layout = layoutTrace(fixtureTrace(name));
  const svg = timelineSvg(layout, { title: 'say_after', domain: fullDomain(layout.end), width: 1000, legend: LEGEND });
  return { layout, svg };
}

/** The number of boxes ("M…z" subpaths) in the path with this fill. */
function boxesFilled(svg: string, fill: string): number {
  const d = new RegExp(`<path d="([^"]*)" fill="${fill.replace(/[()]/g, '\\$&')}"`).exec(svg)?.[1] ?? '';
  return d.split('M').length - 1;
}

describe('timeline SVG export', () => {
  it('names every lane and draws every run and await of the tasks', () => {
    const { layout, svg } = svgOf('say_after_tasks');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    for (const title of ['event loop', 'Task-1', 'hello', 'world']) expect(svg).toContain(`>${title}</text>`);
    const s = layout.segments;
    let runs = 0;
    let awaits = 0;
    for (let i = s.laneStart[1]!; i < s.kind.length; i++) (s.kind[i] === SegKind.Run ? runs++ : awaits++);
    // Steps that take no time at the same pixel are drawn once; awaits are all wide enough here.
    expect(boxesFilled(svg, PALETTES.light.run)).toBeGreaterThanOrEqual(layout.lanes.length - 1);
    expect(boxesFilled(svg, PALETTES.light.run)).toBeLessThanOrEqual(runs);
    expect(boxesFilled(svg, 'url(#hatch)')).toBe(awaits);
    expect(svg).toContain('>sleep(3)</text>');
  });

  it('draws one arrowhead per arrow and one outline per marker', () => {
    const { layout, svg } = svgOf('say_after_tasks');
    const heads = [...svg.matchAll(/l-7,-3\.5v7z/g)].length;
    expect(heads).toBe(layout.arrows.length);
    const circles = [...svg.matchAll(/a4(\.5)?,4(\.5)? 0 1,0 -?\d+(\.\d+)?,0a/g)].length;
    const created = layout.markers.filter((m) => m.kind === MarkerKind.Create || m.kind === MarkerKind.Done).length;
    // Plus the legend's two circle icons.
    expect(circles).toBe(created + 2);
  });

  it('merges the shapes into a few paths however many segments there are', () => {
    const { layout, svg } = svgOf('queue_cancel');
    expect(layout.segments.kind.length).toBeGreaterThan(20);
    // Stripes, lifelines, runs, awaits, loop bars, timers, arrows and heads per colour,
    // markers per kind (14), and the legend's four marker icons.
    expect([...svg.matchAll(/<path /g)].length).toBeLessThanOrEqual(18);
    expect([...svg.matchAll(/<circle /g)].length).toBe(0);
  });
});
