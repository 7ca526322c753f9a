/**
 * A cheap necessary condition in front of micromark-extension-gfm-table's
 * construct.
 *
 * Why: the table construct is tried at the start of every flow line of a
 * text that may hold a table, and each try tokenizes the whole line as a
 * head row before it looks at the next line for the delimiter row. A table
 * starts only where the next line is a delimiter row, a line made of `|`,
 * `:`, `-`, spaces and tabs with at least one `-`, behind the prefixes of
 * the containers it sits in (`>`, indentation). Where the next line is not
 * shaped like that, the try can only fail, and a failed try leaves no trace,
 * so refusing it at once gives the same tree. Body rows (a line after a
 * table's head or row) are never refused.
 *
 * The guard reads the text being parsed, which micromark's tokenize context
 * does not expose: {@link withGuardedSource} sets it around one synchronous
 * parse (parses do not nest).
 */

import type {Construct, Event, Tokenizer} from 'micromark-util-types'

let source: string | undefined

/** A delimiter row after any container prefix: only `|`, `:`, `-`, spaces and tabs, with a `-`. */
const delimiterRowShape = /^[ \t>]*[|: \t-]*-[|: \t-]*$/

/**
 * Run a parse of `text` with the table guard reading it.
 *
 * @param text
 *   The Markdown about to be parsed.
 * @param parse
 *   The synchronous parse.
 * @returns
 *   What `parse` returns.
 */
export function withGuardedSource<Result>(text: string, parse: () => Result): Result {
  const previous = source
  source = text
  try {
    return parse()
  } finally {
    source = previous
  }
}

/**
 * Whether the line after the one holding `offset` could be a delimiter row.
 *
 * @param text
 *   The whole text.
 * @param offset
 *   A place on the candidate head row.
 */
export function nextLineMayBeDelimiterRow(text: string, offset: number): boolean {
  let end = offset
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++
  if (end >= text.length) return false
  // `\r\n` is one line ending.
  const start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
  let next = start
  while (next < text.length && text.charCodeAt(next) !== 10 && text.charCodeAt(next) !== 13) next++
  return delimiterRowShape.test(text.slice(start, next))
}

/** Whether the last event before this point (line endings and prefixes aside) closes a table's head or row. */
function continuesTable(events: readonly Event[]): boolean {
  let index = events.length - 1
  while (index > -1) {
    const type: string = events[index][1].type
    if (type !== 'lineEnding' && type !== 'linePrefix') return type === 'tableHead' || type === 'tableRow'
    index--
  }

  return false
}

/**
 * The table construct behind the guard.
 *
 * @param table
 *   micromark-extension-gfm-table's construct.
 */
export function guardedTable(table: Construct): Construct {
  const tokenize = table.tokenize
  const guarded: Tokenizer = function (effects, ok, nok) {
    return (code) => {
      if (source !== undefined && !continuesTable(this.events) && !nextLineMayBeDelimiterRow(source, this.now().offset)) return nok(code)
      return tokenize.call(this, effects, ok, nok)(code)
    }
  }

  return {...table, tokenize: guarded}
}
