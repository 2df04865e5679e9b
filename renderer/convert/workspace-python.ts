/**
 * Block workspace (Blockly JSON) → Python, without a screen: the same blocks
 * and generators as the editor, on a headless Blockly workspace. Used by the
 * importer's check, the `corolab python` command and the tests.
 */
import * as Blockly from 'blockly/core';
import * as En from 'blockly/msg/en';
import { registerBlocks } from '../blocks/register';
import { generateProgram } from '../generators/python/program';
import type { Program } from '../generators/python/program';

let ready = false;

function prepare(): void {
  if (ready) return;
  ready = true;
  // Blockly's own blocks read their labels from the message table.
  if (!Blockly.Msg['CONTROLS_FOREACH_TITLE']) Blockly.setLocale(En as unknown as Record<string, string>);
  registerBlocks();
}

/** Loads the workspace JSON headless and generates its program (code + line → block map). */
export function workspaceToProgram(json: object): Program {
  prepare();
  const workspace = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(json, workspace, { recordUndo: false });
    return generateProgram(workspace);
  } finally {
    workspace.dispose();
  }
}

export function workspaceToPython(json: object): string {
  return workspaceToProgram(json).code;
}
