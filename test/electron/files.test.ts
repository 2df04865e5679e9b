import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync, closeSync, ftruncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentSession } from '../../electron/main/document-session';
import { checkImage, readDocument, writeImage, writeProject } from '../../electron/main/file-service';
import { RecoveryStore } from '../../electron/main/recovery';
import { parseProject, serializeProject } from '../../shared/project';
import type { ProjectContent } from '../../shared/project';

const lesson: ProjectContent = {
  title: 'Lesson 3: tasks',
  workspace: { blocks: { languageVersion: 0, blocks: [{ type: 'asyncio_run', id: 'a1', x: 10, y: 20 }] } },
  source: 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("done")\n\nasyncio.run(main())\n',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'corolab-files-'));
});

function session(): DocumentSession {
  return new DocumentSession(join(dir, 'recent.json'));
}

describe('project file format', () => {
  it('round-trips a project', () => {
    expect(parseProject(serializeProject(lesson))).toEqual(lesson);
  });

  it.each([
    ['truncated JSON', serializeProject(lesson).slice(0, 60), /not valid JSON/],
    ['a JSON array', '[1, 2, 3]', /no project object/],
    ['another JSON file', '{"name": "package", "version": "1.0.0"}', /format marker/],
    ['a newer version', JSON.stringify({ format: 'corolab-project', version: 99, title: 't', workspace: null, source: '' }), /newer Corolab/],
    ['source of the wrong type', JSON.stringify({ format: 'corolab-project', version: 1, title: 't', workspace: null, source: 42 }), /source/],
    ['workspace of the wrong type', JSON.stringify({ format: 'corolab-project', version: 1, title: 't', workspace: 'blocks', source: '' }), /workspace/],
  ])('rejects %s with a clear message', (_name, text, message) => {
    expect(() => parseProject(text)).toThrow(message);
  });
});

describe('reading documents', () => {
  it('opens a project and a Python file', async () => {
    const project = join(dir, 'lesson.corolab');
    await writeProject(project, lesson);
    const opened = await readDocument(project);
    expect(opened.kind === 'project' && opened.project).toEqual(lesson);

    writeFileSync(join(dir, 'hello world.py'), 'print("hi")\n');
    const py = await readDocument(join(dir, 'hello world.py'));
    expect(py).toMatchObject({ kind: 'python', source: 'print("hi")\n', title: 'hello world' });
  });

  it('refuses a 50 MB file before reading it', async () => {
    const junk = join(dir, 'junk.corolab');
    const fd = openSync(junk, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    writeSync(fd, 'not json', 0);
    closeSync(fd);
    await expect(readDocument(junk)).rejects.toThrow(/too large \(50\.0 MB; the limit is 10\.0 MB\)/);
  });

  it('refuses files that are not projects or Python, binary files and relative paths', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    await expect(readDocument(join(dir, 'notes.txt'))).rejects.toThrow(/neither a Corolab project/);
    writeFileSync(join(dir, 'bin.py'), Buffer.from([0x66, 0x00, 0xff, 0xfe]));
    await expect(readDocument(join(dir, 'bin.py'))).rejects.toThrow(/bin\.py cannot be read as Python: SyntaxError: Non-UTF-8 code starting with '\\xff'/);
    await expect(readDocument('lesson.corolab')).rejects.toThrow(/full path/);
  });

  it('reads a Python file as python3 does: past a byte order mark, in the encoding its coding comment names', async () => {
    writeFileSync(join(dir, 'bom.py'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('print("hi")\r\n')]));
    const bom = await readDocument(join(dir, 'bom.py'));
    expect(bom.kind === 'python' && bom.source).toBe('print("hi")\r\n');
    writeFileSync(join(dir, 'latin.py'), Buffer.from('# coding: latin-1\nprint("caf\xe9")\n', 'latin1'));
    const latin = await readDocument(join(dir, 'latin.py'));
    expect(latin.kind === 'python' && latin.source).toBe('# coding: latin-1\nprint("café")\n');
  });

  it('refuses a project-named link to some other file', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'password');
    symlinkSync(secret, join(dir, 'trick.corolab'));
    await expect(readDocument(join(dir, 'trick.corolab'))).rejects.toThrow(/link to secret\.txt/);
    mkdirSync(join(dir, 'folder.corolab'));
    await expect(readDocument(join(dir, 'folder.corolab'))).rejects.toThrow(/not a regular file/);
  });
});

