/**
 * The contract between Electron main and the renderer's preload bridge.
 *
 * Every channel is listed here with a zod schema for what travels on it. Main
 * validates every request before acting on it; the preload validates every
 * response and event before handing it to the page. The bridge's type
 * (`CorolabBridge`, seen by the renderer as `window.corolab`) is derived from
 * the same schemas, so there is one declaration of the whole surface.
 *
 * Browser-safe: no Node or Electron imports.
 */
import { z } from 'zod';
import { TraceWire } from './trace.js';
import { BlocksResult, OutputChunk, RunOptions, RunProgress } from './runtime/protocol.js';
import { ProjectContent } from './project.js';

const Empty = z.object({}).strict();
const Nothing = z.undefined();

export const RuntimeProgress = z.object({ stage: z.string(), fraction: z.number().min(0).max(1), message: z.string() });
export type RuntimeProgress = z.infer<typeof RuntimeProgress>;

export const RunRequestIpc = z.object({
  runId: z.number().int().positive(),
  source: z.string().max(5_000_000),
  filename: z.string().min(1).max(1000),
  options: RunOptions.prefault({}),
});

export const RunResponseIpc = z.object({ trace: TraceWire, runMs: z.number(), restarted: z.boolean() });

/** Python source → blocks, parsed by the runtime's `ast` (see ToBlocksRequest in the runtime protocol). */
export const ToBlocksRequestIpc = z.object({
  source: z.string().max(5_000_000),
  rawOnly: z.boolean().default(false),
});

/** What Open / Open Recent / a dropped file gives the renderer. */
export const OpenResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('project'), project: ProjectContent, fileName: z.string() }),
  z.object({ status: z.literal('python'), source: ProjectContent.shape.source, title: z.string(), fileName: z.string() }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type OpenResult = z.infer<typeof OpenResult>;

export const SaveResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), title: z.string(), fileName: z.string() }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type SaveResult = z.infer<typeof SaveResult>;

export const ExportFormat = z.enum(['png', 'svg']);
/** Exported images are bounded so a runaway renderer cannot fill the disk. */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

export const UnsavedChoice = z.enum(['save', 'discard', 'cancel']);

export const RecentFile = z.object({ name: z.string(), path: z.string() });

