/**
 * Playwright's `test` with one addition: when `ZTT_COVERAGE_DIR` is set (by `npm run coverage`), the
 * page's JavaScript coverage (V8, from Chromium) is written there for merging with the unit,
 * component and integration coverage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const dir = process.env['ZTT_COVERAGE_DIR'];
    if (dir) await page.coverage.startJSCoverage({ resetOnNavigation: false });
    await use(page);
    if (dir) {
      const entries = (await page.coverage.stopJSCoverage()).filter((entry) => entry.url.includes('/assets/'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${testInfo.testId}.json`), JSON.stringify(entries));
    }
  },
});
