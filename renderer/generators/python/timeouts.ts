import type * as Blockly from 'blockly/core';
import type { PythonGenerator } from 'blockly/python';
import { Order } from 'blockly/python';
import { body, needs, value } from './util';

type Gen = (block: Blockly.Block, g: PythonGenerator) => string | [string, number];

export const timeoutGenerators: Record<string, Gen> = {
  aio_wait_for: (block, g) => {
    needs(g, 'asyncio');
    return [`asyncio.wait_for(${value(g, block, 'AW', 'asyncio.sleep(0)')}, timeout=${value(g, block, 'TIMEOUT', 'None')})`, Order.FUNCTION_CALL];
  },
  aio_timeout: (block, g) => {
    needs(g, 'asyncio');
    return `async with asyncio.timeout(${value(g, block, 'DELAY', 'None')}):\n${body(g, block, 'BODY')}`;
  },
};
