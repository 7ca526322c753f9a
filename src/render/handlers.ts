/**
 * The `mdast-util-to-hast` handlers that make Goldmark's markup (Hugo 0.111
 * defaults): each defers to the default handler where the markup is the same
 * and changes only what differs.
 */
import type {Element, ElementContent, Properties, Root as HastRoot} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {
  Blockquote,
  Code,
  Definition,
  Delete,
  Heading,
  Html,
  Image,
  ImageReference,
  InlineCode,
  Link,
  LinkReference,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parents,
  Root,
  Table,
  TableRow,
  Text,
  ThematicBreak
} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import {defaultHandlers, type Handler, type Handlers, type State} from 'mdast-util-to-hast'
import type {EmbeddedShortcode} from '../syntax/types.js'
import {attributeText, type ParsedAttribute} from './attribute-syntax.js'
import type {DefinitionList} from './definition-lists.js'
import {closeUpFences, joinBlocks, newline, scopeOf, type DocumentScope, type Marks} from './document.js'
import {footnoteReference, footnoteSection} from './footnotes.js'
import {plainHeadingText, takeHeadingId} from './heading-text.js'
import {fenceInfo, isFenced, renderCode} from './highlight.js'
import {doksCodeBlock} from './hooks/code-block.js'
import {definitionRawParts, hookedLink, inlineRawParts, templateSpace} from './hooks/link-handler.js'
import {isDoksMailLink} from './hooks/link.js'
import type {RawLinkParts} from './link-source.js'
import {embeddedShortcodeHtml, renderShortcode, resolveUrl} from './shortcode-call.js'
import {isSafeUrl} from './shortcodes/url.js'
import {renderText} from './text.js'

const asArray = (result: ElementContent | ElementContent[] | undefined): ElementContent[] =>
  result === undefined ? [] : Array.isArray(result) ? result : [result]

const isElement = (node: ElementContent | undefined, tagName?: string): node is Element =>
  node?.type === 'element' && (tagName === undefined || node.tagName === tagName)

// Goldmark's attribute filters: what each block may carry (`data-*` always).
const globalAttributes = new Set(
  'accesskey autocapitalize autofocus class contenteditable dir draggable enterkeyhint hidden id inert inputmode is itemid itemprop itemref itemscope itemtype lang part role slot spellcheck style tabindex title translate'.split(' ')
)
const blockAttributes: Readonly<Record<string, ReadonlySet<string>>> = {
  paragraph: new Set(),
  blockquote: new Set(['cite']),
  list: new Set(['start', 'reversed', 'type']),
  table: new Set('align bgcolor border cellpadding cellspacing frame rules summary width'.split(' ')),
  thematicBreak: new Set('align color noshade size width'.split(' '))
}

/**
 * hast properties for Goldmark attributes on a block: those its filter
 * allows, in order (Hugo renders any name on a heading but `on…` handlers).
 */
function attributeProperties(tagName: string, kind: string, attributes: ReadonlyArray<readonly [string, string]>): Properties {
  const allowed = blockAttributes[kind]
  const kept: Record<string, string> = {}
  for (const [name, value] of attributes) {
    if (/^on/i.test(name)) continue
    if (kind !== 'heading' && !globalAttributes.has(name) && !allowed?.has(name) && !name.startsWith('data-')) continue
    kept[name] = value
  }

  return Object.keys(kept).length === 0 ? {} : h(tagName, kept).properties
}

/** Goldmark's `SetAttribute` over a list: a name keeps its first place, its last value. */
function setAttribute(list: Array<[string, string]>, name: string, value: string): void {
  const existing = list.find((item) => item[0] === name)
  if (existing) existing[1] = value
  else list.push([name, value])
}

function addBlockAttributes(element: Element, node: Nodes, kind: string, scope: DocumentScope): boolean {
  const attributes = scope.plan.blockAttributes.get(node)
  if (!attributes || attributes.length === 0) return false
  const list: Array<[string, string]> = []
  for (const attribute of attributes) setAttribute(list, attribute.name, attributeText(attribute.value))
  const properties = attributeProperties(element.tagName, kind, list)
  for (const key of Object.keys(properties)) {
    if (!(key in element.properties)) element.properties[key] = properties[key]
  }

  return Object.keys(properties).length > 0
}

