/**
 * Doks 1.9's code block render hooks (`layouts/_markup/render-codeblock*.html`):
 * a fenced block becomes an expressive-code frame around Hugo's highlighter
 * output (`div.expressive-code > figure.frame > figcaption.header`, then the
 * highlighted code), with `is-terminal` for shell languages and `has-title`
 * with a caption for a `{title="…"}` attribute; a `mermaid` block becomes
 * `pre.mermaid` for Mermaid's script. Indented code has no hook.
 */
import type {Element, ElementContent} from 'hast'
import type {Code} from 'mdast'
import type {AttributeValue} from '../attribute-syntax.js'
import {attributeText} from '../attribute-syntax.js'
import {renderCode, type FenceInfo} from '../highlight.js'
import type {RenderSettings} from '../options.js'

// The languages Doks frames as a terminal, compared as written (Go's `in`).
const terminalLanguages = new Set(['bash', 'sh', 'shell', 'powershell'])

const text = (value: string): ElementContent => ({type: 'text', value})

// Go templates' truth: `with` skips false, 0, '', null and empty lists.
function isTruthy(value: AttributeValue | undefined): value is AttributeValue {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false
  return !Array.isArray(value) || value.length > 0
}

/**
 * A fenced code block as Doks' hooks print it (the caller checked that it
 * is fenced and that `highlight.codeFences` is on).
 *
 * @param node
 *   The code node.
 * @param content
 *   The lines' content (text, or text and raw nodes where shortcodes ran).
 * @param settings
 *   Renderer settings.
 * @param info
 *   The fence's info string, read.
 * @returns
 *   The hook's output, its leading template white space included.
 */
export function doksCodeBlock(node: Code, content: (line: string) => ElementContent[], settings: RenderSettings, info: FenceInfo): ElementContent[] {
  if (info.language === 'mermaid') {
    // `render-codeblock-mermaid.html`: the code between two lines of template white space.
    const code = node.value.replace(/[\r\n]+$/, '')
    return [{type: 'element', tagName: 'pre', properties: {className: ['mermaid']}, children: content(`\n  ${code}\n`)}, text('\n')]
  }

  const attribute = (name: string): AttributeValue | undefined => info.attributes.find((item) => item.name === name)?.value
  const title = attribute('title')
  const classes = ['frame']
  if (attribute('frame') !== 'none' && terminalLanguages.has(info.language)) classes.push('is-terminal')
  if (isTruthy(title)) classes.push('has-title')
  classes.push('not-content')

  const caption: Element = {
    type: 'element',
    tagName: 'figcaption',
    properties: {className: ['header']},
    children: [
      text('\n    '),
      {type: 'element', tagName: 'span', properties: {className: ['title']}, children: isTruthy(title) ? [text(attributeText(title))] : []},
      text('\n  ')
    ]
  }
  const figure: Element = {
    type: 'element',
    tagName: 'figure',
    properties: {className: classes},
    children: [text('\n  '), caption, text('\n  '), renderCode(node, content, settings, true, true, info).element, text('\n  ')]
  }
  return [
    text('\n\n\n'),
    {type: 'element', tagName: 'div', properties: {className: ['expressive-code']}, children: [text('\n  '), figure, text('\n')]}
  ]
}
