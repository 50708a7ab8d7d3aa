/**
 * `npm run demo:browser`: the real app composition (composeApp, real bridge, real IPC checks) with a
 * Chromium page as its popover, against the fake accounts server preloaded with a demo account. Headed
 * where a display exists; headless otherwise, with a screenshot. Ctrl-C to stop.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { systemClock } from '../../main/core/clock';
import { startBrowserApp } from '../e2e/support/browser-app';
import { PROJECT_ROOT } from '../support/cli-process';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { makeTempDir } from '../support/temp-dir';
import { serveStatic } from './serve-static';

const DEMO_LOGIN = 'demo@example.com';
const DEMO_PASSWORD = 'demo-password';

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const accounts = await FakeAccountsServer.start();
accounts.addAccount(DEMO_LOGIN, { password: DEMO_PASSWORD });
const renderer = await serveStatic(join(PROJECT_ROOT, 'out/renderer'));
const data = makeTempDir('ztt-demo-');
const headed = Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']) && process.env['CI'] !== 'true';
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  headless: !headed,
  args: [...(headed ? [] : ['--headless']), '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--app=about:blank'],
});
const page = await (await browser.newContext({ viewport: { width: 360, height: 480 } })).newPage();
const { app, fake } = await startBrowserApp({ page, dataDir: data.path, clock: systemClock, baseURL: renderer.url });

process.stdout.write(
  [
    '',
    'Zoho Ticket Tray demo — the real app in Chromium, against a fake Zoho accounts server.',
    `  Login id:      ${DEMO_LOGIN}`,
    `  Password:      ${DEMO_PASSWORD}`,
    '  Data centre:   Custom accounts URL…',
    `  Accounts URL:  ${accounts.url}`,
    `  Data folder:   ${data.path} (removed on exit)`,
    headed ? '  The popover is the Chromium window. Ctrl-C here to stop.' : '  No display: running headless.',
    '',
  ].join('\n'),
);
fake.logger.info = (message) => void process.stdout.write(`[app] ${message}\n`);

const stop = async () => {
  await app.dispose();
  await browser.close();
  await accounts.close();
  renderer.server.close();
  data.dispose();
  process.exit(0);
};
process.once('SIGINT', () => void stop());

if (!headed) {
  // Show something even without a display: sign in as the demo account and save a screenshot.
  await page.getByLabel('Login id (e-mail or user name)').fill(DEMO_LOGIN);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('Data centre').selectOption('custom');
  await page.getByLabel('Accounts URL').fill(accounts.url);
  await page.getByRole('button', { name: 'Get ticket' }).click();
  await page.getByRole('button', { name: 'Copy' }).waitFor();
  const shot = join(PROJECT_ROOT, 'test-results', 'demo.png');
  await page.screenshot({ path: shot });
  process.stdout.write(`  Signed in as the demo account; tray says: "${fake.toolTip}"\n  Screenshot: ${shot}\n`);
  await stop();
}
