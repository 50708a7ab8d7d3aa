/**
 * A {@link Platform} made of in-memory fakes the tests read and drive: a tray whose icon, tooltip and
 * menu can be inspected and clicked, a notifier whose notifications can be clicked, an in-memory
 * clipboard, emitted power events, an IPC transport that lets tests pose as any sender.
 */
import { join } from 'node:path';
import type { Logger } from '../../main/app/controller';
import type { EventChannel, EventContract, InvokeChannel, IpcResult } from '../../main/ipc/contract';
import type { SenderInfo } from '../../main/ipc/router';
import type {
  MenuItemModel,
  NotificationSpec,
  Platform,
  Point,
  PowerEvent,
  Rect,
  TrayIconState,
} from '../../main/platform/platform';
import { AesGcmTestCipher } from './aes-cipher';
import { createConf } from './app-harness';
import type { Clock } from '../../main/core/clock';

export const POPOVER_ORIGIN = 'app://popover';
export const POPOVER_SENDER: SenderInfo = { webContentsId: 1, frameUrl: `${POPOVER_ORIGIN}/index.html`, isMainFrame: true };

export interface RecordedNotification extends NotificationSpec {
  closed: boolean;
  click(): void;
  act(actionId: string): void;
}

export class FakePlatform {
  trayHost = true;
  trayBounds: Rect | null = { x: 1800, y: 0, width: 24, height: 24 };
  icon: TrayIconState | null = null;
  toolTip = '';
  menu: readonly MenuItemModel[] = [];
  menuBuilds = 0;
  popoverVisible = false;
  popoverShows: { position: Point | null; mode: 'popover' | 'window' }[] = [];
  readonly sent: { channel: EventChannel; payload: unknown }[] = [];
  readonly notifications: RecordedNotification[] = [];
  clipboardText = '';
  loginItemEnabled = false;
  readonly shortcuts = new Map<string, () => void>();
  readonly takenShortcuts = new Set<string>(['CommandOrControl+C']);
  readonly openedLinks: string[] = [];
  readonly logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  quitRequested = false;
  /** Settles when the before-quit handlers have finished. */
  quitting: Promise<void> = Promise.resolve();
  #onTrayClick: () => void = () => undefined;
  #onTrayHover: () => void = () => undefined;
  #onMenuAction: (id: string) => void = () => undefined;
  #onBlur: () => void = () => undefined;
  #onSecondInstance: () => void = () => undefined;
  readonly #beforeQuit: (() => void | Promise<void>)[] = [];
  readonly #power = new Map<PowerEvent, (() => void)[]>();
  readonly #handlers = new Map<InvokeChannel, (sender: SenderInfo, payload: unknown) => Promise<IpcResult<unknown>>>();

  constructor(
    readonly clock: Clock,
    readonly dataDir: string,
    readonly fetch: Platform['fetch'] = (input, init) => globalThis.fetch(input, init),
    /** The OS keychain stand-in; pass the previous one to simulate a restart (same key). */
    readonly cipher: AesGcmTestCipher = new AesGcmTestCipher(),
  ) {}

  readonly logger: Logger = {
    info: (message, fields) => void this.logs.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => void this.logs.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
  };

