/**
 * A strict JSON scanner that records the position of every key and value
 * and stops at the first syntax error, as Go's `encoding/json` (which Hugo
 * uses for JSON front matter) would.
 */

import {diagnostic, type Diagnostic} from '../hugo/diagnostic.js'
import {PositionNode, position} from './positions.js'
import {duplicateKeyRuleId} from './rules.js'
import {code, describeAt} from './text.js'

/** Deepest nesting accepted; the scanner recurses once per level. */
const maxDepth = 500

/** A syntax error found by the scanner. */
export class JsonSyntaxError extends Error {
  /**
   * @param index
   *   Where the error is, in the JSON text.
   * @param reason
   *   "Unexpected X, expected Y".
   * @param hint
   *   What to do.
   * @param go
   *   Go's `encoding/json` wording, when known.
   * @param end
   *   Where the offending text ends, when longer than one character.
   */
  constructor(
    readonly index: number,
    readonly reason: string,
    readonly hint: string,
    readonly go?: string,
    readonly end?: number
  ) {
    super(reason)
  }
}

/** Where a value is met, for Go's "after …" wording of the next error. */
type Context = 'top' | 'key' | 'member' | 'element'

/** Go's words for what was just read, per context. */
const goAfter: Record<Context, string> = {
  top: 'after top-level value',
  key: 'after object key',
  member: 'after object key:value pair',
  element: 'after array element'
}

/**
 * The strict JSON scanner; one instance per text.
 *
 * It follows Go's `encoding/json` scanner closely enough to stop at the same
 * character with the same words, which go into the diagnostic's `hugo`
 * field.
 */
export class JsonScanner {
  private index = 0
  /** Warnings found on the way (duplicate keys). */
  readonly diagnostics: Diagnostic[] = []

  /**
   * @param text
   *   The JSON text.
   * @param offset
   *   Offset of the text in the whole file.
   */
  constructor(
    private readonly text: string,
    private readonly offset: number
  ) {}

  /** Scan the whole text; returns the position tree of the top-level value. */
  run(): PositionNode {
    const holder = new PositionNode(position(this.offset, this.offset))
    this.skipSpace()
    this.value(holder, 'root', undefined, 0)
    this.skipSpace()
    if (this.index < this.text.length) {
      throw this.unexpected('top', 'the end of the JSON front matter', 'Remove what follows the closing `}`.')
    }

    const root = holder.get('root')
    if (!root) throw new JsonSyntaxError(0, 'Unexpected empty front matter, expected a JSON object', 'Write `{}` at least.')
    return root
  }

  /**
   * Read one value and record it (with its members or elements) under `parent`.
   *
   * @param parent
   *   The node of the enclosing object or array.
   * @param segment
   *   Its key, or its index.
   * @param key
   *   Offsets of its key (in the text), when it has one.
   * @param depth
   *   Nesting depth so far.
   */
  private value(
    parent: PositionNode,
    segment: string | number,
    key: {start: number; end: number} | undefined,
    depth: number
  ): void {
    const {text} = this
    const start = this.index
    const char = text.charAt(start)
    const keyOffsets = key && {start: this.offset + key.start, end: this.offset + key.end}

    if (depth > maxDepth) {
      throw new JsonSyntaxError(
        start,
        `Unexpected nesting deeper than ${maxDepth} levels, expected a flatter structure`,
        'Front matter does not need such depth: flatten the data.'
      )
    }

    if (char === '{') {
      const node = parent.set(segment, position(this.offset + start, this.offset + start, keyOffsets))
      this.object(node, depth)
      node.position.end = this.offset + this.index
      return
    }

    if (char === '[') {
      const node = parent.set(segment, position(this.offset + start, this.offset + start, keyOffsets))
      this.array(node, depth)
      node.position.end = this.offset + this.index
      return
    }

    if (char === '"') this.string()
    else if (char === '-' || (char >= '0' && char <= '9')) this.number()
    else if (char === 't' || char === 'f' || char === 'n') this.literal()
    else throw this.beginValue()

    parent.set(segment, position(this.offset + start, this.offset + this.index, keyOffsets))
  }

