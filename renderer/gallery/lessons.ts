/**
 * The lesson index (assets/examples/lessons.json) and programs, bundled by
 * vite. Globs rather than imports, so the build still works without them.
 */
import { LessonIndex } from '../../shared/lessons';
import type { Lesson } from '../../shared/lessons';

export type { Lesson };

const index = import.meta.glob('../../assets/examples/lessons.json', { eager: true, import: 'default' });
const programs = import.meta.glob('../../assets/examples/*.py', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

function parseIndex(): Lesson[] {
  const raw = Object.values(index)[0];
  if (raw === undefined) return [];
  const parsed = LessonIndex.safeParse(raw);
  if (!parsed.success) console.error(`assets/examples/lessons.json is invalid: ${parsed.error.message}`);
  return parsed.success ? parsed.data : [];
}

export const LESSONS: Lesson[] = parseIndex();

export function lessonSource(lesson: Lesson): string | undefined {
  return programs[`../../assets/examples/${lesson.file}`];
}
