/**
 * Crash-safe file replacement: write a temporary file beside the target, fsync it, rename it over the
 * target, then fsync the folder. A crash at any point leaves either the old file or the new one, never
 * a torn one. File-system calls are injectable so tests can fail any step.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** The file-system calls {@link writeFileAtomic} makes. */
export interface AtomicFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
  mkdir: typeof fsp.mkdir;
}

export const nodeAtomicFs: AtomicFs = { open: fsp.open, rename: fsp.rename, rm: fsp.rm, mkdir: fsp.mkdir };

/**
 * Atomically replaces `path` with `data`.
 *
 * @param mode - permission bits of the new file (0o600 for anything secret-adjacent)
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600, fs: AtomicFs = nodeAtomicFs): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  // Persist the rename itself; not every platform can open a directory (Windows cannot).
  try {
    const dirHandle = await fs.open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  } catch {
    /* best effort */
  }
}

/**
 * Moves an unreadable file aside as `<name>.corrupt-<timestamp><ext>` (kept, never deleted) and
 * returns the new path.
 */
export async function moveAside(path: string, nowMs: number, fs: Pick<AtomicFs, 'rename'> = nodeAtomicFs): Promise<string> {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const dot = path.lastIndexOf('.');
  const aside = dot > path.lastIndexOf('/') ? `${path.slice(0, dot)}.corrupt-${stamp}${path.slice(dot)}` : `${path}.corrupt-${stamp}`;
  await fs.rename(path, aside);
  return aside;
}
