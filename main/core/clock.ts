/**
 * Time, injected. Deadlines are absolute wall-clock instants (epoch ms); timers run on the monotonic
 * clock, so comparing the two tells a wall-clock jump from the passage of time.
 */

/** Opaque handle of a timer armed through a {@link Clock}. */
export type TimerHandle = { readonly __timer: unique symbol } | ReturnType<typeof setTimeout>;

/** The clock port. */
export interface Clock {
  /** Wall-clock time, epoch milliseconds. Can jump (user or NTP changes it). */
  now(): number;
  /** Monotonic milliseconds since an arbitrary origin; never jumps (does not count system sleep on Linux). */
  monotonic(): number;
  /** Calls `callback` once after `delayMs` of monotonic time. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Largest delay `setTimeout` honours (2^31−1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, Math.min(Math.max(0, delayMs), MAX_TIMER_DELAY_MS)),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
