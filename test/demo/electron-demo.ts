/**
 * `npm run demo`: the app in real Electron against the fake accounts server with a demo account,
 * where Electron is installed. Elsewhere it says why it cannot run and exits 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findElectron, skipMessage } from '../e2e/electron/electron-support';
import { PROJECT_ROOT } from '../support/cli-process';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { makeTempDir } from '../support/temp-dir';

const found = findElectron();
if ('reason' in found) {
  process.stderr.write(`${skipMessage(found.reason)}; try \`npm run demo:browser\`.\n`);
  process.exit(1);
}
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const accounts = await FakeAccountsServer.start();
accounts.addAccount('demo@example.com', { password: 'demo-password' });
const data = makeTempDir('ztt-demo-');
process.stdout.write(`Demo account: demo@example.com / demo-password at Custom accounts URL ${accounts.url}\n`);
const child = spawn(found.path, [join(PROJECT_ROOT, 'out/main/index.js')], {
  stdio: 'inherit',
  env: { ...process.env, E2E: '1', ZTT_USER_DATA: data.path },
});
child.on('exit', (code) => {
  void accounts.close().then(() => {
    data.dispose();
    process.exit(code ?? 0);
  });
});
