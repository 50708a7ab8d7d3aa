/**
 * `npm run coverage`: merges the V8 coverage of
 * - the vitest projects (unit, component, integration), as Istanbul data from @vitest/coverage-v8, and
 * - the Playwright runs in Chromium (the built renderer, mapped back to renderer/ and preload/ through
 *   its source maps with ast-v8-to-istanbul, the converter vitest itself uses),
 * over main/, preload/ and renderer/, and prints a text summary with a `Lines : <n>%` line.
 * The Node side of the Playwright runs (composeApp) is the same main/ code the integration tests
 * cover, and is not instrumented separately.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from 'acorn';
import convert from 'ast-v8-to-istanbul';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { PROJECT_ROOT } from '../support/cli-process';

const COVERAGE = join(PROJECT_ROOT, 'coverage');
const E2E_RAW = join(COVERAGE, 'e2e-raw');
const run = (command: string, args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
};

rmSync(COVERAGE, { recursive: true, force: true });
// 1. vitest (unit, component, integration) → coverage/vitest/coverage-final.json
run('npx', ['vitest', 'run', '--coverage', '--coverage.reporter=json']);
// 2. a renderer build with source maps, then the Playwright runs collecting Chromium coverage
run('npx', ['tsx', 'build/icons.ts']);
run('npx', ['electron-vite', 'build', '--sourcemap']);
run('npx', ['playwright', 'test'], { ZTT_COVERAGE_DIR: E2E_RAW });

const map = libCoverage.createCoverageMap(JSON.parse(readFileSync(join(COVERAGE, 'vitest', 'coverage-final.json'), 'utf8')));
const inProject = (file: string) => /^(main|preload|renderer)\//.test(relative(PROJECT_ROOT, file).replace(/\\/g, '/'));
let converted = 0;
for (const name of existsSync(E2E_RAW) ? readdirSync(E2E_RAW) : []) {
  const entries = JSON.parse(readFileSync(join(E2E_RAW, name), 'utf8')) as { url: string; source?: string; functions: never[] }[];
  for (const entry of entries) {
    const file = join(PROJECT_ROOT, 'out', 'renderer', new URL(entry.url).pathname);
    if (!entry.source || !existsSync(`${file}.map`)) continue;
    const sourceMap = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    // Source-map paths are relative to the bundle's folder: make them absolute project paths.
    sourceMap.sources = (sourceMap.sources as string[]).map((source) => resolve(join(PROJECT_ROOT, 'out', 'renderer', 'assets'), source));
    const data = await convert({
      code: entry.source,
      sourceMap,
      coverage: { url: pathToFileURL(file).href, functions: entry.functions },
      ast: Parser.parse(entry.source, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as never,
    });
    for (const [path, fileCoverage] of Object.entries(data)) {
      if (inProject(path)) map.merge({ [path]: fileCoverage } as never);
    }
    converted++;
  }
}
map.filter((file) => inProject(file) && !file.endsWith('.d.ts'));

const context = libReport.createContext({ dir: COVERAGE, coverageMap: map, defaultSummarizer: 'nested' });
reports.create('text-summary').execute(context);
reports.create('json-summary').execute(context);
process.stdout.write(`(merged: vitest unit/component/integration + ${converted} Chromium coverage records from the Playwright runs)\n`);

const total = (JSON.parse(readFileSync(join(COVERAGE, 'coverage-summary.json'), 'utf8')) as { total: { lines: { pct: number } } }).total.lines.pct;
const GOAL = 90;
if (total < GOAL) {
  process.stdout.write(`Line coverage ${total}% is below the ${GOAL}% goal.\n`);
  process.exitCode = 1;
}
