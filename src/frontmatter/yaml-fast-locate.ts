/**
 * Positions in a plain YAML front matter block, from js-yaml's node events.
 *
 * Why: a page whose SLA has findings (a breach, a late notice) asks for the
 * positions of a few values, and building the `yaml` package's document for
 * that costs several times what the rest of the front matter costs. js-yaml
 * calls a listener when it opens and closes each node, with its offset in the
 * text; read again with that listener, the block gives every node's span.
 *
 * Only blocks the fast reader answers for come here (`./yaml-fast.ts`: no
 * anchors, aliases, tags, merge keys, explicit or collection keys). Where the
 * spans cannot say the answer for sure (a mapping whose keys do not line up
 * with its value, a value that is empty, a block collection that ends in an
 * empty item), the locator says so and the caller asks `yaml`'s document. A
 * property test checks every answer against that document's.
 */

import {CORE_SCHEMA, load} from 'js-yaml'
import {position} from './positions.js'
import type {KeyPath, ValuePosition} from './types.js'
import {toIndex} from './yaml-locate.js'

/** One node as js-yaml read it. */
interface Span {
  /** Offset where js-yaml began to look for the node (before its leading space). */
  open: number
  /** Offset where js-yaml stopped reading it. */
  close: number
  /** `'scalar'`, `'mapping'`, `'sequence'`, or `null` for a node with no content. */
  kind: string | null
  /** The node's value. */
  result: unknown
  /** Nodes read inside it, in order: for a mapping, each key then its value. */
  children: Span[]
}

/** A mapping entry: its key node and its value node (absent for `{a}` in a flow mapping). */
interface Entry {
  key: Span
  value: Span | undefined
}

/** The answer of {@link FastYamlLocator}: a position, none, or "ask `yaml`". */
export type FastLocation = ValuePosition | undefined | 'unsure'

/** Find where the value at a key path is written; see {@link fastYamlLocator}. */
export type FastYamlLocator = (path: KeyPath) => FastLocation

/**
 * Read a block's node spans with js-yaml and give a locator over them.
 *
 * @param text
 *   A block {@link import('./yaml-fast.js').fastYamlValue} answered for.
 * @param offset
 *   Offset of `text` in the whole file.
 * @returns
 *   A locator that answers with offsets in the whole file, or `'unsure'`.
 */
export function fastYamlLocator(text: string, offset: number): FastYamlLocator {
  // js-yaml drops a byte order mark, which would shift every offset by one.
  const root = text.charCodeAt(0) === 0xfe_ff ? undefined : readSpans(text)
  const entries = new Map<Span, Entry[] | undefined>()

  return (path) => {
    // The top mapping's extent is `yaml`'s own (it keeps trailing comment lines); rarely asked for.
    if (!root || path.length === 0) return 'unsure'
    let node = root
    let key: Span | undefined
    for (const segment of path) {
      if (node.kind === 'mapping') {
        if (!entries.has(node)) entries.set(node, pairUp(node, text))
        const pairs = entries.get(node)
        if (!pairs) return 'unsure'
        const name = String(segment)
        const entry = pairs.find((candidate) => String(candidate.key.result) === name)
        if (!entry) return undefined
        if (!entry.value) return 'unsure'
        key = entry.key
        node = entry.value
      } else if (node.kind === 'sequence') {
        if (node.children.length !== (node.result as unknown[]).length) return 'unsure'
        const index = toIndex(segment)
        if (index === undefined || index >= node.children.length) return undefined
        key = undefined
        node = node.children[index]!
      } else {
        return undefined
      }
    }

    const range = spanRange(node, text)
    if (!range) return 'unsure'
    const keyRange = key ? spanRange(key, text) : undefined
    if (key && !keyRange) return 'unsure'
    return position(
      offset + range.start,
      offset + range.end,
      keyRange ? {start: offset + keyRange.start, end: offset + keyRange.end} : undefined
    )
  }
}

/**
 * Load the text again with a listener that records every node's span.
 *
 * @param text
 *   The YAML text.
 * @returns
 *   The top node, or `undefined` when js-yaml gives none.
 */
