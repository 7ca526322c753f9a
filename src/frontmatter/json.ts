/**
 * Read JSON front matter, keeping a position for every value.
 *
 * Why a scanner of our own rather than the `yaml` package (JSON is YAML flow
 * syntax): YAML accepts much that JSON does not — trailing commas, single
 * quotes, unquoted keys, comments — while Hugo decodes this block with Go's
 * strict `encoding/json`. So a small strict scanner finds both the positions
 * and the first syntax error, at its exact offset and with Go's own wording
 * in `hugo`; `JSON.parse` then builds the data, so values (numbers, escapes)
 * are exactly what JSON says.
 */

import {diagnostic} from '../hugo/diagnostic.js'
import {JsonScanner, JsonSyntaxError} from './json-scanner.js'
import {lookup, type PositionNode} from './positions.js'
import {jsonRuleId} from './rules.js'
import type {FormatResult} from './types.js'

/** Hugo's prefix of JSON front matter errors. */
const hugoPrefix = 'unmarshal failed: '

/**
 * Parse the text of a JSON front matter block.
 *
 * @param text
 *   The whole JSON object, braces included.
 * @param offset
 *   Offset of `text` in the whole file; every position is shifted by it.
 * @returns
 *   The value (`undefined` on a syntax error), diagnostics and a locator.
 */
export function parseJsonFrontMatter(text: string, offset: number): FormatResult {
  const scanner = new JsonScanner(text, offset)
  let root: PositionNode
  try {
    root = scanner.run()
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    const index = Math.min(error.index, text.length)
    const end = Math.min(Math.max(error.end ?? index + 1, index), text.length)
    return {
      value: undefined,
      diagnostics: [
        diagnostic({
          ruleId: jsonRuleId,
          severity: 'error',
          reason: error.reason,
          hint: error.hint,
          start: offset + index,
          end: offset + end,
          ...(error.go ? {hugo: hugoPrefix + error.go} : {})
        })
      ],
      locate: () => undefined
    }
  }

  return {
    value: JSON.parse(text) as unknown,
    diagnostics: scanner.diagnostics,
    locate: (path) => lookup(root, path)
  }
}
