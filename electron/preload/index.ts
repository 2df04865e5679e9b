/**
 * The only door between the page and the app: `window.corolab`, one named
 * method per channel of shared/ipc.ts. The page never sees ipcRenderer.
 * Whatever main sends back is checked against the contract before the page
 * gets it.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { eventContract, invokeContract } from '../../shared/ipc.js';
import type { CorolabBridge, EventChannel, EventOf, InvokeChannel, RequestOf, ResponseOf } from '../../shared/ipc.js';

async function call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const contract = invokeContract[channel];
  const valid = contract.request.parse(request);
  const response: unknown = await ipcRenderer.invoke(channel, valid);
  return contract.response.parse(response) as ResponseOf<C>;
}

function listen<C extends EventChannel>(channel: C, listener: (payload: EventOf<C>) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
    const parsed = eventContract[channel].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventOf<C>);
    else console.error(`corolab: ignored a malformed ${channel} event`);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

let nextRunId = 1;

const bridge: CorolabBridge = {
  platform: process.platform,
  async runtimeReady(onProgress) {
    const off = listen('runtime:progress', onProgress);
    try {
      return await call('runtime:ready', {});
    } finally {
      off();
    }
  },
  async run(request, onOutput, onProgress) {
    const runId = nextRunId++;
    const offOutput = listen('runtime:output', (event) => {
      if (event.runId === runId) onOutput(event.chunks);
    });
    const offProgress = listen('runtime:run-progress', (event) => {
      if (event.runId === runId) onProgress?.(event.progress);
    });
    try {
      return await call('runtime:run', { ...request, runId });
    } finally {
      offOutput();
      offProgress();
    }
  },
  stop: () => call('runtime:stop', {}),
  toBlocks: (source, rawOnly = false) => call('runtime:to-blocks', { source, rawOnly }),
  onRuntimeStatus: (listener) => listen('runtime:status', listener),
  newDocument: () => call('file:new', {}),
  open: () => call('file:open', {}),
  openRecent: (index) => call('file:open-recent', { index }),
  openDropped: (file) => call('file:open-dropped', { path: webUtils.getPathForFile(file as File) }),
  save: (content) => call('file:save', { content }),
  saveAs: (content) => call('file:save-as', { content }),
  recentFiles: () => call('file:recent', {}),
  exportTimeline: (format, bytes) => call('file:export', { format, bytes }),
  setDocumentState: (state) => call('doc:state', state),
  autosave: (content) => call('autosave:write', { content }),
  clearAutosave: () => call('autosave:clear', {}),
  recover: () => call('autosave:recover', {}),
  askUnsavedChanges: (title) => call('dialog:unsaved', { title }),
  closeWindow: () => call('app:close', {}),
  onMenuCommand: (listener) => listen('menu:command', listener),
  onCloseRequested: (listener) => listen('app:close-requested', () => listener()),
};

contextBridge.exposeInMainWorld('corolab', bridge);
