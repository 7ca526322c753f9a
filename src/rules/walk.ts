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

/** A node in document order, with where its subtree ends in the list. */
interface Entry {
  node: Nodes
  context: WalkContext
  /** The index after its last descendant. */
  end: number
}

// Every rule walks the page; the order is computed once per tree (the rules
// run before anything changes the tree).
const orders = new WeakMap<Root, Entry[]>()

function documentOrder(tree: Root): Entry[] {
  const cached = orders.get(tree)
  if (cached) return cached
  const entries: Entry[] = []
  const open: number[] = []
  const stack: Array<{node: Nodes; context: WalkContext; depth: number}> = [{node: tree, context: {parent: undefined, index: 0, shortcodes: []}, depth: 0}]

  while (stack.length > 0) {
    const {node, context, depth} = stack.pop()!
    // Close the subtrees this node is not inside.
    while (open.length > depth) entries[open.pop()!]!.end = entries.length
    open.push(entries.length)
    entries.push({node, context, end: entries.length + 1})
    const shortcodes = isShortcode(node) ? [...context.shortcodes, node] : context.shortcodes
    const pending: Array<{node: Nodes; context: WalkContext; depth: number}> = []
    if ('children' in node) {
      node.children.forEach((child, index) => pending.push({node: child, context: {parent: node, index, shortcodes}, depth: depth + 1}))
    }

    const body = isShortcode(node) ? node.data?.hugo?.body : undefined
    if (body) body.children.forEach((child, index) => pending.push({node: child, context: {parent: body, index, shortcodes}, depth: depth + 1}))
    for (let index = pending.length - 1; index >= 0; index--) stack.push(pending[index]!)
  }

  while (open.length > 0) entries[open.pop()!]!.end = entries.length
  orders.set(tree, entries)
  return entries
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
  const entries = documentOrder(tree)
  let index = 0
  while (index < entries.length) {
    const entry = entries[index]!
    index = visit(entry.node, entry.context) === false ? entry.end : index + 1
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
