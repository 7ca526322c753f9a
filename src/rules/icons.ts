/**
 * The icons a page asks Doks for: the `icon` of callouts and cards and the
 * `src` of `inline-svg`, with the param that names each (for places and
 * fixes). Directive callouts name theirs in attributes without positions.
 */
import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {HugoParam} from '../syntax/types.js'
import {paramOf} from './params.js'
import {calloutOf, isShortcode, walk} from './walk.js'

/** One icon use. */
export interface IconUse {
  /** The param, for shortcode calls. */
  param: HugoParam | undefined
  /** The name as written. */
  name: string
  /** The shortcode that asks for it. */
  shortcode: string
  /** Where: the param's offsets, or the directive's position. */
  place: {start: number; end: number} | Position | undefined
}

/**
 * Every icon a page names, in document order.
 *
 * @param tree
 *   The page.
 */
export function iconUses(tree: Root): IconUse[] {
  const uses: IconUse[] = []
  walk(tree, (node) => {
    if (!isShortcode(node)) return
    const hugo = node.data?.hugo
    if (hugo && (node.name === 'callout' || node.name === 'card' || node.name === 'inline-svg')) {
      const param = node.name === 'inline-svg' ? paramOf(hugo, 'src', 0) : paramOf(hugo, 'icon')
      if (param) uses.push({param, name: String(param.value), shortcode: node.name, place: {start: param.start, end: param.end}})
      return
    }

    const callout = calloutOf(node)
    if (!hugo && callout?.icon !== undefined && callout.syntax === 'directive') {
      uses.push({param: undefined, name: callout.icon, shortcode: 'callout', place: node.position})
    }
  })
  return uses
}
