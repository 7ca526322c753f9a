/**
 * Footnotes as Goldmark's footnote extension writes them in Hugo 0.111:
 * numbered in the order of first reference (`fnref:1`, a repeated reference
 * `fnref1:1`, `fnref2:1`, …), the notes in a `div.footnotes` after the
 * document, each with one back link per reference, inside its last
 * paragraph when it ends with one.
 */
import type {Element, ElementContent} from 'hast'
import type {FootnoteReference} from 'mdast'
import type {State} from 'mdast-util-to-hast'
import type {DocumentScope} from './document.js'

const newline = (): ElementContent => ({type: 'text', value: '\n'})
// Written as Goldmark writes them (character references), whatever the serializer would choose.
const nbsp = (): ElementContent => ({type: 'raw', value: '&#160;'})
const backArrow = (): ElementContent => ({type: 'raw', value: '&#x21a9;&#xfe0e;'})

/**
 * A footnote reference: `<sup id="fnref:1"><a href="#fn:1" …>1</a></sup>`,
 * or its source text when the document has no such note.
 *
 * @param state
 *   The hast state.
 * @param node
 *   The reference.
 * @param scope
 *   The document.
 */
export function footnoteReference(state: State, node: FootnoteReference, scope: DocumentScope): ElementContent {
  const id = String(node.identifier).toUpperCase()
  if (!scope.page.settings.footnote || !scope.plan.footnotes.has(id)) {
    return {type: 'text', value: `[^${node.label ?? node.identifier}]`}
  }

  let index = scope.footnoteOrder.indexOf(id)
  if (index === -1) index = scope.footnoteOrder.push(id) - 1
  const number = String(index + 1)
  const reuse = scope.footnoteCounts.get(id) ?? 0
  scope.footnoteCounts.set(id, reuse + 1)

  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: {href: `#fn:${number}`, className: ['footnote-ref'], role: 'doc-noteref'},
    children: [{type: 'text', value: number}]
  }
  const result: Element = {type: 'element', tagName: 'sup', properties: {id: `fnref${reuse > 0 ? reuse : ''}:${number}`}, children: [link]}
  scope.page.marks.footnote.add(result)
  state.patch(node, result)
  return result
}

/**
 * The notes of a document, or `undefined` when nothing referenced one.
 *
 * @param state
 *   The hast state of the document.
 * @param scope
 *   The document.
 * @param blocks
 *   Renders a note's blocks the way the document's root does.
 */
export function footnoteSection(
  state: State,
  scope: DocumentScope,
  blocks: (children: ElementContent[][]) => ElementContent[]
): Element | undefined {
  if (scope.footnoteOrder.length === 0) return undefined
  const items: ElementContent[] = [newline()]

  // Notes can reference further notes: the order grows while this runs.
  for (let index = 0; index < scope.footnoteOrder.length; index++) {
    const id = scope.footnoteOrder[index]!
    const definition = scope.plan.footnotes.get(id)!
    const number = String(index + 1)
    const rendered = definition.children.map((child) => {
      const result = state.one(child, definition)
      return result === undefined ? [] : Array.isArray(result) ? result : [result]
    })
    const children = blocks(rendered.filter((item) => item.length > 0))

    const backlinks: ElementContent[] = []
    const count = scope.footnoteCounts.get(id) ?? 1
    for (let reuse = 0; reuse < count; reuse++) {
      backlinks.push(nbsp(), {
        type: 'element',
        tagName: 'a',
        properties: {href: `#fnref${reuse > 0 ? reuse : ''}:${number}`, className: ['footnote-backref'], role: 'doc-backlink'},
        children: [backArrow()]
      })
    }

    // In the last paragraph when the note ends with one; else after it.
    const last = lastElement(children)
    if (last && last.tagName === 'p') {
      last.children.push(...backlinks)
    } else {
      children.push(...backlinks)
    }

    items.push({type: 'element', tagName: 'li', properties: {id: `fn:${number}`}, children: [newline(), ...children]}, newline())
  }

  const list: Element = {type: 'element', tagName: 'ol', properties: {}, children: items}
  const rule: Element = {type: 'element', tagName: 'hr', properties: {}, children: []}
  return {
    type: 'element',
    tagName: 'div',
    properties: {className: ['footnotes'], role: 'doc-endnotes'},
    children: [newline(), rule, newline(), list, newline()]
  }
}

function lastElement(children: ElementContent[]): Element | undefined {
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!
    if (child.type === 'element') return child
    if (child.type !== 'text' || child.value.trim() !== '') return undefined
  }

  return undefined
}
