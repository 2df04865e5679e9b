// The desktop preload's `window.corolab`; its type is the IPC contract's own (shared/ipc.ts).
import type { CorolabBridge } from '../../shared/ipc';

declare global {
  interface Window {
    corolab?: CorolabBridge;
  }
}
