/**
 * Shortcode calls at render time: each node goes to the renderer registered
 * under its name, with a {@link ShortcodeContext} that offers what Doks'
 * templates use (`RenderString`, `markdownify`, `inline-svg`) and the page's
 * shared state. A call without a renderer renders nothing (with a warning);
 * `ref`/`relref` print what the `resolveRef` option gives.
 */
import type {ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Nodes, Root, RootContent} from 'mdast'
import type {TextDirective} from 'mdast-util-directive'
import type {State} from 'mdast-util-to-hast'
import {detectFrontMatter} from '../hugo/front-matter-detect.js'
import {ruleUrl} from '../syntax/messages.js'
import {parsePage} from '../syntax/parse.js'
import type {EmbeddedShortcode, HugoParam, HugoShortcodeData} from '../syntax/types.js'
import {renderNested, type DocumentScope, type PageState} from './document.js'
import {compareText} from '../util/sorted.js'
import {inlineSvg} from './icons.js'
import type {ShortcodeContext, ShortcodeNode} from './types.js'

// Elements that may sit inside a paragraph; anything else a shortcode puts
// in a sentence is a block, and the paragraph is closed around it.
const phrasing = new Set(
  'a abbr audio b bdi bdo br button canvas cite code data del dfn em i iframe img input ins kbd label map mark math meter noscript object output picture progress q ruby s samp script select slot small span strong sub sup svg template textarea time u var video wbr'.split(' ')
)

/** Whether a shortcode's output node is block-level content. */
export function isBlockOutput(node: ElementContent): boolean {
  return node.type === 'element' && !phrasing.has(node.tagName)
}

/**
 * Render a shortcode node (or a directive callout, which renders as the
 * Doks shortcode it stands for).
 *
 * @param state
 *   The hast state of the document the call is in.
 * @param node
 *   The node.
 * @param scope
 *   The document.
 */
export function renderShortcode(state: State, node: ShortcodeNode, scope: DocumentScope): ElementContent[] {
  const page = scope.page
  const hugo = node.data?.hugo ?? directiveCall(node)
  if (!hugo) {
    // A directive that is no shortcode and no callout: its content, as Goldmark has no directives.
    return node.type === 'textDirective' ? state.all(node) : state.wrap(state.all(node), true)
  }

  const renderers = page.settings.renderers
  const renderer = Object.hasOwn(renderers, node.name) ? renderers[node.name] : undefined
  if (!renderer) return unrendered(node, hugo, page)

  const context = createContext(state, node, hugo, page)
  let output: ElementContent[]
  page.stack.push(hugo)
  try {
    output = renderer(node, context)
  } catch (error) {
    warn(page, node, {
      ruleId: 'shortcode-render-failed',
      reason: `Unexpected failure rendering shortcode \`${node.name}\` (${String(error)}), expected its HTML`,
      hint: 'The call renders nothing; please report this with the page'
    })
    output = []
  } finally {
    page.stack.pop()
  }

  for (const item of output) {
    page.marks.shortcode.add(item)
    if (node.type === 'textDirective' && isBlockOutput(item)) page.marks.block.add(item)
  }

  return output
}

/**
 * The HTML of a call kept as source in code, raw HTML or a URL, which Hugo
 * runs there too (its placeholder is replaced wherever it ended up).
 *
 * @param state
 *   The hast state.
 * @param call
 *   The embedded call.
 * @param scope
 *   The document.
 */
export function embeddedShortcodeHtml(state: State, call: EmbeddedShortcode, scope: DocumentScope): string {
  const attributes: Record<string, string> = {}
  call.params.forEach((param, index) => {
    attributes[param.name ?? String(index)] = String(param.value)
  })
  const node: TextDirective = {type: 'textDirective', name: call.name, attributes, children: [], position: call.position, data: {hugo: call}}
  return toHtml({type: 'root', children: renderShortcode(state, node, scope)}, scope.page.settings.toHtml)
}

/**
 * A URL with its `ref`/`relref` calls replaced by what `resolveRef` gives
 * (calls it does not resolve stay as written).
 *
 * @param url
 *   The URL as restored by the parser (calls as source).
 * @param calls
 *   The calls listed on the node.
 * @param page
 *   The page.
 */
