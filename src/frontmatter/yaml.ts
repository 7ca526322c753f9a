/**
 * Read YAML front matter with the `yaml` package, keeping a position for
 * every value.
 *
 * Choices, and why:
 *
 * * Core schema: dates stay strings exactly as written
 *   (`2023-09-07T16:04:48+02:00`), as YAML 1.2 says; Hugo's own date handling
 *   is a later, separate step.
 * * `uniqueKeys: false`: Hugo accepts duplicate keys (last wins), so they are
 *   a warning here, not a syntax error.
 * * `merge: true`: Hugo's YAML library honours `<<` merge keys.
 * * Aliases are checked before `toJS` (unknown anchors, aliases inside their
 *   own anchor) and expansion is capped, so a "billion laughs" input gives a
 *   diagnostic instead of eating memory.
 */

import {parseDocument, type YAMLError} from 'yaml'
import {diagnostic, type Diagnostic} from '../hugo/diagnostic.js'
import {yamlRuleId} from './rules.js'
import type {FormatResult} from './types.js'
import {checkAliases, checkKeys, expansionDiagnostic} from './yaml-checks.js'
import {locateYaml} from './yaml-locate.js'
import type {AliasTargets} from './yaml-nodes.js'
import {explainParserProblem} from './yaml-messages.js'
import {fastYamlValue} from './yaml-fast.js'
import {fastYamlLocator, type FastYamlLocator} from './yaml-fast-locate.js'

/**
 * Most alias expansions accepted; well above what hand-written front matter
 * needs, far below what an exponential alias bomb asks for.
 */
export const maxAliasCount = 100

/**
 * Parse the text of a YAML front matter block.
 *
 * @param text
 *   The text between the `---` lines.
 * @param offset
 *   Offset of `text` in the whole file; every position is shifted by it.
 * @returns
 *   The value (`undefined` on a syntax error), diagnostics and a locator.
 */
export function parseYamlFrontMatter(text: string, offset: number): FormatResult {
  const fast = fastYamlValue(text)
  if (fast) {
    // Positions are made the first time one is asked for: from js-yaml's node
    // spans, or, where those cannot say for sure, from `yaml`'s document.
    let spans: FastYamlLocator | undefined
    let full: FormatResult | undefined
    return {
      value: fast.value,
      diagnostics: [],
      locate(path) {
        const found = (spans ??= fastYamlLocator(text, offset))(path)
        return found === 'unsure' ? (full ??= readYamlDocument(text, offset)).locate(path) : found
      }
    }
  }

  return readYamlDocument(text, offset)
}

/**
 * Parse the text of a YAML front matter block into `yaml`'s document, which
 * keeps every node's range: the value, every diagnostic and a locator.
 *
 * @param text
 *   The text between the `---` lines.
 * @param offset
 *   Offset of `text` in the whole file.
 */
export function readYamlDocument(text: string, offset: number): FormatResult {
  const document = parseDocument(text, {
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: false,
    merge: true,
    // The library would print warnings (e.g. about collection keys) to the
    // console; they are reported as diagnostics instead.
    logLevel: 'silent'
  })
  const diagnostics: Diagnostic[] = []

  reportParserProblems(document.errors, 'error', text, offset, diagnostics)
  reportParserProblems(document.warnings, 'warning', text, offset, diagnostics)

  if (document.errors.length > 0) {
    return {value: undefined, diagnostics, locate: () => undefined}
  }

  const aliases: AliasTargets = new Map()
  // Without a `*` there is no alias to resolve, and the document walk can be skipped.
  const aliasesUsable = text.includes('*') ? checkAliases(document, aliases, offset, diagnostics) : true
  const keysUsable = checkKeys(document, aliases, offset, diagnostics)

  if (!aliasesUsable || !keysUsable) {
    return {value: undefined, diagnostics, locate: () => undefined}
  }

  let value: unknown
  try {
    value = document.toJS({maxAliasCount})
  } catch (error) {
    diagnostics.push(expansionDiagnostic(error, maxAliasCount, aliases, offset))
    return {value: undefined, diagnostics, locate: () => undefined}
  }

  return {
    value,
    diagnostics,
    locate: (path) => locateYaml(document, text, aliases, path, offset)
  }
}

/**
 * Turn the parser's errors or warnings into diagnostics.
 *
 * Only the first problem of each line is kept: after a syntax error the
 * parser often reports follow-up errors on the same line that only repeat it.
 *
 * @param problems
 *   `document.errors` or `document.warnings`.
 * @param severity
 *   Severity to give them.
 * @param text
 *   The YAML text.
 * @param offset
 *   Offset of the text in the whole file.
 * @param diagnostics
 *   List to add to.
 */
function reportParserProblems(
  problems: YAMLError[],
  severity: Diagnostic['severity'],
  text: string,
  offset: number,
  diagnostics: Diagnostic[]
): void {
  let lastLineStart = -1
  for (const problem of problems) {
    const start = clampIndex(problem.pos[0], text)
    const end = Math.max(start, clampIndex(problem.pos[1], text))
    const lineStart = text.lastIndexOf('\n', start - 1) + 1
    if (lineStart === lastLineStart) continue
    lastLineStart = lineStart

    const {reason, hint} = explainParserProblem(problem, text, start)
    const actual = text.slice(start, end)
    diagnostics.push(
      diagnostic({
        ruleId: yamlRuleId,
        severity,
        reason,
        hint,
        start: offset + start,
        end: offset + end,
        ...(actual.trim() ? {actual} : {})
      })
    )
  }
}

/**
 * Keep an index inside a text.
 *
 * @param index
 *   A position the parser reported.
 * @param text
 *   The text it is in.
 */
function clampIndex(index: number, text: string): number {
  return Math.min(Math.max(Number.isFinite(index) ? index : 0, 0), text.length)
}
