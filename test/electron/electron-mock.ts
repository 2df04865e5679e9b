/**
 * A small stand-in for the `electron` module: enough of ipcMain, ipcRenderer,
 * contextBridge and webContents to run main's IPC router and the preload
 * against each other in plain Node. Messages are copied with structuredClone,
 * as Electron's IPC copies them, so typed arrays arrive as typed arrays and
 * anything uncloneable fails as it would in the app.
 *
 * Use: vi.mock('electron', () => import('./electron-mock')).
 */
type Listener = (event: unknown, payload: unknown) => void;
type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export interface FakeFrame {
  url: string;
}

export class FakeWebContents {
  readonly mainFrame: FakeFrame;
  readonly sent: [string, unknown][] = [];
  destroyed = false;
  /** Where send() delivers: the renderer side of this window. */
  onSend: ((channel: string, payload: unknown) => void) | undefined;

  constructor(
    readonly id: number,
    url = 'corolab://app/index.html',
  ) {
    this.mainFrame = { url };
  }

  send(channel: string, payload: unknown): void {
    const copy = structuredClone(payload);
    this.sent.push([channel, copy]);
    this.onSend?.(channel, copy);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke does: clone the arguments, call the handler, clone the reply. */
  async invoke(channel: string, sender: FakeWebContents, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = { sender, senderFrame: frame };
    try {
      return structuredClone(await handler(event, ...args.map((a) => structuredClone(a))));
    } catch (err) {
      throw new Error(`Error invoking remote method '${channel}': ${String(err)}`);
    }
  }
}

export const ipcMain = new FakeIpcMain();
/** The one window the preload runs in. */
export const rendererContents = new FakeWebContents(1);

const listeners = new Map<string, Set<Listener>>();
rendererContents.onSend = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener({}, payload);
};

export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]) => ipcMain.invoke(channel, rendererContents, rendererContents.mainFrame, ...args),
  on(channel: string, listener: Listener) {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
  listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
};

export const exposed: Record<string, unknown> = {};
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    exposed[key] = api;
  },
};

export const webUtils = {
  getPathForFile: (file: { path?: string }) => file.path ?? '',
};

export default { ipcMain, ipcRenderer, contextBridge, webUtils };
