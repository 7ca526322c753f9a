/**
 * The Tabler icons a page asks Doks for: the `icon` of callouts and cards,
 * with the param that names each (for places and fixes). Directive callouts
 * name theirs in attributes without positions. `inline-svg` is left out,
 * and so is a name that reads as an asset path (`svgs/logos/x.svg`): Doks
 * looks such names up among the page's resources and the site's `assets/`
 * first, which a page alone cannot see.
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
    if (hugo && (node.name === 'callout' || node.name === 'card')) {
      const param = paramOf(hugo, 'icon')
      if (param && !isAssetPath(String(param.value))) uses.push({param, name: String(param.value), shortcode: node.name, place: {start: param.start, end: param.end}})
      return
    }

    const callout = calloutOf(node)
    if (!hugo && callout?.icon !== undefined && callout.syntax === 'directive' && !isAssetPath(callout.icon)) {
      uses.push({param: undefined, name: callout.icon, shortcode: 'callout', place: node.position})
    }
  })
  return uses
}

/**
 * Whether an icon name reads as a path to an asset of the site
 * (`svgs/logos/logo.svg`) rather than a Tabler name (`outline/x`, `x`).
 *
 * @param name
 *   The name as written.
 */
export function isAssetPath(name: string): boolean {
  const slash = name.indexOf('/')
  if (slash <= 0 || name.startsWith('..')) return false
  const folder = name.slice(0, slash)
  return folder !== 'outline' && folder !== 'filled'
}
