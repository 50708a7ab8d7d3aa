/**
 * The test platform of the end-to-end harness: the app composed by `composeApp` (as main/index.ts
 * does) on a temporary data directory, whose popover window is a Playwright page showing the built
 * renderer, with the real preload bridge over a Playwright binding, so channel names, sender checks
 * and payload validation all run for real. Tray, notifier, clipboard, power events and the clock are
 * the in-memory fakes of FakePlatform, which the tests read and drive.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { composeApp, type ComposedApp } from '../../../main/app/compose';
import { intlFormatter } from '../../../main/app/messages';
import type { Platform } from '../../../main/platform/platform';
import type { InvokeChannel, IpcResult } from '../../../main/ipc/contract';
import type { SenderInfo } from '../../../main/ipc/router';
import type { AesGcmTestCipher } from '../../support/aes-cipher';
import { FakePlatform } from '../../support/fake-platform';
import type { Clock } from '../../../main/core/clock';

let bridgeBundle: string | undefined;
/** The bridge entry bundled for the browser (once per run). */
function bridgeScript(): string {
  bridgeBundle ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./bridge-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  }).outputFiles[0]!.text;
  return bridgeBundle;
}

export interface BrowserApp {
  readonly app: ComposedApp;
  readonly fake: FakePlatform;
  readonly page: Page;
  close(): Promise<void>;
}

const POPOVER_ID = 1;

/** Composes the app with the page as its popover window and opens the popover page. */
export async function startBrowserApp(options: {
  page: Page;
  dataDir: string;
  clock: Clock;
  baseURL: string;
  cipherAvailable?: boolean;
  /** The keychain of a previous run, to simulate a restart. */
  cipher?: AesGcmTestCipher;
}): Promise<BrowserApp> {
  const { page, clock } = options;
  const fake = new FakePlatform(clock, options.dataDir, undefined, options.cipher);
  if (options.cipherAvailable === false) fake.cipher.available = false;
  const handlers = new Map<InvokeChannel, (sender: SenderInfo, payload: unknown) => Promise<IpcResult<unknown>>>();
  const base = fake.platform;
  const platform: Platform = {
    ...base,
    popoverOrigin: new URL(options.baseURL).origin,
    popover: {
      ...base.popover,
      webContentsId: () => POPOVER_ID,
      send: (channel, payload) => {
        void page.evaluate(([c, p]) => (window as unknown as { __zttEmit?(c: string, p: unknown): void }).__zttEmit?.(c, p), [channel, payload] as const).catch(() => undefined);
      },
    },
    ipc: { handle: (channel, listener) => void handlers.set(channel, listener) },
  };
  await page.exposeBinding('__zttInvoke', async (source, channel: InvokeChannel, payload: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) return { ok: false, error: { kind: 'invalid-request', message: 'No such channel.' } };
    return handler({ webContentsId: source.page === page ? POPOVER_ID : -1, frameUrl: source.frame.url(), isMainFrame: source.frame === page.mainFrame() }, payload);
  });
  await page.addInitScript({ content: bridgeScript() });
  const app = await composeApp(platform, { format: intlFormatter('en-GB', 'UTC'), random: () => 1 });
  // The page's Date follows the fake clock, so the countdown agrees with main's deadlines.
  await page.clock.setFixedTime(clock.now());
  await page.goto(options.baseURL);
  return { app, fake, page, close: () => app.dispose() };
}
