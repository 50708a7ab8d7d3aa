/**
 * The one composition of the app from a {@link Platform}. `main/index.ts` calls it with the Electron
 * platform; the end-to-end harness calls it with a test platform. Every decision lives in the core
 * pieces wired here; the platform only maps OS events and calls.
 */
import { join } from 'node:path';
import { ClipboardService } from './clipboard-service';
import { AppController, type AppEvent } from './controller';
import { intlFormatter, MESSAGES, type Formatter } from './messages';
import { NotificationPresenter } from './notification-presenter';
import { popoverPosition } from './popover-placement';
import { MENU, renderTray, trayAccount, trayToolTip } from './tray-presenter';
import { ZohoAccountsClient } from '../engine/accounts-client';
import { TicketError } from '../engine/errors';
import { EVENT_CHANNELS, type HelpTopic } from '../ipc/contract';
import { registerIpcHandlers, type IpcHandlers } from '../ipc/router';
import type { Platform } from '../platform/platform';
import { openSettings } from '../settings/settings-store';
import { openVault } from '../vault/vault';

/** Zoho help pages the app may open; nothing else ever goes to `openExternal`. */
export const HELP_LINKS: Readonly<Record<HelpTopic, string>> = {
  'app-specific-password': 'https://help.zoho.com/portal/en/kb/accounts/sign-in-za/articles/generate-application-specific-password',
  'data-centres': 'https://help.zoho.com/portal/en/kb/accounts/manage-your-zoho-account/articles/zoho-data-centers',
  'api-ticket': 'https://www.zoho.com/crm/developer/docs/api/v2/oauth-overview.html',
};

export interface ComposeOptions {
  /** Filled with every password and ticket handled, so the platform's logger can scrub them. */
  readonly secrets?: { add(secret: string | null | undefined): void };
  /** For tooltips and notifications; defaults to the system's locale and time zone. */
  readonly format?: Formatter;
  /** Random source for retry jitter. */
  readonly random?: () => number;
}

/** The running app. */
export interface ComposedApp {
  readonly controller: AppController;
  readonly clipboard: ClipboardService;
  /** Shows the popover next to the tray (or the cursor), optionally focused on an account. */
  openPopover(accountId?: string): void;
  togglePopover(): void;
  /** Stops timers, closes notifications, clears our ticket from the clipboard. */
  dispose(): Promise<void>;
}

