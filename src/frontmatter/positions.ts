/**
 * A tree of value positions, keyed like the data it describes.
 *
 * The TOML, JSON and Org readers scan their text once and record where every
 * value is written; looking a path up is then a walk down this tree. A tree
 * (rather than a flat map of joined paths) makes "last duplicate key wins"
 * trivial: replacing a child drops the positions of the old subtree too.
 */

import type {KeyPath, ValuePosition} from './types.js'

/** One recorded value: its position and the positions of its children. */
export class PositionNode {
  /** Where the value (and its key) is written, in whole-file offsets. */
  position: ValuePosition
  /**
   * Whether the value is only implied (a TOML table created by `[a.b]` or
   * `a.b = 1` before any `[a]`); an explicit definition replaces the position.
   */
  implicit: boolean
  /** Children by key or by index as a decimal string; made on first use, as most values have none. */
  private childMap: Map<string, PositionNode> | undefined

  /** Children by key, or by index written as a decimal string. */
  get children(): Map<string, PositionNode> {
    this.childMap ??= new Map()
    return this.childMap
  }

  /**
   * @param position
   *   Where the value is written.
   * @param implicit
   *   Whether the value is only implied by a longer key.
   */
  constructor(position: ValuePosition, implicit = false) {
    this.position = position
    this.implicit = implicit
  }

  /**
   * Record a child, replacing any earlier child of the same key (and its
   * subtree), as a later duplicate key replaces the earlier value.
   *
   * @param segment
   *   The key, or the index in an array.
   * @param position
   *   Where the child is written.
   * @returns
   *   The new child.
   */
  set(segment: string | number, position: ValuePosition): PositionNode {
    const node = new PositionNode(position)
    this.children.set(String(segment), node)
    return node
  }

  /**
   * Get a child.
   *
   * @param segment
   *   The key, or the index in an array.
   */
  get(segment: string | number): PositionNode | undefined {
    return this.childMap?.get(String(segment))
  }
}

/**
 * Make a position, leaving the key offsets out when there is no key (with
 * `exactOptionalPropertyTypes` an explicit `undefined` is not the same).
 *
 * @param start
 *   Offset of the value.
 * @param end
 *   Offset just past the value.
 * @param key
 *   Offsets of the key, when the value has one.
 */
export function position(
  start: number,
  end: number,
  key?: {start: number; end: number}
): ValuePosition {
  return key
    ? {start, end, keyStart: key.start, keyEnd: key.end}
    : {start, end}
}

/**
 * Look a path up in a position tree.
 *
 * Segments are compared as strings, so `['tags', 0]` and `['tags', '0']`
 * find the same element.
 *
 * @param root
 *   The node of the top-level value.
 * @param path
 *   The key path; `[]` gives the top-level value.
 * @returns
 *   A copy of the position (callers may change it freely), or `undefined`.
 */
export function lookup(
  root: PositionNode | undefined,
  path: KeyPath
): ValuePosition | undefined {
  let node = root
  for (const segment of path) {
    if (!node) return undefined
    node = node.get(segment)
  }

  return node ? {...node.position} : undefined
}
