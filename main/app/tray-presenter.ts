/**
 * What the tray shows, as pure functions of the state (tested without Electron), and the binding that
 * re-renders icon, tooltip and menu on every state change.
 */
import type { AccountView, AppState } from './controller';
import { formatTimeLeft, MESSAGES, type Formatter } from './messages';
import type { MenuItemModel, TrayIconState, TrayView } from '../platform/platform';

/** The account the tray speaks for: the selected one, else the first. */
export function trayAccount(state: AppState): AccountView | null {
  return state.accounts.find((a) => a.id === state.selectedAccountId) ?? state.accounts[0] ?? null;
}

const nameOf = (account: AccountView) => account.label || account.loginId;

/** Icon state: busy while renewing, alert when expired, failing or ticketless, else by status. */
export function trayIconState(state: AppState): TrayIconState {
  const account = trayAccount(state);
  if (!account) return 'alert';
  if (account.renewing) return 'busy';
  if (!account.ticket || account.ticket.status === 'expired' || account.needsPasswordReentry) return 'alert';
  if (account.lastError && account.nextRetryAtMs === null) return 'alert';
  return account.ticket.status === 'expiring-soon' ? 'expiring' : 'valid';
}

/** `<account>: valid until <local date, time> (<n> d <h> h left)`, or the state in words. */
export function trayToolTip(state: AppState, nowMs: number, format: Formatter): string {
  const account = trayAccount(state);
  if (!account) return MESSAGES.tray.noAccount;
  const name = nameOf(account);
  if (account.renewing) return MESSAGES.tray.renewing(name);
  if (!account.ticket) return account.lastError ? MESSAGES.tray.failed(name, account.lastError.message) : MESSAGES.tray.noTicket(name);
  if (account.ticket.status === 'expired') return MESSAGES.tray.expired(name, format.dateTime(account.ticket.expiresAtMs));
  return MESSAGES.tray.valid(name, format.dateTime(account.ticket.expiresAtMs), formatTimeLeft(account.ticket.expiresAtMs - nowMs));
}

/** Menu action ids. Per-account ones carry the id after a colon. */
export const MENU = { copy: 'copy', renew: 'renew', open: 'open', launchAtLogin: 'launch-at-login', quit: 'quit' } as const;

/**
 * Copy ticket, Renew now, Open, one submenu per account when there are several, Launch at login, Quit.
 * Top-level Copy and Renew act on the tray's account.
 */
export function trayMenu(state: AppState): MenuItemModel[] {
  const account = trayAccount(state);
  const items: MenuItemModel[] = [
    { type: 'action', id: MENU.copy, label: MESSAGES.tray.copy, enabled: Boolean(account?.ticket) },
    { type: 'action', id: MENU.renew, label: MESSAGES.tray.renew, enabled: Boolean(account && !account.renewing) },
    { type: 'action', id: MENU.open, label: MESSAGES.tray.open, enabled: true },
  ];
  if (state.accounts.length > 1) {
    items.push({ type: 'separator' });
    for (const other of state.accounts) {
      items.push({
        type: 'submenu',
        label: `${other.id === account?.id ? '● ' : ''}${nameOf(other)}`,
        items: [
          { type: 'action', id: `select:${other.id}`, label: MESSAGES.tray.select, enabled: true },
          { type: 'action', id: `copy:${other.id}`, label: MESSAGES.tray.copy, enabled: Boolean(other.ticket) },
          { type: 'action', id: `renew:${other.id}`, label: MESSAGES.tray.renew, enabled: !other.renewing },
        ],
      });
    }
  }
  items.push(
    { type: 'separator' },
    { type: 'checkbox', id: MENU.launchAtLogin, label: MESSAGES.tray.launchAtLogin, checked: state.preferences.launchAtLogin },
    { type: 'separator' },
    { type: 'action', id: MENU.quit, label: MESSAGES.tray.quit, enabled: true },
  );
  return items;
}

/** Renders the state into the tray; call on every state change (the menu is rebuilt each time). */
export function renderTray(tray: TrayView, state: AppState, nowMs: number, format: Formatter): void {
  tray.setIcon(trayIconState(state));
  tray.setToolTip(trayToolTip(state, nowMs, format));
  tray.setMenu(trayMenu(state));
}