/** A log-safe description of a failure: its message, never its stack or attached values. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : typeof error;
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new TicketError('invalid-input', `There is no ${what}.`, { code: 'NOT_FOUND' });
  return value;
}

/** Composes and starts the app. */
export async function composeApp(platform: Platform, options: ComposeOptions = {}): Promise<ComposedApp> {
  const { clock, logger: log } = platform;
  const format = options.format ?? intlFormatter();
  const settings = await openSettings(platform.paths.data, platform.confFactory, () => clock.now());
  const vault = await openVault({
    cipher: platform.cipher,
    path: join(platform.paths.data, 'secrets.json'),
    allowWeakStorage: settings.get().allowWeakSecretStorage,
  });
  if (vault.protection !== 'os') log.warn('secrets are not protected by the OS keyring', { protection: vault.protection, reason: vault.reason });
  const controller = new AppController({
    clock,
    settings,
    vault,
    client: new ZohoAccountsClient({ fetch: platform.fetch, now: () => clock.now() }),
    logger: log,
    ...(options.random ? { random: options.random } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
  const clipboard = new ClipboardService(platform.clipboard, clock);
  const trayHost = platform.tray.isHostAvailable();
  if (!trayHost) log.warn(MESSAGES.log.noTrayHost);

  const openPopover = (accountId?: string) => {
    controller.checkClock();
    if (accountId !== undefined && controller.snapshot().accounts.some((a) => a.id === accountId)) {
      controller.selectAccount(accountId);
      platform.popover.send(EVENT_CHANNELS.focusAccount, { accountId });
    }
    const cursor = platform.screen.cursorPoint();
    const position = trayHost
      ? popoverPosition({
          trayBounds: platform.tray.bounds(),
          cursor,
          size: { width: platform.popover.width, height: platform.popover.height },
          workArea: platform.screen.workAreaNear(cursor),
        })
      : null;
    platform.popover.show(position, trayHost ? 'popover' : 'window');
  };
  const togglePopover = () => (platform.popover.isVisible() ? platform.popover.hide() : openPopover());

  const copy = (accountId: string) => {
    const ticket = required(controller.ticketForCopy(accountId), 'ticket to copy');
    return clipboard.copy(ticket, controller.snapshot().preferences.clipboardAutoClearSeconds);
  };
  const copyInBackground = (accountId: string) => {
    copy(accountId).catch((error: unknown) => log.warn('copy failed', { error: describe(error) }));
  };
  const renewInBackground = (accountId: string) => {
    controller.renew(accountId).catch(() => undefined); // the failure is in the state and the log
  };

  // Tray: re-rendered (menu rebuilt) on every state change.
  const render = (state = controller.snapshot()) => renderTray(platform.tray, state, clock.now(), format);
  platform.tray.onClick(togglePopover);
  platform.tray.onHover(() => platform.tray.setToolTip(trayToolTip(controller.snapshot(), clock.now(), format)));
  platform.tray.onMenuAction((id) => {
    const account = trayAccount(controller.snapshot());
    const [action, accountId = account?.id] = id.split(':') as [string, string | undefined];
    try {
      if (action === MENU.copy && accountId) copyInBackground(accountId);
      else if (action === MENU.renew && accountId) renewInBackground(accountId);
      else if (action === MENU.open) openPopover();
      else if (action === 'select' && accountId) controller.selectAccount(accountId);
      else if (action === MENU.launchAtLogin) controller.updatePreferences({ launchAtLogin: !controller.snapshot().preferences.launchAtLogin });
      else if (action === MENU.quit) platform.lifecycle.quit();
    } catch (error) {
      log.warn('tray action failed', { action, error: describe(error) });
    }
  });

  // Login item and global shortcut follow the preferences. Each preference is acted on once per
  // change: a shortcut that could not be registered is not retried (and re-logged) on every state change.
  let appliedLaunchAtLogin: boolean | null = null;
  let requestedShortcut: string | null = null;
  let appliedShortcut: string | null = null;
  const applyPreferences = ({ launchAtLogin, globalShortcut } = controller.snapshot().preferences) => {
    if (launchAtLogin !== appliedLaunchAtLogin) {
      appliedLaunchAtLogin = launchAtLogin;
      platform.loginItems.setEnabled(launchAtLogin).catch((error: unknown) => log.warn('could not change launch at login', { error: describe(error) }));
    }
    if (globalShortcut !== requestedShortcut) {
      requestedShortcut = globalShortcut;
      if (appliedShortcut !== null) platform.shortcuts.unregister(appliedShortcut);
      appliedShortcut = null;
      if (globalShortcut !== null) {
        const ok = platform.shortcuts.register(globalShortcut, () => {
          const account = trayAccount(controller.snapshot());
          if (account?.ticket) copyInBackground(account.id);
        });
        if (ok) appliedShortcut = globalShortcut;
        else log.warn('global shortcut could not be registered (invalid or taken by another app)', { accelerator: globalShortcut });
      }
    }
  };

  controller.onEvent((event: AppEvent) => {
    if (event.type !== 'state-changed') return;
    render(event.state);
    applyPreferences(event.state.preferences);
    platform.popover.send(EVENT_CHANNELS.stateChanged, event.state);
  });
  const notifications = new NotificationPresenter(controller, platform.notifier, { openPopoverOn: openPopover, renew: renewInBackground, copy: copyInBackground }, format);

  const handlers: IpcHandlers = {
    'ztt:state:get': async () => controller.snapshot(),
    'ztt:app:info': async () => ({ version: platform.lifecycle.version, dataDirectory: platform.paths.data, logDirectory: platform.paths.logs, platform: platform.os }),
    'ztt:account:add': async (request) => ({ accountId: await controller.addAccount(request) }),
    'ztt:account:update': async ({ accountId, patch }) => {
      await controller.updateAccount(accountId, patch);
      return null;
    },
    'ztt:account:remove': async ({ accountId }) => {
      await controller.removeAccount(accountId);
      return null;
    },
    'ztt:account:select': async ({ accountId }) => {
      controller.selectAccount(accountId);
      return null;
    },
    'ztt:ticket:renew': async ({ accountId, password }) => {
      await controller.renew(accountId, password);
      return null;
    },
    'ztt:ticket:copy': async ({ accountId }) => copy(accountId),
    'ztt:preferences:update': async (patch) => {
      controller.updatePreferences(patch);
      return null;
    },
    'ztt:popover:hide': async () => {
      platform.popover.hide();
      return null;
    },
    'ztt:help:open': async ({ topic }) => {
      // electronegativity OPEN_EXTERNAL_JS_CHECK (MEDIUM, reviewed): the topic is a zod-checked enum and
      // the URL comes from the fixed HELP_LINKS table; the renderer never supplies a URL.
      await platform.links.openExternal(HELP_LINKS[topic]);
      return null;
    },
    'ztt:network:changed': async ({ online }) => {
      if (online) controller.handleOnline();
      return null;
    },
  };
  registerIpcHandlers(platform.ipc, handlers, { webContentsId: () => platform.popover.webContentsId(), origin: platform.popoverOrigin }, log);

  platform.popover.onBlur(() => {
    if (trayHost) platform.popover.hide(); // a normal window (no tray host) stays open like any window
  });
  platform.power.on('resume', () => controller.handleResume());
  platform.power.on('unlock-screen', () => controller.handleUnlock());
  platform.lifecycle.onSecondInstance(() => openPopover());

  await controller.start();
  render();
  applyPreferences();
  if (!trayHost) openPopover();

  const dispose = async () => {
    controller.stop();
    notifications.dispose();
    clipboard.dispose();
    if (appliedShortcut !== null) platform.shortcuts.unregister(appliedShortcut);
    await clipboard.clearIfOurs();
  };
  platform.lifecycle.onBeforeQuit(dispose);
  return { controller, clipboard, openPopover, togglePopover, dispose };
}
