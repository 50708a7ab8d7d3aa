/**
 * Puts a ticket on the clipboard and takes it off again: after N seconds (only if the clipboard still
 * holds our ticket: the user may have copied something else since), and on quit.
 */
import type { Clock, TimerHandle } from '../core/clock';
import type { Clipboard } from '../platform/platform';

export class ClipboardService {
  #ours: string | null = null;
  #timer: TimerHandle | null = null;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly clock: Clock,
  ) {}

  /**
   * Copies `text`; with `clearAfterSeconds` > 0, schedules the clear.
   *
   * @returns seconds until it clears, or null when it stays
   */
  async copy(text: string, clearAfterSeconds: number): Promise<{ clearsInSeconds: number | null }> {
    await this.clipboard.writeText(text);
    this.#ours = text;
    if (this.#timer !== null) this.clock.clearTimer(this.#timer);
    this.#timer = null;
    if (clearAfterSeconds <= 0) return { clearsInSeconds: null };
    this.#timer = this.clock.setTimer(() => {
      this.#timer = null;
      void this.clearIfOurs();
    }, clearAfterSeconds * 1000);
    return { clearsInSeconds: clearAfterSeconds };
  }

  /** Clears the clipboard if (and only if) it still holds what we put there. */
  async clearIfOurs(): Promise<void> {
    const ours = this.#ours;
    this.#ours = null;
    if (ours !== null && (await this.clipboard.readText()) === ours) this.clipboard.clear();
  }

  dispose(): void {
    if (this.#timer !== null) this.clock.clearTimer(this.#timer);
    this.#timer = null;
  }
}
