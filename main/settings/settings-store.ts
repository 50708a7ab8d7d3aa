/**
 * Opens the settings document safely and keeps it: migrates before opening, moves unreadable or
 * invalid files aside (kept, never deleted) with a notice for the user, and validates every write.
 * The storage itself is electron-store in the app and `conf` (the library beneath it) in Node; both
 * come in through {@link ConfFactory}, so this module never imports Electron.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { moveAside, writeFileAtomic } from '../storage/atomic-file';
import { migrateSettings, UnmigratableSettingsError } from './migrations';
import { DEFAULT_SETTINGS, settingsJsonSchema, settingsSchema, type Settings } from './schema';

/** What electron-store and conf have in common that we use. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/** The options we hand to electron-store / conf. */
export interface ConfOptions {
  readonly cwd: string;
  readonly configName: string;
  readonly schema: Record<string, unknown>;
  readonly rootSchema: Record<string, unknown>;
  readonly defaults: Settings;
  readonly configFileMode: number;
  readonly clearInvalidConfig: false;
}

/** Builds the store: `(options) => new ElectronStore(options)` in the app, `new Conf(options)` in Node. */
export type ConfFactory = (options: ConfOptions) => ConfLike;

/** The settings file's name (without extension) in the data directory. */
export const SETTINGS_FILE_NAME = 'settings';

/** The settings port the controller uses. */
export interface SettingsStore {
  /** The current settings (validated). */
  get(): Settings;
  /** Applies a change; the result is validated before it is written, so a bad change loses nothing. */
  update(change: (current: Settings) => Settings): Settings;
  /** Notices for the user from opening (a file moved aside…). */
  readonly notices: readonly string[];
  /** The file's path. */
  readonly path: string;
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

class ConfSettingsStore implements SettingsStore {
  #current: Settings;
  constructor(
    private readonly conf: ConfLike,
    readonly notices: readonly string[],
  ) {
    this.#current = settingsSchema.parse(conf.store);
  }

  get path(): string {
    return this.conf.path;
  }

  get(): Settings {
    return this.#current;
  }

  update(change: (current: Settings) => Settings): Settings {
    const result = settingsSchema.safeParse(change(this.#current));
    if (!result.success) throw new Error(`Invalid settings change: ${describeIssues(result.error)}`);
    this.conf.store = result.data as unknown as Record<string, unknown>;
    this.#current = result.data;
    return this.#current;
  }
}

/**
 * Opens the settings in `dir`.
 *
 * @param now - for the timestamp of a moved-aside file
 */
export async function openSettings(dir: string, createConf: ConfFactory, now: () => number = Date.now): Promise<SettingsStore> {
  const path = join(dir, `${SETTINGS_FILE_NAME}.json`);
  const notices: string[] = [];
  const setAside = async (why: string) => {
    const aside = await moveAside(path, now());
    notices.push(`Your settings could not be read (${why}). They were kept as ${aside} and defaults were loaded.`);
  };

  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== null) {
    let raw: unknown;
    let parsed = true;
    try {
      raw = JSON.parse(text);
    } catch {
      parsed = false;
    }
    if (!parsed) {
      await setAside('it is not valid JSON');
    } else {
      try {
        const { document, migrated } = migrateSettings(raw);
        const valid = settingsSchema.safeParse(document);
        if (!valid.success) {
          await setAside(`it does not match the settings format: ${describeIssues(valid.error)}`);
        } else if (migrated) {
          await writeFileAtomic(path, `${JSON.stringify(valid.data, null, '\t')}\n`, 0o600);
        }
      } catch (error) {
        if (!(error instanceof UnmigratableSettingsError)) throw error;
        await setAside(error.message);
      }
    }
  }

  const { properties, root } = settingsJsonSchema();
  const conf = createConf({
    cwd: dir,
    configName: SETTINGS_FILE_NAME,
    schema: properties,
    rootSchema: root,
    defaults: DEFAULT_SETTINGS,
    configFileMode: 0o600,
    // Never silently drop an invalid file: we move it aside above instead.
    clearInvalidConfig: false,
  });
  return new ConfSettingsStore(conf, notices);
}
