/**
 * The lesson index, `assets/examples/lessons.json`: the course's programs in
 * teaching order, with an English and a Korean title and summary each.
 */
import { z } from 'zod';

export const LocalizedText = z.object({
  en: z.string().min(1),
  ko: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Lesson = z.object({
  /** Stable identifier, e.g. for links and saved progress. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Program file, relative to the folder of the index. */
  file: z.string().regex(/^[\w-]+\.py$/),
  title: LocalizedText,
  summary: LocalizedText,
  /** Virtual seconds the program runs for, when it runs to its end. */
  expectedSeconds: z.number().nonnegative().optional(),
});
export type Lesson = z.infer<typeof Lesson>;

export const LessonIndex = z
  .array(Lesson)
  .min(1)
  .superRefine((lessons, ctx) => {
    for (const key of ['id', 'file'] as const) {
      const seen = new Set<string>();
      lessons.forEach((lesson, i) => {
        if (seen.has(lesson[key])) ctx.addIssue({ code: 'custom', path: [i, key], message: `duplicate ${key} ${JSON.stringify(lesson[key])}` });
        seen.add(lesson[key]);
      });
    }
  });
export type LessonIndex = z.infer<typeof LessonIndex>;