  /**
   * Read an object, recording each member; a later duplicate key replaces
   * the earlier one, as in Go and `JSON.parse`, with a warning.
   *
   * @param node
   *   The object's node.
   * @param depth
   *   Nesting depth of the object.
   */
  private object(node: PositionNode, depth: number): void {
    const {text} = this
    this.index++
    this.skipSpace()
    if (text.charAt(this.index) === '}') {
      this.index++
      return
    }

    // First place of each key, to name both places of a duplicate.
    const keyPlaces = new Map<string, [number, number]>()
    while (true) {
      if (text.charAt(this.index) !== '"') {
        const afterComma = text.charAt(this.index) === '}'
        throw this.unexpectedKey(afterComma)
      }

      const keyStart = this.index
      const name = this.string()
      const keyEnd = this.index
      const first = keyPlaces.get(name)
      if (first) {
        this.diagnostics.push(
          diagnostic({
            ruleId: duplicateKeyRuleId,
            severity: 'error',
            reason: `Unexpected second ${code(name)} key, expected each key once in an object`,
            hint: 'Hugo keeps the last value and silently drops the earlier one: remove one of them.',
            start: this.offset + keyStart,
            end: this.offset + keyEnd,
            actual: name,
            related: {start: this.offset + first[0], end: this.offset + first[1], reason: `first ${code(name)} key`}
          })
        )
      } else {
        keyPlaces.set(name, [keyStart, keyEnd])
      }

      this.skipSpace()
      if (text.charAt(this.index) !== ':') {
        throw this.unexpected('key', '`:` after the key', 'Write `"key": value`.')
      }

      this.index++
      this.skipSpace()
      this.value(node, name, {start: keyStart, end: keyEnd}, depth + 1)
      this.skipSpace()
      const next = text.charAt(this.index)
      if (next === '}') {
        this.index++
        return
      }

      if (next !== ',') {
        throw this.unexpected('member', '`,` or `}`', 'Separate members with commas and close the object with `}`.')
      }

      this.index++
      this.skipSpace()
    }
  }

  /**
   * Read an array, recording each element under its index.
   *
   * @param node
   *   The array's node.
   * @param depth
   *   Nesting depth of the array.
   */
  private array(node: PositionNode, depth: number): void {
    const {text} = this
    this.index++
    this.skipSpace()
    if (text.charAt(this.index) === ']') {
      this.index++
      return
    }

    let count = 0
    while (true) {
      this.value(node, count++, undefined, depth + 1)
      this.skipSpace()
      const next = text.charAt(this.index)
      if (next === ']') {
        this.index++
        return
      }

      if (next !== ',') {
        throw this.unexpected('element', '`,` or `]`', 'Separate elements with commas and close the array with `]`.')
      }

      this.index++
      this.skipSpace()
    }
  }

  /**
   * Read a string (index on its `"`), returning its decoded text.
   */
  private string(): string {
    const {text} = this
    let result = ''
    let index = this.index + 1
    while (true) {
      if (index >= text.length) {
        this.index = index
        throw this.endOfInput('`"` to close the string')
      }

      const char = text.charAt(index)
      if (char === '"') break
      if (char.charCodeAt(0) < 0x20) {
        throw new JsonSyntaxError(
          index,
          char === '\n' || char === '\r'
            ? 'Unexpected line break in a string, expected `"` to close it'
            : `Unexpected control character U+${hex4(char.charCodeAt(0))} in a string, expected it escaped`,
          'JSON strings stay on one line: write a line break as `\\n` and a tab as `\\t`.',
          `invalid character ${goQuote(text, index)} in string literal`
        )
      }

      if (char === '\\') {
        const escape = text.charAt(index + 1)
        if (escape === 'u') {
          const digits = text.slice(index + 2, index + 6)
          const bad = [...digits].findIndex((digit) => !/[\da-fA-F]/.test(digit))
          if (digits.length < 4 || bad !== -1) {
            const at = bad === -1 ? index + 2 + digits.length : index + 2 + bad
            if (at >= text.length) {
              this.index = at
              throw this.endOfInput('four hexadecimal digits after `\\u`')
            }

            throw new JsonSyntaxError(
              at,
              `Unexpected ${describeAt(text, at)} in a \`\\u\` escape, expected four hexadecimal digits`,
              'Write a character code as `\\u` and four hexadecimal digits, e.g. `\\u00e9`.',
              `invalid character ${goQuote(text, at)} in \\u hexadecimal character escape`
            )
          }

          result += String.fromCharCode(Number.parseInt(digits, 16))
          index += 6
          continue
        }

        const decoded = jsonEscapes[escape]
        if (decoded === undefined) {
          if (index + 1 >= text.length) {
            this.index = index + 1
            throw this.endOfInput('an escape sequence after `\\`')
          }

          throw new JsonSyntaxError(
            index,
            `Unexpected escape ${code('\\' + escape)}, expected one of \`\\"\`, \`\\\\\`, \`\\/\`, \`\\b\`, \`\\f\`, \`\\n\`, \`\\r\`, \`\\t\` or \`\\uXXXX\``,
            'Write a backslash as `\\\\`.',
            `invalid character ${goQuote(text, index + 1)} in string escape code`
          )
        }

        result += decoded
        index += 2
        continue
      }

      result += char
      index++
    }

    this.index = index + 1
    return result
  }

