/**
 * Composition root: builds the Electron platform and composes the app with it. Nothing else: every
 * decision lives in the core (`main/app/compose.ts` and below), which never imports Electron.
 */
import { app } from 'electron';
import { composeApp } from './app/compose';
import { SecretRegistry } from './logging/redaction';
import { e2eApi, withE2eRecording } from './platform/e2e-hook';
import { createElectronLogger } from './platform/electron/electron-logger';
import { createElectronPlatform, registerAppScheme } from './platform/electron/electron-platform';

registerAppScheme(); // must happen before 'ready'

// End-to-end runs (E2E=1) keep their data in a folder of their own.
if (process.env['E2E'] === '1' && process.env['ZTT_USER_DATA']) app.setPath('userData', process.env['ZTT_USER_DATA']);

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
    .then(async () => {
      const electronPlatform = createElectronPlatform(logger);
      if (process.env['E2E'] !== '1') return composeApp(electronPlatform, { secrets });
      const { platform, shell, clock } = withE2eRecording(electronPlatform);
      const composed = await composeApp(platform, { secrets });
      (globalThis as { __ztt?: unknown }).__ztt = e2eApi(composed, shell, clock, platform);
      return composed;
    })
    .catch((error: unknown) => {
      logger.warn('the app could not start', { error });
      app.exit(1);
    });
}
