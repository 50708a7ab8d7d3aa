/**
 * The secret store port, keytar's shape (`getPassword`, `setPassword`, `deletePassword`,
 * `findCredentials`), all async. Two implementations: {@link InMemorySecretStore} (tests, and the
 * session-only mode when the OS offers no real encryption) and `EncryptedFileSecretStore`.
 */

/** A stored secret as `findCredentials` lists it. */
export interface StoredCredential {
  readonly account: string;
  readonly password: string;
}

/** The secret store port. */
export interface SecretStore {
  /**
   * @returns the secret, or null when none is stored
   * @throws SecretUnreadableError when one is stored but cannot be decrypted
   */
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  /** @returns whether something was deleted */
  deletePassword(service: string, account: string): Promise<boolean>;
  /** Every readable secret of a service (unreadable ones are left out; `getPassword` reports them). */
  findCredentials(service: string): Promise<StoredCredential[]>;
}

/** A secret exists but no longer decrypts (keychain reset, app renamed): the user must enter it again. */
export class SecretUnreadableError extends Error {
  override readonly name = 'SecretUnreadableError';
  constructor(
    readonly service: string,
    readonly account: string,
  ) {
    // Names only: never the ciphertext or anything derived from it.
    super(`The stored secret "${account}" can no longer be decrypted and must be entered again.`);
  }
}

/** Keeps secrets in this process's memory only; nothing touches the disk. */
export class InMemorySecretStore implements SecretStore {
  readonly #secrets = new Map<string, Map<string, string>>();

  async getPassword(service: string, account: string): Promise<string | null> {
    return this.#secrets.get(service)?.get(account) ?? null;
  }

  async setPassword(service: string, account: string, password: string): Promise<void> {
    let accounts = this.#secrets.get(service);
    if (!accounts) this.#secrets.set(service, (accounts = new Map()));
    accounts.set(account, password);
  }

  async deletePassword(service: string, account: string): Promise<boolean> {
    return this.#secrets.get(service)?.delete(account) ?? false;
  }

  async findCredentials(service: string): Promise<StoredCredential[]> {
    return [...(this.#secrets.get(service) ?? [])].map(([account, password]) => ({ account, password }));
  }
}
