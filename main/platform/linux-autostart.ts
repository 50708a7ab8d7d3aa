/**
 * Launch at login on Linux, where Electron's `setLoginItemSettings` does nothing: an XDG autostart
 * entry `~/.config/autostart/<name>.desktop`, written when turned on and removed when turned off.
 */
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic-file';
import type { LoginItems } from './platform';

/** Quotes an argument for a desktop entry's Exec key (XDG Desktop Entry spec, "The Exec key"). */
export function quoteExecArgument(argument: string): string {
  return `"${argument.replace(/(["`$\\])/g, '\\$1')}"`;
}

export class LinuxAutostart implements LoginItems {
  readonly path: string;

  /**
   * @param configHome - `$XDG_CONFIG_HOME`, or `~/.config`
   * @param command - the executable and its arguments (e.g. the AppImage path)
   */
  constructor(
    configHome: string,
    private readonly command: readonly string[],
    private readonly appName = 'Zoho Ticket Tray',
    fileName = 'zoho-ticket-tray.desktop',
  ) {
    this.path = join(configHome, 'autostart', fileName);
  }

  async isEnabled(): Promise<boolean> {
    try {
      return (await stat(this.path)).isFile();
    } catch {
      return false;
    }
  }

  async setEnabled(enabled: boolean): Promise<void> {
    if (!enabled) {
      await rm(this.path, { force: true });
      return;
    }
    const entry = [
      '[Desktop Entry]',
      'Type=Application',
      `Name=${this.appName}`,
      'Comment=Keeps your Zoho CRM API ticket fresh',
      `Exec=${this.command.map(quoteExecArgument).join(' ')}`,
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n');
    await writeFileAtomic(this.path, entry, 0o644);
  }
}
