/**
 * The {@link Cipher} port on Electron's `safeStorage`, mapped 1:1 to its async API (the sync trio is
 * deprecated in Electron 45 and removed in 46).
 */
import { safeStorage } from 'electron';
import type { Cipher, CipherBackend } from '../../vault/cipher';

export const safeStorageCipher: Cipher = {
  isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  // Only Linux has a choice of backends; macOS (Keychain) and Windows (DPAPI) are always OS-backed.
  backend: (): CipherBackend => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'),
  encrypt: (plaintext) => safeStorage.encryptStringAsync(plaintext),
  decrypt: async (ciphertext) => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(ciphertext));
    return { plaintext: result, shouldReEncrypt };
  },
};
