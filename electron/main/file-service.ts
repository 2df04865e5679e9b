/**
 * Reading and writing documents on disk, with no Electron in sight: what a
 * file may be (extension, size, encoding, schema) is checked before anything
 * else changes, and writes are atomic.
 */
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute } from 'node:path';
import {
  MAX_FILE_BYTES,
  MAX_SOURCE_CHARS,
  PROJECT_EXTENSION,
  PYTHON_EXTENSION,
  ProjectError,
  parseProject,
  serializeProject,
  titleFromFileName,
} from '../../shared/project.js';
import type { ProjectContent } from '../../shared/project.js';
import { decodePythonSource } from '../../shared/python-source.js';
import { writeFileAtomic } from './atomic-write.js';

export class FileError extends Error {
  override name = 'FileError';
}

export type OpenedDocument =
  | { kind: 'project'; project: ProjectContent; fileName: string; path: string }
  | { kind: 'python'; source: string; title: string; fileName: string; path: string };

export type DocumentKind = OpenedDocument['kind'];

export function documentKind(path: string): DocumentKind | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === PROJECT_EXTENSION) return 'project';
  if (ext === PYTHON_EXTENSION) return 'python';
  return undefined;
}

/**
 * Reads a project or a Python file. The real file behind any symlink must
 * itself be a regular .corolab / .py file within the size limit; the limit is
 * checked before a byte is read.
 */
export async function readDocument(path: string, maxBytes = MAX_FILE_BYTES): Promise<OpenedDocument> {
  if (!isAbsolute(path)) throw new FileError('Only files given by their full path can be opened.');
  const kind = documentKind(path);
  if (!kind) throw new FileError(`${basename(path)} is neither a Corolab project (${PROJECT_EXTENSION}) nor a Python file (${PYTHON_EXTENSION}).`);
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new FileError(`${basename(path)} does not exist or cannot be reached.`);
  }
  if (documentKind(real) !== kind) {
    throw new FileError(`${basename(path)} is a link to ${basename(real)}, which is not a ${kind === 'project' ? 'Corolab project' : 'Python file'}.`);
  }
  const bytes = await readBytesLimited(real, maxBytes);
  const fileName = basename(path);
  const text = kind === 'python' ? pythonText(bytes, fileName) : utf8Text(bytes, fileName);
  if (kind === 'project') {
    try {
      return { kind, project: parseProject(text), fileName, path: real };
    } catch (err) {
      if (err instanceof ProjectError) throw new FileError(`${fileName}: ${err.message}`);
      throw err;
    }
  }
  if (text.length > MAX_SOURCE_CHARS) throw new FileError(`${fileName} is too long to run (over ${MAX_SOURCE_CHARS} characters).`);
  if (text.includes('\0')) throw new FileError(`${fileName} is not a text file.`);
  return { kind, source: text, title: titleFromFileName(fileName), fileName, path: real };
}

function utf8Text(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileError(`${fileName} is not UTF-8 text.`);
  }
}

/** A program's text as python3 reads it (a byte order mark, a coding comment). */
function pythonText(bytes: Uint8Array, fileName: string): string {
  const decoded = decodePythonSource(bytes, fileName);
  if (!decoded.ok) throw new FileError(`${fileName} cannot be read as Python: ${decoded.error}`);
  return decoded.text;
}

async function readBytesLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const name = basename(path);
  const info = await stat(path);
  if (!info.isFile()) throw new FileError(`${name} is not a regular file.`);
  if (info.size > maxBytes) throw new FileError(`${name} is too large (${megabytes(info.size)}; the limit is ${megabytes(maxBytes)}).`);
  const handle = await open(path, 'r');
  try {
    // The file may have grown since stat: read at most one byte past the limit to notice.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(info.size, 0) + 1));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new FileError(`${name} is too large (the limit is ${megabytes(maxBytes)}).`);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/**
 * Where a save really goes: a chosen name without an extension gets
 * ".corolab"; a symlink is followed to its target, which must be a project
 * file too (so a link cannot redirect a save onto some other file).
 */
export async function resolveSaveTarget(chosen: string, extension = PROJECT_EXTENSION): Promise<string> {
  if (!isAbsolute(chosen)) throw new FileError('Files can only be saved to a full path.');
  let target = extname(chosen) === '' ? chosen + extension : chosen;
  if (extname(target).toLowerCase() !== extension) throw new FileError(`${basename(target)} must end in ${extension}.`);
  const link = await lstat(target).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    try {
      target = await realpath(target);
    } catch {
      throw new FileError(`${basename(chosen)} is a broken link.`);
    }
    if (extname(target).toLowerCase() !== extension) throw new FileError(`${basename(chosen)} links to ${basename(target)}, which is not a ${extension} file.`);
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) throw new FileError(`${basename(target)} is not a regular file.`);
  return target;
}

/** Saves a project atomically; returns where it went. */
export async function writeProject(chosen: string, content: ProjectContent): Promise<string> {
  const text = serializeProject(content);
  const target = await resolveSaveTarget(chosen, PROJECT_EXTENSION);
  await writeFileAtomic(target, text);
  return target;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Checks that exported bytes are the image they claim to be before they are written. */
export function checkImage(format: 'png' | 'svg', bytes: Uint8Array): void {
  if (format === 'png') {
    if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new FileError('The exported timeline is not a PNG image.');
    return;
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
  if (!head.startsWith('<svg') && !head.startsWith('<?xml')) throw new FileError('The exported timeline is not an SVG image.');
}

export async function writeImage(chosen: string, format: 'png' | 'svg', bytes: Uint8Array): Promise<string> {
  checkImage(format, bytes);
  const target = await resolveSaveTarget(chosen, `.${format}`);
  await writeFileAtomic(target, bytes);
  return target;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
