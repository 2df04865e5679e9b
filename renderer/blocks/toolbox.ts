/**
 * The toolbox, grouped the way the lessons teach. Presets are ready-made
 * stacks (a whole `say_after`, a task assignment) so a first program is a few
 * drags away; every block in them can also be found on its own.
 */
import type * as Blockly from 'blockly/core';
import type { Strings } from '../i18n/strings';
import { HUE } from './colours';

type Json = Record<string, unknown>;
const block = (type: string, extra: Json = {}): Json => ({ kind: 'block', type, ...extra });
const name = (n: string) => ({ block: { type: 'aio_name', fields: { NAME: n } } });
const num = (n: number) => ({ block: { type: 'math_number', fields: { NUM: n } } });
const text = (s: string) => ({ block: { type: 'text', fields: { TEXT: s } } });
const shadowNum = (n: number) => ({ shadow: { type: 'math_number', fields: { NUM: n } } });

const sayAfterCall = (delay: number, what: string) => ({
  block: { type: 'aio_call', fields: { NAME: 'say_after' }, inputs: { ARG0: num(delay), ARG1: text(what) } },
});

export function toolbox(s: Strings): Blockly.utils.toolbox.ToolboxDefinition {
  const definition: Json = {
    kind: 'categoryToolbox',
    contents: [
      {
        kind: 'category',
        name: s.catCoroutines,
        colour: String(HUE.coroutines),
        contents: [
          block('aio_async_def', {
            fields: { NAME: 'say_after', PARAMS: 'delay, what' },
            inputs: {
              BODY: {
                block: {
                  type: 'aio_await',
                  inputs: { VALUE: { block: { type: 'aio_sleep', inputs: { DELAY: name('delay') } } } },
                  next: { block: { type: 'aio_print', inputs: { VALUE: name('what') } } },
                },
              },
            },
          }),
          block('aio_async_def', { fields: { NAME: 'main', PARAMS: '' } }),
          block('aio_run', { fields: { NAME: 'main' } }),
          block('aio_await', { inputs: { VALUE: { block: { type: 'aio_sleep', inputs: { DELAY: shadowNum(1) } } } } }),
          block('aio_await', { inputs: { VALUE: sayAfterCall(1, 'hello') } }),
          block('aio_await_value'),
          block('aio_sleep', { inputs: { DELAY: shadowNum(1) } }),
          block('aio_call'),
          block('aio_assign', { fields: { NAME: 'result' } }),
          block('aio_return'),
          block('aio_def'),
          block('aio_expr'),
        ],
      },
      {
        kind: 'category',
        name: s.catTasks,
        colour: String(HUE.tasks),
        contents: [
          block('aio_assign', {
            fields: { NAME: 'task1' },
            inputs: { VALUE: { block: { type: 'aio_create_task', inputs: { CORO: sayAfterCall(3, 'hello') } } } },
          }),
          block('aio_await', { inputs: { VALUE: name('task1') } }),
          block('aio_create_task'),
          block('aio_task_set_name', { inputs: { TASK: name('task1'), NAME: text('hello') } }),
          block('aio_gather', { inputs: { AW0: sayAfterCall(1, 'hello'), AW1: sayAfterCall(2, 'world') } }),
          block('aio_task_cancel', { inputs: { TASK: name('task1') } }),
          block('aio_try_cancelled'),
          block('aio_try_except', { fields: { EXC: 'TimeoutError' } }),
        ],
      },
      {
        kind: 'category',
        name: s.catOutput,
        colour: String(HUE.output),
        contents: [
          block('aio_print', { inputs: { VALUE: text('hello') } }),
          block('aio_print', { inputs: { VALUE: { block: { type: 'aio_fstring' } } } }),
          block('aio_fstring'),
          block('aio_strftime'),
          block('aio_name'),
          block('aio_time_sleep', { inputs: { DELAY: shadowNum(1) } }),
        ],
      },
      {
        kind: 'category',
        name: s.catTimeouts,
        colour: String(HUE.timeouts),
        contents: [
          block('aio_wait_for', { inputs: { TIMEOUT: shadowNum(1) } }),
          block('aio_timeout', { inputs: { DELAY: shadowNum(1) } }),
          block('aio_task_cancel', { inputs: { TASK: name('task1') } }),
          block('aio_try_cancelled'),
        ],
      },
      {
        kind: 'category',
        name: s.catSync,
        colour: String(HUE.sync),
        contents: [
          block('aio_assign', { fields: { NAME: 'queue' }, inputs: { VALUE: { block: { type: 'aio_new_sync', fields: { KIND: 'Queue' } } } } }),
          block('aio_queue_put', { inputs: { QUEUE: name('queue'), ITEM: num(1) } }),
          block('aio_assign', { fields: { NAME: 'item' }, inputs: { VALUE: { block: { type: 'aio_queue_get', inputs: { QUEUE: name('queue') } } } } }),
          block('aio_assign', { fields: { NAME: 'lock' }, inputs: { VALUE: { block: { type: 'aio_new_sync', fields: { KIND: 'Lock' } } } } }),
          block('aio_async_with', { inputs: { CONTEXT: name('lock') } }),
          block('aio_assign', { fields: { NAME: 'event' }, inputs: { VALUE: { block: { type: 'aio_new_sync', fields: { KIND: 'Event' } } } } }),
          block('aio_await_method', { inputs: { OBJECT: name('event') } }),
          block('aio_method', { inputs: { OBJECT: name('event') } }),
          block('aio_assign', { fields: { NAME: 'sem' }, inputs: { VALUE: { block: { type: 'aio_new_sync', fields: { KIND: 'Semaphore' }, inputs: { ARG: num(2) } } } } }),
        ],
      },
      {
        kind: 'category',
        name: s.catTaskGroup,
        colour: String(HUE.taskgroup),
        contents: [
          block('aio_taskgroup', {
            inputs: { BODY: { block: { type: 'aio_expr', inputs: { VALUE: { block: { type: 'aio_tg_create_task', inputs: { CORO: sayAfterCall(1, 'hello') } } } } } } },
          }),
          block('aio_tg_create_task'),
        ],
      },
      {
        kind: 'category',
        name: s.catLowLevel,
        colour: String(HUE.lowlevel),
        contents: [
          block('aio_assign', { fields: { NAME: 'loop' }, inputs: { VALUE: { block: { type: 'aio_new_event_loop' } } } }),
          block('aio_get_running_loop'),
          ...['run_until_complete', 'create_future', 'call_soon', 'call_later', 'set_result', 'add_done_callback', 'close'].map((m) =>
            block('aio_expr', { inputs: { VALUE: { block: { type: 'aio_loop_call', fields: { METHOD: m }, inputs: { LOOP: name(m === 'set_result' || m === 'add_done_callback' ? 'fut' : 'loop') } } } } }),
          ),
          block('aio_def'),
        ],
      },
      {
        kind: 'category',
        name: s.catLogic,
        colour: '210',
        contents: [
          block('controls_if'),
          block('controls_whileUntil'),
          block('controls_repeat_ext', { inputs: { TIMES: shadowNum(3) } }),
          block('controls_for', { inputs: { FROM: shadowNum(1), TO: shadowNum(3), BY: shadowNum(1) } }),
          block('controls_forEach'),
          block('controls_flow_statements'),
          block('logic_compare'),
          block('logic_operation'),
          block('logic_negate'),
          block('logic_boolean'),
        ],
      },
      {
        kind: 'category',
        name: s.catValues,
        colour: '120',
        contents: [
          block('math_number'),
          block('math_arithmetic'),
          block('math_random_int', { inputs: { FROM: shadowNum(1), TO: shadowNum(3) } }),
          block('text'),
          block('text_join'),
          block('lists_create_with'),
          block('lists_getIndex'),
          block('lists_length'),
        ],
      },
      { kind: 'category', name: s.catVariables, colour: '330', custom: 'VARIABLE' },
      { kind: 'category', name: s.catRaw, colour: String(HUE.raw), contents: [block('aio_raw')] },
    ],
  };
  return definition as unknown as Blockly.utils.toolbox.ToolboxDefinition;
}