function root(state: State, node: Root): HastRoot {
  const scope = scopeOf(state)
  const marks = scope.page.marks
  const units = node.children.map((child) => asArray(state.one(child, node)))
  const children = joinBlocks(units, marks)
  const footer = footnoteSection(state, scope, (blocks) => joinBlocks(blocks, marks))
  if (footer) children.push(footer, newline())
  return {type: 'root', children}
}

function paragraph(state: State, node: Paragraph): ElementContent[] {
  const scope = scopeOf(state)
  const definitions = scope.plan.definitionLists.get(node)
  if (definitions !== undefined) return definitions ? [definitionList(state, definitions)] : []
  const parts = scope.plan.paragraphs.get(node)
  if (!parts) return paragraphElements(state, node, scope)
  const result: ElementContent[] = []
  for (const part of parts) {
    if (result.length > 0) result.push(newline())
    result.push(...paragraphElements(state, part, scope))
  }

  return result
}

function paragraphElements(state: State, node: Paragraph, scope: DocumentScope): ElementContent[] {
  const children = state.all(node)
  const marks = scope.page.marks
  const only = children.length === 1 ? children[0] : undefined
  if (!scope.page.settings.wrapStandAloneImage && isElement(only, 'img')) return [only]

  if (children.some((child) => marks.block.has(child))) return aroundBlocks(children, marks)
  const result: Element = {type: 'element', tagName: 'p', properties: {}, children}
  addBlockAttributes(result, node, 'paragraph', scope)
  state.patch(node, result)
  return [state.applyData(node, result) as ElementContent]
}

/** Goldmark's `<dl>`: a `dt` per term, a `dd` per definition (loose ones hold a `<p>`). */
function definitionList(state: State, list: DefinitionList): Element {
  const children: ElementContent[] = [newline()]
  for (const item of list.items) {
    const content = state.all(item.content)
    const inner: ElementContent[] = item.loose ? [newline(), {type: 'element', tagName: 'p', properties: {}, children: content}, newline()] : content
    children.push({type: 'element', tagName: item.kind === 'term' ? 'dt' : 'dd', properties: {}, children: inner}, newline())
  }

  return {type: 'element', tagName: 'dl', properties: {}, children}
}

/**
 * A paragraph around block-level shortcode output: closed before each
 * block and opened again after it (Hugo leaves the `<div>` inside `<p>`).
 */
function aroundBlocks(children: ElementContent[], marks: Marks): ElementContent[] {
  const result: ElementContent[] = []
  let run: ElementContent[] = []
  const flush = (): void => {
    const first = run[0]
    if (first?.type === 'text') run[0] = {...first, value: first.value.replace(/^[\t\n\r ]+/, '')}
    const last = run.at(-1)
    if (last?.type === 'text') run[run.length - 1] = {...last, value: last.value.replace(/[\t\n\r ]+$/, '')}
    run = run.filter((item) => item.type !== 'text' || item.value !== '')
    if (run.length > 0) {
      if (result.length > 0) result.push(newline())
      result.push({type: 'element', tagName: 'p', properties: {}, children: run})
    }

    run = []
  }

  for (const child of children) {
    if (!marks.block.has(child)) {
      run.push(child)
      continue
    }

    flush()
    if (result.length > 0) result.push(newline())
    result.push(child)
  }

  flush()
  return result
}

