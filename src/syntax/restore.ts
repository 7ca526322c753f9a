import type {Nodes, Parent, PhrasingContent, Root, RootContent, Text} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {Point, Position} from 'unist'
import type {ShortcodeCall} from '../hugo/types.js'
import type {LineIndex} from './line-index.js'
import type {Placeholder, PreparedRegion} from './placeholders.js'
import type {EmbeddedShortcode, HugoShortcodeData, ShortcodePlacement} from './types.js'

/** A shortcode node whose body still has to be parsed. */
export interface PendingBody {
  node: ContainerDirective | TextDirective
  call: ShortcodeCall
}

const marker = 'HAHAHUGOSHORTCODE'
const placeholderPattern = /HAHAHUGOSHORTCODEs\d+HBHB/g

/**
 * Give every node of a tree parsed from a prepared region its place in the
 * original file, and turn placeholders back into shortcode nodes: a
 * placeholder that is a whole paragraph becomes a block node, one inside
 * text an inline node, one inside a string field (code, URL, raw HTML) goes
 * back to its source text and is listed on `data.shortcodes`.
 *
 * Iterative: the depth of the tree does not grow the call stack.
 *
 * @returns
 *   The shortcode nodes that take a body, for the caller to parse.
 */
export function restore(
  tree: Root,
  region: PreparedRegion,
  source: string,
  lines: LineIndex
): PendingBody[] {
  const pending: PendingBody[] = []
  const {map, placeholders} = region
  const hasPlaceholders = placeholders.size > 0

  // Points are moved in place: a page has many nodes, and new objects for
  // each would only feed the garbage collector.
  const position = (node: Nodes): Position | undefined => {
    const old = node.position
    if (!old || old.start.offset === undefined || old.end.offset === undefined) return undefined
    lines.place(old.start, map.toSource(old.start.offset, 'start'))
    lines.place(old.end, map.toSource(old.end.offset, 'end'))
    return old
  }

  const stack: Parent[] = [tree]
  const rootPosition = position(tree)
  if (rootPosition) tree.position = rootPosition

  while (stack.length > 0) {
    const parent = stack.pop()!
    const children = parent.children as RootContent[]
    // Set once a text node is split; built without spread arguments, so a
    // paragraph of any number of shortcodes cannot overflow the stack.
    let rebuilt: RootContent[] | undefined

    for (let index = 0; index < children.length; index++) {
      const child = children[index]!

      if (hasPlaceholders) {
        if (child.type === 'paragraph' && isLonePlaceholder(child.children, placeholders)) {
          const found = placeholders.get((child.children[0] as Text).value.trim())!
          const node = shortcodeNode(found.call, 'block', source, lines)
          if (node.type === 'containerDirective') pending.push({node, call: found.call})
          if (rebuilt) rebuilt.push(node)
          else children[index] = node
          continue
        }

        if (child.type === 'text' && child.value.includes(marker)) {
          rebuilt ??= children.slice(0, index)
          for (const piece of splitText(child, placeholders, map, source, lines, pending)) {
            rebuilt.push(piece as RootContent)
          }

          continue
        }

        restoreFields(child, placeholders, source, lines)
      }

      const next = position(child)
      if (next) child.position = next
      if ('children' in child) stack.push(child)
      if (rebuilt) rebuilt.push(child)
    }

    if (rebuilt) parent.children = rebuilt as typeof parent.children
  }

  return pending
}

function isLonePlaceholder(children: PhrasingContent[], placeholders: Map<string, Placeholder>): boolean {
  const only = children[0]
  return children.length === 1 && only?.type === 'text' && placeholders.has(only.value.trim())
}

function splitText(
  node: Text,
  placeholders: Map<string, Placeholder>,
  map: PreparedRegion['map'],
  source: string,
  lines: LineIndex,
  pending: PendingBody[]
): PhrasingContent[] {
  const pieces: PhrasingContent[] = []
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? 0
  let sourceCursor = map.toSource(start, 'start')
  let valueCursor = 0

  for (const match of node.value.matchAll(placeholderPattern)) {
    const found = placeholders.get(match[0])
    // A literal look-alike in the source is not ours: it stays text.
    if (!found || found.parsedStart < start || found.parsedStart >= end) continue
    const before = node.value.slice(valueCursor, match.index)
    if (before) {
      pieces.push(textNode(before, sourceCursor, found.call.start, lines))
    }

    const shortcode = shortcodeNode(found.call, 'inline', source, lines)
    pieces.push(shortcode as TextDirective)
    if (found.call.takesBody && found.call.closed && !found.call.selfClosed) {
      pending.push({node: shortcode as TextDirective, call: found.call})
    }

    valueCursor = match.index + match[0].length
    sourceCursor = found.call.end
  }

  const after = node.value.slice(valueCursor)
  if (after) pieces.push(textNode(after, sourceCursor, map.toSource(end, 'end'), lines))
  return pieces
}

