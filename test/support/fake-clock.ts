/**
 * A clock the tests drive. `advance` moves wall and monotonic time together and fires due timers at
 * their own instants; `sleep` moves only the wall clock (Linux's monotonic clock stops in suspend and
 * timers do not fire); `jumpWall` is a user or NTP clock change.
 */
import type { Clock, TimerHandle } from '../../main/core/clock';

interface FakeTimer {
  readonly id: number;
  readonly atMono: number;
  readonly callback: () => void;
}

export class FakeClock implements Clock {
  #wall: number;
  #mono = 1_000;
  #nextId = 1;
  #timers: FakeTimer[] = [];
  /** Every timer delay requested, for assertions about clamping. */
  readonly requestedDelays: number[] = [];

  constructor(startWallMs: number) {
    this.#wall = startWallMs;
  }

  now(): number {
    return this.#wall;
  }

  monotonic(): number {
    return this.#mono;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    this.requestedDelays.push(delayMs);
    const timer = { id: this.#nextId++, atMono: this.#mono + Math.max(0, delayMs), callback };
    this.#timers.push(timer);
    return timer.id as unknown as TimerHandle;
  }

  clearTimer(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((t) => t.id !== (handle as unknown as number));
  }

  /** Pending timers. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing each due timer at its own instant. */
  advance(ms: number): void {
    const target = this.#mono + ms;
    while (this.#fireNext(target));
    this.#moveTo(target);
  }

  /** Like {@link advance}, letting promises settle after each timer (for async handlers). */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.#mono + ms;
    do await flushPromises();
    while (this.#fireNext(target));
    this.#moveTo(target);
    await flushPromises();
  }

  /** Fires the earliest timer due by `targetMono`, at its own instant; false when none is due. */
  #fireNext(targetMono: number): boolean {
    const next = this.#timers.filter((t) => t.atMono <= targetMono).sort((a, b) => a.atMono - b.atMono || a.id - b.id)[0];
    if (!next) return false;
    this.#moveTo(next.atMono);
    this.#timers = this.#timers.filter((t) => t !== next);
    next.callback();
    return true;
  }

  #moveTo(mono: number): void {
    this.#wall += mono - this.#mono;
    this.#mono = mono;
  }

  /** Advances to an absolute wall-clock instant. */
  advanceTo(wallMs: number): void {
    this.advance(wallMs - this.#wall);
  }

  /** System sleep: wall time passes, monotonic time and timers stand still. */
  sleep(ms: number): void {
    this.#wall += ms;
  }

  /** The wall clock is changed by `ms` (negative: set back). */
  jumpWall(ms: number): void {
    this.#wall += ms;
  }
}

/** Lets pending promise callbacks (and I/O completions queued as macrotasks) run. */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
