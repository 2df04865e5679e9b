/** Which try-this tasks the learner has completed, kept in localStorage across visits. */
import { z } from 'zod';

const KEY = 'corolab.course.done.v1';
const Done = z.array(z.string().max(200)).max(1000);

export function loadDone(): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return [];
    const parsed = Done.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function saveDone(done: readonly string[]): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(done));
  } catch {
    // Storage full or disabled: progress still shows for this visit.
  }
}
