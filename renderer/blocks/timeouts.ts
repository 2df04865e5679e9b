/** Timeouts: asyncio.wait_for and async with asyncio.timeout. */
import { HUE } from './colours';

export const timeoutBlocks = [
  {
    type: 'aio_wait_for',
    message0: 'asyncio.wait_for( %1 , timeout %2 )',
    args0: [
      { type: 'input_value', name: 'AW' },
      { type: 'input_value', name: 'TIMEOUT', check: 'Number' },
    ],
    inputsInline: true,
    output: null,
    colour: HUE.timeouts,
    tooltip: 'Awaits with a time limit; raises TimeoutError (and cancels it) when the limit passes.',
  },
  {
    type: 'aio_timeout',
    message0: 'async with asyncio.timeout( %1 ): %2 %3',
    args0: [
      { type: 'input_value', name: 'DELAY', check: 'Number' },
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'BODY' },
    ],
    previousStatement: null,
    nextStatement: null,
    colour: HUE.timeouts,
    tooltip: 'Cancels the body when the delay passes and raises TimeoutError.',
  },
];
