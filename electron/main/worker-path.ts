// electron-vite bundles the runtime worker as its own file and gives its path here.
import bundledWorker from '../../shared/runtime/node-worker.ts?modulePath';
import { unpackedPath } from './worker-path-unpacked.js';

export default unpackedPath(bundledWorker);
