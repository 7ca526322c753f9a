import {
  formatRune,
  isAlphaNumeric,
  isAlphaNumericOrHyphen,
  isEndOfLine,
  isSpace,
  isUnicodeSpace
} from './chars.js'
import type {GoType, Notation, ParamQuote, ParamValue, ShortcodeParam, ShortcodeTag} from './types.js'

/** What the lexer remembers between tags of one page, as Hugo's lexer does. */
export interface PageLexerState {
  /** Every name seen so far on the page; Hugo never removes one. */
  seenNames: Set<string>
  /** Whether any name has been seen on the page (Hugo's `currShortcodeName`). */
  anyName: boolean
}

/** A lexer error inside a tag, with Hugo's wording. */
export interface TagError {
  /** Hugo's message. */
  message: string
  /** Which error it is, for our own wording and rule id. */
  code: TagErrorCode
  /** Offset where the lexer stopped. */
  at: number
  /** What was lexed before the error, for recovery. */
  partial: ShortcodeTag | undefined
}

/** The lexer errors of Hugo's `pagelexer_shortcode.go`. */
export type TagErrorCode =
  | 'unclosed-action'
  | 'unclosed-close'
  | 'none-open'
  | 'close-mismatch'
  | 'mixed-named'
  | 'mixed-positional'
  | 'mixed-quoted'
  | 'bad-character'
  | 'unterminated-quoted'
  | 'unterminated-raw'
  | 'bad-escape'
  | 'period-in-name'
  | 'no-name'

/** The result of lexing one tag. */
export type TagResult = {tag: ShortcodeTag; error?: undefined} | {tag?: undefined; error: TagError}

interface RawItem {
  type: 'name' | 'param' | 'value' | 'close'
  start: number
  end: number
  /** Decoded text (quotes and dropped backslashes removed). */
  text: string
  quote: ParamQuote
}

/**
 * Lex one shortcode tag that starts at `start` (at `{{<` or `{{%`, not a
 * comment), following the states of Hugo's `lexInsideShortcode` one for one,
 * so every accepted tag and every error is Hugo's.
 *
 * @param source
 *   The whole file.
 * @param start
 *   Offset of `{{`.
 * @param state
 *   The page-wide lexer state; updated.
 */
