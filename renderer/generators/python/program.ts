/**
 * Workspace → Python program, plus which block each line came from.
 *
 * Blockly's STATEMENT_PREFIX marks the start of every statement block with a
 * comment carrying its id; the markers are stripped here, so the program stays
 * clean and the line → block map travels beside it.
 */
import type * as Blockly from 'blockly/core';
import { pythonGenerator } from 'blockly/python';

const MARK = '#@@';
const MARKER = /^\s*#@@'(.*)'\s*$/;

export interface Program {
  code: string;
  /** lineBlocks[line - 1] is the id of the block that line came from ('' for none). */
  lineBlocks: string[];
}

export function generateProgram(workspace: Blockly.Workspace): Program {
  const g = pythonGenerator;
  const saved = g.STATEMENT_PREFIX;
  g.STATEMENT_PREFIX = `${MARK}%1\n`;
  let raw: string;
  try {
    g.init(workspace);
    // Blockly declares every variable as a global `x = None`; coroutine locals need no such thing.
    delete (g as unknown as { definitions_: Record<string, string> }).definitions_['variables'];
    const chunks: string[] = [];
    for (const block of workspace.getTopBlocks(true)) {
      if (!block.isEnabled()) continue;
      let line = g.blockToCode(block);
      if (Array.isArray(line)) line = g.scrubNakedValue(line[0]);
      if (line) chunks.push(line.replace(/\n+$/, ''));
    }
    // Top-level definitions get the two blank lines PEP 8 asks for.
    raw = g.finish(chunks.join('\n\n\n'));
  } finally {
    g.STATEMENT_PREFIX = saved;
  }
  return stripMarkers(raw);
}

export function stripMarkers(raw: string): Program {
  const out: string[] = [];
  const lineBlocks: string[] = [];
  let current = '';
  // Blockly ends loop bodies with a marker of the loop itself; in an otherwise empty
  // body that marker was the only content, so it becomes a `pass`.
  let pendingPass: { indent: string; id: string } | undefined;
  const depth = (line: string) => line.length - line.trimStart().length;
  const push = (line: string, id: string) => {
    out.push(line);
    lineBlocks.push(line.trim() ? id : '');
  };
  for (const line of raw.split('\n')) {
    const m = MARKER.exec(line);
    if (m) {
      const last = out.length ? out[out.length - 1]! : '';
      if (last.trimEnd().endsWith(':') && depth(line) > depth(last)) pendingPass = { indent: line.slice(0, depth(line)), id: m[1]! };
      current = m[1]!;
      continue;
    }
    if (pendingPass && line.trim()) {
      if (depth(line) < pendingPass.indent.length) push(pendingPass.indent + 'pass', pendingPass.id);
      pendingPass = undefined;
    }
    push(line, current);
  }
  if (pendingPass) push(pendingPass.indent + 'pass', pendingPass.id);
  while (out.length && !out[0]!.trim()) {
    out.shift();
    lineBlocks.shift();
  }
  while (out.length && !out[out.length - 1]!.trim()) {
    out.pop();
    lineBlocks.pop();
  }
  return { code: out.join('\n') + '\n', lineBlocks };
}
