/**
 * Goldmark's attributes on an mdast tree: `## Heading {#id .class}`
 * (`parser.attribute.title`) and a `{…}` line after a block
 * (`parser.attribute.block`, which Doks turns on). The parser leaves both as
 * text; this module reads them from the source and plans how each block
 * renders, without changing the tree.
 *
 * Hugo's rules (0.111), as its attribute extension applies them: a `{…}`
 * line interrupts a paragraph and gives its attributes to the block just
 * before it, unless a blank line separates them or that block is fenced
 * code; a line that is only lazily inside a list item or blockquote closes
 * it, so the list or blockquote gets them; the rest of such a line is
 * dropped; a block keeps attributes it already has.
 */
import type {Heading, Nodes, Paragraph, PhrasingContent, RootContent, Table, TableRow} from 'mdast'
import {parseAttributes, trailingAttributes, type ParsedAttribute} from './attribute-syntax.js'
import {afterBreak, blankBetween, breakBefore, endOf, enterLine, slicePhrasing, startOf, type Frame} from './block-lines.js'
import {lineEndAt} from './source-text.js'

/** How one heading renders. */
export interface HeadingPlan {
  /** The heading's content without its attribute block. */
  children: PhrasingContent[]
  /** Attributes written on the heading line, in order. */
  attributes: ParsedAttribute[]
  /**
   * Where the raw source of the heading's last line is, without its
   * attributes (Hugo 0.111's id input): `[start, end)` offsets.
   */
  sourceLine: [number, number] | undefined
}

/** What the block attribute rules decide for one document. */
export interface AttributePlan {
  /** Attributes a block gets from a `{…}` line after it. */
  blockAttributes: Map<Nodes, ParsedAttribute[]>
  /** Paragraphs split by attribute lines: the parts that remain (none when only attributes). */
  paragraphs: Map<Paragraph, Paragraph[]>
  /** Tables whose `{…}` rows are attributes: the rows that remain. */
  tableRows: Map<Table, TableRow[]>
}

/** The attribute block a line holds (after at most three spaces), or `undefined`. */
function attributeLine(source: string, contentStart: number): ParsedAttribute[] | undefined {
  let brace = contentStart
  while (brace - contentStart < 3 && source.charCodeAt(brace) === 32) brace++
  if (source.charCodeAt(brace) !== 0x7b) return undefined
  return parseAttributes(source.slice(brace, lineEndAt(source, brace)), 0)?.attributes
}

function addAttributes(plan: AttributePlan, node: Nodes, attributes: ParsedAttribute[]): void {
  const existing = plan.blockAttributes.get(node)
  if (!existing) {
    plan.blockAttributes.set(node, attributes)
    return
  }

  // A block keeps what it already has (Hugo sets only missing names).
  for (const attribute of attributes) {
    if (!existing.some((item) => item.name === attribute.name)) existing.push(attribute)
  }
}

/**
 * Plan the `{…}` lines of a paragraph: the block each names, and the parts
 * of the paragraph that remain.
 */
export function planParagraphAttributes(
  paragraph: Paragraph,
  siblings: readonly RootContent[],
  index: number,
  source: string,
  frame: Frame,
  plan: AttributePlan
): void {
  const start = startOf(paragraph)
  const end = endOf(paragraph)
  if (start === undefined || end === undefined) return
  const raw = source.slice(start, end)
  if (!raw.includes('{')) return

  // Attribute lines in order. `target` is the block named: the block before
  // the paragraph for its first line, the container a lazy line closes, and
  // (`undefined` with `partBefore`) the part of the paragraph before the line.
  const found: Array<{from: number; to: number; attributes: ParsedAttribute[]; partBefore: boolean; target: Nodes | undefined}> = []
  const first = source.charCodeAt(start) === 0x7b ? attributeLine(source, start) : undefined
  if (first) found.push({from: start, to: lineEndAt(source, start), attributes: first, partBefore: false, target: previousTarget(siblings, index, source)})

  for (let offset = raw.indexOf('\n'); offset !== -1; offset = raw.indexOf('\n', offset + 1)) {
    const lineStart = start + offset + 1
    if (lineStart >= end) break
    const entered = enterLine(source, lineStart, frame)
    const attributes = attributeLine(source, 'content' in entered ? entered.content : lazyContent(source, lineStart, frame, entered.lazy))
    if (!attributes) continue
    let target: Nodes | undefined
    if ('lazy' in entered) {
      const container = frame.ancestors[entered.lazy]!
      target = container.type === 'blockquote' ? container : container.type === 'listItem' ? frame.parents[entered.lazy] : undefined
    }

    found.push({from: lineStart, to: lineEndAt(source, lineStart), attributes, partBefore: !('lazy' in entered), target})
  }

  if (found.length === 0) return

  const parts: Paragraph[] = []
  let cursor = start
  for (const line of found) {
    const part = line.from > cursor ? slicePhrasing(paragraph, cursor, breakBefore(source, line.from), source) : undefined
    if (part) parts.push(part)
    const target = line.partBefore ? part : line.target
    if (target) addAttributes(plan, target, line.attributes)
    cursor = afterBreak(source, line.to)
  }

  const rest = cursor < end ? slicePhrasing(paragraph, cursor, end, source) : undefined
  if (rest) parts.push(rest)
  plan.paragraphs.set(paragraph, parts)
}

