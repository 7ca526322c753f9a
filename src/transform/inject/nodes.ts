import type {ElementContent, Properties} from 'hast'
import type {BlockContent, Data, DefinitionContent} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {Position} from 'unist'
// Brings in the `hName`, `hProperties` and `hChildren` fields of mdast `Data`.
import type {} from 'mdast-util-to-hast'

/**
 * The mdast nodes that stand for content slamark builds from the SLA report.
 * They carry their HTML in `data.hName`, `data.hProperties` and
 * `data.hChildren`, which `mdast-util-to-hast` honours for any node, so a
 * renderer turns them into HTML without knowing about SLAs (as it does for
 * remark-math's nodes).
 */

/** What every injected node says about where it came from. */
export interface SlaNodeData extends Data {
  /** The shortcode that produced the node (`sla-timeline`), or `breach-notice` for the notice at the top of a page. */
  sla: {source: string}
}

/**
 * Block content built from the report: an element (`data.hName`) whose
 * content is either ready hast (`data.hChildren`, for tables and SVG) or
 * mdast `children` the renderer renders as usual (the callouts of
 * `sla-breaches`).
 */
export interface SlaBlock {
  type: 'slaBlock'
  children: Array<BlockContent | DefinitionContent>
  data: SlaNodeData
  position?: Position
}

/** Phrasing content built from the report (the text of `sla-value`), as ready hast. */
export interface SlaInline {
  type: 'slaInline'
  /** The text, for what reads mdast text (`mdast-util-to-string`: heading ids, search); the HTML comes from `data`. */
  value: string
  data: SlaNodeData
  position?: Position
}

declare module 'mdast' {
  interface RootContentMap {
    slaBlock: SlaBlock
    slaInline: SlaInline
  }
  interface BlockContentMap {
    slaBlock: SlaBlock
  }
  interface PhrasingContentMap {
    slaInline: SlaInline
  }
}

/** A shortcode node as the parser makes it. */
export type ShortcodeNode = ContainerDirective | LeafDirective | TextDirective

/** What an injected element is. */
export interface ElementSpec {
  /** Which shortcode produced it. */
  source: string
  tagName: string
  properties: Properties
  /** Where the shortcode is, so that later messages point at it. */
  position: Position | undefined
}

/**
 * A block whose content is ready hast.
 *
 * @param spec
 *   The element.
 * @param hChildren
 *   Its content.
 */
export function htmlBlock(spec: ElementSpec, hChildren: ElementContent[]): SlaBlock {
  const node: SlaBlock = {
    type: 'slaBlock',
    children: [],
    data: {sla: {source: spec.source}, hName: spec.tagName, hProperties: spec.properties, hChildren}
  }
  if (spec.position) node.position = spec.position
  return node
}

/**
 * A block element around mdast content (rendered by the renderer as any
 * other content of the page).
 *
 * @param spec
 *   The element.
 * @param children
 *   Its mdast content.
 */
export function wrapperBlock(spec: ElementSpec, children: Array<BlockContent | DefinitionContent>): SlaBlock {
  const node: SlaBlock = {
    type: 'slaBlock',
    children,
    data: {sla: {source: spec.source}, hName: spec.tagName, hProperties: spec.properties}
  }
  if (spec.position) node.position = spec.position
  return node
}

/**
 * Phrasing whose content is ready hast.
 *
 * @param spec
 *   The element.
 * @param hChildren
 *   Its content.
 */
export function htmlInline(spec: ElementSpec, hChildren: ElementContent[]): SlaInline {
  const node: SlaInline = {
    type: 'slaInline',
    value: hastText(hChildren),
    data: {sla: {source: spec.source}, hName: spec.tagName, hProperties: spec.properties, hChildren}
  }
  if (spec.position) node.position = spec.position
  return node
}

function hastText(nodes: readonly ElementContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'text') text += node.value
    else if (node.type === 'element') text += hastText(node.children)
  }

  return text
}
