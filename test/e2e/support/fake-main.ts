/**
 * A fake main process for renderer end-to-end tests, installed in the page before it loads (in place
 * of the preload). It offers the same intent API as preload/bridge.ts, keeps a state, and records
 * calls; tests drive it through `window.__fakeMain`.
 */
import type { Page } from '@playwright/test';
import type { AppStateView } from '../../../main/ipc/contract';

export interface FakeMainOptions {
  readonly state: AppStateView;
  /** Results to return by channel, once each, before the default behaviour. */
  readonly scripted?: Record<string, unknown[]>;
  /** The page's clock, frozen at this instant (ms), for stable countdowns and screenshots. */
  readonly nowMs?: number;
}

export { account, appState, DAY, T0 } from '../../support/state-fixtures';

/** Installs the fake main before any page script runs. */
export async function installFakeMain(page: Page, options: FakeMainOptions): Promise<void> {
  await page.addInitScript((opts: FakeMainOptions) => {
    if (opts.nowMs !== undefined) {
      const fixed = opts.nowMs;
      Date.now = () => fixed;
    }
    type Listener = (payload: unknown) => void;
    const listeners = new Map<string, Set<Listener>>();
    const calls: [string, unknown][] = [];
    const scripted = new Map(Object.entries(opts.scripted ?? {}).map(([k, v]) => [k, [...v]]));
    let state = opts.state;
    const push = (next: typeof state) => {
      state = next;
      for (const listener of listeners.get('ztt:state:changed') ?? []) listener(state);
    };
    const ok = (value: unknown) => ({ ok: true, value });
    const handle = async (channel: string, payload: unknown): Promise<unknown> => {
      calls.push([channel, payload]);
      const next = scripted.get(channel)?.shift();
      if (next !== undefined) return next;
      const p = payload as Record<string, unknown>;
      switch (channel) {
        case 'ztt:state:get':
          return ok(state);
        case 'ztt:app:info':
          return ok({ version: '0.1.0', dataDirectory: '/home/me/.config/Zoho Ticket Tray', logDirectory: '/home/me/.config/Zoho Ticket Tray/logs', platform: 'linux' });
        case 'ztt:ticket:copy':
          return ok({ clearsInSeconds: state.preferences.clipboardAutoClearSeconds || null });
        case 'ztt:account:select':
          push({ ...state, selectedAccountId: p['accountId'] as string });
          return ok(null);
        case 'ztt:preferences:update':
          push({ ...state, preferences: { ...state.preferences, ...(p as object) } });
          return ok(null);
        default:
          return ok(null);
      }
    };
    const on = (channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set.add(listener));
      return () => void set.delete(listener);
    };
    const call = (channel: string, payload: unknown) => handle(channel, payload);
    Object.defineProperty(window, 'zohoTicketTray', {
      value: {
        getState: () => call('ztt:state:get', null),
        getAppInfo: () => call('ztt:app:info', null),
        addAccount: (request: unknown) => call('ztt:account:add', request),
        updateAccount: (accountId: string, patch: unknown) => call('ztt:account:update', { accountId, patch }),
        removeAccount: (accountId: string) => call('ztt:account:remove', { accountId }),
        selectAccount: (accountId: string) => call('ztt:account:select', { accountId }),
        renew: (accountId: string, password?: string) => call('ztt:ticket:renew', password === undefined ? { accountId } : { accountId, password }),
        copyTicket: (accountId: string) => call('ztt:ticket:copy', { accountId }),
        updatePreferences: (patch: unknown) => call('ztt:preferences:update', patch),
        hidePopover: () => call('ztt:popover:hide', null),
        openHelp: (topic: string) => call('ztt:help:open', { topic }),
        reportNetwork: (online: boolean) => call('ztt:network:changed', { online }),
        onState: (cb: Listener) => on('ztt:state:changed', cb),
        onFocusAccount: (cb: Listener) => on('ztt:account:focus', cb),
      },
    });
    Object.defineProperty(window, '__fakeMain', { value: { calls, push: (next: typeof state) => push(next), state: () => state } });
  }, options);
}

/** The calls the page made, by channel. */
export async function callsTo(page: Page, channel: string): Promise<unknown[]> {
  return page.evaluate((c) => (window as unknown as { __fakeMain: { calls: [string, unknown][] } }).__fakeMain.calls.filter(([ch]) => ch === c).map(([, p]) => p), channel);
}

/** Pushes a new state, as main does on every change. */
export async function pushState(page: Page, state: AppStateView): Promise<void> {
  await page.evaluate((s) => (window as unknown as { __fakeMain: { push(s: unknown): void } }).__fakeMain.push(s), state);
}
