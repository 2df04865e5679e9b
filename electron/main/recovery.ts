/**
 * Autosave for crash recovery: while the document has unsaved changes, the
 * renderer hands its content over every few seconds and it is kept in one
 * file under the app's data folder. A clean close (saved or discarded)
 * removes it; finding it at start means the last session ended abruptly.
 */
import { lstat, mkdir, realpath, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeProject } from '../../shared/project.js';
import type { ProjectContent } from '../../shared/project.js';
import { writeFileAtomic } from './atomic-write.js';
import { readDocument } from './file-service.js';

export const AUTOSAVE_FILE = 'autosave.corolab';

export class RecoveryStore {
  private readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, AUTOSAVE_FILE);
  }

  async write(content: ProjectContent): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await this.refuseLinks();
    await writeFileAtomic(this.file, serializeProject(content));
  }

  /** The autosaved work, or null when there is none or it cannot be trusted. */
  async read(): Promise<ProjectContent | null> {
    try {
      await this.refuseLinks();
      const doc = await readDocument(this.file);
      // readDocument follows links; the autosave must be the very file in our folder.
      if (doc.path !== join(await realpath(this.dir), AUTOSAVE_FILE)) return null;
      return doc.kind === 'project' ? doc.project : null;
    } catch {
      return null;
    }
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }

  /** A link planted in place of the autosave could make a write land elsewhere. */
  private async refuseLinks(): Promise<void> {
    const info = await lstat(this.file).catch(() => undefined);
    if (info && !info.isFile()) {
      await rm(this.file, { force: true });
    }
  }
}

