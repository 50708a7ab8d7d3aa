/**
 * The Electron implementation of {@link Platform}: each port mapped 1:1 onto Electron calls. No
 * decisions live here; they are in the core, composed by `composeApp`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import type { Logger } from '../../app/controller';
import { systemClock } from '../../core/clock';
import type { FetchLike } from '../../engine/accounts-client';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, POPOVER_ORIGIN, POPOVER_URL, resolveAppFile } from '../app-protocol';
import { LinuxAutostart } from '../linux-autostart';
import { linuxTrayHostLikely } from '../tray-host';
import type { LoginItems, MenuItemModel, Platform, TrayIconState } from '../platform';
import { electronStoreFactory } from './electron-store-settings';
import { safeStorageCipher } from './safe-storage-cipher';

/** Popover size: fits the ticket view without scrolling. */
export const POPOVER_SIZE = { width: 360, height: 480 } as const;

/** Must run before `app` is ready: makes `app://` a standard, secure scheme. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

/** Where the built app's folders are: next to out/main in dev and in the asar when packaged. */
function outDir(): string {
  return join(import.meta.dirname, '..');
}

/** Tray icons: `build/tray` in dev, `resources/tray` (extraResources) when packaged. */
function trayIconPath(state: TrayIconState): string {
  const dir = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
  if (process.platform === 'darwin') return join(dir, `tray-${state}Template.png`); // @2x is picked up by name
  if (process.platform === 'win32') return join(dir, `tray-${state}.ico`);
  return join(dir, `tray-${state}.png`);
}

function toMenuTemplate(items: readonly MenuItemModel[], onAction: (id: string) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { label: item.label, submenu: toMenuTemplate(item.items, onAction) };
      case 'checkbox':
        return { type: 'checkbox', label: item.label, checked: item.checked, click: () => onAction(item.id) };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => onAction(item.id) };
    }
  });
}

