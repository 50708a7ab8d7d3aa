/**
 * Draws the app's icons from code, so the drawing is the source and nothing generated is committed:
 * `npm run build` writes them into build/tray/ and build/icon.png (git-ignored).
 *
 * - Tray, one per state (valid, expiring, alert, busy): a ticket with a notch on each side.
 *   macOS: black-on-transparent `tray-<state>Template.png` (16 px) and `@2x` (32 px), so the menu bar
 *   tints them; the state shows in the shape (filled, badge ring, badge dot, dotted outline).
 *   Windows: `tray-<state>.ico` (16, 24, 32 px); Linux: `tray-<state>.png` (32 px), in colour.
 * - App icon: build/icon.png, 512 px, which electron-builder turns into .icns and .ico.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export type IconState = 'valid' | 'expiring' | 'alert' | 'busy';
export const ICON_STATES: readonly IconState[] = ['valid', 'expiring', 'alert', 'busy'];

type Rgb = readonly [number, number, number];
const COLOURS: Readonly<Record<IconState, Rgb>> = {
  valid: [0x2e, 0x9e, 0x5b],
  expiring: [0xe0, 0x9b, 0x00],
  alert: [0xd6, 0x45, 0x45],
  busy: [0x5b, 0x7b, 0xd5],
};
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** An RGBA canvas with "over" compositing of anti-aliased shapes given as signed distance functions. */
export class Canvas {
  readonly pixels: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8ClampedArray(width * height * 4);
  }

  /**
   * Fills where `distance(x, y) < 0` (units: pixels), with one pixel of anti-aliasing.
   * `mode: 'erase'` punches the shape out instead.
   */
  fill(distance: (x: number, y: number) => number, colour: Rgb, alpha = 1, mode: 'paint' | 'erase' = 'paint'): void {
    for (let py = 0; py < this.height; py++) {
      for (let px = 0; px < this.width; px++) {
        const coverage = Math.min(1, Math.max(0, 0.5 - distance(px + 0.5, py + 0.5))) * alpha;
        if (coverage <= 0) continue;
        const i = (py * this.width + px) * 4;
        if (mode === 'erase') {
          this.pixels[i + 3] = (this.pixels[i + 3] as number) * (1 - coverage);
          continue;
        }
        const dstA = (this.pixels[i + 3] as number) / 255;
        const outA = coverage + dstA * (1 - coverage);
        for (let c = 0; c < 3; c++) {
          const dst = this.pixels[i + c] as number;
          this.pixels[i + c] = outA === 0 ? 0 : ((colour[c] as number) * coverage + dst * dstA * (1 - coverage)) / outA;
        }
        this.pixels[i + 3] = outA * 255;
      }
    }
  }
}

// ── Shapes (signed distance functions, in pixels) ───────────────────────────────────────────────

export const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => Math.hypot(x - cx, y - cy) - r;

