import * as Blockly from 'blockly/core';

let dark: Blockly.Theme | undefined;

export function blocklyTheme(theme: 'dark' | 'light'): Blockly.Theme {
  if (theme === 'light') return Blockly.Themes.Classic;
  dark ??= Blockly.Theme.defineTheme('corolab-dark', {
    name: 'corolab-dark',
    base: Blockly.Themes.Classic,
    componentStyles: {
      workspaceBackgroundColour: '#1b1d23',
      toolboxBackgroundColour: '#262932',
      toolboxForegroundColour: '#e6e6e6',
      flyoutBackgroundColour: '#2d313b',
      flyoutForegroundColour: '#dddddd',
      flyoutOpacity: 0.95,
      scrollbarColour: '#555b66',
      insertionMarkerColour: '#ffffff',
      insertionMarkerOpacity: 0.3,
      cursorColour: '#d0d0d0',
    },
  });
  return dark;
}
