import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';
import { Order } from 'blockly/python';
import { body, needs, value } from './util';

type Gen = (block: Blockly.Block, g: PythonGenerator) => string | [string, number];

export const taskGenerators: Record<string, Gen> = {
  aio_create_task: (block, g) => {
    needs(g, 'asyncio');
    const name = value(g, block, 'NAME');
    return [`asyncio.create_task(${value(g, block, 'CORO', 'asyncio.sleep(0)')}${name ? `, name=${name}` : ''})`, Order.FUNCTION_CALL];
  },
  aio_task_set_name: (block, g) => `${value(g, block, 'TASK', 'task')}.set_name(${value(g, block, 'NAME', "''")})\n`,
  aio_gather: (block, g) => {
    needs(g, 'asyncio');
    const items = ['AW0', 'AW1', 'AW2', 'AW3'].map((n) => value(g, block, n)).filter(Boolean);
    if (block.getFieldValue('RETURN_EXCEPTIONS') === 'TRUE') items.push('return_exceptions=True');
    return [`asyncio.gather(${items.join(', ')})`, Order.FUNCTION_CALL];
  },
  aio_task_cancel: (block, g) => `${value(g, block, 'TASK', 'task')}.cancel()\n`,
  aio_try_cancelled: (block, g) => {
    needs(g, 'asyncio');
    const reraise = block.getFieldValue('RERAISE') === 'TRUE' ? g.INDENT + 'raise\n' : '';
    const handler = g.statementToCode(block, 'HANDLER') || (reraise ? '' : g.INDENT + 'pass\n');
    return `try:\n${body(g, block, 'BODY')}except asyncio.CancelledError:\n${handler}${reraise}`;
  },
  aio_try_except: (block, g) =>
    `try:\n${body(g, block, 'BODY')}except ${block.getFieldValue('EXC')} as e:\n${body(g, block, 'HANDLER')}`,
};
