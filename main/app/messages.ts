/**
 * Every user-facing string the main process shows (tray, notifications), in one place for translation.
 * Dates and durations go through `Intl` in the user's locale.
 */

/** Formats instants and durations for one locale and time zone (injected for tests). */
export interface Formatter {
  dateTime(epochMs: number): string;
  time(epochMs: number): string;
}

export function intlFormatter(locale?: string, timeZone?: string): Formatter {
  const options = timeZone ? { timeZone } : {};
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...options });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...options });
  return { dateTime: (ms) => dateTime.format(ms), time: (ms) => time.format(ms) };
}

/** "6 d 23 h", "5 h 12 min", "42 min": the time left, coarse while far, finer when near. */
export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return '0 min';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${Math.max(1, minutes)} min`;
}

export const MESSAGES = {
  appName: 'Zoho Ticket Tray',
  tray: {
    noAccount: 'Zoho Ticket Tray: no account yet. Click to add one.',
    noTicket: (account: string) => `${account}: no ticket. Click to get one.`,
    valid: (account: string, until: string, left: string) => `${account}: valid until ${until} (${left} left)`,
    expired: (account: string, at: string) => `${account}: expired ${at}. Renew now.`,
    renewing: (account: string) => `${account}: renewing…`,
    failed: (account: string, message: string) => `${account}: ${message}`,
    copy: 'Copy ticket',
    renew: 'Renew now',
    open: 'Open',
    select: 'Show in popover',
    launchAtLogin: 'Launch at login',
    quit: 'Quit Zoho Ticket Tray',
  },
  notification: {
    renewAction: 'Renew',
    copyAction: 'Copy ticket',
    expiresIn: (left: string) => `Zoho ticket expires in ${left}`,
    expiresInBody: (account: string) => `${account}: renew it before scripts start failing with 4834 Invalid Ticket Id.`,
    expired: 'Zoho ticket expired',
    expiredBody: (account: string) => `${account}: scripts using it now get 4834 Invalid Ticket Id. Renew to get a new one.`,
    renewed: 'New Zoho ticket ready',
    renewedBody: (account: string) => `${account}: the ticket was renewed and the old one released. Copy the new one into your scripts.`,
    failed: 'Could not renew the Zoho ticket',
    failedBody: (account: string, message: string, retryAt: string | null) =>
      `${account}: ${message}${retryAt ? ` Retrying at ${retryAt}.` : ' Open the app to fix it.'}`,
  },
  log: {
    noTrayHost: 'No system tray host is available (e.g. GNOME without an AppIndicator extension): the popover opens as a normal window instead.',
  },
} as const;
