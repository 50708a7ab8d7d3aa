/**
 * Chooses where secrets live, honestly: encrypted on disk only when the OS offers real encryption;
 * otherwise in memory for this session, and the app state says so. Weak storage (Linux `basic_text`,
 * a hard-coded key) is used only on the user's explicit opt-in.
 */
import type { Cipher } from './cipher';
import { EncryptedFileSecretStore, type EncryptedFileSecretStoreOptions } from './encrypted-file-secret-store';
import { InMemorySecretStore, type SecretStore } from './secret-store';

/**
 * How well secrets are protected:
 * - `os`: encrypted with a key the OS keeps (Keychain, DPAPI, libsecret/KWallet), on disk;
 * - `weak`: on disk with a hard-coded key (Linux basic_text), because the user allowed it;
 * - `memory-only`: not on disk at all; gone when the app quits.
 */
export type SecretProtection = 'os' | 'weak' | 'memory-only';

/** Why secrets are not protected by the OS, when they are not. */
export type WeakProtectionReason = 'encryption-unavailable' | 'basic-text-backend';

/** The opened vault: a store plus the truth about it. */
export interface Vault {
  readonly store: SecretStore;
  readonly protection: SecretProtection;
  readonly reason: WeakProtectionReason | null;
  /** A notice for the user (e.g. an unreadable secrets file was moved aside), or null. */
  readonly notice: () => string | null;
}

export interface OpenVaultOptions extends EncryptedFileSecretStoreOptions {
  readonly cipher: Cipher;
  /** The secrets file, e.g. `<userData>/secrets.json`. */
  readonly path: string;
  /** The user's explicit opt-in to weak (basic_text) storage. Never the default. */
  readonly allowWeakStorage: boolean;
}

/** Opens the vault with the best protection available. */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const memoryOnly = (reason: WeakProtectionReason): Vault => ({
    store: new InMemorySecretStore(),
    protection: 'memory-only',
    reason,
    notice: () => null,
  });
  const available = await options.cipher.isAvailable().catch(() => false);
  if (!available) return memoryOnly('encryption-unavailable');
  const weak = options.cipher.backend() === 'basic_text';
  if (weak && !options.allowWeakStorage) return memoryOnly('basic-text-backend');
  const store = new EncryptedFileSecretStore(options.cipher, options.path, options);
  return {
    store,
    protection: weak ? 'weak' : 'os',
    reason: weak ? 'basic-text-backend' : null,
    notice: () => store.notice,
  };
}
