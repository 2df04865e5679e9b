import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getClient, useStore } from './store/store';
import { desktopActions } from './store/desktop-actions';
import { hasDesktopBridge } from './runtime/pick-client';
import { debugHandle } from './debug';
import './styles.css';

debugHandle().store = useStore;
debugHandle().loadTrace = (trace) => useStore.getState().showTrace(trace);
debugHandle().exportTimeline = desktopActions.exportTimeline;
debugHandle().runtime = getClient;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The desktop glue exists only in the Electron build; a glob keeps the web build free of it.
const connect = import.meta.glob<{ connectDesktop?: (actions: typeof desktopActions) => void }>('./desktop/connect.ts');
if (hasDesktopBridge()) {
  const load = connect['./desktop/connect.ts'];
  if (load) void load().then((m) => m.connectDesktop?.(desktopActions));
}
