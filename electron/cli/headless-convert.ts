/**
 * Loads the renderer's conversion code into the CLI. Blockly and its plugins
 * ship as CommonJS/UMD bundles whose named exports Node's ES module loader
 * cannot see, so the code is loaded through `require` (tsx compiles it to
 * CommonJS, with the usual interop).
 */
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

type Convert = typeof import('../../renderer/convert/index.js');

let loaded: Convert | undefined;

export function loadConvert(): Convert {
  if (!loaded) {
    register();
    loaded = createRequire(import.meta.url)('../../renderer/convert/index.ts') as Convert;
  }
  return loaded;
}
