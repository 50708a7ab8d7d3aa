/**
 * Whether a real Electron binary is here. electron@45 downloads its binary lazily on first use; where
 * that is impossible (no network, as on our CI) the suite is reported as skipped, never as passed.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

const EXECUTABLES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/** The Electron executable, or the reason there is none. */
export function findElectron(): { path: string } | { reason: string } {
  const override = process.env['ELECTRON_PATH'];
  if (override) return existsSync(override) ? { path: override } : { reason: `ELECTRON_PATH ${override} does not exist` };
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const executable = EXECUTABLES[process.platform];
  if (!executable) return { reason: `no Electron build for ${process.platform}` };
  const path = join(packageDir, 'dist', executable);
  return existsSync(path) ? { path } : { reason: `${path} is missing: the binary download was blocked or never ran (run \`npx install-electron\` with network access)` };
}

/** The line the suite prints when it cannot run. */
export function skipMessage(reason: string): string {
  return `skipped: Electron binary not installed (${reason})`;
}
