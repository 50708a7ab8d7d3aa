import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import type { AesGcmTestCipher } from '../support/aes-cipher';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { FakeClock } from '../support/fake-clock';
import { makeTempDir, readAllFiles } from '../support/temp-dir';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

const PASSWORD = 'e2e-Pa55 w0rd&=#+ü';
const LOGIN = 'ops@example.com';
const DAY = 24 * 3600 * 1000;

let server: FakeAccountsServer;
let dir: ReturnType<typeof makeTempDir>;
let clock: FakeClock;
let running: BrowserApp | undefined;
const secretsSeen = new Set<string>([PASSWORD]);

test.beforeEach(async () => {
  clock = new FakeClock(Date.now());
  server = await FakeAccountsServer.start({ now: () => clock.now() });
  server.addAccount(LOGIN, { password: PASSWORD }).addAccount('eu@example.com', { password: PASSWORD });
  dir = makeTempDir('ztt-e2e-');
});
test.afterEach(async () => {
  // The canary scan, after every journey: no password or ticket, plain or base64, in any file or log line.
  for (const ticket of server.activeTickets(LOGIN).concat(server.releasedTickets, server.activeTickets('eu@example.com'))) secretsSeen.add(ticket);
  const files = readAllFiles(dir.path);
  const logs = JSON.stringify(running?.fake.logs ?? []);
  for (const secret of secretsSeen) {
    for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) {
      for (const file of files) expect(file.content.toString('latin1'), `${file.path} holds a secret`).not.toContain(form);
      expect(logs).not.toContain(form);
    }
  }
  await running?.close();
  running = undefined;
  await server.close();
  dir.dispose();
});

async function start(page: Page, baseURL: string | undefined, cipherAvailable = true, cipher?: AesGcmTestCipher) {
  running = await startBrowserApp({ page, dataDir: dir.path, clock, baseURL: baseURL ?? 'http://127.0.0.1:41731', cipherAvailable, ...(cipher ? { cipher } : {}) });
  return running;
}

async function addAccountInUi(page: Page, loginId = LOGIN, password = PASSWORD, accountsUrl = server.url) {
  await page.getByLabel('Login id (e-mail or user name)').fill(loginId);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Data centre').selectOption('custom');
  await page.getByLabel('Accounts URL').fill(accountsUrl);
  await page.getByRole('button', { name: 'Get ticket' }).click();
}

