/**
 * What the desktop shell (menus, file dialogs, drag-and-drop onto the window)
 * can ask of the renderer. The renderer's store implements it; the desktop
 * glue (connect.ts) wires it to the preload bridge when running in Electron.
 */
export interface ProjectContent {
  /** Blockly workspace state (Blockly.serialization.workspaces.save). */
  workspace: unknown;
  /** Python source generated from the blocks (or opened as text). */
  source: string;
  title: string;
}

export interface DesktopActions {
  /** The open project, to be saved. */
  currentProject(): ProjectContent;
  /** Replaces the open project (after Open / New / recovery). */
  loadProject(project: ProjectContent): void;
  /** Opens a plain Python file (as blocks where possible). */
  loadPython(source: string, title: string): void;
  /** True when there are changes since the last save. */
  isDirty(): boolean;
  markSaved(title: string): void;
  run(): void;
  stop(): void;
  step(direction: 'forward' | 'back', unit: 'line' | 'step' | 'iteration'): void;
  /** Renders the timeline; the shell saves the bytes where the user chose. */
  exportTimeline(format: 'png' | 'svg', scale: 1 | 2, scope: 'view' | 'all'): Promise<Uint8Array>;
  /** Shows an error to the user (a corrupt file, a failed save...). */
  showError(message: string): void;
}
