/**
 * Runs electron-builder with the project's electron-builder.yml. One environment toggle:
 * `ZTT_E2E_BUILD=1` re-enables the `enableNodeCliInspectArguments` fuse, which Playwright's
 * `_electron` needs to attach; release builds keep it off. Other arguments pass through
 * (e.g. `--linux dir -c.electronDist=<unpacked electron>` to package offline).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('electron-builder/cli.js');
const args = [...process.argv.slice(2)];
if (process.env['ZTT_E2E_BUILD'] === '1') args.push('-c.electronFuses.enableNodeCliInspectArguments=true');

const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
