import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { popoverPosition } from '../../../main/app/popover-placement';
import { formatTimeLeft } from '../../../main/app/messages';
import { resolveAppFile } from '../../../main/platform/app-protocol';
import { LinuxAutostart, quoteExecArgument } from '../../../main/platform/linux-autostart';
import { linuxTrayHostLikely } from '../../../main/platform/tray-host';
import { makeTempDir } from '../../support/temp-dir';

describe('popoverPosition', () => {
  const size = { width: 360, height: 480 };
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 }; // task bar at the bottom
  it('opens above a bottom task-bar icon (Windows)', () => {
    expect(popoverPosition({ trayBounds: { x: 1700, y: 1045, width: 24, height: 30 }, cursor: { x: 0, y: 0 }, size, workArea })).toEqual({ x: 1532, y: 556 });
  });
  it('opens below a top-bar icon (macOS), kept inside the work area', () => {
    expect(popoverPosition({ trayBounds: { x: 1900, y: 0, width: 22, height: 24 }, cursor: { x: 0, y: 0 }, size, workArea: { x: 0, y: 25, width: 1920, height: 1055 } })).toEqual({ x: 1556, y: 29 });
  });
  it('opens next to the cursor where the tray reports no bounds (Linux)', () => {
    expect(popoverPosition({ trayBounds: { x: 0, y: 0, width: 0, height: 0 }, cursor: { x: 300, y: 10 }, size, workArea })).toEqual({ x: 120, y: 14 });
    expect(popoverPosition({ trayBounds: null, cursor: { x: 5, y: 1030 }, size, workArea })).toEqual({ x: 4, y: 546 });
  });
});

describe('formatTimeLeft', () => {
  it.each([
    [7 * 86_400_000, '7 d 0 h'],
    [6 * 86_400_000 + 23 * 3_600_000 + 59 * 60_000, '6 d 23 h'],
    [5 * 3_600_000 + 12 * 60_000, '5 h 12 min'],
    [42 * 60_000, '42 min'],
    [10_000, '1 min'],
    [0, '0 min'],
    [-5, '0 min'],
  ])('%i ms → %s', (ms, text) => expect(formatTimeLeft(ms)).toBe(text));
});

describe('resolveAppFile', () => {
  const root = '/opt/app/out/renderer';
  it.each([
    ['app://popover/index.html', `${root}/index.html`],
    ['app://popover/', `${root}/index.html`],
    ['app://popover/assets/index-abc.js', `${root}/assets/index-abc.js`],
  ])('serves %s', (url, file) => expect(resolveAppFile(root, url)).toBe(file));
  it('keeps dot segments inside the folder (the URL parser resolves them first)', () => {
    expect(resolveAppFile(root, 'app://popover/../main/index.js')).toBe(`${root}/main/index.js`);
    expect(resolveAppFile(root, 'app://popover/%2e%2e/%2e%2e/etc/passwd')).toBe(`${root}/etc/passwd`);
  });
  it.each([
    'app://popover/..%2f..%2fetc%2fpasswd',
    'app://popover/..%5c..%5cwindows',
    'app://evil/index.html',
    'file:///etc/passwd',
    'app://popover/%E0%A4%A',
    'app://popover/a%00b',
  ])('refuses %s', (url) => expect(resolveAppFile(root, url)).toBeNull());
});

describe('LinuxAutostart', () => {
  let dir: ReturnType<typeof makeTempDir>;
  afterEach(() => dir.dispose());

  it('writes ~/.config/autostart/zoho-ticket-tray.desktop when on and removes it when off', async () => {
    dir = makeTempDir();
    const autostart = new LinuxAutostart(dir.path, ['/opt/Zoho Ticket Tray/zoho-ticket-tray', '--hidden']);
    expect(autostart.path).toBe(join(dir.path, 'autostart', 'zoho-ticket-tray.desktop'));
    expect(await autostart.isEnabled()).toBe(false);
    await autostart.setEnabled(true);
    expect(await autostart.isEnabled()).toBe(true);
    expect(readFileSync(autostart.path, 'utf8')).toBe(
      '[Desktop Entry]\nType=Application\nName=Zoho Ticket Tray\nComment=Keeps your Zoho CRM API ticket fresh\nExec="/opt/Zoho Ticket Tray/zoho-ticket-tray" "--hidden"\nTerminal=false\nX-GNOME-Autostart-enabled=true\n',
    );
    expect(statSync(autostart.path).mode & 0o777).toBe(0o644);
    await autostart.setEnabled(false);
    expect(await autostart.isEnabled()).toBe(false);
    await autostart.setEnabled(false); // idempotent
  });

  it('quotes Exec arguments as the desktop entry spec says', () => {
    expect(quoteExecArgument('/a b/$HOME/"x"/`y`/\\z')).toBe('"/a b/\\$HOME/\\"x\\"/\\`y\\`/\\\\z"');
  });
});

describe('linuxTrayHostLikely', () => {
  it.each([
    [{ XDG_CURRENT_DESKTOP: 'GNOME' }, false],
    [{ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, true],
    [{ XDG_CURRENT_DESKTOP: 'KDE' }, true],
    [{ XDG_CURRENT_DESKTOP: 'XFCE' }, true],
    [{}, true],
    [{ XDG_CURRENT_DESKTOP: 'KDE', ZTT_FORCE_WINDOW: '1' }, false],
    [{ XDG_CURRENT_DESKTOP: 'GNOME', ZTT_FORCE_WINDOW: '0' }, true],
  ])('%j → %s', (env, expected) => expect(linuxTrayHostLikely(env)).toBe(expected));
});