function heading(state: State, node: Heading): Element {
  const scope = scopeOf(state)
  const settings = scope.page.settings
  const plan = scope.plan.headings.get(node)
  const content = plan?.children ?? node.children
  const children = state.all(content === node.children ? node : {...node, children: content})

  const list: Array<[string, string]> = []
  for (const attribute of plan?.attributes ?? []) setAttribute(list, attribute.name, attributeText(attribute.value))
  const explicit = list.find((item) => item[0] === 'id')?.[1]
  const id = takeHeadingId(node, content, explicit, scope)
  if (explicit === undefined && id !== undefined) list.push(['id', id])

  for (const attribute of scope.plan.blockAttributes.get(node) ?? []) {
    if (!list.some((item) => item[0] === attribute.name)) list.push([attribute.name, attributeText(attribute.value)])
  }

  const tagName = `h${node.depth}`
  const result: Element = {type: 'element', tagName, properties: list.length > 0 ? attributeProperties(tagName, 'heading', list) : {}, children}
  state.patch(node, result)

  if (scope.isPage) {
    const page = scope.page
    page.headings.push({depth: node.depth, id: id ?? '', text: plainHeadingText(content, scope).trim()})
    page.toc.push({level: node.depth, id: id ?? '', title: toHtml({type: 'root', children: trimmed(tocTitle(children, page.marks))}, settings.toHtml)})
  }

  return state.applyData(node, result) as Element
}

/**
 * A heading's content for the table of contents: footnote references and
 * shortcode output left out, links and strike-through by their content (a
 * link inside the entry's own link would not be valid HTML).
 */
function tocTitle(children: readonly ElementContent[], marks: Marks): ElementContent[] {
  const result: ElementContent[] = []
  for (const child of children) {
    if (marks.footnote.has(child) || marks.shortcode.has(child) || marks.template.has(child)) continue
    if (child.type === 'element' && (child.tagName === 'a' || child.tagName === 'del')) result.push(...tocTitle(child.children, marks))
    else if (child.type === 'element') result.push({...child, children: tocTitle(child.children, marks)})
    else result.push(child)
  }

  return result
}

// White space left at the ends once shortcode output is out of a title.
function trimmed(children: ElementContent[]): ElementContent[] {
  const first = children[0]
  if (first?.type === 'text') children[0] = {...first, value: first.value.replace(/^[\t\n\r ]+/, '')}
  const last = children.at(-1)
  if (last?.type === 'text') children[children.length - 1] = {...last, value: last.value.replace(/[\t\n\r ]+$/, '')}
  return children
}

function text(state: State, node: Text): ElementContent[] {
  return renderText(state, node, scopeOf(state))
}

function blockquote(state: State, node: Blockquote): Element {
  const scope = scopeOf(state)
  const result = defaultHandlers.blockquote(state, node) as Element
  closeUpFences(result, scope.page.marks)
  // Goldmark writes no line ending after `<blockquote …>` when it has attributes.
  if (addBlockAttributes(result, node, 'blockquote', scope) && result.children[0]?.type === 'text') result.children.shift()
  return result
}

function list(state: State, node: List): Element {
  const scope = scopeOf(state)
  const result = defaultHandlers.list(state, node) as Element
  const className = result.properties.className
  if (Array.isArray(className) && className.length === 1 && className[0] === 'contains-task-list') delete result.properties.className
  addBlockAttributes(result, node, 'list', scope)
  return result
}

function listItem(state: State, node: ListItem, parent: Parents | undefined): Element {
  const scope = scopeOf(state)
  const settings = scope.page.settings
  const checked = node.checked
  const result = defaultHandlers.listItem(state, settings.taskList ? node : {...node, checked: null}, parent) as Element
  closeUpFences(result, scope.page.marks)
  if (result.children.some((child) => scope.page.marks.block.has(child))) collapseLineEndings(result)
  if (typeof checked !== 'boolean') return result

  const holder = isElement(result.children.find((child) => child.type === 'element'), 'p')
    ? (result.children.find((child) => child.type === 'element') as Element)
    : result
  if (!settings.taskList) {
    holder.children.unshift({type: 'text', value: checked ? '[x] ' : '[ ] '})
    return result
  }

  // Goldmark's checkbox, attribute for attribute.
  delete result.properties.className
  const index = holder.children.findIndex((child) => isElement(child, 'input'))
  const input = `<input ${checked ? 'checked="" ' : ''}disabled="" type="checkbox"${settings.xhtml ? ' /' : ''}>`
  if (index !== -1) holder.children[index] = {type: 'raw', value: input}
  return result
}

