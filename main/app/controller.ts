/**
 * The app controller: owns accounts, their secrets and tickets, and the renewal scheduler, and offers
 * exactly what the UI (through IPC) needs. It imports no Electron; the shell feeds it power and
 * network events and renders its state snapshots, which never contain a password.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import type { AccountsClient, RequestMethod, TicketAccount } from '../engine/accounts-client';
import type { ZohoTicketCredential } from '../engine/credential';
import { normaliseAccountsUrl, type AccountsEndpoint } from '../engine/data-centres';
import { TicketError, type TicketErrorInfo } from '../engine/errors';
import { EXPIRING_SOON_MS, type DueAction, type Timeline } from '../scheduler/plan';
import { RenewalScheduler, type WakeReason } from '../scheduler/scheduler';
import type { AccountSettings, AccountState, Settings } from '../settings/schema';
import type { SettingsStore } from '../settings/settings-store';
import { SecretUnreadableError } from '../vault/secret-store';
import type { AccountView, AppStateView as AppState, PreferencesView as Preferences } from '../ipc/contract';
import type { Vault } from '../vault/vault';

/** The vault's service name for this app's secrets. */
export const SECRET_SERVICE = 'zoho-ticket-tray';
const passwordKey = (accountId: string) => `password:${accountId}`;
const ticketKey = (accountId: string) => `ticket:${accountId}`;

/** First retry delay after a failed automatic renewal; doubles each attempt. */
export const RETRY_BASE_MS = 30_000;
/** Longest wait between automatic retries. */
export const RETRY_CAP_MS = 30 * 60_000;

/** The state types are the IPC contract's: the snapshot crosses to the renderer as it is. */
export type { AccountView, AppStateView as AppState, PreferencesView as Preferences, TicketStatus } from '../ipc/contract';

/** Events for the shell (notifications, tray) and the renderer. */
export type AppEvent =
  | { readonly type: 'state-changed'; readonly state: AppState }
  | { readonly type: 'reminder-due'; readonly accountId: string; readonly leadMinutes: number; readonly expiresAtMs: number }
  | { readonly type: 'renewed'; readonly accountId: string; readonly expiresAtMs: number; readonly automatic: boolean }
  | {
      readonly type: 'renewal-failed';
      readonly accountId: string;
      readonly error: TicketErrorInfo;
      readonly automatic: boolean;
      readonly retryAtMs: number | null;
      /** Retrying would not help (wrong password, 2FA…): the user must act. */
      readonly needsUser: boolean;
    };

/** A new account from the add-account form. */
export interface NewAccountInput {
  readonly label?: string;
  readonly loginId: string;
  readonly endpoint: AccountsEndpoint;
  readonly method?: RequestMethod;
  /** When given, the first ticket is requested before the account is saved. */
  readonly password?: string;
  readonly rememberPassword: boolean;
  readonly autoRenew: boolean;
}

/** Changes to an account; a new password travels here once and never back. */
export interface AccountPatch {
  readonly label?: string;
  readonly loginId?: string;
  readonly endpoint?: AccountsEndpoint;
  readonly method?: RequestMethod;
  readonly password?: string;
  readonly rememberPassword?: boolean;
  readonly autoRenew?: boolean;
}

/** Minimal logging port; the shell's logger redacts secrets by formatter. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface AppControllerDeps {
  readonly clock: Clock;
  readonly settings: SettingsStore;
  readonly vault: Vault;
  readonly client: AccountsClient;
  /** For retry jitter, in [0, 1). */
  readonly random?: () => number;
  readonly newId?: () => string;
  readonly logger?: Logger;
  /** Every password and ticket the controller handles is registered here, for log redaction. */
  readonly secrets?: { add(secret: string | null | undefined): void };
}

const silentLogger: Logger = { info: () => undefined, warn: () => undefined };

function toErrorInfo(error: unknown): TicketErrorInfo {
  if (error instanceof TicketError) return error.toJSON();
  return { kind: 'protocol', message: 'Unexpected failure while renewing; see the log.', code: 'UNEXPECTED' };
}

