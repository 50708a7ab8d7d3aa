import { expect, test } from './support/test';
import { account, appState, callsTo, DAY, installFakeMain, pushState, T0 } from './support/fake-main';

const NOW = T0 + 36 * 3600 * 1000; // 5 d 12 h left

test.describe('popover journeys (built renderer, Chromium)', () => {
  test('first run: add an account, errors at their field, then the ticket view', async ({ page }) => {
    await installFakeMain(page, {
      state: appState({ accounts: [], selectedAccountId: null }),
      nowMs: NOW,
      scripted: { 'ztt:account:add': [{ ok: false, error: { kind: 'refused', message: 'The password is wrong.', field: 'password', code: 'INVALID_PASSWORD' } }] },
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Add a Zoho account' })).toBeVisible();
    await page.getByLabel('Login id (e-mail or user name)').fill('me@example.com');
    await page.getByLabel('Password', { exact: true }).fill('wrong');
    await page.keyboard.press('Enter');
    await expect(page.locator('.field-error', { hasText: 'The password is wrong.' })).toBeVisible();
    await expect(page.getByTestId('announcer')).toHaveText(/The password is wrong\./);
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Password', { exact: true }).fill('right');
    await page.getByRole('button', { name: 'Get ticket' }).click();
    expect(await callsTo(page, 'ztt:account:add')).toEqual([
      { label: '', loginId: 'me@example.com', endpoint: { dataCentre: 'us' }, method: 'post', password: 'wrong', rememberPassword: true, autoRenew: true },
      { label: '', loginId: 'me@example.com', endpoint: { dataCentre: 'us' }, method: 'post', password: 'right', rememberPassword: true, autoRenew: true },
    ]);
    await pushState(page, appState({ accounts: [account()] }));
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  });

  test('ticket view: reveal, copy with announcement, renew, Escape hides', async ({ page }) => {
    await installFakeMain(page, { state: appState(), nowMs: NOW });
    await page.goto('/');
    const field = page.getByRole('textbox', { name: 'API ticket' });
    await expect(field).toHaveValue(/^•+$/);
    await page.getByRole('button', { name: 'Reveal ticket' }).click();
    await expect(field).toHaveValue('c1eea66055af5d42b8b1ab0d1171c9c4');
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByTestId('announcer')).toHaveText(/Copied — clears in 30 s/);
    await expect(page.getByText('5 d 12 h left')).toBeVisible();
    await page.getByRole('button', { name: 'Renew now' }).click();
    await expect(page.getByTestId('announcer')).toHaveText(/Renewed/);
    await page.keyboard.press('Escape');
    expect(await callsTo(page, 'ztt:popover:hide')).toHaveLength(1);
    expect(await callsTo(page, 'ztt:ticket:renew')).toEqual([{ accountId: 'a1' }]);
  });

  test('keyboard only: Tab reaches every control in order, Ctrl+C copies', async ({ page }) => {
    await installFakeMain(page, { state: appState(), nowMs: NOW });
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
    }
    expect(order).toEqual(['Add account', 'Settings', 'API ticket', 'Reveal ticket', 'Copy', 'Renew now']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+c');
    await expect.poll(() => callsTo(page, 'ztt:ticket:copy')).toHaveLength(1);
  });

  test('several accounts: the switcher selects another', async ({ page }) => {
    await installFakeMain(page, {
      state: appState({ accounts: [account(), account({ id: 'a2', label: 'EU', endpoint: { dataCentre: 'eu' } })] }),
      nowMs: NOW,
    });
    await page.goto('/');
    await page.getByLabel('Account', { exact: true }).selectOption('a2');
    expect(await callsTo(page, 'ztt:account:select')).toEqual([{ accountId: 'a2' }]);
  });

  test('the ticket view fits 360×480 without scrolling', async ({ page }) => {
    await installFakeMain(page, { state: appState({ secretProtection: { level: 'memory-only', reason: 'encryption-unavailable' } }), nowMs: NOW });
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    const overflow = await page.evaluate(() => {
      const main = document.querySelector('.popover') as HTMLElement;
      return { scroll: main.scrollHeight, client: main.clientHeight };
    });
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots in ${scheme} mode at 360×480`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await installFakeMain(page, { state: appState({ accounts: [account({ ticket: { value: 'c1eea66055af5d42b8b1ab0d1171c9c4', issuedAtMs: T0, expiresAtMs: T0 + 7 * DAY, status: 'expiring-soon' } })] }), nowMs: T0 + 6 * DAY + 5 * 3600_000 });
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`ticket-view-${scheme}.png`) });
      const firstRun = await page.context().newPage();
      await firstRun.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await installFakeMain(firstRun, { state: appState({ accounts: [], selectedAccountId: null }), nowMs: NOW });
      await firstRun.goto('/');
      await expect(firstRun.getByRole('heading', { name: 'Add a Zoho account' })).toBeVisible();
      await firstRun.screenshot({ path: testInfo.outputPath(`add-account-${scheme}.png`) });
      const background = await firstRun.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(22, 25, 29)' : 'rgb(247, 248, 250)');
    });
  }
});
