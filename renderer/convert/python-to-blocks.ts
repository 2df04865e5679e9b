/**
 * Python → blocks, checked: the runtime parses the program with Python's own
 * `ast` (corolab/to_blocks.py); the blocks are turned back into Python here
 * and parsed again. If the two programs' syntax trees differ, the conversion
 * would have changed the program, so it is redone with every top-level
 * statement as raw Python instead — a program is never silently altered.
 */
import type { BlocksResult } from '../../shared/runtime/protocol';
import { workspaceToPython } from './workspace-python';

export type Workspace = BlocksResult['workspace'];

/** What can parse Python: the runtime worker (RuntimeHost, or the renderer's runtime client). */
export interface PythonParser {
  toBlocks(source: string, rawOnly?: boolean): Promise<BlocksResult>;
}

export interface Converted {
  workspace: Workspace;
  /** The program the blocks generate: the canonical text of the source. */
  python: string;
  /** 'blocks': mapped to blocks; 'raw': kept as raw Python because mapping would change it; 'syntax-error': does not parse. */
  kind: 'blocks' | 'raw' | 'syntax-error';
  error?: string;
}

export async function pythonToBlocks(parser: PythonParser, source: string): Promise<Converted> {
  const first = await parser.toBlocks(source);
  if (first.error !== undefined) {
    return { workspace: first.workspace, python: workspaceToPython(first.workspace), kind: 'syntax-error', error: first.error };
  }
  const python = workspaceToPython(first.workspace);
  const again = await parser.toBlocks(python);
  if (again.error === undefined && again.dump === first.dump) return { workspace: first.workspace, python, kind: 'blocks' };
  const raw = await parser.toBlocks(source, true);
  return { workspace: raw.workspace, python: workspaceToPython(raw.workspace), kind: 'raw' };
}
