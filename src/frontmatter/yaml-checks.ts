/**
 * Checks on a parsed YAML document that the `yaml` package does not make (or
 * makes only by throwing from `toJS`): aliases that cannot be expanded, keys
 * written twice, collection keys, merge keys without a mapping, and the
 * location of an alias bomb.
 */

import {
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  visit,
  type Document,
  type Node as YamlNode,
  type Pair
} from 'yaml'
import {diagnostic, type Diagnostic} from '../hugo/diagnostic.js'
import {duplicateKeyRuleId, yamlRuleId} from './rules.js'
import {code} from './text.js'
import {isMergeKey, keyName, resolve, type AliasTargets} from './yaml-nodes.js'

/**
 * Resolve every alias (filling `aliases`) and report the ones that cannot be
 * expanded: unknown anchors, and aliases inside the value they point to
 * (an endless structure).
 *
 * One visit in document order, keeping the last anchor of each name seen so
 * far: this is how YAML resolves aliases, without the cost of the library's
 * per-alias document walk.
 *
 * @param document
 *   The parsed document.
 * @param aliases
 *   Map to fill with each alias and its target.
 * @param offset
 *   Offset of the text in the whole file.
 * @param diagnostics
 *   List to add to.
 * @returns
 *   Whether every alias can be expanded.
 */
export function checkAliases(
  document: Document.Parsed,
  aliases: AliasTargets,
  offset: number,
  diagnostics: Diagnostic[]
): boolean {
  const anchors = new Map<string, YamlNode>()
  let usable = true

  visit(document, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = anchors.get(node.source)
        aliases.set(node, target)
        const [start, end] = node.range ?? [0, 0]
        const name = node.source

        if (!target) {
          usable = false
          diagnostics.push(
            diagnostic({
              ruleId: yamlRuleId,
              severity: 'error',
              reason: `Unexpected alias ${code('*' + name)}, expected an anchor ${code('&' + name)} defined before it`,
              hint: 'Define the anchor (`key: &name value`) above the alias, or quote the value when `*` is meant as text.',
              start: offset + start,
              end: offset + end
            })
          )
        } else if ((path as readonly unknown[]).includes(target)) {
          usable = false
          diagnostics.push(
            diagnostic({
              ruleId: yamlRuleId,
              severity: 'error',
              reason: `Unexpected alias ${code('*' + name)} inside the value it refers to, expected an alias to a finished value`,
              hint: 'An alias inside its own anchored value describes an endless structure: refer to another value.',
              start: offset + start,
              end: offset + end
            })
          )
        }
      } else if (node.anchor) {
        anchors.set(node.anchor, node)
      }
    }
  })

  return usable
}

/**
 * Report keys written twice in one mapping (Hugo keeps the last value), keys
 * that are lists or mappings (Hugo turns them into text), and merge keys
 * (`<<`) whose value is not a mapping (Hugo, like the library, refuses them).
 *
 * @param document
 *   The parsed document.
 * @param aliases
 *   Alias targets, from {@link checkAliases}.
 * @param offset
 *   Offset of the text in the whole file.
 * @param diagnostics
 *   List to add to.
 * @returns
 *   Whether every merge key can be applied.
 */
export function checkKeys(
  document: Document.Parsed,
  aliases: AliasTargets,
  offset: number,
  diagnostics: Diagnostic[]
): boolean {
  let usable = true
  visit(document, {
    Map(_key, map) {
      // First place of each key, to name both places of a duplicate.
      const seen = new Map<string, [number, number]>()
      for (const pair of map.items) {
        const key = pair.key
        if (isMergeKey(key)) {
          if (!checkMerge(pair, aliases, offset, diagnostics)) usable = false
          continue
        }

        if (isCollection(key)) {
          const [start, end] = key.range ?? [0, 0]
          diagnostics.push(
            diagnostic({
              ruleId: yamlRuleId,
              severity: 'warning',
              reason: `Unexpected ${isSeq(key) ? 'list' : 'mapping'} as a key, expected a plain text key`,
              hint: 'Hugo turns such a key into text, which no template can look up by name: write the key as plain text.',
              start: offset + start,
              end: offset + end
            })
          )
          continue
        }

        const name = keyName(key)
        if (name === undefined) continue
        const first = seen.get(name)
        if (first && isNode(key)) {
          const [start, end] = key.range ?? [0, 0]
          diagnostics.push(
            diagnostic({
              ruleId: duplicateKeyRuleId,
              severity: 'error',
              reason: `Unexpected second ${code(name)} key, expected each key once in a mapping`,
              hint: 'Hugo keeps the last value and silently drops the earlier one: remove one of them.',
              start: offset + start,
              end: offset + end,
              actual: name,
              related: {start: offset + first[0], end: offset + first[1], reason: `first ${code(name)} key`}
            })
          )
        }

        if (!first && isNode(key)) seen.set(name, [key.range?.[0] ?? 0, key.range?.[1] ?? 0])
      }
    }
  })
  return usable
}