function endpointOf(account: AccountSettings): AccountsEndpoint {
  return 'dataCentre' in account ? { dataCentre: account.dataCentre } : { accountsUrl: account.accountsUrl };
}

const EMPTY_STATE: AccountState = { ticket: null, lastError: null, autoRenewBlocked: false };

/** Exponential backoff with jitter: 30 s, 1 min, 2 min … capped at 30 min, each scaled by 0.5–1.0. */
export function retryDelayMs(attempt: number, random: () => number): number {
  const exponential = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + 0.5 * random()));
}

/** The controller. Create, then `await start()`. */
export class AppController {
  readonly #clock: Clock;
  readonly #settings: SettingsStore;
  readonly #vault: Vault;
  readonly #client: AccountsClient;
  readonly #random: () => number;
  readonly #newId: () => string;
  readonly #log: Logger;
  readonly #secrets: { add(secret: string | null | undefined): void };
  readonly #scheduler: RenewalScheduler;
  /** Passwords entered this session and not remembered. */
  readonly #sessionPasswords = new Map<string, string>();
  /** Remembered passwords that failed to decrypt. */
  readonly #needsReentry = new Set<string>();
  /** Accounts whose remembered password is known to exist in the vault. */
  readonly #storedPassword = new Set<string>();
  readonly #tickets = new Map<string, string>();
  readonly #renewing = new Map<string, Promise<void>>();
  readonly #retries = new Map<string, { attempt: number; atMs: number }>();
  readonly #listeners = new Set<(event: AppEvent) => void>();
  readonly #notices: string[] = [];