function readSpans(text: string): Span | undefined {
  const open: Span[] = []
  let top: Span | undefined
  try {
    load(text, {
      schema: CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          open.push({open: state.position, close: state.position, kind: null, result: undefined, children: []})
          return
        }

        let span = open.pop()
        if (!span) return
        // js-yaml reads a copy of the text with a line break added at the end.
        span.close = Math.min(state.position, text.length)
        span.kind = state.kind
        span.result = state.result
        // A block node js-yaml reads through an inner call for the same content:
        // keep the inner one, whose children are the node's own.
        const only = span.children.length === 1 ? span.children[0] : undefined
        if (only && only.result === span.result && only.kind === span.kind) span = only
        const parent = open.at(-1)
        if (parent) parent.children.push(span)
        else top = span
      }
    })
  } catch {
    return undefined
  }

  return top
}

/**
 * Pair a mapping's child nodes into entries: a key followed by `:` has the
 * next node as its value (js-yaml opens one even for an empty value); a key
 * without (`{a}` in a flow mapping) has none.
 *
 * @param mapping
 *   A mapping node.
 * @param text
 *   The YAML text.
 * @returns
 *   The entries, or `undefined` when their keys are not the mapping's value's keys.
 */
function pairUp(mapping: Span, text: string): Entry[] | undefined {
  const pairs: Entry[] = []
  const children = mapping.children
  for (let index = 0; index < children.length; index++) {
    const key = children[index]!
    const range = spanRange(key, text)
    if (!range) return undefined
    let after = range.end
    while (text.charAt(after) === ' ' || text.charAt(after) === '\t') after++
    const value = text.charAt(after) === ':' ? children[++index] : undefined
    pairs.push({key, value})
  }

  // Compared as sets: an object lists integer-like keys first, whatever their order in the text.
  const value = mapping.result as Record<string, unknown>
  const names = new Set(pairs.map((pair) => String(pair.key.result)))
  if (names.size !== pairs.length || names.size !== Object.keys(value).length) return undefined
  for (const name of names) if (!Object.hasOwn(value, name)) return undefined
  return pairs
}

/**
 * The text a node is written as: from its first character to its last,
 * without the space, line breaks and comments js-yaml reads around it.
 *
 * @param span
 *   The node.
 * @param text
 *   The YAML text.
 * @returns
 *   Offsets in `text`, or `undefined` for an empty node or a block collection
 *   whose last item is empty.
 */
function spanRange(span: Span, text: string): {start: number; end: number} | undefined {
  if (span.kind === null) return undefined
  const start = skipSeparation(text, span.open)
  const first = text.charAt(start)

  if (span.kind === 'scalar' || first === '[' || first === '{') {
    // A scalar or flow collection ends where js-yaml stopped (a quote or bracket
    // just read), or at the space before what stopped a plain scalar (`#`, `,`, `:`, a line break).
    return {start, end: Math.max(start, trimEnd(text, span.close))}
  }

  // A block collection: js-yaml reads past the comments and blank lines that
  // follow it, so it ends where its last node ends, with the comment on that
  // node's line (as `yaml` counts it).
  // A sequence with an empty item has no node for it, and may end in it.
  if (span.kind === 'sequence' && span.children.length !== (span.result as unknown[]).length) return undefined
  const last = span.children.at(-1)
  const lastRange = last ? spanRange(last, text) : undefined
  if (!lastRange) return undefined
  const column = start - (text.lastIndexOf('\n', start - 1) + 1)
  let end = lastRange.end
  const lineEnd = endOfLine(text, end)
  if (/^[ \t]+#/.test(text.slice(end, lineEnd))) end = trimEnd(text, lineEnd)
  // `yaml` counts some comment lines indented deeper than the collection,
  // right after it, as its own, and some not (after a block scalar): ask it.
  const following = /^(?:[ \t]*\r?\n)*([ \t]*)#/.exec(text.slice(lineEnd + 1))
  if (following && following[1]!.length > column) return undefined
  return {start, end}
}

/** Offset of the line break that ends the line holding `from` (or the text's end). */
function endOfLine(text: string, from: number): number {
  const index = text.indexOf('\n', from)
  return index === -1 ? text.length : index
}

/** Move an end offset back over white space. */
function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--
  return end
}

/**
 * Skip the space, line breaks and comments before a node.
 *
 * @param text
 *   The YAML text.
 * @param from
 *   Offset to start at.
 */
function skipSeparation(text: string, from: number): number {
  let index = from
  while (index < text.length) {
    const char = text.charAt(index)
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') index++
    else if (char === '#') {
      while (index < text.length && text.charAt(index) !== '\n') index++
    } else break
  }

  return index
}
