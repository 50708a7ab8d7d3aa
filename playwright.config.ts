import { defineConfig } from '@playwright/test';

/**
 * Renderer end-to-end tests in Debian's Chromium (Playwright cannot download its own browser here),
 * against the built renderer served on 127.0.0.1. Set PLAYWRIGHT_JSON=<file> to also write a JSON
 * report (.ci/run counts it).
 */
const json = process.env['PLAYWRIGHT_JSON'];
/** Not Vite's default 4173, which a developer's own preview server may hold; CI passes a free port. */
const port = Number(process.env['ZTT_E2E_PORT'] ?? 41731);
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'test/e2e',
  testIgnore: ['**/electron/**'],
  workers: 1,
  timeout: 30_000,
  reporter: json ? [['list'], ['json', { outputFile: json }]] : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: origin,
    browserName: 'chromium',
    viewport: { width: 360, height: 480 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx vite preview --outDir out/renderer --host 127.0.0.1 --port ${port} --strictPort`,
    url: origin,
    reuseExistingServer: !process.env['CI'],
    timeout: 30_000,
  },
});
