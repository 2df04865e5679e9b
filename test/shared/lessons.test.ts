import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LessonIndex } from '../../shared/lessons.js';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/examples');
const readIndex = () => JSON.parse(readFileSync(resolve(examples, 'lessons.json'), 'utf8')) as unknown;

describe('lesson index', () => {
  it('matches the schema', () => {
    const parsed = LessonIndex.safeParse(readIndex());
    expect(parsed.success, parsed.error?.message).toBe(true);
  });

  it('lists files that exist', () => {
    const missing = LessonIndex.parse(readIndex())
      .map((lesson) => lesson.file)
      .filter((file) => !existsSync(resolve(examples, file)));
    expect(missing).toEqual([]);
  });

  it('lists every program in the folder', () => {
    const listed = new Set(LessonIndex.parse(readIndex()).map((lesson) => lesson.file));
    const onDisk = readdirPy(examples);
    expect(onDisk.filter((file) => !listed.has(file))).toEqual([]);
  });

  it('rejects duplicate ids and malformed entries', () => {
    const lessons = LessonIndex.parse(readIndex());
    expect(LessonIndex.safeParse([...lessons, lessons[0]]).success).toBe(false);
    expect(LessonIndex.safeParse([{ ...lessons[0], title: { en: 'only English' } }]).success).toBe(false);
  });
});

function readdirPy(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.py'));
}