/**
 * One line ending where a paragraph closed around block shortcode output
 * meets the line endings `mdast-util-to-hast` puts between a list item's
 * blocks: Goldmark writes the paragraph's text, its line ending, then the block.
 */
function collapseLineEndings(element: Element): void {
  const children = element.children
  for (let index = children.length - 1; index > 0; index--) {
    const node = children[index]!
    const before = children[index - 1]!
    if (node.type === 'text' && node.value === '\n' && before.type === 'text' && before.value === '\n') children.splice(index, 1)
  }
}

function code(state: State, node: Code): ElementContent | ElementContent[] {
  const scope = scopeOf(state)
  const settings = scope.page.settings
  const embedded = node.data?.shortcodes
  const splice = embedded && embedded.length > 0 ? spliceCalls(state, node.value, embedded, scope) : undefined
  const content = splice ? splice.content : (line: string): ElementContent[] => [{type: 'text', value: line}]
  const value = splice ? {...node, value: splice.value} : node
  const fenced = isFenced(node, scope.source)
  const info = fenceInfo(node, scope.source)
  // Hugo runs a code block hook on fenced blocks it highlights, never on indented ones.
  if (settings.renderHooks === 'doks' && fenced && settings.highlight.codeFences) {
    const output = doksCodeBlock(value, content, settings, info)
    const element = output.find((item) => item.type === 'element')
    if (element) state.patch(node, element)
    return output
  }

  const rendered = renderCode(value, content, settings, fenced, false, info)
  state.patch(node, rendered.element)
  const result = state.applyData(node, rendered.element) as ElementContent
  if (rendered.fenced) scope.page.marks.fence.add(result)
  return result
}

function inlineCode(state: State, node: InlineCode): ElementContent {
  const embedded = node.data?.shortcodes
  if (!embedded || embedded.length === 0) return defaultHandlers.inlineCode(state, node) as ElementContent
  const splice = spliceCalls(state, node.value, embedded, scopeOf(state))
  const result: Element = {type: 'element', tagName: 'code', properties: {}, children: splice.content(splice.value.replace(/\r?\n|\r/g, ' '))}
  state.patch(node, result)
  return state.applyData(node, result) as ElementContent
}

/**
 * Calls kept as source in code, replaced as Hugo replaces their placeholders
 * (with the call's output, not escaped): the value with a token per call,
 * and a function turning text with tokens into text and raw nodes.
 */
function spliceCalls(
  state: State,
  value: string,
  calls: readonly EmbeddedShortcode[],
  scope: DocumentScope
): {value: string; content: (text: string) => ElementContent[]} {
  const outputs: string[] = []
  let tokenized = value
  for (const call of calls) {
    const at = tokenized.indexOf(call.raw)
    if (at === -1) continue
    // NUL never survives parsing (micromark replaces it), so it cannot clash.
    tokenized = `${tokenized.slice(0, at)}\0${outputs.length}\0${tokenized.slice(at + call.raw.length)}`
    outputs.push(embeddedShortcodeHtml(state, call, scope))
  }

  const content = (text: string): ElementContent[] => {
    const result: ElementContent[] = []
    text.split(/\0(\d+)\0/).forEach((part, index) => {
      if (index % 2 === 1) result.push({type: 'raw', value: outputs[Number(part)] ?? ''})
      else if (part !== '') result.push({type: 'text', value: part})
    })
    return result
  }

  return {value: tokenized, content}
}

function html(state: State, node: Html): ElementContent | ElementContent[] {
  const scope = scopeOf(state)
  const settings = scope.page.settings
  const start = node.position?.start.offset
  // `<<x>>`: Goldmark's typographer took the `<` (as `&laquo;`) before any
  // HTML was seen, so what micromark calls a tag is text.
  if (start !== undefined && scope.consumedUntil > start) return renderText(state, node, scope)
  if (!settings.unsafe) return {type: 'comment', value: ' raw HTML omitted '}
  let value = node.value
  for (const call of node.data?.shortcodes ?? []) value = value.replace(call.raw, () => embeddedShortcodeHtml(state, call, scope))
  return {type: 'raw', value}
}

