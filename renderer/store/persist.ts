/** Autosave of the workspace and preferences (localStorage; the desktop app saves files on top). */
import { z } from 'zod';

const KEY = 'corolab.autosave.v1';

const Saved = z.object({
  workspace: z.unknown().optional(),
  lang: z.enum(['en', 'ko']).optional(),
  theme: z.enum(['dark', 'light']).optional(),
  title: z.string().optional(),
  filename: z.string().optional(),
});
export type Saved = z.infer<typeof Saved>;

export function loadSaved(): Saved {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return {};
    const parsed = Saved.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

export function saveWorkspace(value: Saved): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the workspace still lives in memory.
    }
  }, 300);
}
