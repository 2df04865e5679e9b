import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';

type Gen = (block: Blockly.Block, g: PythonGenerator) => string | [string, number];

export const rawGenerators: Record<string, Gen> = {
  aio_raw: (block) => {
    const code = String(block.getFieldValue('CODE') ?? '').replace(/\s+$/, '');
    return code ? code + '\n' : 'pass\n';
  },
};
