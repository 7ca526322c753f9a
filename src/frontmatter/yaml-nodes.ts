/**
 * Small helpers on `yaml` nodes shared by the checks and the locator: what
 * a key is called in the data, merge keys, and alias targets.
 */

import {isAlias, isScalar, type Alias, type Node as YamlNode} from 'yaml'

/** Where each alias points: the anchored node, or `undefined` when unknown. */
export type AliasTargets = Map<Alias, YamlNode | undefined>

/**
 * The name a key gets in the data: the library stringifies scalar keys
 * (`null` as the empty string); merge keys (`<<`) and collection keys have
 * none.
 *
 * @param key
 *   The key of a pair.
 */
export function keyName(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined
  const value = key.value
  if (typeof value === 'symbol') return undefined
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Check whether a key is a merge key (`<<`).
 *
 * @param key
 *   The key of a pair.
 */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol'
}

/**
 * Follow an alias to its target; other nodes are returned as they are.
 *
 * @param node
 *   A node, or anything found in a pair.
 * @param aliases
 *   Alias targets.
 */
export function resolve(node: unknown, aliases: AliasTargets): unknown {
  return isAlias(node) ? aliases.get(node) : node
}
