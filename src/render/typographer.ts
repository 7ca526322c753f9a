/**
 * Goldmark's typographer (`extension/typographer.go`, Goldmark 1.5 as in
 * Hugo 0.111), ported rule for rule. Goldmark reads bytes of the raw line
 * and the character before the current position; the port keeps that view
 * (a line's length is counted in UTF-8 bytes) so every quote decision comes
 * out as in Hugo.
 */
import {
  isAsciiDigit,
  isAsciiPunct,
  isAsciiSpace,
  isDigit,
  isLetter,
  isPunctRune,
  isSpaceRune,
  isUnicodePunct,
  isUnicodeSpace,
  utf8Length
} from './go-text.js'

/** A replacement, as Hugo writes it (named entity) and as text. */
export interface Typographic {
  entity: string
  character: string
}

const lsquo: Typographic = {entity: '&lsquo;', character: '\u2018'}
const rsquo: Typographic = {entity: '&rsquo;', character: '\u2019'}
const ldquo: Typographic = {entity: '&ldquo;', character: '\u201C'}
const rdquo: Typographic = {entity: '&rdquo;', character: '\u201D'}
const ndash: Typographic = {entity: '&ndash;', character: '\u2013'}
const mdash: Typographic = {entity: '&mdash;', character: '\u2014'}
const hellip: Typographic = {entity: '&hellip;', character: '\u2026'}
const laquo: Typographic = {entity: '&laquo;', character: '\u00AB'}
const raquo: Typographic = {entity: '&raquo;', character: '\u00BB'}

/**
 * Unclosed quotes, kept over a whole document: Goldmark 1.5 means to reset
 * them when a block closes but does not (verified on Hugo 0.111).
 */
export interface QuoteCounter {
  single: number
  double: number
}

/** Text with typographic replacements. */
export type TypographerPiece = string | Typographic

/** Where a text node sits, as the typographer needs to see it. */
export interface TypographerInput {
  /** The text node's value. */
  value: string
  /** The character before position `index` of `value` (Goldmark's `PrecendingCharacter`). */
  before: (index: number) => number
  /** The source after the node, to the end of its line (what Goldmark's line reader still sees). */
  tail: string
  /** Whether position `index` is written as such in the source (not an escape or entity). */
  literal?: ((index: number) => boolean) | undefined
  /**
   * The raw source from position `index` to the end of its line, when the
   * value differs from the source (escapes, entities, line prefixes); by
   * default the value's own line plus `tail`.
   */
  lineAt?: ((index: number) => string) | undefined
  /** Positions at the start already used by a replacement of the previous node. */
  skip?: number | undefined
  counter: QuoteCounter
}

/** The result: pieces, and how far a replacement ran into the source after the node. */
export interface TypographerResult {
  pieces: TypographerPiece[]
  /** Characters after the node's end that a replacement took (`<` of `<<` in the next node). */
  overrun: number
}

/**
 * Whether a text can contain anything the typographer replaces (a `<` at
 * its end may pair with the `<` that starts the next node).
 */
