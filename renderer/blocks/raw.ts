/** Raw Python: any text, emitted verbatim (indented where it is placed). */
import { HUE } from './colours';

export const rawBlocks = [
  {
    type: 'aio_raw',
    message0: 'Python %1 %2',
    args0: [{ type: 'input_dummy' }, { type: 'field_multilinetext', name: 'CODE', text: 'print("hello")', spellcheck: false }],
    previousStatement: null,
    nextStatement: null,
    colour: HUE.raw,
    tooltip: 'Python code, used exactly as written.',
  },
];
