import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodePythonSource } from '../../shared/python-source.js';

/**
 * The file's text, read as python3 reads a program (PEP 263: a byte order mark,
 * a coding comment); or, after telling the user why there is none, the exit
 * status: 2 for a file that cannot be read, 1 for one python3 could not read
 * either (a SyntaxError there).
 */
export function readInput(file: string): string | number {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    process.stderr.write(`corolab: cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const decoded = decodePythonSource(bytes, file);
  if (!decoded.ok) {
    process.stderr.write(`${decoded.error}\n`);
    return 1;
  }
  return decoded.text;
}

/**
 * The arguments of a command that reads one file (`corolab blocks FILE.py [--python]`):
 * the file, its text and the boolean `flags` given; or the exit status when there is
 * nothing to do (0 for --help; 2 for bad usage, with the help; readInput's for a file it cannot read).
 */
export function readFileCommand(argv: string[], help: string, flags: string[] = []): { file: string; text: string; flags: Record<string, boolean> } | number {
  const options: Record<string, { type: 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const flag of flags) options[flag] = { type: 'boolean' };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    process.stderr.write(`corolab: ${(err as Error).message}\n\n${help}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) {
    (values.help ? process.stdout : process.stderr).write(help);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  const text = readInput(file);
  if (typeof text === 'number') return text;
  return { file, text, flags: values as Record<string, boolean> };
}