/**
 * Check that a merge key (`<<`) brings in mappings: a mapping, an alias to
 * one, or a list of those.
 *
 * @param pair
 *   The `<<: …` pair.
 * @param aliases
 *   Alias targets.
 * @param offset
 *   Offset of the text in the whole file.
 * @param diagnostics
 *   List to add to.
 * @returns
 *   Whether the merge can be applied.
 */
function checkMerge(
  pair: Pair,
  aliases: AliasTargets,
  offset: number,
  diagnostics: Diagnostic[]
): boolean {
  const value = pair.value
  const sources = isSeq(value) ? value.items : [value]
  let usable = true
  for (const source of sources) {
    if (isMap(resolve(source, aliases))) continue
    usable = false
    const where = isNode(source) && source.range
      ? source.range
      : isNode(pair.key) && pair.key.range
        ? pair.key.range
        : [0, 0]
    const kind = isAlias(source)
      ? `alias ${code('*' + source.source)} to something other than a mapping`
      : isSeq(source)
        ? 'list'
        : isScalar(source) && source.value !== null ? 'plain value' : 'empty value'
    diagnostics.push(
      diagnostic({
        ruleId: yamlRuleId,
        severity: 'error',
        reason: `Unexpected ${kind} after \`<<\`, expected a mapping or an alias to one`,
        hint: '`<<` merges the keys of another mapping (`<<: *defaults`); to use `<<` as an ordinary key, quote it: `"<<": value`.',
        start: offset + where[0],
        end: offset + where[1]
      })
    )
  }

  return usable
}

/**
 * Build the diagnostic for a failed `toJS`: normally the alias limit, which
 * is located at the alias that starts the blow-up.
 *
 * The library does not say which alias hit the limit; the first alias whose
 * target itself contains aliases is where nested expansion (the "billion
 * laughs" shape) begins, and otherwise the last alias pushed the count over.
 *
 * @param error
 *   What `toJS` threw.
 * @param limit
 *   The alias limit given to `toJS`.
 * @param aliases
 *   Every alias with its target, in document order.
 * @param offset
 *   Offset of the text in the whole file.
 */
export function expansionDiagnostic(
  error: unknown,
  limit: number,
  aliases: AliasTargets,
  offset: number
): Diagnostic {
  const message = error instanceof Error ? error.message : String(error)
  const list = [...aliases.keys()]
  const nested = list.find((alias) => {
    const target = aliases.get(alias)
    return target !== undefined && containsAlias(target)
  })
  const site = nested ?? list.at(-1)
  const [start, end] = site?.range ?? [0, 0]

  if (/alias count/i.test(message)) {
    return diagnostic({
      ruleId: yamlRuleId,
      severity: 'error',
      reason: `Unexpected expansion of more than ${limit} aliases${site ? ` from ${code('*' + site.source)}` : ''}, expected a few aliases at most`,
      hint: 'Aliases of aliases grow exponentially (a "billion laughs" attack); write the values out instead.',
      start: offset + start,
      end: offset + end
    })
  }

  return diagnostic({
    ruleId: yamlRuleId,
    severity: 'error',
    reason: 'Unexpected failure while building the values, expected plain values',
    hint: `The YAML library says: ${message.replace(/\.+$/, '')}.`,
    start: offset + start,
    end: offset + end
  })
}

/**
 * Check whether a node has an alias somewhere inside it.
 *
 * @param node
 *   The node to search.
 */
function containsAlias(node: YamlNode): boolean {
  if (!isCollection(node)) return false
  let found = false
  visit(node, {
    Alias() {
      found = true
      return visit.BREAK
    }
  })
  return found
}
