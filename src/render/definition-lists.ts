/**
 * Goldmark's definition lists (`extensions.definitionList`, on in Hugo):
 *
 * ```markdown
 * Term
 * : Definition
 * ```
 *
 * micromark reads the `:` line as part of the paragraph; this module finds
 * such paragraphs (and a term paragraph followed, after a blank line, by
 * `: …` paragraphs) and plans them as one list: each line before the first
 * `:` line a term, each `:` line with its continuation lines a definition,
 * later paragraphs of terms and definitions joining the same list. A
 * definition after a blank line is loose (its text in a `<p>`).
 */
import type {Paragraph, RootContent} from 'mdast'
import {enterLine, slicePhrasing, startOf, endOf, breakBefore, type Frame} from './block-lines.js'
import {lineEndAt} from './source-text.js'

/** One term or definition. */
export interface DefinitionItem {
  kind: 'term' | 'definition'
  content: Paragraph
  /** A definition after a blank line: its text goes in a paragraph. */
  loose: boolean
}

/** A planned `<dl>`. */
export interface DefinitionList {
  items: DefinitionItem[]
}

interface Line {
  from: number
  to: number
  /** Where the definition's text starts, for a `:` line. */
  definition: number | undefined
}

/**
 * Find the definition lists among a container's children: the first
 * paragraph of each maps to the list, the others to `null` (they render
 * nothing).
 *
 * @param children
 *   The container's blocks.
 * @param source
 *   The text the positions point into.
 * @param frame
 *   The container, to read line prefixes.
 * @param lists
 *   Where to record the lists.
 */
export function planDefinitionLists(
  children: readonly RootContent[],
  source: string,
  frame: Frame,
  lists: Map<Paragraph, DefinitionList | null>
): void {
  let current: DefinitionList | undefined
  // The list that ended at the block before the last one (a term paragraph may continue it).
  let ended: {list: DefinitionList; at: number} | undefined

  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    const lines = child.type === 'paragraph' ? paragraphLines(child, source, frame) : undefined
    if (child.type !== 'paragraph' || !lines || !lines.some((line) => line.definition !== undefined)) {
      if (current) ended = {list: current, at: index - 1}
      current = undefined
      continue
    }

    if (lines[0]!.definition !== undefined && !current) {
      // `: …` after a blank line: the paragraph before holds the terms.
      const previous = children[index - 1]
      const terms = previous?.type === 'paragraph' && !lists.has(previous) ? paragraphLines(previous, source, frame) : undefined
      if (!previous || previous.type !== 'paragraph' || !terms || terms.some((line) => line.definition !== undefined)) continue
      // Right after a list, the terms join it (Goldmark appends to the list before them).
      if (ended && ended.at === index - 2) {
        current = ended.list
        lists.set(previous, null)
      } else {
        current = {items: []}
        lists.set(previous, current)
      }

      addItems(current, previous, terms, source, false)
    } else if (current) {
      lists.set(child, null)
    } else {
      current = {items: []}
      lists.set(child, current)
    }

    if (lists.get(child) === undefined) lists.set(child, null)
    addItems(current, child, lines, source, lines[0]!.definition !== undefined)
  }
}

/** The lines of a paragraph, with the text start of each `:` line. */
function paragraphLines(paragraph: Paragraph, source: string, frame: Frame): Line[] | undefined {
  const start = startOf(paragraph)
  const end = endOf(paragraph)
  if (start === undefined || end === undefined) return undefined
  const lines: Line[] = []
  let lineStart = start
  let content = start

  for (;;) {
    const lineEnd = Math.min(lineEndAt(source, lineStart), end)
    lines.push({from: lineStart, to: lineEnd, definition: definitionStart(source, content, lineEnd)})
    if (lineEnd >= end) break
    lineStart = lineEnd + (source.charCodeAt(lineEnd) === 13 && source.charCodeAt(lineEnd + 1) === 10 ? 2 : 1)
    const entered = enterLine(source, lineStart, frame)
    // A lazy line is never a definition (Goldmark would close the container first).
    content = 'content' in entered ? entered.content : -1
  }

  return lines
}

// `:` (after at most three spaces) and white space, then the definition's text.
function definitionStart(source: string, content: number, lineEnd: number): number | undefined {
  if (content < 0) return undefined
  let at = content
  while (at - content < 3 && source.charCodeAt(at) === 32) at++
  if (source.charCodeAt(at) !== 0x3a) return undefined
  const space = source.charCodeAt(at + 1)
  if (space !== 32 && space !== 9) return undefined
  at += 1
  while (at < lineEnd && (source.charCodeAt(at) === 32 || source.charCodeAt(at) === 9)) at++
  return at < lineEnd ? at : undefined
}

function addItems(list: DefinitionList, paragraph: Paragraph, lines: readonly Line[], source: string, loose: boolean): void {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (line.definition === undefined) {
      const term = slicePhrasing(paragraph, line.from, line.to, source)
      if (term) list.items.push({kind: 'term', content: term, loose: false})
      continue
    }

    // A definition runs on over the lines that follow until the next `:` line.
    let last = index
    while (last + 1 < lines.length && lines[last + 1]!.definition === undefined) last++
    const next = lines[last + 1]
    const to = next ? breakBefore(source, next.from) : lines[last]!.to
    const content = slicePhrasing(paragraph, line.definition, to, source)
    if (content) {
      const first = content.children[0]
      if (first?.type === 'text') content.children[0] = {...first, value: first.value.replace(/^[ \t]*:[ \t]+/, '')}
      list.items.push({kind: 'definition', content, loose: loose && index === 0})
    }

    index = last
  }
}
