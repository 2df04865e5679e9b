/**
 * Real mouse work on the Blockly workspace. Blockly draws on SVG, so the
 * tests ask the live workspace where things are (toolbox rows, flyout blocks,
 * connections) and then drive the mouse there like a user would.
 */
import type { Page } from 'playwright-core';

export interface Point {
  x: number;
  y: number;
}

/** Opens a toolbox category by clicking its row. */
export async function openCategory(page: Page, name: string): Promise<void> {
  const box = await page.evaluate((name) => {
    const ws = (globalThis as any).corolabDebug.workspace;
    const item = ws.getToolbox().getToolboxItems().find((i: any) => i.getName?.() === name);
    if (!item) throw new Error(`no toolbox category ${name}`);
    const r = item.getDiv().getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, name);
  await page.mouse.click(box.x, box.y);
  await page.waitForFunction(() => (globalThis as any).corolabDebug.workspace.getFlyout().isVisible());
  await page.waitForTimeout(300);
}

interface FlyoutGrab {
  grab: Point;
  /** Where the block's previous connection is, relative to the grab point (screen px). */
  connection: Point | null;
  type: string;
}

/** The screen point to grab the `index`-th block of the open flyout by. */
async function flyoutGrab(page: Page, index: number): Promise<FlyoutGrab> {
  return page.evaluate((index) => {
    const ws = (globalThis as any).corolabDebug.workspace;
    const fws = ws.getFlyout().getWorkspace();
    const block = fws.getTopBlocks(true)[index];
    if (!block) throw new Error(`flyout has no block ${index}`);
    const ctm = fws.getCanvas().getScreenCTM();
    const toScreen = (x: number, y: number) => ({ x: ctm.a * x + ctm.e, y: ctm.d * y + ctm.f });
    const xy = block.getRelativeToSurfaceXY();
    const grab = toScreen(xy.x + 6, xy.y + 10);
    const prev = block.previousConnection;
    const conn = prev ? toScreen(prev.x, prev.y) : null;
    return { grab, connection: conn ? { x: conn.x - grab.x, y: conn.y - grab.y } : null, type: block.type };
  }, index);
}

/** Screen position of a statement connection: `input` of the block, or its next connection. */
export async function connectionPoint(page: Page, blockId: string, input: string | 'NEXT'): Promise<Point> {
  return page.evaluate(
    ({ blockId, input }) => {
      const ws = (globalThis as any).corolabDebug.workspace;
      const block = ws.getBlockById(blockId);
      const conn = input === 'NEXT' ? block.nextConnection : block.getInput(input).connection;
      const ctm = ws.getCanvas().getScreenCTM();
      return { x: ctm.a * conn.x + ctm.e, y: ctm.d * conn.y + ctm.f };
    },
    { blockId, input },
  );
}

async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 6, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.waitForTimeout(60);
  await page.mouse.up();
  await page.waitForTimeout(120);
}

/** Drags the `index`-th flyout block of `category` to a free spot; returns the new block's id. */
export async function dragToWorkspace(page: Page, category: string, index: number, to: Point): Promise<string> {
  await openCategory(page, category);
  const g = await flyoutGrab(page, index);
  const before = await topBlockIds(page);
  await drag(page, g.grab, to);
  const after = await topBlockIds(page);
  const added = after.filter((id) => !before.includes(id));
  if (added.length !== 1) throw new Error(`dragging ${g.type} added ${added.length} top blocks`);
  return added[0]!;
}

/**
 * Drags the `index`-th flyout block of `category` onto the workspace, then
 * picks it up there and drops it so its previous connection meets `target`
 * (two drags, like a user who first pulls a block out, then places it).
 */
export async function dragToConnection(page: Page, category: string, index: number, target: Point, parking: Point): Promise<string> {
  const root = await dragToWorkspace(page, category, index, parking);
  const again = await workspaceGrab(page, root);
  await drag(page, again.grab, { x: target.x - again.connection.x, y: target.y - again.connection.y });
  if (!(await isConnected(page, root))) throw new Error(`block ${root} did not connect where it was dropped`);
  return root;
}

