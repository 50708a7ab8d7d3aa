import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeApp, HELP_LINKS, type ComposedApp } from '../../main/app/compose';
import { intlFormatter } from '../../main/app/messages';
import type { AppStateView } from '../../main/ipc/contract';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { FakeClock } from '../support/fake-clock';
import { FakePlatform, POPOVER_SENDER } from '../support/fake-platform';
import { makeTempDir } from '../support/temp-dir';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LOGIN = 'ops@example.com';
const PASSWORD = 'pw-for-compose';

let server: FakeAccountsServer;
let dir: ReturnType<typeof makeTempDir>;
let clock: FakeClock;
let fake: FakePlatform;
let app: ComposedApp;

const format = intlFormatter('en-GB', 'UTC');
const start = async () => (app = await composeApp(fake.platform, { format, random: () => 1 }));
const addAccount = async (loginId = LOGIN, extra: Record<string, unknown> = {}) => {
  const result = await fake.invoke('ztt:account:add', {
    label: loginId === LOGIN ? 'Ops' : 'EU',
    loginId,
    endpoint: { accountsUrl: server.url },
    method: 'post',
    password: PASSWORD,
    rememberPassword: true,
    autoRenew: false,
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { accountId: string }).accountId;
};

beforeEach(async () => {
  clock = new FakeClock(T0);
  server = await FakeAccountsServer.start({ now: () => clock.now() });
  server.addAccount(LOGIN, { password: PASSWORD }).addAccount('eu@example.com', { password: PASSWORD });
  dir = makeTempDir();
  fake = new FakePlatform(clock, dir.path);
});
afterEach(async () => {
  await app?.dispose();
  await server.close();
  dir.dispose();
});

describe('composeApp: tray', () => {
  it('shows the state in icon and tooltip, and rebuilds the menu on every state change', async () => {
    await start();
    expect(fake.icon).toBe('alert');
    expect(fake.toolTip).toBe('Zoho Ticket Tray: no account yet. Click to add one.');
    const builds = fake.menuBuilds;
    await addAccount();
    expect(fake.icon).toBe('valid');
    expect(fake.toolTip).toBe('Ops: valid until 8 Dec 2026, 09:00 (7 d 0 h left)');
    expect(fake.menuBuilds).toBeGreaterThan(builds);
    expect(fake.menuLabels()).toEqual(['Copy ticket', 'Renew now', 'Open', '---', 'Launch at login', '---', 'Quit Zoho Ticket Tray']);
    await clock.advanceAsync(6 * DAY + 2 * HOUR);
    expect(fake.icon).toBe('expiring');
    expect(fake.toolTip).toBe('Ops: valid until 8 Dec 2026, 09:00 (1 d 0 h left)'); // rendered at the 6-day boundary
    fake.hoverTray(); // refreshed when the pointer comes, without polling
    expect(fake.toolTip).toBe('Ops: valid until 8 Dec 2026, 09:00 (22 h 0 min left)');
    await clock.advanceAsync(DAY);
    expect(fake.icon).toBe('alert');
    expect(fake.toolTip).toBe('Ops: expired 8 Dec 2026, 09:00. Renew now.');
  });

  it('adds one submenu per account when there are several, and follows the selected account', async () => {
    await start();
    const ops = await addAccount();
    const eu = await addAccount('eu@example.com');
    expect(fake.menuLabels()).toEqual([
      'Copy ticket', 'Renew now', 'Open', '---',
      '● Ops', '● Ops > Show in popover', '● Ops > Copy ticket', '● Ops > Renew now',
      'EU', 'EU > Show in popover', 'EU > Copy ticket', 'EU > Renew now',
      '---', 'Launch at login', '---', 'Quit Zoho Ticket Tray',
    ]);
    fake.clickMenu(`select:${eu}`);
    expect(fake.toolTip).toMatch(/^EU: valid until/);
    fake.clickMenu('copy');
    await vi.waitFor(() => expect(fake.clipboardText).toBe(app.controller.ticketForCopy(eu)));
    fake.clickMenu(`copy:${ops}`);
    await vi.waitFor(() => expect(fake.clipboardText).toBe(app.controller.ticketForCopy(ops)));
  });

  it('toggles the popover on click, placed under a top-bar tray icon', async () => {
    await start();
    fake.clickTray();
    expect(fake.popoverVisible).toBe(true);
    expect(fake.popoverShows.at(-1)).toEqual({ position: { x: 1556, y: 34 }, mode: 'popover' }); // centred on the icon, kept inside the work area
    fake.clickTray();
    expect(fake.popoverVisible).toBe(false);
    fake.clickTray();
    fake.blurPopover();
    expect(fake.popoverVisible).toBe(false);
  });

  it('renews from the menu and toggles launch at login', async () => {
    await start();
    const id = await addAccount();
    const before = app.controller.ticketForCopy(id);
    fake.clickMenu('renew');
    await vi.waitFor(() => expect(app.controller.ticketForCopy(id)).not.toBe(before));
    fake.clickMenu('launch-at-login');
    await vi.waitFor(() => expect(fake.loginItemEnabled).toBe(true));
    expect(fake.menuLabels()).toContain('Launch at login ✓');
    fake.clickMenu('quit');
    expect(fake.quitRequested).toBe(true);
  });

  it('opens the popover as a normal window, and says why, when no tray host exists', async () => {
    fake.trayHost = false;
    await start();
    expect(fake.popoverShows).toEqual([{ position: null, mode: 'window' }]);
    expect(fake.logs.some((l) => l.level === 'warn' && /No system tray host/.test(l.message))).toBe(true);
    fake.blurPopover();
    expect(fake.popoverVisible).toBe(true); // a normal window does not vanish on blur
  });

  it('opens the popover of the running app on a second launch', async () => {
    await start();
    fake.launchSecondInstance();
    expect(fake.popoverVisible).toBe(true);
  });
});

describe('composeApp: notifications', () => {
  it('replaces the previous notification of an account instead of stacking, and opens the popover on click', async () => {
    await start();
    const id = await addAccount();
    await clock.advanceAsync(6 * DAY);
    expect(fake.notifications.map((n) => [n.title, n.closed])).toEqual([['Zoho ticket expires in 1 d 0 h', false]]);
    expect(fake.notifications[0]?.body).toBe('Ops: renew it before scripts start failing with 4834 Invalid Ticket Id.');
    await clock.advanceAsync(23 * HOUR);
    expect(fake.notifications.map((n) => [n.title, n.closed])).toEqual([
      ['Zoho ticket expires in 1 d 0 h', true],
      ['Zoho ticket expires in 1 h 0 min', false],
    ]);
    fake.notifications[1]!.click();
    expect(fake.popoverVisible).toBe(true);
    expect(fake.lastSent('ztt:account:focus')).toEqual({ accountId: id });
  });

  it('renews from the notification\'s Renew action', async () => {
    await start();
    const id = await addAccount();
    const before = app.controller.ticketForCopy(id);
    await clock.advanceAsync(6 * DAY);
    expect(fake.notifications[0]?.actions).toEqual([{ id: 'renew', label: 'Renew' }]);
    fake.notifications[0]!.act('renew');
    await vi.waitFor(() => expect(app.controller.ticketForCopy(id)).not.toBe(before));
    await vi.waitFor(() => expect(server.releasedTickets).toEqual([before]));
  });

  it('tells why an automatic renewal failed, and announces a renewed ticket', async () => {
    await start();
    const id = await addAccount(LOGIN, { autoRenew: true });
    server.respondNext({ kind: 'status', status: 503 });
    await clock.advanceAsync(6 * DAY);
    await vi.waitFor(() => expect(fake.notifications.at(-1)?.title).toBe('Could not renew the Zoho ticket'));
    expect(fake.notifications.at(-1)?.body).toMatch(/^Ops: 127\.0\.0\.1:\d+ answered HTTP 503 Service Unavailable instead of a ticket answer\. Retrying at 09:00\.$/);
    await clock.advanceAsync(MIN);
    await vi.waitFor(() => expect(fake.notifications.at(-1)?.title).toBe('New Zoho ticket ready'));
    expect(fake.notifications.filter((n) => !n.closed)).toHaveLength(1);
    expect(app.controller.snapshot().accounts.find((a) => a.id === id)?.ticket?.status).toBe('valid');
  });
});

describe('composeApp: clipboard, login item, shortcut, help links', () => {
  it('copies, announces when it clears, and clears only if the clipboard still holds our ticket', async () => {
    await start();
    const id = await addAccount();
    await fake.invoke('ztt:preferences:update', { clipboardAutoClearSeconds: 30 });
    expect(await fake.invoke('ztt:ticket:copy', { accountId: id })).toEqual({ ok: true, value: { clearsInSeconds: 30 } });
    expect(fake.clipboardText).toBe(app.controller.ticketForCopy(id));
    await clock.advanceAsync(30_000);
    expect(fake.clipboardText).toBe('');

    await fake.invoke('ztt:ticket:copy', { accountId: id });
    fake.clipboardText = 'something the user copied since';
    await clock.advanceAsync(30_000);
    expect(fake.clipboardText).toBe('something the user copied since');

    await fake.invoke('ztt:preferences:update', { clipboardAutoClearSeconds: 0 });
    expect(await fake.invoke('ztt:ticket:copy', { accountId: id })).toEqual({ ok: true, value: { clearsInSeconds: null } });
    await clock.advanceAsync(DAY / 2);
    expect(fake.clipboardText).toBe(app.controller.ticketForCopy(id));
    fake.platform.lifecycle.quit(); // on quit, our ticket leaves the clipboard
    await fake.quitting;
    expect(fake.clipboardText).toBe('');
  });

  it('answers a copy without a ticket with an error, not a crash', async () => {
    await start();
    expect(await fake.invoke('ztt:ticket:copy', { accountId: 'nope' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('registers, rebinds and removes the global shortcut, which copies the selected ticket', async () => {
    await start();
    const id = await addAccount();
    expect(fake.shortcuts.size).toBe(0); // off by default
    await fake.invoke('ztt:preferences:update', { globalShortcut: 'CommandOrControl+Alt+T' });
    expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+T']);
    fake.shortcuts.get('CommandOrControl+Alt+T')!();
    await vi.waitFor(() => expect(fake.clipboardText).toBe(app.controller.ticketForCopy(id)));
    await fake.invoke('ztt:preferences:update', { globalShortcut: 'CommandOrControl+C' }); // taken by another app
    expect(fake.shortcuts.size).toBe(0);
    await fake.invoke('ztt:preferences:update', { clipboardAutoClearSeconds: 10 }); // another change: no retry
    expect(fake.logs.filter((l) => /global shortcut could not be registered/.test(l.message))).toHaveLength(1);
    await fake.invoke('ztt:preferences:update', { globalShortcut: 'Alt+Shift+Z' });
    await fake.invoke('ztt:preferences:update', { globalShortcut: null });
    expect(fake.shortcuts.size).toBe(0);
  });

  it('follows the launch-at-login preference', async () => {
    await start();
    await fake.invoke('ztt:preferences:update', { launchAtLogin: true });
    await vi.waitFor(() => expect(fake.loginItemEnabled).toBe(true));
    await fake.invoke('ztt:preferences:update', { launchAtLogin: false });
    await vi.waitFor(() => expect(fake.loginItemEnabled).toBe(false));
  });

  it('opens only allow-listed Zoho help pages', async () => {
    await start();
    await fake.invoke('ztt:help:open', { topic: 'app-specific-password' });
    expect(fake.openedLinks).toEqual([HELP_LINKS['app-specific-password']]);
    expect(await fake.invoke('ztt:help:open', { topic: 'https://evil.example' })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(fake.openedLinks).toHaveLength(1);
  });
});

describe('composeApp: IPC and power events', () => {
  it('pushes state to the popover on change and never includes the password', async () => {
    await start();
    await addAccount();
    const state = fake.lastSent('ztt:state:changed') as AppStateView;
    expect(state.accounts).toHaveLength(1);
    expect(JSON.stringify(fake.sent)).not.toContain(PASSWORD);
  });

  it('rejects a forged sender and a malformed payload; the state is unchanged', async () => {
    await start();
    const id = await addAccount();
    const before = JSON.stringify(app.controller.snapshot());
    const forged = await fake.invoke('ztt:account:remove', { accountId: id }, { ...POPOVER_SENDER, frameUrl: 'https://evil.example/' });
    expect(forged).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const subframe = await fake.invoke('ztt:account:remove', { accountId: id }, { ...POPOVER_SENDER, isMainFrame: false });
    expect(subframe).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const malformed = await fake.invoke('ztt:account:remove', { accountId: id, also: 'x' });
    expect(malformed).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(JSON.stringify(app.controller.snapshot())).toBe(before);
  });

  it('fires a reminder skipped during sleep once, on resume', async () => {
    await start();
    await addAccount();
    await clock.advanceAsync(5 * DAY);
    clock.sleep(DAY + 12 * HOUR);
    fake.emitPower('resume');
    expect(fake.notifications.map((n) => n.title)).toEqual(['Zoho ticket expires in 1 d 0 h']);
    fake.emitPower('unlock-screen');
    expect(fake.notifications).toHaveLength(1);
  });

  it('retries at once when the renderer reports the network back', async () => {
    await start();
    await addAccount(LOGIN, { autoRenew: true });
    server.respondNext({ kind: 'drop' });
    await clock.advanceAsync(6 * DAY);
    await vi.waitFor(() => expect(fake.notifications.at(-1)?.title).toBe('Could not renew the Zoho ticket'));
    await fake.invoke('ztt:network:changed', { online: true });
    await vi.waitFor(() => expect(fake.notifications.at(-1)?.title).toBe('New Zoho ticket ready'));
  });

  it('answers app info with where data and logs live', async () => {
    await start();
    expect(await fake.invoke('ztt:app:info', null)).toEqual({
      ok: true,
      value: { version: '0.1.0-test', dataDirectory: dir.path, logDirectory: `${dir.path}/logs`, platform: 'linux' },
    });
  });
});
