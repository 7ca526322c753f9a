/**
 * Goldmark's attribute syntax (`parser/attribute.go`, Goldmark 1.5 as in
 * Hugo 0.111): `{#id .class name=value}` after a heading or on a line of its
 * own. A port of the reader, on one line of text.
 */
import {isAsciiDigit, isAsciiPunct, isAsciiSpace} from './go-text.js'

/** An attribute value as Goldmark reads it. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | ParsedAttribute[]

/** One attribute, in source order. */
export interface ParsedAttribute {
  name: string
  value: AttributeValue
}

/** Attributes read from a line, and where they end. */
export interface ParsedAttributes {
  attributes: ParsedAttribute[]
  /** Index just after the closing `}`. */
  end: number
}

const code = (text: string, index: number): number => (index < text.length ? text.charCodeAt(index) : -1)

function skipSpaces(text: string, index: number): number {
  while (index < text.length && isAsciiSpace(text.charCodeAt(index))) index++
  return index
}

const isNameStart = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a
const isNameCharacter = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d

/**
 * Read `{…}` at `start` (after optional spaces), as Goldmark's
 * `ParseAttributes`: `#id` and `.class` shorthands (classes merged into the
 * first `class`), `name=value` with a quoted string, a number, `true`,
 * `false`, `null`, a bare word, an array or nested braces, separated by
 * spaces or commas.
 *
 * @param text
 *   One line.
 * @param start
 *   Where to start reading.
 * @returns
 *   The attributes and the end of the block, or `undefined` when the text is
 *   not an attribute block.
 */
export function parseAttributes(text: string, start: number): ParsedAttributes | undefined {
  let index = skipSpaces(text, start)
  if (code(text, index) !== 0x7b) return undefined
  index++
  const attributes: ParsedAttribute[] = []

  for (;;) {
    if (code(text, index) === 0x7d) return {attributes, end: index + 1}
    const read = parseAttribute(text, index)
    if (!read) return undefined
    index = read.end
    const existing = read.attribute.name === 'class' ? attributes.find((item) => item.name === 'class') : undefined
    if (existing) existing.value = `${String(existing.value)} ${String(read.attribute.value)}`
    else attributes.push(read.attribute)
    index = skipSpaces(text, index)
    if (code(text, index) === 0x2c) index = skipSpaces(text, index + 1)
  }
}

function parseAttribute(text: string, start: number): {attribute: ParsedAttribute; end: number} | undefined {
  let index = skipSpaces(text, start)
  const first = code(text, index)

  if (first === 0x23 || first === 0x2e) {
    index++
    const from = index
    // Goldmark keeps XHTML's id characters: no space, no punctuation but `_-:.`.
    for (; index < text.length; index++) {
      const c = text.charCodeAt(index)
      if (isAsciiSpace(c) || (isAsciiPunct(c) && c !== 0x5f && c !== 0x2d && c !== 0x3a && c !== 0x2e)) break
    }

    return {attribute: {name: first === 0x23 ? 'id' : 'class', value: text.slice(from, index)}, end: index}
  }

  if (!isNameStart(first)) return undefined
  const nameStart = index
  while (index < text.length && isNameCharacter(text.charCodeAt(index))) index++
  const name = text.slice(nameStart, index)
  index = skipSpaces(text, index)
  if (code(text, index) !== 0x3d) return undefined
  const value = parseValue(text, skipSpaces(text, index + 1))
  if (!value) return undefined
  if (name === 'class' && typeof value.value !== 'string') return undefined
  return {attribute: {name, value: value.value}, end: value.end}
}

function parseValue(text: string, start: number): {value: AttributeValue; end: number} | undefined {
  const index = skipSpaces(text, start)
  const first = code(text, index)
  if (first === -1) return undefined
  if (first === 0x7b) {
    const nested = parseAttributes(text, index)
    return nested && {value: nested.attributes, end: nested.end}
  }

  if (first === 0x5b) return parseArray(text, index)
  if (first === 0x22) return parseString(text, index)
  if (first === 0x2d || first === 0x2b || isAsciiDigit(first)) return parseNumber(text, index)
  return parseWord(text, index)
}

