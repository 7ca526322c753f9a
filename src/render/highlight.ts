/**
 * Code blocks as Hugo 0.111 renders them (`markup/highlight`): a fenced
 * block in a language Chroma knows gets Chroma's wrapper — `div.highlight`,
 * `pre` (with Chroma's inline style by default, `class="chroma"` with
 * `noClasses = false`), `code.language-x` with `data-lang`, one line span per
 * line — here without Chroma's token colouring. A fenced block in another
 * language, or none, is a plain `pre` with `tabindex="0"`; an indented block
 * is Goldmark's `<pre><code>`.
 */
import type {Element, ElementContent, Properties} from 'hast'
import {h} from 'hastscript'
import type {Code} from 'mdast'
import {attributeText, parseAttributes, type ParsedAttribute} from './attribute-syntax.js'
import {chromaEnsureNewline, chromaLanguages} from './chroma-languages.js'
import type {RenderSettings} from './options.js'

// Chroma's Monokai (Hugo's default style) as inline styles.
const monokaiPre = (tabWidth: number): string =>
  `color:#f8f8f2;background-color:#272822;-moz-tab-size:${tabWidth};-o-tab-size:${tabWidth};tab-size:${tabWidth};`

/** A code block's element, and whether Hugo writes no line ending after it. */
export interface RenderedCode {
  element: Element
  /** Hugo's highlighter output ends without a line ending. */
  fenced: boolean
}

/**
 * Whether a code node was written as a fence (rather than indented): from
 * its source when known, else whether it has a language.
 *
 * @param node
 *   The code node.
 * @param source
 *   The text its position points into.
 */
export function isFenced(node: Code, source: string | undefined): boolean {
  const start = node.position?.start.offset
  if (source === undefined || start === undefined) return true
  const code = source.charCodeAt(start)
  return code === 0x60 || code === 0x7e
}

// Attributes Hugo reads as highlighting options, not as markup (compared lower-cased).
const highlightOptions = new Set(['anchorlinenos', 'guesssyntax', 'hl_lines', 'hl_inline', 'lineanchors', 'linenos', 'linenostart', 'linenumbersintable', 'noclasses', 'style', 'tabwidth'])

/** What a fence's info string says: its language and its `{…}` attributes. */
export interface FenceInfo {
  /** The first word, up to `{` (Hugo's `.Type`). */
  language: string
  /** The attributes other than highlighting options and event handlers, in order (Hugo's `.Attributes`). */
  attributes: ParsedAttribute[]
  /** The properties Hugo puts on the highlighter's wrapper: `highlight` and the classes after it, then the other attributes. */
  wrapper: Properties
}

/**
 * The info string of a fence as written: Goldmark reads its attributes from
 * the raw text, where micromark's `lang` and `meta` have backslash escapes
 * and character references decoded.
 */
function rawInfo(node: Code, source: string | undefined): string | undefined {
  const start = node.position?.start.offset
  if (source === undefined || start === undefined) return undefined
  const lineEnd = source.indexOf('\n', start)
  const fence = /^(?:`{3,}|~{3,})([^\r\n]*)/.exec(source.slice(start, lineEnd === -1 ? source.length : lineEnd))
  return fence?.[1]!.trim()
}

/**
 * Read a fence's info string.
 *
 * @param node
 *   The code node.
 * @param source
 *   The text its position points into, for the info string as written.
 */
export function fenceInfo(node: Code, source?: string): FenceInfo {
  const info = rawInfo(node, source) ?? `${node.lang ?? ''}${node.meta ? ` ${node.meta}` : ''}`
  const brace = info.indexOf('{')
  const language = (brace === -1 ? info : info.slice(0, brace)).trim().split(/[\t ]/)[0] ?? ''
  const attributes: ParsedAttribute[] = []
  const wrapper: Record<string, string> = {class: 'highlight'}
  if (brace !== -1) {
    for (const attribute of parseAttributes(info, brace)?.attributes ?? []) {
      const name = attribute.name.toLowerCase()
      if (highlightOptions.has(name) || name.startsWith('on')) continue
      attributes.push(attribute)
      const value = attributeText(attribute.value)
      wrapper[attribute.name] = attribute.name === 'class' ? `highlight ${value}` : value
    }
  }

  return {language, attributes, wrapper: h('div', wrapper).properties}
}

/**
 * Render a code block.
 *
 * @param node
 *   The code node.
 * @param content
 *   The lines' content (text, or text and raw nodes where shortcodes ran).
 * @param settings
 *   Renderer settings (`markup.highlight`).
 * @param fenced
 *   Whether the block is fenced.
 * @param hooked
 *   Whether a code block render hook asks for it (`transform.HighlightCodeBlock`):
 *   the code without its final line endings, so only lexers that add one
 *   (`console`, `diff`) end their last line with it.
 * @param info
 *   The fence's info string, read (default: from the node's `lang` and `meta`).
 */
export function renderCode(
  node: Code,
  content: (line: string) => ElementContent[],
  settings: RenderSettings,
  fenced: boolean,
  hooked = false,
  info: FenceInfo = fenceInfo(node)
): RenderedCode {
  const value = node.value
  if (!fenced || !settings.highlight.codeFences) {
    const properties = fenced && node.lang ? {className: [`language-${info.language}`]} : {}
    const code: Element = {type: 'element', tagName: 'code', properties, children: value ? content(`${value}\n`) : []}
    return {element: {type: 'element', tagName: 'pre', properties: {}, children: [code]}, fenced: false}
  }

  const {language, wrapper} = info
  // Hugo hands the highlighter the code without its final line endings.
  const chomped = value.replace(/[\r\n]+$/, '')
  const plain = hooked ? chomped : value === '' ? '' : `${value}\n`
  if (language === '') {
    const code: Element = {type: 'element', tagName: 'code', properties: {}, children: plain ? content(plain) : []}
    return {element: {type: 'element', tagName: 'pre', properties: {tabIndex: 0}, children: [code]}, fenced: true}
  }

  const codeProperties = {className: [`language-${language}`], dataLang: language}
  const lexer = language.toLowerCase()
  if (!chromaLanguages.has(lexer)) {
    const code: Element = {type: 'element', tagName: 'code', properties: codeProperties, children: plain ? content(plain) : []}
    return {element: {type: 'element', tagName: 'pre', properties: {tabIndex: 0}, children: [code]}, fenced: true}
  }

  const lines: ElementContent[] = []
  if (chomped !== '') {
    const source = hooked ? chomped : value
    const last = hooked && !chromaEnsureNewline.has(lexer) ? '' : '\n'
    const split = source.split(/\r?\n/)
    split.forEach((line, index) => {
      lines.push(lineSpan(content(index === split.length - 1 ? `${line}${last}` : `${line}\n`), settings.highlight.noClasses))
    })
  }

  const pre: Element = {
    type: 'element',
    tagName: 'pre',
    properties: settings.highlight.noClasses ? {tabIndex: 0, style: monokaiPre(settings.highlight.tabWidth)} : {tabIndex: 0, className: ['chroma']},
    children: [{type: 'element', tagName: 'code', properties: codeProperties, children: lines}]
  }
  const element: Element = {type: 'element', tagName: 'div', properties: wrapper, children: [pre]}
  return {element, fenced: true}
}

function lineSpan(children: ElementContent[], noClasses: boolean): Element {
  const inner: Element = {type: 'element', tagName: 'span', properties: noClasses ? {} : {className: ['cl']}, children}
  return {type: 'element', tagName: 'span', properties: noClasses ? {style: 'display:flex;'} : {className: ['line']}, children: [inner]}
}
