/**
 * Read a data file a page names (`sla.ticketsFile`, a calendar's
 * `holidaysFile`) from inside the site, and nothing else.
 *
 * A page is content anyone with write access to the site may change, so the
 * path it gives is untrusted: it is read relative to the site root only, and
 * refused when it is absolute, leads out of the root (by `..` or by a link),
 * names something other than a regular file, is larger than
 * {@link maxDataFileBytes}, or has an extension the readers do not know.
 * Reading is synchronous, as pages may be processed with `runSync`.
 */

import {closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {code} from '../frontmatter/text.js'
import {didYouMean} from '../util/did-you-mean.js'

/** Largest data file read, in bytes: far above a real ticket or holiday list. */
export const maxDataFileBytes = 5 * 1024 * 1024

/** A path that is absolute, a URL, or leads out of the site root (also through a link). */
export const outsideSiteRuleId = 'data-file-outside-site'

/** No file at the path. */
export const missingRuleId = 'data-file-missing'

/** A folder or another kind of non-regular file at the path. */
export const notFileRuleId = 'data-file-not-file'

/** An extension the readers do not know. */
export const typeRuleId = 'data-file-type'

/** A file larger than {@link maxDataFileBytes}. */
export const tooLargeRuleId = 'data-file-too-large'

/** A file that exists but cannot be read (permissions, not UTF-8). */
export const unreadableRuleId = 'data-file-unreadable'

/** A data file read. */
export interface DataFileText {
  ok: true
  /** The file's path, absolute, as written from the root (links not resolved). */
  absolute: string
  /** The file's real path, links resolved: one key per file however it is named. */
  real: string
  /** Its extension, lower case, with the dot (`.yaml`). */
  extension: string
  /** The text, decoded as UTF-8, a leading BOM removed. */
  text: string
}

/** Why a data file was not read, as the parts of a message. */
export interface DataFileRefusal {
  ok: false
  ruleId: string
  reason: string
  hint: string
}

/**
 * Read a data file from inside the site root.
 *
 * @param root
 *   The site root; the path is read from here.
 * @param written
 *   The path as the page gives it.
 * @param extensions
 *   Extensions accepted, lower case with the dot (`['.yaml', '.ics']`).
 * @returns
 *   The text, or why it was not read. Never throws.
 */
export function readDataFile(root: string, written: string, extensions: readonly string[]): DataFileText | DataFileRefusal {
  const shown = code(written)
  const base = path.resolve(root)
  const expected = extensions.map((item) => '`' + item + '`').join(', ')

  if (/^[a-z][a-z\d+.-]*:\/\//i.test(written)) {
    return refuse(outsideSiteRuleId, `Unexpected URL ${shown}, expected a path inside the site`, 'Data files are not downloaded: save the file in the site, for example under `data/`, and give its path from the site root')
  }

  if (path.posix.isAbsolute(written) || path.win32.isAbsolute(written)) {
    return refuse(outsideSiteRuleId, `Unexpected absolute path ${shown}, expected a path from the site root such as \`data/holidays.ics\``, 'Only files inside the site are read: write the path from the site root')
  }

  const absolute = path.resolve(base, written)
  if (!inside(base, absolute)) {
    return refuse(outsideSiteRuleId, `Unexpected path ${shown} leading out of the site, expected a file inside the site root`, 'Only files inside the site are read: move the file into the site, for example under `data/`')
  }

  const extension = path.extname(absolute).toLowerCase()
  if (!extensions.includes(extension)) {
    return refuse(typeRuleId, `Unexpected ${extension ? `file type \`${extension}\`` : 'file without an extension'} in ${shown}, expected one of ${expected}`, 'The extension says how the file is read; rename the file or convert it to one of these formats')
  }

  let real: string
  try {
    real = realpathSync.native(absolute)
  } catch (error) {
    return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR'
      ? refuse(missingRuleId, `Unexpected missing file ${shown}, expected a file at that path from the site root`, missingHint(base, absolute))
      : unreadable(shown, error)
  }

  let realRoot: string
  try {
    realRoot = realpathSync.native(base)
  } catch (error) {
    return unreadable(shown, error)
  }

  if (!inside(realRoot, real)) {
    return refuse(outsideSiteRuleId, `Unexpected link ${shown} to a file outside the site, expected a file inside the site root`, 'Links that lead out of the site are not followed: copy the file into the site')
  }

  let descriptor: number | undefined
  try {
    // Look before opening: opening a pipe would wait for a writer.
    const kind = describeKind(statSync(real))
    if (kind) return refuse(notFileRuleId, `Unexpected ${kind} ${shown}, expected a file`, 'Give the path of a file, such as `data/sla/tickets.yaml`')
    // No link is followed at open (the real path has none), so the file opened is the one checked.
    descriptor = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
    const stats = fstatSync(descriptor)
    const opened = describeKind(stats)
    if (opened) return refuse(notFileRuleId, `Unexpected ${opened} ${shown}, expected a file`, 'Give the path of a file, such as `data/sla/tickets.yaml`')
    if (stats.size > maxDataFileBytes) return tooLarge(shown, stats.size)
    const bytes = readAll(descriptor, stats.size)
    if (bytes === undefined) return tooLarge(shown, undefined)
    let text: string
    try {
      // `fatal`: a byte that is not UTF-8 would otherwise become U+FFFD without a word.
      text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    } catch {
      return refuse(unreadableRuleId, `Unexpected bytes that are not UTF-8 in ${shown}, expected a UTF-8 text file`, 'Save the file as UTF-8')
    }

    return {ok: true, absolute, real, extension, text}
  } catch (error) {
    return unreadable(shown, error)
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

/**
 * Read a whole file from a descriptor, refusing to go past the size limit
 * even if the file grows while it is read.
 *
 * @param descriptor
 *   The open file.
 * @param size
 *   Its size when opened.
 * @returns
 *   The bytes, or `undefined` when there are more than {@link maxDataFileBytes}.
 */
function readAll(descriptor: number, size: number): Uint8Array | undefined {
  const buffer = Buffer.alloc(Math.min(size, maxDataFileBytes) + 1)
  let length = 0
  while (length < buffer.length) {
    const read = readSync(descriptor, buffer, length, buffer.length - length, null)
    if (read === 0) break
    length += read
  }

  return length > maxDataFileBytes ? undefined : buffer.subarray(0, length)
}

/**
 * Whether `target` is `root` or inside it.
 *
 * @param root
 *   An absolute folder.
 * @param target
 *   An absolute path.
 */
function inside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative))
}

/**
 * What a non-regular file is, in words; `undefined` for a regular file.
 *
 * @param stats
 *   Its stats.
 */
function describeKind(stats: {isFile(): boolean; isDirectory(): boolean}): string | undefined {
  if (stats.isFile()) return undefined
  return stats.isDirectory() ? 'folder' : 'special file'
}

/**
 * The hint for a missing file: where paths are read from, and a file of a
 * close name in the same folder, if there is one.
 *
 * @param root
 *   The site root.
 * @param absolute
 *   The path that was not found.
 */
function missingHint(root: string, absolute: string): string {
  let names: string[] = []
  try {
    names = readdirSync(path.dirname(absolute))
  } catch {
    // The folder is missing too: no suggestion.
  }

  const suggestion = didYouMean(path.basename(absolute), names)
  const from = `Paths are read from the site root (\`${root}\`), not from the page's folder`
  return suggestion === undefined ? from : `Did you mean \`${path.relative(root, path.join(path.dirname(absolute), suggestion)).split(path.sep).join('/')}\`? ${from}`
}

function tooLarge(shown: string, size: number | undefined): DataFileRefusal {
  const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
  const limit = megabytes(maxDataFileBytes)
  // Just over the limit rounds to the limit itself: say "more than" instead.
  const actual = size === undefined || megabytes(size) === limit ? 'more than ' + limit : megabytes(size)
  return refuse(tooLargeRuleId, `Unexpected file ${shown} of ${actual}, expected at most ${limit}`, 'Keep only the entries of this agreement in the file, or split it over several pages')
}

function unreadable(shown: string, error: unknown): DataFileRefusal {
  const why = errorCode(error) ?? (error instanceof Error ? error.message : String(error))
  return refuse(unreadableRuleId, `Unexpected error reading ${shown} (${why}), expected a readable file`, 'Check that the file can be read by the user running slamark')
}

function refuse(ruleId: string, reason: string, hint: string): DataFileRefusal {
  return {ok: false, ruleId, reason, hint}
}

function errorCode(error: unknown): string | undefined {
  const value = (error as {code?: unknown} | undefined)?.code
  return typeof value === 'string' ? value : undefined
}
