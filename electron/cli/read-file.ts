import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The file's text, or undefined after telling the user why it could not be read. */
export function readInput(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`corolab: cannot read ${file}: ${(err as Error).message}\n`);
    return undefined;
  }
}

/**
 * The arguments of a command that reads one file (`corolab blocks FILE.py [--python]`):
 * the file, its text and the boolean `flags` given; or the exit status when there is
 * nothing to do (0 for --help; 2 for bad usage, with the help, or an unreadable file).
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
  if (text === undefined) return 2;
  return { file, text, flags: values as Record<string, boolean> };
}
