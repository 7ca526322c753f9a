/**
 * The HTML of slamark's SLA shortcodes, cut out of the page as the
 * standalone renderer renders it: before rendering, every node the SLA
 * shortcodes were filled with gets a marker property; the renderer's
 * `onHast` hook finds the marked elements, takes the markers off and writes
 * each element as the page's HTML writes it. So a fragment is byte for byte
 * the page's own HTML (icon ids made unique over the whole page included).
 */
import type {Element, Root as HastRoot} from 'hast'
import type {Root, RootContent} from 'mdast'
import type {HastContext} from '../render/types.js'
import {outermostNodes} from '../syntax/outermost.js'
import type {SlaBlock, SlaInline} from '../transform/inject/nodes.js'

/** The marker property, as hast names it (`data-slamark-fragment` in HTML). */
const marker = 'dataSlamarkFragment'

/** One marked node: which shortcode filled it and where the call is. */
export interface MarkedFragment {
  /** `sla-timeline`, `sla-targets`, `sla-breaches`, `sla-value`, or `breach-notice` for the notice at the top. */
  source: string
  /** Offset of the call's `{{` (none for the notice, which no call asked for). */
  offset: number | undefined
}

/**
 * Mark every node the SLA shortcodes were filled with (in the page and in
 * shortcode bodies), so that their elements can be found after rendering.
 *
 * @param tree
 *   The page after `remarkInjectSla`.
 * @returns
 *   The marked nodes, by marker.
 */
export function markFragments(tree: Root): Map<string, MarkedFragment> {
  const marked = new Map<string, MarkedFragment>()
  for (const {node} of outermostNodes(tree, isFilled)) mark(node, marked)
  return marked
}

function isFilled(node: RootContent): node is SlaBlock | SlaInline {
  return node.type === 'slaBlock' || node.type === 'slaInline'
}

function mark(node: SlaBlock | SlaInline, marked: Map<string, MarkedFragment>): void {
  const id = String(marked.size)
  // A copy: the properties object may be shared with the report's cache.
  node.data.hProperties = {...node.data.hProperties, [marker]: id}
  marked.set(id, {source: node.data.sla.source, offset: node.position?.start.offset})
}

/**
 * The HTML of every marked element of a rendered page, by marker; the
 * markers are taken off the tree first, so the HTML is the page's.
 *
 * @param root
 *   The page's hast (the renderer's `onHast`).
 * @param context
 *   The renderer's writer.
 */
export function cutFragments(root: HastRoot, context: Pick<HastContext, 'toHtml'>): Map<string, string> {
  const found: Array<[string, Element]> = []
  const stack: Array<HastRoot | Element> = [root]
  while (stack.length > 0) {
    const parent = stack.pop()!
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      const id = child.properties[marker]
      if (id !== undefined) {
        found.push([String(id), child])
        delete child.properties[marker]
      }

      stack.push(child)
    }
  }

  return new Map(found.map(([id, element]) => [id, context.toHtml([element])]))
}
