/**
 * Every block in the toolbox, as the toolbox offers it, generates Python that
 * CPython compiles, and every generated line maps back to a block.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as Blockly from 'blockly/core';
import * as En from 'blockly/msg/en';
import { registerBlocks, COROLAB_BLOCK_TYPES } from '../../renderer/blocks/register';
import { convertBlocks } from '../../renderer/blocks/convert';
import { toolbox } from '../../renderer/blocks/toolbox';
import { generateProgram } from '../../renderer/generators/python/program';
import { STRINGS } from '../../renderer/i18n/strings';

Blockly.setLocale(En as unknown as Record<string, string>);
registerBlocks();

interface Item {
  kind: string;
  type?: string;
  contents?: Item[];
  [key: string]: unknown;
}

const items: Item[] = ((toolbox(STRINGS.en) as unknown as Item).contents ?? []).flatMap((c) => c.contents ?? []).filter((i) => i.kind === 'block');

function compiles(source: string): string {
  try {
    execFileSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "main.py", "exec")'], { input: source, stdio: ['pipe', 'pipe', 'pipe'] });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  }
}

/** Places a toolbox block where it makes sense: statements and values inside `async def main()`. */
function program(item: Item): { ws: Blockly.Workspace; block: Blockly.Block } {
  const ws = new Blockly.Workspace();
  const { kind: _kind, ...state } = item;
  const block = Blockly.serialization.blocks.append(state as Blockly.serialization.blocks.State, ws);
  if (block.previousConnection || block.outputConnection) {
    const def = ws.newBlock('aio_async_def');
    def.setFieldValue('main', 'NAME');
    let statement = block;
    if (block.outputConnection) {
      statement = ws.newBlock('aio_expr');
      statement.getInput('VALUE')!.connection!.connect(block.outputConnection);
    }
    if (block.type === 'controls_flow_statements') {
      // break / continue belong in a loop (Blockly itself flags them elsewhere).
      const loop = ws.newBlock('controls_whileUntil');
      loop.getInput('DO')!.connection!.connect(statement.previousConnection!);
      statement = loop;
    }
    def.getInput('BODY')!.connection!.connect(statement.previousConnection!);
  }
  return { ws, block };
}

describe('Python generated from the toolbox', () => {
  it('offers every Corolab block somewhere in the toolbox', () => {
    const offered = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const type = (node as { type?: unknown }).type;
        if (typeof type === 'string') offered.add(type);
        Object.values(node).forEach(walk);
      }
    };
    walk(items);
    // The importer's own blocks (comments, imports) are made from Python, not picked from the toolbox.
    const importerOnly = new Set(convertBlocks.map((b) => b.type));
    expect(COROLAB_BLOCK_TYPES.filter((t) => !offered.has(t) && !importerOnly.has(t))).toEqual([]);
  });

  it.each(items.map((item, i) => [`${i}: ${item.type}`, item] as const))('%s compiles', (_name, item) => {
    const { ws } = program(item);
    const { code, lineBlocks } = generateProgram(ws);
    expect(code.trim()).not.toBe('');
    expect(compiles(code), code).toBe('');
    const lines = code.split('\n');
    lineBlocks.forEach((id, i) => {
      if (lines[i]!.trim() && !/^(import|from) /.test(lines[i]!)) expect(ws.getBlockById(id), `line ${i + 1}: ${lines[i]}`).not.toBeNull();
    });
    expect(code).not.toContain('#@@');
    ws.dispose();
  });

  it('writes say_after exactly as the lesson does', () => {
    const ws = new Blockly.Workspace();
    const def = items.find((i) => i.type === 'aio_async_def' && (i.fields as { NAME: string }).NAME === 'say_after')!;
    const { kind: _kind, ...state } = def;
    Blockly.serialization.blocks.append(state as Blockly.serialization.blocks.State, ws);
    expect(generateProgram(ws).code).toBe('import asyncio\n\n\nasync def say_after(delay, what):\n    await asyncio.sleep(delay)\n    print(what)\n');
  });
});
