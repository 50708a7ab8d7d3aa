/**
 * The IPC contract between the popover (renderer, through the preload) and the main process: channel
 * names and the request, response and event types of each. Dependency-free on purpose: main, preload
 * and renderer all import it, and it must pull nothing into the renderer bundle.
 *
 * Adding a channel: add it to {@link InvokeContract} (or {@link EventContract}) and to
 * {@link INVOKE_CHANNELS} (or {@link EVENT_CHANNELS}); the compile-time guards below fail until both
 * agree, and main's handler and schema tables are typed so that every channel must have both.
 */

/** Every channel starts with this, so ours never collide with a library's (electron-store has one). */
export const CHANNEL_PREFIX = 'ztt:';

// ── Shared value types ───────────────────────────────────────────────────────────────────────────

export type DataCentreCode = 'us' | 'eu' | 'in' | 'au' | 'jp' | 'ca' | 'sa' | 'uk' | 'cn';
export type Endpoint = { readonly dataCentre: DataCentreCode } | { readonly accountsUrl: string };
export type Method = 'post' | 'get';
export type TicketStatus = 'valid' | 'expiring-soon' | 'expired';
export type ErrorKind = 'invalid-input' | 'refused' | 'network' | 'timeout' | 'tls' | 'protocol' | 'cancelled';
export type FormField = 'loginId' | 'password' | 'dataCentre' | 'accountsUrl' | 'method' | 'timeout';

/** An error as the renderer sees it: a kind for code, a sentence for people, maybe a field to mark. */
export interface ErrorView {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly code?: string | undefined;
  readonly field?: FormField | undefined;
  readonly serverText?: string | undefined;
  readonly status?: number | undefined;
  readonly location?: string | undefined;
}

/** One account as the UI sees it. Never a password. */
export interface AccountView {
  readonly id: string;
  readonly label: string;
  readonly loginId: string;
  readonly endpoint: Endpoint;
  readonly method: Method;
  readonly rememberPassword: boolean;
  readonly autoRenew: boolean;
  readonly hasPassword: boolean;
  readonly needsPasswordReentry: boolean;
  readonly ticket: { readonly value: string; readonly issuedAtMs: number; readonly expiresAtMs: number; readonly status: TicketStatus } | null;
  readonly renewing: boolean;
  readonly lastError: ErrorView | null;
  readonly nextRetryAtMs: number | null;
  readonly autoRenewBlocked: boolean;
}

export interface PreferencesView {
  readonly reminderLeadMinutes: readonly number[];
  readonly clipboardAutoClearSeconds: number;
  readonly launchAtLogin: boolean;
  readonly globalShortcut: string | null;
  readonly allowWeakSecretStorage: boolean;
}

export type SecretProtectionLevel = 'os' | 'weak' | 'memory-only';
export type WeakProtectionReason = 'encryption-unavailable' | 'basic-text-backend';

/** The state snapshot main pushes on every change. */
export interface AppStateView {
  readonly accounts: readonly AccountView[];
  readonly selectedAccountId: string | null;
  readonly preferences: PreferencesView;
  readonly secretProtection: { readonly level: SecretProtectionLevel; readonly reason: WeakProtectionReason | null };
  readonly notices: readonly string[];
}

/** Where data and logs live, for the settings view. */
export interface AppInfoView {
  readonly version: string;
  readonly dataDirectory: string;
  readonly logDirectory: string;
  readonly platform: 'darwin' | 'win32' | 'linux';
}

export interface AddAccountRequest {
  readonly label: string;
  readonly loginId: string;
  readonly endpoint: Endpoint;
  readonly method: Method;
  readonly password: string;
  readonly rememberPassword: boolean;
  readonly autoRenew: boolean;
}

export interface AccountPatchRequest {
  readonly label?: string;
  readonly loginId?: string;
  readonly endpoint?: Endpoint;
  readonly method?: Method;
  readonly password?: string;
  readonly rememberPassword?: boolean;
  readonly autoRenew?: boolean;
}

export type HelpTopic = 'app-specific-password' | 'data-centres' | 'api-ticket';

// ── Channels ─────────────────────────────────────────────────────────────────────────────────────

/** Renderer → main requests (`invoke`/`handle`). */
export interface InvokeContract {
  'ztt:state:get': { request: null; response: AppStateView };
  'ztt:app:info': { request: null; response: AppInfoView };
  'ztt:account:add': { request: AddAccountRequest; response: { accountId: string } };
  'ztt:account:update': { request: { accountId: string; patch: AccountPatchRequest }; response: null };
  'ztt:account:remove': { request: { accountId: string }; response: null };
  'ztt:account:select': { request: { accountId: string }; response: null };
  'ztt:ticket:renew': { request: { accountId: string; password?: string }; response: null };
  'ztt:ticket:copy': { request: { accountId: string }; response: { clearsInSeconds: number | null } };
  'ztt:preferences:update': { request: Partial<PreferencesView>; response: null };
  'ztt:popover:hide': { request: null; response: null };
  'ztt:help:open': { request: { topic: HelpTopic }; response: null };
  /** The renderer reports `online`/`offline` (Chromium's network notifier lives there). */
  'ztt:network:changed': { request: { online: boolean }; response: null };
}

/** Main → renderer events (`send`/`on`). */
export interface EventContract {
  'ztt:state:changed': AppStateView;
  /** Focus an account (a notification was clicked). */
  'ztt:account:focus': { accountId: string };
}

export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof EventContract;
export type RequestOf<C extends InvokeChannel> = InvokeContract[C]['request'];
export type ResponseOf<C extends InvokeChannel> = InvokeContract[C]['response'];

/** Every invoke channel, by a readable name. */
export const INVOKE_CHANNELS = {
  getState: 'ztt:state:get',
  getAppInfo: 'ztt:app:info',
  addAccount: 'ztt:account:add',
  updateAccount: 'ztt:account:update',
  removeAccount: 'ztt:account:remove',
  selectAccount: 'ztt:account:select',
  renew: 'ztt:ticket:renew',
  copyTicket: 'ztt:ticket:copy',
  updatePreferences: 'ztt:preferences:update',
  hidePopover: 'ztt:popover:hide',
  openHelp: 'ztt:help:open',
  reportNetwork: 'ztt:network:changed',
} as const satisfies Record<string, InvokeChannel>;

/** Every event channel, by a readable name. */
export const EVENT_CHANNELS = {
  stateChanged: 'ztt:state:changed',
  focusAccount: 'ztt:account:focus',
} as const satisfies Record<string, EventChannel>;

// Compile-time guards: a channel in a contract but missing from its table (or the reverse, which
// `satisfies` above already rejects) fails the build here.
type Unlisted<All, Listed> = Exclude<All, Listed>;
const everyInvokeChannelListed: [Unlisted<InvokeChannel, (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS]>] extends [never] ? true : never = true;
const everyEventChannelListed: [Unlisted<EventChannel, (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS]>] extends [never] ? true : never = true;
void everyInvokeChannelListed;
void everyEventChannelListed;

/** The result of every invoke: never a thrown error across the process boundary. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** Error kinds on the wire: the engine's, plus the IPC layer's own. */
export interface IpcError {
  readonly kind: ErrorKind | 'forbidden' | 'invalid-request' | 'internal';
  readonly message: string;
  readonly code?: string | undefined;
  readonly field?: FormField | undefined;
}

/** Limits the schemas enforce (the renderer uses them for `maxLength`). */
export const LIMITS = {
  label: 100,
  loginId: 320,
  password: 1024,
  accountsUrl: 2048,
  accountId: 64,
  shortcut: 100,
} as const;
