/**
 * Read a content page as the linter reads it, refusing what is not a
 * regular UTF-8 file inside the content folder.
 */
import {closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'

/** The largest page read (a page of an agreement is a few tens of kilobytes). */
export const maxPageBytes = 20 * 1024 * 1024

/**
 * Read a content page, refusing what is not a regular UTF-8 file inside the
 * content folder (a link out of it, a folder, a FIFO, more than
 * {@link maxPageBytes}). The text is kept as it is, a BOM included, as the
 * linter reads it, so positions agree.
 *
 * @param realContentDir
 *   The content folder, links resolved.
 * @param file
 *   The page's absolute path.
 */
export function readPage(realContentDir: string, file: string): {ok: true; text: string} | {ok: false; reason: string; hint: string} {
  const shown = `\`${path.basename(file)}\``
  try {
    const real = realpathSync.native(file)
    const relative = path.relative(realContentDir, real)
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      return {ok: false, reason: `Unexpected link ${shown} to a file outside the content folder, expected a page inside it`, hint: 'Links that lead out of the site are not followed: copy the page into the content folder'}
    }

    const stats = statSync(real)
    if (!stats.isFile()) return {ok: false, reason: `Unexpected ${stats.isDirectory() ? 'folder' : 'special file'} ${shown}, expected a Markdown file`, hint: 'Rename it, or move it out of the content folder'}
    if (stats.size > maxPageBytes) return {ok: false, reason: `Unexpected page of ${stats.size} bytes in ${shown}, expected at most ${maxPageBytes}`, hint: 'Split the page'}
    return {ok: true, text: decodePage(readFileSync(real))}
  } catch (error) {
    const text = error instanceof TypeError ? 'bytes that are not UTF-8' : `an error (${error instanceof Error ? error.message : String(error)})`
    return {ok: false, reason: `Unexpected ${text} reading ${shown}, expected a readable UTF-8 file`, hint: 'Save the page as UTF-8, and check that it can be read'}
  }
}

/** A page's bytes as text: UTF-8, a BOM kept; throws a `TypeError` on bytes that are not UTF-8. */
function decodePage(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
}

/**
 * Read a page {@link stampPage} stamped, without resolving its path again:
 * opened without following a link, and read only while it is the file that
 * was stamped (the same inode, a regular file). `undefined` when it is not
 * (replaced since), or cannot be read as UTF-8: {@link readPage} then says
 * what it is.
 *
 * @param file
 *   The page's absolute path.
 * @param stamp
 *   Its stamp.
 */
export function readStampedPage(file: string, stamp: PageStamp): string | undefined {
  let fd: number | undefined
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW)
    const stats = fstatSync(fd)
    if (!stats.isFile() || stats.ino !== stamp.ino || stats.size > maxPageBytes) return undefined
    return decodePage(readFileSync(fd))
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * What a page's file looks like on disk without reading it: size, times of
 * the last change of its text (`mtime`) and of its inode (`ctime`, which no
 * program can set back), in milliseconds as Node gives them (to a fraction
 * of a microsecond), and inode number. Equal stamps mean an unchanged file,
 * except for a write within the same tick of the file system's clock (see
 * {@link stampTrusted}).
 */
export interface PageStamp {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
}

/**
 * Stamp a page without reading it, when it is plainly readable: a regular
 * file (not a link) in a folder whose real path is inside the content
 * folder, of at most {@link maxPageBytes}. Anything else gives `undefined`:
 * {@link readPage} then reads it, or says why it cannot.
 *
 * @param realContentDir
 *   The content folder, links resolved.
 * @param file
 *   The page's absolute path.
 * @param realFolders
 *   Real paths of folders resolved so far (each folder is resolved once per
 *   build), starting with the content folder's.
 */
export function stampPage(realContentDir: string, file: string, realFolders: Map<string, string>): PageStamp | undefined {
  try {
    const stats = lstatSync(file)
    if (!stats.isFile() || stats.size > maxPageBytes) return undefined
    const realFolder = realFolderOf(path.dirname(file), realFolders)

    // The file is no link, so its real path is its real folder's plus its name.
    const relative = path.relative(realContentDir, path.join(realFolder, path.basename(file)))
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
    return stampOf(stats)
  } catch {
    return undefined
  }
}

/**
 * A folder's real path, from its parent's when it is no link itself: one
 * `lstat` per folder rather than a walk of every folder above it.
 *
 * @param folder
 *   An absolute folder path.
 * @param known
 *   Real paths of folders resolved so far.
 */
function realFolderOf(folder: string, known: Map<string, string>): string {
  let real = known.get(folder)
  if (real === undefined) {
    const parent = path.dirname(folder)
    real = parent === folder || lstatSync(folder).isSymbolicLink() ? realpathSync.native(folder) : path.join(realFolderOf(parent, known), path.basename(folder))
    known.set(folder, real)
  }

  return real
}

/**
 * Within how long before a build began looking at the pages a change may
 * leave a stamp that build already recorded: the file system's clock runs in
 * ticks (Linux updates file times from a clock that lags by up to a tick of
 * at most 10 ms), so a write in the tick in which the page was read can keep
 * its stamp. Whole-second stamps (FAT's two seconds, ext3 and HFS+'s one)
 * get two seconds.
 */
const stampDoubtMs = {fine: 50, coarse: 2000}

/**
 * Whether a page whose stamp equals the one a build recorded can be taken to
 * hold the text that build read: only when its last change was well before
 * that build began (otherwise the page is read and hashed, as Git does with
 * a "racily clean" file).
 *
 * @param stamp
 *   The recorded stamp, equal to the page's stamp now.
 * @param checkedAt
 *   When the recording build began looking at pages, in milliseconds since the epoch.
 */
export function stampTrusted(stamp: PageStamp, checkedAt: number): boolean {
  const doubt = stamp.mtimeMs % 1000 === 0 && stamp.ctimeMs % 1000 === 0 ? stampDoubtMs.coarse : stampDoubtMs.fine
  return stamp.mtimeMs + doubt < checkedAt && stamp.ctimeMs + doubt < checkedAt
}

/**
 * The stamp of a file from its `lstat`.
 *
 * @param stats
 *   The file's stats.
 */
export function stampOf(stats: Stats): PageStamp {
  return {size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino}
}

/**
 * Whether two stamps are the same.
 *
 * @param a
 *   A stamp.
 * @param b
 *   Another.
 */
export function sameStamp(a: PageStamp, b: PageStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino
}
