/**
 * Read a content page as the linter reads it, refusing what is not a
 * regular UTF-8 file inside the content folder.
 */
import {readFileSync, realpathSync, statSync} from 'node:fs'
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
    return {ok: true, text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(readFileSync(real))}
  } catch (error) {
    const text = error instanceof TypeError ? 'bytes that are not UTF-8' : `an error (${error instanceof Error ? error.message : String(error)})`
    return {ok: false, reason: `Unexpected ${text} reading ${shown}, expected a readable UTF-8 file`, hint: 'Save the page as UTF-8, and check that it can be read'}
  }
}
