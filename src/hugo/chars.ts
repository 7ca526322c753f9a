/**
 * Character classes of Hugo's page lexer (`parser/pageparser`), so that what
 * counts as a name, a space or a digit is exactly what Hugo counts.
 */

const alphaNumeric = /^[\p{L}\p{Nd}_]$/u

/**
 * Hugo's `isAlphaNumeric`: `_`, a Unicode letter (any L category) or a
 * decimal digit (Nd only).
 *
 * @param char
 *   One code point as a string.
 */
export function isAlphaNumeric(char: string): boolean {
  return alphaNumeric.test(char)
}

/**
 * Hugo's `isAlphaNumericOrHyphen`.
 *
 * @param char
 *   One code point as a string.
 */
export function isAlphaNumericOrHyphen(char: string): boolean {
  return char === '-' || alphaNumeric.test(char)
}

/**
 * Hugo's `isSpace` inside a shortcode tag: only space and tab.
 *
 * @param char
 *   One code point as a string.
 */
export function isSpace(char: string): boolean {
  return char === ' ' || char === '\t'
}

/**
 * Hugo's `isEndOfLine`: CR or LF.
 *
 * @param char
 *   One code point as a string.
 */
export function isEndOfLine(char: string): boolean {
  return char === '\r' || char === '\n'
}

// Go's `unicode.IsSpace`: the Latin-1 spaces plus the White_Space property.
const goSpace = /^[\t\n\v\f\r \u0085\u00A0\p{Zs}\u2028\u2029]$/u

/**
 * Go's `unicode.IsSpace`, used where Hugo skips or stops at any space
 * (around `=`, at the end of an unquoted value).
 *
 * @param char
 *   One code point as a string.
 */
export function isUnicodeSpace(char: string): boolean {
  return goSpace.test(char)
}

/**
 * Format a code point the way Go's `%#U` verb does: `U+0021 '!'`.
 *
 * @param char
 *   One code point as a string.
 */
export function formatRune(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const hex = code.toString(16).toUpperCase().padStart(4, '0')
  // Go prints the character itself only when `strconv.IsPrint` holds: letters,
  // marks, numbers, punctuation, symbols and the ASCII space, but no other space
  // (U+00A0, U+3000… print as the bare code point).
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(char) ? `U+${hex} '${char}'` : `U+${hex}`
}