export function lexTag(source: string, start: number, state: PageLexerState): TagResult {
  const notation: Notation = source.charAt(start + 2) === '%' ? '%' : '<'
  const right = notation === '<' ? '>}}' : '%}}'
  const items: RawItem[] = []
  let pos = start + 3
  // Hugo's `l.start`: where the current item began.
  let itemStart = pos
  let elementStepNum = 0
  let paramElements = 0
  let closingState = 0
  let isInline = false

  const fail = (code: TagErrorCode, message: string, at = pos): TagResult => ({
    error: {code, message, at, partial: build(items, start, at, notation, false)}
  })

  const charAt = (at: number): string => {
    const code = source.codePointAt(at)
    return code === undefined ? '' : String.fromCodePoint(code)
  }

  while (true) {
    if (source.startsWith(right, pos)) {
      const tag = build(items, start, pos + 3, notation, true)
      if (!tag) return fail('no-name', 'shortcode has no name', start)
      return {tag}
    }

    if (pos >= source.length) {
      return fail('unclosed-action', 'unclosed shortcode action')
    }

    const char = charAt(pos)
    pos += char.length

    if (isSpace(char) || isEndOfLine(char)) {
      itemStart = pos
      continue
    }

    if (char === '=') {
      while (pos < source.length && isUnicodeSpace(charAt(pos))) pos += charAt(pos).length
      itemStart = pos
      const peek = charAt(pos)

      if (peek === '"' || peek === '\\') {
        const result = quoted(peek !== '\\', 'value')
        if (result) return result
      } else if (peek === '`') {
        const result = raw('value')
        if (result) return result
      } else {
        while (pos < source.length && !isUnicodeSpace(charAt(pos))) pos += charAt(pos).length
        items.push({type: 'value', start: itemStart, end: pos, text: source.slice(itemStart, pos), quote: 'none'})
        itemStart = pos
      }

      continue
    }

    if (char === '/') {
      if (!state.anyName) {
        return fail('none-open', 'got closing shortcode, but none is open', pos - 1)
      }

      closingState++
      isInline = false
      items.push({type: 'close', start: pos - 1, end: pos, text: '/', quote: 'none'})
      itemStart = pos
      continue
    }

    if (char === '\\') {
      itemStart = pos
      const peek = charAt(pos)
      if (peek === '"' || peek === '`') {
        const result = param(true)
        if (result) return result
      }

      continue
    }

    if (elementStepNum > 0 && (isAlphaNumericOrHyphen(char) || char === '"' || char === '`')) {
      pos -= char.length
      itemStart = pos
      const result = param(false)
      if (result) return result
      continue
    }

    if (isAlphaNumeric(char)) {
      pos -= char.length
      itemStart = pos
      const result = identifier()
      if (result) return result
      continue
    }

    return fail(
      'bad-character',
      `unrecognized character in shortcode action: ${formatRune(char)}. Note: Parameters with non-alphanumeric args must be quoted`,
      pos - char.length
    )
  }

  // Hugo's `lexIdentifierInShortcode` (and `lexEndOfShortcode` after a closing name).
  function identifier(): TagResult | undefined {
    while (true) {
      const char = charAt(pos)

      if (char !== '' && (isAlphaNumericOrHyphen(char) || char === '/')) {
        pos += char.length
        continue
      }

      if (char === '.') {
        pos++
        // Hugo accepts the period only as `.inline` followed by a space.
        isInline = source.startsWith('inline ', pos)
        if (!isInline) {
          // Point at the period itself, not at the character after it.
          return fail('period-in-name', 'period in shortcode name only allowed for inline identifiers', pos - 1)
        }

        continue
      }

      break
    }

    const word = source.slice(itemStart, pos)
    let lookForEnd = false

    if (closingState > 0 && !state.seenNames.has(word)) {
      return fail('close-mismatch', `closing tag for shortcode '${word}' does not match start tag`, itemStart)
    }

    if (closingState > 0) lookForEnd = true

    closingState = 0
    state.anyName = true
    state.seenNames.add(word)
    elementStepNum++
    items.push({type: 'name', start: itemStart, end: pos, text: word, quote: 'none'})
    itemStart = pos

    if (!lookForEnd) return undefined

    // After a closing name only spaces and tabs may come before the delimiter.
    while (true) {
      isInline = false
      if (source.startsWith(right, pos)) return undefined
      const char = charAt(pos)
      if (isSpace(char)) {
        pos++
        itemStart = pos
        continue
      }

      return fail('unclosed-close', 'unclosed shortcode')
    }
  }

  // Hugo's `lexShortcodeParam`.
  function param(escapedQuoteStart: boolean): TagResult | undefined {
    let first = true
    let nextEq = false

    while (true) {
      const char = charAt(pos)
      pos += char.length

      if (first) {
        if (char === '"' || (char === '`' && !escapedQuoteStart)) {
          if (paramElements === 2) {
            return fail(
              'mixed-quoted',
              'got quoted positional parameter. Cannot mix named and positional parameters',
              itemStart
            )
          }

          paramElements = 1
          pos -= char.length
          return char === '"' ? quoted(!escapedQuoteStart, 'param') : raw('param')
        }

        if (char === '`' && escapedQuoteStart) {
          // `itemStart` is just past the backslash; the escape starts at the backslash,
          // as it does for the same error inside a quoted value.
          return fail('bad-escape', 'unrecognized escape character', itemStart - 1)
        }

        first = false
      } else if (char === '=') {
        pos -= char.length
        nextEq = true
        break
      }

      if (char === '' || (!isAlphaNumericOrHyphen(char) && char !== '.')) {
        pos -= char.length
        break
      }
    }

    const current = source.slice(itemStart, pos)

    if (paramElements === 0) {
      paramElements = nextEq ? 2 : 1
    } else if (nextEq && paramElements === 1) {
      return fail(
        'mixed-named',
        `got named parameter '${current}'. Cannot mix named and positional parameters`,
        itemStart
      )
    } else if (!nextEq && paramElements === 2) {
      return fail(
        'mixed-positional',
        `got positional parameter '${current}'. Cannot mix named and positional parameters`,
        itemStart
      )
    }

    items.push({type: 'param', start: itemStart, end: pos, text: current, quote: 'none'})
    itemStart = pos
    return undefined
  }

  // Hugo's `lexShortcodeQuotedParamVal`.
  function quoted(escapedQuotedValuesAllowed: boolean, type: 'param' | 'value'): TagResult | undefined {
    const itemBegin = itemStart
    let openQuoteFound = false
    let escapedInnerQuoteFound = false
    let escapedQuoteState = 0

    while (true) {
      const char = charAt(pos)
      pos += char.length

      if (char === '\\') {
        const peek = charAt(pos)
        if (peek === '"') {
          if (openQuoteFound && !escapedQuotedValuesAllowed) {
            pos -= 1
            break
          }

          if (openQuoteFound) {
            escapedInnerQuoteFound = true
            escapedQuoteState = 1
          }
        } else if (peek === '`') {
          return fail('bad-escape', 'unrecognized escape character', pos - 1)
        }
      } else if (char === '' || char === '\n') {
        return fail(
          'unterminated-quoted',
          `unterminated quoted string in shortcode parameter-argument: '${source.slice(itemStart, pos)}'`,
          itemBegin
        )
      } else if (char === '"') {
        if (escapedQuoteState === 0) {
          if (openQuoteFound) {
            pos -= 1
            break
          }

          openQuoteFound = true
          itemStart = pos
        } else {
          escapedQuoteState = 0
        }
      }
    }

    const text = source.slice(itemStart, pos)
    items.push({
      type,
      start: itemBegin,
      end: pos,
      // With one escaped quote inside, Hugo drops every backslash of the value.
      text: escapedInnerQuoteFound ? text.replaceAll('\\', '') : text,
      quote: 'double'
    })

    const char = charAt(pos)
    if (char === '\\') {
      if (charAt(pos + 1) === '"') pos += 2
    } else if (char === '"') {
      pos++
    }

    items[items.length - 1]!.end = pos
    itemStart = pos
    return undefined
  }

  // Hugo's `lexShortCodeParamRawStringVal`.
  function raw(type: 'param' | 'value'): TagResult | undefined {
    const itemBegin = itemStart
    let openBacktickFound = false

    while (true) {
      const char = charAt(pos)
      pos += char.length

      if (char === '`') {
        if (openBacktickFound) {
          pos--
          break
        }

        openBacktickFound = true
        itemStart = pos
      } else if (char === '') {
        return fail(
          'unterminated-raw',
          `unterminated raw string in shortcode parameter-argument: '${source.slice(itemStart, pos)}'`,
          itemBegin
        )
      }
    }

    items.push({type, start: itemBegin, end: pos + 1, text: source.slice(itemStart, pos), quote: 'raw'})
    pos++
    itemStart = pos
    return undefined
  }
}

