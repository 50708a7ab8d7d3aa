/**
 * Versioned migrations of the raw settings document, run before the store opens (so the schema only
 * ever sees the current format). Each step takes version N to N+1 and must not lose user data.
 */
import { SETTINGS_VERSION } from './schema';

type RawSettings = Record<string, unknown>;

/** Thrown for documents no migration can read (not an object, unknown or newer version). */
export class UnmigratableSettingsError extends Error {
  override readonly name = 'UnmigratableSettingsError';
}

/**
 * Steps by source version. Version 1 was the first design: one `reminderHours` list, per-account
 * `dc`/`customUrl`, `usePost` and `savePassword` flags, and ticket metadata under `tickets`.
 */
const MIGRATIONS: Readonly<Record<number, (doc: RawSettings) => RawSettings>> = {
  1: (doc) => {
    const accounts = Array.isArray(doc['accounts']) ? (doc['accounts'] as RawSettings[]) : [];
    const tickets = (doc['tickets'] ?? {}) as Record<string, RawSettings>;
    return {
      schemaVersion: 2,
      accounts: accounts.map((account) => ({
        id: account['id'],
        label: account['label'] ?? '',
        loginId: account['loginId'],
        ...(typeof account['customUrl'] === 'string' ? { accountsUrl: account['customUrl'] } : { dataCentre: account['dc'] ?? 'us' }),
        method: account['usePost'] === false ? 'get' : 'post',
        rememberPassword: account['savePassword'] === true,
        autoRenew: account['autoRenew'] === true,
      })),
      selectedAccountId: doc['selectedAccountId'] ?? null,
      reminderLeadMinutes: Array.isArray(doc['reminderHours'])
        ? (doc['reminderHours'] as number[]).map((hours) => Math.round(hours * 60))
        : [24 * 60, 60, 0],
      clipboardAutoClearSeconds: doc['clipboardClearSeconds'] ?? 30,
      launchAtLogin: doc['launchAtLogin'] === true,
      globalShortcut: doc['globalShortcut'] ?? null,
      allowWeakSecretStorage: false,
      accountStates: Object.fromEntries(
        Object.entries(tickets).map(([id, ticket]) => [
          id,
          {
            ticket:
              typeof ticket['issuedAt'] === 'number'
                ? {
                    kind: 'zoho-ticket',
                    issuedAtMs: ticket['issuedAt'],
                    expiresAtMs: ticket['expiresAt'],
                    serverStamp: ticket['stamp'] ?? null,
                    remindersShown: Array.isArray(ticket['shownHours'])
                      ? (ticket['shownHours'] as number[]).map((hours) => Math.round(hours * 60))
                      : [],
                  }
                : null,
            lastError: null,
            autoRenewBlocked: false,
          },
        ]),
      ),
    };
  },
};

/**
 * Brings a raw document to {@link SETTINGS_VERSION}.
 *
 * @returns the migrated document and whether anything changed
 * @throws UnmigratableSettingsError for a document from a newer app or of unknown shape
 */
export function migrateSettings(raw: unknown): { document: RawSettings; migrated: boolean } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UnmigratableSettingsError('the settings file does not hold an object');
  }
  let document = raw as RawSettings;
  const declared = document['schemaVersion'];
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    throw new UnmigratableSettingsError('the settings file has no valid schemaVersion');
  }
  let version = declared;
  if (version > SETTINGS_VERSION) {
    throw new UnmigratableSettingsError(`the settings file is from a newer version of the app (format ${version})`);
  }
  const migrated = version < SETTINGS_VERSION;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new UnmigratableSettingsError(`no migration from settings format ${version}`);
    document = step(document);
    version = document['schemaVersion'] as number;
  }
  return { document, migrated };
}
