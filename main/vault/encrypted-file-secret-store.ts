/**
 * Secrets encrypted by a {@link Cipher} (Electron `safeStorage` in the app) and kept as base64 in a
 * file of their own, written atomically with mode 0600. Plaintext never touches the disk and is never
 * cached: each read decrypts.
 */
import { readFile } from 'node:fs/promises';
import { moveAside, nodeAtomicFs, writeFileAtomic, type AtomicFs } from '../storage/atomic-file';
import type { Cipher } from './cipher';
import { SecretUnreadableError, type SecretStore, type StoredCredential } from './secret-store';

const FORMAT = 'zoho-ticket-tray-secrets';
const VERSION = 1;

interface SecretsFile {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  /** service → account → base64 ciphertext */
  readonly secrets: Record<string, Record<string, string>>;
}

function isSecretsFile(value: unknown): value is SecretsFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<SecretsFile>;
  if (file.format !== FORMAT || file.version !== VERSION || typeof file.secrets !== 'object' || file.secrets === null) return false;
  return Object.values(file.secrets).every(
    (accounts) => typeof accounts === 'object' && accounts !== null && Object.values(accounts).every((c) => typeof c === 'string'),
  );
}

export interface EncryptedFileSecretStoreOptions {
  readonly fs?: AtomicFs;
  /** For the timestamp of a moved-aside file. */
  readonly now?: () => number;
}

/** Keytar-shaped store over a cipher and one file. */
export class EncryptedFileSecretStore implements SecretStore {
  readonly #cipher: Cipher;
  readonly #path: string;
  readonly #fs: AtomicFs;
  readonly #now: () => number;
  #secrets: Map<string, Map<string, string>> | undefined;
  /** Serialises loads and writes so concurrent calls never interleave file replacements. */
  #queue: Promise<unknown> = Promise.resolve();
  #notice: string | null = null;

  constructor(cipher: Cipher, path: string, options: EncryptedFileSecretStoreOptions = {}) {
    this.#cipher = cipher;
    this.#path = path;
    this.#fs = options.fs ?? nodeAtomicFs;
    this.#now = options.now ?? Date.now;
  }

  /** The file's path. */
  get path(): string {
    return this.#path;
  }

  /** Set when an unreadable secrets file was moved aside on load (for the user to see). */
  get notice(): string | null {
    return this.#notice;
  }

  getPassword(service: string, account: string): Promise<string | null> {
    return this.#serial(async () => {
      const secrets = await this.#load();
      const encoded = secrets.get(service)?.get(account);
      if (encoded === undefined) return null;
      let decrypted;
      try {
        decrypted = await this.#cipher.decrypt(Buffer.from(encoded, 'base64'));
      } catch {
        throw new SecretUnreadableError(service, account);
      }
      if (decrypted.shouldReEncrypt) {
        await this.#put(secrets, service, account, decrypted.plaintext);
      }
      return decrypted.plaintext;
    });
  }

  setPassword(service: string, account: string, password: string): Promise<void> {
    return this.#serial(async () => this.#put(await this.#load(), service, account, password));
  }

  deletePassword(service: string, account: string): Promise<boolean> {
    return this.#serial(async () => {
      const secrets = await this.#load();
      const accounts = secrets.get(service);
      if (!accounts?.has(account)) return false;
      const next = new Map(secrets);
      const nextAccounts = new Map(accounts);
      nextAccounts.delete(account);
      if (nextAccounts.size === 0) next.delete(service);
      else next.set(service, nextAccounts);
      await this.#save(next);
      return true;
    });
  }

  findCredentials(service: string): Promise<StoredCredential[]> {
    return this.#serial(async () => {
      const accounts = (await this.#load()).get(service) ?? new Map<string, string>();
      const found: StoredCredential[] = [];
      for (const [account, encoded] of accounts) {
        try {
          const { plaintext } = await this.#cipher.decrypt(Buffer.from(encoded, 'base64'));
          found.push({ account, password: plaintext });
        } catch {
          // Unreadable: left out here; getPassword reports it for that account.
        }
      }
      return found;
    });
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #put(secrets: Map<string, Map<string, string>>, service: string, account: string, plaintext: string): Promise<void> {
    const encrypted = Buffer.from(await this.#cipher.encrypt(plaintext)).toString('base64');
    const next = new Map(secrets);
    next.set(service, new Map(secrets.get(service)).set(account, encrypted));
    await this.#save(next);
  }

  /** Writes the file, and only then adopts the new contents (a failed write changes nothing). */
  async #save(next: Map<string, Map<string, string>>): Promise<void> {
    const file: SecretsFile = {
      format: FORMAT,
      version: VERSION,
      secrets: Object.fromEntries([...next].map(([service, accounts]) => [service, Object.fromEntries(accounts)])),
    };
    await writeFileAtomic(this.#path, `${JSON.stringify(file, null, 2)}\n`, 0o600, this.#fs);
    this.#secrets = next;
  }

  async #load(): Promise<Map<string, Map<string, string>>> {
    if (this.#secrets) return this.#secrets;
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (this.#secrets = new Map());
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!isSecretsFile(parsed)) {
      const aside = await moveAside(this.#path, this.#now(), this.#fs);
      this.#notice = `The secrets file could not be read and was moved aside to ${aside}; passwords must be entered again.`;
      return (this.#secrets = new Map());
    }
    return (this.#secrets = new Map(Object.entries(parsed.secrets).map(([service, accounts]) => [service, new Map(Object.entries(accounts))])));
  }
}
