/**
 * UI benchmarks in Chromium, timed by the page itself (performance.now in
 * page.evaluate): the swimlane, stepper and export on a synthetic trace of
 * 1,000,000 events / 10,000 tasks / 100,000 segments made in the page, the
 * heap with it open, and click → output / trace for a lesson re-run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launch, openApp, installHelpers } from '../e2e/browser.js';
import { CHROMIUM } from '../e2e/browser.js';
import { serveStatic } from '../e2e/static-server.js';
import type { BenchRow, TracingCost } from './table.js';
import { MANY_TASKS, ROOT, tracingRounds, tracingRows } from './table.js';

const TASKS = 10_000;
const ROUNDS = 6;
const LINES_PER_STEP = 11;

/**
 * A trace shaped like a real one (runs the page can lay out and step through):
 * TASKS tasks take ROUNDS steps each, one round per virtual second, with
 * source lines inside every step and a sleep timer between steps; tasks are
 * staggered inside each second so no two step at the same instant.
 * Self-contained: it is serialized into the page.
 */
export function syntheticTrace(tasks: number, rounds: number, linesPerStep: number) {
  const K = { Loop: 0, Created: 1, StepStart: 2, StepEnd: 3, Await: 4, Wake: 5, Done: 6, TimerScheduled: 9, TimerFired: 10, Line: 16 };
  const SLEEP = 1;
  const perTask = rounds * (linesPerStep + 6) + 3;
  const cap = tasks * perTask + tasks * rounds;
  const kind = new Uint8Array(cap);
  const t = new Float64Array(cap);
  const task = new Int32Array(cap);
  const a = new Int32Array(cap);
  const b = new Int32Array(cap);
  let n = 0;
  const push = (k: number, time: number, tk: number, va: number, vb: number) => {
    kind[n] = k;
    t[n] = time;
    task[n] = tk;
    a[n] = va;
    b[n] = vb;
    n++;
  };
  const strings = ['main.py', 'work', 'sleep', 'None'];
  const names: number[] = [];
  for (let k = 0; k < tasks; k++) names.push(strings.push(`worker-${k}`) - 1);
  const when: number[] = [];
  const label: number[] = [];
  const spread = 0.9 / tasks;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < tasks; k++) {
      const now = r + k * spread;
      if (k % 10 === 0) push(K.Loop, now, -1, 10, r * tasks + k);
      if (r === 0) push(K.Created, now, k, -1, 0);
      else {
        const timer = (r - 1) * tasks + k;
        push(K.TimerFired, now, -1, timer, 0);
        push(K.Wake, now, k, SLEEP, timer);
      }
      push(K.StepStart, now, k, 0, 0);
      for (let l = 0; l < linesPerStep; l++) push(K.Line, now, k, 0, 3 + l);
      push(K.StepEnd, now, k, 0, 0);
      if (r < rounds - 1) {
        const timer = r * tasks + k;
        when.push(now + 1);
        label.push(2);
        push(K.TimerScheduled, now, k, timer, 0);
        push(K.Await, now, k, SLEEP, timer);
      } else push(K.Done, now, k, 3, 0);
    }
  }
  return {
    meta: { version: 1 as const, filename: 'main.py', clockStart: 1704099600, lines: true, end: { status: 'ok' as const, exitCode: 0, message: '', seconds: rounds } },
    strings,
    tasks: { name: names, parent: names.map(() => -1), coro: names.map(() => 1), line: names.map(() => 1) },
    timers: { when, label },
    futures: { label: [] as number[] },
    events: { kind: kind.slice(0, n), t: t.slice(0, n), task: task.slice(0, n), a: a.slice(0, n), b: b.slice(0, n) },
  };
}

interface Loaded {
  events: number;
  tasks: number;
  segments: number;
  generateMs: number;
  /** loadTrace (run model: layout, step and state indexes) → the first frame painted. */
  firstPaintMs: number;
  modelMs: number;
  drawMs: number;
}

