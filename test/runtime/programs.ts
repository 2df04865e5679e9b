/** The programs compared against native CPython, and where their expected outputs live. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LessonIndex } from '../../shared/lessons.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** In CI the repository is cloned with the `shared/` folder beside it. */
export const ORACLE_DIR = process.env.COROLAB_ORACLE ?? resolve(ROOT, '../shared/oracle');
export const COMPARE = resolve(ORACLE_DIR, 'compare.py');
export const EXPECTED_DIR = resolve(ROOT, 'test/expected');

export interface Program {
  name: string;
  path: string;
  /** Virtual seconds the lesson index says it runs for. */
  expectedSeconds?: number;
}

export function lessonPrograms(): Program[] {
  const examples = resolve(ROOT, 'assets/examples');
  const index = LessonIndex.parse(JSON.parse(readFileSync(resolve(examples, 'lessons.json'), 'utf8')));
  return index.map((lesson) => ({
    name: basename(lesson.file, '.py'),
    path: resolve(examples, lesson.file),
    expectedSeconds: lesson.expectedSeconds,
  }));
}

export function testPrograms(): Program[] {
  const dir = resolve(ROOT, 'test/programs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => ({ name: basename(f, '.py'), path: resolve(dir, f) }));
}

export interface Expected {
  stampedPath: string;
  exitCode: number;
  /** Last line of native stderr (the exception), if it wrote any. */
  lastStderrLine?: string;
}

export function readExpected(name: string): Expected | undefined {
  const stampedPath = resolve(EXPECTED_DIR, `${name}.txt`);
  const exitPath = resolve(EXPECTED_DIR, `${name}.exit`);
  if (!existsSync(stampedPath) || !existsSync(exitPath)) return undefined;
  const errPath = resolve(EXPECTED_DIR, `${name}.err`);
  return {
    stampedPath,
    exitCode: Number(readFileSync(exitPath, 'utf8').trim()),
    lastStderrLine: existsSync(errPath) ? readFileSync(errPath, 'utf8').trim() : undefined,
  };
}

export function lastLine(text: string): string | undefined {
  return text.split('\n').filter((l) => l.trim() !== '').at(-1);
}
