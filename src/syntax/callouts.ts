import type {Blockquote, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import type {ContainerDirective, TextDirective} from 'mdast-util-directive'
import type {LineIndex} from './line-index.js'
import type {CalloutData, EmbeddedShortcode} from './types.js'

/** The icon the Doks documentation pairs with each styled context. */
export const defaultCalloutIcons: Readonly<Record<string, string>> = {
  note: 'outline/info-circle',
  tip: 'outline/rocket',
  caution: 'outline/alert-triangle',
  danger: 'outline/alert-octagon'
}

/** Directive names and alert keywords, lower-cased, by the Doks context they stand for. */
export const contextByName: Readonly<Record<string, string>> = {
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

  let fromLabel: EmbeddedShortcode[] = []

  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    node.children.shift()
    title = labelSource(first, source) ?? title
    fromLabel = embeddedIn(first.children, source)
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
  // Calls written in the title (label or attribute) are kept as its source
  // and listed, whichever way the title was written.
  const values = Object.values(attributes)
  const shortcodes = [...(node.data.shortcodes ?? []), ...fromLabel].filter((item) =>
    values.some((value) => value.includes(item.raw))
  )
  if (shortcodes.length > 0) node.data.shortcodes = shortcodes
  else delete node.data.shortcodes
}

/**
 * The calls inside phrasing that becomes a callout title (a directive label,
 * the rest of an alert's marker line), as the embedded shortcodes of the
 * callout: the title keeps their source. Iterative.
 */
function embeddedIn(nodes: PhrasingContent[], source: string): EmbeddedShortcode[] {
  const found: EmbeddedShortcode[] = []
  const stack: Nodes[] = [...nodes].reverse()

  while (stack.length > 0) {
    const node = stack.pop()!
    const hugo = (node as TextDirective).data?.hugo
    if (hugo && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const raw = source.slice(node.position.start.offset, node.position.end.offset)
      found.push({...hugo, raw, position: node.position})
    }

    for (const item of node.data?.shortcodes ?? []) found.push(item)
    if ('children' in node) {
      const children = node.children as Nodes[]
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
    }
  }

  return found
}

// The label as written, so Markdown in it survives as it does in a Doks title.
function labelSource(label: Paragraph, source: string): string | undefined {
  const first = label.children[0]?.position?.start.offset
  const last = label.children.at(-1)?.position?.end.offset
  if (first === undefined || last === undefined) return undefined
  return source.slice(first, last)
}

// `[!NOTE]` ends its line or is followed by a space and a custom title.
const alertPattern = /^\[!([A-Za-z]+)\](?=[ \t\r\n]|$)/

function alertCallout(node: Blockquote, source: string, lines: LineIndex): ContainerDirective | undefined {
  const paragraph = node.children[0]
  if (paragraph?.type !== 'paragraph' || paragraph.position?.end.offset === undefined) return undefined
  const text = paragraph.children[0]
  if (text?.type !== 'text') return undefined
  const match = alertPattern.exec(text.value)
  const markerStart = text.position?.start.offset
  // Only a marker written as such: `\[!NOTE]` is literal text.
  if (!match || markerStart === undefined || !source.startsWith(match[0], markerStart)) return undefined
  const keyword = match[1]!
  const context = contextByName[keyword.toLowerCase()]
  if (!context) return undefined

  // The title is the rest of the marker line as written (Markdown source, as
  // a Doks title), read from the source: it may go on past the first text
  // node (`[!NOTE] Title *with* emphasis`), and entities stay as written.
  const paragraphEnd = paragraph.position.end.offset
  const lineEnding = /\r\n|\r|\n/g
  lineEnding.lastIndex = markerStart
  const found = lineEnding.exec(source)
  const endsInside = found !== null && found.index < paragraphEnd
  const lineEnd = endsInside ? found.index : paragraphEnd
  const customTitle = source.slice(markerStart + match[0].length, lineEnd).trim()
  const title = customTitle || capitalize(keyword.toLowerCase())

  // What follows the marker line stays, starting past the next line's quote markers.
  let bodyStart = endsInside ? found.index + found[0].length : paragraphEnd
  while (bodyStart < paragraphEnd && /[ \t>]/.test(source.charAt(bodyStart))) bodyStart++
  const kept: PhrasingContent[] = []
  const onTitleLine: PhrasingContent[] = []

  for (const child of paragraph.children) {
    const start = child.position?.start.offset ?? 0
    const end = child.position?.end.offset ?? 0
    if (start >= bodyStart) {
      kept.push(child)
    } else if (end <= lineEnd) {
      onTitleLine.push(child)
    } else if (child.type === 'text') {
      // A text across the line ending: its part after the line ending stays.
      const ending = /\r\n|\r|\n/.exec(child.value)
      const rest = ending ? child.value.slice(ending.index + ending[0].length) : ''
      const position = {start: lines.toPoint(bodyStart), end: child.position!.end}
      if (rest) kept.push({...child, value: rest, position})
    }
    // Anything else is on the title line (or is the hard break ending it).
  }

  const children = node.children.slice(1)
  if (kept.length > 0) {
    const position = {start: lines.toPoint(bodyStart), end: paragraph.position.end}
    children.unshift({...paragraph, children: kept, position})
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
  const shortcodes = customTitle ? embeddedIn(onTitleLine, source) : []
  if (shortcodes.length > 0) callout.data!.shortcodes = shortcodes
  return callout
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}