  /** The Platform view of this fake. */
  get platform(): Platform {
    return {
      os: 'linux',
      clock: this.clock,
      cipher: this.cipher,
      fetch: this.fetch,
      confFactory: createConf,
      paths: { data: this.dataDir, logs: join(this.dataDir, 'logs') },
      popoverOrigin: POPOVER_ORIGIN,
      logger: this.logger,
      tray: {
        setIcon: (state) => void (this.icon = state),
        setToolTip: (text) => void (this.toolTip = text),
        setMenu: (items) => {
          this.menu = items;
          this.menuBuilds++;
        },
        onMenuAction: (handler) => void (this.#onMenuAction = handler),
        onClick: (handler) => void (this.#onTrayClick = handler),
        onHover: (handler) => void (this.#onTrayHover = handler),
        bounds: () => this.trayBounds,
        isHostAvailable: () => this.trayHost,
      },
      popover: {
        webContentsId: () => POPOVER_SENDER.webContentsId,
        width: 360,
        height: 480,
        show: (position, mode) => {
          this.popoverVisible = true;
          this.popoverShows.push({ position, mode });
        },
        hide: () => void (this.popoverVisible = false),
        isVisible: () => this.popoverVisible,
        onBlur: (handler) => void (this.#onBlur = handler),
        send: (channel, payload) => void this.sent.push({ channel, payload }),
      },
      notifier: {
        supportsActions: () => true,
        show: (spec, handlers) => {
          const recorded: RecordedNotification = {
            ...spec,
            closed: false,
            click: () => handlers.onClick(),
            act: (actionId) => handlers.onAction(actionId),
          };
          this.notifications.push(recorded);
          return { close: () => void (recorded.closed = true) };
        },
      },
      clipboard: {
        readText: async () => this.clipboardText,
        writeText: async (text) => void (this.clipboardText = text),
        clear: () => void (this.clipboardText = ''),
      },
      power: {
        on: (event, handler) => void this.#power.set(event, [...(this.#power.get(event) ?? []), handler]),
      },
      loginItems: {
        isEnabled: async () => this.loginItemEnabled,
        setEnabled: async (enabled) => void (this.loginItemEnabled = enabled),
      },
      shortcuts: {
        register: (accelerator, handler) => {
          if (this.takenShortcuts.has(accelerator)) return false;
          this.shortcuts.set(accelerator, handler);
          return true;
        },
        unregister: (accelerator) => void this.shortcuts.delete(accelerator),
      },
      screen: {
        cursorPoint: () => ({ x: 900, y: 500 }),
        workAreaNear: () => ({ x: 0, y: 30, width: 1920, height: 1050 }),
      },
      links: { openExternal: async (url) => void this.openedLinks.push(url) },
      ipc: { handle: (channel, listener) => void this.#handlers.set(channel, listener) },
      lifecycle: {
        version: '0.1.0-test',
        onSecondInstance: (handler) => void (this.#onSecondInstance = handler),
        onBeforeQuit: (handler) => void this.#beforeQuit.push(handler),
        quit: () => {
          this.quitRequested = true;
          this.quitting = Promise.all(this.#beforeQuit.map((handler) => handler())).then(() => undefined);
        },
      },
    };
  }

  clickTray(): void {
    this.#onTrayClick();
  }
  hoverTray(): void {
    this.#onTrayHover();
  }
  clickMenu(id: string): void {
    this.#onMenuAction(id);
  }
  blurPopover(): void {
    this.#onBlur();
  }
  launchSecondInstance(): void {
    this.#onSecondInstance();
  }
  emitPower(event: PowerEvent): void {
    for (const handler of this.#power.get(event) ?? []) handler();
  }
  /** Sends an IPC request as the popover (or as `sender`). */
  invoke(channel: InvokeChannel, payload: unknown, sender: SenderInfo = POPOVER_SENDER): Promise<IpcResult<unknown>> {
    const handler = this.#handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(sender, payload);
  }
  /** The last payload pushed on an event channel. */
  lastSent<E extends EventChannel>(channel: E): EventContract[E] | undefined {
    return this.sent.filter((s) => s.channel === channel).at(-1)?.payload as EventContract[E] | undefined;
  }
  /** Labels of the menu, flattened with submenus as "label > child". */
  menuLabels(items: readonly MenuItemModel[] = this.menu, prefix = ''): string[] {
    return items.flatMap((item) =>
      item.type === 'separator' ? [`${prefix}---`] : item.type === 'submenu' ? [`${prefix}${item.label}`, ...this.menuLabels(item.items, `${prefix}${item.label} > `)] : [`${prefix}${item.label}${item.type === 'checkbox' && item.checked ? ' ✓' : ''}`],
    );
  }
}
