/**
 * Journeys 1–3 and 5 in real Electron, through Playwright's `_electron`, on machines where Electron
 * installs. The app runs with E2E=1, whose main-process hook (main/platform/e2e-hook.ts) opens the
 * popover and reports the tray, since Playwright cannot click the OS tray.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { FakeAccountsServer } from '../../support/fake-accounts-server';
import { PROJECT_ROOT } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';
import { findElectron, skipMessage } from './electron-support';

const found = findElectron();
test.skip('reason' in found, 'reason' in found ? skipMessage(found.reason) : '');

const PASSWORD = 'electron-e2e-pw';
const LOGIN = 'ops@example.com';
const DAY = 24 * 3600 * 1000;

type Hook = {
  openPopover(): void;
  tray(): { icon: string; toolTip: string };
  clipboard(): Promise<string>;
  advanceClock(ms: number): void;
  notifications(): { title: string }[];
  clickNotification(i: number): void;
};
const hook = <T>(app: ElectronApplication, fn: (h: Hook, arg: number) => T, arg = 0) =>
  app.evaluate((_electron, [source, a]) => new Function('h', 'a', `return (${source})(h, a)`)((globalThis as unknown as { __ztt: Hook }).__ztt, a), [fn.toString(), arg] as const) as Promise<Awaited<T>>;

let server: FakeAccountsServer;
let userData: ReturnType<typeof makeTempDir>;

async function launch(): Promise<{ app: ElectronApplication; popover: Page }> {
  const app = await electron.launch({
    executablePath: (found as { path: string }).path,
    args: [PROJECT_ROOT + '/out/main/index.js'],
    env: { ...process.env, E2E: '1', ZTT_USER_DATA: userData.path, ZTT_FORCE_WINDOW: '0' } as Record<string, string>,
  });
  await app.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  await hook(app, (h) => h.openPopover());
  const popover = await app.firstWindow();
  await popover.waitForLoadState('domcontentloaded');
  return { app, popover };
}

async function addAccount(popover: Page, password = PASSWORD) {
  await popover.getByLabel('Login id (e-mail or user name)').fill(LOGIN);
  await popover.getByLabel('Password', { exact: true }).fill(password);
  await popover.getByLabel('Data centre').selectOption('custom');
  await popover.getByLabel('Accounts URL').fill(server.url);
  await popover.getByRole('button', { name: 'Get ticket' }).click();
}

test.beforeEach(async () => {
  server = await FakeAccountsServer.start();
  server.addAccount(LOGIN, { password: PASSWORD });
  userData = makeTempDir('ztt-electron-');
});
test.afterEach(async () => {
  await server.close();
  userData.dispose();
});

test('1: add account → ticket → Copy → clipboard holds it', async () => {
  const { app, popover } = await launch();
  await addAccount(popover);
  await popover.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => hook(app, (h) => h.clipboard())).toBe(server.activeTickets(LOGIN)[0]);
  expect((await hook(app, (h) => h.tray())).icon).toBe('valid');
  await app.close();
});

test('2: day 6 → one reminder → click → Renew → new ticket, old one released', async () => {
  const { app, popover } = await launch();
  await addAccount(popover);
  await expect(popover.getByRole('button', { name: 'Copy' })).toBeVisible();
  const old = server.activeTickets(LOGIN)[0];
  await hook(app, (h, ms) => h.advanceClock(ms), 6 * DAY);
  await expect.poll(() => hook(app, (h) => h.notifications().length)).toBe(1);
  await hook(app, (h) => h.clickNotification(0));
  await popover.getByRole('button', { name: 'Renew now' }).click();
  await expect.poll(() => server.releasedTickets).toEqual([old]);
  await app.close();
});

test('3: wrong password → error at the password field', async () => {
  const { app, popover } = await launch();
  await addAccount(popover, 'wrong');
  await expect(popover.locator('.field-error', { hasText: 'The password is wrong.' })).toBeVisible();
  await app.close();
});

test('5: restart → the ticket is restored', async () => {
  const first = await launch();
  await addAccount(first.popover);
  await expect(first.popover.getByRole('button', { name: 'Copy' })).toBeVisible();
  await first.app.close();
  const second = await launch();
  await second.popover.getByRole('button', { name: 'Reveal ticket' }).click();
  await expect(second.popover.getByRole('textbox', { name: 'API ticket' })).toHaveValue(server.activeTickets(LOGIN)[0]!);
  await second.app.close();
});