function parseArray(text: string, start: number): {value: AttributeValue[]; end: number} | undefined {
  let index = start + 1
  const values: AttributeValue[] = []
  for (let item = 0; ; item++) {
    const c = code(text, index)
    let comma = false
    if (item !== 0 && c === 0x2c) {
      index++
      comma = true
    }

    if (c === 0x5d) return comma ? undefined : {value: values, end: index + 1}
    const value = parseValue(text, skipSpaces(text, index))
    if (!value) return undefined
    values.push(value.value)
    index = skipSpaces(text, value.end)
  }
}

const escapes: Readonly<Record<string, string>> = {'"': '"', '/': '/', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'}

function parseString(text: string, start: number): {value: string; end: number} | undefined {
  let index = start + 1
  let value = ''
  while (index < text.length) {
    const character = text.charAt(index)
    if (character === '\\' && index !== text.length - 1) {
      const escaped = escapes[text.charAt(index + 1)]
      if (escaped === undefined) {
        value += '\\'
        index++
      } else {
        value += escaped
        index += 2
      }

      continue
    }

    if (character === '"') return {value, end: index + 1}
    value += character
    index++
  }

  return undefined
}

function parseNumber(text: string, start: number): {value: number; end: number} | undefined {
  let index = start
  let sign = 1
  if (code(text, index) === 0x2d) {
    sign = -1
    index++
  } else if (code(text, index) === 0x2b) {
    index++
  }

  const digitsFrom = index
  while (isAsciiDigit(code(text, index))) index++
  if (index === digitsFrom) return undefined
  if (code(text, index) === 0x2e) {
    index++
    while (isAsciiDigit(code(text, index))) index++
  }

  if (code(text, index) === 0x65 || code(text, index) === 0x45) {
    index++
    if (code(text, index) === 0x2d || code(text, index) === 0x2b) index++
    while (isAsciiDigit(code(text, index))) index++
  }

  const value = Number(text.slice(digitsFrom, index))
  return Number.isFinite(value) ? {value: sign * value, end: index} : undefined
}

function parseWord(text: string, start: number): {value: string | boolean | null; end: number} | undefined {
  if (!isNameStart(code(text, start))) return undefined
  let index = start
  while (index < text.length && isNameCharacter(text.charCodeAt(index))) index++
  const word = text.slice(start, index)
  return {value: word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word, end: index}
}

/**
 * The attribute block ending a heading's last line, as Goldmark's
 * `parseLastLineAttributes` finds it: the first `{` (not escaped by `\`)
 * whose attributes run to the end of the line.
 *
 * @param line
 *   The heading's last line, trimmed.
 * @returns
 *   The attributes and the index of their `{`, or `undefined`.
 */
export function trailingAttributes(line: string): {attributes: ParsedAttribute[]; start: number} | undefined {
  for (let index = 0; index < line.length; index++) {
    const c = line.charCodeAt(index)
    if (c === 0x5c) {
      if (isAsciiPunct(code(line, index + 1))) index++
      continue
    }

    if (c !== 0x7b) continue
    const parsed = parseAttributes(line, index)
    if (parsed && line.slice(parsed.end).trim() === '') return {attributes: parsed.attributes, start: index}
  }

  return undefined
}

/**
 * An attribute value as Hugo prints it: text as is, a number as Go's `%v`
 * prints a float, `true`/`false`, and nothing for `null`, arrays and
 * nested attributes.
 *
 * @param value
 *   The value as read.
 */
export function attributeText(value: AttributeValue): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return goFloat(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return ''
}

// Go's `%v` of a float64: `%g` with the shortest digits, in exponent form
// (two-digit exponent) when the exponent is below -4 or at least 6.
function goFloat(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value)
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  if (exponent >= -4 && exponent < 6) return String(value)
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
}
