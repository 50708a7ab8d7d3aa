/**
 * A fake of the preload's API for component tests: every intent is a vi.fn resolving to `{ok: true}`
 * unless a test says otherwise, and `push` delivers a state as main would.
 */
import { vi } from 'vitest';
import type { AppStateView, IpcResult } from '../../main/ipc/contract';
import { appState } from './state-fixtures';
import type { ZohoTicketTrayApi } from '../../preload/bridge';

export { account, appState, DAY, T0 } from './state-fixtures';

const ok = <T,>(value: T): IpcResult<T> => ({ ok: true, value });

export function fakeApi(state: AppStateView = appState()) {
  const listeners = { state: new Set<(s: AppStateView) => void>(), focus: new Set<(e: { accountId: string }) => void>() };
  const api = {
    getState: vi.fn(async () => ok(state)),
    getAppInfo: vi.fn(async () => ok({ version: '0.1.0', dataDirectory: '/data/dir', logDirectory: '/data/dir/logs', platform: 'linux' as const })),
    addAccount: vi.fn(async () => ok({ accountId: 'new' })),
    updateAccount: vi.fn(async () => ok(null)),
    removeAccount: vi.fn(async () => ok(null)),
    selectAccount: vi.fn(async () => ok(null)),
    renew: vi.fn(async () => ok(null)),
    copyTicket: vi.fn(async () => ok({ clearsInSeconds: 30 as number | null })),
    updatePreferences: vi.fn(async () => ok(null)),
    hidePopover: vi.fn(async () => ok(null)),
    openHelp: vi.fn(async () => ok(null)),
    reportNetwork: vi.fn(async () => ok(null)),
    onState: vi.fn((cb: (s: AppStateView) => void) => {
      listeners.state.add(cb);
      return () => void listeners.state.delete(cb);
    }),
    onFocusAccount: vi.fn((cb: (e: { accountId: string }) => void) => {
      listeners.focus.add(cb);
      return () => void listeners.focus.delete(cb);
    }),
  };
  return {
    api: api as unknown as ZohoTicketTrayApi & typeof api,
    push: (next: AppStateView) => listeners.state.forEach((cb) => cb(next)),
    focus: (accountId: string) => listeners.focus.forEach((cb) => cb({ accountId })),
    listeners,
  };
}

/** An engine error result, as main answers a failed request. */
export const failure = (kind: string, message: string, field?: string, code?: string) => ({
  ok: false as const,
  error: { kind, message, ...(field ? { field } : {}), ...(code ? { code } : {}) },
});
