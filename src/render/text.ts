/**
 * Text nodes: Goldmark's typographer (its replacements written as Hugo
 * writes them, named character references) and `hardWraps`.
 */
import type {ElementContent} from 'hast'
import type {Text} from 'mdast'
import {defaultHandlers, type State} from 'mdast-util-to-hast'
import type {DocumentScope} from './document.js'
import {alignToSource, codePointBefore, restOfLine} from './source-text.js'
import {mayTypograph, typograph, type QuoteCounter, type TypographerResult} from './typographer.js'

/**
 * Run the typographer over one text node, seeing the source around it as
 * Goldmark does (the character before it, the rest of its line).
 *
 * @param node
 *   A text node (or a node with a value and a position).
 * @param scope
 *   Its document.
 * @param counter
 *   Unclosed quotes of the document.
 * @param skip
 *   Characters at the start already used by the previous node's replacement.
 */
export function typographNode(node: {value: string; position?: Text['position']}, scope: DocumentScope, counter: QuoteCounter, skip = 0): TypographerResult {
  const value = node.value
  const source = scope.source
  const start = node.position?.start.offset
  const end = node.position?.end.offset

  if (source === undefined || start === undefined || end === undefined || end > source.length) {
    const before = (index: number): number => codePointBefore(value, index)
    return typograph({value, before, tail: '', counter, skip})
  }

  const tail = restOfLine(source, end)
  if (source.slice(start, end) === value) {
    return typograph({value, before: (index) => codePointBefore(source, start + index), tail, counter, skip})
  }

  const offsets = alignToSource(value, source, start, end)
  return typograph({
    value,
    before: (index) => (offsets[index]! >= 0 ? codePointBefore(source, offsets[index]!) : codePointBefore(value, index)),
    literal: (index) => offsets[index]! >= 0,
    lineAt: (index) => restOfLine(source, offsets[index]!),
    tail,
    counter,
    skip
  })
}

/**
 * hast for a text node.
 *
 * @param state
 *   The hast state.
 * @param node
 *   The text node.
 * @param scope
 *   Its document.
 */
export function renderText(state: State, node: {value: string; position?: Text['position']}, scope: DocumentScope): ElementContent[] {
  const settings = scope.page.settings
  const start = node.position?.start.offset
  const skip = start !== undefined && scope.consumedUntil > start ? scope.consumedUntil - start : 0

  if (!settings.typographer || scope.verbatim > 0 || (skip === 0 && !mayTypograph(node.value))) {
    if (!settings.hardWraps) return [defaultHandlers.text(state, node as Text) as ElementContent]
    return plain(state, node.value, true)
  }

  const {pieces, overrun} = typographNode(node, scope, scope.quotes, skip)
  const end = node.position?.end.offset
  if (overrun > 0 && end !== undefined) scope.consumedUntil = end + overrun
  const result: ElementContent[] = []
  for (const piece of pieces) {
    if (typeof piece === 'string') result.push(...plain(state, piece, settings.hardWraps))
    else result.push({type: 'raw', value: piece.entity})
  }

  return result
}

function plain(state: State, value: string, hardWraps: boolean): ElementContent[] {
  const text = (part: string): ElementContent => defaultHandlers.text(state, {type: 'text', value: part}) as ElementContent
  if (!hardWraps || !/[\n\r]/.test(value)) return [text(value)]
  // Goldmark's hardWraps: every soft line break is a `<br>`.
  const result: ElementContent[] = []
  value.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index > 0) result.push({type: 'element', tagName: 'br', properties: {}, children: []}, {type: 'text', value: '\n'})
    const trimmed = index > 0 ? line.replace(/^[\t ]+/, '') : line
    if (trimmed !== '') result.push(text(trimmed))
  })
  return result
}
