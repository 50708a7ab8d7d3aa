import { describe, expect, it } from 'vitest';
import { MAX_TIMER_DELAY_MS } from '../../../main/core/clock';
import { planDeadlines, type DueAction, type Timeline } from '../../../main/scheduler/plan';
import { RenewalScheduler, type WakeReason } from '../../../main/scheduler/scheduler';
import { FakeClock } from '../../support/fake-clock';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const DEFAULT_LEADS = [24 * 60, 60, 0];

/** A host that keeps timelines in memory and records what fired, at which wall instant. */
class TestHost {
  readonly fired: { atMs: number; action: DueAction }[] = [];
  readonly wakes: { reason: WakeReason; clockJumpMs: number }[] = [];
  readonly timelinesById = new Map<string, Timeline>();
  leads = DEFAULT_LEADS;
  constructor(private readonly clock: FakeClock) {}

  add(accountId: string, issuedAtMs: number, extra: Partial<Timeline> = {}): void {
    this.timelinesById.set(accountId, {
      accountId,
      expiresAtMs: issuedAtMs + 7 * DAY,
      remindersShown: [],
      autoRenew: false,
      retryAtMs: null,
      renewing: false,
      ...extra,
    });
  }
  timelines = () => [...this.timelinesById.values()];
  reminderLeadMinutes = () => this.leads;
  onDue = (action: DueAction) => {
    this.fired.push({ atMs: this.clock.now(), action });
    const timeline = this.timelinesById.get(action.accountId)!;
    if (action.kind === 'reminder') {
      this.timelinesById.set(action.accountId, {
        ...timeline,
        remindersShown: [...timeline.remindersShown, action.leadMinutes, ...action.skippedLeadMinutes],
      });
    } else {
      this.timelinesById.set(action.accountId, { ...timeline, renewing: true });
    }
  };
  onWoke = (reason: WakeReason, clockJumpMs: number) => {
    this.wakes.push({ reason, clockJumpMs });
  };
  reminders = () =>
    this.fired
      .filter((f) => f.action.kind === 'reminder')
      .map((f) => ({ at: new Date(f.atMs).toISOString(), account: f.action.accountId, lead: f.action.kind === 'reminder' ? f.action.leadMinutes : -1 }));
}

function setup(accounts: [string, number, Partial<Timeline>?][] = [['a', T0]]) {
  const clock = new FakeClock(T0);
  const host = new TestHost(clock);
  for (const [id, issued, extra] of accounts) host.add(id, issued, extra);
  const scheduler = new RenewalScheduler(clock, host);
  scheduler.start();
  return { clock, host, scheduler };
}

