/**
 * The settings document: one zod schema gives the TypeScript types, the runtime validation and (via
 * `z.toJSONSchema`) the JSON Schema electron-store / conf validate every read and write against.
 * Never a secret in here: passwords and ticket values live in the vault.
 */
import { z } from 'zod';
import { DATA_CENTRE_IDS, type DataCentreId } from '../engine/data-centres';
import { REQUEST_METHODS } from '../engine/accounts-client';
import { TICKET_ERROR_KINDS, type TicketErrorKind } from '../engine/errors';

/** The current settings format. Bump it and add a migration in `migrations.ts` on any change. */
export const SETTINGS_VERSION = 2;

/** Most accounts one user keeps (Zoho allows 20 tickets per user; this is per app). */
export const MAX_ACCOUNTS = 20;

const accountBase = {
  id: z.string().min(1).max(64),
  label: z.string().max(100),
  loginId: z.string().min(1).max(320),
  method: z.enum(REQUEST_METHODS as ['post', 'get']),
  /** Keep the password in the vault so renewals can run on their own. */
  rememberPassword: z.boolean(),
  /** Renew automatically at the first reminder lead time (needs a remembered password). */
  autoRenew: z.boolean(),
};

/** An account at a known data centre or at a custom accounts URL (exactly one of the two). */
export const accountSchema = z.union([
  z.object({ ...accountBase, dataCentre: z.enum(DATA_CENTRE_IDS as [DataCentreId, ...DataCentreId[]]) }).strict(),
  z.object({ ...accountBase, accountsUrl: z.string().min(1).max(2048) }).strict(),
]);
export type AccountSettings = z.infer<typeof accountSchema>;

/** A persisted error, as {@link TicketError.toJSON} gives it. */
export const errorInfoSchema = z
  .object({
    kind: z.enum(TICKET_ERROR_KINDS as [TicketErrorKind, ...TicketErrorKind[]]),
    message: z.string().max(2000),
    code: z.string().max(200).optional(),
    field: z.enum(['loginId', 'password', 'dataCentre', 'accountsUrl', 'method', 'timeout']).optional(),
    serverText: z.string().max(2000).optional(),
    status: z.number().int().optional(),
    location: z.string().max(2048).optional(),
  })
  .strict();

/** Non-secret facts about an account's current ticket. */
export const ticketMetaSchema = z
  .object({
    kind: z.literal('zoho-ticket'),
    issuedAtMs: z.number().int().nonnegative(),
    expiresAtMs: z.number().int().nonnegative(),
    serverStamp: z.string().max(100).nullable(),
    /** Reminder lead times (minutes) already shown for this ticket, so a restart never repeats one. */
    remindersShown: z.array(z.number().int().nonnegative()).max(20),
  })
  .strict();
export type TicketMeta = z.infer<typeof ticketMetaSchema>;

/** Per-account state that survives restarts. */
export const accountStateSchema = z
  .object({
    ticket: ticketMetaSchema.nullable(),
    lastError: errorInfoSchema.nullable(),
    /** The server refused a renewal (wrong password, 2FA): no automatic retry until the user acts. */
    autoRenewBlocked: z.boolean(),
  })
  .strict();
export type AccountState = z.infer<typeof accountStateSchema>;

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_VERSION),
    accounts: z.array(accountSchema).max(MAX_ACCOUNTS),
    selectedAccountId: z.string().max(64).nullable(),
    /** Reminders before expiry, in minutes; 0 means "at expiry". */
    reminderLeadMinutes: z.array(z.number().int().min(0).max(7 * 24 * 60)).max(6),
    /** Clear a copied ticket from the clipboard after this many seconds (0: never). */
    clipboardAutoClearSeconds: z.number().int().min(0).max(600),
    launchAtLogin: z.boolean(),
    /** Accelerator that copies the selected account's ticket, or null (off). */
    globalShortcut: z.string().min(1).max(100).nullable(),
    /** Explicit opt-in to on-disk storage with a hard-coded key (Linux basic_text). */
    allowWeakSecretStorage: z.boolean(),
    accountStates: z.record(z.string().max(64), accountStateSchema),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** What a first start (or a reset after a corrupt file) begins with. */
export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_VERSION,
  accounts: [],
  selectedAccountId: null,
  reminderLeadMinutes: [24 * 60, 60, 0],
  clipboardAutoClearSeconds: 30,
  launchAtLogin: false,
  globalShortcut: null,
  allowWeakSecretStorage: false,
  accountStates: {},
};

/** The settings JSON Schema (draft 2020-12, as conf's Ajv2020 expects). */
export function settingsJsonSchema(): { properties: Record<string, unknown>; root: Record<string, unknown> } {
  const { properties, ...root } = z.toJSONSchema(settingsSchema) as { properties: Record<string, unknown> } & Record<string, unknown>;
  return { properties, root };
}
