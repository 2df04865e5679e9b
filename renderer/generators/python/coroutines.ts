import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';
import { Order } from 'blockly/python';
import { args, body, needs, value } from './util';

type Gen = (block: Blockly.Block, g: PythonGenerator) => string | [string, number];

export const coroutineGenerators: Record<string, Gen> = {
  aio_async_def: (block, g) =>
    `async def ${block.getFieldValue('NAME')}(${block.getFieldValue('PARAMS')}):\n${body(g, block, 'BODY')}`,
  aio_def: (block, g) => `def ${block.getFieldValue('NAME')}(${block.getFieldValue('PARAMS')}):\n${body(g, block, 'BODY')}`,
  aio_await: (block, g) => `await ${value(g, block, 'VALUE', 'asyncio.sleep(0)')}\n`,
  aio_await_value: (block, g) => [`await ${value(g, block, 'VALUE', 'asyncio.sleep(0)')}`, Order.UNARY_SIGN],
  aio_sleep: (block, g) => {
    needs(g, 'asyncio');
    return [`asyncio.sleep(${args(g, block, ['DELAY', 'RESULT']) || '0'})`, Order.FUNCTION_CALL];
  },
  aio_call: (block, g) => [`${block.getFieldValue('NAME')}(${args(g, block, ['ARG0', 'ARG1', 'ARG2'])})`, Order.FUNCTION_CALL],
  aio_run: (block, g) => {
    needs(g, 'asyncio');
    return `asyncio.run(${block.getFieldValue('NAME')}())\n`;
  },
  aio_return: (block, g) => {
    const v = value(g, block, 'VALUE');
    return v ? `return ${v}\n` : 'return\n';
  },
  aio_expr: (block, g) => `${value(g, block, 'VALUE', 'pass')}\n`,
};

coroutineGenerators.aio_assign = (block, g) => `${block.getFieldValue('NAME')} = ${value(g, block, 'VALUE', 'None')}\n`;
