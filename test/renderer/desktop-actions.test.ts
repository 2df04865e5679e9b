import { describe, expect, it } from 'vitest';
import { desktopActions } from '../../renderer/store/desktop-actions';
import { useStore } from '../../renderer/store/store';

describe('the store as the desktop shell sees it', () => {
  it('opens a Python file as a raw-Python block that is not yet an edit', () => {
    desktopActions.loadPython('print("hi")\n', 'hello.py');
    const s = useStore.getState();
    expect(s.title).toBe('hello.py');
    expect(s.filename).toBe('hello.py');
    expect(s.workspace).toEqual({
      blocks: { languageVersion: 0, blocks: [{ type: 'aio_raw', x: 40, y: 40, fields: { CODE: 'print("hi")' } }] },
    });
    expect(desktopActions.isDirty()).toBe(false);
  });

  it('tracks edits until saved, and hands back the project', () => {
    // What the editor reports after loading, then after an edit.
    useStore.getState().setProgram({ v: 1 }, 'print("hi")\n', ['a']);
    expect(desktopActions.isDirty()).toBe(false);
    useStore.getState().setProgram({ v: 2 }, 'print("hi")\nprint("more")\n', ['a', 'b']);
    expect(desktopActions.isDirty()).toBe(true);
    expect(desktopActions.currentProject()).toEqual({ workspace: { v: 2 }, source: 'print("hi")\nprint("more")\n', title: 'hello.py' });
    desktopActions.markSaved('hello.corolab');
    expect(desktopActions.isDirty()).toBe(false);
    expect(desktopActions.currentProject().title).toBe('hello.corolab');
  });

  it('loads a saved project and reports errors to the user', () => {
    desktopActions.loadProject({ workspace: { blocks: {} }, source: '', title: 'saved' });
    expect(useStore.getState().workspace).toEqual({ blocks: {} });
    expect(useStore.getState().title).toBe('saved');
    desktopActions.showError('could not read saved.corolab');
    expect(useStore.getState().error).toBe('could not read saved.corolab');
  });

  it('refuses to export before there is a run, and steps nowhere', async () => {
    const before = useStore.getState().cursor;
    desktopActions.step('forward', 'line');
    expect(useStore.getState().cursor).toBe(before);
    await expect(desktopActions.exportTimeline('png', 1, 'all')).rejects.toThrow(/Run the program first/);
  });
});
