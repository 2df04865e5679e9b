/**
 * The open document as main sees it: which file Save writes to, and the
 * recent-files list. The renderer never names a path to write: Save goes to
 * the file that was opened or chosen in a save dialog, nothing else.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { ProjectContent } from '../../shared/project.js';
import { writeFileAtomic } from './atomic-write.js';
import { FileError, documentKind, readDocument, writeProject } from './file-service.js';
import type { OpenedDocument } from './file-service.js';

export const MAX_RECENT = 10;
const RecentList = z.array(z.string().min(1).max(4096)).max(50);

export type OpenOutcome = { ok: true; document: OpenedDocument } | { ok: false; message: string };
export type SaveOutcome = { ok: true; path: string; title: string } | { ok: false; message: string };

export class DocumentSession {
  /** The project file Save writes to; undefined for a new document or an opened .py. */
  currentPath: string | undefined;
  private recent: string[];

  constructor(
    private readonly recentFile: string,
    private readonly onRecentChanged: (paths: string[]) => void = () => {},
  ) {
    this.recent = loadRecent(recentFile);
  }

  recentPaths(): string[] {
    return [...this.recent];
  }

  newDocument(): void {
    this.currentPath = undefined;
  }

  /** Opens a file; on any error the session (and the open document) stays as it was. */
  async open(path: string): Promise<OpenOutcome> {
    try {
      const document = await readDocument(path);
      // A .py file is imported: saving it writes a new project, never over the Python file.
      this.currentPath = document.kind === 'project' ? document.path : undefined;
      await this.remember(path);
      return { ok: true, document };
    } catch (err) {
      return { ok: false, message: messageOf(err) };
    }
  }

  async openRecent(index: number): Promise<OpenOutcome> {
    const path = this.recent[index];
    if (!path) return { ok: false, message: 'That recent file is no longer in the list.' };
    const outcome = await this.open(path);
    if (!outcome.ok) await this.forget(path);
    return outcome;
  }

  /** Saves to the current file; `chosen` is a path the user picked in a save dialog. */
  async save(content: ProjectContent, chosen?: string): Promise<SaveOutcome> {
    const target = chosen ?? this.currentPath;
    if (!target) return { ok: false, message: 'There is no file to save to yet.' };
    try {
      const path = await writeProject(target, content);
      this.currentPath = path;
      await this.remember(path);
      return { ok: true, path, title: content.title };
    } catch (err) {
      return { ok: false, message: `Could not save ${basename(target)}: ${messageOf(err)}` };
    }
  }

  /** Puts a file at the top of the recent list (also for files the system hands us). */
  async remember(path: string): Promise<void> {
    if (!documentKind(path)) return;
    this.recent = [path, ...this.recent.filter((p) => p !== path)].slice(0, MAX_RECENT);
    await this.persist();
  }

  private async forget(path: string): Promise<void> {
    this.recent = this.recent.filter((p) => p !== path);
    await this.persist();
  }

  private async persist(): Promise<void> {
    await writeFileAtomic(this.recentFile, JSON.stringify(this.recent)).catch(() => {});
    this.onRecentChanged(this.recentPaths());
  }
}

function loadRecent(file: string): string[] {
  try {
    const parsed = RecentList.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.filter((p) => documentKind(p)).slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export function messageOf(err: unknown): string {
  if (err instanceof FileError) return err.message;
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
    if (code === 'ENOSPC') return 'the disk is full.';
    if (code === 'EROFS') return 'the disk is read-only.';
    return err.message;
  }
  return String(err);
}
