/**
 * The settings storage in the app: electron-store (conf with Electron's per-user data folder),
 * given the options the core's `openSettings` builds (schema, defaults, mode 0600, no silent reset).
 */
import ElectronStore from 'electron-store';
import type { ConfFactory } from '../../settings/settings-store';

type StoreOptions = ConstructorParameters<typeof ElectronStore<Record<string, unknown>>>[0];

export const electronStoreFactory: ConfFactory = ({ configName, ...options }) =>
  // electron-store names the file with `name` and overwrites conf's `configName` with it.
  new ElectronStore<Record<string, unknown>>({ ...options, name: configName } as unknown as StoreOptions);
