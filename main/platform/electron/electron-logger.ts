/**
 * The main-process logger: electron-log's rotating file in the platform's log folder
 * (Linux `~/.config/Zoho Ticket Tray/logs/main.log`, macOS `~/Library/Logs/Zoho Ticket Tray/main.log`,
 * Windows `%APPDATA%\Zoho Ticket Tray\logs\main.log`), redacted by our hook.
 */
import log from 'electron-log/main';
import type { Logger } from '../../app/controller';
import { configureLogger, type ElectronLogLike } from '../../logging/configure-log';
import type { SecretRegistry } from '../../logging/redaction';

export function createElectronLogger(registry: SecretRegistry): Logger {
  log.initialize();
  return configureLogger(log as unknown as ElectronLogLike, registry);
}