// The content start of a lazy line at the level of the container it closes.
function lazyContent(source: string, lineStart: number, frame: Frame, lazy: number): number {
  const outer: Frame = {node: frame.node, ancestors: frame.ancestors.slice(0, lazy), parents: frame.parents.slice(0, lazy)}
  const entered = enterLine(source, lineStart, outer)
  return 'content' in entered ? entered.content : lineStart
}

/** The block an attribute paragraph's first line names: its previous sibling, unless a blank line or fenced code is in between. */
function previousTarget(siblings: readonly RootContent[], index: number, source: string): Nodes | undefined {
  const previous = siblings[index - 1]
  const paragraph = siblings[index]
  if (!previous || !paragraph) return undefined
  const previousEnd = endOf(previous)
  const start = startOf(paragraph)
  if (previousEnd === undefined || start === undefined || blankBetween(source, previousEnd, start)) return undefined
  switch (previous.type) {
    case 'paragraph':
    case 'heading':
    case 'blockquote':
    case 'list':
    case 'table':
    case 'thematicBreak': {
      return previous
    }

    default: {
      return undefined
    }
  }
}

/** Plan the `{…}` rows of a table (Goldmark ends the table there and gives it their attributes). */
export function planTableAttributes(table: Table, source: string, plan: AttributePlan): void {
  const rows: TableRow[] = []
  let changed = false
  for (const row of table.children) {
    const start = startOf(row)
    const attributes = start === undefined || row === table.children[0] ? undefined : attributeLine(source, start)
    if (attributes) {
      addAttributes(plan, table, attributes)
      changed = true
    } else {
      rows.push(row)
    }
  }

  if (changed) plan.tableRows.set(table, rows)
}

/** Plan a heading: its `{…}` attributes (when `title` is on) and the source line its 0.111 id comes from. */
export function planHeading(heading: Heading, source: string, frame: Frame, title: boolean): HeadingPlan {
  const plan: HeadingPlan = {children: heading.children, attributes: [], sourceLine: undefined}
  const contentStart = startOf(heading.children[0])
  const contentEnd = endOf(heading.children.at(-1))
  if (contentStart === undefined || contentEnd === undefined) {
    const start = startOf(heading)
    if (start !== undefined && heading.children.length === 0) plan.sourceLine = [start, start]
    return plan
  }

  // The last line, past the container prefixes of a setext heading's continuation.
  let lineStart = contentStart
  const raw = source.slice(contentStart, contentEnd)
  const lastBreak = Math.max(raw.lastIndexOf('\n'), raw.lastIndexOf('\r'))
  if (lastBreak !== -1) {
    const entered = enterLine(source, contentStart + lastBreak + 1, frame)
    lineStart = 'content' in entered ? entered.content : contentStart + lastBreak + 1
    while (source.charCodeAt(lineStart) === 32 || source.charCodeAt(lineStart) === 9) lineStart++
  }

  const atx = source.charCodeAt(startOf(heading) ?? contentStart) === 0x23
  let line = source.slice(lineStart, contentEnd)
  const found = title ? trailingAttributes(line) : undefined
  if (found) {
    plan.attributes = found.attributes
    line = line.slice(0, found.start)
    plan.children = cutHeading(heading.children, lineStart + found.start, atx)
  }

  const kept = atx && found ? withoutClosingSequence(line) : line
  plan.sourceLine = [lineStart, lineStart + kept.length]
  return plan
}

// Goldmark strips a closing `#` sequence again once the attributes are gone.
function withoutClosingSequence(text: string): string {
  const trimmed = text.replace(/[\t ]+$/, '')
  const match = /(^|[\t ])#+$/.exec(trimmed)
  return match ? trimmed.slice(0, match.index + match[1]!.length) : trimmed
}

/** A heading's children up to a source offset (its attribute block), trimmed. */
function cutHeading(children: readonly PhrasingContent[], offset: number, atx: boolean): PhrasingContent[] {
  const kept: PhrasingContent[] = []
  for (const child of children) {
    const childStart = startOf(child)
    const childEnd = endOf(child)
    if (childStart === undefined || childEnd === undefined || childStart >= offset) break
    if (childEnd <= offset) {
      kept.push(child)
      continue
    }

    if (child.type === 'text') {
      // The attribute block is the end of this text: cut as many characters off the value.
      const keep = Math.max(0, child.value.length - (childEnd - offset))
      kept.push({...child, value: child.value.slice(0, keep), position: {start: child.position!.start, end: {...child.position!.start, offset}}})
    }

    break
  }

  const last = kept.at(-1)
  if (last?.type === 'text') {
    const value = atx ? withoutClosingSequence(last.value) : last.value.replace(/[\t ]+$/, '')
    const trimmed = value.replace(/[\t ]+$/, '')
    if (trimmed === '') kept.pop()
    else kept[kept.length - 1] = {...last, value: trimmed}
  }

  return kept
}
