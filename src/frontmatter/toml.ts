/**
 * Read TOML front matter with `smol-toml`, keeping a position for every
 * value (found by {@link locateToml}).
 *
 * Dates: `smol-toml` gives `TomlDate` objects, whose `toISOString()` rewrites
 * them (`2023-09-07T16:04:48+02:00` becomes `2023-09-07T16:04:48.000+02:00`,
 * a space separator becomes `T`). To match YAML under the core schema, where
 * dates stay strings as written, a date becomes its source text; only when
 * the text cannot be found does `toISOString()` serve as a fallback.
 */

import {TomlDate, TomlError, parse} from 'smol-toml'
import {diagnostic, type Diagnostic} from '../hugo/diagnostic.js'
import {tomlRuleId} from './rules.js'
import {lookup, type PositionNode} from './positions.js'
import {setOwn} from './plain.js'
import {describeAt, offsetOfLineColumn} from './text.js'
import {locateToml} from './toml-locator.js'
import type {FormatResult, KeyPath} from './types.js'

/**
 * Deepest nesting of arrays and inline tables accepted; front matter needs a
 * handful of levels, and a low cap keeps recursion cheap on hostile input.
 */
const maxDepth = 100

/** What a date looks like at the start of its source text. */
const dateLike = /^(?:\d{4}-\d{2}-\d{2}|\d{2}:\d{2})/

/**
 * Parse the text of a TOML front matter block.
 *
 * @param text
 *   The text between the `+++` lines.
 * @param offset
 *   Offset of `text` in the whole file; every position is shifted by it.
 * @returns
 *   The value (`undefined` on a syntax error), diagnostics and a locator.
 */
export function parseTomlFrontMatter(text: string, offset: number): FormatResult {
  let table: unknown
  try {
    // `asNeeded`: integers beyond 2^53 parse instead of failing; they become
    // (rounded) numbers below, as they would in YAML or JSON.
    table = parse(text, {integersAsBigInt: 'asNeeded', maxDepth})
  } catch (error) {
    return {
      value: undefined,
      diagnostics: [syntaxDiagnostic(error, text, offset)],
      locate: () => undefined
    }
  }

  let root: PositionNode | undefined
  try {
    root = locateToml(text, offset)
  } catch {
    // Positions are a bonus on text the parser accepted: without them the
    // data is still right, values just cannot be pointed at.
    root = undefined
  }

  const sourceOf = (path: KeyPath): string | undefined => {
    const found = lookup(root, path)
    return found && text.slice(found.start - offset, found.end - offset)
  }

  return {
    value: toPlain(table, [], sourceOf),
    diagnostics: [],
    locate: (path) => lookup(root, path)
  }
}

/**
 * Turn what `smol-toml` threw into a diagnostic at the exact offset.
 *
 * `TomlError` has a 1-based line and column relative to the TOML text (it
 * splits lines on `\r?\n`, so columns count UTF-16 units from the line start).
 *
 * @param error
 *   What the parser threw.
 * @param text
 *   The TOML text.
 * @param offset
 *   Offset of the text in the whole file.
 */
function syntaxDiagnostic(
  error: unknown,
  text: string,
  offset: number
): Diagnostic {
  if (!(error instanceof TomlError)) {
    return diagnostic({
      ruleId: tomlRuleId,
      severity: 'error',
      reason: 'Unexpected failure while reading the TOML, expected valid TOML',
      hint: `The TOML parser says: ${(error instanceof Error ? error.message : String(error)).replace(/\.+$/, '')}.`,
      start: offset
    })
  }

  const index = offsetOfLineColumn(text, error.line, error.column)
  // The message is "Invalid TOML document: <what>" followed by a code frame.
  const message = (error.message.split('\n')[0] ?? '')
    .replace(/^Invalid TOML document: /, '')
  const {reason, hint} = explain(message, text, index)
  return diagnostic({ruleId: tomlRuleId, severity: 'error', reason, hint, start: offset + index})
}

/**
 * Word a `smol-toml` message as "Unexpected X, expected Y" with a hint.
 *
 * @param message
 *   The parser's message, without its prefix and code frame.
 * @param text
 *   The TOML text.
 * @param index
 *   Where the parser stopped, in `text`.
 */