  /** Read a number, as Go's scanner does (a leading `0` ends the integer part). */
  private number(): void {
    const {text} = this
    if (text.charAt(this.index) === '-') this.index++
    if (text.charAt(this.index) === '0') {
      this.index++
    } else if (isDigit(text.charAt(this.index))) {
      while (isDigit(text.charAt(this.index))) this.index++
    } else {
      throw this.inNumber('in numeric literal', 'a digit after `-`')
    }

    if (text.charAt(this.index) === '.') {
      this.index++
      if (!isDigit(text.charAt(this.index))) {
        throw this.inNumber('after decimal point in numeric literal', 'a digit after the decimal point')
      }

      while (isDigit(text.charAt(this.index))) this.index++
    }

    if (text.charAt(this.index) === 'e' || text.charAt(this.index) === 'E') {
      this.index++
      if (text.charAt(this.index) === '+' || text.charAt(this.index) === '-') this.index++
      if (!isDigit(text.charAt(this.index))) {
        throw this.inNumber('in exponent of numeric literal', 'a digit in the exponent')
      }

      while (isDigit(text.charAt(this.index))) this.index++
    }
  }

  /** Read `true`, `false` or `null`. */
  private literal(): void {
    const {text} = this
    const word = text.charAt(this.index) === 't'
      ? 'true'
      : text.charAt(this.index) === 'f' ? 'false' : 'null'
    for (let at = 0; at < word.length; at++) {
      const index = this.index + at
      if (text.charAt(index) !== word.charAt(at)) {
        if (index >= text.length) {
          this.index = index
          throw this.endOfInput(`\`${word}\``)
        }

        // Point at the whole word (`tru`), not only at the first wrong letter.
        throw new JsonSyntaxError(
          this.index,
          `Unexpected ${describeAt(text, this.index)}, expected \`${word}\` or a quoted string`,
          'Put text in double quotes; `true`, `false` and `null` are the only bare words in JSON.',
          `invalid character ${goQuote(text, index)} in literal ${word} (expecting ${goQuoteChar(word.charAt(at))})`,
          wordEnd(text, this.index)
        )
      }
    }

    this.index += word.length
  }

