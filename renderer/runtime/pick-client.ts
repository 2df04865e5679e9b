/**
 * Chooses the runtime client, in one place: the desktop bridge when the
 * preload exposed `window.corolab`, the Web Worker otherwise. The desktop
 * client is loaded only when needed, so the web build never bundles it in.
 */
import type { RuntimeClient } from './client';

type ElectronClientModule = { electronRuntimeClient?: () => RuntimeClient | undefined };

// A glob, not a plain import: the web build must still build where the desktop client is absent.
const desktopClient = import.meta.glob<ElectronClientModule>('./electron-client.ts');

export function hasDesktopBridge(): boolean {
  return typeof window !== 'undefined' && 'corolab' in window && Boolean((window as { corolab?: unknown }).corolab);
}

export async function pickClient(): Promise<RuntimeClient> {
  if (hasDesktopBridge()) {
    const load = desktopClient['./electron-client.ts'];
    if (!load) throw new Error('desktop bridge not available: renderer/runtime/electron-client.ts is missing');
    const mod = await load();
    const desktop = mod.electronRuntimeClient?.();
    if (!desktop) throw new Error('desktop bridge not available');
    return desktop;
  }
  const { WebRuntimeClient } = await import('./web-client');
  return new WebRuntimeClient();
}
