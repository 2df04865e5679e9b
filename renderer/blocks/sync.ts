/** Synchronisation: Queue, Lock, Event, Semaphore, async with; TaskGroup. */
import { HUE } from './colours';

const colour = HUE.sync;

export const syncBlocks = [
  {
    type: 'aio_new_sync',
    message0: 'asyncio. %1 ( %2 )',
    args0: [
      { type: 'field_dropdown', name: 'KIND', options: [['Queue', 'Queue'], ['Lock', 'Lock'], ['Event', 'Event'], ['Semaphore', 'Semaphore']] },
      { type: 'input_value', name: 'ARG' },
    ],
    inputsInline: true,
    output: null,
    colour,
    tooltip: 'Makes a Queue (maxsize), Lock, Event or Semaphore (value).',
  },
  {
    type: 'aio_queue_put',
    message0: 'await %1 .put( %2 )',
    args0: [
      { type: 'input_value', name: 'QUEUE' },
      { type: 'input_value', name: 'ITEM' },
    ],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Puts an item in the queue, waiting while it is full.',
  },
  {
    type: 'aio_queue_get',
    message0: 'await %1 .get()',
    args0: [{ type: 'input_value', name: 'QUEUE' }],
    inputsInline: true,
    output: null,
    colour,
    tooltip: 'Takes the next item, waiting while the queue is empty.',
  },
  {
    type: 'aio_method',
    message0: '%1 . %2 ()',
    args0: [
      { type: 'input_value', name: 'OBJECT' },
      { type: 'field_dropdown', name: 'METHOD', options: [['set', 'set'], ['clear', 'clear'], ['release', 'release'], ['task_done', 'task_done'], ['is_set', 'is_set'], ['done', 'done'], ['result', 'result']] },
    ],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Calls a method that needs no await (Event.set, Queue.task_done...).',
  },
  {
    type: 'aio_await_method',
    message0: 'await %1 . %2 ()',
    args0: [
      { type: 'input_value', name: 'OBJECT' },
      { type: 'field_dropdown', name: 'METHOD', options: [['wait', 'wait'], ['acquire', 'acquire'], ['join', 'join']] },
    ],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Awaits a method: Event.wait, Lock.acquire, Queue.join.',
  },
  {
    type: 'aio_async_with',
    message0: 'async with %1 : %2 %3',
    args0: [
      { type: 'input_value', name: 'CONTEXT' },
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'BODY' },
    ],
    previousStatement: null,
    nextStatement: null,
    colour,
    tooltip: 'Holds a Lock or Semaphore for the body, releasing it even on errors.',
  },
  {
    type: 'aio_taskgroup',
    message0: 'async with asyncio.TaskGroup() as %1 : %2 %3',
    args0: [
      { type: 'field_input', name: 'NAME', text: 'tg', spellcheck: false },
      { type: 'input_dummy' },
      { type: 'input_statement', name: 'BODY' },
    ],
    previousStatement: null,
    nextStatement: null,
    colour: HUE.taskgroup,
    tooltip: 'Tasks created in the group are all awaited at the end of the block.',
  },
  {
    type: 'aio_tg_create_task',
    message0: '%1 .create_task( %2 )',
    args0: [
      { type: 'field_input', name: 'GROUP', text: 'tg', spellcheck: false },
      { type: 'input_value', name: 'CORO' },
    ],
    inputsInline: true,
    output: null,
    colour: HUE.taskgroup,
    tooltip: 'Starts a task inside the task group.',
  },
];
