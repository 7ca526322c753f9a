import type {Blockquote, Paragraph, Parent, Root, RootContent} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {LineIndex} from './line-index.js'
import type {CalloutData} from './types.js'

/** The icon the Doks documentation pairs with each styled context. */
export const defaultCalloutIcons: Readonly<Record<string, string>> = {
  note: 'outline/info-circle',
  tip: 'outline/rocket',
  caution: 'outline/alert-triangle',
  danger: 'outline/alert-octagon'
}

// Directive names and alert keywords, mapped onto Doks' four contexts.
const contextByName: Readonly<Record<string, string>> = {
  note: 'note',
  info: 'note',
  important: 'note',
  tip: 'tip',
  caution: 'caution',
  warning: 'caution',
  danger: 'danger'
}

/**
 * Fill `data.callout` of a Doks callout shortcode node from its params, as
 * Doks' template reads them: with named params `context` (default `note`),
 * `title` and `icon`; with positional params only the context, first.
 *
 * @param node
 *   A `callout` container node with `data.hugo`.
 */
export function shortcodeCallout(node: ContainerDirective): void {
  const params = node.data?.hugo?.params ?? []
  const named = node.data?.hugo?.named !== false
  const get = (key: string): string | undefined => {
    const param = params.find((item) => item.name === key)
    return param === undefined ? undefined : String(param.value)
  }

  const data: CalloutData = {
    syntax: 'hugo-shortcode',
    context: (named ? get('context') : params[0] && String(params[0].value)) || 'note'
  }
  const title = named ? get('title') : undefined
  const icon = named ? get('icon') : undefined
  if (title !== undefined) data.title = title
  if (icon !== undefined) data.icon = icon
  node.data ??= {}
  node.data.callout = data
}

/** Options of {@link normalizeCallouts}. */
export interface NormalizeOptions {
  alerts: boolean
  directives: boolean
}

/**
 * Turn `:::note[Title]`, `:::callout{context=…}` directives and GitHub
 * `> [!CAUTION]` alerts into the same `callout` node the Doks shortcode
 * gives, so every syntax renders and lints alike. Iterative.
 */
export function normalizeCallouts(tree: Root, source: string, lines: LineIndex, options: NormalizeOptions): void {
  const stack: Parent[] = [tree]

  while (stack.length > 0) {
    const parent = stack.pop()!
    const children = parent.children as RootContent[]

    for (let index = 0; index < children.length; index++) {
      const child = children[index]!

      if (options.directives && child.type === 'containerDirective' && !child.data?.hugo) {
        directiveCallout(child, source)
      } else if (options.alerts && child.type === 'blockquote') {
        const callout = alertCallout(child, source, lines)
        if (callout) children[index] = callout
      }

      const current = children[index]!
      if ('children' in current) stack.push(current)
      const body = (current as {data?: {hugo?: {body?: Root}}}).data?.hugo?.body
      if (body) stack.push(body)
    }
  }
}

function directiveCallout(node: ContainerDirective, source: string): void {
  const context =
    node.name === 'callout' ? (node.attributes?.context ?? 'note') : contextByName[node.name.toLowerCase()]
  if (context === undefined || context === null) return

  const first = node.children[0]
  let title = node.attributes?.title ?? undefined

  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    node.children.shift()
    title = labelSource(first, source) ?? title
  }

  title ??= node.name === 'callout' ? undefined : capitalize(context)
  const icon = node.attributes?.icon ?? defaultCalloutIcons[context]
  const data: CalloutData = {syntax: 'directive', context}
  const attributes: Record<string, string> = {context}
  if (title !== undefined && title !== null) {
    data.title = title
    attributes.title = title
  }

  if (icon !== undefined && icon !== null) {
    data.icon = icon
    attributes.icon = icon
  }

  node.name = 'callout'
  node.attributes = attributes
  node.data = {...node.data, callout: data}
}

// The label as written, so Markdown in it survives as it does in a Doks title.
function labelSource(label: Paragraph, source: string): string | undefined {
  const first = label.children[0]?.position?.start.offset
  const last = label.children.at(-1)?.position?.end.offset
  if (first === undefined || last === undefined) return undefined
  return source.slice(first, last)
}

const alertPattern = /^\[!([A-Za-z]+)\]([ \t]+[^\n]*)?(?:\n|$)/

function alertCallout(node: Blockquote, source: string, lines: LineIndex): ContainerDirective | undefined {
  const paragraph = node.children[0]
  if (paragraph?.type !== 'paragraph') return undefined
  const text = paragraph.children[0]
  if (text?.type !== 'text') return undefined
  const match = alertPattern.exec(text.value)
  if (!match) return undefined
  const keyword = match[1]!
  const context = contextByName[keyword.toLowerCase()]
  if (!context) return undefined

  const customTitle = match[2]?.trim()
  const title = customTitle || capitalize(keyword.toLowerCase())
  const rest = text.value.slice(match[0].length)
  const children = node.children.slice(1)

  if (rest.length > 0 || paragraph.children.length > 1) {
    // The marker line goes; the rest of the first paragraph stays, starting
    // at its first character after the quote markers of the next line.
    let start = text.position?.start.offset ?? 0
    const markerEnd = source.indexOf('\n', start)
    start = markerEnd === -1 ? start : markerEnd + 1
    while (start < source.length && /[ \t>]/.test(source.charAt(start))) start++
    const kept: Paragraph = {...paragraph, children: [...paragraph.children]}
    if (rest.length > 0) {
      kept.children[0] = {...text, value: rest, position: {start: lines.toPoint(start), end: text.position!.end}}
    } else {
      kept.children.shift()
    }

    if (paragraph.position) kept.position = {start: lines.toPoint(start), end: paragraph.position.end}
    children.unshift(kept)
  }

  const data: CalloutData = {syntax: 'gfm-alert', context, title, alert: keyword}
  const icon = defaultCalloutIcons[context]
  if (icon) data.icon = icon
  const attributes: Record<string, string> = {context, title}
  if (icon) attributes.icon = icon
  const callout: ContainerDirective = {
    type: 'containerDirective',
    name: 'callout',
    attributes,
    children: children as ContainerDirective['children'],
    data: {callout: data}
  }
  if (node.position) callout.position = node.position
  return callout
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}
