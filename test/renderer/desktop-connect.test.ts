/** The desktop glue against a fake bridge and a fake store: prompts, drops, autosave, export. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DesktopConnection, connectDesktop } from '../../renderer/desktop/connect';
import type { DesktopActions, ProjectContent } from '../../renderer/desktop/actions';
import type { CorolabBridge, MenuCommand } from '../../shared/ipc';

function fakeStore(initial: ProjectContent) {
  let project = initial;
  let dirty = false;
  const log: string[] = [];
  const actions: DesktopActions = {
    currentProject: () => project,
    loadProject: (p) => {
      project = p;
      dirty = false;
      log.push(`load ${p.title}`);
    },
    loadPython: (source, title) => {
      project = { workspace: null, source, title };
      dirty = true;
      log.push(`python ${title}`);
    },
    isDirty: () => dirty,
    markSaved: (title) => {
      dirty = false;
      log.push(`saved ${title}`);
    },
    run: () => void log.push('run'),
    stop: () => void log.push('stop'),
    step: (d, u) => void log.push(`step ${d} ${u}`),
    exportTimeline: async (format) => new TextEncoder().encode(format === 'svg' ? '<svg/>' : 'png'),
    showError: (message) => void log.push(`error ${message}`),
  };
  return { actions, log, edit: (p: Partial<ProjectContent>) => ((project = { ...project, ...p }), (dirty = true)) };
}

function fakeBridge(overrides: Partial<CorolabBridge> = {}) {
  const menu = new Set<(c: MenuCommand) => void>();
  const close = new Set<() => void>();
  const bridge = {
    platform: 'linux',
    askUnsavedChanges: vi.fn(async () => 'cancel' as const),
    open: vi.fn(async () => ({ status: 'project' as const, project: { title: 'Opened', workspace: {}, source: 'x' }, fileName: 'o.corolab' })),
    openRecent: vi.fn(),
    openDropped: vi.fn(async () => ({ status: 'python' as const, source: 'print(1)', title: 'drop', fileName: 'drop.py' })),
    save: vi.fn(async (c: ProjectContent) => ({ status: 'saved' as const, title: c.title, fileName: 'f.corolab' })),
    saveAs: vi.fn(),
    newDocument: vi.fn(async () => {}),
    exportTimeline: vi.fn(async () => ({ status: 'saved' as const, title: 't', fileName: 'timeline.png' })),
    autosave: vi.fn(async () => {}),
    clearAutosave: vi.fn(async () => {}),
    recover: vi.fn(async () => null),
    setDocumentState: vi.fn(async () => {}),
    closeWindow: vi.fn(async () => {}),
    onMenuCommand: (l: (c: MenuCommand) => void) => (menu.add(l), () => menu.delete(l)),
    onCloseRequested: (l: () => void) => (close.add(l), () => close.delete(l)),
    ...overrides,
  } as unknown as CorolabBridge & Record<string, ReturnType<typeof vi.fn>>;
  return { bridge, menu: (c: MenuCommand) => menu.forEach((l) => l(c)), requestClose: () => close.forEach((l) => l()) };
}

const start: ProjectContent = { title: 'Lesson', workspace: {}, source: 'print(0)' };

describe('desktop glue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks before Open replaces unsaved work, and Cancel keeps it', async () => {
    const store = fakeStore(start);
    const { bridge } = fakeBridge();
    const desktop = new DesktopConnection(store.actions, bridge);
    store.edit({ source: 'print("edited")' });
    await desktop.command({ command: 'open' });
    expect(bridge.askUnsavedChanges).toHaveBeenCalledWith('Lesson');
    expect(bridge.open).not.toHaveBeenCalled();
    expect(store.actions.currentProject().source).toBe('print("edited")');
  });

  it('saves first when the user chooses Save, then opens', async () => {
    const store = fakeStore(start);
    const { bridge } = fakeBridge({ askUnsavedChanges: vi.fn(async () => 'save' as const) });
    const desktop = new DesktopConnection(store.actions, bridge);
    store.edit({ source: 'print("edited")' });
    await desktop.command({ command: 'open' });
    expect(bridge.save).toHaveBeenCalledWith({ title: 'Lesson', workspace: {}, source: 'print("edited")' });
    expect(store.log).toEqual(['saved Lesson', 'load Opened', 'saved Opened']);
  });

  it('closes the window only after the prompt allows it', async () => {
    const store = fakeStore(start);
    const { bridge, requestClose } = fakeBridge();
    const stop = connectDesktop(store.actions, { bridge, target: new EventTarget() });
    store.edit({ title: 'Lesson' });
    requestClose();
    await vi.waitFor(() => expect(bridge.askUnsavedChanges).toHaveBeenCalled());
    // Let the first prompt finish (a second close while it is up is ignored).
    await vi.advanceTimersByTimeAsync(1);
    expect(bridge.closeWindow).not.toHaveBeenCalled();
    (bridge.askUnsavedChanges as ReturnType<typeof vi.fn>).mockResolvedValue('discard');
    requestClose();
    await vi.waitFor(() => expect(bridge.closeWindow).toHaveBeenCalledTimes(1));
    expect(bridge.clearAutosave).toHaveBeenCalled();
    stop();
  });

  it('opens a dropped .py and refuses other files', async () => {
    const store = fakeStore(start);
    const { bridge } = fakeBridge();
    const target = new EventTarget();
    const stop = connectDesktop(store.actions, { bridge, target });
    const drop = (name: string) => {
      const event = Object.assign(new Event('drop', { cancelable: true }), { dataTransfer: { files: [{ name }], types: ['Files'] } });
      target.dispatchEvent(event);
      return event;
    };
    expect(drop('notes.txt').defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(store.log.at(-1)).toMatch(/^error notes\.txt cannot be opened/));
    drop('prog.py');
    await vi.waitFor(() => expect(store.log.at(-1)).toBe('python drop'));
    expect(bridge.openDropped).toHaveBeenCalledTimes(1);
    stop();
  });

  it('autosaves while dirty, only when the work changed', async () => {
    const store = fakeStore(start);
    const { bridge } = fakeBridge();
    const stop = connectDesktop(store.actions, { bridge, target: new EventTarget() });
    await vi.advanceTimersByTimeAsync(12_000);
    expect(bridge.autosave).not.toHaveBeenCalled();
    store.edit({ source: 'print(1)' });
    await vi.advanceTimersByTimeAsync(12_000);
    expect(bridge.autosave).toHaveBeenCalledTimes(1);
    store.edit({ source: 'print(2)' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(bridge.autosave).toHaveBeenCalledTimes(2);
    expect(bridge.setDocumentState).toHaveBeenLastCalledWith({ dirty: true, title: 'Lesson' });
    stop();
  });

  it('routes run, step and export commands', async () => {
    const store = fakeStore(start);
    const { bridge, menu } = fakeBridge();
    const stop = connectDesktop(store.actions, { bridge, target: new EventTarget() });
    menu({ command: 'run' });
    menu({ command: 'step', direction: 'back', unit: 'iteration' });
    menu({ command: 'export', format: 'svg' });
    await vi.waitFor(() => expect(bridge.exportTimeline).toHaveBeenCalled());
    expect(store.log).toEqual(['run', 'step back iteration']);
    const [format, bytes] = (bridge.exportTimeline as ReturnType<typeof vi.fn>).mock.calls[0]!;
    expect(format).toBe('svg');
    expect(new TextDecoder().decode(bytes as Uint8Array)).toBe('<svg/>');
    stop();
  });

  it('restores autosaved work at start', async () => {
    const store = fakeStore(start);
    const { bridge } = fakeBridge({ recover: vi.fn(async () => ({ title: 'Recovered', workspace: null, source: 'x' })) });
    const stop = connectDesktop(store.actions, { bridge, target: new EventTarget() });
    await vi.waitFor(() => expect(store.log).toContain('load Recovered'));
    stop();
  });
});
