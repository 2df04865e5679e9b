/** Reads the runtime's Python modules from disk (Node: the CLI, tests, Electron's worker). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PYTHON_DIR = join(dirname(fileURLToPath(import.meta.url)), 'python', 'corolab');

export function readPythonFiles(dir = PYTHON_DIR): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.py')) files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}