/** `literal` for a GFM autolink literal (`www.x.com`), `angle` for `<https://…>`. */
function autolinkKind(node: Link, scope: DocumentScope): 'literal' | 'angle' | undefined {
  const start = node.position?.start.offset
  if (scope.source === undefined || start === undefined) return undefined
  const first = scope.source.charCodeAt(start)
  return first === 0x5b ? undefined : first === 0x3c ? 'angle' : 'literal'
}

function link(state: State, node: Link): ElementContent | ElementContent[] {
  return renderLink(state, node, undefined)
}

/** A link; `definition`: the destination and title as written in its definition, for a reference. */
function renderLink(state: State, node: Link, definition: RawLinkParts | undefined): ElementContent | ElementContent[] {
  const scope = scopeOf(state)
  const settings = scope.page.settings
  const kind = autolinkKind(node, scope)
  // Without Goldmark's linkify, a bare URL is text (typographer and all).
  if (kind === 'literal' && !settings.linkify) return state.all(node)

  let url = node.url
  const source = scope.source ?? ''
  if (kind === 'literal' && url.startsWith('http://') && source.startsWith('www.', node.position!.start.offset)) {
    url = `${settings.linkifyProtocol}://${url.slice('http://'.length)}`
  }

  let mail = false
  if (settings.renderHooks === 'doks') {
    // The hook gets Goldmark's raw destination and title; an autolink's is its URL.
    const raw = kind ? {destination: url, title: ''} : (definition ?? inlineRawParts(node, scope))
    mail = isDoksMailLink(raw.destination)
    if (!mail) return [templateSpace('\n\n', scope), hookedLink(state, node, raw, kind !== undefined)]
  }

  url = resolveUrl(url, node.data?.shortcodes, scope.page)
  if (kind) scope.verbatim++
  const result = defaultHandlers.link(state, url === node.url ? node : {...node, url}) as Element
  if (kind) scope.verbatim--
  if (!isSafeUrl(url, settings.allowedProtocols)) delete result.properties.href
  // Where Doks' e-mail partial goes, with the hook template's white space around it.
  return mail ? [templateSpace('\n\n', scope), result, templateSpace('\n\n  ', scope)] : result
}

function image(state: State, node: Image): ElementContent {
  const scope = scopeOf(state)
  const url = resolveUrl(node.url, node.data?.shortcodes, scope.page)
  const result = defaultHandlers.image(state, url === node.url ? node : {...node, url}) as Element
  if (!isSafeUrl(url, scope.page.settings.allowedProtocols)) delete result.properties.src
  return result
}

// A reference resolves in its own document (Goldmark never sees the page's definitions from a body).
function definitionOf(state: State, identifier: string): {definition: Definition; source: string | undefined} | undefined {
  const id = identifier.toUpperCase()
  const scope = scopeOf(state)
  const own = scope.plan.definitions.get(id)
  if (own) return {definition: own, source: scope.source}
  const page = state.definitionById.get(id)
  return page && {definition: page, source: scope.page.source}
}

function linkReference(state: State, node: LinkReference): ElementContent | ElementContent[] {
  const found = definitionOf(state, String(node.identifier))
  if (!found) return defaultHandlers.linkReference(state, node) as ElementContent | ElementContent[]
  const {definition, source} = found
  const target: Link = {type: 'link', url: definition.url, title: definition.title ?? null, children: node.children}
  if (node.position) target.position = node.position
  if (definition.data?.shortcodes) target.data = {shortcodes: definition.data.shortcodes}
  if (scopeOf(state).page.settings.renderHooks !== 'doks') return renderLink(state, target, undefined)
  return renderLink(state, target, definitionRawParts(definition, source))
}

