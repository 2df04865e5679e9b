/** Global keys: F5 run, F10/F11 (with Shift: back) step, Alt+←/→ loop iteration, Home/End. */
import { useStore } from '../store/store';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

export function installShortcuts(): () => void {
  const onKey = (ev: KeyboardEvent) => {
    const s = useStore.getState();
    const dir = ev.shiftKey ? 'back' : 'forward';
    let handled = true;
    if (ev.key === 'F5') void s.run();
    else if (ev.key === 'Escape' && s.running) s.stop();
    else if (ev.key === 'F10') s.step(dir, 'line');
    else if (ev.key === 'F11') s.step(dir, 'step');
    else if (ev.altKey && ev.key === 'ArrowRight') s.step('forward', 'iteration');
    else if (ev.altKey && ev.key === 'ArrowLeft') s.step('back', 'iteration');
    else if (ev.key === 'Home' && !typing(ev.target) && s.model) s.seekEdge('start');
    else if (ev.key === 'End' && !typing(ev.target) && s.model) s.seekEdge('end');
    else handled = false;
    if (handled) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}
