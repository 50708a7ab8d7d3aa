import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { runCommand } from '../support/cli-process';

/** Builds the app into a temporary folder (as `npm run build` does into out/) and checks the output. */
describe('electron-vite build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'ztt-build-'));
  let buildResult: Awaited<ReturnType<typeof runCommand>>;
  beforeAll(async () => {
    buildResult = await runCommand(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--outDir', outDir]);
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('succeeds', () => {
    expect(buildResult.stderr).not.toMatch(/error/i);
    expect(buildResult.code).toBe(0);
  });

  it('emits an ES module main process that imports electron, and keeps electron external', () => {
    const main = readFileSync(join(outDir, 'main/index.js'), 'utf8');
    expect(main).toMatch(/from "electron"/);
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('sandbox: true');
    expect(main).toContain('nodeIntegration: false');
    // out/main/index.js resolves the preload one folder up: out/preload/index.cjs.
    expect(main).toMatch(/join\(outDir\(\), "preload", "index\.cjs"\)/);
    expect(main).toMatch(/function outDir\(\) \{\s*return join\(import\.meta\.dirname, "\.\."\);/);
  });

  it('emits a CommonJS preload (sandboxed preloads cannot be ES modules)', () => {
    const preload = readFileSync(join(outDir, 'preload/index.cjs'), 'utf8');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*import\s/m);
  });

  it('emits the renderer with its strict CSP', () => {
    const html = readFileSync(join(outDir, 'renderer/index.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("connect-src 'none'");
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script
  });

  it('keeps the renderer\'s JavaScript at most 80 KB gzipped', () => {
    const assets = join(outDir, 'renderer/assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(80 * 1024);
  });

  it('emits a runnable zoho-ticket bin (shebang, no electron) that gets a ticket', async () => {
    const cliPath = join(outDir, 'main/cli.js');
    const cli = readFileSync(cliPath, 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(cli).not.toMatch(/from "electron"/);
    const server = await FakeAccountsServer.start();
    server.addAccount('bin@example.com', { password: 'pw' });
    try {
      const result = await runCommand(process.execPath, [cliPath, 'request', '--login-id', 'bin@example.com', '--accounts-url', server.url], {
        input: 'pw\n',
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(server.activeTickets('bin@example.com')).toEqual([result.stdout.trim()]);
    } finally {
      await server.close();
    }
  });
});
