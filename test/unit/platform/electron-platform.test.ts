import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ComposedApp } from '../../../main/app/compose';
import type * as ElectronPlatformModule from '../../../main/platform/electron/electron-platform';
import { makeTempDir } from '../../support/temp-dir';

type PlatformModule = typeof ElectronPlatformModule;

/** Everything the Electron mock records. Electron cannot run here, so the adapters are checked against it. */
const m = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const on = (store: Map<string, Handler[]>) => (event: string, handler: Handler) => {
    store.set(event, [...(store.get(event) ?? []), handler]);
  };
  const appEvents = new Map<string, Handler[]>();
  const windowEvents = new Map<string, Handler[]>();
  const webContentsEvents = new Map<string, Handler[]>();
  const trayEvents = new Map<string, Handler[]>();
  const mainFrame = { url: 'app://popover/index.html' };
  const state = {
    userData: '',
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    trays: [] as { images: unknown[]; tooltips: string[]; menus: unknown[] }[],
    notifications: [] as { options: Record<string, unknown>; events: Map<string, Handler[]>; shown: boolean; closed: boolean }[],
    ipcHandlers: new Map<string, Handler>(),
    protocolHandlers: new Map<string, Handler>(),
    privilegedSchemes: [] as unknown[],
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    opened: [] as string[],
    quits: 0,
    sent: [] as [string, unknown][],
  };
  const webContents = {
    id: 5,
    mainFrame,
    on: on(webContentsEvents),
    send: (channel: string, payload: unknown) => state.sent.push([channel, payload]),
    setWindowOpenHandler: () => undefined,
  };
  class BrowserWindow {
    webContents = webContents;
    #record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.#record = { options, loaded: [] };
      state.windows.push(this.#record);
    }
    loadURL(url: string) {
      this.#record.loaded.push(url);
      return Promise.resolve();
    }
    on = on(windowEvents);
    show() {}
    hide() {}
    focus() {}
    isVisible() { return false; }
    isDestroyed() { return false; }
    setPosition() {}
    setSkipTaskbar() {}
    setAlwaysOnTop() {}
  }
  class Tray {
    record = { images: [] as unknown[], tooltips: [] as string[], menus: [] as unknown[] };
    constructor(image: unknown) {
      this.record.images.push(image);
      state.trays.push(this.record);
    }
    setImage(image: unknown) { this.record.images.push(image); }
    setToolTip(text: string) { this.record.tooltips.push(text); }
    setContextMenu(menu: unknown) { this.record.menus.push(menu); }
    on = on(trayEvents);
    getBounds() { return { x: 0, y: 0, width: 0, height: 0 }; }
  }
  class Notification {
    record;
    constructor(options: Record<string, unknown>) {
      this.record = { options, events: new Map<string, Handler[]>(), shown: false, closed: false };
      state.notifications.push(this.record);
    }
    on(event: string, handler: Handler) { on(this.record.events)(event, handler); }
    show() { this.record.shown = true; }
    close() { this.record.closed = true; }
  }
  let clipboardText = '';
  const electron = {
    app: {
      getPath: (name: string) => (name === 'logs' ? `${state.userData}/logs` : state.userData),
      getVersion: () => '0.1.0',
      getAppPath: () => '/project',
      isPackaged: false,
      on: on(appEvents),
      quit: () => {
        state.quits++;
      },
      getLoginItemSettings: () => ({ openAtLogin: false }),
      setLoginItemSettings: () => undefined,
    },
    BrowserWindow,
    Tray,
    Notification,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    net: { fetch: vi.fn(async (_url: string) => new Response('<html></html>', { headers: { 'content-type': 'text/html' } })) },
    clipboard: { readText: async () => clipboardText, writeText: async (t: string) => void (clipboardText = t), clear: () => void (clipboardText = '') },
    powerMonitor: { on: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Handler) => state.protocolHandlers.set(scheme, handler),
    },
    screen: { getCursorScreenPoint: () => ({ x: 10, y: 10 }), getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => void (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Handler) => void (state.permissionCheck = h),
      },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    globalShortcut: { register: () => true, unregister: () => undefined },
    ipcMain: { handle: (channel: string, handler: Handler) => state.ipcHandlers.set(channel, handler), on: () => undefined },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (plain: string) => Buffer.from(plain).reverse(),
      decryptStringAsync: async (data: Buffer) => ({ result: Buffer.from(data).reverse().toString(), shouldReEncrypt: false }),
    },
  };
  return { electron, state, appEvents, windowEvents, webContentsEvents, trayEvents, mainFrame };
});

