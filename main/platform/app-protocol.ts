/**
 * The popover is served from `app://popover/…` (a custom, standard, secure scheme) instead of
 * `file://`: it gets a real origin for sender checks and CSP, and can reach nothing else on disk.
 */
import { isAbsolute, join, normalize, relative } from 'node:path';

export const APP_SCHEME = 'app';
export const POPOVER_HOST = 'popover';
export const POPOVER_ORIGIN = `${APP_SCHEME}://${POPOVER_HOST}`;
export const POPOVER_URL = `${POPOVER_ORIGIN}/index.html`;

/** The same policy as the page's meta tag, also sent as a header (headers cannot be edited by the page). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Maps an `app://popover/<path>` URL to a file inside `rootDir`, or null for any other host, for a
 * path that escapes the folder (`..`, encoded or not), or for anything malformed.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== POPOVER_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = normalize(join(rootDir, path === '/' ? '/index.html' : path));
  const inside = relative(rootDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}
