import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeAtomicFs, type AtomicFs } from '../../../main/storage/atomic-file';
import { EncryptedFileSecretStore } from '../../../main/vault/encrypted-file-secret-store';
import { InMemorySecretStore, SecretUnreadableError } from '../../../main/vault/secret-store';
import { openVault } from '../../../main/vault/vault';
import { AesGcmTestCipher } from '../../support/aes-cipher';
import { makeTempDir } from '../../support/temp-dir';

const SERVICE = 'zoho-ticket-tray';
let dir: { path: string; dispose: () => void };
let cipher: AesGcmTestCipher;
let file: string;

beforeEach(() => {
  dir = makeTempDir();
  cipher = new AesGcmTestCipher();
  file = join(dir.path, 'secrets.json');
});
afterEach(() => dir.dispose());

describe('EncryptedFileSecretStore', () => {
  it('round-trips secrets through the cipher and a 0600 file that holds only ciphertext', async () => {
    const store = new EncryptedFileSecretStore(cipher, file);
    await store.setPassword(SERVICE, 'password:a1', 'hunter2-plain');
    await store.setPassword(SERVICE, 'ticket:a1', 'c1eea66055af5d42b8b1ab0d1171c9c4');
    expect(await store.getPassword(SERVICE, 'password:a1')).toBe('hunter2-plain');
    expect(await new EncryptedFileSecretStore(cipher, file).getPassword(SERVICE, 'ticket:a1')).toBe('c1eea66055af5d42b8b1ab0d1171c9c4');
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain('hunter2-plain');
    expect(raw).not.toContain('c1eea66055af5d42b8b1ab0d1171c9c4');
    expect(raw).not.toContain(Buffer.from('hunter2-plain').toString('base64'));
    expect(JSON.parse(raw)).toMatchObject({ format: 'zoho-ticket-tray-secrets', version: 1 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.findCredentials(SERVICE)).toEqual([
      { account: 'password:a1', password: 'hunter2-plain' },
      { account: 'ticket:a1', password: 'c1eea66055af5d42b8b1ab0d1171c9c4' },
    ]);
  });

  it('returns null for missing secrets and deletes', async () => {
    const store = new EncryptedFileSecretStore(cipher, file);
    expect(await store.getPassword(SERVICE, 'nope')).toBeNull();
    await store.setPassword(SERVICE, 'x', 'y');
    expect(await store.deletePassword(SERVICE, 'x')).toBe(true);
    expect(await store.deletePassword(SERVICE, 'x')).toBe(false);
    expect(await new EncryptedFileSecretStore(cipher, file).getPassword(SERVICE, 'x')).toBeNull();
  });

  it('re-encrypts and saves when the cipher says shouldReEncrypt', async () => {
    const store = new EncryptedFileSecretStore(cipher, file);
    await store.setPassword(SERVICE, 'password:a1', 'pw');
    const before = readFileSync(file, 'utf8');
    cipher.rotateOnDecrypt = true;
    const encryptsBefore = cipher.encryptCalls;
    expect(await store.getPassword(SERVICE, 'password:a1')).toBe('pw');
    expect(cipher.encryptCalls).toBe(encryptsBefore + 1);
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    cipher.rotateOnDecrypt = false;
    expect(await new EncryptedFileSecretStore(cipher, file).getPassword(SERVICE, 'password:a1')).toBe('pw');
  });

  it('reports a secret that no longer decrypts as needing re-entry, and still reads the others', async () => {
    const store = new EncryptedFileSecretStore(cipher, file);
    await store.setPassword(SERVICE, 'password:old', 'old-pw');
    cipher.resetKey(); // keychain reset
    await store.setPassword(SERVICE, 'password:new', 'new-pw');
    const reopened = new EncryptedFileSecretStore(cipher, file);
    await expect(reopened.getPassword(SERVICE, 'password:old')).rejects.toBeInstanceOf(SecretUnreadableError);
    await expect(reopened.getPassword(SERVICE, 'password:old')).rejects.toThrow(/must be entered again/);
    expect(await reopened.getPassword(SERVICE, 'password:new')).toBe('new-pw');
    expect(await reopened.findCredentials(SERVICE)).toEqual([{ account: 'password:new', password: 'new-pw' }]);
  });

  it('leaves the previous file valid when the process dies between write and rename', async () => {
    const store = new EncryptedFileSecretStore(cipher, file);
    await store.setPassword(SERVICE, 'a', 'first');
    const before = readFileSync(file, 'utf8');
    const crashingFs: AtomicFs = {
      ...nodeAtomicFs,
      rename: async () => {
        throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
      },
    };
    const crashing = new EncryptedFileSecretStore(cipher, file, { fs: crashingFs });
    await expect(crashing.setPassword(SERVICE, 'b', 'second')).rejects.toThrow(/simulated crash/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dir.path)).toEqual(['secrets.json']); // the temp file was cleaned up
    const reopened = new EncryptedFileSecretStore(cipher, file);
    expect(await reopened.getPassword(SERVICE, 'a')).toBe('first');
    expect(await reopened.getPassword(SERVICE, 'b')).toBeNull();
  });

  it('moves an unreadable secrets file aside instead of deleting it, and says so', async () => {
    writeFileSync(file, '{ this is not json');
    const store = new EncryptedFileSecretStore(cipher, file, { now: () => Date.parse('2026-12-04T10:00:00Z') });
    expect(await store.getPassword(SERVICE, 'a')).toBeNull();
    expect(store.notice).toMatch(/moved aside to .*secrets\.corrupt-2026-12-04T10-00-00-000Z\.json/);
    expect(readdirSync(dir.path)).toEqual(['secrets.corrupt-2026-12-04T10-00-00-000Z.json']);
    await store.setPassword(SERVICE, 'a', 'fresh');
    expect(await new EncryptedFileSecretStore(cipher, file).getPassword(SERVICE, 'a')).toBe('fresh');
  });

  it('serialises concurrent writes so none is lost', async () => {
    const store = new EncryptedFileSecretStore(cipher, file);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.setPassword(SERVICE, `k${i}`, `v${i}`)));
    const reopened = new EncryptedFileSecretStore(cipher, file);
    expect((await reopened.findCredentials(SERVICE)).length).toBe(20);
  });
});

