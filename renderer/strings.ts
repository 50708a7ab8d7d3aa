/**
 * Every user-facing string of the popover, in one module, ready for translation. Dates and durations
 * go through `Intl` in the user's locale.
 */
import type { DataCentreCode, ErrorView, IpcResult, TicketStatus } from '../main/ipc/contract';

export const DATA_CENTRE_NAMES: Readonly<Record<DataCentreCode, string>> = {
  us: 'United States (accounts.zoho.com)',
  eu: 'Europe (accounts.zoho.eu)',
  in: 'India (accounts.zoho.in)',
  au: 'Australia (accounts.zoho.com.au)',
  jp: 'Japan (accounts.zoho.jp)',
  ca: 'Canada (accounts.zohocloud.ca)',
  sa: 'Saudi Arabia (accounts.zoho.sa)',
  uk: 'United Kingdom (accounts.zoho.uk)',
  cn: 'China (accounts.zoho.com.cn)',
};

export const S = {
  appName: 'Zoho Ticket Tray',
  loading: 'Loading…',
  close: 'Close',
  bridgeMissing: 'This page runs inside the Zoho Ticket Tray app; it cannot reach the app from here.',
  loadFailed: 'The app did not answer. Close the popover and open it again.',
  retry: 'Try again',
  add: {
    title: 'Add a Zoho account',
    intro: 'Get a Zoho CRM API ticket and keep it fresh.',
    label: 'Name (optional)',
    labelPlaceholder: 'e.g. Work',
    loginId: 'Login id (e-mail or user name)',
    password: 'Password',
    passwordHint: 'With two-factor authentication on, use an application-specific password.',
    show: 'Show',
    hide: 'Hide',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    dataCentre: 'Data centre',
    customUrl: 'Custom accounts URL…',
    accountsUrl: 'Accounts URL',
    accountsUrlPlaceholder: 'https://accounts.example.com',
    advanced: 'Advanced',
    method: 'Request method',
    methodPost: 'POST (recommended)',
    methodGet: 'GET (2009 form)',
    remember: 'Remember password to renew automatically',
    rememberSecure: 'It is stored encrypted by your system keychain, never in plain text.',
    rememberSessionOnly: 'This computer offers no secure storage: the password is kept for this session only and forgotten when the app quits.',
    submit: 'Get ticket',
    submitting: 'Getting ticket…',
    cancel: 'Cancel',
    required: 'Required.',
    added: 'Account added. Your ticket is ready.',
  },
  ticket: {
    ticket: 'API ticket',
    masked: '••••••••••••••••••••••••••••••••',
    reveal: 'Reveal',
    conceal: 'Hide',
    revealLabel: 'Reveal ticket',
    concealLabel: 'Hide ticket',
    copy: 'Copy',
    copied: 'Copied',
    copiedClears: (seconds: number) => `Copied — clears in ${seconds} s`,
    copyFailed: 'Could not copy the ticket.',
    renew: 'Renew now',
    renewing: 'Renewing…',
    renewed: 'Renewed: a new ticket is ready.',
    renewFailed: 'Renewal failed.',
    noTicket: 'No ticket yet.',
    getTicket: 'Get ticket',
    expires: (when: string) => `Expires ${when}`,
    expired: (when: string) => `Expired ${when}`,
    left: (text: string) => `${text} left`,
    expiredShort: 'Expired',
    status: { valid: 'Valid', 'expiring-soon': 'Expiring soon', expired: 'Expired' } satisfies Record<TicketStatus, string>,
    lifetime: 'Ticket lifetime',
    account: 'Account',
    addAccount: 'Add account',
    settings: 'Settings',
    retrying: (when: string) => `Retrying automatically at ${when}.`,
    enterPassword: 'Password to renew',
    renewWithPassword: 'Renew with this password',
  },
  banner: {
    memoryOnly: 'No secure storage on this computer: passwords are kept for this session only.',
    weak: 'Passwords are stored with a weak built-in key (you allowed it in Settings).',
    reentry: (name: string) => `The saved password of ${name} can no longer be read. Enter it again to renew.`,
  },
  settings: {
    title: 'Settings',
    back: 'Back',
    reminders: 'Remind me before a ticket expires',
    reminderChoices: [
      [2880, '48 hours before'],
      [1440, '24 hours before'],
      [360, '6 hours before'],
      [60, '1 hour before'],
      [15, '15 minutes before'],
      [0, 'When it expires'],
    ] as const,
    autoRenew: 'Renew automatically',
    autoRenewHint: 'Needs a remembered password; runs 24 hours before expiry.',
    clipboard: 'Clear the copied ticket from the clipboard',
    clipboardChoices: [
      [0, 'Never'],
      [10, 'After 10 seconds'],
      [30, 'After 30 seconds'],
      [60, 'After 1 minute'],
      [120, 'After 2 minutes'],
    ] as const,
    launchAtLogin: 'Launch at login',
    shortcut: 'Global shortcut to copy the ticket',
    shortcutPlaceholder: 'e.g. CommandOrControl+Alt+T',
    shortcutApply: 'Set',
    shortcutClear: 'Turn off',
    shortcutInvalid: 'Use modifiers and a key joined by +, e.g. CommandOrControl+Alt+T.',
    weakStorage: 'Store passwords even without a secure keychain (not recommended; applies after a restart)',
    whereData: 'Data folder',
    whereLogs: 'Log folder',
    remove: (name: string) => `Remove ${name}…`,
    removeConfirm: (name: string) => `Remove ${name}? Its saved password and ticket are deleted.`,
    removeYes: 'Remove',
    removeNo: 'Keep',
    removed: 'Account removed.',
    saved: 'Saved.',
    accountsHeading: 'Accounts',
  },
  help: { appPassword: 'How to create an application-specific password' },
};

/** What to say about a call to main that failed, or never answered (`null`). */
export function failureMessage(result: IpcResult<unknown> | null): string {
  return result?.ok === false ? result.error.message : S.loadFailed;
}

/** Where an engine error belongs in the add-account form. */
export function fieldOf(error: ErrorView): 'loginId' | 'password' | 'accountsUrl' | 'dataCentre' | null {
  switch (error.field) {
    case 'loginId':
    case 'password':
    case 'accountsUrl':
    case 'dataCentre':
      return error.field;
    default:
      return null;
  }
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export const formatDateTime = (ms: number) => dateTimeFormat.format(ms);
export const formatTime = (ms: number) => timeFormat.format(ms);

/**
 * Time left: "6 d 23 h" while more than a day remains, "5 h 12 min" in the last day, "42 min 17 s"
 * in the last hour.
 */
export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return '0 s';
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min ${seconds} s`;
}
