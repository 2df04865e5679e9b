import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';
import { needs } from './util';

type Gen = (block: Blockly.Block, g: PythonGenerator) => string | [string, number];

export const convertGenerators: Record<string, Gen> = {
  aio_comment: (block) =>
    String(block.getFieldValue('TEXT') ?? '')
      .split('\n')
      .map((line) => (line ? `# ${line}` : '#'))
      .join('\n') + '\n',
  aio_import: (block, g) => {
    needs(g, block.getFieldValue('MODULE') === 'time' ? 'time' : 'asyncio');
    return '';
  },
};
