import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, drawTrayIcon, ICON_STATES, renderAllIcons } from '../../../build/icons';

/** Decodes our PNGs (8-bit RGBA, filter 0), checking signature and every chunk CRC on the way. */
function decodePng(png: Buffer): { width: number; height: number; rgba: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 4 + 1) * height);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

describe('drawn icons', () => {
  const files = renderAllIcons();

  it('computes CRC-32 correctly', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('has every tray state for macOS (1x, 2x template), Windows (.ico) and Linux (.png), plus the app icon', () => {
    const expected = ICON_STATES.flatMap((s) => [`tray/tray-${s}Template.png`, `tray/tray-${s}Template@2x.png`, `tray/tray-${s}.png`, `tray/tray-${s}.ico`]);
    expect([...files.keys()].sort()).toEqual([...expected, 'icon.png'].sort());
  });

  it.each(ICON_STATES)('draws %s at the right sizes; templates are black with alpha only', (state) => {
    const oneX = decodePng(files.get(`tray/tray-${state}Template.png`)!);
    const twoX = decodePng(files.get(`tray/tray-${state}Template@2x.png`)!);
    const linux = decodePng(files.get(`tray/tray-${state}.png`)!);
    expect([oneX.width, oneX.height, twoX.width, twoX.height, linux.width, linux.height]).toEqual([16, 16, 32, 32, 32, 32]);
    for (const image of [oneX, twoX]) {
      let opaque = 0;
      for (let i = 0; i < image.rgba.length; i += 4) {
        if (image.rgba[i + 3]! > 0) {
          opaque++;
          expect([image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]]).toEqual([0, 0, 0]);
        }
      }
      expect(opaque).toBeGreaterThan(image.width * image.height * 0.15); // something is drawn
    }
    let coloured = 0;
    for (let i = 0; i < linux.rgba.length; i += 4) if (linux.rgba[i + 3]! > 200 && (linux.rgba[i]! > 40 || linux.rgba[i + 1]! > 40 || linux.rgba[i + 2]! > 40)) coloured++;
    expect(coloured).toBeGreaterThan(50);
  });

  it('draws four different states', () => {
    const images = ICON_STATES.map((s) => Buffer.from(drawTrayIcon(s, 32, true).pixels).toString('base64'));
    expect(new Set(images).size).toBe(4);
  });

  it('packs 16, 24 and 32 px PNGs into each .ico', () => {
    for (const state of ICON_STATES) {
      const ico = files.get(`tray/tray-${state}.ico`)!;
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
      const sizes = [0, 1, 2].map((n) => {
        const entry = 6 + 16 * n;
        const length = ico.readUInt32LE(entry + 8);
        const offset = ico.readUInt32LE(entry + 12);
        const image = decodePng(ico.subarray(offset, offset + length));
        expect(ico.readUInt8(entry)).toBe(image.width);
        expect(ico.readUInt16LE(entry + 6)).toBe(32);
        return image.width;
      });
      expect(sizes).toEqual([16, 24, 32]);
    }
  });

  it('draws the 512 px app icon', () => {
    const icon = decodePng(files.get('icon.png')!);
    expect([icon.width, icon.height]).toEqual([512, 512]);
    expect(icon.rgba.readUInt8((256 * 512 + 40) * 4 + 3)).toBe(255); // the tile is opaque
    expect(icon.rgba.readUInt8(3)).toBe(0); // the rounded corner is transparent
  });
});