test.describe('the real app in Chromium (composeApp + real bridge + fake accounts server)', () => {
  test('1: first run → add account → ticket shown → Copy → clipboard holds it → cleared after N s', async ({ page, baseURL }) => {
    const { app, fake } = await start(page, baseURL);
    await addAccountInUi(page);
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    const ticket = server.activeTickets(LOGIN)[0]!;
    await page.getByRole('button', { name: 'Reveal ticket' }).click();
    await expect(page.getByRole('textbox', { name: 'API ticket' })).toHaveValue(ticket);
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByTestId('announcer')).toHaveText(/Copied — clears in 30 s/);
    expect(fake.clipboardText).toBe(ticket);
    await clock.advanceAsync(29_000);
    expect(fake.clipboardText).toBe(ticket);
    await clock.advanceAsync(1_000);
    expect(fake.clipboardText).toBe('');
    expect(app.controller.snapshot().accounts[0]?.loginId).toBe(LOGIN);
  });

  test('2: day 6 → exactly one reminder → click it → popover on the account → Renew → new ticket, old one released', async ({ page, baseURL }) => {
    const { app, fake } = await start(page, baseURL);
    await addAccountInUi(page);
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    await app.controller.updateAccount(app.controller.snapshot().accounts[0]!.id, { autoRenew: false });
    const old = server.activeTickets(LOGIN)[0]!;
    await clock.advanceAsync(6 * DAY + 60_000);
    expect(fake.notifications.map((n) => n.title)).toEqual(['Zoho ticket expires in 1 d 0 h']);
    fake.popoverVisible = false;
    fake.notifications[0]!.click();
    expect(fake.popoverVisible).toBe(true);
    await page.getByRole('button', { name: 'Renew now' }).click();
    await expect(page.getByTestId('announcer')).toHaveText(/Renewed/);
    await expect.poll(() => server.releasedTickets).toEqual([old]);
    const fresh = server.activeTickets(LOGIN);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).not.toBe(old);
  });

  test('3: wrong password → clear error at the password field; the previous ticket is kept and copyable', async ({ page, baseURL }) => {
    const { fake } = await start(page, baseURL);
    await addAccountInUi(page, LOGIN, 'not the password');
    await expect(page.locator('.field-error', { hasText: 'The password is wrong.' })).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Get ticket' }).click();
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    const ticket = server.activeTickets(LOGIN)[0]!;
    server.addAccount(LOGIN, { password: 'changed elsewhere' });
    await page.getByRole('button', { name: 'Renew now' }).click();
    await expect(page.getByRole('alert')).toHaveText('The password is wrong.');
    await expect(page.getByLabel('Password to renew')).toBeVisible();
    await page.getByRole('button', { name: 'Copy' }).click();
    expect(fake.clipboardText).toBe(ticket);
  });

  test('4: server down during auto-renew → error shown, backoff retries, recovers when the server is back', async ({ page, baseURL }) => {
    const { app, fake } = await start(page, baseURL);
    await addAccountInUi(page);
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    const old = server.activeTickets(LOGIN)[0]!;
    server.respondAlways({ kind: 'status', status: 503 });
    await clock.advanceAsync(6 * DAY);
    await expect(page.getByRole('alert')).toContainText('answered HTTP 503');
    await expect(page.getByText(/^Retrying automatically at/)).toBeVisible();
    const attempts = () => server.requests.filter((r) => r.path.endsWith('/login')).length;
    const afterFirst = attempts();
    await clock.advanceAsync(30_000); // first backoff step (jitter factor 1.0 in the harness)
    await expect.poll(attempts).toBe(afterFirst + 1);
    server.respondAlways(undefined); // back up
    await clock.advanceAsync(60_000);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => server.releasedTickets).toEqual([old]);
    expect(app.controller.snapshot().accounts[0]).toMatchObject({ lastError: null, nextRetryAtMs: null });
    expect(fake.notifications.map((n) => n.title)).toContain('New Zoho ticket ready');
  });

  test('5: restart mid-week → ticket, countdown and reminders restored; no reminder repeated', async ({ page, baseURL, context }) => {
    const first = await start(page, baseURL);
    await addAccountInUi(page);
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    await first.app.controller.updateAccount(first.app.controller.snapshot().accounts[0]!.id, { autoRenew: false });
    await clock.advanceAsync(6 * DAY + 3600_000);
    expect(first.fake.notifications.map((n) => n.title)).toEqual(['Zoho ticket expires in 1 d 0 h']);
    const ticket = server.activeTickets(LOGIN)[0]!;
    await first.close();

    const secondPage = await context.newPage();
    const second = await start(secondPage, baseURL, true, first.fake.cipher); // a new app, same data directory and keychain
    await secondPage.getByRole('button', { name: 'Reveal ticket' }).click();
    await expect(secondPage.getByRole('textbox', { name: 'API ticket' })).toHaveValue(ticket);
    await expect(secondPage.getByText(/^\d+ h \d+ min left$/)).toBeVisible();
    expect(second.fake.notifications).toEqual([]); // the 24 h reminder is not shown again
    await clock.advanceAsync(22 * 3600_000);
    expect(second.fake.notifications.map((n) => n.title)).toEqual(['Zoho ticket expires in 1 h 0 min']);
  });

  test('6: sleep across a reminder (clock jump + resume) → one notification on resume', async ({ page, baseURL }) => {
    const { app, fake } = await start(page, baseURL);
    await addAccountInUi(page);
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    await app.controller.updateAccount(app.controller.snapshot().accounts[0]!.id, { autoRenew: false });
    await clock.advanceAsync(5 * DAY);
    clock.sleep(DAY + 12 * 3600_000); // lid closed across the 24 h reminder
    expect(fake.notifications).toEqual([]);
    fake.emitPower('resume');
    expect(fake.notifications.map((n) => n.title)).toEqual(['Zoho ticket expires in 1 d 0 h']);
    fake.emitPower('unlock-screen');
    expect(fake.notifications).toHaveLength(1);
  });

  test('7: two accounts in two data centres; the tray menu and tooltip follow the selected one', async ({ page, baseURL }) => {
    const { fake } = await start(page, baseURL);
    await addAccountInUi(page, LOGIN, PASSWORD, `${server.url}/us`);
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    await page.getByRole('button', { name: 'Add account' }).click();
    await addAccountInUi(page, 'eu@example.com', PASSWORD, `${server.url}/eu`);
    await expect(page.getByLabel('Account', { exact: true })).toBeVisible();
    expect(server.requests.map((r) => r.path)).toEqual(['/us/login', '/eu/login']);
    expect(fake.toolTip).toMatch(/^ops@example\.com: valid until/);
    await page.getByLabel('Account', { exact: true }).selectOption({ label: 'eu@example.com' });
    await expect.poll(() => fake.toolTip).toMatch(/^eu@example\.com: valid until/);
    expect(fake.menuLabels()).toContain('● eu@example.com');
    fake.clickMenu('copy');
    await expect.poll(() => fake.clipboardText).toBe(server.activeTickets('eu@example.com')[0]);
  });

  test('8: no secure storage → memory-only banner; nothing secret written to disk', async ({ page, baseURL }) => {
    await start(page, baseURL, false);
    await expect(page.getByText('the password is kept for this session only', { exact: false })).toBeVisible();
    await addAccountInUi(page);
    await expect(page.getByRole('note')).toHaveText('No secure storage on this computer: passwords are kept for this session only.');
    expect(readAllFiles(dir.path).map((f) => f.path.split('/').pop())).toEqual(['settings.json']);
  });

  test('9: a forged IPC sender or a malformed payload is rejected; the state is unchanged', async ({ page, baseURL }) => {
    const { app } = await start(page, baseURL);
    await addAccountInUi(page);
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    const before = JSON.stringify(app.controller.snapshot());
    const accountId = app.controller.snapshot().accounts[0]!.id;
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>child</p>';
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener('load', resolve));
    });
    const child = page.frames().find((f) => f !== page.mainFrame())!;
    const forged = await child.evaluate((id) => (window as unknown as { __zttInvoke(c: string, p: unknown): Promise<unknown> }).__zttInvoke('ztt:account:remove', { accountId: id }), accountId);
    expect(forged).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const malformed = await page.evaluate((id) => (window as unknown as { __zttInvoke(c: string, p: unknown): Promise<unknown> }).__zttInvoke('ztt:account:remove', { accountId: id, extra: 'x' }), accountId);
    expect(malformed).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(JSON.stringify(app.controller.snapshot())).toBe(before);
  });
});
