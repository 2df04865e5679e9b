import { describe, expect, it } from 'vitest';
import { desktopActions } from '../../renderer/store/desktop-actions';
import { setRuntimeClient, useStore } from '../../renderer/store/store';
import type { RuntimeClient } from '../../renderer/runtime/client';
import type { BlocksResult } from '../../shared/runtime/protocol';

/** A runtime that answers conversions from a table: what its `ast` would say about each source. */
function parserClient(answers: (source: string, rawOnly: boolean) => BlocksResult): RuntimeClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ready: async () => {},
    run: () => Promise.reject(new Error('not used')),
    stop: () => {},
    toBlocks: async (source, rawOnly = false) => {
      asked.push(rawOnly ? `raw:${source}` : source);
      return answers(source, rawOnly);
    },
  };
}

const ws = (...blocks: Record<string, unknown>[]) => ({ blocks: { languageVersion: 0, blocks } });
const printBlock = (text: string) => ({ type: 'aio_print', x: 0, y: 0, inputs: { VALUE: { block: { type: 'text', fields: { TEXT: text } } } } });

async function settled(): Promise<void> {
  while (useStore.getState().converting) await new Promise((r) => setTimeout(r, 5));
}

describe('the store as the desktop shell sees it', () => {
  it('opens a Python file as blocks, not yet an edit, with no notice', async () => {
    const client = parserClient(() => ({ workspace: ws(printBlock('hi')), dump: 'Expr(print hi)' }));
    setRuntimeClient(client);
    desktopActions.loadPython('print("hi")\n', 'hello.py');
    expect(useStore.getState().converting).toBe(true);
    await settled();
    const s = useStore.getState();
    expect(s.title).toBe('hello.py');
    expect(s.filename).toBe('hello.py');
    expect(s.workspace).toEqual(ws(printBlock('hi')));
    expect(s.tidy).toBe(true);
    expect(s.notice).toBeUndefined();
    // The check re-parses the program the blocks generate.
    expect(client.asked).toEqual(['print("hi")\n', expect.stringContaining("print('hi')")]);
    expect(desktopActions.isDirty()).toBe(false);
  });

  it('falls back to raw Python, with a notice, when the blocks would change the program', async () => {
    const raw = ws({ type: 'aio_raw', x: 0, y: 0, fields: { CODE: 'print("hi")' } });
    setRuntimeClient(parserClient((source, rawOnly) => (rawOnly ? { workspace: raw } : { workspace: ws(printBlock('hi')), dump: source.includes('"') ? 'original' : 'changed' })));
    desktopActions.loadPython('print("hi")\n', 'hello.py');
    await settled();
    expect(useStore.getState().workspace).toEqual(raw);
    expect(useStore.getState().notice).toEqual({ kind: 'raw' });
  });

  it('tells the user about a syntax error, and about a runtime that fails', async () => {
    const raw = ws({ type: 'aio_raw', x: 0, y: 0, fields: { CODE: 'def (' } });
    setRuntimeClient(parserClient(() => ({ workspace: raw, error: 'invalid syntax (line 1)' })));
    await useStore.getState().openPython('def (\n', 'bad.py');
    expect(useStore.getState().notice).toEqual({ kind: 'syntax-error', text: 'invalid syntax (line 1)' });
    expect(useStore.getState().workspace).toEqual(raw);
    setRuntimeClient(parserClient(() => {
      throw new Error('the runtime restarted');
    }));
    await useStore.getState().openPython('print(1)\n', 'x.py');
    expect(useStore.getState().notice).toEqual({ kind: 'failed', text: 'the runtime restarted' });
    useStore.getState().replaceWorkspace(ws(printBlock('hi')), 'hello.py', 'hello.py');
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
