// Starts the TypeScript worker under plain Node (CLI, tests), from its esbuild
// build when current (built.node.mjs); Electron's build bundles node-worker.ts instead.
import { importBuilt } from './built.node.mjs';

await importBuilt(new URL('./node-worker.ts', import.meta.url));
