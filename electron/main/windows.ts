/**
 * The main window: secure web preferences, remembered bounds, and a close
 * that first asks the renderer about unsaved changes.
 */
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Screen, WebContents } from 'electron';
import { clampToDisplays, loadWindowState, MIN_SIZE, saveWindowState } from './window-state.js';
import type { WindowState } from './window-state.js';
import { sendEvent } from './ipc.js';

export interface WindowDeps {
  BrowserWindow: typeof BrowserWindowType;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  preloadPath: string;
  url: string;
  stateFile: string;
  icon?: string;
}

/** The windows we created; IPC from anything else is refused. */
export class WindowRegistry {
  private readonly windows = new Set<BrowserWindowType>();
  private readonly closeAllowed = new WeakSet<BrowserWindowType>();

  add(window: BrowserWindowType): void {
    this.windows.add(window);
    window.on('closed', () => this.windows.delete(window));
  }

  owns(contents: WebContents): boolean {
    for (const window of this.windows) {
      if (!window.isDestroyed() && window.webContents.id === contents.id) return true;
    }
    return false;
  }

  fromContents(contents: WebContents): BrowserWindowType | undefined {
    for (const window of this.windows) {
      if (!window.isDestroyed() && window.webContents.id === contents.id) return window;
    }
    return undefined;
  }

  first(): BrowserWindowType | undefined {
    for (const window of this.windows) if (!window.isDestroyed()) return window;
    return undefined;
  }

  all(): BrowserWindowType[] {
    return [...this.windows].filter((w) => !w.isDestroyed());
  }

  allowClose(window: BrowserWindowType): void {
    this.closeAllowed.add(window);
  }

  mayClose(window: BrowserWindowType): boolean {
    return this.closeAllowed.has(window);
  }
}

export function secureWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
  };
}

export function createMainWindow(deps: WindowDeps, registry: WindowRegistry): BrowserWindowType {
  const primary = deps.screen.getPrimaryDisplay();
  const areas = [primary, ...deps.screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = clampToDisplays(loadWindowState(deps.stateFile), areas);
  const window = new deps.BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Corolab',
    backgroundColor: '#1e1f24',
    icon: deps.icon,
    webPreferences: secureWebPreferences(deps.preloadPath),
  });
  registry.add(window);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  trackState(window, deps.stateFile);

  window.on('close', (event) => {
    if (registry.mayClose(window) || window.webContents.isCrashed()) return;
    event.preventDefault();
    sendEvent(window.webContents, 'app:close-requested', {});
  });
  // A renderer that stops answering must not keep the window open forever.
  window.on('unresponsive', () => registry.allowClose(window));
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    // Reloading brings the page back; it offers the autosaved work to restore.
    if (!window.isDestroyed()) void window.webContents.reload();
  });
  void window.loadURL(deps.url);
  return window;
}

function trackState(window: BrowserWindowType, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const current = (): WindowState => {
    const bounds = window.getNormalBounds();
    return { ...bounds, maximized: window.isMaximized() };
  };
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed()) return;
    void saveWindowState(file, current()).catch(() => {});
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
