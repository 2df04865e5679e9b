/**
 * Blocks the Python importer needs beyond the toolbox: a comment and an
 * `import` (whose line is hoisted with the imports the other blocks ask for,
 * so it is never written twice).
 */
import * as Blockly from 'blockly/core';
import { HUE } from './colours';

// The import block writes no line of its own, so it gets no line→block marker either.
const NO_MARKER = 'aio_no_line_marker';
if (!Blockly.Extensions.isRegistered(NO_MARKER)) {
  Blockly.Extensions.register(NO_MARKER, function (this: Blockly.Block) {
    this.suppressPrefixSuffix = true;
  });
}

export const convertBlocks = [
  {
    type: 'aio_comment',
    message0: '# %1',
    args0: [{ type: 'field_multilinetext', name: 'TEXT', text: 'a note', spellcheck: false }],
    previousStatement: null,
    nextStatement: null,
    colour: '#888888',
    tooltip: 'A comment: notes for people, ignored by Python.',
  },
  {
    type: 'aio_import',
    message0: 'import %1',
    args0: [{ type: 'field_dropdown', name: 'MODULE', options: [['asyncio', 'asyncio'], ['time', 'time']] }],
    previousStatement: null,
    nextStatement: null,
    colour: HUE.raw,
    extensions: [NO_MARKER],
    tooltip: 'Imports a module; imports are written at the top of the program.',
  },
];