  /** Skip JSON whitespace. */
  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text.charAt(this.index))) this.index++
  }

  /** The error for a character that cannot start a value. */
  private beginValue(): JsonSyntaxError {
    const {text, index} = this
    if (index >= text.length) return this.endOfInput('a value')
    const char = text.charAt(index)
    const hint = char === "'"
      ? 'JSON strings use double quotes: `"text"`.'
      : char === '/'
        ? 'JSON has no comments: remove them.'
        : 'Put text in double quotes, e.g. `"title": "My page"`.'
    return new JsonSyntaxError(
      index,
      `Unexpected ${describeAt(text, index)}, expected a value (a string, number, object, array, \`true\`, \`false\` or \`null\`)`,
      hint,
      `invalid character ${goQuote(text, index)} looking for beginning of value`
    )
  }

  /**
   * The error for something other than a key where a key must be.
   *
   * @param afterComma
   *   Whether a `}` follows a comma (a trailing comma).
   */
  private unexpectedKey(afterComma: boolean): JsonSyntaxError {
    const {text, index} = this
    if (index >= text.length) return this.endOfInput('a quoted key')
    const char = text.charAt(index)
    return new JsonSyntaxError(
      index,
      afterComma
        ? 'Unexpected `}` after a comma, expected another `"key": value`'
        : `Unexpected ${describeAt(text, index)}, expected a key in double quotes`,
      afterComma
        ? 'JSON does not allow a trailing comma: remove the last `,`.'
        : char === "'"
          ? 'JSON keys use double quotes: `"key"`.'
          : 'Write keys in double quotes: `"title": "My page"`.',
      `invalid character ${goQuote(text, index)} looking for beginning of object key string`
    )
  }

  /**
   * The error for an unexpected character after a complete value or key.
   *
   * @param context
   *   What was just read.
   * @param expected
   *   What should come instead.
   * @param hint
   *   What to do.
   */
  private unexpected(context: Context, expected: string, hint: string): JsonSyntaxError {
    const {text, index} = this
    if (index >= text.length) return this.endOfInput(expected)
    // A string right after a value is the usual sign of a missing comma.
    const missingComma =
      text.charAt(index) === '"' && (context === 'member' || context === 'element')
    return new JsonSyntaxError(
      index,
      `Unexpected ${describeAt(text, index)}, expected ${expected}`,
      missingComma ? 'A comma is missing before this value.' : hint,
      `invalid character ${goQuote(text, index)} ${goAfter[context]}`
    )
  }

  /**
   * The error for a bad character inside a number.
   *
   * @param goWhere
   *   Go's words for where in the number.
   * @param expected
   *   What should come.
   */
  private inNumber(goWhere: string, expected: string): JsonSyntaxError {
    const {text, index} = this
    if (index >= text.length) return this.endOfInput(expected)
    return new JsonSyntaxError(
      index,
      `Unexpected ${describeAt(text, index)} in a number, expected ${expected}`,
      'Write numbers as JSON does (`12`, `-1.5`, `2e3`), or quote the value.',
      `invalid character ${goQuote(text, index)} ${goWhere}`
    )
  }

  /**
   * The error for text that ends too early.
   *
   * @param expected
   *   What should come.
   */
  private endOfInput(expected: string): JsonSyntaxError {
    return new JsonSyntaxError(
      this.text.length,
      `Unexpected end of the front matter, expected ${expected}`,
      'Close every string, array and object.',
      'unexpected end of JSON input'
    )
  }
}

/** JSON's single-character escapes. */
const jsonEscapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
}

/**
 * Offset just past the bare word starting at `start` (at least one character).
 *
 * @param text
 *   The JSON text.
 * @param start
 *   Where the word starts.
 */
function wordEnd(text: string, start: number): number {
  let end = start + 1
  while (end < text.length && /\w/.test(text.charAt(end))) end++
  return end
}

/**
 * Check whether a character is an ASCII digit.
 *
 * @param char
 *   The character.
 */
function isDigit(char: string): boolean {
  return char >= '0' && char <= '9'
}

/**
 * Format a code unit as four hexadecimal digits.
 *
 * @param value
 *   The code unit.
 */
function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0')
}

/**
 * Quote the byte at an offset as Go's `encoding/json` does in its messages:
 * Go works on UTF-8 bytes, so a non-ASCII character shows as its first byte.
 *
 * @param text
 *   The JSON text.
 * @param index
 *   Offset of the character.
 */
function goQuote(text: string, index: number): string {
  const codePoint = text.codePointAt(index) ?? 0
  if (codePoint < 0x80) return goQuoteChar(String.fromCharCode(codePoint))
  const firstByte = new TextEncoder().encode(String.fromCodePoint(codePoint))[0] ?? 0
  return `'\\x${firstByte.toString(16).padStart(2, '0')}'`
}

/**
 * Quote an ASCII character as Go's `quoteChar` does.
 *
 * @param char
 *   The character.
 */
function goQuoteChar(char: string): string {
  if (char === "'") return "'\\''"
  if (char === '"') return `'"'`
  const named: Record<string, string> = {
    '\u0007': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\u000B': '\\v',
    '\\': '\\\\'
  }
  const value = char.charCodeAt(0)
  const shown = named[char] ??
    (value < 0x20 || value === 0x7f ? `\\x${value.toString(16).padStart(2, '0')}` : char)
  return `'${shown}'`
}
