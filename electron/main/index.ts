/**
 * Corolab's Electron main process: each concern lives in its own module and
 * is set up here, in order.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session as electronSession } from 'electron';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import workerPath from './worker-path.js';
import { createIpcRouter, makeTrustCheck, sendEvent } from './ipc.js';
import { APP_ENTRY, isAppUrl, setupSecurity } from './security.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { createMainWindow, WindowRegistry } from './windows.js';
import { setupRuntime } from './runtime.js';
import { DocumentSession } from './document-session.js';
import { RecoveryStore } from './recovery.js';
import { setupFiles } from './files.js';
import { buildMenuTemplate } from './menu.js';
import { documentArgs } from './open-requests.js';
import type { MenuCommand } from '../../shared/ipc.js';
import type { RuntimeService } from './runtime.js';

const here = dirname(fileURLToPath(import.meta.url));
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// Before ready: our scheme, and one instance (a second launch hands its files to the first).
registerAppScheme(protocol);
if (!app.requestSingleInstanceLock()) app.quit();

const windows = new WindowRegistry();
let runtime: RuntimeService | undefined;
let session: DocumentSession;
const pendingOpens: string[] = documentArgs(process.argv, process.cwd());

function sendCommand(command: MenuCommand): void {
  const window = windows.first();
  if (window) sendEvent(window.webContents, 'menu:command', command);
}

async function openFromSystem(path: string): Promise<void> {
  if (!session || !windows.first()) {
    pendingOpens.push(path);
    return;
  }
  await session.remember(path);
  sendCommand({ command: 'open-recent', index: 0 });
}

function setupMenu(): void {
  const rebuild = (paths: string[]) => {
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: app.name,
      recent: paths.map((p) => ({ name: basename(p) })),
      send: sendCommand,
      about: () => app.showAboutPanel(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  onRecentChanged = rebuild;
  rebuild(session.recentPaths());
}
let onRecentChanged: (paths: string[]) => void = () => {};

function createWindow(): void {
  const window = createMainWindow(
    {
      BrowserWindow,
      screen,
      preloadPath: join(here, '../preload/index.cjs'),
      url: devServer ?? APP_ENTRY,
      stateFile: join(app.getPath('userData'), 'window-state.json'),
    },
    windows,
  );
  window.webContents.once('did-finish-load', () => {
    for (const path of pendingOpens.splice(0)) void openFromSystem(path);
  });
}

app.on('open-file', (event, path) => {
  event.preventDefault();
  void openFromSystem(path);
});
app.on('second-instance', (_event, argv, cwd) => {
  const window = windows.first();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
  for (const path of documentArgs(argv, cwd)) void openFromSystem(path);
});

void app.whenReady().then(() => {
  const userData = app.getPath('userData');
  app.setAboutPanelOptions({
    applicationName: 'Corolab',
    applicationVersion: app.getVersion(),
    copyright: 'MIT License',
    credits: 'Python asyncio on a virtual clock, in Pyodide (CPython compiled to WebAssembly).',
  });

  setupSecurity({ app, session: electronSession.defaultSession, devServer });
  serveRenderer(protocol, join(here, '../renderer'));

  const ipc = createIpcRouter(
    ipcMain,
    makeTrustCheck((contents) => windows.owns(contents), (url) => isAppUrl(url, devServer)),
  );
  session = new DocumentSession(join(userData, 'recent-files.json'), (paths) => {
    onRecentChanged(paths);
    if (paths[0]) app.addRecentDocument(paths[0]);
  });
  runtime = setupRuntime({
    ipc,
    workerPath,
    broadcast: (channel, payload) => windows.all().forEach((w) => sendEvent(w.webContents, channel, payload)),
    sendRunEvent: (sender, channel, payload) => sendEvent(sender, channel, payload),
  });
  setupFiles({
    ipc,
    dialog,
    session,
    recovery: new RecoveryStore(join(userData, 'recovery')),
    windowOf: (event) => windows.fromContents(event.sender),
    closeWindow: (window) => {
      windows.allowClose(window);
      window.close();
    },
  });
  setupMenu();
  createWindow();

  app.on('activate', () => {
    if (!windows.first()) createWindow();
  });
});

// On macOS the app stays open without windows, unless the user chose Quit.
let quitting = false;
app.on('before-quit', () => {
  quitting = true;
});
app.on('window-all-closed', () => {
  if (quitting || process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  void runtime?.dispose();
});
