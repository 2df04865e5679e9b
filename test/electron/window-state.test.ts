import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clampToDisplays, DEFAULT_WINDOW_STATE, loadWindowState, MIN_SIZE, saveWindowState } from '../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1410 };

describe('window state', () => {
  it('saves and loads size, position and maximized', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'corolab-ws-')), 'window-state.json');
    await saveWindowState(file, { x: 40, y: 50, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('falls back to the default for a missing or damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corolab-ws-'));
    expect(loadWindowState(join(dir, 'nope.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'bad.json'), '{"width": "wide"');
    expect(loadWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'neg.json'), JSON.stringify({ width: -5, height: 10 }));
    expect(loadWindowState(join(dir, 'neg.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a window that is fully visible where it was', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(clampToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('centres a window whose monitor was unplugged on the primary display', () => {
    const state = clampToDisplays({ x: 1600, y: 100, width: 1200, height: 800, maximized: false }, [laptop]);
    expect(state).toEqual({ x: 120, y: 35, width: 1200, height: 800, maximized: false });
  });

  it('shrinks a window larger than its display and pulls it onto the display it overlaps most', () => {
    // Overlaps the laptop by 1440x270 and the right monitor by 1360x810: it belongs to the monitor.
    const state = clampToDisplays({ x: -200, y: 600, width: 3000, height: 2000, maximized: false }, [laptop, rightMonitor]);
    expect(state).toEqual({ x: 1440, y: 0, width: 2560, height: 1410, maximized: false });
    const small = clampToDisplays({ x: 1300, y: 700, width: 1000, height: 700, maximized: false }, [laptop, rightMonitor]);
    expect(small).toEqual({ x: 1440, y: 700, width: 1000, height: 700, maximized: false });
  });

  it('centres a window with no saved position, at least the minimum size', () => {
    const state = clampToDisplays({ width: 300, height: 200, maximized: false }, [laptop]);
    expect(state.width).toBe(MIN_SIZE.width);
    expect(state.height).toBe(MIN_SIZE.height);
    expect(state.x).toBe((laptop.width - MIN_SIZE.width) / 2);
  });

  it('writes the state file atomically (no temporary file left behind)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corolab-ws-'));
    const file = join(dir, 'window-state.json');
    await saveWindowState(file, { width: 900, height: 600, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8')).width).toBe(900);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });
});
