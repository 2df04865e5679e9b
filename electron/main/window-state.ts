/**
 * Remembers the main window's size, position and maximized state between
 * runs, and brings a window that would open off-screen (a monitor was
 * unplugged, the resolution changed) back onto a visible display.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.js';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(150).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_SIZE = { width: 800, height: 560 };
/** How much of the window must show on a display for it to count as visible. */
const MIN_VISIBLE = 100;

/** The saved state, or the default when there is none or it is unreadable. */
export function loadWindowState(file: string): WindowState {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(WindowState.parse(state)));
}

/**
 * Fits a saved state to the displays there are now (their work areas):
 * no larger than the display it lands on, and on-screen. A window with no
 * position or one that shows on no display is centred on the primary one.
 */
export function clampToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  if (state.x === undefined || state.y === undefined) return centred(state, primary);
  const window: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(window, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  if (!best || bestOverlap < MIN_VISIBLE * MIN_VISIBLE) return centred(state, primary);
  const { width, height } = fitSize(state, best);
  return {
    ...state,
    width,
    height,
    x: clamp(state.x, best.x, best.x + best.width - width),
    y: clamp(state.y, best.y, best.y + best.height - height),
  };
}

function fitSize(state: WindowState, area: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(state.width, MIN_SIZE.width), area.width),
    height: Math.min(Math.max(state.height, MIN_SIZE.height), area.height),
  };
}

function centred(state: WindowState, area: Rect): WindowState {
  const { width, height } = fitSize(state, area);
  return { ...state, width, height, x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2) };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
