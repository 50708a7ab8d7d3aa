/**
 * Preload (sandboxed, CommonJS): exposes the intent API on `window.zohoTicketTray` over ipcRenderer.
 * Never exposes `ipcRenderer`, `process` or the IPC event object (it carries `sender`).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcResult } from '../main/ipc/contract';
import { createBridge } from './bridge';

const api = createBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<IpcResult<unknown>>,
  on: (channel, listener) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('zohoTicketTray', api);
