/**
 * A link's destination and title as written in the source. Hugo 0.111 hands
 * render hooks Goldmark's raw bytes (`a\_b.md` keeps its backslash, `&amp;`
 * stays an entity), where mdast holds them decoded, so Doks' link hook needs
 * the source text back: read here from the link (`[text](dest "title")`) or
 * its definition (`[label]: dest "title"`) with CommonMark's rules.
 */

/**
 * Spans of the source (by start offset, to end offset) read as one opaque
 * word: shortcode calls, which Hugo replaced by a placeholder before
 * Goldmark ran, so their spaces and quotes never end a destination.
 */
export type OpaqueSpans = ReadonlyMap<number, number>

const none: OpaqueSpans = new Map()

/** A destination and title as written (title `''` when there is none). */
export interface RawLinkParts {
  destination: string
  title: string
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b

function skipSpace(text: string, index: number): number {
  while (index < text.length && isSpace(text.charCodeAt(index))) index++
  return index
}

/** The destination starting at `index`: `<…>` (without the brackets) or a run with balanced parentheses. */
function readDestination(text: string, start: number, opaque: OpaqueSpans): {value: string; end: number} | undefined {
  let index = start
  if (text.charCodeAt(index) === 0x3c) {
    for (index++; index < text.length; index++) {
      index = opaque.get(index) ?? index
      const code = text.charCodeAt(index)
      if (code === 0x5c) index++
      else if (code === 0x3e) return {value: text.slice(start + 1, index), end: index + 1}
      else if (code === 0x0a || code === 0x3c) return undefined
    }

    return undefined
  }

  let depth = 0
  for (; index < text.length; index++) {
    index = opaque.get(index) ?? index
    const code = text.charCodeAt(index)
    if (code === 0x5c && index + 1 < text.length) index++
    else if (code === 0x28) depth++
    else if (code === 0x29 && depth-- === 0) break
    else if (code <= 0x20 || code === 0x7f) break
  }

  return {value: text.slice(start, index), end: index}
}

/** A title starting at `index` (`"…"`, `'…'`, `(…)`), without its delimiters. */
function readTitle(text: string, start: number): {value: string; end: number} | undefined {
  const open = text.charAt(start)
  const close = open === '(' ? ')' : open
  if (open !== '"' && open !== "'" && open !== '(') return undefined
  for (let index = start + 1; index < text.length; index++) {
    const character = text.charAt(index)
    if (character === '\\') index++
    else if (character === close) return {value: text.slice(start + 1, index), end: index + 1}
  }

  return undefined
}

function readParts(text: string, start: number, opaque: OpaqueSpans): RawLinkParts | undefined {
  const destination = readDestination(text, skipSpace(text, start), opaque)
  if (!destination) return undefined
  const title = readTitle(text, skipSpace(text, destination.end))
  return {destination: destination.value, title: title?.value ?? ''}
}

/**
 * The parts of an inline link `[text](dest "title")` from its source.
 *
 * @param source
 *   The text the link's position points into.
 * @param labelEnd
 *   The offset of the `]` that ends the link text.
 * @param opaque
 *   Shortcode calls in the destination.
 * @returns
 *   The parts, or `undefined` when the source there is no inline link.
 */
export function inlineLinkParts(source: string, labelEnd: number, opaque: OpaqueSpans = none): RawLinkParts | undefined {
  if (source.charCodeAt(labelEnd) !== 0x5d || source.charCodeAt(labelEnd + 1) !== 0x28) return undefined
  return readParts(source, labelEnd + 2, opaque)
}

/**
 * The parts of a link definition `[label]: dest "title"` from its source.
 *
 * @param source
 *   The text the definition's position points into.
 * @param start
 *   The offset of its `[`.
 * @param opaque
 *   Shortcode calls in the destination.
 */
export function definitionParts(source: string, start: number, opaque: OpaqueSpans = none): RawLinkParts | undefined {
  if (source.charCodeAt(start) !== 0x5b) return undefined
  for (let index = start + 1; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code === 0x5c) index++
    else if (code === 0x5d) return source.charCodeAt(index + 1) === 0x3a ? readParts(source, index + 2, opaque) : undefined
  }

  return undefined
}
