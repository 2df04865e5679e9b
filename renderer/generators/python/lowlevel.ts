import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';
import { Order } from 'blockly/python';
import { args, needs, value } from './util';

type Gen = (block: Blockly.Block, g: PythonGenerator) => string | [string, number];

export const lowlevelGenerators: Record<string, Gen> = {
  aio_new_event_loop: (_block, g) => {
    needs(g, 'asyncio');
    return ['asyncio.new_event_loop()', Order.FUNCTION_CALL];
  },
  aio_get_running_loop: (_block, g) => {
    needs(g, 'asyncio');
    return ['asyncio.get_running_loop()', Order.FUNCTION_CALL];
  },
  aio_loop_call: (block, g) => [
    `${value(g, block, 'LOOP', 'loop')}.${block.getFieldValue('METHOD')}(${args(g, block, ['ARG0', 'ARG1', 'ARG2'])})`,
    Order.FUNCTION_CALL,
  ],
};
