import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';
import { Order } from 'blockly/python';
import { needs, value } from './util';

type Gen = (block: Blockly.Block, g: PythonGenerator) => string | [string, number];

/** Quotes an f-string body with whichever quote it does not contain. */
function fstring(text: string): string {
  const q = text.includes('"') && !text.includes("'") ? "'" : '"';
  return `f${q}${text.replaceAll('\\', '\\\\').replaceAll(q, '\\' + q)}${q}`;
}

export const outputGenerators: Record<string, Gen> = {
  aio_print: (block, g) => `print(${value(g, block, 'VALUE')})\n`,
  aio_fstring: (block, g) => {
    const text = String(block.getFieldValue('TEXT'));
    if (text.includes('time.')) needs(g, 'time');
    if (text.includes('asyncio.')) needs(g, 'asyncio');
    return [fstring(text), Order.ATOMIC];
  },
  aio_name: (block) => [String(block.getFieldValue('NAME')), Order.ATOMIC],
  aio_strftime: (block, g) => {
    needs(g, 'time');
    return [`time.strftime(${JSON.stringify(String(block.getFieldValue('FORMAT'))).replace(/^"|"$/g, "'")})`, Order.FUNCTION_CALL];
  },
  aio_time_sleep: (block, g) => {
    needs(g, 'time');
    return `time.sleep(${value(g, block, 'DELAY', '0')})\n`;
  },
};
