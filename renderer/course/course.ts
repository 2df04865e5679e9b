/**
 * The course (assets/course/course.json), bundled by vite and validated with
 * the shared schema. A glob rather than an import, so the build still works
 * without the file.
 */
import { Course } from '../../shared/course';
import type { CourseLesson } from '../../shared/course';

export type { CourseLesson };

const file = import.meta.glob('../../assets/course/course.json', { eager: true, import: 'default' });

function parseCourse(): CourseLesson[] {
  const raw = Object.values(file)[0];
  if (raw === undefined) return [];
  const parsed = Course.safeParse(raw);
  if (!parsed.success) console.error(`assets/course/course.json is invalid: ${parsed.error.message}`);
  return parsed.success ? parsed.data.lessons : [];
}

export const COURSE: CourseLesson[] = parseCourse();

export function lessonById(id: string | undefined): CourseLesson | undefined {
  return id === undefined ? undefined : COURSE.find((l) => l.id === id);
}
