/**
 * The text a heading's id is made from, as Hugo reads it: the raw source of
 * its last line (0.143 and earlier) or its plain text (0.144 and later:
 * text with typographic replacements, code, image alt text, raw HTML without
 * its tags; links and emphasis by their content). A shortcode counts as the
 * placeholder Hugo puts in its place before Goldmark runs
 * (`HAHAHUGOSHORTCODEs0HBHB`), as in Hugo.
 */
import type {Heading, Nodes, PhrasingContent, Root} from 'mdast'
import type {DocumentScope} from './document.js'
import {typographNode} from './text.js'
import {typographicText} from './typographer.js'

const isShortcode = (node: Nodes): boolean =>
  (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') && node.data?.hugo !== undefined

/**
 * The placeholder Hugo uses for a shortcode call of the document: numbered
 * by the call's place among the document's top-level calls (in code, links
 * and HTML too).
 *
 * @param scope
 *   The document.
 * @param call
 *   The shortcode node (or embedded call).
 */
export function placeholderOf(scope: DocumentScope, call: object): string {
  scope.ordinals ??= ordinals(scope.root)
  return `HAHAHUGOSHORTCODEs${scope.ordinals.get(call) ?? 0}HBHB`
}

function ordinals(root: Root): Map<object, number> {
  const found: Array<{offset: number; call: object}> = []
  const stack: Nodes[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const embedded of node.data?.shortcodes ?? []) found.push({offset: embedded.position.start.offset ?? 0, call: embedded})
    if (isShortcode(node)) {
      found.push({offset: node.position?.start.offset ?? 0, call: node})
      continue
    }

    if ('children' in node) for (const child of node.children) stack.push(child)
  }

  found.sort((a, b) => a.offset - b.offset)
  return new Map(found.map((item, index) => [item.call, index]))
}

/**
 * A heading's plain text (Hugo 0.144+ `TextPlain`), every line.
 *
 * @param children
 *   The heading's content (without its attribute block).
 * @param scope
 *   Its document.
 */
export function plainHeadingText(children: readonly PhrasingContent[], scope: DocumentScope): string {
  const counter = {single: 0, double: 0}
  let text = ''
  const stack: Nodes[] = [...children].reverse()

  while (stack.length > 0) {
    const node = stack.pop()!
    switch (node.type) {
      case 'text': {
        text += scope.page.settings.typographer ? typographicText(typographNode(node, scope, counter).pieces) : node.value
        break
      }

      case 'inlineCode': {
        text += node.value
        break
      }

      case 'break': {
        text += '\n'
        break
      }

      case 'image':
      case 'imageReference': {
        text += node.alt ?? ''
        break
      }

      case 'html': {
        text += node.value.replace(/<[^>]*>/g, '')
        break
      }

      case 'footnoteReference': {
        break
      }

      default: {
        if (isShortcode(node)) text += placeholderOf(scope, node)
        else if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
      }
    }
  }

  return text
}

/**
 * The raw source of a heading's last line, shortcodes replaced by their
 * placeholders (Hugo 0.143 and earlier).
 *
 * @param range
 *   `[start, end)` of the line in the source.
 * @param children
 *   The heading's content.
 * @param scope
 *   Its document (with its source).
 */
export function sourceHeadingText(range: [number, number], children: readonly PhrasingContent[], scope: DocumentScope): string {
  const source = scope.source ?? ''
  const [start, end] = range
  const calls: Nodes[] = []
  const stack: Nodes[] = [...children]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (isShortcode(node)) calls.push(node)
    else if ('children' in node) stack.push(...node.children)
  }

  let text = ''
  let cursor = start
  for (const call of calls.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0))) {
    const from = call.position?.start.offset
    const to = call.position?.end.offset
    if (from === undefined || to === undefined || from < cursor || to > end) continue
    text += source.slice(cursor, from) + placeholderOf(scope, call)
    cursor = to
  }

  return (text + source.slice(cursor, end)).trim()
}

/**
 * The text a heading's automatic id comes from, as the page's settings say
 * (`undefined`: none, Hugo 0.144+ for an empty heading).
 *
 * @param node
 *   The heading.
 * @param content
 *   Its content without its attribute block.
 * @param scope
 *   Its document.
 */
export function headingIdText(node: Heading, content: readonly PhrasingContent[], scope: DocumentScope): string | undefined {
  const range = scope.plan.headings.get(node)?.sourceLine
  if (scope.page.settings.headingIdInput === 'source' && range && scope.source !== undefined) {
    return sourceHeadingText(range, content, scope)
  }

  const text = plainHeadingText(content, scope)
  if (text === '') return scope.page.settings.headingIdInput === 'source' ? '' : undefined
  // A multi-line (setext) heading: the last line, as Hugo takes it.
  return text.split(/\r\n|\r|\n/).at(-1)!
}

/**
 * Give a heading its id in its document, as Goldmark does: an explicit id
 * (`{#id}`) is reserved as written; otherwise, with automatic ids on, the
 * next free id for its text. The renderer and the linter's anchors both call
 * this, so a checked anchor is the one Hugo prints.
 *
 * @param node
 *   The heading.
 * @param content
 *   Its content without its attribute block.
 * @param explicit
 *   The id written on the heading, if any.
 * @param scope
 *   Its document.
 */
export function takeHeadingId(node: Heading, content: readonly PhrasingContent[], explicit: string | undefined, scope: DocumentScope): string | undefined {
  if (explicit !== undefined) return scope.ids.reserve(explicit)
  if (!scope.page.settings.autoHeadingId) return undefined
  const text = headingIdText(node, content, scope)
  return text === undefined ? undefined : scope.ids.next(text)
}
