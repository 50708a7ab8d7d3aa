/**
 * The pure half of the scheduler: given every account's timeline and the wall-clock time, what is due
 * now and when is the next deadline. No timers, no I/O — so it can be checked instant by instant.
 */

/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;

/** A ticket counts as "expiring soon" this long before it expires. */
export const EXPIRING_SOON_MS = 24 * 60 * MINUTE_MS;

/** What the scheduler needs to know about one account. */
export interface Timeline {
  readonly accountId: string;
  /** Expiry of the current ticket (epoch ms), or null when the account holds none. */
  readonly expiresAtMs: number | null;
  /** Reminder lead times (minutes) already shown for the current ticket. */
  readonly remindersShown: readonly number[];
  /** Auto-renew is on, a password is at hand, and no refusal blocks it. */
  readonly autoRenew: boolean;
  /** When to retry a failed renewal (epoch ms), or null. */
  readonly retryAtMs: number | null;
  /** A renewal is in flight: nothing else is started for this account. */
  readonly renewing: boolean;
}

/** Something to do now. */
export type DueAction =
  | {
      readonly kind: 'reminder';
      readonly accountId: string;
      /** The reminder to show: the latest one due. */
      readonly leadMinutes: number;
      /** Earlier reminders that were missed (e.g. during sleep): marked shown, not shown. */
      readonly skippedLeadMinutes: readonly number[];
      readonly expiresAtMs: number;
    }
  | { readonly kind: 'renew'; readonly accountId: string; readonly reason: 'scheduled' | 'retry' | 'no-ticket' };

/** The result of planning. */
export interface Plan {
  readonly due: readonly DueAction[];
  /** The earliest deadline strictly after now, or null when nothing is ahead. */
  readonly nextDeadlineMs: number | null;
}

/** When auto-renew starts for a ticket: at the first (largest) reminder lead time, else 24 h before. */
export function renewAtMs(expiresAtMs: number, leadMinutes: readonly number[]): number {
  const firstLead = leadMinutes.length > 0 ? Math.max(...leadMinutes) : EXPIRING_SOON_MS / MINUTE_MS;
  return expiresAtMs - Math.max(firstLead, 1) * MINUTE_MS;
}

/**
 * Plans one account. Reminders are shown unless auto-renew is healthy (then the renewal, or its
 * failure, is what the user hears about) — except the at-expiry one, which always comes.
 */
function planAccount(timeline: Timeline, leadMinutes: readonly number[], nowMs: number, due: DueAction[], deadlines: number[]): void {
  const { accountId, expiresAtMs } = timeline;
  if (expiresAtMs === null) {
    if (timeline.autoRenew && !timeline.renewing) {
      if (timeline.retryAtMs === null || timeline.retryAtMs <= nowMs) due.push({ kind: 'renew', accountId, reason: timeline.retryAtMs === null ? 'no-ticket' : 'retry' });
      else deadlines.push(timeline.retryAtMs);
    }
    return;
  }
  // Status boundaries: the UI and tray change at these instants.
  deadlines.push(expiresAtMs - EXPIRING_SOON_MS, expiresAtMs);

  const healthyAutoRenew = timeline.autoRenew && timeline.retryAtMs === null;
  const pending = [...new Set(leadMinutes)]
    .filter((lead) => !timeline.remindersShown.includes(lead))
    .filter((lead) => !healthyAutoRenew || lead === 0)
    .sort((a, b) => b - a);
  const dueLeads = pending.filter((lead) => expiresAtMs - lead * MINUTE_MS <= nowMs);
  if (dueLeads.length > 0) {
    const latest = dueLeads[dueLeads.length - 1] as number;
    due.push({ kind: 'reminder', accountId, leadMinutes: latest, skippedLeadMinutes: dueLeads.slice(0, -1), expiresAtMs });
  }
  for (const lead of pending) if (!dueLeads.includes(lead)) deadlines.push(expiresAtMs - lead * MINUTE_MS);

  if (timeline.autoRenew && !timeline.renewing) {
    if (timeline.retryAtMs !== null) {
      if (timeline.retryAtMs <= nowMs) due.push({ kind: 'renew', accountId, reason: 'retry' });
      else deadlines.push(timeline.retryAtMs);
    } else {
      const at = renewAtMs(expiresAtMs, leadMinutes);
      if (at <= nowMs) due.push({ kind: 'renew', accountId, reason: 'scheduled' });
      else deadlines.push(at);
    }
  }
}

/** Plans every account at `nowMs`. */
export function planDeadlines(timelines: readonly Timeline[], leadMinutes: readonly number[], nowMs: number): Plan {
  const due: DueAction[] = [];
  const deadlines: number[] = [];
  for (const timeline of timelines) planAccount(timeline, leadMinutes, nowMs, due, deadlines);
  let next: number | null = null;
  for (const deadline of deadlines) if (deadline > nowMs && (next === null || deadline < next)) next = deadline;
  return { due, nextDeadlineMs: next };
}