/** Locks the session down: no permissions, no navigation, no new windows, CSP header on our pages. */
function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(join(outDir(), 'renderer'), request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function loginItemsFor(os: NodeJS.Platform): LoginItems {
  if (os === 'linux') {
    // setLoginItemSettings does nothing on Linux: use an XDG autostart entry.
    const configHome = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
    return new LinuxAutostart(configHome, [process.env['APPIMAGE'] ?? process.execPath]);
  }
  return {
    isEnabled: async () => app.getLoginItemSettings().openAtLogin,
    setEnabled: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
  };
}

/** Builds the platform. Call after `app.whenReady()`. */
export function createElectronPlatform(logger: Logger): Platform {
  hardenSession();
  const os = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
  const tray = new Tray(nativeImage.createFromPath(trayIconPath('busy')));
  let onMenuAction: (id: string) => void = () => undefined;

  const window = new BrowserWindow({
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Zoho Ticket Tray',
    // Pinned explicitly rather than left to defaults, and written as a literal so static scanners
    // (electronegativity) can see them: the page reaches the OS only through the preload's intents.
    webPreferences: {
      // electronegativity PRELOAD_JS_CHECK (MEDIUM, reviewed): our own sandboxed preload; it exposes
      // intents only (preload/bridge.ts), never ipcRenderer, process or Node APIs.
      preload: join(outDir(), 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open links in new windows (window.open is denied as well).
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  // Escape closes the popover even before the page has loaded.
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape') {
      event.preventDefault();
      window.hide();
    }
  });
  void window.loadURL(POPOVER_URL);

  return {
    os,
    clock: systemClock,
    cipher: safeStorageCipher,
    // Electron's network stack: system proxy and the OS certificate store.
    fetch: ((input, init) => net.fetch(input, init)) satisfies FetchLike,
    confFactory: electronStoreFactory,
    paths: { data: app.getPath('userData'), logs: app.getPath('logs') },
    popoverOrigin: POPOVER_ORIGIN,
    logger,
    tray: {
      setIcon: (state) => tray.setImage(nativeImage.createFromPath(trayIconPath(state))),
      setToolTip: (text) => tray.setToolTip(text),
      setMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(items, (id) => onMenuAction(id)))),
      onMenuAction: (handler) => void (onMenuAction = handler),
      onClick: (handler) => void tray.on('click', () => handler()),
      onHover: (handler) => void tray.on('mouse-enter', () => handler()),
      bounds: () => {
        const b = tray.getBounds();
        return b.width > 0 && b.height > 0 ? b : null;
      },
      // Linux without a StatusNotifier host (stock GNOME) shows no icon; see linuxTrayHostLikely.
      isHostAvailable: () => os !== 'linux' || linuxTrayHostLikely(process.env),
    },
    popover: {
      webContentsId: () => (window.isDestroyed() ? null : window.webContents.id),
      ...POPOVER_SIZE,
      show: (position, mode) => {
        if (mode === 'window') {
          window.setSkipTaskbar(false);
          window.setAlwaysOnTop(false);
        }
        if (position) window.setPosition(position.x, position.y, false);
        window.show();
        window.focus();
      },
      hide: () => window.hide(),
      isVisible: () => window.isVisible(),
      onBlur: (handler) => void window.on('blur', () => handler()),
      send: (channel, payload) => {
        if (!window.isDestroyed()) window.webContents.send(channel, payload);
      },
    },
    notifier: {
      // Electron's Notification actions exist on macOS only.
      supportsActions: () => os === 'darwin',
      show: (spec, handlers) => {
        const notification = new Notification({
          title: spec.title,
          body: spec.body,
          actions: spec.actions.map((a) => ({ type: 'button' as const, text: a.label })),
        });
        notification.on('click', () => handlers.onClick());
        notification.on('action', (details) => {
          const action = spec.actions[details.actionIndex];
          if (action) handlers.onAction(action.id);
        });
        notification.show();
        return { close: () => notification.close() };
      },
    },
    clipboard: {
      readText: () => clipboard.readText(),
      writeText: (text) => clipboard.writeText(text),
      clear: () => clipboard.clear(),
    },
    power: { on: (event, handler) => void powerMonitor.on(event as 'resume', () => handler()) },
    loginItems: loginItemsFor(process.platform),
    shortcuts: {
      register: (accelerator, handler) => {
        try {
          return globalShortcut.register(accelerator, handler);
        } catch {
          return false; // an invalid accelerator throws
        }
      },
      unregister: (accelerator) => globalShortcut.unregister(accelerator),
    },
    screen: {
      cursorPoint: () => screen.getCursorScreenPoint(),
      workAreaNear: (point) => screen.getDisplayNearestPoint(point).workArea,
    },
    links: {
      openExternal: async (url) => {
        // Defence in depth: compose only passes allow-listed help links; still refuse anything else.
        if (!/^https:\/\/([a-z0-9-]+\.)*zoho\.com\//.test(url)) throw new Error('refused to open a non-Zoho URL');
        // electronegativity OPEN_EXTERNAL_JS_CHECK (MEDIUM, reviewed): only https Zoho URLs reach this
        // line (checked just above), and only the fixed HELP_LINKS are ever passed in.
        await shell.openExternal(url);
      },
    },
    ipc: {
      handle: (channel, listener) =>
        ipcMain.handle(channel, (event, payload) =>
          listener(
            {
              webContentsId: event.sender.id,
              frameUrl: event.senderFrame?.url ?? '',
              isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
            },
            payload,
          ),
        ),
    },
    lifecycle: {
      version: app.getVersion(),
      onSecondInstance: (handler) => void app.on('second-instance', () => handler()),
      onBeforeQuit: (handler) => {
        let done = false;
        app.on('before-quit', (event) => {
          if (done) return;
          // Hold the quit until the async clean-up (clipboard) has finished, then quit again.
          event.preventDefault();
          void Promise.resolve()
            .then(handler)
            .finally(() => {
              done = true;
              app.quit();
            });
        });
      },
      quit: () => app.quit(),
    },
  };
}
