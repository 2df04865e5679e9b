/**
 * Registers every Corolab block and its Python generator, once.
 * Block and field names are listed in ./README.md and must stay stable:
 * saved workspaces and the Python→blocks importer refer to them.
 */
import * as Blockly from 'blockly/core';
import 'blockly/blocks';
import { pythonGenerator } from 'blockly/python';
import { registerFieldMultilineInput } from './multiline-field';
import { coroutineBlocks } from './coroutines';
import { taskBlocks } from './tasks';
import { outputBlocks } from './output';
import { timeoutBlocks } from './timeouts';
import { syncBlocks } from './sync';
import { lowlevelBlocks } from './lowlevel';
import { rawBlocks } from './raw';
import { convertBlocks } from './convert';
import { coroutineGenerators } from '../generators/python/coroutines';
import { taskGenerators } from '../generators/python/tasks';
import { outputGenerators } from '../generators/python/output';
import { timeoutGenerators } from '../generators/python/timeouts';
import { syncGenerators } from '../generators/python/sync';
import { lowlevelGenerators } from '../generators/python/lowlevel';
import { rawGenerators } from '../generators/python/raw';
import { convertGenerators } from '../generators/python/convert';

export const BLOCK_DEFINITIONS = [
  ...coroutineBlocks,
  ...taskBlocks,
  ...outputBlocks,
  ...timeoutBlocks,
  ...syncBlocks,
  ...lowlevelBlocks,
  ...rawBlocks,
  ...convertBlocks,
];

/** Every block type Corolab adds (Blockly's own built-ins come on top). */
export const COROLAB_BLOCK_TYPES = BLOCK_DEFINITIONS.map((d) => d.type);

let registered = false;

export function registerBlocks(): void {
  if (registered) return;
  registered = true;
  registerFieldMultilineInput();
  pythonGenerator.INDENT = '    ';
  Blockly.common.defineBlocks(Blockly.common.createBlockDefinitionsFromJsonArray(BLOCK_DEFINITIONS));
  Object.assign(pythonGenerator.forBlock, {
    ...coroutineGenerators,
    ...taskGenerators,
    ...outputGenerators,
    ...timeoutGenerators,
    ...syncGenerators,
    ...lowlevelGenerators,
    ...rawGenerators,
    ...convertGenerators,
  });
}
