/**
 * The multi-line text field plugin is a UMD bundle: bundlers expose its named
 * exports, Node's ES module loader only its `default`. This works under both,
 * so the blocks also load headless (the CLI, the tests).
 */
import * as plugin from '@blockly/field-multilineinput';

const mod = ((plugin as unknown as { default?: typeof plugin }).default ?? plugin) as typeof plugin;

export const registerFieldMultilineInput = mod.registerFieldMultilineInput;
