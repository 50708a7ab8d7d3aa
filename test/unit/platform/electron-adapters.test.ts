import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const userData = makeTempDir('ztt-userdata-');
afterAll(() => userData.dispose());

// Electron cannot run here: mock it with named and default exports (electron-store uses the default).
const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  getSelectedStorageBackend: vi.fn(() => 'basic_text' as const),
  encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${plain}`)),
  decryptStringAsync: vi.fn(async (data: Buffer) => ({ result: data.toString().replace(/^enc:/, ''), shouldReEncrypt: true })),
};
vi.mock('electron', () => {
  const electron = {
    safeStorage,
    app: { getPath: () => userData.path, getVersion: () => '0.1.0', getName: () => 'Zoho Ticket Tray' },
    ipcMain: { on: vi.fn(), handle: vi.fn() },
    shell: {},
  };
  return { ...electron, default: electron };
});

describe('safeStorageCipher', () => {
  it('maps 1:1 onto safeStorage\'s async API', async () => {
    const { safeStorageCipher } = await import('../../../main/platform/electron/safe-storage-cipher');
    expect(await safeStorageCipher.isAvailable()).toBe(true);
    const encrypted = await safeStorageCipher.encrypt('pw');
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith('pw');
    expect(await safeStorageCipher.decrypt(encrypted)).toEqual({ plaintext: 'pw', shouldReEncrypt: true });
    expect(Buffer.isBuffer(safeStorage.decryptStringAsync.mock.calls[0]?.[0])).toBe(true);
  });

  it('reports the Linux backend so basic_text is caught, and "os" elsewhere', async () => {
    const { safeStorageCipher } = await import('../../../main/platform/electron/safe-storage-cipher');
    expect(safeStorageCipher.backend()).toBe(process.platform === 'linux' ? 'basic_text' : 'os');
  });
});

describe('electronStoreFactory', () => {
  it('opens the core settings through electron-store with the schema, mode 0600 and no silent reset', async () => {
    const { electronStoreFactory } = await import('../../../main/platform/electron/electron-store-settings');
    const { openSettings } = await import('../../../main/settings/settings-store');
    const settings = await openSettings(userData.path, electronStoreFactory);
    settings.update((s) => ({ ...s, launchAtLogin: true }));
    expect(settings.path).toBe(join(userData.path, 'settings.json'));
    expect(JSON.parse(readFileSync(settings.path, 'utf8'))).toMatchObject({ schemaVersion: 2, launchAtLogin: true });
    expect(() => settings.update((s) => ({ ...s, launchAtLogin: 'yes' as never }))).toThrow();
  });
});
