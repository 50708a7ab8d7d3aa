import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { RETRY_CAP_MS, retryDelayMs, SECRET_SERVICE, type AppEvent } from '../../main/app/controller';
import { TicketError } from '../../main/engine/errors';
import { EncryptedFileSecretStore } from '../../main/vault/encrypted-file-secret-store';
import { AesGcmTestCipher } from '../support/aes-cipher';
import { startApp } from '../support/app-harness';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { FakeClock } from '../support/fake-clock';
import { successBody } from '../support/recorded-bodies';
import { makeTempDir, readAllFiles } from '../support/temp-dir';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LOGIN = 'ops@example.com';
const PASSWORD = 'correct horse & battery=staple';

let server: FakeAccountsServer;
let dir: ReturnType<typeof makeTempDir>;
let clock: FakeClock;
let cipher: AesGcmTestCipher;

beforeEach(async () => {
  server = await FakeAccountsServer.start({ now: () => clock.now() });
  server.addAccount(LOGIN, { password: PASSWORD });
  dir = makeTempDir();
  clock = new FakeClock(T0);
  cipher = new AesGcmTestCipher();
});
afterEach(async () => {
  await server.close();
  dir.dispose();
});

const app = (random?: () => number) => startApp({ dataDir: dir.path, clock, cipher, ...(random ? { random } : {}) });
const newAccount = (extra: { autoRenew?: boolean; rememberPassword?: boolean; password?: string } = {}) => ({
  label: 'Ops',
  loginId: LOGIN,
  endpoint: { accountsUrl: server.url },
  password: extra.password ?? PASSWORD,
  rememberPassword: extra.rememberPassword ?? true,
  autoRenew: extra.autoRenew ?? false,
});
const ofType = <T extends AppEvent['type']>(events: AppEvent[], type: T) => events.filter((e): e is Extract<AppEvent, { type: T }> => e.type === type);
const loginRequests = () => server.requests.filter((r) => r.path.endsWith('/login'));