describe('RenewalScheduler over a 7-day ticket', () => {
  it('fires each default reminder exactly at its instant, with one timer and 3 wake-ups', () => {
    const { clock, host, scheduler } = setup();
    expect(clock.pendingTimers).toBe(1);
    clock.advance(8 * DAY);
    expect(host.reminders()).toEqual([
      { at: '2026-12-07T09:00:00.000Z', account: 'a', lead: 1440 },
      { at: '2026-12-08T08:00:00.000Z', account: 'a', lead: 60 },
      { at: '2026-12-08T09:00:00.000Z', account: 'a', lead: 0 },
    ]);
    expect(scheduler.timerCallbacks).toBe(3);
    expect(clock.pendingTimers).toBe(0); // nothing ahead: no timer at all
  });

  it('never has more than one timer armed', () => {
    const { clock, scheduler } = setup([['a', T0], ['b', T0 + HOUR], ['c', T0 + 2 * HOUR]]);
    for (let i = 0; i < 40; i++) {
      scheduler.wake('state-change');
      clock.advance(5 * HOUR);
      expect(clock.pendingTimers).toBeLessThanOrEqual(1);
    }
  });

  it('after a sleep across several reminders fires only the latest due one, once, right away', () => {
    const { clock, host, scheduler } = setup();
    clock.advance(5 * DAY);
    clock.sleep(DAY + 23 * HOUR + 30 * MIN); // lid closed until 6 d 23 h 30: two reminders pass unseen
    expect(host.reminders()).toEqual([]);
    scheduler.wake('resume');
    expect(host.reminders()).toEqual([{ at: '2026-12-08T08:30:00.000Z', account: 'a', lead: 60 }]);
    expect(host.fired[0]?.action).toMatchObject({ skippedLeadMinutes: [1440] });
    scheduler.wake('unlock');
    scheduler.wake('resume');
    expect(host.reminders()).toHaveLength(1);
    clock.advance(30 * MIN);
    expect(host.reminders().map((r) => r.lead)).toEqual([60, 0]);
  });

  it('restarts mid-week from persisted state without repeating a reminder', () => {
    const clock = new FakeClock(T0 + 6 * DAY + 12 * HOUR);
    const host = new TestHost(clock);
    host.add('a', T0, { remindersShown: [1440] });
    const scheduler = new RenewalScheduler(clock, host);
    scheduler.start();
    expect(host.fired).toEqual([]);
    expect(scheduler.armedFor).toBe(T0 + 7 * DAY - HOUR);
    clock.advance(DAY);
    expect(host.reminders().map((r) => r.lead)).toEqual([60, 0]);
  });

  it('handles a wall-clock jump forward: what became due fires on the next wake', () => {
    const { clock, host, scheduler } = setup();
    clock.advance(5 * DAY);
    clock.jumpWall(DAY + 2 * HOUR); // now 6 d 2 h by the wall clock; the timer still waits on monotonic time
    scheduler.checkClock();
    expect(host.reminders()).toEqual([{ at: '2026-12-07T11:00:00.000Z', account: 'a', lead: 1440 }]);
    expect(host.wakes.at(-1)).toEqual({ reason: 'clock-change', clockJumpMs: DAY + 2 * HOUR });
    clock.advance(21 * HOUR);
    expect(host.reminders().map((r) => r.at)).toEqual(['2026-12-07T11:00:00.000Z', '2026-12-08T08:00:00.000Z']);
  });

  it('handles a jump forward with nobody calling: the pending timer fires, re-plans and catches up', () => {
    const { clock, host } = setup();
    clock.advance(5 * DAY);
    clock.jumpWall(1.5 * DAY);
    clock.advance(DAY); // the timer armed for "6 d" fires at wall 7 d 12 h (late by the jump)
    expect(host.reminders()).toEqual([{ at: '2026-12-08T21:00:00.000Z', account: 'a', lead: 0 }]);
    expect(host.fired[0]?.action).toMatchObject({ skippedLeadMinutes: [1440, 60] });
  });

  it('handles a wall-clock jump backward: an early timer re-arms and the reminder fires on time', () => {
    const { clock, host } = setup();
    clock.advance(5 * DAY);
    clock.jumpWall(-12 * HOUR);
    clock.advance(3 * DAY);
    expect(host.reminders().map((r) => r.at)).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-08T08:00:00.000Z',
      '2026-12-08T09:00:00.000Z',
    ]);
  });

  it('interleaves three accounts, each reminder at its own instant, in order', () => {
    const { clock, host, scheduler } = setup([
      ['a', T0],
      ['b', T0 + 30 * MIN],
      ['c', T0 - 2 * DAY],
    ]);
    clock.advance(8 * DAY);
    expect(host.reminders()).toEqual([
      { at: '2026-12-05T09:00:00.000Z', account: 'c', lead: 1440 },
      { at: '2026-12-06T08:00:00.000Z', account: 'c', lead: 60 },
      { at: '2026-12-06T09:00:00.000Z', account: 'c', lead: 0 },
      { at: '2026-12-07T09:00:00.000Z', account: 'a', lead: 1440 },
      { at: '2026-12-07T09:30:00.000Z', account: 'b', lead: 1440 },
      { at: '2026-12-08T08:00:00.000Z', account: 'a', lead: 60 },
      { at: '2026-12-08T08:30:00.000Z', account: 'b', lead: 60 },
      { at: '2026-12-08T09:00:00.000Z', account: 'a', lead: 0 },
      { at: '2026-12-08T09:30:00.000Z', account: 'b', lead: 0 },
    ]);
    expect(scheduler.timerCallbacks).toBe(9);
  });

  it('clamps delays below 2^31-1 ms and takes an intermediate wake for far deadlines', () => {
    const clock = new FakeClock(T0);
    const host = new TestHost(clock);
    host.leads = [0];
    host.add('far', T0 + 40 * DAY - 7 * DAY); // expires in 40 days
    const scheduler = new RenewalScheduler(clock, host);
    scheduler.start();
    expect(Math.max(...clock.requestedDelays)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    clock.advance(41 * DAY);
    expect(host.reminders()).toEqual([{ at: '2027-01-10T09:00:00.000Z', account: 'far', lead: 0 }]);
  });

  it('starts a scheduled auto-renewal at the first lead time and suppresses reminders meanwhile', () => {
    const { clock, host } = setup([['a', T0, { autoRenew: true }]]);
    clock.advance(7 * DAY - MIN);
    expect(host.fired).toEqual([{ atMs: T0 + 6 * DAY, action: { kind: 'renew', accountId: 'a', reason: 'scheduled' } }]);
    // A renewal that never completes still gets the at-expiry reminder: the user is never left unaware.
    clock.advance(MIN);
    expect(host.reminders()).toEqual([{ at: '2026-12-08T09:00:00.000Z', account: 'a', lead: 0 }]);
  });

  it('shows reminders again while a failed auto-renewal waits for its retry, and retries on time', () => {
    const { clock, host } = setup([['a', T0, { autoRenew: true, retryAtMs: T0 + 6 * DAY + 30 * MIN }]]);
    clock.advance(6 * DAY + HOUR);
    expect(host.fired.map((f) => [new Date(f.atMs).toISOString(), f.action.kind])).toEqual([
      ['2026-12-07T09:00:00.000Z', 'reminder'],
      ['2026-12-07T09:30:00.000Z', 'renew'],
    ]);
  });
});

describe('planDeadlines', () => {
  it('renews at once for an account without a ticket when auto-renew can', () => {
    const timeline: Timeline = { accountId: 'a', expiresAtMs: null, remindersShown: [], autoRenew: true, retryAtMs: null, renewing: false };
    expect(planDeadlines([timeline], DEFAULT_LEADS, T0)).toEqual({ due: [{ kind: 'renew', accountId: 'a', reason: 'no-ticket' }], nextDeadlineMs: null });
    expect(planDeadlines([{ ...timeline, renewing: true }], DEFAULT_LEADS, T0).due).toEqual([]);
    expect(planDeadlines([{ ...timeline, autoRenew: false }], DEFAULT_LEADS, T0)).toEqual({ due: [], nextDeadlineMs: null });
  });

  it('includes the status boundaries (expiring soon, expired) as deadlines', () => {
    const timeline: Timeline = { accountId: 'a', expiresAtMs: T0 + 7 * DAY, remindersShown: [], autoRenew: false, retryAtMs: null, renewing: false };
    expect(planDeadlines([timeline], [], T0).nextDeadlineMs).toBe(T0 + 6 * DAY);
    expect(planDeadlines([timeline], [], T0 + 6 * DAY).nextDeadlineMs).toBe(T0 + 7 * DAY);
    expect(planDeadlines([timeline], [], T0 + 7 * DAY).nextDeadlineMs).toBeNull();
  });
});
