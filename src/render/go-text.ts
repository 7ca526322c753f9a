/**
 * Go's character classes as Hugo and Goldmark use them, for the ports of
 * their text rules (heading ids, typographer, attributes). Go's `unicode`
 * package works on Unicode categories, Goldmark's `util` on ASCII bytes;
 * both are spelled out here so each port reads like its original.
 */

const letter = /\p{L}/u
const decimalDigit = /\p{Nd}/u
const punctuation = /\p{P}/u
const whiteSpace = /\p{White_Space}/u

/** Go's `unicode.IsLetter`: any `L*` category. */
export function isLetter(codePoint: number): boolean {
  return codePoint >= 0 && letter.test(String.fromCodePoint(codePoint))
}

/** Go's `unicode.IsDigit`: decimal digits (`Nd`) only. */
export function isDigit(codePoint: number): boolean {
  return codePoint >= 0 && decimalDigit.test(String.fromCodePoint(codePoint))
}

/** Go's `unicode.IsPunct`: `P*` categories (not symbols such as `$` or `+`). */
export function isUnicodePunct(codePoint: number): boolean {
  return codePoint >= 0 && punctuation.test(String.fromCodePoint(codePoint))
}

/** Go's `unicode.IsSpace`: the White_Space property (NBSP and NEL included). */
export function isUnicodeSpace(codePoint: number): boolean {
  return codePoint >= 0 && whiteSpace.test(String.fromCodePoint(codePoint))
}

/** Goldmark's `util.IsPunct` on one byte: ASCII punctuation and symbols. */
export function isAsciiPunct(codePoint: number): boolean {
  return (
    (codePoint >= 0x21 && codePoint <= 0x2f) ||
    (codePoint >= 0x3a && codePoint <= 0x40) ||
    (codePoint >= 0x5b && codePoint <= 0x60) ||
    (codePoint >= 0x7b && codePoint <= 0x7e)
  )
}

/** Goldmark's `util.IsSpace` on one byte: tab, line feed, vertical tab, form feed, carriage return, space. */
export function isAsciiSpace(codePoint: number): boolean {
  return codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d)
}

/** Goldmark's `util.IsNumeric` on one byte. */
export function isAsciiDigit(codePoint: number): boolean {
  return codePoint >= 0x30 && codePoint <= 0x39
}

/** Goldmark's `util.IsPunctRune`: ASCII punctuation or a Unicode `P*` character. */
export function isPunctRune(codePoint: number): boolean {
  return isAsciiPunct(codePoint) || isUnicodePunct(codePoint)
}

/** Goldmark's `util.IsSpaceRune`. */
export function isSpaceRune(codePoint: number): boolean {
  return isAsciiSpace(codePoint) || isUnicodeSpace(codePoint)
}

/**
 * Go's `unicode.ToLower`: the simple, one-to-one mapping of one code point
 * (`İ` → `i`, `Σ` → `σ`, never a final sigma), where JavaScript's
 * `toLowerCase` may give two code points.
 */
export function toLowerCodePoint(codePoint: number): number {
  const lower = String.fromCodePoint(codePoint).toLowerCase()
  const first = lower.codePointAt(0) ?? codePoint
  // Only U+0130 lowers to two code points (`i` and a combining dot); Go keeps the `i`.
  return lower.length > (first > 0xffff ? 2 : 1) ? (codePoint === 0x130 ? 0x69 : codePoint) : first
}

/** The number of bytes a code point takes in UTF-8, as Go counts line lengths. */
export function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}

// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u
const controlEscapes: Readonly<Record<string, string>> = {'\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v'}

/**
 * The text between the quotes of Go's `strconv.Quote` (what `%q` prints):
 * `"` and `\` escaped with a backslash, printable characters as they are,
 * control characters as `\n`, `\t`, `\x7f`, other unprintable ones (NBSP,
 * zero-width joiner, lone surrogates) as `\u00a0`, `\U0001f3fb`.
 *
 * @param text
 *   Any text.
 */
export function goQuoteInner(text: string): string {
  // Most values (URLs, titles) hold nothing to escape.
  if (/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(text)) return text
  let result = ''
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (character === '"' || character === '\\') result += `\\${character}`
    else if (code >= 0xd800 && code <= 0xdfff) result += '\\ufffd'
    else if (printable.test(character)) result += character
    else if (controlEscapes[character] !== undefined) result += controlEscapes[character]
    else if (code < 0x20 || code === 0x7f) result += `\\x${code.toString(16).padStart(2, '0')}`
    else if (code < 0x10000) result += `\\u${code.toString(16).padStart(4, '0')}`
    else result += `\\U${code.toString(16).padStart(8, '0')}`
  }

  return result
}
