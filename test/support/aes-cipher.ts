/**
 * A {@link Cipher} doing real AES-256-GCM with a per-instance random key, standing in for Electron's
 * safeStorage in tests and the end-to-end platform. Knobs let tests play the OS's moods.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher, CipherBackend, Decrypted } from '../../main/vault/cipher';

export class AesGcmTestCipher implements Cipher {
  #key = randomBytes(32);
  available = true;
  selectedBackend: CipherBackend = 'gnome_libsecret';
  /** Report `shouldReEncrypt` on the next decryptions (key rotated). */
  rotateOnDecrypt = false;
  encryptCalls = 0;

  async isAvailable(): Promise<boolean> {
    return this.available;
  }

  backend(): CipherBackend {
    return this.selectedBackend;
  }

  async encrypt(plaintext: string): Promise<Uint8Array> {
    this.encryptCalls++;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  async decrypt(ciphertext: Uint8Array): Promise<Decrypted> {
    const data = Buffer.from(ciphertext);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    const plaintext = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    return { plaintext, shouldReEncrypt: this.rotateOnDecrypt };
  }

  /** Forgets the key, as when the keychain is reset: everything encrypted before stops decrypting. */
  resetKey(): void {
    this.#key = randomBytes(32);
  }
}