/** Loads a trace through the debug hook; times the model build and the first paint. */
export function loadInPage(page: Page, gen: string, args: [number, number, number]): Promise<Loaded> {
  return page.evaluate(
    async ({ gen, args }) => {
      const make = new Function(`return (${gen})`)() as (...a: number[]) => any;
      const g0 = performance.now();
      const trace = make(...args);
      const generateMs = performance.now() - g0;
      const debug = (globalThis as any).corolabDebug;
      const box = document.querySelector('[data-testid=swimlane]') as HTMLElement;
      await new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      debug.loadTrace(trace);
      const modelMs = performance.now() - t0;
      // The swimlane asked for a frame when the model arrived; this callback runs after its paint.
      await new Promise((r) => requestAnimationFrame(r));
      const firstPaintMs = performance.now() - t0;
      const model = debug.store.getState().model;
      return {
        events: trace.events.kind.length,
        tasks: trace.tasks.name.length,
        segments: model.layout.segments.t0.length,
        generateMs,
        firstPaintMs,
        modelMs,
        drawMs: Number(box.dataset.frameMs),
      };
    },
    { gen, args },
  );
}

/** Zoom in ~1000× around a point over 30 frames, then pan 30 frames; each frame's draw time. */
function panZoomFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const debug = (globalThis as any).corolabDebug;
    const store = debug.store;
    const box = document.querySelector('[data-testid=swimlane]') as HTMLElement;
    const end = store.getState().model.layout.end;
    const frames: number[] = [];
    const frame = async (t0: number, t1: number) => {
      const s0 = performance.now();
      store.getState().setView({ t0, t1 });
      const setMs = performance.now() - s0;
      await new Promise((r) => requestAnimationFrame(r));
      frames.push(setMs + Number(box.dataset.frameMs));
    };
    let span = end;
    const mid = end * 0.43;
    for (let i = 0; i < 30; i++) {
      span *= 0.79;
      await frame(mid - span / 2, mid + span / 2);
    }
    let left = mid - span / 2;
    for (let i = 0; i < 30; i++) {
      left += span / 7;
      await frame(left, left + span);
    }
    return frames;
  });
}

/**
 * Seek to random events. What a seek costs is the work it makes: the store
 * update with React's re-render of the views that follow the cursor (in a
 * microtask the update queues), then the next frame's work: the swimlane's draw and the
 * browser's style, layout and paint. The wait for that frame to begin (up to a
 * display refresh) is not work and is left out.
 */
export function seekTimes(page: Page, count: number): Promise<{ sync: number; frame: number; draw: number }[]> {
  return page.evaluate(async (count) => {
    const debug = (globalThis as any).corolabDebug;
    const store = debug.store;
    const box = document.querySelector('[data-testid=swimlane]') as HTMLElement;
    const n = store.getState().model.steps.count;
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const times: { sync: number; frame: number; draw: number }[] = [];
    for (let i = 0; i < count; i++) {
      const pos = Math.floor(random() * n);
      const t0 = performance.now();
      store.getState().seek(pos);
      // React renders a store update in a microtask queued by the update: this one runs after it.
      await Promise.resolve();
      const sync = performance.now() - t0;
      // The frame's start time; the swimlane's own frame callback, asked for during the seek, runs first.
      const frameStart = await new Promise<number>((r) => requestAnimationFrame(r));
      // A task queued from the frame runs once the frame is rendered.
      await new Promise((r) => setTimeout(r, 0));
      times.push({ sync, frame: performance.now() - frameStart, draw: Number(box.dataset.frameMs) });
    }
    return times;
  }, count);
}

function exportMs(page: Page, scope: 'view' | 'all', format: 'png' | 'svg' = 'png'): Promise<{ ms: number; bytes: number }> {
  return page.evaluate(
    async ([scope, format]) => {
      const t0 = performance.now();
      const bytes: Uint8Array = await (globalThis as any).corolabDebug.exportTimeline(format, 1, scope);
      return { ms: performance.now() - t0, bytes: bytes.byteLength };
    },
    [scope, format] as const,
  );
}

/** After a GC: the JS heap, and the typed arrays' backing stores, which live outside it. */
async function heapUsed(page: Page): Promise<{ heap: number; buffers: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return { heap: usage.usedSize, buffers: usage.backingStorageSize ?? 0 };
}