function explain(
  message: string,
  text: string,
  index: number
): {reason: string; hint: string} {
  const at = describeAt(text, index)
  const char = text.charAt(index)

  if (message === 'invalid value') {
    return {
      reason: `Unexpected ${at}, expected a value: a quoted string, number, boolean, date, array or inline table`,
      hint: 'Put text in double quotes, e.g. `title = "My page"`.'
    }
  }

  if (/redefine/.test(message)) {
    return {
      reason: `Unexpected second definition of ${at}, expected each key and table once`,
      hint: 'TOML refuses a key or table written twice, and so does Hugo: remove or rename one of them.'
    }
  }

  if (message === 'unfinished string') {
    return {
      reason: `Unexpected string without its closing quote, expected \`${char === "'" ? "'" : '"'}\` to end it`,
      hint: 'Close the string on the same line, or use `"""` for text over several lines.'
    }
  }

  if (/control characters are not allowed in strings/.test(message) && (char === '\n' || char === '\r')) {
    return {
      reason: 'Unexpected line break in a string, expected a closing quote',
      hint: 'Close the string on the same line, or use `"""` for text over several lines.'
    }
  }

  if (/followed by an end-of-line/.test(message)) {
    return {
      reason: `Unexpected ${at} after the value, expected a line break`,
      hint: 'Write one `key = value` per line, and quote text that holds spaces.'
    }
  }

  if (/comma or end of structure/.test(message)) {
    return {
      reason: `Unexpected ${at}, expected \`,\` or the closing \`]\` or \`}\``,
      hint: 'Close the array with `]` or the inline table with `}`, and separate items with commas.'
    }
  }

  if (message === 'invalid date' || /^invalid date-time/.test(message)) {
    return {
      reason: `Unexpected ${at}, expected a valid date such as \`2023-09-07T16:04:48+02:00\``,
      hint: 'Check the month, day and time; quote the value if it is not meant as a date.'
    }
  }

  if (/key/.test(message)) {
    if (char === ':') {
      return {
        reason: 'Unexpected `:` after a key, expected `=`',
        hint: 'TOML writes `key = value`; `key: value` is YAML, which goes between `---` lines.'
      }
    }

    if (char === '\n' || char === '\r' || index >= text.length) {
      return {
        reason: `Unexpected ${at} in a key, expected \`=\` or the closing \`]\` of a table header`,
        hint: 'A key is followed by `= value`; a table header is closed with `]` on the same line.'
      }
    }

    return {
      reason: `Unexpected ${at} in a key, expected letters, digits, \`_\`, \`-\` or a quoted key`,
      hint: 'Quote keys that hold other characters, e.g. `"my key" = 1`.'
    }
  }

  if (/nested/.test(message)) {
    return {
      reason: `Unexpected nesting deeper than ${maxDepth} levels, expected a flatter structure`,
      hint: 'Front matter does not need such depth: flatten the data.'
    }
  }

  return {
    reason: `Unexpected ${at}, expected valid TOML`,
    hint: `The TOML parser says: ${message.replace(/\.+$/, '')}.`
  }
}

/**
 * Copy parsed TOML into plain JSON-compatible data: dates become their source
 * text, big integers numbers, null-prototype tables plain objects.
 *
 * @param value
 *   A value from `smol-toml`.
 * @param path
 *   Its key path.
 * @param sourceOf
 *   Source text of the value at a path, when positions are known.
 */
function toPlain(
  value: unknown,
  path: Array<string | number>,
  sourceOf: (path: KeyPath) => string | undefined
): unknown {
  if (value instanceof TomlDate || value instanceof Date) {
    const source = sourceOf(path)
    return source !== undefined && dateLike.test(source)
      ? source
      : value.toISOString()
  }

  if (typeof value === 'bigint') return Number(value)

  if (Array.isArray(value)) {
    return value.map((item: unknown, index) =>
      toPlain(item, [...path, index], sourceOf)
    )
  }

  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      setOwn(result, key, toPlain(item, [...path, key], sourceOf))
    }

    return result
  }

  return value
}
