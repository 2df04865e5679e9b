/**
 * The renderer's single store. Views subscribe to the slices they draw; only
 * the store talks to the runtime client.
 */
import { create } from 'zustand';
import type { OutputChunk, RunProgress } from '../../shared/runtime/protocol';
import { EventKind } from '../../shared/trace';
import type { Trace } from '../../shared/trace';
import type { LoadProgress, RuntimeClient } from '../runtime/client';
import { pickClient } from '../runtime/pick-client';
import type { Lang } from '../i18n/strings';
import { buildRunModel } from './run-model';
import type { RunModel } from './run-model';
import { clampPosition, lastAtOrBefore, stepFrom } from '../stepper/positions';
import type { Direction, StepUnit } from '../stepper/positions';
import { loadSaved, saveWorkspace } from './persist';
import { pythonToBlocks } from '../convert/python-to-blocks';
import { checkTask } from '../../shared/course';
import { lessonById } from '../course/course';
import { loadDone, saveDone } from '../course/progress';

export type Theme = 'dark' | 'light';

export interface ViewWindow {
  t0: number;
  t1: number;
}

/** Something the user should know about the program just opened. */
export type Notice =
  | { kind: 'raw' }
  | { kind: 'syntax-error'; text: string }
  | { kind: 'failed'; text: string };

export interface TaskCheck {
  lessonId: string;
  passed: boolean;
  /** What was measured, in English (checkTask's words). */
  detail: string;
}

export interface ReplaceOptions {
  /** Re-stack the top blocks after loading (converted programs come with rough positions). */
  tidy?: boolean;
}

export interface CorolabState {
  lang: Lang;
  theme: Theme;
  title: string;
  filename: string;
  /** Blockly workspace JSON; `workspaceVersion` bumps when it is replaced from outside the editor. */
  workspace: unknown;
  workspaceVersion: number;
  /** Set with a replaced workspace whose stacks the editor should lay out afresh. */
  tidy: boolean;
  source: string;
  lineBlocks: string[];
  dirty: boolean;

  runtime: 'idle' | 'loading' | 'ready' | 'error';
  progress: LoadProgress | undefined;
  runtimeError: string | undefined;
  running: boolean;
  /** Output of the run in progress; mutated in place, `liveVersion` bumps. */
  live: OutputChunk[];
  liveVersion: number;
  /** How far a long run has got, from the trace chunks it streams. */
  runProgress: RunProgress | undefined;
  model: RunModel | undefined;
  /** Current event index while replaying. */
  cursor: number;
  showPrefixes: boolean;
  view: ViewWindow | undefined;
  /** A block the user asked to see (traceback link, error). */
  focusBlock: string | undefined;
  error: string | undefined;
  clockStart: number | undefined;
  notice: Notice | undefined;
  /** A Python → blocks conversion is in progress. */
  converting: boolean;
  /** The course lesson whose try-this task every run is checked against. */
  lessonId: string | undefined;
  doneLessons: string[];
  lastCheck: TaskCheck | undefined;
  /** A run kept aside to compare the current one with. */
  pinned: RunModel | undefined;
  comparing: boolean;

  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  setProgram(workspace: unknown, source: string, lineBlocks: string[]): void;
  replaceWorkspace(workspace: unknown, title: string, filename?: string, options?: ReplaceOptions): void;
  /** Opens Python source as blocks where that keeps the program the same, else as raw Python (with a notice). */
  openPython(source: string, title: string, filename?: string): Promise<void>;
  openLesson(id: string): void;
  closeLesson(): void;
  dismissNotice(): void;
  pinRun(): void;
  unpin(): void;
  setComparing(on: boolean): void;
  run(): Promise<void>;
  /** Shows a finished run's trace (what a run does when its trace arrives). */
  showTrace(trace: Trace, runMs?: number, lineBlocks?: string[], filename?: string): void;
  stop(): void;
  step(direction: Direction, unit: StepUnit): void;
  seek(pos: number): void;
  seekEdge(edge: 'start' | 'end'): void;
  setView(view: ViewWindow | undefined): void;
  togglePrefixes(): void;
  focus(blockId: string | undefined): void;
  showError(message: string | undefined): void;
}