function textNode(value: string, start: number, end: number, lines: LineIndex): Text {
  return {type: 'text', value, position: {start: lines.toPoint(start), end: lines.toPoint(end)}}
}

/** Put shortcode source back into string fields that Markdown does not parse further. */
function restoreFields(
  node: RootContent,
  placeholders: Map<string, Placeholder>,
  source: string,
  lines: LineIndex
): void {
  let placement: ShortcodePlacement | undefined
  const fields: string[] = []
  let record = node as unknown as Record<string, unknown>

  switch (node.type) {
    case 'code':
    case 'inlineCode': {
      placement = 'code'
      fields.push('value')
      break
    }

    case 'html': {
      placement = 'html'
      fields.push('value')
      break
    }

    case 'link': {
      placement = 'link'
      fields.push('url', 'title')
      break
    }

    // A label is written in the source too (a reference to it can never
    // match: every call has its own placeholder, in Hugo as here).
    case 'definition': {
      placement = 'link'
      fields.push('url', 'title', 'label')
      break
    }

    case 'footnoteDefinition': {
      placement = 'inline'
      fields.push('label')
      break
    }

    case 'image':
    case 'imageReference': {
      placement = 'link'
      fields.push('url', 'title', 'alt')
      break
    }

    case 'containerDirective': {
      // `:::callout{title="…"}`: Goldmark does not know directives, so Hugo
      // renders the call in an attribute as text inside a paragraph.
      if (!node.attributes) break
      placement = 'inline'
      record = node.attributes as Record<string, unknown>
      fields.push(...Object.keys(record))
      break
    }

    default:
  }

  if (!placement) return
  const found: EmbeddedShortcode[] = []

  for (const field of fields) {
    const value = record[field]
    if (typeof value !== 'string' || !value.includes(marker)) continue
    record[field] = value.replace(placeholderPattern, (text) => {
      const placeholder = placeholders.get(text)
      if (!placeholder) return text
      const call = placeholder.call
      const raw = source.slice(call.start, call.end)
      found.push({
        ...hugoData(call, placement!, source, lines),
        raw,
        position: {start: lines.toPoint(call.start), end: lines.toPoint(call.end)}
      })
      return raw
    })
  }

  if (found.length > 0) {
    node.data ??= {}
    node.data.shortcodes = found
  }
}

/**
 * Build the mdast node of a call: a `containerDirective` for a block call
 * that takes a body, a `leafDirective` for another block call, a
 * `textDirective` inside text.
 */
export function shortcodeNode(
  call: ShortcodeCall,
  placement: 'block' | 'inline',
  source: string,
  lines: LineIndex
): ContainerDirective | LeafDirective | TextDirective {
  const attributes: Record<string, string> = {}
  call.params.forEach((param, index) => {
    attributes[param.name ?? String(index)] = String(param.value)
  })
  const position: Position = {start: lines.toPoint(call.start), end: lines.toPoint(call.end)}
  const hugo = hugoData(call, placement, source, lines)

  if (placement === 'inline') {
    return {type: 'textDirective', name: call.name, attributes, children: [], position, data: {hugo}}
  }

  if (call.takesBody) {
    return {type: 'containerDirective', name: call.name, attributes, children: [], position, data: {hugo}}
  }

  return {type: 'leafDirective', name: call.name, attributes, children: [], position, data: {hugo}}
}

function hugoData(
  call: ShortcodeCall,
  placement: ShortcodePlacement,
  source: string,
  lines: LineIndex
): HugoShortcodeData {
  const point = (offset: number): Point => lines.toPoint(offset)
  const data: HugoShortcodeData = {
    name: call.name,
    notation: call.notation,
    params: call.params.map((param) => ({...param, position: {start: point(param.start), end: point(param.end)}})),
    selfClosed: call.selfClosed,
    takesBody: call.takesBody,
    closed: call.closed,
    inline: call.inline,
    placement,
    open: {start: point(call.open.start), end: point(call.open.end)}
  }
  if (call.named !== undefined) data.named = call.named
  if (call.close) data.close = {start: point(call.close.start), end: point(call.close.end)}
  if (call.innerStart !== undefined && call.innerEnd !== undefined && call.closed && !call.selfClosed) {
    data.inner = source.slice(call.innerStart, call.innerEnd)
  }

  return data
}
