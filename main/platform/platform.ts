/**
 * The `Platform` seam: everything the app needs from the operating system, as small ports named by
 * role. Electron adapters implement each one 1:1 (`main/platform/electron/`); the end-to-end harness
 * implements them over a Chromium page and in-memory fakes. Nothing here imports Electron.
 */
import type { Logger } from '../app/controller';
import type { Clock } from '../core/clock';
import type { FetchLike } from '../engine/accounts-client';
import type { EventChannel, EventContract } from '../ipc/contract';
import type { IpcTransport } from '../ipc/router';
import type { ConfFactory } from '../settings/settings-store';
import type { Cipher } from '../vault/cipher';

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Rect extends Point {
  readonly width: number;
  readonly height: number;
}

/** The tray icon's states, drawn in build/tray/. */
export type TrayIconState = 'valid' | 'expiring' | 'alert' | 'busy';

/** A context-menu entry; the adapter turns it into the platform's menu. */
export type MenuItemModel =
  | { readonly type: 'action'; readonly id: string; readonly label: string; readonly enabled: boolean }
  | { readonly type: 'checkbox'; readonly id: string; readonly label: string; readonly checked: boolean }
  | { readonly type: 'submenu'; readonly label: string; readonly items: readonly MenuItemModel[] }
  | { readonly type: 'separator' };

export interface TrayView {
  setIcon(state: TrayIconState): void;
  setToolTip(text: string): void;
  /** Replaces the whole menu (Linux needs `setContextMenu` again after any change). */
  setMenu(items: readonly MenuItemModel[]): void;
  onMenuAction(handler: (id: string) => void): void;
  onClick(handler: () => void): void;
  /**
   * The pointer entered the icon (macOS, Windows): the moment to refresh the tooltip's "time left"
   * without polling. Never fires where the platform has no such event.
   */
  onHover(handler: () => void): void;
  /** The icon's screen bounds, or null where the platform does not tell (Linux). */
  bounds(): Rect | null;
  /** False when no tray host shows the icon (stock GNOME without an extension). */
  isHostAvailable(): boolean;
}

export interface PopoverWindow {
  /** Its WebContents id, for IPC sender checks. */
  webContentsId(): number | null;
  readonly width: number;
  readonly height: number;
  /** Shows it at `position` (top-left) as a frameless popover, or as a normal window (no tray host). */
  show(position: Point | null, mode: 'popover' | 'window'): void;
  hide(): void;
  isVisible(): boolean;
  onBlur(handler: () => void): void;
  send<E extends EventChannel>(channel: E, payload: EventContract[E]): void;
}

export interface NotificationSpec {
  readonly title: string;
  readonly body: string;
  readonly actions: readonly { readonly id: string; readonly label: string }[];
}
export interface ShownNotification {
  close(): void;
}
export interface Notifier {
  /** Whether notifications can carry action buttons here (macOS, Windows). */
  supportsActions(): boolean;
  show(spec: NotificationSpec, handlers: { onClick(): void; onAction(actionId: string): void }): ShownNotification;
}

/** Async, as Electron 45's main-process clipboard is. */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  clear(): void;
}

export type PowerEvent = 'resume' | 'suspend' | 'unlock-screen' | 'lock-screen';
export interface PowerEvents {
  on(event: PowerEvent, handler: () => void): void;
}

export interface LoginItems {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

export interface GlobalShortcuts {
  /** @returns false when the accelerator is invalid or taken by another app */
  register(accelerator: string, handler: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface Screen {
  cursorPoint(): Point;
  /** The work area (screen minus task bars) of the display nearest to `point`. */
  workAreaNear(point: Point): Rect;
}

export interface ExternalLinks {
  openExternal(url: string): Promise<void>;
}

export interface AppLifecycle {
  readonly version: string;
  onSecondInstance(handler: () => void): void;
  /** The handler may be async; quitting waits for it (e.g. to clear the clipboard). */
  onBeforeQuit(handler: () => void | Promise<void>): void;
  quit(): void;
}

export interface AppPaths {
  /** Settings and the secrets file. */
  readonly data: string;
  readonly logs: string;
}

/** Everything the app is composed from. */
export interface Platform {
  readonly os: 'darwin' | 'win32' | 'linux';
  readonly clock: Clock;
  readonly cipher: Cipher;
  readonly fetch: FetchLike;
  readonly confFactory: ConfFactory;
  readonly paths: AppPaths;
  readonly tray: TrayView;
  readonly popover: PopoverWindow;
  /** The origin the popover page is served from (`app://popover`). */
  readonly popoverOrigin: string;
  readonly notifier: Notifier;
  readonly clipboard: Clipboard;
  readonly power: PowerEvents;
  readonly loginItems: LoginItems;
  readonly shortcuts: GlobalShortcuts;
  readonly screen: Screen;
  readonly links: ExternalLinks;
  readonly ipc: IpcTransport;
  readonly lifecycle: AppLifecycle;
  readonly logger: Logger;
}
