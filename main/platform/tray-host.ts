/**
 * Whether a Linux desktop is likely to show tray (StatusNotifier/AppIndicator) icons. Electron cannot
 * ask the D-Bus host, so the desktop name decides: stock GNOME shows none without an extension, while
 * Ubuntu's GNOME session (`ubuntu:GNOME`) ships the AppIndicator extension. `ZTT_FORCE_WINDOW=1` or
 * `=0` overrides the guess either way.
 */
export function linuxTrayHostLikely(env: Readonly<Record<string, string | undefined>>): boolean {
  const forced = env['ZTT_FORCE_WINDOW'];
  if (forced === '1') return false;
  if (forced === '0') return true;
  const desktops = (env['XDG_CURRENT_DESKTOP'] ?? '').split(':').map((d) => d.trim().toLowerCase());
  const gnome = desktops.includes('gnome');
  const appIndicatorDistro = desktops.some((d) => d === 'ubuntu' || d === 'pop' || d === 'zorin');
  return !gnome || appIndicatorDistro;
}
