/**
 * Small text helpers for the front-matter readers: naming what sits at an
 * offset (for "Unexpected X" messages) and turning a parser's line/column
 * into an offset.
 */

/** Characters that end a token when naming what is at an offset. */
const tokenEnd = /[\s=,[\]{}#:"'`]/

/** Longest token quoted in a message; longer ones are cut with `…`. */
const maxToken = 24

/**
 * Name what is at `index` in `text`, for the "Unexpected X" half of a reason:
 * `` `Hello` ``, `line break`, `tab`, `end of the front matter`, ….
 *
 * @param text
 *   The front matter text.
 * @param index
 *   Offset in `text` (not in the whole file).
 */
export function describeAt(text: string, index: number): string {
  if (index >= text.length) return 'end of the front matter'
  const char = text.charAt(index)
  if (char === '\n' || char === '\r') return 'line break'
  if (char === '\t') return 'tab'
  if (char === ' ') return 'space'
  if (tokenEnd.test(char)) return code(char)

  let end = index
  while (
    end < text.length &&
    end - index < maxToken &&
    !tokenEnd.test(text.charAt(end))
  ) {
    end++
  }

  const cut = end < text.length && !tokenEnd.test(text.charAt(end))
  // Do not cut a surrogate pair in half: the message would hold a lone half.
  if (cut && isHighSurrogate(text.charCodeAt(end - 1))) end--
  return code(text.slice(index, end) + (cut ? '…' : ''))
}

/**
 * Wrap a snippet in backticks, or in quotes when it holds a backtick itself.
 *
 * @param snippet
 *   The text to show.
 */
export function code(snippet: string): string {
  return snippet.includes('`') ? `'${snippet}'` : '`' + snippet + '`'
}

/**
 * Offset of a 1-based line and 1-based column in `text`, where lines end at
 * `\n` (a `\r` before it counts as a character of the line, as parsers that
 * split on `/\r?\n/` count columns the same way up to the `\r`).
 *
 * @param text
 *   The text the parser read.
 * @param line
 *   1-based line.
 * @param column
 *   1-based column, in UTF-16 code units.
 * @returns
 *   The offset, kept inside `[0, text.length]`.
 */
export function offsetOfLineColumn(
  text: string,
  line: number,
  column: number
): number {
  let lineStart = 0
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', lineStart)
    if (newline === -1) return text.length
    lineStart = newline + 1
  }

  return Math.min(Math.max(lineStart + column - 1, 0), text.length)
}

/**
 * Check whether a UTF-16 code unit is the first half of a surrogate pair.
 *
 * @param code
 *   The code unit.
 */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd8_00 && code <= 0xdb_ff
}
