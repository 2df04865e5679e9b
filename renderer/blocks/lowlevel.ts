/** The low-level loop API: loops, futures, callbacks. */
import { HUE } from './colours';

const colour = HUE.lowlevel;

export const lowlevelBlocks = [
  {
    type: 'aio_new_event_loop',
    message0: 'asyncio.new_event_loop()',
    output: null,
    colour,
    tooltip: 'Makes a new event loop.',
  },
  {
    type: 'aio_get_running_loop',
    message0: 'asyncio.get_running_loop()',
    output: null,
    colour,
    tooltip: 'The loop running the current coroutine.',
  },
  {
    type: 'aio_loop_call',
    message0: '%1 . %2 ( %3 %4 %5 )',
    args0: [
      { type: 'input_value', name: 'LOOP' },
      {
        type: 'field_dropdown',
        name: 'METHOD',
        options: [
          ['run_until_complete', 'run_until_complete'],
          ['create_future', 'create_future'],
          ['call_soon', 'call_soon'],
          ['call_later', 'call_later'],
          ['close', 'close'],
          ['set_result', 'set_result'],
          ['add_done_callback', 'add_done_callback'],
        ],
      },
      { type: 'input_value', name: 'ARG0' },
      { type: 'input_value', name: 'ARG1' },
      { type: 'input_value', name: 'ARG2' },
    ],
    inputsInline: true,
    output: null,
    colour,
    tooltip: 'Calls a loop or future method; empty trailing arguments are left out. Use "do" to run it as a statement.',
  },
];
