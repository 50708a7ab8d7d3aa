import { findElectron, skipMessage } from './electron-support';

/** Says once, up front and plainly, when the Electron suite cannot run here and why. */
export default function globalSetup(): void {
  const found = findElectron();
  process.stdout.write('reason' in found ? `${skipMessage(found.reason)}\n` : `Electron: ${found.path}\n`);
}
