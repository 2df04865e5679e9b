import { readFileSync } from 'node:fs';

/** The file's text, or undefined after telling the user why it could not be read. */
export function readInput(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`corolab: cannot read ${file}: ${(err as Error).message}\n`);
    return undefined;
  }
}
