/**
 * The end-to-end hook, enabled only by `E2E=1` (and only in builds whose fuses allow Playwright to
 * attach): Playwright's `_electron` cannot click the OS tray or wait seven days, so the app exposes
 * `globalThis.__ztt` to `electronApp.evaluate()` — open the popover, read what the tray and the
 * notifier show, read the clipboard, move the clock forward. Nothing here runs in a normal start.
 */
import type { ComposedApp } from '../app/compose';
import type { Clock } from '../core/clock';
import type { MenuItemModel, NotificationSpec, Platform, TrayIconState } from './platform';

/** A clock that runs like the system clock plus an offset the tests move forward. */
export class OffsetClock implements Clock {
  offsetMs = 0;
  constructor(private readonly base: Clock) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  monotonic(): number {
    return this.base.monotonic() + this.offsetMs;
  }
  setTimer(callback: () => void, delayMs: number) {
    return this.base.setTimer(callback, delayMs);
  }
  clearTimer(handle: Parameters<Clock['clearTimer']>[0]): void {
    this.base.clearTimer(handle);
  }
}

/** What the tray and notifier last showed, as the hook reports it. */
export interface RecordedShell {
  icon: TrayIconState | null;
  toolTip: string;
  menu: readonly MenuItemModel[];
  notifications: (NotificationSpec & { closed: boolean })[];
  menuAction: (id: string) => void;
  notificationClicks: (() => void)[];
}

/** Wraps a platform so the tray and notifier also record what they show; the clock becomes movable. */
export function withE2eRecording(platform: Platform): { platform: Platform; shell: RecordedShell; clock: OffsetClock } {
  const clock = new OffsetClock(platform.clock);
  const shell: RecordedShell = { icon: null, toolTip: '', menu: [], notifications: [], menuAction: () => undefined, notificationClicks: [] };
  const tray = platform.tray;
  const notifier = platform.notifier;
  return {
    clock,
    shell,
    platform: {
      ...platform,
      clock,
      tray: {
        ...tray,
        setIcon: (state) => {
          shell.icon = state;
          tray.setIcon(state);
        },
        setToolTip: (text) => {
          shell.toolTip = text;
          tray.setToolTip(text);
        },
        setMenu: (items) => {
          shell.menu = items;
          tray.setMenu(items);
        },
        onMenuAction: (handler) => {
          shell.menuAction = handler;
          tray.onMenuAction(handler);
        },
      },
      notifier: {
        supportsActions: () => notifier.supportsActions(),
        show: (spec, handlers) => {
          const record = { ...spec, closed: false };
          shell.notifications.push(record);
          shell.notificationClicks.push(() => handlers.onClick());
          const shown = notifier.show(spec, handlers);
          return {
            close: () => {
              record.closed = true;
              shown.close();
            },
          };
        },
      },
    },
  };
}

/** The functions tests call through `electronApp.evaluate(() => globalThis.__ztt…)`. */
export function e2eApi(app: ComposedApp, shell: RecordedShell, clock: OffsetClock, platform: Platform) {
  return {
    openPopover: () => app.openPopover(),
    tray: () => ({ icon: shell.icon, toolTip: shell.toolTip, menu: shell.menu }),
    clickMenu: (id: string) => shell.menuAction(id),
    notifications: () => shell.notifications.map(({ title, body, closed }) => ({ title, body, closed })),
    clickNotification: (index: number) => shell.notificationClicks[index]?.(),
    clipboard: () => platform.clipboard.readText(),
    /** Moves the wall clock forward and lets the scheduler see it, as after a long wait. */
    advanceClock: (ms: number) => {
      clock.offsetMs += ms;
      app.controller.handleClockChange();
    },
    state: () => app.controller.snapshot(),
  };
}
