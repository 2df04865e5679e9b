/** Category hues, shared by blocks and the toolbox so a block's colour tells its family. */
export const HUE = {
  coroutines: 260,
  tasks: 200,
  output: 160,
  time: 40,
  timeouts: 0,
  sync: 300,
  taskgroup: 230,
  lowlevel: 20,
  raw: 70,
} as const;
