/**
 * The encryption port, shaped after Electron's `safeStorage` async API. The Electron adapter maps it
 * 1:1 (`encryptStringAsync`, `decryptStringAsync`, `isAsyncEncryptionAvailable`,
 * `getSelectedStorageBackend`); tests use an AES-256-GCM cipher with a per-run key.
 */

/**
 * Where the OS keeps the key. `basic_text` is Linux without a keyring: Chromium then uses a hard-coded
 * key, which protects nothing; `os` stands for macOS Keychain / Windows DPAPI.
 */
export type CipherBackend = 'os' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'basic_text' | 'unknown';

/** Result of a decryption. */
export interface Decrypted {
  readonly plaintext: string;
  /** The key was rotated or a stronger one is available: encrypt again and save. */
  readonly shouldReEncrypt: boolean;
}

/** The encryption port. */
export interface Cipher {
  isAvailable(): Promise<boolean>;
  backend(): CipherBackend;
  encrypt(plaintext: string): Promise<Uint8Array>;
  /** @throws when the data cannot be decrypted (keychain reset, app renamed, tampering) */
  decrypt(ciphertext: Uint8Array): Promise<Decrypted>;
}
