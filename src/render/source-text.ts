/**
 * A text node's value against the source it came from. Goldmark reads raw
 * bytes, micromark gives decoded values (`\"` is `"`, `&amp;` is `&`, line
 * prefixes are gone); Goldmark's view of a text node is rebuilt from the
 * source where the two differ.
 */
import {isAsciiPunct} from './go-text.js'

/** How far the typographer looks ahead (a quote run, then a few bytes). */
const lookahead = 64

/** The offset of the line ending at or after `offset` (or the end of the text). */
export function lineEndAt(text: string, offset: number): number {
  let end = offset
  while (end < text.length) {
    const code = text.charCodeAt(end)
    if (code === 10 || code === 13) break
    end++
  }

  return end
}

/** The rest of the line from `offset`, with its line ending, at most {@link lookahead} characters. */
export function restOfLine(text: string, offset: number): string {
  const end = lineEndAt(text, offset)
  return text.slice(offset, Math.min(end + 1, offset + lookahead))
}

/** The code point just before `offset` (`\n` at the start, as Goldmark sees the start of a block). */
export function codePointBefore(text: string, offset: number): number {
  if (offset <= 0) return 0x0a
  const low = text.charCodeAt(offset - 1)
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2)
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  }

  return low
}

const entity = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/

/**
 * For each position of `value`, the source offset it was written at, or
 * `-1` when it comes from an escape (`\"`) or a character reference
 * (`&quot;`). Source characters missing from the value (container markers,
 * indentation, white space before a line ending) are skipped.
 *
 * @param value
 *   The node's value.
 * @param source
 *   The text its position points into.
 * @param start
 *   The node's start offset.
 * @param end
 *   The node's end offset.
 */
export function alignToSource(value: string, source: string, start: number, end: number): Int32Array {
  const offsets = new Int32Array(value.length).fill(-1)
  let index = 0
  let at = start

  while (index < value.length && at < end) {
    const wanted = value.charCodeAt(index)
    const written = source.charCodeAt(at)

    if (wanted === written) {
      offsets[index++] = at++
      continue
    }

    if (written === 0x5c && at + 1 < end && source.charCodeAt(at + 1) === wanted && isAsciiPunct(wanted)) {
      index++
      at += 2
      continue
    }

    if (written === 0x26) {
      const reference = entity.exec(source.slice(at, at + 40))
      if (reference) {
        at += reference[0].length
        // A reference decodes to one or two code units; take as many as keep the rest in step.
        const next = at < end ? source.charCodeAt(at) : -1
        index += next !== -1 && value.charCodeAt(index + 1) !== next && value.charCodeAt(index + 2) === next ? 2 : 1
        continue
      }
    }

    at++
  }

  return offsets
}
