/** Swimlane colours. Exports always use `light`, so images sit well on a white slide. */
export interface Palette {
  background: string;
  laneAlt: string;
  text: string;
  muted: string;
  grid: string;
  run: string;
  await: string;
  awaitStroke: string;
  life: string;
  create: string;
  done: string;
  cancel: string;
  fail: string;
  arrowCreate: string;
  arrowWake: string;
  loop: string;
  timer: string;
  cursor: string;
  selection: string;
}

export const PALETTES: Record<'dark' | 'light', Palette> = {
  dark: {
    background: '#15171c',
    laneAlt: '#1b1e25',
    text: '#e4e4e4',
    muted: '#9aa0aa',
    grid: '#2c3038',
    run: '#4f9dff',
    await: '#b48cff',
    awaitStroke: '#8a6ad0',
    life: '#3a3f4a',
    create: '#9aa0aa',
    done: '#4caf50',
    cancel: '#ffa726',
    fail: '#ef5350',
    arrowCreate: '#8890a0',
    arrowWake: '#e0b050',
    loop: '#6ccfb0',
    timer: '#e0b050',
    cursor: '#ff4081',
    selection: '#ffffff22',
  },
  light: {
    background: '#ffffff',
    laneAlt: '#f5f7fa',
    text: '#1f2328',
    muted: '#5f6670',
    grid: '#e3e6ea',
    run: '#1e6fd9',
    await: '#c9b3f5',
    awaitStroke: '#7e57c2',
    life: '#d5d9df',
    create: '#5f6670',
    done: '#2e7d32',
    cancel: '#ef6c00',
    fail: '#c62828',
    arrowCreate: '#8a929e',
    arrowWake: '#b8860b',
    loop: '#00897b',
    timer: '#b8860b',
    cursor: '#d81b60',
    selection: '#00000010',
  },
};
