/**
 * Composition root of the Electron app: builds the window with pinned security settings and nothing
 * else. Every decision lives in the core (`main/engine`, …), which never imports `electron`.
 * The tray, popover, IPC and scheduler are composed here in later steps through a `Platform` seam.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';

const here = import.meta.dirname;

function createPopover(): BrowserWindow {
  const window = new BrowserWindow({
    width: 360,
    height: 480,
    show: false,
    resizable: false,
    title: 'Zoho Ticket Tray',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      // Pinned explicitly, not left to defaults: the renderer must never reach Node or Electron directly.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // The popover is a fixed local page: never navigate away, never open windows.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadFile(join(here, '../renderer/index.html'));
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    // Deny every permission request and check: the popover needs none (no camera, notifications via main…).
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    createPopover();
  });
  app.on('window-all-closed', () => app.quit());
}
