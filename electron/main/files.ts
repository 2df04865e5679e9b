/**
 * File commands over IPC: the native Open / Save dialogs, recent files,
 * dropped files, timeline export, the unsaved-changes prompt and the
 * crash-recovery autosave. Paths never come from the renderer except for a
 * file the user dropped onto the window, and that goes through the same
 * checks as Open.
 */
import type { BrowserWindow, Dialog, IpcMainInvokeEvent } from 'electron';
import { basename } from 'node:path';
import { PROJECT_EXTENSION } from '../../shared/project.js';
import type { OpenResult, SaveResult } from '../../shared/ipc.js';
import type { DocumentSession, OpenOutcome, SaveOutcome } from './document-session.js';
import { messageOf } from './document-session.js';
import { writeImage } from './file-service.js';
import type { IpcRouter } from './ipc.js';
import type { RecoveryStore } from './recovery.js';

export interface FilesDeps {
  ipc: IpcRouter;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  session: DocumentSession;
  recovery: RecoveryStore;
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | undefined;
  /** Lets the window close without asking the renderer again. */
  closeWindow: (window: BrowserWindow) => void;
}

const PROJECT_FILTER = { name: 'Corolab project', extensions: [PROJECT_EXTENSION.slice(1)] };
const OPEN_FILTERS = [
  { name: 'Corolab project or Python file', extensions: ['corolab', 'py'] },
  PROJECT_FILTER,
  { name: 'Python file', extensions: ['py'] },
];

export function toOpenResult(outcome: OpenOutcome): OpenResult {
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  const doc = outcome.document;
  return doc.kind === 'project'
    ? { status: 'project', project: doc.project, fileName: doc.fileName }
    : { status: 'python', source: doc.source, title: doc.title, fileName: doc.fileName };
}

export function toSaveResult(outcome: SaveOutcome): SaveResult {
  return outcome.ok ? { status: 'saved', title: outcome.title, fileName: basename(outcome.path) } : { status: 'error', message: outcome.message };
}

export function setupFiles({ ipc, dialog, session, recovery, windowOf, closeWindow }: FilesDeps): void {
  const parent = (event: IpcMainInvokeEvent) => {
    const window = windowOf(event);
    if (!window) throw new Error('no window for this request');
    return window;
  };

  const saveAs = async (event: IpcMainInvokeEvent, content: Parameters<DocumentSession['save']>[0]): Promise<SaveResult> => {
    const choice = await dialog.showSaveDialog(parent(event), {
      title: 'Save Project',
      defaultPath: session.currentPath ?? `${content.title || 'Untitled'}${PROJECT_EXTENSION}`,
      filters: [PROJECT_FILTER],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { status: 'canceled' };
    return toSaveResult(await session.save(content, choice.filePath));
  };

  ipc.handle('file:new', () => {
    session.newDocument();
  });
  ipc.handle('file:open', async (_request, event) => {
    const choice = await dialog.showOpenDialog(parent(event), { title: 'Open', filters: OPEN_FILTERS, properties: ['openFile'] });
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return { status: 'canceled' };
    return toOpenResult(await session.open(path));
  });
  ipc.handle('file:open-recent', async ({ index }) => toOpenResult(await session.openRecent(index)));
  ipc.handle('file:open-dropped', async ({ path }) => toOpenResult(await session.open(path)));
  ipc.handle('file:save', async ({ content }, event) =>
    session.currentPath ? toSaveResult(await session.save(content)) : saveAs(event, content),
  );
  ipc.handle('file:save-as', ({ content }, event) => saveAs(event, content));
  ipc.handle('file:recent', () => session.recentPaths().map((path) => ({ name: basename(path), path })));
  ipc.handle('file:export', async ({ format, bytes }, event) => {
    const choice = await dialog.showSaveDialog(parent(event), {
      title: `Export Timeline as ${format.toUpperCase()}`,
      defaultPath: `timeline.${format}`,
      filters: [{ name: `${format.toUpperCase()} image`, extensions: [format] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { status: 'canceled' };
    try {
      const path = await writeImage(choice.filePath, format, bytes);
      return { status: 'saved', title: basename(path), fileName: basename(path) };
    } catch (err) {
      return { status: 'error', message: `Could not export the timeline: ${messageOf(err)}` };
    }
  });
  ipc.handle('doc:state', ({ dirty, title }, event) => {
    const window = parent(event);
    window.setTitle(`${dirty ? '• ' : ''}${title || 'Untitled'} — Corolab`);
    window.setDocumentEdited(dirty);
  });
  ipc.handle('autosave:write', async ({ content }) => {
    await recovery.write(content);
  });
  ipc.handle('autosave:clear', async () => {
    await recovery.clear();
  });
  ipc.handle('autosave:recover', async (_request, event) => {
    const content = await recovery.read();
    if (!content) return null;
    const { response } = await dialog.showMessageBox(parent(event), {
      type: 'question',
      buttons: ['Restore', 'Discard'],
      defaultId: 0,
      cancelId: 1,
      message: 'Corolab did not close properly last time.',
      detail: `Restore the unsaved work "${content.title || 'Untitled'}"?`,
    });
    if (response !== 0) {
      await recovery.clear();
      return null;
    }
    return content;
  });
  ipc.handle('dialog:unsaved', async ({ title }, event) => {
    const { response } = await dialog.showMessageBox(parent(event), {
      type: 'warning',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: `Save the changes to "${title || 'Untitled'}"?`,
      detail: 'Your changes will be lost if you do not save them.',
    });
    return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
  });
  ipc.handle('app:close', (_request, event) => {
    closeWindow(parent(event));
  });
}
