/**
 * Find where the value at a key path is written in a parsed YAML document,
 * following aliases and merge keys (`<<`) as the data does.
 */

import {isMap, isNode, isSeq, type Document, type Pair, type YAMLMap} from 'yaml'
import {position} from './positions.js'
import type {KeyPath, ValuePosition} from './types.js'
import {isMergeKey, keyName, resolve, type AliasTargets} from './yaml-nodes.js'

/**
 * Find the pair that gives a key its value: the last pair with that key (as
 * duplicates resolve), else the first merged mapping that has it.
 *
 * @param map
 *   The mapping.
 * @param name
 *   The key.
 * @param aliases
 *   Alias targets.
 * @param depth
 *   Merge nesting so far; bounds the search on odd documents.
 */
function findPair(
  map: YAMLMap,
  name: string,
  aliases: AliasTargets,
  depth = 0
): Pair | undefined {
  for (let index = map.items.length - 1; index >= 0; index--) {
    const pair = map.items[index]
    if (pair && keyName(pair.key) === name) return pair
  }

  if (depth > 32) return undefined

  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
    for (const source of sources) {
      const target = resolve(source, aliases)
      if (!isMap(target)) continue
      const found = findPair(target, name, aliases, depth + 1)
      if (found) return found
    }
  }

  return undefined
}

/**
 * Find where the value at a key path is written.
 *
 * An alias is followed to its anchor to go deeper, but when the path ends on
 * an alias the alias itself (`*name`) is returned: that is what the author
 * wrote for this key.
 *
 * @param document
 *   The parsed document.
 * @param text
 *   The YAML text.
 * @param aliases
 *   Alias targets.
 * @param path
 *   The key path.
 * @param offset
 *   Offset of the text in the whole file.
 */
export function locateYaml(
  document: Document.Parsed,
  text: string,
  aliases: AliasTargets,
  path: KeyPath,
  offset: number
): ValuePosition | undefined {
  let node: unknown = document.contents
  let key: [number, number] | undefined

  for (const segment of path) {
    const container = resolve(node, aliases)
    if (isMap(container)) {
      const pair = findPair(container, String(segment), aliases)
      if (!pair) return undefined
      key = isNode(pair.key) && pair.key.range
        ? [pair.key.range[0], pair.key.range[1]]
        : undefined
      node = pair.value
    } else if (isSeq(container)) {
      const index = toIndex(segment)
      if (index === undefined || index >= container.items.length) return undefined
      key = undefined
      node = container.items[index]
    } else {
      return undefined
    }
  }

  const keyOffsets = key
    ? {start: offset + key[0], end: offset + key[1]}
    : undefined

  if (isNode(node) && node.range) {
    const start = node.range[0]
    let end = node.range[1]
    // A block collection or block scalar ends after its last line break;
    // the value as written stops before it.
    while (end > start && /\s/.test(text.charAt(end - 1))) end--
    return position(offset + start, offset + end, keyOffsets)
  }

  // `? key` with no value: point just past the key.
  if (keyOffsets && (node === null || node === undefined)) {
    return position(keyOffsets.end, keyOffsets.end, keyOffsets)
  }

  return undefined
}

/**
 * Read a path segment as a sequence index.
 *
 * @param segment
 *   A number, or a string of decimal digits.
 * @returns
 *   The index, or `undefined` when the segment is not one.
 */
export function toIndex(segment: string | number): number | undefined {
  if (typeof segment === 'number') {
    return Number.isInteger(segment) && segment >= 0 ? segment : undefined
  }

  return /^(?:0|[1-9]\d*)$/.test(segment) ? Number(segment) : undefined
}
