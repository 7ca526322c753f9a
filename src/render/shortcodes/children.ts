import type {Nodes, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {HugoShortcodeData} from '../../syntax/types.js'
import type {ShortcodeNode} from '../types.js'

/** The body of a shortcode whose template prints `.Inner` as is, split up. */
export interface RawBody {
  /** Shortcode calls in the body, in order (those Doks renders in place). */
  calls: ShortcodeNode[]
  /** Everything else that is not blank: Doks prints its source, unrendered. */
  loose: RootContent[]
}

function isShortcode(node: Nodes): node is ShortcodeNode {
  return (
    (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') &&
    node.data?.hugo !== undefined
  )
}

function isBlank(node: Nodes): boolean {
  if (node.type === 'text') return /^[\t\n\f\r ]*$/.test(node.value)
  // A comment shows nowhere, in Doks' raw body or here.
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())
}

/**
 * Split a body as a raw-`.Inner` template (`tabs`, `steps`, `card-grid`)
 * sees it: nested calls, whether alone on their lines or run together in one
 * paragraph, and the loose content around them.
 *
 * @param children
 *   The body's nodes.
 */
export function splitRawBody(children: readonly RootContent[]): RawBody {
  const calls: ShortcodeNode[] = []
  const loose: RootContent[] = []

  for (const child of children) {
    if (isShortcode(child)) {
      calls.push(child)
    } else if (child.type === 'paragraph') {
      for (const phrase of child.children) {
        if (isShortcode(phrase)) calls.push(phrase)
        else if (!isBlank(phrase)) loose.push(phrase)
      }
    } else if (!isBlank(child)) {
      loose.push(child)
    }
  }

  return {calls, loose}
}

/**
 * A node's Markdown source, cut from the call's raw body by its offsets (as
 * Doks prints a raw `.Inner`), or its plain text when the offsets are missing.
 *
 * @param node
 *   A node of the body.
 * @param hugo
 *   The call whose body holds it.
 */
export function sourceOf(node: RootContent, hugo: HugoShortcodeData | undefined): string {
  const innerStart = hugo?.open.end.offset
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (hugo?.inner !== undefined && innerStart !== undefined && start !== undefined && end !== undefined) {
    const from = start - innerStart
    const to = end - innerStart
    if (from >= 0 && to <= hugo.inner.length && from <= to) return hugo.inner.slice(from, to)
  }

  return toString(node)
}

/**
 * A raw body as Doks' `{{ .Inner }}` prints it: the body's source text with
 * each nested call in its place, in order. `undefined` when the nodes lack
 * the offsets to cut the source (a tree built by hand).
 *
 * @param node
 *   The call whose template prints its `.Inner`.
 * @param calls
 *   The nested calls ({@link splitRawBody}).
 */
export function rawSegments(node: ShortcodeNode, calls: readonly ShortcodeNode[]): Array<string | ShortcodeNode> | undefined {
  const hugo = node.data?.hugo
  const inner = hugo?.inner
  const innerStart = hugo?.open.end.offset
  if (inner === undefined || innerStart === undefined) return undefined

  const segments: Array<string | ShortcodeNode> = []
  let cursor = 0
  for (const call of calls) {
    const start = call.position?.start.offset
    const end = call.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    const from = start - innerStart
    const to = end - innerStart
    if (from < cursor || to > inner.length || to < from) return undefined
    if (from > cursor) segments.push(inner.slice(cursor, from))
    segments.push(call)
    cursor = to
  }

  if (cursor < inner.length) segments.push(inner.slice(cursor))
  return segments
}

/**
 * Whether raw body text shows nothing: whitespace and HTML comments only.
 *
 * @param value
 *   A text segment of a raw body.
 */
export function isBlankSource(value: string): boolean {
  return /^[\t\n\f\r ]*$/.test(value.replace(/<!--[\s\S]*?-->/g, ''))
}

/**
 * The whitespace of a raw body text with its comments dropped: what
 * slamark keeps of a blank segment.
 *
 * @param value
 *   A segment for which {@link isBlankSource} holds.
 */
export function blankSource(value: string): string {
  return value.replace(/<!--[\s\S]*?-->/g, '')
}
