/**
 * A stand-in for an unpacked Electron distribution, for packaging offline (the registry carries no
 * Electron binary). Its "binary" carries a real-shaped fuse wire (sentinel, version 1, 8 fuses in
 * Electron's default states), so the packager flips it and tests can read back what it flipped.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** From @electron/fuses: where the fuse wire starts in an Electron binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

export function makeStubElectronDist(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
  // asar integrity off, only-asar off, V8 snapshot off, file:// extra privileges on.
  const defaults = '10110001';
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho stub electron\nexit 0\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, defaults.length]), Buffer.from(defaults)]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.6.1');
  return dir;
}
