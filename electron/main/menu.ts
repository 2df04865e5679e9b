/**
 * The native menu. Every item sends a command to the renderer, which owns
 * the document and asks about unsaved changes before Open or New.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc.js';

export interface MenuDeps {
  platform: NodeJS.Platform;
  appName: string;
  recent: { name: string }[];
  send: (command: MenuCommand) => void;
  about: () => void;
}

export function buildMenuTemplate({ platform, appName, recent, send, about }: MenuDeps): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const step = (label: string, direction: 'forward' | 'back', unit: 'line' | 'step' | 'iteration', accelerator: string) =>
    item(label, { command: 'step', direction, unit }, accelerator);

  const recentMenu: MenuItemConstructorOptions[] = recent.length
    ? recent.map((file, index) => item(file.name, { command: 'open-recent', index }))
    : [{ label: 'No Recent Files', enabled: false }];

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { label: `About ${appName}`, click: about },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        item('New', { command: 'new' }, 'CmdOrCtrl+N'),
        item('Open…', { command: 'open' }, 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentMenu },
        { type: 'separator' },
        item('Save', { command: 'save' }, 'CmdOrCtrl+S'),
        item('Save As…', { command: 'save-as' }, 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Export Timeline as PNG…', { command: 'export', format: 'png' }, 'CmdOrCtrl+E'),
        item('Export Timeline as SVG…', { command: 'export', format: 'svg' }, 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&Run',
      submenu: [
        item('Run', { command: 'run' }, 'F5'),
        item('Stop', { command: 'stop' }, 'Shift+F5'),
        { type: 'separator' },
        step('Step Forward (line)', 'forward', 'line', 'F10'),
        step('Step Back (line)', 'back', 'line', 'Shift+F10'),
        step('Step Forward (task step)', 'forward', 'step', 'F11'),
        step('Step Back (task step)', 'back', 'step', 'Shift+F11'),
        step('Next Loop Iteration', 'forward', 'iteration', 'CmdOrCtrl+F11'),
        step('Previous Loop Iteration', 'back', 'iteration', 'CmdOrCtrl+Shift+F11'),
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        // F11 steps through the run here, so full screen gets another key.
        { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'CmdOrCtrl+Shift+F' },
      ],
    },
    {
      label: '&Help',
      submenu: mac ? [{ role: 'toggleDevTools' }] : [{ label: `About ${appName}`, click: about }, { role: 'toggleDevTools' }],
    },
  );
  return template;
}