/** Click Run → first console output, → trace shown (model set), → its first frame painted. */
function rerunTimes(page: Page): Promise<{ output: number; trace: number; painted: number; runMs: number }> {
  return page.evaluate(async () => {
    const store = (globalThis as any).corolabDebug.store;
    const before = store.getState().model;
    return new Promise((resolve) => {
      let output = NaN;
      let t0 = 0;
      const off = store.subscribe((s: any) => {
        if (Number.isNaN(output) && s.live.length > 0) output = performance.now() - t0;
        if (s.model && s.model !== before) {
          off();
          const trace = performance.now() - t0;
          requestAnimationFrame(() => resolve({ output, trace, painted: performance.now() - t0, runMs: s.model.runMs }));
        }
      });
      t0 = performance.now();
      (document.querySelector('[data-testid=run]') as HTMLButtonElement).click();
    });
  });
}

/** The tracing-cost workload in the page's runtime worker (see tracingRounds), timed in the page. */
function tracingCost(page: Page): Promise<TracingCost> {
  const source = readFileSync(MANY_TASKS, 'utf8');
  return tracingRounds(() =>
    page.evaluate(async (source) => {
      const client = await (globalThis as any).corolabDebug.runtime();
      // Asked → the whole trace here: the page spells out the worker's records (trace-assembler.ts) as they come.
      const run = async (options: object) => {
        const t = performance.now();
        await client.run(source, 'many_tasks.py', options, () => {});
        return performance.now() - t;
      };
      return { untraced: await run({ trace: false }), traced: await run({ trace: true, lines: false }), lines: await run({ trace: true, lines: true }) };
    }, source),
  );
}

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
const MB = 1024 * 1024;

