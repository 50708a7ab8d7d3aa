/**
 * App state fixtures shared by the component tests (jsdom) and the renderer end-to-end tests
 * (Playwright): one account with a fresh ticket, and the default preferences.
 */
import type { AccountView, AppStateView } from '../../main/ipc/contract';

export const T0 = Date.parse('2026-12-01T09:00:00Z');
export const DAY = 24 * 3600 * 1000;

export function account(overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: 'a1',
    label: 'Work',
    loginId: 'me@example.com',
    endpoint: { dataCentre: 'us' },
    method: 'post',
    rememberPassword: true,
    autoRenew: true,
    hasPassword: true,
    needsPasswordReentry: false,
    ticket: { value: 'c1eea66055af5d42b8b1ab0d1171c9c4', issuedAtMs: T0, expiresAtMs: T0 + 7 * DAY, status: 'valid' },
    renewing: false,
    lastError: null,
    nextRetryAtMs: null,
    autoRenewBlocked: false,
    ...overrides,
  };
}

export function appState(overrides: Partial<AppStateView> = {}): AppStateView {
  return {
    accounts: [account()],
    selectedAccountId: 'a1',
    preferences: { reminderLeadMinutes: [1440, 60, 0], clipboardAutoClearSeconds: 30, launchAtLogin: false, globalShortcut: null, allowWeakSecretStorage: false },
    secretProtection: { level: 'os', reason: null },
    notices: [],
    ...overrides,
  };
}
