/**
 * Read Org-mode front matter: consecutive `#+key: value` lines, which Hugo
 * also accepts at the top of a Markdown file.
 *
 * Hugo (through its Org library) reads a line as a keyword only when a
 * space, tab or the end of the line follows the colon; keys are lower-cased;
 * a key ending in `[]` (`#+tags[]: a b`), and `tags`, `categories` and
 * `aliases` without it, give a list of the whitespace-separated words, any
 * other key a string. A key written twice keeps both lines, as Hugo does:
 * text values are joined with a line break, lists get the words of both.
 */

import {diagnostic, type Diagnostic} from '../hugo/diagnostic.js'
import {PositionNode, lookup, position} from './positions.js'
import {setOwn} from './plain.js'
import {duplicateKeyRuleId, orgRuleId} from './rules.js'
import {code} from './text.js'
import type {FormatResult} from './types.js'

/**
 * Keys Hugo splits into words even without `[]` (its Org front matter
 * reader treats them as lists; checked against Hugo 0.111).
 */
const listKeys = new Set(['tags', 'categories', 'aliases'])

/** A keyword line: `#+`, the key, `:`, then a blank and the value or nothing. */
const keyword = /^#\+([^:]+):(?:[ \t]+(.*)|$)/

/**
 * Parse the text of an Org front matter block.
 *
 * @param text
 *   The `#+` lines.
 * @param offset
 *   Offset of `text` in the whole file; every position is shifted by it.
 * @returns
 *   The value (a mapping of strings and lists of strings), diagnostics and a
 *   locator.
 */
export function parseOrgFrontMatter(text: string, offset: number): FormatResult {
  const data: Record<string, unknown> = {}
  const diagnostics: Diagnostic[] = []
  const root = new PositionNode(position(offset, offset + text.length))
  let lineStart = 0

  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    const contentEnd = text.charAt(lineEnd - 1) === '\r' ? lineEnd - 1 : lineEnd
    const line = text.slice(lineStart, contentEnd)

    if (line.trim() !== '') {
      readLine(line, lineStart, offset, data, root, diagnostics)
    }

    lineStart = lineEnd + 1
  }

  return {value: data, diagnostics, locate: (path) => lookup(root, path)}
}

/**
 * Read one line into `data` and the position tree.
 *
 * @param line
 *   The line, without its line break.
 * @param lineStart
 *   Offset of the line in the text.
 * @param offset
 *   Offset of the text in the whole file.
 * @param data
 *   The data to fill.
 * @param root
 *   The position tree to fill.
 * @param diagnostics
 *   List to add to.
 */
function readLine(
  line: string,
  lineStart: number,
  offset: number,
  data: Record<string, unknown>,
  root: PositionNode,
  diagnostics: Diagnostic[]
): void {
  const base = offset + lineStart
  const match = keyword.exec(line)
  if (!match) {
    diagnostics.push(
      diagnostic({
        ruleId: orgRuleId,
        severity: 'warning',
        reason: `Unexpected ${code(line.length > 40 ? line.slice(0, 40) + '…' : line)}, expected \`#+key: value\``,
        hint: 'Hugo reads only `#+key: value` lines, with a space after the colon, and ignores this one.',
        start: base,
        end: base + line.length
      })
    )
    return
  }

  const rawKey = match[1] ?? ''
  const keyStart = base + 2
  const key = {start: keyStart, end: keyStart + rawKey.length}
  const rawValue = (match[2] ?? '').replace(/[ \t]+$/, '')
  const valueStart = base + (match[2] === undefined ? line.length : line.length - (match[2].length))
  const valueEnd = valueStart + rawValue.length
  const explicitList = rawKey.endsWith('[]')
  const name = (explicitList ? rawKey.slice(0, -2) : rawKey).toLowerCase()
  const isList = explicitList || listKeys.has(name)
  const earlier = root.get(name)
  const previous = Object.hasOwn(data, name) ? data[name] : undefined

  if (earlier) {
    const first = earlier.position
    // Hugo keeps both lines: a list gets the words of both, which may be
    // meant; any other value becomes two lines of text, which hardly ever is.
    diagnostics.push(
      diagnostic({
        ruleId: duplicateKeyRuleId,
        severity: isList ? 'warning' : 'error',
        reason: `Unexpected second ${code('#+' + name)}, expected each key once`,
        hint: isList
          ? 'Hugo appends the words of every line to the list: write them on one line.'
          : 'Hugo joins the values with a line break: keep one line.',
        start: key.start,
        end: key.end,
        actual: name,
        ...(first.keyStart !== undefined && first.keyEnd !== undefined
          ? {related: {start: first.keyStart, end: first.keyEnd, reason: `first ${code('#+' + name)} key`}}
          : {})
      })
    )
  }

  // A repeated key's value spans from the first line's value to this one's, under the first key.
  const continued = earlier !== undefined && (isList ? Array.isArray(previous) : typeof previous === 'string')
  const firstKey = continued ? firstKeyOf(earlier, key) : key
  const node = root.set(name, position(continued ? earlier.position.start : valueStart, valueEnd, firstKey))

  if (!isList) {
    setOwn(data, name, continued ? `${String(previous)}\n${rawValue}` : rawValue)
    return
  }

  const words: string[] = continued ? [...(previous as string[])] : []
  if (continued) {
    for (const [index, child] of earlier.children) node.children.set(index, child)
  }

  for (const word of rawValue.matchAll(/\S+/g)) {
    const start = valueStart + word.index
    node.set(words.length, position(start, start + word[0].length))
    words.push(word[0])
  }

  setOwn(data, name, words)
}

/** The key span of an earlier line of the same key, else `fallback`. */
function firstKeyOf(earlier: PositionNode, fallback: {start: number; end: number}): {start: number; end: number} {
  const {keyStart, keyEnd} = earlier.position
  return keyStart === undefined || keyEnd === undefined ? fallback : {start: keyStart, end: keyEnd}
}