export async function uiBench(rows: BenchRow[]): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`${CHROMIUM} is missing`);
    console.warn(`*** SKIPPING THE UI BENCHMARKS: ${CHROMIUM} is missing (apt-get install -y chromium) ***`);
    return;
  }
  const webRoot = join(ROOT, 'dist', 'web');
  // Built now, so that the figures are those of the sources as they are.
  await build({ configFile: join(ROOT, 'renderer', 'vite.config.mts'), logLevel: 'warn' });
  const { url, server } = await serveStatic(webRoot);
  const browser = await launch();
  try {
    const page = await openApp(browser, url);
    await installHelpers(page);
    // tsx keeps function names with a `__name` helper the page does not have.
    await page.evaluate(() => ((globalThis as any).__name = (f: unknown) => f));
    const gen = syntheticTrace.toString();

    // Baselines: the app with no trace, then a 10-task trace.
    const heapEmpty = await heapUsed(page);
    const small = await loadInPage(page, gen, [10, ROUNDS, LINES_PER_STEP]);
    const smallFrames = await panZoomFrames(page);
    const smallSeek = (await seekTimes(page, 30)).map((x) => x.sync + x.frame);

    const big = await loadInPage(page, gen, [TASKS, ROUNDS, LINES_PER_STEP]);
    const heapBig = await heapUsed(page);
    const frames = await panZoomFrames(page);
    const seekParts = await seekTimes(page, 60);
    const seeks = seekParts.map((x) => x.sync + x.frame);
    const view = await exportMs(page, 'view');
    const all = await exportMs(page, 'all');
    const allSvg = await exportMs(page, 'all', 'svg');
    const shape = `${big.events.toLocaleString('en')} events / ${big.tasks.toLocaleString('en')} tasks / ${big.segments.toLocaleString('en')} segments`;
    const base = 'same trace, 10 tasks';

    rows.push(
      { what: `swimlane first paint (${shape}; trace made in ${big.generateMs.toFixed(0)} ms)`, value: big.firstPaintMs, unit: 'ms', baseline: small.firstPaintMs, baselineLabel: base, target: '≤ 500 ms', ok: big.firstPaintMs <= 500 },
      { what: '  of which: run model (layout, step and state indexes)', value: big.modelMs, unit: 'ms', baseline: small.modelMs, baselineLabel: base },
      { what: '  of which: first canvas draw', value: big.drawMs, unit: 'ms', baseline: small.drawMs, baselineLabel: base },
      { what: 'pan/zoom frame, median of 60 (view update + draw)', value: median(frames), unit: 'ms', baseline: median(smallFrames), baselineLabel: base, target: '≤ 16 ms', ok: median(frames) <= 16 },
      { what: 'pan/zoom frame, worst of 60', value: Math.max(...frames), unit: 'ms', baseline: Math.max(...smallFrames), baselineLabel: base, target: '≤ 16 ms', ok: Math.max(...frames) <= 16 },
      { what: 'seek to a random event, median of 60 (store + views, then the frame)', value: median(seeks), unit: 'ms', baseline: median(smallSeek), baselineLabel: base, target: '≤ 16 ms', ok: median(seeks) <= 16 },
      { what: '  of which: store update + React render (median)', value: median(seekParts.map((x) => x.sync)), unit: 'ms' },
      { what: '  of which: the frame: swimlane draw, style, layout, paint (median)', value: median(seekParts.map((x) => x.frame)), unit: 'ms' },
      { what: '    of which: swimlane draw (median)', value: median(seekParts.map((x) => x.draw)), unit: 'ms' },
      { what: 'seek to a random event, worst of 60', value: Math.max(...seeks), unit: 'ms', baseline: Math.max(...smallSeek), baselineLabel: base, target: '≤ 16 ms', ok: Math.max(...seeks) <= 16 },
      { what: `PNG export of the timeline in view (${(view.bytes / 1024).toFixed(0)} KiB)`, value: view.ms, unit: 'ms', target: '≤ 2 s', ok: view.ms <= 2000 },
      { what: `PNG export of the whole run, all lanes (${(all.bytes / 1024).toFixed(0)} KiB)`, value: all.ms, unit: 'ms', target: '≤ 2 s', ok: all.ms <= 2000 },
      { what: `  of which: its SVG (${(allSvg.bytes / 1024).toFixed(0)} KiB)`, value: allSvg.ms, unit: 'ms' },
      {
        what: 'memory with that trace open, after GC: JS heap + typed-array buffers',
        value: (heapBig.heap + heapBig.buffers) / MB,
        unit: 'MB',
        baseline: (heapEmpty.heap + heapEmpty.buffers) / MB,
        baselineLabel: 'no trace',
        target: '≤ 150 MB',
        ok: (heapBig.heap + heapBig.buffers) / MB <= 150,
      },
      { what: '  of which: typed-array buffers (trace columns, layout)', value: heapBig.buffers / MB, unit: 'MB', baseline: heapEmpty.buffers / MB, baselineLabel: 'no trace' },
    );

    // A lesson re-run: the course's say_after lesson, run once to load Python, then timed.
    await page.click('[data-testid=lessons]');
    await page.click('[data-lesson="sequential-vs-concurrent"]');
    await page.waitForFunction(() => storeState().source.includes('say_after'));
    await page.click('[data-testid=run]');
    await page.waitForFunction(() => !storeState().running && storeState().model, undefined, { timeout: 120_000 });
    const reruns: { output: number; trace: number; painted: number; runMs: number }[] = [];
    for (let i = 0; i < 7; i++) reruns.push(await rerunTimes(page));
    const firstOutput = median(reruns.map((r) => r.output));
    rows.push(
      { what: 'lesson re-run: click → first console output (median of 7)', value: firstOutput, unit: 'ms', target: '≤ 100 ms', ok: firstOutput <= 100 },
      { what: 'lesson re-run: click → trace shown (median of 7)', value: median(reruns.map((r) => r.trace)), unit: 'ms', target: '≤ 100 ms', ok: median(reruns.map((r) => r.trace)) <= 100 },
      { what: 'lesson re-run: click → swimlane painted (median of 7)', value: median(reruns.map((r) => r.painted)), unit: 'ms' },
      { what: '  the runtime\'s own run time, as it reports it (median of 7)', value: median(reruns.map((r) => r.runMs)), unit: 'ms' },
    );

    // The tracing cost again, in the browser's worker: Chromium's engine is the desktop app's.
    const cost = await tracingCost(page);
    rows.push(...tracingRows(cost, " in Chromium's worker"));
  } finally {
    await browser.close();
    server.close();
  }
}