vi.mock('electron', () => ({ ...m.electron, default: m.electron }));

const userData = makeTempDir('ztt-electron-');
afterAll(() => userData.dispose());

describe('Electron platform', () => {
  let platformModule: PlatformModule;
  let app: ComposedApp;
  const logs: string[] = [];

  beforeAll(async () => {
    m.state.userData = userData.path;
    platformModule = await import('../../../main/platform/electron/electron-platform');
    const { composeApp } = await import('../../../main/app/compose');
    platformModule.registerAppScheme();
    const logger = { info: (msg: string) => void logs.push(msg), warn: (msg: string) => void logs.push(msg) };
    app = await composeApp(platformModule.createElectronPlatform(logger));
  });
  afterAll(() => app.dispose());

  it('pins the popover\'s web preferences explicitly', () => {
    const { preload, ...webPreferences } = m.state.windows[0]?.options['webPreferences'] as Record<string, unknown>;
    // Bundled, this module sits in out/main, so the path is out/preload/index.cjs (checked by the build test).
    expect(String(preload).replace(/\\/g, '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(webPreferences).toEqual({
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
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
  });

  it('creates the popover hidden, frameless, off the task bar, 360×480, loading app://popover', () => {
    const [window] = m.state.windows;
    expect(window?.options).toMatchObject({ width: 360, height: 480, show: false, frame: false, resizable: false, skipTaskbar: true, fullscreenable: false });
    expect(window?.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((window?.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(window?.loaded).toEqual(['app://popover/index.html']);
  });

  it('registers app:// as a standard, secure scheme before ready', () => {
    expect(m.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }]);
  });

  it('serves renderer files with the CSP header and refuses anything outside the renderer folder', async () => {
    const handler = m.state.protocolHandlers.get('app')!;
    const ok = (await handler({ url: 'app://popover/index.html' })) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(String(m.electron.net.fetch.mock.calls[0]?.[0])).toMatch(/^file:\/\/.*renderer\/index\.html$/);
    expect(((await handler({ url: 'app://popover/..%2f..%2fmain%2findex.js' })) as Response).status).toBe(404);
    expect(((await handler({ url: 'app://other/index.html' })) as Response).status).toBe(404);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    m.state.permissionRequest!({}, 'notifications', (granted: boolean) => answers.push(granted));
    m.state.permissionRequest!({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(m.state.permissionCheck!({}, 'clipboard-read')).toBe(false);
  });

  it('blocks navigation, redirects, webviews and new windows in every web contents', () => {
    const [created] = m.appEvents.get('web-contents-created')!;
    const events = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    created!({}, { on: (name: string, h: (event: { preventDefault(): void }) => void) => events.set(name, h), setWindowOpenHandler: (h: () => { action: string }) => (openHandler = h) });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      events.get(name)!(event);
      expect(event.prevented).toBe(true);
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('has an ipcMain handler for every contract channel, fed the sender frame', async () => {
    const { INVOKE_CHANNELS } = await import('../../../main/ipc/contract');
    expect([...m.state.ipcHandlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    const getState = m.state.ipcHandlers.get('ztt:state:get')!;
    const event = (frame: { url: string } | null, id = 5) => ({ sender: { id, mainFrame: m.mainFrame }, senderFrame: frame });
    expect(await getState(event(m.mainFrame), null)).toMatchObject({ ok: true, value: { accounts: [] } });
    expect(await getState(event({ url: 'app://popover/index.html' }), null)).toMatchObject({ ok: false, error: { kind: 'forbidden' } }); // a subframe
    expect(await getState(event(null), null)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await getState(event(m.mainFrame, 99), null)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('rebuilds the tray context menu on every state change, and toggles on click', async () => {
    const [tray] = m.state.trays;
    const menusBefore = tray!.menus.length;
    await m.state.ipcHandlers.get('ztt:preferences:update')!({ sender: { id: 5, mainFrame: m.mainFrame }, senderFrame: m.mainFrame }, { launchAtLogin: true });
    expect(tray!.menus.length).toBe(menusBefore + 1);
    const labels = ((tray!.menus.at(-1) as { template: { label?: string; checked?: boolean }[] }).template).map((i) => i.label ?? '---');
    expect(labels).toEqual(['Copy ticket', 'Renew now', 'Open', '---', 'Launch at login', '---', 'Quit Zoho Ticket Tray']);
    expect(tray!.tooltips.at(-1)).toBe('Zoho Ticket Tray: no account yet. Click to add one.');
    expect((tray!.images.at(-1) as { path: string }).path).toMatch(/build[/\\]tray[/\\]tray-alert\.png$/);
    expect(m.trayEvents.get('click')).toHaveLength(1);
    expect(m.trayEvents.get('mouse-enter')).toHaveLength(1);
  });

  it('maps notification actions by index and closes the notification when replaced', () => {
    const platform = platformModule.createElectronPlatform({ info: () => undefined, warn: () => undefined });
    const acted: string[] = [];
    const shown = platform.notifier.show(
      { title: 't', body: 'b', actions: [{ id: 'renew', label: 'Renew' }, { id: 'copy', label: 'Copy' }] },
      { onClick: () => acted.push('click'), onAction: (id) => acted.push(id) },
    );
    const record = m.state.notifications.at(-1)!;
    expect(record.options).toEqual({ title: 't', body: 'b', actions: [{ type: 'button', text: 'Renew' }, { type: 'button', text: 'Copy' }] });
    expect(record.shown).toBe(true);
    record.events.get('action')![0]!({ actionIndex: 1 });
    record.events.get('click')![0]!();
    expect(acted).toEqual(['copy', 'click']);
    shown.close();
    expect(record.closed).toBe(true);
  });

  it('opens only Zoho https pages externally', async () => {
    const platform = platformModule.createElectronPlatform({ info: () => undefined, warn: () => undefined });
    await platform.links.openExternal('https://help.zoho.com/portal/x');
    await expect(platform.links.openExternal('https://evil.example/zoho.com/')).rejects.toThrow(/non-Zoho/);
    await expect(platform.links.openExternal('http://help.zoho.com/')).rejects.toThrow(/non-Zoho/);
    expect(m.state.opened).toEqual(['https://help.zoho.com/portal/x']);
  });

  it('holds the quit until async clean-up finished, then quits', async () => {
    const platform = platformModule.createElectronPlatform({ info: () => undefined, warn: () => undefined });
    let cleaned = false;
    const handlersBefore = m.appEvents.get('before-quit')?.length ?? 0;
    platform.lifecycle.onBeforeQuit(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      cleaned = true;
    });
    const handler = m.appEvents.get('before-quit')![handlersBefore]!;
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    const quitsBefore = m.state.quits;
    handler(event);
    expect(event.prevented).toBe(true);
    expect(cleaned).toBe(false);
    await vi.waitFor(() => expect(m.state.quits).toBe(quitsBefore + 1));
    expect(cleaned).toBe(true);
    const again = { prevented: false, preventDefault() { this.prevented = true; } };
    handler(again);
    expect(again.prevented).toBe(false);
  });

  it.runIf(process.platform === 'linux')('uses an XDG autostart entry for launch at login on Linux', async () => {
    const platform = platformModule.createElectronPlatform({ info: () => undefined, warn: () => undefined });
    const { LinuxAutostart } = await import('../../../main/platform/linux-autostart');
    expect(platform.loginItems).toBeInstanceOf(LinuxAutostart);
    expect((platform.loginItems as InstanceType<typeof LinuxAutostart>).path).toBe(join(process.env['XDG_CONFIG_HOME'] || join(process.env['HOME'] ?? '', '.config'), 'autostart', 'zoho-ticket-tray.desktop'));
  });
});