describe('openVault', () => {
  it('uses the encrypted file when the OS offers real encryption', async () => {
    const vault = await openVault({ cipher, path: file, allowWeakStorage: false });
    expect(vault.protection).toBe('os');
    expect(vault.reason).toBeNull();
    expect(vault.store).toBeInstanceOf(EncryptedFileSecretStore);
  });

  it('keeps secrets in memory only when encryption is unavailable', async () => {
    cipher.available = false;
    const vault = await openVault({ cipher, path: file, allowWeakStorage: true });
    expect(vault).toMatchObject({ protection: 'memory-only', reason: 'encryption-unavailable' });
    expect(vault.store).toBeInstanceOf(InMemorySecretStore);
    await vault.store.setPassword(SERVICE, 'a', 'b');
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('refuses basic_text (a hard-coded key) unless the user opted in', async () => {
    cipher.selectedBackend = 'basic_text';
    const refused = await openVault({ cipher, path: file, allowWeakStorage: false });
    expect(refused).toMatchObject({ protection: 'memory-only', reason: 'basic-text-backend' });
    const optedIn = await openVault({ cipher, path: file, allowWeakStorage: true });
    expect(optedIn).toMatchObject({ protection: 'weak', reason: 'basic-text-backend' });
    expect(optedIn.store).toBeInstanceOf(EncryptedFileSecretStore);
  });

  it('treats a cipher that throws on the availability check as unavailable', async () => {
    cipher.isAvailable = async () => {
      throw new Error('no keyring daemon');
    };
    expect((await openVault({ cipher, path: file, allowWeakStorage: false })).protection).toBe('memory-only');
  });
});
