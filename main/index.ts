/**
 * Composition root: builds the Electron platform and composes the app with it. Nothing else: every
 * decision lives in the core (`main/app/compose.ts` and below), which never imports Electron.
 */
import { app } from 'electron';
import { composeApp } from './app/compose';
import { SecretRegistry } from './logging/redaction';
import { createElectronLogger } from './platform/electron/electron-logger';
import { createElectronPlatform, registerAppScheme } from './platform/electron/electron-platform';

registerAppScheme(); // must happen before 'ready'

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the running instance gets 'second-instance' and opens its popover
} else {
  // Windows shows no notifications for an app without an AppUserModelID.
  if (process.platform === 'win32') app.setAppUserModelId('com.zohotickettray.app');
  // A tray app: no Dock icon (LSUIElement covers the packaged app; this covers `npm start`).
  if (process.platform === 'darwin') app.dock?.hide();
  // The popover is hidden, not closed; with no window left the tray app still runs.
  app.on('window-all-closed', () => undefined);

  const secrets = new SecretRegistry();
  const logger = createElectronLogger(secrets);
  app
    .whenReady()
    .then(() => composeApp(createElectronPlatform(logger), { secrets }))
    .catch((error: unknown) => {
      logger.warn('the app could not start', { error });
      app.exit(1);
    });
}
