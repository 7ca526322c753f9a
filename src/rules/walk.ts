/**
 * One walk over a page's tree for the rules: every node in document order,
 * shortcode bodies included (the children of a block shortcode, and the
 * parsed body of one placed inside a sentence), with the shortcodes around
 * each node. Iterative, so a deep page cannot overflow the stack.
 */
import type {Nodes, Parents, Root} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import {shortcodeCallout} from '../syntax/callouts.js'
import type {CalloutData} from '../syntax/types.js'

/** A shortcode node (any directive node that carries `data.hugo`, or a callout). */
export type ShortcodeNode = ContainerDirective | LeafDirective | TextDirective

/** Where a node is. */
export interface WalkContext {
  /** Its parent (the body's root for the top of an inline shortcode's body). */
  parent: Parents | undefined
  /** Its index in the parent. */
  index: number
  /** The shortcodes and callouts it is inside, outermost first. */
  shortcodes: readonly ShortcodeNode[]
}

/**
 * Whether a node is a shortcode or callout node.
 *
 * @param node
 *   Any node.
 */
export function isShortcode(node: Nodes): node is ShortcodeNode {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective'
}

/**
 * Visit every node of a page, in document order.
 *
 * @param tree
 *   The page.
 * @param visit
 *   Called for each node; return `false` to skip its children.
 */
export function walk(tree: Root, visit: (node: Nodes, context: WalkContext) => boolean | void): void {
  const stack: Array<{node: Nodes; context: WalkContext}> = [{node: tree, context: {parent: undefined, index: 0, shortcodes: []}}]

  while (stack.length > 0) {
    const {node, context} = stack.pop()!
    if (visit(node, context) === false) continue
    const shortcodes = isShortcode(node) ? [...context.shortcodes, node] : context.shortcodes
    const pending: Array<{node: Nodes; context: WalkContext}> = []

    if ('children' in node) {
      node.children.forEach((child, index) => pending.push({node: child, context: {parent: node, index, shortcodes}}))
    }

    const body = isShortcode(node) ? node.data?.hugo?.body : undefined
    if (body) body.children.forEach((child, index) => pending.push({node: child, context: {parent: body, index, shortcodes}}))

    for (let index = pending.length - 1; index >= 0; index--) stack.push(pending[index]!)
  }
}

/**
 * The callout data of a node, when it is a callout in any syntax; a Doks
 * callout placed inside a sentence (a text node) is read as the parser reads
 * a block one.
 *
 * @param node
 *   Any node.
 */
export function calloutOf(node: Nodes): CalloutData | undefined {
  if (node.type === 'containerDirective') return node.data?.callout
  if (node.type !== 'textDirective' || node.name !== 'callout' || !node.data?.hugo) return undefined
  const copy = {type: 'containerDirective', name: 'callout', children: [], data: {hugo: node.data.hugo}} as ContainerDirective
  shortcodeCallout(copy)
  return copy.data?.callout
}
