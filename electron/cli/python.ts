/** `corolab python FILE.json`: the Python a block workspace generates — what the app exports as .py. */
import { readFileCommand } from './read-file.js';
import { BlocksResult } from '../../shared/runtime/protocol.js';
import { loadConvert } from './headless-convert.js';

export const PYTHON_HELP = `Usage: corolab python FILE.json

Prints the Python program a Corolab block workspace (Blockly JSON, as written
by \`corolab blocks\` or saved by the app) generates. The program needs nothing
from Corolab: it runs under any python3.

Options:
  -h, --help   show this help
`;

export async function pythonCommand(argv: string[]): Promise<number> {
  const args = readFileCommand(argv, PYTHON_HELP);
  if (typeof args === 'number') return args;
  const { file, text } = args;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    process.stderr.write(`corolab: ${file} is not JSON: ${(err as Error).message}\n`);
    return 2;
  }
  const parsed = BlocksResult.shape.workspace.safeParse(json);
  if (!parsed.success) {
    process.stderr.write(`corolab: ${file} is not a block workspace: ${parsed.error.issues[0]?.message ?? 'unknown shape'}\n`);
    return 2;
  }
  try {
    process.stdout.write(loadConvert().workspaceToPython(parsed.data));
    return 0;
  } catch (err) {
    process.stderr.write(`corolab: the blocks in ${file} do not make a program: ${(err as Error).message}\n`);
    return 1;
  }
}
