/** The store, as the desktop shell sees it (menus, dialogs, file drops). */
import type { DesktopActions, ProjectContent } from '../desktop/actions';
import { useStore } from './store';
import { exportTimeline } from '../timeline/export';

export const desktopActions: DesktopActions = {
  currentProject(): ProjectContent {
    const s = useStore.getState();
    return { workspace: s.workspace, source: s.source, title: s.title };
  },
  loadProject(project) {
    useStore.getState().replaceWorkspace(project.workspace, project.title);
  },
  loadPython(source, title) {
    void useStore.getState().openPython(source, title);
  },
  isDirty: () => useStore.getState().dirty,
  markSaved(title) {
    useStore.setState({ dirty: false, title });
  },
  run: () => void useStore.getState().run(),
  stop: () => useStore.getState().stop(),
  step: (direction, unit) => useStore.getState().step(direction, unit),
  exportTimeline,
  showError: (message) => useStore.getState().showError(message),
};