/** Renderer → main (ipcRenderer.invoke / ipcMain.handle). */
export const invokeContract = {
  'runtime:ready': { request: Empty, response: z.object({ loadMs: z.number() }) },
  'runtime:run': { request: RunRequestIpc, response: RunResponseIpc },
  'runtime:stop': { request: Empty, response: Nothing },
  'runtime:to-blocks': { request: ToBlocksRequestIpc, response: BlocksResult },
  'file:new': { request: Empty, response: Nothing },
  'file:open': { request: Empty, response: OpenResult },
  'file:open-recent': { request: z.object({ index: z.number().int().min(0).max(50) }), response: OpenResult },
  'file:open-dropped': { request: z.object({ path: z.string().min(1).max(4096) }), response: OpenResult },
  'file:save': { request: z.object({ content: ProjectContent }), response: SaveResult },
  'file:save-as': { request: z.object({ content: ProjectContent }), response: SaveResult },
  'file:recent': { request: Empty, response: z.array(RecentFile).max(50) },
  'file:export': {
    request: z.object({ format: ExportFormat, bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected a Uint8Array').refine((b) => b.byteLength > 0 && b.byteLength <= MAX_EXPORT_BYTES, 'image is empty or too large') }),
    response: SaveResult,
  },
  'doc:state': { request: z.object({ dirty: z.boolean(), title: z.string().max(200) }), response: Nothing },
  'autosave:write': { request: z.object({ content: ProjectContent }), response: Nothing },
  'autosave:clear': { request: Empty, response: Nothing },
  'autosave:recover': { request: Empty, response: z.union([ProjectContent, z.null()]) },
  'dialog:unsaved': { request: z.object({ title: z.string().max(200) }), response: UnsavedChoice },
  'app:close': { request: Empty, response: Nothing },
} as const;

export const MenuCommand = z.discriminatedUnion('command', [
  z.object({ command: z.enum(['new', 'open', 'save', 'save-as', 'run', 'stop']) }),
  z.object({ command: z.literal('open-recent'), index: z.number().int().min(0).max(50) }),
  z.object({ command: z.literal('step'), direction: z.enum(['forward', 'back']), unit: z.enum(['line', 'step', 'iteration']) }),
  z.object({ command: z.literal('export'), format: ExportFormat }),
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

export const RuntimeStatus = z.object({
  /** 'restarted': the worker was replaced (crash, hang, memory) and a fresh one is loading. */
  state: z.enum(['restarted']),
  message: z.string(),
});

/** Main → renderer (webContents.send / ipcRenderer.on). */
export const eventContract = {
  'runtime:progress': RuntimeProgress,
  'runtime:output': z.object({ runId: z.number().int(), chunks: z.array(OutputChunk) }),
  // Only how far the run has got: the renderer shows no more of a trace before the run's end, and a long run's chunks are big.
  'runtime:run-progress': z.object({ runId: z.number().int(), progress: RunProgress }),
  'runtime:status': RuntimeStatus,
  'menu:command': MenuCommand,
  'app:close-requested': Empty,
} as const;

export type InvokeChannel = keyof typeof invokeContract;
export type EventChannel = keyof typeof eventContract;
export const INVOKE_CHANNELS = Object.keys(invokeContract) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventContract) as EventChannel[];

export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>;
export type EventOf<C extends EventChannel> = z.output<(typeof eventContract)[C]>;

type Unsubscribe = () => void;

/**
 * `window.corolab`: what the preload exposes to the page, one method per
 * channel. Absent in the web build.
 */
export interface CorolabBridge {
  readonly platform: string;
  runtimeReady(onProgress: (p: RuntimeProgress) => void): Promise<ResponseOf<'runtime:ready'>>;
  /** Output of this run streams to onOutput while it runs; how far a long run has got, to onProgress. */
  run(
    request: Omit<RequestOf<'runtime:run'>, 'runId'>,
    onOutput: (chunks: EventOf<'runtime:output'>['chunks']) => void,
    onProgress?: (progress: RunProgress) => void,
  ): Promise<ResponseOf<'runtime:run'>>;
  stop(): Promise<void>;
  /** Python source → block workspace (the runtime parses it). */
  toBlocks(source: string, rawOnly?: boolean): Promise<ResponseOf<'runtime:to-blocks'>>;
  onRuntimeStatus(listener: (status: EventOf<'runtime:status'>) => void): Unsubscribe;
  newDocument(): Promise<void>;
  open(): Promise<OpenResult>;
  openRecent(index: number): Promise<OpenResult>;
  /** A file dropped onto the window (a DOM File). */
  openDropped(file: Blob): Promise<OpenResult>;
  save(content: ProjectContent): Promise<SaveResult>;
  saveAs(content: ProjectContent): Promise<SaveResult>;
  recentFiles(): Promise<ResponseOf<'file:recent'>>;
  exportTimeline(format: z.infer<typeof ExportFormat>, bytes: Uint8Array): Promise<SaveResult>;
  setDocumentState(state: RequestOf<'doc:state'>): Promise<void>;
  autosave(content: ProjectContent): Promise<void>;
  clearAutosave(): Promise<void>;
  /** Work autosaved before a crash, if the user wants it back. */
  recover(): Promise<ProjectContent | null>;
  askUnsavedChanges(title: string): Promise<z.infer<typeof UnsavedChoice>>;
  /** Closes the window without asking again (after the unsaved-changes prompt). */
  closeWindow(): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  onCloseRequested(listener: () => void): Unsubscribe;
}
