/**
 * Wires the desktop shell to the renderer's store: native menu commands,
 * Open / Save through main's dialogs, files dropped onto the window, the
 * unsaved-changes prompt on close, and the crash-recovery autosave.
 * Does nothing outside Electron (no `window.corolab`).
 */
import type { CorolabBridge, MenuCommand, OpenResult, SaveResult } from '../../shared/ipc';
import { PROJECT_EXTENSION, PYTHON_EXTENSION, ProjectContent as ProjectSchema } from '../../shared/project';
import type { DesktopActions, ProjectContent } from './actions';

/** How often unsaved work is handed to main for crash recovery. */
export const AUTOSAVE_MS = 5000;
/** How often the window title and "edited" mark follow the document. */
const STATE_MS = 1000;

export interface ConnectOptions {
  bridge?: CorolabBridge;
  /** Where files are dropped and keys are heard: the window. */
  target?: EventTarget;
}

export function connectDesktop(actions: DesktopActions, options: ConnectOptions = {}): () => void {
  const bridge = options.bridge ?? globalThis.window?.corolab;
  const target = options.target ?? globalThis.window;
  if (!bridge || !target) return () => {};
  const desktop = new DesktopConnection(actions, bridge);
  return desktop.start(target);
}

const EMPTY_PROJECT: ProjectContent = { workspace: null, source: '', title: 'Untitled' };

export class DesktopConnection {
  private lastAutosave: string | undefined;
  private lastState = '';
  private busy = false;

  constructor(
    private readonly actions: DesktopActions,
    private readonly bridge: CorolabBridge,
  ) {}

  start(target: EventTarget): () => void {
    const offs = [
      this.bridge.onMenuCommand((command) => void this.command(command)),
      this.bridge.onCloseRequested(() => void this.closeRequested()),
    ];
    const onDragOver = (event: Event) => {
      const drag = event as DragEvent;
      if (drag.dataTransfer?.types.includes('Files')) {
        event.preventDefault();
        drag.dataTransfer.dropEffect = 'copy';
      }
    };
    const onDrop = (event: Event) => {
      event.preventDefault();
      const file = (event as DragEvent).dataTransfer?.files[0];
      if (file) void this.openDropped(file);
    };
    target.addEventListener('dragover', onDragOver);
    target.addEventListener('drop', onDrop);
    const autosave = setInterval(() => void this.autosave(), AUTOSAVE_MS);
    const state = setInterval(() => this.syncState(), STATE_MS);
    void this.recover();
    return () => {
      offs.forEach((off) => off());
      target.removeEventListener('dragover', onDragOver);
      target.removeEventListener('drop', onDrop);
      clearInterval(autosave);
      clearInterval(state);
    };
  }

  async command(command: MenuCommand): Promise<void> {
    switch (command.command) {
      case 'new':
        return this.exclusive(async () => {
          if (!(await this.confirmDiscard())) return;
          await this.bridge.newDocument();
          this.actions.loadProject(EMPTY_PROJECT);
          this.actions.markSaved(EMPTY_PROJECT.title);
          await this.afterCleanState();
        });
      case 'open':
        return this.exclusive(async () => {
          if (await this.confirmDiscard()) this.applyOpen(await this.bridge.open());
        });
      case 'open-recent':
        return this.exclusive(async () => {
          if (await this.confirmDiscard()) this.applyOpen(await this.bridge.openRecent(command.index));
        });
      case 'save':
        return this.exclusive(async () => void (await this.save(false)));
      case 'save-as':
        return this.exclusive(async () => void (await this.save(true)));
      case 'run':
        return this.actions.run();
      case 'stop':
        return this.actions.stop();
      case 'step':
        return this.actions.step(command.direction, command.unit);
      case 'export':
        return this.exportTimeline(command.format);
    }
  }

