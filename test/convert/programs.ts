/** The programs the conversion is tested on: every lesson and the corpus in test/corpus/. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ROOT, lessonPrograms } from '../runtime/programs.js';

export interface Source {
  name: string;
  path: string;
  source: string;
}

export const CORPUS_DIR = resolve(ROOT, 'test/corpus');

export function lessonSources(): Source[] {
  return lessonPrograms().map((p) => ({ name: p.name, path: p.path, source: readFileSync(p.path, 'utf8') }));
}

export function corpusSources(): Source[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => {
      const path = resolve(CORPUS_DIR, f);
      return { name: basename(f, '.py'), path, source: readFileSync(path, 'utf8') };
    });
}