/**
 * Turn Hugo's item stream into a tag, as `extractShortcode` reads it: a
 * param followed by a value is named, a param alone is positional, a `/`
 * before the name makes a closing tag and a `/` after it a self-closing one.
 */
function build(
  items: RawItem[],
  start: number,
  end: number,
  notation: Notation,
  complete: boolean
): ShortcodeTag | undefined {
  let index = 0
  let kind: ShortcodeTag['kind'] = 'open'

  if (items[0]?.type === 'close') {
    kind = 'close'
    index++
  }

  const nameItem = items[index]

  // `{{< / >}}` once a name has been seen: Hugo takes it as a closing tag
  // for whatever shortcode is innermost.
  if (kind === 'close' && nameItem === undefined && complete) {
    return {kind, notation, name: '', nameStart: items[0]!.end, params: [], selfClosing: false, start, end}
  }

  if (!nameItem || nameItem.type !== 'name') return undefined
  index++

  const params: ShortcodeParam[] = []
  let named: boolean | undefined
  let selfClosing = false
  let afterSlash: string | undefined

  while (index < items.length) {
    const item = items[index]!
    index++

    if (item.type === 'close') {
      selfClosing = true
      continue
    }

    // After a self-closing `/`, Hugo 0.111 reads the next token as a closing
    // name (and names it in its error); it never becomes a parameter.
    if (selfClosing) {
      afterSlash ??= item.text
      continue
    }

    if (item.type === 'param') {
      const next = items[index]
      if (next?.type === 'value') {
        index++
        named ??= true
        params.push({
          name: item.text,
          value: typed(next.text, next.quote),
          goType: goTypeOf(next.text, next.quote),
          text: next.text,
          quote: next.quote,
          start: item.start,
          end: next.end,
          valueStart: next.start
        })
      } else {
        named ??= false
        params.push({
          value: typed(item.text, item.quote),
          goType: goTypeOf(item.text, item.quote),
          text: item.text,
          quote: item.quote,
          start: item.start,
          end: item.end,
          valueStart: item.start
        })
      }
    }
  }

  const tag: ShortcodeTag = {
    kind,
    notation,
    name: nameItem.text,
    nameStart: nameItem.start,
    params,
    selfClosing,
    start,
    end
  }
  if (named !== undefined) tag.named = named
  if (afterSlash !== undefined) tag.afterSlash = afterSlash
  return tag
}

/**
 * The Go type Hugo's `Item.ValTyped` gives a parameter value: quoted and raw
 * values are strings; unquoted `true`/`false` are `bool`, integers that fit
 * 64 bits are `int`, decimals `float64`, anything else a `string`.
 *
 * @param text
 *   The value as lexed (quotes removed).
 * @param quote
 *   How it was written.
 */
export function goTypeOf(text: string, quote: ParamQuote): GoType {
  if (quote !== 'none') return 'string'
  if (text === 'true' || text === 'false') return 'bool'
  if (/^[-+]?\d+$/.test(text)) {
    // Go's Atoi fails on 64-bit overflow and Hugo then keeps the string.
    const big = BigInt(text)
    return big >= -(2n ** 63n) && big < 2n ** 63n ? 'int' : 'string'
  }

  if (/^[-+]?\d*\.\d+$/.test(text)) return 'float64'
  return 'string'
}

/**
 * Type a parameter value as Hugo does (see {@link goTypeOf}), as a JSON-safe
 * JavaScript value: an `int` beyond 2^53 stays a string of its digits, so no
 * digit is lost; its `goType` still says `int`.
 *
 * @param text
 *   The value as lexed (quotes removed).
 * @param quote
 *   How it was written.
 */
export function typed(text: string, quote: ParamQuote): ParamValue {
  switch (goTypeOf(text, quote)) {
    case 'bool':
      return text === 'true'
    case 'int': {
      // `+ 0` turns `-0` into `0`: a Go int has no negative zero (a float64 does).
      const value = Number.parseInt(text, 10) + 0
      return Number.isSafeInteger(value) ? value : text
    }

    case 'float64':
      return Number.parseFloat(text)
    default:
      return text
  }
}
