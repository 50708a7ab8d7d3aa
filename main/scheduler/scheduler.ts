/**
 * The timer half of the scheduler: exactly one timer, armed to the next deadline across all accounts.
 * It wakes on that timer, and the app wakes it on resume from sleep, screen unlock, network back,
 * any state change, and a wall-clock change. Deadlines are wall-clock instants while timers run on
 * monotonic time, so every wake re-plans against the wall clock: a jump forward fires what became
 * due, a jump backward re-arms for later. No polling.
 */
import { MAX_TIMER_DELAY_MS, type Clock, type TimerHandle } from '../core/clock';
import { planDeadlines, type DueAction, type Timeline } from './plan';

/** Why the scheduler woke. */
export type WakeReason = 'start' | 'timer' | 'resume' | 'unlock' | 'online' | 'clock-change' | 'state-change';

/** Wall and monotonic clocks disagreeing by more than this means the wall clock was changed. */
export const CLOCK_JUMP_THRESHOLD_MS = 2_000;

/** What the scheduler reads and whom it tells. */
export interface SchedulerHost {
  timelines(): readonly Timeline[];
  reminderLeadMinutes(): readonly number[];
  /**
   * Carries out a due action. Must update the timelines synchronously (mark the reminder shown, mark
   * the account renewing) so the next plan does not see it again.
   */
  onDue(action: DueAction): void;
  /** Called after each wake, once due actions ran (status boundaries may have been crossed). */
  onWoke(reason: WakeReason, clockJumpMs: number): void;
}

/** One-timer renewal scheduler. */
export class RenewalScheduler {
  readonly #clock: Clock;
  readonly #host: SchedulerHost;
  #timer: TimerHandle | null = null;
  #armedFor: number | null = null;
  /** wall − monotonic at the last wake; a change means the wall clock jumped. */
  #offset: number;
  #running = false;
  /** Timer callbacks so far (the benchmark's wake-up count). */
  timerCallbacks = 0;

  constructor(clock: Clock, host: SchedulerHost) {
    this.#clock = clock;
    this.#host = host;
    this.#offset = clock.now() - clock.monotonic();
  }

  /** The deadline the timer is armed for (epoch ms), or null. */
  get armedFor(): number | null {
    return this.#armedFor;
  }

  start(): void {
    this.#running = true;
    this.wake('start');
  }

  stop(): void {
    this.#running = false;
    this.#disarm();
  }

  /** Re-plans now: runs what is due, then arms the one timer for the next deadline. */
  wake(reason: WakeReason): void {
    if (!this.#running) return;
    const offset = this.#clock.now() - this.#clock.monotonic();
    const jump = offset - this.#offset;
    this.#offset = offset;
    const clockJumpMs = Math.abs(jump) > CLOCK_JUMP_THRESHOLD_MS ? jump : 0;
    const now = this.#clock.now();
    const first = planDeadlines(this.#host.timelines(), this.#host.reminderLeadMinutes(), now);
    for (const action of first.due) this.#host.onDue(action);
    this.#host.onWoke(clockJumpMs === 0 ? reason : reason === 'timer' ? 'clock-change' : reason, clockJumpMs);
    const next = first.due.length === 0 ? first : planDeadlines(this.#host.timelines(), this.#host.reminderLeadMinutes(), now);
    this.#arm(next.nextDeadlineMs);
  }

  /**
   * Wakes only if the wall clock jumped since the last wake. Cheap; the app calls it on any activity
   * (popover opened, IPC call), since no OS event announces clock changes on every platform.
   */
  checkClock(): void {
    const offset = this.#clock.now() - this.#clock.monotonic();
    if (Math.abs(offset - this.#offset) > CLOCK_JUMP_THRESHOLD_MS) this.wake('clock-change');
  }

  #arm(deadline: number | null): void {
    this.#disarm();
    if (deadline === null) return;
    // Clamped: setTimeout treats anything above 2^31−1 ms as 1 ms. A far deadline then takes an
    // intermediate wake, which re-plans and re-arms.
    const delay = Math.min(Math.max(0, deadline - this.#clock.now()), MAX_TIMER_DELAY_MS);
    this.#armedFor = deadline;
    this.#timer = this.#clock.setTimer(() => {
      this.#timer = null;
      this.#armedFor = null;
      this.timerCallbacks++;
      this.wake('timer');
    }, delay);
  }

  #disarm(): void {
    if (this.#timer !== null) this.#clock.clearTimer(this.#timer);
    this.#timer = null;
    this.#armedFor = null;
  }
}