describe('writing documents', () => {
  it('writes atomically: no temporary files, old content replaced whole', async () => {
    const file = join(dir, 'a.corolab');
    await writeProject(file, lesson);
    await writeProject(file, { ...lesson, title: 'second' });
    expect(parseProject(readFileSync(file, 'utf8')).title).toBe('second');
    expect(readdirSync(dir)).toEqual(['a.corolab']);
  });

  it('adds the extension to a bare name and refuses other extensions', async () => {
    expect(await writeProject(join(dir, 'untitled'), lesson)).toBe(join(dir, 'untitled.corolab'));
    await expect(writeProject(join(dir, 'notes.txt'), lesson)).rejects.toThrow(/must end in \.corolab/);
  });

  it('will not let a link redirect a save onto another kind of file', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'evil.corolab'));
    await expect(writeProject(join(dir, 'evil.corolab'), lesson)).rejects.toThrow(/links to victim\.txt/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('refuses a project that does not match the schema, leaving the file as it was', async () => {
    const file = join(dir, 'keep.corolab');
    await writeProject(file, lesson);
    const before = readFileSync(file, 'utf8');
    await expect(writeProject(file, { ...lesson, source: 7 } as unknown as ProjectContent)).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('checks exported images are what they claim to be', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(await writeImage(join(dir, 'timeline'), 'png', png)).toBe(join(dir, 'timeline.png'));
    expect(readFileSync(join(dir, 'timeline.png'))).toEqual(Buffer.from(png));
    expect(() => checkImage('png', new TextEncoder().encode('<svg/>'))).toThrow(/not a PNG/);
    expect(() => checkImage('svg', png)).toThrow(/not an SVG/);
    checkImage('svg', new TextEncoder().encode('<?xml version="1.0"?><svg/>'));
  });
});

describe('the open document', () => {
  it('keeps the previous file when a corrupt one is opened', async () => {
    const s = session();
    const good = join(dir, 'good.corolab');
    await writeProject(good, lesson);
    expect((await s.open(good)).ok).toBe(true);

    const cases: [string, string | Buffer][] = [
      ['truncated.corolab', serializeProject(lesson).slice(0, 100)],
      ['wrong-types.corolab', JSON.stringify({ format: 'corolab-project', version: 1, title: ['x'], workspace: null, source: '' })],
      ['junk.corolab', Buffer.alloc(1024, 0xff)],
    ];
    for (const [name, content] of cases) {
      writeFileSync(join(dir, name), content);
      const outcome = await s.open(join(dir, name));
      expect(outcome.ok, name).toBe(false);
      expect(!outcome.ok && outcome.message, name).toMatch(name);
      expect(s.currentPath).toBe(good);
    }
    const saved = await s.save({ ...lesson, title: 'edited' });
    expect(saved).toMatchObject({ ok: true, path: good });
    expect(parseProject(readFileSync(good, 'utf8')).title).toBe('edited');
    expect(readFileSync(join(dir, 'truncated.corolab'), 'utf8')).toBe(serializeProject(lesson).slice(0, 100));
  });

  it('never saves over an opened Python file', async () => {
    const s = session();
    writeFileSync(join(dir, 'prog.py'), 'print(1)\n');
    expect((await s.open(join(dir, 'prog.py'))).ok).toBe(true);
    expect(s.currentPath).toBeUndefined();
    expect(await s.save(lesson)).toMatchObject({ ok: false });
    expect(readFileSync(join(dir, 'prog.py'), 'utf8')).toBe('print(1)\n');
  });

  it('keeps recent files across sessions, newest first, and drops ones that are gone', async () => {
    const s = session();
    for (const name of ['a', 'b', 'c']) await writeProject(join(dir, `${name}.corolab`), lesson);
    for (const name of ['a', 'b', 'c', 'a']) await s.open(join(dir, `${name}.corolab`));
    const again = session();
    expect(again.recentPaths()).toEqual(['a', 'c', 'b'].map((n) => join(dir, `${n}.corolab`)));
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'c.corolab'));
    expect(await again.openRecent(1)).toMatchObject({ ok: false });
    expect(again.recentPaths()).toEqual(['a', 'b'].map((n) => join(dir, `${n}.corolab`)));
  });
});

describe('crash recovery', () => {
  it('keeps autosaved work until cleared', async () => {
    const store = new RecoveryStore(join(dir, 'recovery'));
    expect(await store.read()).toBeNull();
    await store.write(lesson);
    expect(await new RecoveryStore(join(dir, 'recovery')).read()).toEqual(lesson);
    await store.clear();
    expect(await store.read()).toBeNull();
  });

  it('ignores a damaged autosave and one planted as a link to a file elsewhere', async () => {
    const recovery = join(dir, 'recovery');
    mkdirSync(recovery);
    writeFileSync(join(recovery, 'autosave.corolab'), '{"format": "corolab-project", "version": 1, "tit');
    expect(await new RecoveryStore(recovery).read()).toBeNull();

    const outside = join(dir, 'outside.corolab');
    await writeProject(outside, lesson);
    const { rmSync } = await import('node:fs');
    rmSync(join(recovery, 'autosave.corolab'));
    symlinkSync(outside, join(recovery, 'autosave.corolab'));
    const store = new RecoveryStore(recovery);
    expect(await store.read()).toBeNull();
    // Writing replaces the planted link instead of writing through it.
    await store.write({ ...lesson, title: 'autosaved' });
    expect(parseProject(readFileSync(outside, 'utf8')).title).toBe(lesson.title);
    expect((await store.read())?.title).toBe('autosaved');
  });
});
