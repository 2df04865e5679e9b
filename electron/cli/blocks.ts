/** `corolab blocks FILE.py`: the program as a block workspace (Blockly JSON), as the app would open it. */
import { readFileCommand } from './read-file.js';
import { RuntimeHost } from '../../shared/runtime/node-host.js';
import { loadConvert } from './headless-convert.js';

export const BLOCKS_HELP = `Usage: corolab blocks FILE.py [--python]

Converts a Python program to Corolab blocks and prints the workspace as JSON
(Blockly's serialization). Python's own parser reads the program; whatever has
no block is kept as a raw Python block, so the program is never changed.
Exits with status 1 (and still prints a workspace, with the whole file as raw
Python) when the file does not parse.

Options:
  --python     print the Python the blocks generate instead of the JSON
  -h, --help   show this help
`;

export async function blocksCommand(argv: string[]): Promise<number> {
  const args = readFileCommand(argv, BLOCKS_HELP, ['python']);
  if (typeof args === 'number') return args;
  const { file, text: source, flags } = args;
  const { pythonToBlocks } = loadConvert();
  const host = new RuntimeHost({ timeoutMs: 60_000 });
  try {
    await host.ready;
    const converted = await pythonToBlocks(host, source);
    process.stdout.write(flags.python ? converted.python : JSON.stringify(converted.workspace, null, 2) + '\n');
    if (converted.kind === 'raw') process.stderr.write(`corolab: ${file} is kept as raw Python: its blocks would not give the same program\n`);
    if (converted.error) {
      process.stderr.write(`corolab: ${file}: ${converted.error}\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    process.stderr.write(`corolab: ${(err as Error).message}\n`);
    return 2;
  } finally {
    await host.dispose();
  }
}
