/**
 * Preload (sandboxed, CommonJS): exposes intents to the renderer, never `ipcRenderer` or `process`.
 * The full intent API (`renew`, `copyTicket`, `onState`…) arrives with the IPC contract.
 */
import { contextBridge } from 'electron';

/** What the renderer may call, on `window.zohoTicketTray`. */
const bridge = {
  /** The bridge contract version, so the renderer can tell a stale preload. */
  bridgeVersion: 1,
} as const;

export type ZohoTicketTrayBridge = typeof bridge;

contextBridge.exposeInMainWorld('zohoTicketTray', bridge);