let client: RuntimeClient | undefined;
let clientPromise: Promise<RuntimeClient> | undefined;

/** The runtime client the app runs programs with (picked on first use). */
export function getClient(): Promise<RuntimeClient> {
  clientPromise ??= pickClient().then((c) => (client = c));
  return clientPromise;
}

const saved = loadSaved();

function initialClockStart(): number | undefined {
  const raw = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('clockStart');
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** Installs the runtime client (the desktop glue and tests choose theirs; otherwise the first use picks one). */
export function setRuntimeClient(c: RuntimeClient): void {
  client = c;
  clientPromise = Promise.resolve(c);
}

async function ensureReady(c: RuntimeClient): Promise<void> {
  const { getState, setState } = useStore;
  if (getState().runtime === 'ready') return;
  if (getState().runtime !== 'loading') setState({ runtime: 'loading' });
  await c.ready((progress) => setState({ progress }));
  setState({ runtime: 'ready', progress: undefined });
}

function checkLesson(lessonId: string | undefined, trace: Trace): TaskCheck | undefined {
  const lesson = lessonById(lessonId);
  if (!lesson || lessonId === undefined) return undefined;
  return { lessonId, ...checkTask(lesson.tryThis.check, trace) };
}

export const useStore = create<CorolabState>()((set, get) => ({
  lang: saved.lang ?? 'en',
  theme: saved.theme ?? 'dark',
  title: saved.title ?? 'untitled',
  filename: saved.filename ?? 'main.py',
  workspace: saved.workspace,
  workspaceVersion: 0,
  tidy: false,
  source: '',
  lineBlocks: [],
  dirty: false,
  runtime: 'idle',
  progress: undefined,
  runtimeError: undefined,
  running: false,
  live: [],
  liveVersion: 0,
  runProgress: undefined,
  model: undefined,
  cursor: 0,
  showPrefixes: false,
  view: undefined,
  focusBlock: undefined,
  error: undefined,
  clockStart: initialClockStart(),
  notice: undefined,
  converting: false,
  lessonId: undefined,
  doneLessons: loadDone(),
  lastCheck: undefined,
  pinned: undefined,
  comparing: false,

  setLang: (lang) => set({ lang }),
  setTheme: (theme) => set({ theme }),
  setProgram: (workspace, source, lineBlocks) =>
    set((s) => ({ workspace, source, lineBlocks, dirty: s.dirty || (s.source !== '' && s.source !== source) })),
  replaceWorkspace: (workspace, title, filename = 'main.py', options = {}) =>
    // source '' marks the program as freshly loaded: the editor's regeneration does not count as an edit.
    set((s) => ({
      workspace,
      title,
      filename,
      source: '',
      tidy: options.tidy ?? false,
      workspaceVersion: s.workspaceVersion + 1,
      model: undefined,
      live: [],
      dirty: false,
      comparing: false,
    })),

  async openPython(source, title, filename = title.endsWith('.py') ? title : 'main.py') {
    set({ converting: true, notice: undefined });
    try {
      const c = await getClient();
      await ensureReady(c);
      const converted = await pythonToBlocks(c, source);
      get().replaceWorkspace(converted.workspace, title, filename, { tidy: true });
      set({
        notice:
          converted.kind === 'raw' ? { kind: 'raw' } : converted.kind === 'syntax-error' ? { kind: 'syntax-error', text: converted.error ?? '' } : undefined,
      });
    } catch (err) {
      set({ notice: { kind: 'failed', text: String(err instanceof Error ? err.message : err) } });
    } finally {
      set({ converting: false });
    }
  },
  openLesson(id) {
    const lesson = lessonById(id);
    if (!lesson) return;
    get().replaceWorkspace(structuredClone(lesson.workspace), lesson.title[get().lang], lesson.program, { tidy: true });
    set({ lessonId: id, lastCheck: undefined, notice: undefined, pinned: undefined });
  },
  closeLesson: () => set({ lessonId: undefined, lastCheck: undefined }),
  dismissNotice: () => set({ notice: undefined }),
  pinRun() {
    const { model } = get();
    if (model) set({ pinned: model });
  },
  unpin: () => set({ pinned: undefined, comparing: false }),
  setComparing: (comparing) => set({ comparing }),

  async run() {
    if (get().running) return;
    set({ running: true, live: [], liveVersion: 0, runProgress: undefined, model: undefined, error: undefined, focusBlock: undefined });
    try {
      const c = await getClient();
      await ensureReady(c);
      const { source, lineBlocks, filename, clockStart } = get();
      const live: OutputChunk[] = [];
      set({ live });
      const outcome = await c.run(
        source,
        filename,
        clockStart === undefined ? {} : { clockStart },
        (chunks) => {
          live.push(...chunks);
          set((s) => ({ liveVersion: s.liveVersion + 1 }));
        },
        (runProgress) => set({ runProgress }),
      );
      get().showTrace(outcome.trace, outcome.runMs, lineBlocks, filename);
      const check = get().lastCheck;
      if (check?.passed && !get().doneLessons.includes(check.lessonId)) {
        const doneLessons = [...get().doneLessons, check.lessonId];
        saveDone(doneLessons);
        set({ doneLessons });
      }
    } catch (err) {
      set({ running: false, runtime: 'error', runtimeError: String(err instanceof Error ? err.message : err) });
    }
  },
  stop: () => client?.stop(),
  showTrace(trace, runMs = 0, lineBlocks = get().lineBlocks, filename = trace.meta.filename) {
    const model = buildRunModel(trace, runMs, lineBlocks, filename);
    set({ model, cursor: Math.max(0, model.steps.count - 1), running: false, view: undefined, lastCheck: checkLesson(get().lessonId, trace) });
  },

  step(direction, unit) {
    const { model, cursor } = get();
    if (!model) return;
    set({ cursor: stepFrom(model.steps, cursor, unit, direction) });
  },
  seek(pos) {
    const { model } = get();
    if (model) set({ cursor: clampPosition(model.steps, pos) });
  },
  seekEdge(edge) {
    const { model } = get();
    if (model) set({ cursor: edge === 'start' ? 0 : Math.max(0, model.steps.count - 1) });
  },
  setView: (view) => set({ view }),
  togglePrefixes: () => set((s) => ({ showPrefixes: !s.showPrefixes })),
  focus: (focusBlock) => set({ focusBlock }),
  showError: (error) => set({ error }),
}));

/** The block running at the cursor: the latest Line event's line, mapped to its block. */
export function blockAtCursor(s: Pick<CorolabState, 'model' | 'cursor'>): string | undefined {
  const m = s.model;
  if (!m) return undefined;
  const i = lastAtOrBefore(m.steps.line, s.cursor);
  if (i < 0) return undefined;
  const e = m.trace.events;
  if (m.trace.strings[e.a[i]!] !== m.filename) return undefined;
  return m.lineBlocks[e.b[i]! - 1] || undefined;
}

/** Source line at the cursor (1-based), or 0. */
export function lineAtCursor(s: Pick<CorolabState, 'model' | 'cursor'>): number {
  const m = s.model;
  if (!m) return 0;
  const i = lastAtOrBefore(m.steps.line, s.cursor);
  return i < 0 || m.trace.events.kind[i] !== EventKind.Line ? 0 : m.trace.events.b[i]!;
}

useStore.subscribe((s, prev) => {
  if (s.workspace !== prev.workspace || s.lang !== prev.lang || s.theme !== prev.theme || s.title !== prev.title) {
    saveWorkspace({ workspace: s.workspace, lang: s.lang, theme: s.theme, title: s.title, filename: s.filename });
  }
});
