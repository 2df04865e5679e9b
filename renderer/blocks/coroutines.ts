/** Coroutines: `async def`, `await`, `asyncio.sleep`, `asyncio.run`, `return`, calls. */
import { HUE } from './colours';

const colour = HUE.coroutines;

export const coroutineBlocks = [
  {
    type: 'aio_async_def',
    message0: 'async def %1 ( %2 ) : %3 %4',
    args0: [
      { type: 'field_input', name: 'NAME', text: 'main', spellcheck: false },
      { type: 'field_input', name: 'PARAMS', text: '', spellcheck: false },
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'BODY' },
    ],
    colour,
    tooltip: 'Defines a coroutine function. Calling it makes a coroutine object; await it or wrap it in a task.',
  },
  {
    type: 'aio_def',
    message0: 'def %1 ( %2 ) : %3 %4',
    args0: [
      { type: 'field_input', name: 'NAME', text: 'callback', spellcheck: false },
      { type: 'field_input', name: 'PARAMS', text: '', spellcheck: false },
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'BODY' },
    ],
    colour,
    tooltip: 'Defines a plain function (for callbacks).',
  },
  {
    type: 'aio_await',
    message0: 'await %1',
    args0: [{ type: 'input_value', name: 'VALUE' }],
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Waits for a coroutine, task or future; other tasks run meanwhile.',
  },
  {
    type: 'aio_await_value',
    message0: 'await %1',
    args0: [{ type: 'input_value', name: 'VALUE' }],
    output: null,
    colour,
    tooltip: 'The result of awaiting a coroutine, task or future.',
  },
  {
    type: 'aio_sleep',
    message0: 'asyncio.sleep( %1 , result %2 )',
    args0: [
      { type: 'input_value', name: 'DELAY', check: 'Number' },
      { type: 'input_value', name: 'RESULT' },
    ],
    inputsInline: true,
    output: null,
    colour,
    tooltip: 'A coroutine that finishes after DELAY seconds, returning RESULT (if given).',
  },
  {
    type: 'aio_call',
    message0: '%1 ( %2 %3 %4 )',
    args0: [
      { type: 'field_input', name: 'NAME', text: 'say_after', spellcheck: false },
      { type: 'input_value', name: 'ARG0' },
      { type: 'input_value', name: 'ARG1' },
      { type: 'input_value', name: 'ARG2' },
    ],
    inputsInline: true,
    output: null,
    colour,
    tooltip: 'Calls a function; calling a coroutine function makes a coroutine object. Empty trailing arguments are left out.',
  },
  {
    type: 'aio_run',
    message0: 'asyncio.run( %1 ())',
    args0: [{ type: 'field_input', name: 'NAME', text: 'main', spellcheck: false }],
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Starts an event loop, runs the coroutine to the end, then closes the loop.',
  },
  {
    type: 'aio_return',
    message0: 'return %1',
    args0: [{ type: 'input_value', name: 'VALUE' }],
    previousStatement: null,
    colour,
    tooltip: 'Ends the function, giving back a value.',
  },
  {
    type: 'aio_expr',
    message0: '%1',
    args0: [{ type: 'input_value', name: 'VALUE' }],
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Evaluates an expression as a statement (a call, a method...).',
  },
];

/** Assignment to a name typed in the block (no Blockly variable model, so it reads like the code). */
coroutineBlocks.push({
  type: 'aio_assign',
  message0: '%1 = %2',
  args0: [
    { type: 'field_input', name: 'NAME', text: 'task1', spellcheck: false },
    { type: 'input_value', name: 'VALUE' },
  ],
  previousStatement: null,
  nextStatement: null,
  colour,
  tooltip: 'Gives a value a name.',
} as (typeof coroutineBlocks)[number]);
