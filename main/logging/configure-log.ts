/**
 * Wires our redaction and rotation into an electron-log instance (`electron-log/main` in the app,
 * `electron-log/node` in tests: the same API) and wraps it as the {@link Logger} port.
 */
import type { Logger } from '../app/controller';
import { redactLogValue, type SecretRegistry } from './redaction';

/** One log file of at most 1 MiB; electron-log then keeps the previous one as `main.old.log`. */
export const MAX_LOG_BYTES = 1024 * 1024;

/** The part of electron-log's API we use. */
export interface ElectronLogLike {
  hooks: ((message: { data: unknown[] }) => { data: unknown[] } | false)[];
  transports: { file: { maxSize: number; level: string | false }; console: { level: string | false } };
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
}

export function configureLogger(instance: ElectronLogLike, registry: SecretRegistry): Logger {
  instance.transports.file.maxSize = MAX_LOG_BYTES;
  instance.transports.file.level = 'info';
  // A hook sees every record before any transport: redaction here covers file and console alike.
  instance.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactLogValue(item, registry)) }));
  return {
    info: (message, fields) => (fields ? instance.info(message, fields) : instance.info(message)),
    warn: (message, fields) => (fields ? instance.warn(message, fields) : instance.warn(message)),
  };
}