describe('AppController', () => {
  it('adds an account by requesting its first ticket, and the snapshot never holds the password', async () => {
    const { controller } = await app();
    const id = await controller.addAccount(newAccount());
    const state = controller.snapshot();
    expect(state.selectedAccountId).toBe(id);
    expect(state.secretProtection).toEqual({ level: 'os', reason: null });
    const [view] = state.accounts;
    expect(view).toMatchObject({ id, label: 'Ops', loginId: LOGIN, endpoint: { accountsUrl: server.url }, hasPassword: true, renewing: false, lastError: null });
    expect(view?.ticket).toEqual({ value: server.activeTickets(LOGIN)[0], issuedAtMs: T0, expiresAtMs: T0 + 7 * DAY, status: 'valid' });
    expect(controller.ticketForCopy(id)).toBe(view?.ticket?.value);
    expect(JSON.stringify(state)).not.toContain(PASSWORD);
  });

  it('saves nothing when the first ticket is refused, and says which field to fix', async () => {
    const { controller } = await app();
    const error = await controller.addAccount(newAccount({ password: 'wrong' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketError);
    expect((error as TicketError).toJSON()).toMatchObject({ kind: 'refused', field: 'password', message: 'The password is wrong.' });
    expect(controller.snapshot().accounts).toEqual([]);
    await expect(controller.addAccount({ ...newAccount(), loginId: ' ' })).rejects.toMatchObject({ kind: 'invalid-input', field: 'loginId' });
    await expect(controller.addAccount({ ...newAccount(), endpoint: { accountsUrl: 'http://evil.example' } })).rejects.toMatchObject({ field: 'accountsUrl' });
  });

  it('shows the 24 h reminder on day 6 exactly once, persists it, and a restart does not repeat it', async () => {
    const first = await app();
    const id = await first.controller.addAccount(newAccount());
    await clock.advanceAsync(6 * DAY + HOUR);
    expect(ofType(first.events, 'reminder-due')).toEqual([{ type: 'reminder-due', accountId: id, leadMinutes: 1440, expiresAtMs: T0 + 7 * DAY }]);
    expect(first.controller.snapshot().accounts[0]?.ticket?.status).toBe('expiring-soon');
    first.controller.stop();

    const second = await app(); // a new app on the same data directory
    expect(second.controller.snapshot().accounts[0]?.ticket?.value).toBe(first.controller.ticketForCopy(id));
    await clock.advanceAsync(22 * HOUR);
    expect(ofType(second.events, 'reminder-due').map((e) => e.leadMinutes)).toEqual([60]);
    await clock.advanceAsync(HOUR);
    expect(ofType(second.events, 'reminder-due').map((e) => e.leadMinutes)).toEqual([60, 0]);
    expect(second.controller.snapshot().accounts[0]?.ticket?.status).toBe('expired');
  });

  it('renews automatically at the first lead time, keeps the old ticket until then, and releases it after', async () => {
    const { controller, events } = await app();
    const id = await controller.addAccount(newAccount({ autoRenew: true }));
    const old = controller.ticketForCopy(id);
    await clock.advanceAsync(6 * DAY - MIN);
    expect(controller.ticketForCopy(id)).toBe(old);
    await clock.advanceAsync(MIN);
    await vi.waitFor(() => expect(ofType(events, 'renewed')).toHaveLength(1));
    const renewed = controller.ticketForCopy(id);
    expect(renewed).not.toBe(old);
    expect(ofType(events, 'renewed')[0]).toEqual({ type: 'renewed', accountId: id, expiresAtMs: T0 + 13 * DAY, automatic: true });
    await vi.waitFor(() => expect(server.releasedTickets).toEqual([old]));
    expect(ofType(events, 'reminder-due')).toEqual([]); // healthy auto-renew: no reminder noise
  });

  it('retries a failed automatic renewal with capped exponential backoff, and recovers', async () => {
    const { controller, events } = await app(() => 1); // jitter factor 1.0: delays are exact
    const id = await controller.addAccount(newAccount({ autoRenew: true }));
    server.respondAlways({ kind: 'status', status: 503 });
    await clock.advanceAsync(6 * DAY);
    const expectedDelays = [30_000, 60_000, 120_000, 240_000, 480_000, 960_000, RETRY_CAP_MS, RETRY_CAP_MS];
    const delays: number[] = [];
    for (let attempt = 0; attempt < expectedDelays.length; attempt++) {
      await vi.waitFor(() => expect(ofType(events, 'renewal-failed')).toHaveLength(attempt + 1));
      const failure = ofType(events, 'renewal-failed')[attempt]!;
      expect(failure).toMatchObject({ automatic: true, needsUser: false, error: { kind: 'protocol', code: 'HTTP_STATUS' } });
      delays.push(failure.retryAtMs! - clock.now());
      expect(controller.snapshot().accounts[0]).toMatchObject({ nextRetryAtMs: failure.retryAtMs, lastError: { code: 'HTTP_STATUS' } });
      if (attempt < expectedDelays.length - 1) await clock.advanceAsync(failure.retryAtMs! - clock.now());
    }
    expect(delays).toEqual(expectedDelays);
    server.respondAlways(undefined); // the server is back
    await clock.advanceAsync(RETRY_CAP_MS);
    await vi.waitFor(() => expect(ofType(events, 'renewed')).toHaveLength(1));
    expect(controller.snapshot().accounts[0]).toMatchObject({ id, lastError: null, nextRetryAtMs: null, ticket: { status: 'valid' } });
  });

  it('jitters retry delays between half and all of the exponential step', () => {
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, () => 0.999999)).toBe(30_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(90_000);
    expect(retryDelayMs(50, () => 1)).toBe(RETRY_CAP_MS);
  });

  it('retries at once when the network comes back', async () => {
    const { controller, events } = await app(() => 1);
    await controller.addAccount(newAccount({ autoRenew: true }));
    server.respondAlways({ kind: 'drop' });
    await clock.advanceAsync(6 * DAY);
    await vi.waitFor(() => expect(ofType(events, 'renewal-failed')).toHaveLength(1));
    expect(ofType(events, 'renewal-failed')[0]?.error.kind).toBe('network');
    server.respondAlways(undefined);
    controller.handleOnline();
    await vi.waitFor(() => expect(ofType(events, 'renewed')).toHaveLength(1));
  });

  it('stops retrying on a refusal, never hammering the server, until the user gives a new password', async () => {
    const { controller, events } = await app();
    const id = await controller.addAccount(newAccount({ autoRenew: true }));
    server.addAccount(LOGIN, { password: 'changed-elsewhere' });
    await clock.advanceAsync(6 * DAY);
    await vi.waitFor(() => expect(ofType(events, 'renewal-failed')).toHaveLength(1));
    expect(ofType(events, 'renewal-failed')[0]).toMatchObject({ needsUser: true, retryAtMs: null, error: { kind: 'refused', field: 'password' } });
    const requestsAfterRefusal = loginRequests().length;
    await clock.advanceAsync(23 * HOUR);
    expect(loginRequests().length).toBe(requestsAfterRefusal);
    expect(controller.snapshot().accounts[0]).toMatchObject({ autoRenewBlocked: true, nextRetryAtMs: null });
    // The 24 h reminder was covered by the refusal's own event; the later ones are back, since
    // renewal is not going to happen on its own.
    expect(ofType(events, 'reminder-due').map((e) => e.leadMinutes)).toEqual([60]);

    await controller.renew(id, 'changed-elsewhere');
    expect(controller.snapshot().accounts[0]).toMatchObject({ autoRenewBlocked: false, lastError: null, ticket: { status: 'valid' } });
  });

  it('keeps the previous ticket, still copyable, when a manual renewal fails', async () => {
    const { controller } = await app();
    const id = await controller.addAccount(newAccount());
    const ticket = controller.ticketForCopy(id);
    await expect(controller.renew(id, 'wrong password')).rejects.toMatchObject({ kind: 'refused', field: 'password' });
    expect(controller.ticketForCopy(id)).toBe(ticket);
    expect(controller.snapshot().accounts[0]).toMatchObject({ ticket: { value: ticket }, lastError: { code: 'INVALID_PASSWORD' } });
  });

  it('keeps an unremembered password for the session only', async () => {
    const first = await app();
    const id = await first.controller.addAccount(newAccount({ rememberPassword: false }));
    expect(first.controller.snapshot().accounts[0]?.hasPassword).toBe(true);
    const onDisk = new EncryptedFileSecretStore(cipher, join(dir.path, 'secrets.json'));
    expect(await onDisk.findCredentials(SECRET_SERVICE)).toEqual([{ account: `ticket:${id}`, password: first.controller.ticketForCopy(id) }]);
    first.controller.stop();
    const second = await app();
    expect(second.controller.snapshot().accounts[0]).toMatchObject({ hasPassword: false, ticket: { status: 'valid' } });
    await expect(second.controller.renew(id)).rejects.toMatchObject({ kind: 'invalid-input', field: 'password', code: 'PASSWORD_NEEDED' });
  });

  it('reports a remembered password that no longer decrypts as needing re-entry; other accounts still load', async () => {
    const first = await app();
    const a = await first.controller.addAccount(newAccount());
    first.controller.stop();
    cipher.resetKey(); // keychain reset
    const second = await app();
    expect(second.controller.snapshot().accounts.find((x) => x.id === a)).toMatchObject({ needsPasswordReentry: true, hasPassword: false, ticket: null });
    server.addAccount('other@example.com', { password: 'pw2' });
    const b = await second.controller.addAccount({ ...newAccount(), loginId: 'other@example.com', password: 'pw2' });
    expect(second.controller.snapshot().accounts.find((x) => x.id === b)).toMatchObject({ needsPasswordReentry: false, hasPassword: true });
    await second.controller.renew(a, PASSWORD);
    expect(second.controller.snapshot().accounts.find((x) => x.id === a)).toMatchObject({ needsPasswordReentry: false, hasPassword: true, ticket: { status: 'valid' } });
  });

  it('in memory-only mode says so and writes nothing secret to disk', async () => {
    cipher.available = false;
    const { controller } = await app();
    const id = await controller.addAccount(newAccount());
    expect(controller.snapshot().secretProtection).toEqual({ level: 'memory-only', reason: 'encryption-unavailable' });
    const ticket = controller.ticketForCopy(id)!;
    for (const file of readAllFiles(dir.path)) {
      const text = file.content.toString('utf8');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(ticket);
    }
  });

  it('removes an account with its secrets and releases its ticket', async () => {
    const { controller } = await app();
    const id = await controller.addAccount(newAccount());
    const ticket = controller.ticketForCopy(id);
    await controller.removeAccount(id);
    expect(controller.snapshot()).toMatchObject({ accounts: [], selectedAccountId: null });
    expect(controller.ticketForCopy(id)).toBeNull();
    await vi.waitFor(() => expect(server.releasedTickets).toEqual([ticket]));
    expect(readAllFiles(dir.path).map((f) => f.content.toString()).join('')).not.toContain(id);
  });

  it('updates an account: fields, and the password moves between vault and session as asked', async () => {
    const { controller, events } = await app();
    const id = await controller.addAccount(newAccount());
    const onDisk = () => new EncryptedFileSecretStore(cipher, join(dir.path, 'secrets.json')).getPassword(SECRET_SERVICE, `password:${id}`);
    expect(await onDisk()).toBe(PASSWORD);

    await controller.updateAccount(id, { label: 'Renamed', autoRenew: true, method: 'get' });
    expect(controller.snapshot().accounts[0]).toMatchObject({ label: 'Renamed', autoRenew: true, method: 'get', hasPassword: true });

    await controller.updateAccount(id, { rememberPassword: false }); // forget it on disk, keep it for this session
    expect(await onDisk()).toBeNull();
    expect(controller.snapshot().accounts[0]).toMatchObject({ rememberPassword: false, hasPassword: true });

    await controller.updateAccount(id, { rememberPassword: true }); // and back
    expect(await onDisk()).toBe(PASSWORD);

    server.addAccount(LOGIN, { password: 'rotated' });
    await controller.updateAccount(id, { password: 'rotated' });
    expect(await onDisk()).toBe('rotated');
    await controller.renew(id);
    expect(ofType(events, 'renewed')).toHaveLength(1);
    expect(JSON.stringify(controller.snapshot())).not.toContain('rotated');

    await expect(controller.updateAccount(id, { endpoint: { accountsUrl: 'ftp://x' } })).rejects.toMatchObject({ field: 'accountsUrl' });
    await expect(controller.updateAccount('no-such-id', { label: 'x' })).rejects.toMatchObject({ code: 'UNKNOWN_ACCOUNT' });
    expect(controller.snapshot().accounts[0]?.endpoint).toEqual({ accountsUrl: server.url });
  });

  it('selects an account and tells listeners', async () => {
    const { controller, events } = await app();
    const a = await controller.addAccount(newAccount());
    server.addAccount('eu@example.com', { password: 'pw' });
    const b = await controller.addAccount({ ...newAccount(), loginId: 'eu@example.com', password: 'pw' });
    expect(controller.snapshot().selectedAccountId).toBe(a);
    controller.selectAccount(b);
    expect(controller.snapshot().selectedAccountId).toBe(b);
    expect(ofType(events, 'state-changed').at(-1)?.state.selectedAccountId).toBe(b);
    expect(() => controller.selectAccount('nope')).toThrow(TicketError);
  });

  it('validates preference changes and loses nothing on a bad one', async () => {
    const { controller } = await app();
    controller.updatePreferences({ reminderLeadMinutes: [60, 1440, 60, 0], clipboardAutoClearSeconds: 15 });
    expect(controller.snapshot().preferences).toMatchObject({ reminderLeadMinutes: [1440, 60, 0], clipboardAutoClearSeconds: 15 });
    expect(() => controller.updatePreferences({ clipboardAutoClearSeconds: 9999 })).toThrow();
    expect(controller.snapshot().preferences.clipboardAutoClearSeconds).toBe(15);
  });

  it('canary: neither password nor ticket, nor their base64, lands in any file of the data directory', async () => {
    const canaryPassword = `canary-pw-${Math.random().toString(36).slice(2)}`;
    const canaryTicket = `canary-tk-${Math.random().toString(36).slice(2)}`;
    server.addAccount('canary@example.com', { password: canaryPassword });
    server.respondNext({ kind: 'body', body: successBody(canaryTicket) });
    const { controller, logs } = await app();
    const id = await controller.addAccount({ ...newAccount(), loginId: 'canary@example.com', password: canaryPassword });
    expect(controller.ticketForCopy(id)).toBe(canaryTicket);
    controller.updatePreferences({ clipboardAutoClearSeconds: 5 });
    const files = readAllFiles(dir.path);
    expect(files.map((f) => f.path.split('/').pop()).sort()).toEqual(['secrets.json', 'settings.json']);
    const forbidden = [canaryPassword, canaryTicket].flatMap((s) => [s, Buffer.from(s).toString('base64'), Buffer.from(s).toString('base64url')]);
    for (const file of files) {
      for (const text of [file.content.toString('utf8'), file.content.toString('latin1')]) {
        for (const secret of forbidden) expect(text, `${file.path} holds a secret`).not.toContain(secret);
      }
    }
    expect(JSON.stringify(logs)).not.toContain(canaryPassword);
    expect(JSON.stringify(logs)).not.toContain(canaryTicket);
  });
});