function imageReference(state: State, node: ImageReference): ElementContent | ElementContent[] {
  const definition = definitionOf(state, String(node.identifier))?.definition
  if (!definition) return defaultHandlers.imageReference(state, node) as ElementContent | ElementContent[]
  const target: Image = {type: 'image', url: definition.url, title: definition.title ?? null, alt: node.alt ?? null}
  if (node.position) target.position = node.position
  if (definition.data?.shortcodes) target.data = {shortcodes: definition.data.shortcodes}
  return image(state, target)
}

function table(state: State, node: Table): ElementContent | ElementContent[] {
  const scope = scopeOf(state)
  const settings = scope.page.settings
  if (!settings.table) {
    // Without Goldmark's table extension the rows are a paragraph of text.
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    const value = scope.source !== undefined && start !== undefined && end !== undefined ? scope.source.slice(start, end) : ''
    return {type: 'element', tagName: 'p', properties: {}, children: renderText(state, {value}, scope)}
  }

  const rows = scope.plan.tableRows.get(node)
  const result = defaultHandlers.table(state, rows ? {...node, children: rows} : node) as Element
  addBlockAttributes(result, node, 'table', scope)
  return result
}

/** A row: `th` in the first, alignment as Goldmark's `style="text-align:…"`. */
function tableRow(state: State, node: TableRow, parent: Parents | undefined): Element {
  const scope = scopeOf(state)
  const tagName = parent?.type === 'table' && parent.children[0] === node ? 'th' : 'td'
  const align = parent?.type === 'table' ? parent.align : undefined
  const length = align ? align.length : node.children.length
  const cells: Element[] = []

  for (let index = 0; index < length; index++) {
    const cell = node.children[index]
    // Cells Goldmark adds to a short row carry no alignment.
    const alignment = cell ? align?.[index] : undefined
    let result: Element = {type: 'element', tagName, properties: alignment ? {style: `text-align:${alignment}`} : {}, children: []}
    if (cell) {
          result.children = state.all(cell)
      state.patch(cell, result)
      result = state.applyData(cell, result) as Element
    }

    cells.push(result)
  }

  const result: Element = {type: 'element', tagName: 'tr', properties: {}, children: state.wrap(cells, true)}
  state.patch(node, result)
  return state.applyData(node, result) as Element
}

function strikethrough(state: State, node: Delete): ElementContent | ElementContent[] {
  if (scopeOf(state).page.settings.strikethrough) return defaultHandlers.delete(state, node) as ElementContent
  return [{type: 'text', value: '~~'}, ...state.all(node), {type: 'text', value: '~~'}]
}

function thematicBreak(state: State, node: ThematicBreak): Element {
  const result = defaultHandlers.thematicBreak(state, node) as Element
  addBlockAttributes(result, node, 'thematicBreak', scopeOf(state))
  return result
}

function directive(state: State, node: ContainerDirective | LeafDirective | TextDirective): ElementContent[] {
  return renderShortcode(state, node, scopeOf(state))
}

function ignore(): undefined {
  return undefined
}

/** Every handler slamark adds to or changes in `mdast-util-to-hast`. */
export const handlers: Handlers = {
  blockquote: blockquote as Handler,
  code: code as Handler,
  containerDirective: directive as Handler,
  delete: strikethrough as Handler,
  footnoteReference: ((state: State, node) => footnoteReference(state, node, scopeOf(state))) as Handler,
  heading: heading as Handler,
  html: html as Handler,
  image: image as Handler,
  imageReference: imageReference as Handler,
  inlineCode: inlineCode as Handler,
  json: ignore,
  leafDirective: directive as Handler,
  link: link as Handler,
  linkReference: linkReference as Handler,
  list: list as Handler,
  listItem: listItem as Handler,
  org: ignore,
  paragraph: paragraph as Handler,
  root: root as unknown as Handler,
  table: table as Handler,
  tableRow: tableRow as Handler,
  text: text as Handler,
  textDirective: directive as Handler,
  thematicBreak: thematicBreak as Handler
}

