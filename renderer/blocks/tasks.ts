/** Tasks: create_task, set_name, gather, cancel, CancelledError. */
import { HUE } from './colours';

const colour = HUE.tasks;

export const taskBlocks = [
  {
    type: 'aio_create_task',
    message0: 'asyncio.create_task( %1 , name %2 )',
    args0: [
      { type: 'input_value', name: 'CORO' },
      { type: 'input_value', name: 'NAME' },
    ],
    inputsInline: true,
    output: null,
    colour,
    tooltip: 'Schedules the coroutine to run as a task, concurrently. NAME is optional.',
  },
  {
    type: 'aio_task_set_name',
    message0: '%1 .set_name( %2 )',
    args0: [
      { type: 'input_value', name: 'TASK' },
      { type: 'input_value', name: 'NAME' },
    ],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Renames a task.',
  },
  {
    type: 'aio_gather',
    message0: 'asyncio.gather( %1 %2 %3 %4 return_exceptions %5 )',
    args0: [
      { type: 'input_value', name: 'AW0' },
      { type: 'input_value', name: 'AW1' },
      { type: 'input_value', name: 'AW2' },
      { type: 'input_value', name: 'AW3' },
      { type: 'field_checkbox', name: 'RETURN_EXCEPTIONS', checked: false },
    ],
    inputsInline: true,
    output: null,
    colour,
    tooltip: 'Runs awaitables concurrently; its result is the list of their results.',
  },
  {
    type: 'aio_task_cancel',
    message0: '%1 .cancel()',
    args0: [{ type: 'input_value', name: 'TASK' }],
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Asks a task to stop: CancelledError is raised inside it at its next await.',
  },
  {
    type: 'aio_try_cancelled',
    message0: 'try: %1 %2 except asyncio.CancelledError: %3 %4 raise again %5',
    args0: [
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'BODY' },
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'HANDLER' },
      { type: 'field_checkbox', name: 'RERAISE', checked: true },
    ],
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Runs clean-up code when the task is cancelled.',
  },
  {
    type: 'aio_try_except',
    message0: 'try: %1 %2 except %3 as e: %4 %5',
    args0: [
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'BODY' },
      { type: 'field_input', name: 'EXC', text: 'Exception', spellcheck: false },
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'HANDLER' },
    ],
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Catches an exception (TimeoutError, ValueError...).',
  },
];
