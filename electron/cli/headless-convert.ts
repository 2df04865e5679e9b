/**
 * Loads the renderer's conversion code into the CLI. Blockly and its plugins
 * ship as CommonJS/UMD bundles whose named exports Node's ES module loader
 * cannot see, so the code is loaded through `require` (tsx compiles it to
 * CommonJS, with the usual interop).
 */
import { createRequire } from 'node:module';

type Convert = typeof import('../../renderer/convert/index.js');

let loaded: Convert | undefined;

export function loadConvert(): Convert {
  if (!loaded) {
    // Required here, not imported at the top: loading tsx takes ~0.1 s that `corolab run` does not need.
    const require = createRequire(import.meta.url);
    (require('tsx/cjs/api') as typeof import('tsx/cjs/api')).register();
    loaded = require('../../renderer/convert/index.ts') as Convert;
  }
  return loaded;
}
