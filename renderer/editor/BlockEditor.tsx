/**
 * The Blockly workspace. It owns the Blockly objects; the store only sees the
 * serialized workspace and the generated program, and tells the editor which
 * block to highlight.
 */
import { useEffect, useRef } from 'react';
import * as Blockly from 'blockly/core';
import * as En from 'blockly/msg/en';
import { WorkspaceSearch } from '@blockly/plugin-workspace-search';
import { KeyboardNavigation } from '@blockly/keyboard-navigation';
import { registerBlocks } from '../blocks/register';
import { toolbox } from '../blocks/toolbox';
import { generateProgram } from '../generators/python/program';
import { STRINGS } from '../i18n/strings';
import { blockAtCursor, useStore } from '../store/store';
import { blocklyTheme } from './themes';
import { starterWorkspace } from './starter';
import { debugHandle } from '../debug';

let navigationRegistered = false;

export function BlockEditor() {
  const host = useRef<HTMLDivElement>(null);
  const workspaceRef = useRef<Blockly.WorkspaceSvg | null>(null);
  const workspaceVersion = useStore((s) => s.workspaceVersion);
  const lang = useStore((s) => s.lang);
  const theme = useStore((s) => s.theme);
  const highlighted = useStore(blockAtCursor);
  const focusBlock = useStore((s) => s.focusBlock);

  useEffect(() => {
    registerBlocks();
    Blockly.setLocale(En as unknown as Record<string, string>);
    if (!navigationRegistered) {
      navigationRegistered = true;
      KeyboardNavigation.registerKeyboardNavigationStyles();
      KeyboardNavigation.registerFlyoutCursor();
    }
    const state = useStore.getState();
    const ws = Blockly.inject(host.current!, {
      toolbox: toolbox(STRINGS[state.lang]),
      theme: blocklyTheme(state.theme),
      renderer: 'thrasos',
      media: '/blockly-media/',
      sounds: false,
      trashcan: true,
      grid: { spacing: 24, length: 2, colour: '#8884', snap: false },
      zoom: { controls: true, wheel: true, startScale: 0.85, maxScale: 2.5, minScale: 0.3, scaleSpeed: 1.15 },
      move: { scrollbars: true, drag: true, wheel: false },
    });
    workspaceRef.current = ws;
    const search = new WorkspaceSearch(ws);
    search.init();
    const navigation = new KeyboardNavigation(ws);
    load(ws, state.workspace ?? starterWorkspace());
    const regenerate = (event: Blockly.Events.Abstract) => {
      if (event.isUiEvent) return;
      const program = generateProgram(ws);
      useStore.getState().setProgram(Blockly.serialization.workspaces.save(ws), program.code, program.lineBlocks);
    };
    ws.addChangeListener(regenerate);
    const program = generateProgram(ws);
    useStore.getState().setProgram(Blockly.serialization.workspaces.save(ws), program.code, program.lineBlocks);
    debugHandle().workspace = ws;
    return () => {
      navigation.dispose();
      search.dispose();
      ws.dispose();
      workspaceRef.current = null;
    };
  }, []);

  useEffect(() => {
    const ws = workspaceRef.current;
    if (!ws || workspaceVersion === 0) return;
    const { workspace, tidy } = useStore.getState();
    load(ws, workspace, tidy);
  }, [workspaceVersion]);

  useEffect(() => {
    workspaceRef.current?.updateToolbox(toolbox(STRINGS[lang]));
  }, [lang]);

  useEffect(() => {
    workspaceRef.current?.setTheme(blocklyTheme(theme));
  }, [theme]);

  useEffect(() => {
    const ws = workspaceRef.current;
    if (!ws) return;
    ws.highlightBlock(highlighted ?? null);
    host.current?.setAttribute('data-highlighted-block', highlighted ?? '');
    const block = highlighted ? ws.getBlockById(highlighted) : null;
    if (block && useStore.getState().model) scrollIntoViewIfNeeded(ws, block);
  }, [highlighted]);

  useEffect(() => {
    const ws = workspaceRef.current;
    const block = focusBlock ? ws?.getBlockById(focusBlock) : null;
    if (ws && block) {
      (block as Blockly.BlockSvg).select();
      ws.centerOnBlock(block.id);
    }
  }, [focusBlock]);

  return <div className="block-editor" ref={host} data-testid="block-editor" />;
}

function load(ws: Blockly.WorkspaceSvg, state: unknown, tidy = false): void {
  Blockly.Events.disable();
  try {
    ws.clear();
    Blockly.serialization.workspaces.load(state as Blockly.serialization.blocks.State, ws, { recordUndo: false });
    if (tidy) tidyStacks(ws);
  } catch {
    ws.clear();
  } finally {
    Blockly.Events.enable();
  }
  ws.clearUndo();
  ws.fireChangeListener(new (Blockly.Events.get(Blockly.Events.FINISHED_LOADING))(ws));
  ws.scrollCenter();
  if (tidy) showTopLeft(ws);
}

const STACK_GAP = 28;
const MARGIN = 20;

/**
 * Converted programs place stacks by their order, not by their rendered
 * size, so tall definitions can overlap the next. Re-stacking them one under
 * another keeps their top-to-bottom order, and so the generated program.
 */
function tidyStacks(ws: Blockly.WorkspaceSvg): void {
  let y = MARGIN;
  for (const block of ws.getTopBlocks(true)) {
    const xy = block.getRelativeToSurfaceXY();
    block.moveBy(MARGIN - xy.x, y - xy.y);
    y += block.getHeightWidth().height + STACK_GAP;
  }
}

/** A freshly opened program is read from its first line: show the workspace's top-left corner. */
function showTopLeft(ws: Blockly.WorkspaceSvg): void {
  // Content metrics are in pixels; scroll() takes where the workspace origin goes in the view.
  const content = ws.getMetricsManager().getContentMetrics();
  ws.scroll(MARGIN - content.left, MARGIN - content.top);
}

function scrollIntoViewIfNeeded(ws: Blockly.WorkspaceSvg, block: Blockly.Block): void {
  const metrics = ws.getMetricsManager().getViewMetrics(true);
  const xy = (block as Blockly.BlockSvg).getRelativeToSurfaceXY();
  const inside = xy.x >= metrics.left && xy.x <= metrics.left + metrics.width && xy.y >= metrics.top && xy.y <= metrics.top + metrics.height - 20;
  if (!inside) ws.centerOnBlock(block.id);
}
