/**
 * Lines of a block as Goldmark reads them: where a line's content starts
 * once the container prefixes (`>` of a blockquote, a list item's
 * indentation) are read, or which container a lazy line falls out of; and
 * parts of a paragraph cut on line boundaries, as new nodes.
 */
import type {Blockquote, FootnoteDefinition, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, Text} from 'mdast'
import {lineEndAt} from './source-text.js'

/** A block container of a document. */
export type Container = Root | Blockquote | List | ListItem | FootnoteDefinition

/** A container being walked, with the containers a line has to re-enter. */
export interface Frame {
  node: Container
  /** Block containers around `node` that a line has to re-enter, outermost first. */
  ancestors: Array<Blockquote | ListItem | FootnoteDefinition>
  /** The parent of each ancestor (the list of an item). */
  parents: Container[]
}

/** A node's start offset, when it has a position. */
export const startOf = (node: Nodes | undefined): number | undefined => node?.position?.start.offset
/** A node's end offset, when it has a position. */
export const endOf = (node: Nodes | undefined): number | undefined => node?.position?.end.offset

/** Where the content of a line starts once its container prefixes are read, or the container it fails to enter. */
export function enterLine(source: string, lineStart: number, frame: Frame): {content: number} | {lazy: number} {
  let pos = lineStart
  for (let index = 0; index < frame.ancestors.length; index++) {
    const ancestor = frame.ancestors[index]!
    if (ancestor.type === 'blockquote') {
      let spaces = 0
      while (spaces < 3 && source.charCodeAt(pos + spaces) === 32) spaces++
      if (source.charCodeAt(pos + spaces) !== 62) return {lazy: index}
      pos += spaces + 1
      if (source.charCodeAt(pos) === 32 || source.charCodeAt(pos) === 9) pos++
    } else {
      // A list item's (or footnote's) content column: that of its first block.
      const column = ancestor.type === 'listItem' ? (ancestor.children[0]?.position?.start.column ?? 1) - 1 : 4
      let at = pos - lineStart
      while (at < column && (source.charCodeAt(pos) === 32 || source.charCodeAt(pos) === 9)) {
        at = source.charCodeAt(pos) === 9 ? at + 4 - (at % 4) : at + 1
        pos++
      }

      if (at < column) return {lazy: index}
    }
  }

  return {content: pos}
}

/** Whether a blank line separates two offsets (container markers aside). */
export function blankBetween(source: string, from: number, to: number): boolean {
  const between = source.slice(from, to)
  return /(?:\r\n|\r|\n)[ \t>]*(?:\r\n|\r|\n)/.test(between)
}

/** The offset of the line ending just before a line start. */
export function breakBefore(source: string, lineStart: number): number {
  return source.charCodeAt(lineStart - 1) === 10 && source.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1
}

/** The start of the next line, from the offset of a line ending. */
export function afterBreak(source: string, lineEnd: number): number {
  return source.charCodeAt(lineEnd) === 13 && source.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1
}

/**
 * The part of a paragraph between two source offsets (on line boundaries),
 * as a new paragraph with new text nodes at the cuts, or `undefined` when
 * nothing but white space is there.
 */
export function slicePhrasing(paragraph: Paragraph, from: number, to: number, source: string): Paragraph | undefined {
  const children: PhrasingContent[] = []
  for (const child of paragraph.children) {
    const childStart = startOf(child)
    const childEnd = endOf(child)
    if (childStart === undefined || childEnd === undefined) continue
    if (childEnd <= from || childStart >= to) continue
    if (childStart >= from && childEnd <= to) {
      children.push(child)
      continue
    }

    if (child.type !== 'text') continue
    const cut = cutText(child, Math.max(from, childStart), Math.min(to, childEnd), source)
    if (cut) children.push(cut)
  }

  trimEdges(children)
  if (children.length === 0) return undefined
  const first = children[0]!.position!.start
  const last = children.at(-1)!.position!.end
  return {type: 'paragraph', children, position: {start: first, end: last}}
}

/** A text node cut to the source range `[from, to)` (line boundaries), by counting line endings: each one of the source is one of the value. */
function cutText(node: Text, from: number, to: number, source: string): Text | undefined {
  const start = node.position!.start
  const end = node.position!.end
  const lines = node.value.split(/\r\n|\r|\n/)
  const endings = node.value.match(/\r\n|\r|\n/g) ?? []
  const first = lineEndings(source, start.offset!, from)
  const last = Math.min(lineEndings(source, start.offset!, to), lines.length - 1)
  let text = ''
  for (let line = first; line <= last; line++) {
    text += lines[line]!
    if (line < last) text += endings[line] ?? '\n'
  }

  if (text.trim() === '') return undefined
  const position = {
    start: from === start.offset ? start : {line: start.line + first, column: 1, offset: from},
    end: to === end.offset ? end : {line: start.line + last, column: 1, offset: to}
  }
  return {type: 'text', value: text, position}
}

function lineEndings(source: string, from: number, to: number): number {
  let count = 0
  for (let index = from; index < to; index++) {
    const code = source.charCodeAt(index)
    if (code === 10 || (code === 13 && source.charCodeAt(index + 1) !== 10)) count++
  }

  return count
}

function trimEdges(children: PhrasingContent[]): void {
  const first = children[0]
  if (first?.type === 'text') {
    const value = first.value.replace(/^[\t\n\r ]+/, '')
    if (value === '') children.shift()
    else if (value !== first.value) children[0] = {...first, value}
  }

  const last = children.at(-1)
  if (last?.type === 'text') {
    const value = last.value.replace(/[\t\n\r ]+$/, '')
    if (value === '') children.pop()
    else if (value !== last.value) children[children.length - 1] = {...last, value}
  }
}

