/**
 * The lesson index (assets/examples/lessons.json) and programs, bundled by
 * vite. Globs rather than imports, so the build still works before the
 * lessons exist.
 */
import { z } from 'zod';

export const Lesson = z.looseObject({
  id: z.string(),
  file: z.string(),
  title: z.object({ en: z.string(), ko: z.string() }),
});
export type Lesson = z.infer<typeof Lesson>;

const index = import.meta.glob('../../assets/examples/lessons.json', { eager: true, import: 'default' });
const programs = import.meta.glob('../../assets/examples/**/*.py', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

function parseIndex(): Lesson[] {
  const raw = Object.values(index)[0];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : (raw as { lessons?: unknown }).lessons;
  const parsed = z.array(Lesson).safeParse(list);
  return parsed.success ? parsed.data : [];
}

export const LESSONS: Lesson[] = parseIndex();

export function lessonSource(lesson: Lesson): string | undefined {
  return programs[`../../assets/examples/${lesson.file}`];
}
