/**
 * Builds a real AppController on a temporary data directory: conf-backed settings, an AES-GCM cipher
 * vault, the real accounts client against the fake accounts server, and a fake clock.
 */
import Conf from 'conf';
import { join } from 'node:path';
import { AppController, type AppEvent } from '../../main/app/controller';
import { ZohoAccountsClient } from '../../main/engine/accounts-client';
import { openSettings, type ConfFactory } from '../../main/settings/settings-store';
import { openVault } from '../../main/vault/vault';
import { type AesGcmTestCipher } from './aes-cipher';
import type { FakeClock } from './fake-clock';

export const createConf: ConfFactory = (options) =>
  new Conf<Record<string, unknown>>({ ...options, projectName: 'zoho-ticket-tray-test' } as never) as never;

export interface Harness {
  readonly controller: AppController;
  readonly events: AppEvent[];
  readonly logs: { level: string; message: string; fields?: Record<string, unknown> }[];
}

export async function startApp(options: {
  dataDir: string;
  clock: FakeClock;
  cipher: AesGcmTestCipher;
  random?: () => number;
}): Promise<Harness> {
  const settings = await openSettings(options.dataDir, createConf, () => options.clock.now());
  const vault = await openVault({
    cipher: options.cipher,
    path: join(options.dataDir, 'secrets.json'),
    allowWeakStorage: settings.get().allowWeakSecretStorage,
  });
  const logs: Harness['logs'] = [];
  const controller = new AppController({
    clock: options.clock,
    settings,
    vault,
    client: new ZohoAccountsClient({ now: () => options.clock.now(), timeoutMs: 5_000 }),
    random: options.random ?? (() => 0.5),
    logger: {
      info: (message, fields) => logs.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
      warn: (message, fields) => logs.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    },
  });
  const events: AppEvent[] = [];
  controller.onEvent((event) => events.push(event));
  await controller.start();
  return { controller, events, logs };
}
