import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../main/settings/schema';
import { openSettings, type ConfFactory } from '../../../main/settings/settings-store';
import { makeTempDir } from '../../support/temp-dir';

/** The same store the app uses, minus Electron: conf is what electron-store is built on. */
const createConf: ConfFactory = (options) => new Conf<Record<string, unknown>>({ ...options, projectName: 'zoho-ticket-tray-test' } as never) as never;

const NOW = Date.parse('2026-12-04T10:00:00Z');
let dir: { path: string; dispose: () => void };
beforeEach(() => (dir = makeTempDir()));
afterEach(() => dir.dispose());
const settingsPath = () => join(dir.path, 'settings.json');

const account = {
  id: 'a1',
  label: 'Work',
  loginId: 'me@example.com',
  dataCentre: 'eu',
  method: 'post',
  rememberPassword: true,
  autoRenew: true,
} as const;

describe('settings', () => {
  it('starts from defaults and persists changes to a 0600 file through conf', async () => {
    const settings = await openSettings(dir.path, createConf, () => NOW);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.notices).toEqual([]);
    settings.update((s) => ({ ...s, accounts: [account], selectedAccountId: 'a1', clipboardAutoClearSeconds: 10 }));
    const reopened = await openSettings(dir.path, createConf);
    expect(reopened.get()).toMatchObject({ accounts: [account], selectedAccountId: 'a1', clipboardAutoClearSeconds: 10 });
    expect(statSync(settingsPath()).mode & 0o777).toBe(0o600);
  });

  it('rejects an invalid change and keeps what was there', async () => {
    const settings = await openSettings(dir.path, createConf);
    settings.update((s) => ({ ...s, accounts: [account] }));
    const before = readFileSync(settingsPath(), 'utf8');
    expect(() => settings.update((s) => ({ ...s, clipboardAutoClearSeconds: -5 }))).toThrow(/clipboardAutoClearSeconds/);
    expect(() =>
      settings.update((s) => ({ ...s, accounts: [{ ...account, password: 'never-here' } as unknown as Settings['accounts'][number]] })),
    ).toThrow(/Invalid settings change/);
    expect(readFileSync(settingsPath(), 'utf8')).toBe(before);
    expect(settings.get().accounts).toEqual([account]);
  });

  it('validates with the JSON schema inside conf too (a write that bypasses zod is refused)', async () => {
    const { properties, root } = (await import('../../../main/settings/schema')).settingsJsonSchema();
    const conf = createConf({ cwd: dir.path, configName: 'settings', schema: properties, rootSchema: root, defaults: DEFAULT_SETTINGS, configFileMode: 0o600, clearInvalidConfig: false });
    expect(() => (conf.store = { ...DEFAULT_SETTINGS, launchAtLogin: 'yes' } as never)).toThrow(/schema violation/i);
  });

  it('migrates a version 1 file and keeps every account, ticket and preference', async () => {
    const v1 = {
      schemaVersion: 1,
      accounts: [
        { id: 'a1', label: 'Work', loginId: 'me@example.com', dc: 'eu', usePost: true, savePassword: true, autoRenew: true },
        { id: 'a2', loginId: 'ops@example.com', customUrl: 'https://sso.example.com/zoho', usePost: false, savePassword: false },
      ],
      selectedAccountId: 'a2',
      reminderHours: [48, 2, 0],
      clipboardClearSeconds: 45,
      launchAtLogin: true,
      tickets: { a1: { issuedAt: NOW, expiresAt: NOW + 7 * 86_400_000, stamp: 'Fri May 20 08:27:30 PDT 2011', shownHours: [48] } },
    };
    writeFileSync(settingsPath(), JSON.stringify(v1));
    const settings = await openSettings(dir.path, createConf, () => NOW);
    expect(settings.notices).toEqual([]);
    expect(settings.get()).toEqual({
      schemaVersion: SETTINGS_VERSION,
      accounts: [
        { id: 'a1', label: 'Work', loginId: 'me@example.com', dataCentre: 'eu', method: 'post', rememberPassword: true, autoRenew: true },
        { id: 'a2', label: '', loginId: 'ops@example.com', accountsUrl: 'https://sso.example.com/zoho', method: 'get', rememberPassword: false, autoRenew: false },
      ],
      selectedAccountId: 'a2',
      reminderLeadMinutes: [2880, 120, 0],
      clipboardAutoClearSeconds: 45,
      launchAtLogin: true,
      globalShortcut: null,
      allowWeakSecretStorage: false,
      accountStates: {
        a1: {
          ticket: { kind: 'zoho-ticket', issuedAtMs: NOW, expiresAtMs: NOW + 7 * 86_400_000, serverStamp: 'Fri May 20 08:27:30 PDT 2011', remindersShown: [2880] },
          lastError: null,
          autoRenewBlocked: false,
        },
      },
    });
    expect(JSON.parse(readFileSync(settingsPath(), 'utf8')).schemaVersion).toBe(SETTINGS_VERSION);
  });

  it.each([
    ['invalid JSON', '{"schemaVersion": 2, "accounts": [', /not valid JSON/],
    ['a hand-edited invalid value', JSON.stringify({ ...DEFAULT_SETTINGS, clipboardAutoClearSeconds: 'soon' }), /clipboardAutoClearSeconds/],
    ['an unknown key', JSON.stringify({ ...DEFAULT_SETTINGS, password: 'x' }), /does not match/],
    ['a file from a newer app', JSON.stringify({ ...DEFAULT_SETTINGS, schemaVersion: 99 }), /newer version/],
    ['no version', JSON.stringify({ accounts: [] }), /no valid schemaVersion/],
    ['not an object', '[1,2,3]', /does not hold an object/],
  ])('moves %s aside with a timestamped name, reports it, and loads defaults', async (_name, content, why) => {
    writeFileSync(settingsPath(), content);
    const settings = await openSettings(dir.path, createConf, () => NOW);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.notices).toHaveLength(1);
    expect(settings.notices[0]).toMatch(why);
    expect(settings.notices[0]).toContain('settings.corrupt-2026-12-04T10-00-00-000Z.json');
    const aside = join(dir.path, 'settings.corrupt-2026-12-04T10-00-00-000Z.json');
    expect(readFileSync(aside, 'utf8')).toBe(content); // kept byte for byte
    expect(readdirSync(dir.path).sort()).toEqual(['settings.corrupt-2026-12-04T10-00-00-000Z.json', 'settings.json'].sort());
  });
});
