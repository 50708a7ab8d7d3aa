import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Test projects mirror the layout: `test/unit` (pure, fast), `test/component` (the React popover in
 * jsdom against a fake preload API), `test/integration` (loopback servers, child processes). Set TEST_REPORT_JSON=<file> to also write a JSON report (used by .ci/run to print
 * its `N passed, N failed` line).
 */
const jsonReport = process.env['TEST_REPORT_JSON'];

export default defineConfig({
  test: {
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    coverage: {
      provider: 'v8',
      include: ['main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'],
      exclude: ['**/*.d.ts'],
      reporter: ['text-summary', 'text', 'json'],
      reportsDirectory: 'coverage/vitest',
    },
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // electron-store imports `electron` itself; inline it so tests' vi.mock('electron') reaches it.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/support/component-setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
