/**
 * The Corolab project file (`.corolab`): plain JSON holding the blocks
 * workspace and the Python source, behind a format marker and a version so a
 * stray JSON file is never mistaken for a project.
 *
 * Browser-safe: the desktop shell (reading and writing files) and the
 * renderer (recovery, drag and drop) both use it.
 */
import { z } from 'zod';

export const PROJECT_FORMAT = 'corolab-project';
export const PROJECT_VERSION = 1;
export const PROJECT_EXTENSION = '.corolab';
export const PYTHON_EXTENSION = '.py';
/** Largest file the app reads; checked before reading. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The runtime refuses longer programs (shared/runtime/protocol.ts RunRequest). */
export const MAX_SOURCE_CHARS = 5_000_000;
export const MAX_TITLE_CHARS = 200;

/** Blockly's workspace state (Blockly.serialization.workspaces.save): a JSON object, or null for none. */
export const WorkspaceState = z.union([z.record(z.string(), z.unknown()), z.null()]);

export const ProjectContent = z.object({
  workspace: WorkspaceState,
  source: z.string().max(MAX_SOURCE_CHARS),
  title: z.string().max(MAX_TITLE_CHARS),
});
export type ProjectContent = z.infer<typeof ProjectContent>;

export const ProjectFile = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  title: ProjectContent.shape.title,
  workspace: WorkspaceState,
  source: ProjectContent.shape.source,
});
export type ProjectFile = z.infer<typeof ProjectFile>;

export class ProjectError extends Error {
  override name = 'ProjectError';
}

/** Parses a project file's text; throws a ProjectError that says what is wrong. */
export function parseProject(text: string): ProjectContent {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProjectError('The file is not valid JSON: it may be truncated or not a Corolab project.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ProjectError('The file is not a Corolab project: it holds no project object.');
  }
  const record = data as Record<string, unknown>;
  if (record.format !== PROJECT_FORMAT) {
    throw new ProjectError(`The file is not a Corolab project: the format marker "${PROJECT_FORMAT}" is missing.`);
  }
  if (typeof record.version === 'number' && record.version > PROJECT_VERSION) {
    throw new ProjectError(`The project was saved by a newer Corolab (format version ${record.version}); this one reads version ${PROJECT_VERSION}.`);
  }
  const parsed = ProjectFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProjectError(`The project file is damaged: ${issue.path.join('.') || 'the file'}: ${issue.message}.`);
  }
  const { title, workspace, source } = parsed.data;
  return { title, workspace, source };
}

/** The text of a project file; parseProject(serializeProject(p)) gives p back. */
export function serializeProject(content: ProjectContent): string {
  const valid = ProjectContent.parse(content);
  const file: ProjectFile = { format: PROJECT_FORMAT, version: PROJECT_VERSION, title: valid.title, workspace: valid.workspace, source: valid.source };
  return JSON.stringify(file, null, 2) + '\n';
}

/** The title a file gets from its name: "lesson 3.corolab" -> "lesson 3". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).slice(0, MAX_TITLE_CHARS);
}
