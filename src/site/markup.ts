/**
 * Hugo's merged `markup` table (keys lower-cased, as Hugo holds them) as
 * slamark's `MarkupOptions`: the settings the renderer follows, each decoded
 * as Hugo decodes it; settings slamark does not follow (`highlight.style`,
 * `goldmark.duplicateResourceFiles`, …) are left out, as they do not change
 * slamark's output.
 */
import type {Diagnostic} from '../hugo/diagnostic.js'
import type {MarkupOptions} from '../render/types.js'
import {configValueTypeRuleId, configValueUnknownRuleId} from './rules.js'
import {decodeWeak, type WeakType} from './weak-decode.js'
import {isRecord} from '../util/is-record.js'

/** How one setting decodes: a Go type, one of some words, or a table of settings. */
type Spec = WeakType | {oneOf: readonly string[]} | 'typographer' | {readonly [key: string]: Spec}

/** The `markup` settings slamark follows, spelled as in `MarkupOptions`. */
const markupSpec: {readonly [key: string]: Spec} = {
  goldmark: {
    extensions: {
      table: 'bool',
      strikethrough: 'bool',
      taskList: 'bool',
      footnote: 'bool',
      definitionList: 'bool',
      linkify: 'bool',
      linkifyProtocol: 'string',
      typographer: 'typographer'
    },
    parser: {
      autoHeadingID: 'bool',
      autoHeadingIDType: {oneOf: ['github', 'github-ascii', 'blackfriday']},
      attribute: {title: 'bool', block: 'bool'},
      wrapStandAloneImageWithinParagraph: 'bool'
    },
    renderer: {unsafe: 'bool', hardWraps: 'bool', xhtml: 'bool'}
  },
  tableOfContents: {startLevel: 'int', endLevel: 'int', ordered: 'bool'},
  highlight: {codeFences: 'bool', noClasses: 'bool', tabWidth: 'int'}
}

/** Reports a problem with the setting at a key path under `markup` (lower-cased). */
export type MarkupProblem = (keys: string[], item: Diagnostic) => void

/**
 * Decode Hugo's `markup` table.
 *
 * @param raw
 *   The merged `markup` value (`undefined` when the site sets none).
 * @param onProblem
 *   Called for each setting Hugo would refuse or replace.
 * @returns
 *   The settings given, decoded; missing ones stay missing (the renderer
 *   fills in Hugo's defaults).
 */
export function decodeMarkup(raw: unknown, onProblem: MarkupProblem): MarkupOptions {
  if (raw === undefined) return {}
  return (decodeTable(raw, markupSpec, ['markup'], [], onProblem) ?? {}) as MarkupOptions
}

function decodeTable(
  raw: unknown,
  spec: {readonly [key: string]: Spec},
  names: string[],
  keys: string[],
  onProblem: MarkupProblem
): Record<string, unknown> | undefined {
  if (!isRecord(raw)) {
    onProblem(keys, typeProblem(`Unexpected ${Array.isArray(raw) ? 'list' : typeof raw} for \`${names.join('.')}\`, expected a table of settings`))
    return undefined
  }

  const result: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(spec)) {
    const key = name.toLowerCase()
    const value = raw[key]
    if (value === undefined) continue
    const path = [...keys, key]
    const label = [...names, name].join('.')
    if (typeof item === 'string' && item !== 'typographer') {
      const decoded = decodeWeak(value, item, label)
      if (decoded.ok) result[name] = decoded.value
      else onProblem(path, decoded.problem)
    } else if (item === 'typographer') {
      // Hugo 0.111 reads a boolean; later versions a table with `disable`.
      if (isRecord(value)) {
        result[name] = decodeTable(value, {disable: 'bool'}, [...names, name], path, onProblem)!
      } else {
        const decoded = decodeWeak(value, 'bool', label)
        if (decoded.ok) result[name] = decoded.value
        else onProblem(path, decoded.problem)
      }
    } else if (isOneOf(item)) {
      const decoded = decodeWeak(value, 'string', label)
      if (!decoded.ok) onProblem(path, decoded.problem)
      else if (item.oneOf.includes(decoded.value as string)) result[name] = decoded.value
      else onProblem(path, unknownValue(label, String(decoded.value), item.oneOf))
    } else {
      const table = decodeTable(value, item as {readonly [key: string]: Spec}, [...names, name], path, onProblem)
      if (table) result[name] = table
    }
  }

  return result
}

const isOneOf = (spec: Spec): spec is {oneOf: readonly string[]} => typeof spec === 'object' && Array.isArray(spec['oneOf'])

function typeProblem(reason: string): Diagnostic {
  return {ruleId: configValueTypeRuleId, severity: 'error', reason, hint: 'Hugo cannot decode this and stops the build', start: 0, end: 0}
}

function unknownValue(label: string, value: string, known: readonly string[]): Diagnostic {
  return {
    ruleId: configValueUnknownRuleId,
    severity: 'warning',
    reason: `Unexpected \`${value}\` for \`${label}\`, expected ${known.map((word) => `\`${word}\``).join(', ')}`,
    hint: `Hugo uses its default (\`${known[0]}\`) for a value it does not know`,
    actual: value,
    expected: [...known],
    start: 0,
    end: 0
  }
}
