import { defineConfig } from '@playwright/test';

/**
 * The same journeys in real Electron (test/e2e/electron). Where the Electron binary is not installed
 * the suite prints `skipped: Electron binary not installed (<reason>)` and reports as skipped.
 * Run on a desktop: `npm install` with network access, `npm run build`, then
 * `npx playwright test -c playwright.electron.config.ts` (on Linux under `xvfb-run -a`).
 */
const json = process.env['PLAYWRIGHT_ELECTRON_JSON'];

export default defineConfig({
  testDir: 'test/e2e/electron',
  testMatch: '**/*.electron.spec.ts',
  workers: 1,
  timeout: 60_000,
  reporter: json ? [['list'], ['json', { outputFile: json }]] : [['list']],
  outputDir: 'test-results/electron',
  globalSetup: './test/e2e/electron/global-setup.ts',
});