  constructor(deps: AppControllerDeps) {
    this.#clock = deps.clock;
    this.#settings = deps.settings;
    this.#vault = deps.vault;
    this.#client = deps.client;
    this.#random = deps.random ?? Math.random;
    this.#newId = deps.newId ?? randomUUID;
    this.#log = deps.logger ?? silentLogger;
    this.#secrets = deps.secrets ?? { add: () => undefined };
    this.#notices.push(...deps.settings.notices);
    this.#scheduler = new RenewalScheduler(this.#clock, {
      timelines: () => this.#timelines(),
      reminderLeadMinutes: () => this.#settings.get().reminderLeadMinutes,
      onDue: (action) => this.#onDue(action),
      onWoke: (reason, jump) => this.#onWoke(reason, jump),
    });
  }

  /** Loads secrets for every account, then starts the scheduler. */
  async start(): Promise<void> {
    const store = this.#vault.store;
    for (const account of this.#settings.get().accounts) {
      if (account.rememberPassword) {
        try {
          const password = await store.getPassword(SECRET_SERVICE, passwordKey(account.id));
          this.#secrets.add(password);
          if (password !== null) this.#storedPassword.add(account.id);
        } catch (error) {
          if (!(error instanceof SecretUnreadableError)) throw error;
          this.#needsReentry.add(account.id);
        }
      }
      try {
        const ticket = await store.getPassword(SECRET_SERVICE, ticketKey(account.id));
        this.#secrets.add(ticket);
        if (ticket !== null) this.#tickets.set(account.id, ticket);
      } catch (error) {
        if (!(error instanceof SecretUnreadableError)) throw error;
      }
      // Metadata without a readable ticket value (memory-only mode, keychain reset) describes nothing.
      if (!this.#tickets.has(account.id) && this.#state(account.id).ticket !== null) {
        this.#patchState(account.id, { ticket: null });
      }
    }
    const vaultNotice = this.#vault.notice();
    if (vaultNotice) this.#notices.push(vaultNotice);
    this.#scheduler.start();
  }

  /** Stops the scheduler (on quit). */
  stop(): void {
    this.#scheduler.stop();
  }

  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The state for the renderer and tray. Never contains a password. */
  snapshot(): AppState {
    const settings = this.#settings.get();
    const now = this.#clock.now();
    return {
      accounts: settings.accounts.map((account) => this.#view(account, settings, now)),
      selectedAccountId: settings.selectedAccountId,
      preferences: {
        reminderLeadMinutes: settings.reminderLeadMinutes,
        clipboardAutoClearSeconds: settings.clipboardAutoClearSeconds,
        launchAtLogin: settings.launchAtLogin,
        globalShortcut: settings.globalShortcut,
        allowWeakSecretStorage: settings.allowWeakSecretStorage,
      },
      secretProtection: { level: this.#vault.protection, reason: this.#vault.reason },
      notices: [...this.#notices],
    };
  }

  /**
   * Adds an account. With a password, the first ticket is requested first and nothing is saved if
   * that fails (the form shows the error next to its field).
   *
   * @returns the new account's id
   * @throws TicketError
   */
  async addAccount(input: NewAccountInput): Promise<string> {
    const settings = this.#settings.get();
    if (settings.accounts.length >= 20) throw new TicketError('invalid-input', 'At most 20 accounts can be added.', { code: 'TOO_MANY_ACCOUNTS' });
    const id = this.#newId();
    this.#secrets.add(input.password);
    const account = this.#buildAccount(id, input);
    let credential: ZohoTicketCredential | null = null;
    if (input.password !== undefined) {
      credential = await this.#client.requestTicket(this.#ticketAccount(account), input.password);
    }
    this.#settings.update((s) => ({
      ...s,
      accounts: [...s.accounts, account],
      selectedAccountId: s.selectedAccountId ?? id,
      accountStates: { ...s.accountStates, [id]: EMPTY_STATE },
    }));
    if (input.password !== undefined) await this.#keepPassword(account, input.password);
    if (credential) await this.#adoptTicket(id, credential, null);
    this.#changed();
    return id;
  }

  /** Updates an account; a changed password or login unblocks automatic renewal. */
  async updateAccount(id: string, patch: AccountPatch): Promise<void> {
    const current = this.#account(id);
    const merged = this.#buildAccount(id, {
      label: patch.label ?? current.label,
      loginId: patch.loginId ?? current.loginId,
      endpoint: patch.endpoint ?? endpointOf(current),
      method: patch.method ?? current.method,
      rememberPassword: patch.rememberPassword ?? current.rememberPassword,
      autoRenew: patch.autoRenew ?? current.autoRenew,
    });
    this.#settings.update((s) => ({ ...s, accounts: s.accounts.map((a) => (a.id === id ? merged : a)) }));
    this.#secrets.add(patch.password);
    const credentialsChanged = patch.password !== undefined || patch.loginId !== undefined || patch.endpoint !== undefined;
    if (credentialsChanged) {
      this.#patchState(id, { autoRenewBlocked: false, lastError: null });
      this.#retries.delete(id);
    }
    if (patch.password !== undefined) await this.#keepPassword(merged, patch.password);
    else if (patch.rememberPassword !== undefined && patch.rememberPassword !== current.rememberPassword) {
      // Move the password between the vault and session memory as the user asked.
      const password = await this.#password(id, current);
      if (password !== null) await this.#keepPassword(merged, password);
      else if (!merged.rememberPassword) await this.#vault.store.deletePassword(SECRET_SERVICE, passwordKey(id));
    }
    this.#changed();
  }

  /** Removes an account, its secrets and its metadata; releases its ticket (best effort). */
  async removeAccount(id: string): Promise<void> {
    const account = this.#account(id);
    const ticket = this.#tickets.get(id);
    this.#settings.update((s) => {
      const { [id]: _removed, ...accountStates } = s.accountStates;
      const accounts = s.accounts.filter((a) => a.id !== id);
      return { ...s, accounts, accountStates, selectedAccountId: s.selectedAccountId === id ? (accounts[0]?.id ?? null) : s.selectedAccountId };
    });
    await this.#vault.store.deletePassword(SECRET_SERVICE, passwordKey(id));
    await this.#vault.store.deletePassword(SECRET_SERVICE, ticketKey(id));
    this.#tickets.delete(id);
    this.#sessionPasswords.delete(id);
    this.#needsReentry.delete(id);
    this.#storedPassword.delete(id);
    this.#retries.delete(id);
    this.#changed();
    if (ticket !== undefined) void this.#release(account, ticket);
  }

  /**
   * Requests a new ticket now (the user's "Renew"). The old ticket stays until the new one is in hand.
   *
   * @param password - optional: a newly typed password (also unblocks automatic renewal)
   * @throws TicketError when the renewal fails (the state carries it too)
   */
  async renew(id: string, password?: string): Promise<void> {
    this.#account(id);
    this.#secrets.add(password);
    if (password !== undefined) {
      this.#patchState(id, { autoRenewBlocked: false });
      this.#retries.delete(id);
    }
    await this.#renew(id, false, password);
  }

  /** The ticket text to copy, or null when the account holds none. */
  ticketForCopy(id: string): string | null {
    return this.#tickets.get(id) ?? null;
  }

  /** Makes an account the selected one (tray, shortcut, popover). */
  selectAccount(id: string): void {
    this.#account(id);
    this.#settings.update((s) => ({ ...s, selectedAccountId: id }));
    this.#changed();
  }

  /** Changes preferences; an invalid value is refused and nothing changes. */
  updatePreferences(patch: Partial<Preferences>): void {
    this.#settings.update((s) => ({
      ...s,
      ...patch,
      reminderLeadMinutes: patch.reminderLeadMinutes ? [...new Set(patch.reminderLeadMinutes)].sort((a, b) => b - a) : s.reminderLeadMinutes,
    }));
    this.#changed();
  }

  /** The system woke from sleep. */
  handleResume(): void {
    this.#scheduler.wake('resume');
  }

  /** The screen was unlocked. */
  handleUnlock(): void {
    this.#scheduler.wake('unlock');
  }

  /** The network came back: pending retries run now. */
  handleOnline(): void {
    const now = this.#clock.now();
    for (const [id, retry] of this.#retries) this.#retries.set(id, { ...retry, atMs: Math.min(retry.atMs, now) });
    this.#scheduler.wake('online');
  }

  /** The OS announced a clock change (where it can), or any activity happened: check for a jump. */
  handleClockChange(): void {
    this.#scheduler.wake('clock-change');
  }

  /** Called on user activity; wakes the scheduler only if the wall clock jumped. */
  checkClock(): void {
    this.#scheduler.checkClock();
  }

  /** Timer callbacks so far (for the wake-up benchmark). */
  get timerWakeups(): number {
    return this.#scheduler.timerCallbacks;
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────

  #emit(event: AppEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#log.warn('event listener failed', { event: event.type, error: error instanceof Error ? error.name : typeof error });
      }
    }
  }

  #changed(): void {
    this.#scheduler.wake('state-change');
    this.#emit({ type: 'state-changed', state: this.snapshot() });
  }

  #account(id: string): AccountSettings {
    const account = this.#settings.get().accounts.find((a) => a.id === id);
    if (!account) throw new TicketError('invalid-input', 'There is no such account.', { code: 'UNKNOWN_ACCOUNT' });
    return account;
  }

  #state(id: string): AccountState {
    return this.#settings.get().accountStates[id] ?? EMPTY_STATE;
  }

  #patchState(id: string, patch: Partial<AccountState>): void {
    this.#settings.update((s) => ({ ...s, accountStates: { ...s.accountStates, [id]: { ...(s.accountStates[id] ?? EMPTY_STATE), ...patch } } }));
  }

  #buildAccount(id: string, input: NewAccountInput): AccountSettings {
    const loginId = input.loginId.trim();
    if (loginId === '' || loginId.length > 320) {
      throw new TicketError('invalid-input', loginId === '' ? 'The login id is empty.' : 'The login id is too long.', { field: 'loginId', code: 'LOGIN_ID_INVALID' });
    }
    const label = (input.label ?? '').trim().slice(0, 100);
    const base = {
      id,
      label,
      loginId,
      method: input.method ?? 'post',
      rememberPassword: input.rememberPassword,
      autoRenew: input.autoRenew,
    } as const;
    return 'dataCentre' in input.endpoint
      ? { ...base, dataCentre: input.endpoint.dataCentre }
      : { ...base, accountsUrl: normaliseAccountsUrl(input.endpoint.accountsUrl) };
  }

  #ticketAccount(account: AccountSettings): TicketAccount {
    return { id: account.id, loginId: account.loginId, endpoint: endpointOf(account), method: account.method };
  }

  /** Keeps a password where the user asked: the vault (remember) or this session's memory. */
  async #keepPassword(account: AccountSettings, password: string): Promise<void> {
    this.#needsReentry.delete(account.id);
    if (account.rememberPassword) {
      this.#sessionPasswords.delete(account.id);
      await this.#vault.store.setPassword(SECRET_SERVICE, passwordKey(account.id), password);
      this.#storedPassword.add(account.id);
    } else {
      this.#sessionPasswords.set(account.id, password);
      await this.#vault.store.deletePassword(SECRET_SERVICE, passwordKey(account.id));
      this.#storedPassword.delete(account.id);
    }
  }

  async #password(id: string, account = this.#account(id)): Promise<string | null> {
    const session = this.#sessionPasswords.get(id);
    if (session !== undefined) return session;
    if (!account.rememberPassword || this.#needsReentry.has(id)) return null;
    try {
      return await this.#vault.store.getPassword(SECRET_SERVICE, passwordKey(id));
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      this.#needsReentry.add(id);
      return null;
    }
  }

  #hasPassword(id: string): boolean {
    return this.#sessionPasswords.has(id) || (this.#storedPassword.has(id) && !this.#needsReentry.has(id));
  }

  /** Takes a new ticket in; `renewal` says whether it replaced one by renewal (null: the first ticket). */
  async #adoptTicket(id: string, credential: ZohoTicketCredential, renewal: { automatic: boolean } | null): Promise<void> {
    const previous = this.#tickets.get(id);
    this.#secrets.add(credential.value);
    this.#tickets.set(id, credential.value);
    await this.#vault.store.setPassword(SECRET_SERVICE, ticketKey(id), credential.value);
    this.#patchState(id, {
      ticket: { kind: 'zoho-ticket', issuedAtMs: credential.issuedAtMs, expiresAtMs: credential.expiresAtMs, serverStamp: credential.serverStamp, remindersShown: [] },
      lastError: null,
      autoRenewBlocked: false,
    });
    this.#retries.delete(id);
    if (renewal) this.#emit({ type: 'renewed', accountId: id, expiresAtMs: credential.expiresAtMs, automatic: renewal.automatic });
    if (previous !== undefined && previous !== credential.value) void this.#release(this.#account(id), previous);
  }

  /** Releases a replaced ticket: best effort, logged, never fatal. */
  async #release(account: AccountSettings, ticket: string): Promise<void> {
    try {
      await this.#client.releaseTicket(this.#ticketAccount(account), ticket);
      this.#log.info('released a replaced ticket', { accountId: account.id });
    } catch (error) {
      this.#log.warn('could not release a replaced ticket', { accountId: account.id, error: toErrorInfo(error).message });
    }
  }

  #renew(id: string, automatic: boolean, password?: string): Promise<void> {
    const inFlight = this.#renewing.get(id);
    if (inFlight) return inFlight;
    const run = this.#doRenew(id, automatic, password).finally(() => {
      this.#renewing.delete(id);
      this.#changed();
    });
    this.#renewing.set(id, run);
    this.#emit({ type: 'state-changed', state: this.snapshot() });
    return run;
  }

  async #doRenew(id: string, automatic: boolean, typedPassword?: string): Promise<void> {
    const account = this.#account(id);
    const password = typedPassword ?? (await this.#password(id, account));
    try {
      if (password === null) {
        throw new TicketError('invalid-input', this.#needsReentry.has(id) ? 'The saved password can no longer be read: enter it again.' : 'Enter the password to renew.', {
          field: 'password',
          code: 'PASSWORD_NEEDED',
        });
      }
      const credential = await this.#client.requestTicket(this.#ticketAccount(account), password);
      if (typedPassword !== undefined) await this.#keepPassword(account, typedPassword);
      await this.#adoptTicket(id, credential, { automatic });
    } catch (error) {
      const info = toErrorInfo(error);
      // A refusal or bad input will not get better by retrying: never hammer the server with a bad password.
      const needsUser = info.kind === 'refused' || info.kind === 'invalid-input';
      let retryAtMs: number | null = null;
      if (needsUser) {
        this.#retries.delete(id);
      } else if (automatic) {
        const attempt = (this.#retries.get(id)?.attempt ?? 0) + 1;
        retryAtMs = this.#clock.now() + retryDelayMs(attempt, this.#random);
        this.#retries.set(id, { attempt, atMs: retryAtMs });
      }
      this.#patchState(id, { lastError: info, autoRenewBlocked: needsUser });
      this.#log.warn('renewal failed', { accountId: id, kind: info.kind, code: info.code, automatic, retryAtMs });
      this.#emit({ type: 'renewal-failed', accountId: id, error: info, automatic, retryAtMs, needsUser });
      if (!automatic) throw error;
    }
  }

  #timelines(): Timeline[] {
    const settings = this.#settings.get();
    return settings.accounts.map((account) => {
      const state = settings.accountStates[account.id] ?? EMPTY_STATE;
      return {
        accountId: account.id,
        expiresAtMs: state.ticket?.expiresAtMs ?? null,
        remindersShown: state.ticket?.remindersShown ?? [],
        autoRenew: account.autoRenew && this.#hasPassword(account.id) && !state.autoRenewBlocked,
        retryAtMs: this.#retries.get(account.id)?.atMs ?? null,
        renewing: this.#renewing.has(account.id),
      };
    });
  }

  #onDue(action: DueAction): void {
    if (action.kind === 'reminder') {
      const ticket = this.#state(action.accountId).ticket;
      if (!ticket) return;
      // Persist first: a crash right after must not show it again.
      this.#patchState(action.accountId, {
        ticket: { ...ticket, remindersShown: [...new Set([...ticket.remindersShown, action.leadMinutes, ...action.skippedLeadMinutes])] },
      });
      this.#emit({ type: 'reminder-due', accountId: action.accountId, leadMinutes: action.leadMinutes, expiresAtMs: action.expiresAtMs });
      return;
    }
    // The renewal's outcome (renewed, or failed with its reason) covers the reminders already due:
    // mark them shown so one does not replace the failure notification a moment later.
    const ticket = this.#state(action.accountId).ticket;
    if (ticket) {
      const now = this.#clock.now();
      const covered = this.#settings.get().reminderLeadMinutes.filter((lead) => ticket.expiresAtMs - lead * 60_000 <= now);
      if (covered.some((lead) => !ticket.remindersShown.includes(lead))) {
        this.#patchState(action.accountId, { ticket: { ...ticket, remindersShown: [...new Set([...ticket.remindersShown, ...covered])] } });
      }
    }
    void this.#renew(action.accountId, true);
  }

  #onWoke(reason: WakeReason, clockJumpMs: number): void {
    if (clockJumpMs !== 0) this.#log.info('wall clock changed', { byMs: clockJumpMs });
    if (reason === 'timer' || reason === 'resume' || reason === 'unlock' || reason === 'clock-change') {
      // Status boundaries (expiring soon, expired) may have been crossed.
      this.#emit({ type: 'state-changed', state: this.snapshot() });
    }
  }

  #view(account: AccountSettings, settings: Settings, now: number): AccountView {
    const state = settings.accountStates[account.id] ?? EMPTY_STATE;
    const value = this.#tickets.get(account.id);
    const meta = state.ticket;
    return {
      id: account.id,
      label: account.label,
      loginId: account.loginId,
      endpoint: endpointOf(account),
      method: account.method,
      rememberPassword: account.rememberPassword,
      autoRenew: account.autoRenew,
      hasPassword: this.#hasPassword(account.id),
      needsPasswordReentry: this.#needsReentry.has(account.id),
      ticket:
        meta && value !== undefined
          ? {
              value,
              issuedAtMs: meta.issuedAtMs,
              expiresAtMs: meta.expiresAtMs,
              status: now >= meta.expiresAtMs ? 'expired' : now >= meta.expiresAtMs - EXPIRING_SOON_MS ? 'expiring-soon' : 'valid',
            }
          : null,
      renewing: this.#renewing.has(account.id),
      lastError: state.lastError,
      nextRetryAtMs: this.#retries.get(account.id)?.atMs ?? null,
      autoRenewBlocked: state.autoRenewBlocked,
    };
  }
}