export function resolveUrl(url: string, calls: readonly EmbeddedShortcode[] | undefined, page: PageState): string {
  if (!calls || calls.length === 0) return url
  let result = url
  for (const call of calls) {
    const resolved = resolveRef(call, page)
    if (resolved !== undefined) result = result.replace(call.raw, () => resolved)
  }

  return result
}

/**
 * What a shortcode call in a URL prints: the permalink `resolveRef` gives a
 * `ref`/`relref` call, else the call as written.
 *
 * @param call
 *   The embedded call.
 * @param page
 *   The page.
 */
export function callOutput(call: EmbeddedShortcode, page: PageState): string {
  return resolveRef(call, page) ?? call.raw
}

function resolveRef(call: HugoShortcodeData, page: PageState): string | undefined {
  const resolver = page.settings.resolveRef
  if (!resolver || (call.name !== 'ref' && call.name !== 'relref')) return undefined
  const param = call.params.find((item) => item.name === 'path') ?? call.params.find((item) => item.name === undefined)
  if (!param) return undefined
  return resolver({kind: call.name, path: String(param.value), shortcode: call, contentPath: page.contentPath})
}

function unrendered(node: ShortcodeNode, hugo: HugoShortcodeData, page: PageState): ElementContent[] {
  const resolved = resolveRef(hugo, page)
  if (resolved !== undefined) return [{type: 'text', value: resolved}]
  const names = Object.keys(page.settings.renderers).sort(compareText)
  warn(page, node, {
    ruleId: 'shortcode-not-rendered',
    reason: `Unexpected shortcode \`${node.name}\` in rendering, expected one slamark renders (${names.map((name) => `\`${name}\``).join(', ')})`,
    hint:
      node.name === 'ref' || node.name === 'relref'
        ? 'Pass `resolveRef` to print the permalink; without it the call renders nothing'
        : 'slamark renders nothing for it, where Hugo runs its template; pass one in the `renderers` option'
  })
  return []
}

/**
 * The call a directive callout (`:::note`, `> [!NOTE]`) stands for: Doks'
 * callout with named params.
 */
function directiveCall(node: ShortcodeNode): HugoShortcodeData | undefined {
  if (node.type !== 'containerDirective' || !node.data?.callout) return undefined
  const position = node.position ?? {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
  const offset = position.start.offset ?? 0
  const params: HugoParam[] = Object.entries(node.attributes ?? {}).map(([name, value]) => ({
    name,
    value: value ?? '',
    goType: 'string',
    text: value ?? '',
    quote: 'double',
    start: offset,
    end: offset,
    valueStart: offset,
    position
  }))
  return {
    name: node.name,
    notation: '<',
    params,
    named: true,
    selfClosed: false,
    takesBody: true,
    closed: true,
    inline: false,
    placement: 'block',
    open: position
  }
}

function createContext(state: State, node: ShortcodeNode, hugo: HugoShortcodeData, page: PageState): ShortcodeContext {
  const parent = page.stack.at(-1)
  return {
    hugo,
    parent,
    renderBlock: (children) => renderBody(state, children, page, 'page'),
    renderInline: (children) => trimShortHtml(renderBody(state, children, page, 'page'), page),
    markdownify: (children) => trimShortHtml(renderBody(state, children, page, 'home'), page),
    parseMarkdown: (source) => parseString(source, page),
    icon: (src, attributes) => inlineSvg(src, attributes),
    uniqueId: (base) => uniqueId(page, base),
    warn: (reason, ruleId, hint) => warn(page, node, hint === undefined ? {ruleId, reason} : {ruleId, reason, hint}),
    options: page.settings.options
  }
}

function renderBody(state: State, children: readonly RootContent[], page: PageState, linkFrom: 'page' | 'home'): ElementContent[] {
  if (children.length === 0) return []
  const root: Root = {type: 'root', children: [...children]}
  return renderNested(state, root, page.sources.get(children[0]!) ?? page.source, linkFrom)
}

const isBlank = (node: ElementContent): boolean => node.type === 'text' && /^[\t\n\v\f\r ]*$/.test(node.value)

/**
 * Hugo 0.111's `TrimShortHTML`, which `markdownify` and an inline
 * `RenderString` run on their output: when the HTML holds at most one `<p`
 * (which `<pre` and `<progress` also count as) and its last end tag is
 * `</p>`, a leading `<p>` and a trailing `</p>` are cut off. On the tree: a
 * lone paragraph is unwrapped; a paragraph followed by void elements (`<hr>`)
 * loses its start tag, and its stray `</p>` becomes the empty paragraph a
 * browser makes of it. A paragraph that only ends the output keeps its tags
 * (the browser closes it where Hugo's HTML ends, so nothing changes).
 */
function trimShortHtml(children: ElementContent[], page: PageState): ElementContent[] {
  const first = children.findIndex((node) => !isBlank(node))
  if (first === -1) return children
  const head = children[first]!
  if (head.type !== 'element' || head.tagName !== 'p' || Object.keys(head.properties).length > 0) return children
  const html = toHtml({type: 'root', children}, page.settings.toHtml)
  if (html.indexOf('<p') !== html.lastIndexOf('<p') || html.lastIndexOf('</p>') !== html.lastIndexOf('</')) return children

  let last = children.length - 1
  while (isBlank(children[last]!)) last--
  if (last === first) return trimmedText(head.children)
  return trimmedText([...head.children, {type: 'element', tagName: 'p', properties: {}, children: []}, ...children.slice(first + 1, last + 1)])
}

// Go's `bytes.TrimSpace` on the trimmed HTML: white space at both ends (a link hook's line endings).
function trimmedText(children: ElementContent[]): ElementContent[] {
  const result = [...children]
  const first = result[0]
  if (first?.type === 'text') result[0] = {...first, value: first.value.replace(/^[\t\n\v\f\r ]+/, '')}
  const last = result.at(-1)
  if (last?.type === 'text') result[result.length - 1] = {...last, value: last.value.replace(/[\t\n\v\f\r ]+$/, '')}
  return result.filter((node) => node.type !== 'text' || node.value !== '')
}

/**
 * A Markdown string (a shortcode param) as a document of its own, through
 * slamark's parser (shortcodes and positions work); front matter is never
 * read from it.
 */
function parseString(text: string, page: PageState): Root {
  const plain = plainParagraph(text)
  if (plain) {
    page.sources.set(plain.children[0]!, text)
    return plain
  }

  // A string that starts like front matter (`---`, `+++`, `{`) is guarded by
  // a paragraph in front, taken out again after parsing.
  const guarded = detectFrontMatter(text).block !== undefined
  const source = guarded ? `x\n\n${text}` : text
  const {tree} = parsePage(source, page.settings.parse)
  if (guarded) tree.children.shift()
  page.sources.set(tree, source)
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!('children' in node)) continue
    for (const child of node.children) {
      page.sources.set(child, source)
      stack.push(child)
    }

    const body = (node.data as {hugo?: HugoShortcodeData} | undefined)?.hugo?.body
    if (body) stack.push(body)
  }

  return tree
}

// Text that Markdown leaves as it is (no markup, no autolink, no list or
// heading start): most titles. Parsed without the parser, as micromark
// would parse it: one paragraph of one text node.
const plainText = /^[\p{L}\p{N}][\p{L}\p{N} ,.;:?!'"()/\u2019\u2013\u2014-]*$/u

function plainParagraph(text: string): Root | undefined {
  if (!plainText.test(text) || text.endsWith(' ') || /^\d+[.)]|www\.|:\/\//i.test(text)) return undefined
  const position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: text.length + 1, offset: text.length}}
  return {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: text, position}], position}], position}
}

function uniqueId(page: PageState, base: string): string {
  const next = page.uniqueIds.get(base)
  if (next === undefined) {
    page.uniqueIds.set(base, 1)
    return base
  }

  let suffix = next
  let id = `${base}-${suffix}`
  while (page.uniqueIds.has(id)) id = `${base}-${++suffix}`
  page.uniqueIds.set(base, suffix + 1)
  page.uniqueIds.set(id, 1)
  return id
}

/** A warning on the page's file at the call, per slamark's message contract. */
function warn(page: PageState, node: ShortcodeNode, warning: {ruleId: string; reason: string; hint?: string}): void {
  const message = page.file.message(warning.reason, {place: node.position, ruleId: warning.ruleId, source: 'slamark'})
  message.fatal = false
  message.url = ruleUrl(warning.ruleId)
  if (warning.hint !== undefined) message.note = warning.hint
}