export function mayTypograph(value: string): boolean {
  return /['"]|--|\.\.\.|<<|>>|<$/.test(value)
}

/**
 * Replace quotes, dashes, ellipses and angle quotes in one text node.
 *
 * @param input
 *   The node's text and its surroundings.
 */
export function typograph(input: TypographerInput): TypographerResult {
  const {value, counter} = input
  const pieces: TypographerPiece[] = []
  let index = input.skip ?? 0
  let textStart = index
  let overrun = 0

  while (index < value.length) {
    const c = value.charCodeAt(index)
    if (!isTrigger(c) || (input.literal && !input.literal(index))) {
      index++
      continue
    }

    const line = new LineView(input.lineAt ? input.lineAt(index) : lineOf(value, index, input.tail))
    const found = replacementAt(line, input.before(index), counter)
    if (!found) {
      index++
      continue
    }

    if (index > textStart) pieces.push(value.slice(textStart, index))
    pieces.push(found.replacement)
    index += found.length
    textStart = index
    if (index > value.length) overrun = index - value.length
  }

  if (textStart < value.length) pieces.push(value.slice(textStart))
  return {pieces, overrun}
}

// The rules look a quote run and a few bytes ahead: 64 characters are plenty
// and keep a long line from being copied at every quote.
function lineOf(value: string, index: number, tail: string): string {
  const newline = value.indexOf('\n', index)
  if (newline !== -1) return value.slice(index, Math.min(newline + 1, index + 64))
  return index + 64 <= value.length ? value.slice(index, index + 64) : value.slice(index) + tail
}

const isTrigger = (c: number): boolean => c === 0x27 || c === 0x22 || c === 0x2d || c === 0x2e || c === 0x3c || c === 0x3e

/**
 * The rest of a line seen as Go sees `[]byte`: byte `k` is the code point
 * starting there, `-2` inside a multi-byte character, `-1` past the end.
 */
class LineView {
  /** UTF-8 length, exact up to 16 bytes (every rule compares with less). */
  readonly length: number
  private readonly starts: number[] = []
  private readonly codes: number[] = []

  constructor(readonly text: string) {
    let bytes = 0
    for (const character of text) {
      const codePoint = character.codePointAt(0)!
      this.starts.push(bytes)
      this.codes.push(codePoint)
      bytes += utf8Length(codePoint)
      if (bytes > 16) break
    }

    this.length = bytes
  }

  byte(k: number): number {
    for (let index = 0; index < this.starts.length; index++) {
      if (this.starts[index] === k) return this.codes[index]!
      if (this.starts[index]! > k) return -2
    }

    return k < this.length ? -2 : -1
  }

  /** Goldmark's `util.ToRune(line, k)`: the character that byte `k` belongs to. */
  rune(k: number): number {
    let found = -1
    for (let index = 0; index < this.starts.length && this.starts[index]! <= k; index++) found = this.codes[index]!
    return found
  }
}

function replacementAt(line: LineView, before: number, counter: QuoteCounter): {replacement: Typographic; length: number} | undefined {
  const c = line.byte(0)
  const b1 = line.byte(1)
  const b2 = line.byte(2)
  const length = line.length

  if (length > 2) {
    if (c === 0x2d && b1 === 0x2d && b2 === 0x2d) return {replacement: mdash, length: 3}
    if (c === 0x2e) return b1 === 0x2e && b2 === 0x2e ? {replacement: hellip, length: 3} : undefined
  }

  if (length > 1) {
    if (c === 0x3c) return b1 === 0x3c ? {replacement: laquo, length: 2} : undefined
    if (c === 0x3e) return b1 === 0x3e ? {replacement: raquo, length: 2} : undefined
    if (c === 0x2d && b1 === 0x2d) return {replacement: ndash, length: 2}
  }

  if (c !== 0x27 && c !== 0x22) return undefined
  const {canOpen, canClose} = scanDelimiter(line, before)

  if (c === 0x27) {
    // Decades: '90s.
    if (canOpen && !canClose && length > 3 && isAsciiDigit(b1) && isAsciiDigit(b2) && line.byte(3) === 0x73) {
      const after = length > 4 ? line.rune(4) : 0x20
      if (length === 3 || isSpaceRune(after) || isPunctRune(after)) return {replacement: rsquo, length: 1}
    }

    // 'twas, 'em, 'net.
    if (length > 1 && (isUnicodePunct(before) || isUnicodeSpace(before)) && (b1 === 0x74 || b1 === 0x65 || b1 === 0x6e || b1 === 0x6c)) {
      return {replacement: rsquo, length: 1}
    }

    // Between a letter or digit and a letter: it's.
    if (length > 1 && (isDigit(before) || isLetter(before)) && isLetter(line.rune(1))) return {replacement: rsquo, length: 1}

    if (canOpen && !canClose) {
      let replacement = lsquo
      // 's 'm 't 'd and 've 'll 're are contractions, not opening quotes.
      if ((b1 === 0x73 || b1 === 0x6d || b1 === 0x74 || b1 === 0x64) && (length < 3 || isAsciiPunct(b2) || isAsciiSpace(b2))) replacement = rsquo
      const b3 = line.byte(3)
      const pair = length > 2 && ((b1 === 0x76 && b2 === 0x65) || (b1 === 0x6c && b2 === 0x6c) || (b1 === 0x72 && b2 === 0x65))
      if (pair && (length < 4 || isAsciiPunct(b3) || isAsciiSpace(b3))) replacement = rsquo
      if (replacement === lsquo) counter.single++
      return {replacement, length: 1}
    }

    // Goldmark's test for plural possessives (Smiths') reduces to this: the
    // quote itself is punctuation, so any `'` not before a digit qualifies.
    if (length > 2 && !isDigit(line.rune(1))) return {replacement: rsquo, length: 1}

    if (counter.single > 0 && closes(line, canOpen, canClose)) {
      counter.single--
      return {replacement: rsquo, length: 1}
    }

    return undefined
  }

  if (canOpen && !canClose) {
    counter.double++
    return {replacement: ldquo, length: 1}
  }

  if (counter.double > 0 && closes(line, canOpen, canClose)) {
    // "Monitor 21"": inches, not a closing quote.
    if (b1 === 0x22 && isDigit(before)) return undefined
    counter.double--
    return {replacement: rdquo, length: 1}
  }

  return undefined
}

function closes(line: LineView, canOpen: boolean, canClose: boolean): boolean {
  if (canClose && !canOpen) return true
  if (!(canClose && canOpen && line.length > 1 && isUnicodePunct(line.rune(1)))) return false
  const b2 = line.byte(2)
  return line.length === 2 || (line.length > 2 && isAsciiPunct(b2)) || isAsciiSpace(b2)
}

// Goldmark's `ScanDelimiter` for a run of the quote at the start of the line.
function scanDelimiter(line: LineView, before: number): {canOpen: boolean; canClose: boolean} {
  const quote = line.text.charCodeAt(0)
  let end = 1
  while (end < line.text.length && line.text.charCodeAt(end) === quote) end++
  const after = end < line.text.length ? line.text.codePointAt(end)! : 0x20
  const beforePunct = isPunctRune(before)
  const beforeSpace = isSpaceRune(before)
  const afterPunct = isPunctRune(after)
  const afterSpace = isSpaceRune(after)
  return {
    canOpen: !afterSpace && (!afterPunct || beforeSpace || beforePunct),
    canClose: !beforeSpace && (!beforePunct || afterSpace || afterPunct)
  }
}

/**
 * A text with every replacement as its character (for heading ids and plain
 * text, where Hugo resolves the entities).
 *
 * @param pieces
 *   The typographer's pieces.
 */
export function typographicText(pieces: readonly TypographerPiece[]): string {
  let text = ''
  for (const piece of pieces) text += typeof piece === 'string' ? piece : piece.character
  return text
}