  async openDropped(file: File): Promise<void> {
    const name = file.name.toLowerCase();
    if (!name.endsWith(PROJECT_EXTENSION) && !name.endsWith(PYTHON_EXTENSION)) {
      this.actions.showError(`${file.name} cannot be opened: drop a Corolab project (${PROJECT_EXTENSION}) or a Python file (${PYTHON_EXTENSION}).`);
      return;
    }
    await this.exclusive(async () => {
      if (await this.confirmDiscard()) this.applyOpen(await this.bridge.openDropped(file));
    });
  }

  /** True when the open document may be replaced: it is saved, saved now, or the user let it go. */
  async confirmDiscard(): Promise<boolean> {
    if (!this.actions.isDirty()) return true;
    const choice = await this.bridge.askUnsavedChanges(this.actions.currentProject().title);
    if (choice === 'cancel') return false;
    if (choice === 'save') return this.save(false);
    return true;
  }

  async closeRequested(): Promise<void> {
    await this.exclusive(async () => {
      if (!(await this.confirmDiscard())) return;
      await this.bridge.clearAutosave();
      await this.bridge.closeWindow();
    });
  }

  private applyOpen(result: OpenResult): void {
    if (result.status === 'error') return this.actions.showError(result.message);
    if (result.status === 'canceled') return;
    if (result.status === 'project') {
      this.actions.loadProject(result.project);
      this.actions.markSaved(result.project.title);
    } else {
      // An opened .py becomes a new, unsaved project: Save asks where to put it.
      this.actions.loadPython(result.source, result.title);
    }
    void this.afterCleanState();
  }

  private async save(as: boolean): Promise<boolean> {
    const content = this.project();
    const result: SaveResult = as ? await this.bridge.saveAs(content) : await this.bridge.save(content);
    if (result.status === 'error') this.actions.showError(result.message);
    if (result.status !== 'saved') return false;
    this.actions.markSaved(result.title);
    await this.afterCleanState();
    return true;
  }

  private async exportTimeline(format: 'png' | 'svg'): Promise<void> {
    try {
      const bytes = await this.actions.exportTimeline(format, format === 'png' ? 2 : 1, 'all');
      const result = await this.bridge.exportTimeline(format, bytes);
      if (result.status === 'error') this.actions.showError(result.message);
    } catch (err) {
      this.actions.showError(`Could not export the timeline: ${(err as Error).message}`);
    }
  }

  /** Hands unsaved work to main every few seconds, only when it changed. */
  async autosave(): Promise<void> {
    if (!this.actions.isDirty()) return;
    let content: ProjectSchema;
    try {
      content = this.project();
    } catch {
      return;
    }
    const text = JSON.stringify(content);
    if (text === this.lastAutosave) return;
    this.lastAutosave = text;
    await this.bridge.autosave(content).catch(() => {
      this.lastAutosave = undefined;
    });
  }

  private async afterCleanState(): Promise<void> {
    this.lastAutosave = undefined;
    this.syncState();
    await this.bridge.clearAutosave().catch(() => {});
  }

  private syncState(): void {
    const dirty = this.actions.isDirty();
    const title = this.actions.currentProject().title;
    const key = `${dirty}\u0000${title}`;
    if (key === this.lastState) return;
    this.lastState = key;
    void this.bridge.setDocumentState({ dirty, title: title.slice(0, 200) }).catch(() => {});
  }

  private async recover(): Promise<void> {
    const content = await this.bridge.recover().catch(() => null);
    if (content) this.actions.loadProject(content);
  }

  /** The open project in the shape the project file holds (throws a readable error if the store's is off). */
  private project(): ProjectSchema {
    const parsed = ProjectSchema.safeParse(this.actions.currentProject());
    if (!parsed.success) throw new Error(`The project cannot be saved: ${parsed.error.issues[0]?.message ?? 'it is malformed'}.`);
    return parsed.data;
  }

  /** One file command at a time: a second Open while a dialog is up is ignored. */
  private async exclusive(task: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await task();
    } catch (err) {
      this.actions.showError((err as Error).message);
    } finally {
      this.busy = false;
    }
  }
}