export function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number) => {
    const qx = Math.abs(x - (x0 + x1) / 2) - ((x1 - x0) / 2 - r);
    const qy = Math.abs(y - (y0 + y1) / 2) - ((y1 - y0) / 2 - r);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

const union = (...shapes: ((x: number, y: number) => number)[]) => (x: number, y: number) => Math.min(...shapes.map((s) => s(x, y)));
const subtract = (a: (x: number, y: number) => number, b: (x: number, y: number) => number) => (x: number, y: number) => Math.max(a(x, y), -b(x, y));
const ring = (shape: (x: number, y: number) => number, width: number) => (x: number, y: number) => Math.abs(shape(x, y)) - width / 2;

/** The ticket: a rounded rectangle with a half-round notch in the middle of each short side. */
export function ticket(size: number) {
  const s = size / 16;
  const body = roundedRect(1.5 * s, 4 * s, 14.5 * s, 12 * s, 1.6 * s);
  const notches = union(circle(1.5 * s, 8 * s, 1.7 * s), circle(14.5 * s, 8 * s, 1.7 * s));
  return subtract(body, notches);
}

/** Draws a tray icon of `size` px. Template images are black with alpha; others are coloured. */
export function drawTrayIcon(state: IconState, size: number, template: boolean): Canvas {
  const canvas = new Canvas(size, size);
  const s = size / 16;
  const ink = template ? BLACK : COLOURS[state];
  const shape = ticket(size);
  const badge = circle(12.5 * s, 4.5 * s, 3.3 * s);
  const badgeHalo = circle(12.5 * s, 4.5 * s, 4.4 * s);
  if (state === 'busy') {
    // Dotted outline: work in progress.
    canvas.fill(ring(shape, 1.3 * s), ink, 0.9);
    for (const cx of [5.5, 8, 10.5]) canvas.fill(circle(cx * s, 8 * s, 0.95 * s), ink);
    return canvas;
  }
  if (state === 'alert') {
    canvas.fill(ring(shape, 1.3 * s), ink);
  } else {
    canvas.fill(shape, ink);
    // The perforation line, punched out (not under a badge, where it would only add noise).
    if (state === 'valid') canvas.fill(roundedRect(10.2 * s, 5.5 * s, 10.9 * s, 10.5 * s, 0.3 * s), WHITE, 1, 'erase');
  }
  if (state === 'expiring' || state === 'alert') {
    canvas.fill(badgeHalo, WHITE, 1, 'erase');
    if (state === 'expiring') canvas.fill(ring(badge, 1.4 * s), template ? BLACK : COLOURS.expiring);
    else canvas.fill(badge, template ? BLACK : COLOURS.alert);
  }
  return canvas;
}

/** The 512 px app icon: the ticket on a blue rounded tile (matches build/icon.svg). */
export function drawAppIcon(size = 512): Canvas {
  const canvas = new Canvas(size, size);
  const k = size / 512;
  canvas.fill(roundedRect(16 * k, 16 * k, 496 * k, 496 * k, 104 * k), [0x2f, 0x6f, 0xed]);
  const inner = ticket(size * 0.72);
  const offset = size * 0.14;
  canvas.fill((x, y) => inner(x - offset, y - offset), WHITE);
  canvas.fill(circle(230 * k, 256 * k, 58 * k), [0x1c, 0x4f, 0xc4]);
  canvas.fill(circle(230 * k, 256 * k, 40 * k), WHITE);
  return canvas;
}

// ── Encoders ────────────────────────────────────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes a canvas as an 8-bit RGBA PNG. */
export function encodePng(canvas: Canvas): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(canvas.width, 0);
  header.writeUInt32BE(canvas.height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, no filter choice, no interlace
  const rows = Buffer.alloc((canvas.width * 4 + 1) * canvas.height);
  for (let y = 0; y < canvas.height; y++) {
    rows[y * (canvas.width * 4 + 1)] = 0; // filter: none
    rows.set(canvas.pixels.subarray(y * canvas.width * 4, (y + 1) * canvas.width * 4), y * (canvas.width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Packs PNG images into an ICO (PNG-compressed entries, supported since Windows Vista). */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** Every icon file, by path relative to build/. */
export function renderAllIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const state of ICON_STATES) {
    files.set(`tray/tray-${state}Template.png`, encodePng(drawTrayIcon(state, 16, true)));
    files.set(`tray/tray-${state}Template@2x.png`, encodePng(drawTrayIcon(state, 32, true)));
    files.set(`tray/tray-${state}.png`, encodePng(drawTrayIcon(state, 32, false)));
    files.set(`tray/tray-${state}.ico`, encodeIco([16, 24, 32].map((size) => ({ size, png: encodePng(drawTrayIcon(state, size, false)) }))));
  }
  files.set('icon.png', encodePng(drawAppIcon(512)));
  return files;
}

/** Writes every icon under `buildDir`. */
export function writeAllIcons(buildDir: string): string[] {
  const written: string[] = [];
  for (const [relative, bytes] of renderAllIcons()) {
    const path = join(buildDir, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    written.push(path);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = writeAllIcons(dirname(fileURLToPath(import.meta.url)));
  process.stdout.write(`icons: wrote ${written.length} files to build/\n`);
}
