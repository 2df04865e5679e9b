// Starts the TypeScript worker under plain Node (CLI, tests); Electron's build bundles node-worker.ts instead.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
