import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';
import { Order } from 'blockly/python';
import { body, needs, value } from './util';

type Gen = (block: Blockly.Block, g: PythonGenerator) => string | [string, number];

export const syncGenerators: Record<string, Gen> = {
  aio_new_sync: (block, g) => {
    needs(g, 'asyncio');
    return [`asyncio.${block.getFieldValue('KIND')}(${value(g, block, 'ARG')})`, Order.FUNCTION_CALL];
  },
  aio_queue_put: (block, g) => `await ${value(g, block, 'QUEUE', 'queue')}.put(${value(g, block, 'ITEM', 'None')})\n`,
  aio_queue_get: (block, g) => [`await ${value(g, block, 'QUEUE', 'queue')}.get()`, Order.UNARY_SIGN],
  aio_method: (block, g) => `${value(g, block, 'OBJECT', 'event')}.${block.getFieldValue('METHOD')}()\n`,
  aio_await_method: (block, g) => `await ${value(g, block, 'OBJECT', 'event')}.${block.getFieldValue('METHOD')}()\n`,
  aio_async_with: (block, g) => `async with ${value(g, block, 'CONTEXT', 'lock')}:\n${body(g, block, 'BODY')}`,
  aio_taskgroup: (block, g) => {
    needs(g, 'asyncio');
    return `async with asyncio.TaskGroup() as ${block.getFieldValue('NAME')}:\n${body(g, block, 'BODY')}`;
  },
  aio_tg_create_task: (block, g) => [`${block.getFieldValue('GROUP')}.create_task(${value(g, block, 'CORO', 'asyncio.sleep(0)')})`, Order.FUNCTION_CALL],
};