function isConnected(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => Boolean((globalThis as any).corolabDebug.workspace.getBlockById(id).getParent()), id);
}

async function workspaceGrab(page: Page, id: string): Promise<{ grab: Point; connection: Point }> {
  return page.evaluate((id) => {
    const ws = (globalThis as any).corolabDebug.workspace;
    const block = ws.getBlockById(id);
    const ctm = ws.getCanvas().getScreenCTM();
    const toScreen = (x: number, y: number) => ({ x: ctm.a * x + ctm.e, y: ctm.d * y + ctm.f });
    const xy = block.getRelativeToSurfaceXY();
    const grab = toScreen(xy.x + 6, xy.y + 10);
    const conn = toScreen(block.previousConnection.x, block.previousConnection.y);
    return { grab, connection: { x: conn.x - grab.x, y: conn.y - grab.y } };
  }, id);
}

export function topBlockIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as any).corolabDebug.workspace.getTopBlocks(false).map((b: any) => b.id));
}

export function allBlockIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as any).corolabDebug.workspace.getAllBlocks(false).map((b: any) => b.id));
}

/** Clicks a field of a block (found by walking from `blockId` to a descendant of `type`) and types a new value. */
export async function editField(page: Page, blockId: string, type: string, field: string, value: string): Promise<void> {
  const box = await page.evaluate(
    ({ blockId, type, field }) => {
      const ws = (globalThis as any).corolabDebug.workspace;
      const root = ws.getBlockById(blockId);
      const block = [root, ...root.getDescendants(false)].find((b: any) => b.type === type && b.getField(field));
      if (!block) throw new Error(`no ${type}.${field} under ${blockId}`);
      const r = block.getField(field).getSvgRoot().getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { blockId, type, field },
  );
  await retypeField(page, box, value);
}

/** Opens the field editor at `at` and replaces its text with `value`. */
async function retypeField(page: Page, at: Point, value: string): Promise<void> {
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector('.blocklyHtmlInput');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
}

/** A point on the empty workspace, `dx`/`dy` pixels from its top-left (right of the toolbox). */
export async function workspacePoint(page: Page, dx: number, dy: number): Promise<Point> {
  return page.evaluate(
    ({ dx, dy }) => {
      const ws = (globalThis as any).corolabDebug.workspace;
      const svg = ws.getParentSvg().getBoundingClientRect();
      const toolbox = ws.getToolbox().getWidth();
      return { x: svg.left + toolbox + dx, y: svg.top + dy };
    },
    { dx, dy },
  );
}

/** Replaces the text of the workspace's raw-Python block by typing into it. */
export async function typeRawProgram(page: Page, code: string): Promise<void> {
  const box = await page.evaluate(() => {
    const ws = (globalThis as any).corolabDebug.workspace;
    const block = ws.getAllBlocks(false).find((b: any) => b.type === 'aio_raw');
    if (!block) throw new Error('no raw-Python block on the workspace');
    const r = block.getField('CODE').getSvgRoot().getBoundingClientRect();
    return { x: r.left + 20, y: r.top + 8 };
  });
  await page.mouse.click(box.x, box.y);
  await page.waitForSelector('.blocklyHtmlInput');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(code);
  const away = await workspacePoint(page, 500, 440);
  await page.mouse.click(away.x, away.y);
  await page.waitForFunction((code) => (globalThis as any).corolabDebug.store.getState().source.trim() === code.trim(), code);
}

/** Clicks the field `field` of the block of `type` whose field currently reads `current`, and types `value`. */
export async function editFieldWhere(page: Page, type: string, field: string, current: string, value: string): Promise<string> {
  const found = await page.evaluate(
    ({ type, field, current }) => {
      const ws = (globalThis as any).corolabDebug.workspace;
      const block = ws.getAllBlocks(true).find((b: any) => b.type === type && String(b.getFieldValue(field)) === current);
      if (!block) throw new Error(`no ${type} block with ${field} = ${current}`);
      const r = block.getField(field).getSvgRoot().getBoundingClientRect();
      return { id: block.id as string, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { type, field, current },
  );
  await retypeField(page, found, value);
  return found.id;
}
