/** Output and time: print, f-strings, time.strftime, the blocking time.sleep. */
import { HUE } from './colours';

export const outputBlocks = [
  {
    type: 'aio_print',
    message0: 'print( %1 )',
    args0: [{ type: 'input_value', name: 'VALUE' }],
    previousStatement: null,
    nextStatement: null,
    colour: HUE.output,
    tooltip: 'Prints a value.',
  },
  {
    type: 'aio_fstring',
    message0: 'f" %1 "',
    args0: [{ type: 'field_input', name: 'TEXT', text: 'started at {time.strftime(\'%X\')}', spellcheck: false }],
    output: 'String',
    colour: HUE.output,
    tooltip: 'An f-string: {expressions} in braces are filled in.',
  },
  {
    type: 'aio_name',
    message0: '%1',
    args0: [{ type: 'field_input', name: 'NAME', text: 'what', spellcheck: false }],
    output: null,
    colour: HUE.output,
    tooltip: 'A name: a parameter, a variable or an expression written as text.',
  },
  {
    type: 'aio_strftime',
    message0: "time.strftime( %1 )",
    args0: [{ type: 'field_input', name: 'FORMAT', text: '%X', spellcheck: false }],
    output: 'String',
    colour: HUE.time,
    tooltip: "The current time as text; '%X' is the locale's time.",
  },
  {
    type: 'aio_time_sleep',
    message0: 'time.sleep( %1 ) blocks the loop',
    args0: [{ type: 'input_value', name: 'DELAY', check: 'Number' }],
    previousStatement: null,
    nextStatement: null,
    colour: HUE.time,
    tooltip: 'Blocks the whole event loop: no other task runs meanwhile.',
  },
];
