import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT, runCommand } from '../support/cli-process';
import { makeStubElectronDist } from '../support/stub-electron';
import { makeTempDir } from '../support/temp-dir';

/** Fuse bytes in an Electron binary: ASCII '0' and '1' (@electron/fuses does not export its enum). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

const config = parse(readFileSync(join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('pins the security fuses', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs only the built app, with targets, icons and LSUIElement', () => {
    expect(config).toMatchObject({
      appId: 'com.zohotickettray.app',
      productName: 'Zoho Ticket Tray',
      files: ['out/**/*', '!out/**/*.map', 'package.json'],
      asar: true,
      directories: { buildResources: 'build' },
      mac: { target: ['dmg', 'zip'], extendInfo: { LSUIElement: true } },
      win: { target: ['nsis'] },
      linux: { target: ['AppImage', 'deb'], category: 'Development' },
      extraResources: [{ from: 'build/tray', to: 'tray' }],
    });
  });
});

/** Packages for Linux as a folder against a stub Electron (offline), as `npm run package:dir` does. */
async function packageDir(output: string, stubDir: string, env: Record<string, string> = {}) {
  const result = await runCommand(process.execPath, ['--import', 'tsx', 'build/package.ts', '--linux', 'dir', `-c.electronDist=${stubDir}`, `-c.directories.output=${output}`], { env });
  if (result.code !== 0) throw new Error(`packaging failed:\n${result.stdout}\n${result.stderr}`);
  return join(output, 'linux-unpacked');
}

describe('packaging (electron-builder --linux dir, stub Electron)', () => {
  const temp = makeTempDir('ztt-package-');
  let unpacked: string;
  beforeAll(async () => {
    const build = await runCommand('npm', ['run', '--silent', 'build']);
    if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
    unpacked = await packageDir(join(temp.path, 'release'), makeStubElectronDist(join(temp.path, 'stub')));
  }, 180_000);
  afterAll(() => temp.dispose());

  it('builds an asar holding out/** and package.json, and no tests, sources or source maps', () => {
    const entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((e) => e.replace(/\\/g, '/'));
    for (const expected of ['/package.json', '/out/main/index.js', '/out/main/cli.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(entries).toContain(expected);
    }
    expect(entries.filter((e) => e.startsWith('/test') || e.startsWith('/main/') || e.startsWith('/renderer/') || e.startsWith('/preload/'))).toEqual([]);
    expect(entries.filter((e) => /\.(ts|tsx|map)$/.test(e) && !e.includes('/node_modules/'))).toEqual([]);
    expect(entries.filter((e) => /^\/(tsconfig|vitest|eslint|electron\.vite)/.test(e))).toEqual([]);
    // Runtime dependencies only: renderer-only packages are bundled and stay out.
    expect(entries.some((e) => e.startsWith('/node_modules/electron-store/'))).toBe(true);
    expect(entries.some((e) => e.startsWith('/node_modules/react/') || e.startsWith('/node_modules/react-dom/'))).toBe(false);
    expect(entries.some((e) => e.startsWith('/node_modules/vitest/'))).toBe(false);
  });

  it('ships the drawn tray icons as resources', () => {
    for (const state of ['valid', 'expiring', 'alert', 'busy']) {
      expect(readFileSync(join(unpacked, 'resources', 'tray', `tray-${state}.png`)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('flips the fuses in the packaged binary', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'zoho-ticket-tray'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });

  it('re-enables only --inspect for end-to-end builds (ZTT_E2E_BUILD=1)', async () => {
    const e2e = await packageDir(join(temp.path, 'release-e2e'), makeStubElectronDist(join(temp.path, 'stub-e2e')), { ZTT_E2E_BUILD: '1' });
    const wire = await getCurrentFuseWire(join(e2e, 'zoho-ticket-tray'));
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  }, 120_000);
});
