import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeApp } from '../../main/app/compose';
import { intlFormatter } from '../../main/app/messages';
import { e2eApi, withE2eRecording } from '../../main/platform/e2e-hook';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { FakeClock } from '../support/fake-clock';
import { FakePlatform } from '../support/fake-platform';
import { makeTempDir } from '../support/temp-dir';

const DAY = 24 * 3600 * 1000;
let server: FakeAccountsServer;
let dir: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  server = await FakeAccountsServer.start();
  server.addAccount('e2e@example.com', { password: 'pw' });
  dir = makeTempDir();
});
afterEach(async () => {
  await server.close();
  dir.dispose();
});

describe('E2E=1 hook', () => {
  it('records what tray and notifier show, opens the popover, reads the clipboard, and moves the clock', async () => {
    const clock = new FakeClock(Date.parse('2026-12-01T09:00:00Z'));
    const fake = new FakePlatform(clock, dir.path);
    const { platform, shell, clock: offset } = withE2eRecording(fake.platform);
    const app = await composeApp(platform, { format: intlFormatter('en-GB', 'UTC') });
    const api = e2eApi(app, shell, offset, platform);
    await app.controller.addAccount({ loginId: 'e2e@example.com', endpoint: { accountsUrl: server.url }, password: 'pw', rememberPassword: true, autoRenew: false });
    expect(api.tray()).toMatchObject({ icon: 'valid', toolTip: 'e2e@example.com: valid until 8 Dec 2026, 09:00 (7 d 0 h left)' });
    expect(fake.icon).toBe('valid'); // still forwarded to the real tray
    api.openPopover();
    expect(fake.popoverVisible).toBe(true);
    api.clickMenu('copy');
    await vi.waitFor(async () => expect(await api.clipboard()).toBe(app.controller.ticketForCopy(app.controller.snapshot().accounts[0]!.id)));
    api.advanceClock(6 * DAY);
    expect(offset.now()).toBe(clock.now() + 6 * DAY);
    expect(api.notifications()).toEqual([{ title: 'Zoho ticket expires in 1 d 0 h', body: 'e2e@example.com: renew it before scripts start failing with 4834 Invalid Ticket Id.', closed: false }]);
    expect(api.tray().icon).toBe('expiring');
    fake.popoverVisible = false;
    api.clickNotification(0);
    expect(fake.popoverVisible).toBe(true);
    expect(api.state().accounts).toHaveLength(1);
    await app.dispose();
  });
});
