/**
 * The popover's API: intents, never raw IPC. Built over any {@link BridgeTransport} — Electron's
 * `ipcRenderer` in the preload, a Playwright binding in the end-to-end harness — so the same code runs
 * in both. Every call resolves to an {@link IpcResult}; every subscription returns its unsubscribe.
 */
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type AccountPatchRequest,
  type AddAccountRequest,
  type EventChannel,
  type EventContract,
  type HelpTopic,
  type InvokeChannel,
  type IpcResult,
  type PreferencesView,
  type RequestOf,
  type ResponseOf,
} from '../main/ipc/contract';

/** What the bridge needs from the process boundary. */
export interface BridgeTransport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<IpcResult<unknown>>;
  /** Subscribes to an event channel; returns the unsubscribe function. */
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

/** Builds the intent API over a transport. */
export function createBridge(transport: BridgeTransport) {
  const call = <C extends InvokeChannel>(channel: C, request: RequestOf<C>) =>
    transport.invoke(channel, request) as Promise<IpcResult<ResponseOf<C>>>;
  const subscribe = <E extends EventChannel>(channel: E, callback: (payload: EventContract[E]) => void): (() => void) =>
    transport.on(channel, (payload) => callback(payload as EventContract[E]));

  return {
    getState: () => call(INVOKE_CHANNELS.getState, null),
    getAppInfo: () => call(INVOKE_CHANNELS.getAppInfo, null),
    addAccount: (request: AddAccountRequest) => call(INVOKE_CHANNELS.addAccount, request),
    updateAccount: (accountId: string, patch: AccountPatchRequest) => call(INVOKE_CHANNELS.updateAccount, { accountId, patch }),
    removeAccount: (accountId: string) => call(INVOKE_CHANNELS.removeAccount, { accountId }),
    selectAccount: (accountId: string) => call(INVOKE_CHANNELS.selectAccount, { accountId }),
    renew: (accountId: string, password?: string) =>
      call(INVOKE_CHANNELS.renew, password === undefined ? { accountId } : { accountId, password }),
    copyTicket: (accountId: string) => call(INVOKE_CHANNELS.copyTicket, { accountId }),
    updatePreferences: (patch: Partial<PreferencesView>) => call(INVOKE_CHANNELS.updatePreferences, patch),
    hidePopover: () => call(INVOKE_CHANNELS.hidePopover, null),
    openHelp: (topic: HelpTopic) => call(INVOKE_CHANNELS.openHelp, { topic }),
    reportNetwork: (online: boolean) => call(INVOKE_CHANNELS.reportNetwork, { online }),
    onState: (callback: (state: EventContract['ztt:state:changed']) => void) => subscribe(EVENT_CHANNELS.stateChanged, callback),
    onFocusAccount: (callback: (event: EventContract['ztt:account:focus']) => void) => subscribe(EVENT_CHANNELS.focusAccount, callback),
  };
}

/** The API the renderer finds on `window.zohoTicketTray`. */
export type ZohoTicketTrayApi = ReturnType<typeof createBridge>;
