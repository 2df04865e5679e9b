/**
 * Files handed to the app by the system: a double-clicked .corolab (file
 * association), a path on the command line, or a second launch. They join the
 * recent files and the renderer is asked to open the newest, so unsaved
 * changes are asked about first, as for any Open.
 */
import { isAbsolute, resolve } from 'node:path';
import { documentKind } from './file-service.js';

/** Document paths among command-line arguments (Electron's own flags skipped). */
export function documentArgs(argv: string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && documentKind(arg) !== undefined)
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}
