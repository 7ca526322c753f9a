/**
 * Inline suppression comments, read from the page and applied to its
 * messages once every check (page and site) has run:
 *
 * * `<!-- slamark-disable-next-line rule-id -->`: the next line that is not
 *   blank;
 * * `<!-- slamark-disable rule-id -->` … `<!-- slamark-enable rule-id -->`:
 *   from the comment's line to the `enable` (or the end of the file);
 * * in front matter, the same words after `#` (`# slamark-disable-next-line
 *   lastmod-before-date`).
 *
 * Several ids are separated by commas or spaces; none means every rule.
 * Suppressions that suppress nothing are reported (`suppression-unused`).
 */
import type {Root} from 'mdast'
import type {Position} from 'unist'
import {LineIndex} from '../syntax/line-index.js'
import {walk} from './walk.js'

/** One suppression comment. */
export interface Suppression {
  kind: 'disable' | 'disable-next-line' | 'enable'
  /** Rule ids as written; empty: every rule. */
  rules: string[]
  /** The comment. */
  place: Position
  /** The line it applies from (`disable`, `enable`: its own; `disable-next-line`: the next line that is not blank). */
  line: number
}

const htmlDirective = /<!--\s*slamark-(disable-next-line|disable|enable)\b([^]*?)-->/g
const hashDirective = /#\s*slamark-(disable-next-line|disable|enable)\b([^\n\r]*)/g

/**
 * The suppression comments of a page, in source order.
 *
 * @param tree
 *   The page.
 * @param source
 *   Its source.
 */
export function parseSuppressions(tree: Root, source: string): Suppression[] {
  if (!source.includes('slamark-')) return []
  const lines = new LineIndex(source)
  const found: Suppression[] = []

  walk(tree, (node) => {
    let pattern: RegExp | undefined
    if (node.type === 'html') pattern = htmlDirective
    else if (node.type === 'yaml' || node.type === 'toml') pattern = hashDirective
    if (!pattern || node.position?.start.offset === undefined || node.position.end.offset === undefined) return undefined
    const start = node.position.start.offset
    const text = source.slice(start, node.position.end.offset)
    for (const match of text.matchAll(pattern)) {
      const from = start + match.index
      const to = from + match[0].length
      const kind = match[1] as Suppression['kind']
      const place = {start: lines.toPoint(from), end: lines.toPoint(to)}
      found.push({kind, rules: ruleList(match[2] ?? ''), place, line: kind === 'disable-next-line' ? nextLine(source, to, lines) : place.start.line})
    }

    return undefined
  })

  return found.sort((a, b) => (a.place.start.offset ?? 0) - (b.place.start.offset ?? 0))
}

function ruleList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && item !== '--')
}

// The line after the one `offset` is on that has something on it.
function nextLine(source: string, offset: number, lines: LineIndex): number {
  const end = source.indexOf('\n', offset)
  if (end === -1) return lines.toPoint(source.length).line + 1
  let cursor = end + 1
  while (cursor < source.length) {
    const lineEnd = source.indexOf('\n', cursor)
    const text = source.slice(cursor, lineEnd === -1 ? source.length : lineEnd)
    if (text.trim() !== '') return lines.toPoint(cursor).line
    if (lineEnd === -1) break
    cursor = lineEnd + 1
  }

  return lines.toPoint(source.length).line + 1
}

/** A message as suppressions see it. */
export interface Suppressible {
  ruleId?: string | undefined
  line?: number | undefined | null
}

/** What applying a page's suppressions gives. */
export interface SuppressionResult<Message> {
  kept: Message[]
  /** Every (suppression, rule) pair that suppressed nothing; `rule` is `undefined` for a comment without ids. */
  unused: Array<{suppression: Suppression; rule: string | undefined}>
}

/**
 * Drop the messages a page's suppressions cover.
 *
 * @param messages
 *   The page's messages.
 * @param suppressions
 *   Its suppression comments.
 */
export function applySuppressions<Message extends Suppressible>(messages: readonly Message[], suppressions: readonly Suppression[]): SuppressionResult<Message> {
  if (suppressions.length === 0) return {kept: [...messages], unused: []}
  const used = new Set<string>()
  const key = (index: number, rule: string | undefined) => `${index}\u0000${rule ?? ''}`
  const kept: Message[] = []

  for (const message of messages) {
    const line = message.line ?? undefined
    const rule = message.ruleId
    const by = line === undefined ? undefined : suppressor(suppressions, line, rule)
    if (by === undefined) {
      kept.push(message)
      continue
    }

    used.add(key(by.index, by.rule))
  }

  const unused: SuppressionResult<Message>['unused'] = []
  suppressions.forEach((suppression, index) => {
    if (suppression.kind === 'enable') return
    if (suppression.rules.length === 0) {
      if (!used.has(key(index, undefined))) unused.push({suppression, rule: undefined})
      return
    }

    for (const rule of suppression.rules) if (!used.has(key(index, rule))) unused.push({suppression, rule})
  })

  return {kept, unused}
}

// The suppression (and the id in it) that covers a message, if any: the
// nearest `disable-next-line` for its line, else the last `disable` before
// it that no `enable` ended.
function suppressor(suppressions: readonly Suppression[], line: number, rule: string | undefined): {index: number; rule: string | undefined} | undefined {
  const covers = (suppression: Suppression) =>
    suppression.rules.length === 0 ? {hit: true, rule: undefined} : {hit: rule !== undefined && suppression.rules.includes(rule), rule}

  for (let index = 0; index < suppressions.length; index++) {
    const suppression = suppressions[index]!
    if (suppression.kind !== 'disable-next-line' || suppression.line !== line) continue
    const match = covers(suppression)
    if (match.hit) return {index, rule: match.rule}
  }

  let active: {index: number; rule: string | undefined} | undefined
  for (let index = 0; index < suppressions.length; index++) {
    const suppression = suppressions[index]!
    if (suppression.line > line) break
    if (suppression.kind === 'disable-next-line') continue
    const match = covers(suppression)
    if (suppression.kind === 'enable') {
      if (match.hit || suppression.rules.length === 0) active = undefined
    } else if (match.hit) {
      active = {index, rule: match.rule}
    }
  }

  return active
}
