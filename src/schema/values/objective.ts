import {parseDuration, type DurationContext, type DurationValue} from './duration.js'
import {parsePercent, type PercentValue} from './percent.js'
import {actualText, describe, failure, problem, success, type ValueProblem, type ValueResult} from './result.js'

/** A comparator of a KPI objective. */
export type Comparator = '>=' | '<=' | '>' | '<'

/**
 * A parsed KPI objective: the measured value must compare to `value` with
 * `comparator`. `value.kind` tells a percentage from a duration.
 */
export interface ObjectiveValue {
  comparator: Comparator
  value: PercentValue | DurationValue
}

/** Options for `parseObjective`. */
export interface ObjectiveContext {
  /** Calendar kind for duration objectives (default: unknown); see `parseDuration`. */
  calendar?: DurationContext['calendar']
}

/** Comparators people write that mean one of ours. */
const spellings: Record<string, Comparator> = {'>=': '>=', '<=': '<=', '>': '>', '<': '<', '=>': '>=', '=<': '<=', '≥': '>=', '≤': '<='}

const shape = /^(>=|<=|=>|=<|==|!=|≥|≤|=|>|<)?\s*(.*)$/s
const percentLike = /^-?\d*[.,]?\d+\s*(?:%|percent|pct)?$/i

/**
 * Parse a KPI objective such as `">= 80%"`, `"<= 4h"` or `"80%"`
 * (sla-domain §5.2 `kpis.*.objective`).
 *
 * A percentage without a comparator means `>=` (a YAML number `80` too: bare
 * numbers are percentages, see `parsePercent`). A duration needs one: "4h"
 * could be a floor or a ceiling. Problems inside the percentage or duration
 * keep their own rule ids (`percent-fraction` for `">= 0.8"`).
 *
 * @param input
 *   The value as read from front matter.
 * @param context
 *   Calendar kind for duration objectives, when known.
 */
export function parseObjective(input: unknown, context: ObjectiveContext = {}): ValueResult<ObjectiveValue> {
  if (typeof input === 'number') return withComparator('>=', parsePercent(input, {kind: 'objective'}))

  if (typeof input !== 'string') return failure(malformed(input))
  const match = shape.exec(input.trim())
  if (!match || match[2] === '') return failure(malformed(input))

  const [, written, rest] = match as unknown as [string, string | undefined, string]

  if (written === '=' || written === '==' || written === '!=') {
    return failure(
      problem('objective-malformed', {
        reason: `Unexpected comparator \`${written}\` in ${describe(input)}, expected \`>=\`, \`<=\`, \`>\` or \`<\``,
        hint: 'An objective is a floor or a ceiling; measured values are rarely exactly equal to it',
        actual: actualText(input),
        expected: [`>= ${rest}`, `<= ${rest}`]
      })
    )
  }

  const comparator = written === undefined ? undefined : spellings[written]
  if (written !== undefined && comparator !== written) {
    const fixed = `${comparator} ${rest}`
    return failure(
      problem('objective-malformed', {
        reason: `Unexpected comparator \`${written}\` in ${describe(input)}, expected \`${comparator}\``,
        hint: `Did you mean \`${fixed}\`?`,
        actual: actualText(input),
        expected: [fixed]
      })
    )
  }

  if (percentLike.test(rest)) return withComparator(comparator ?? '>=', parsePercent(rest, {kind: 'objective'}), input, written !== undefined)

  if (!/^-?\d/.test(rest)) return failure(malformed(input))

  const duration = parseDuration(rest, {calendar: context.calendar, use: 'interval'})
  if (duration.ok && comparator === undefined) {
    return failure(
      problem('objective-comparator-missing', {
        reason: `Unexpected duration ${describe(input)} without a comparator, expected \`<= ${rest}\` or \`>= ${rest}\``,
        hint: 'Only percentages default to `>=`; a duration may be a ceiling (`<= 4h`, a response time) or a floor',
        actual: actualText(input),
        expected: [`<= ${rest}`, `>= ${rest}`]
      })
    )
  }

  return withComparator(comparator ?? '<=', duration, input, written !== undefined)
}

/**
 * Attach the comparator to a parsed percentage or duration, keeping its
 * problems and warnings. A problem in the part is about the whole objective:
 * `actual` becomes the whole text, and suggestions get the comparator the
 * author wrote.
 */
function withComparator(
  comparator: Comparator,
  result: ValueResult<PercentValue | DurationValue>,
  input?: string,
  written = false
): ValueResult<ObjectiveValue> {
  if (input === undefined) {
    return result.ok ? success({comparator, value: result.value}, result.warnings) : result
  }

  const whole = (part: string): string => (written ? `${comparator} ${part}` : part)
  const aboutWhole = ({expected, normalized, ...rest}: ValueProblem): ValueProblem => ({
    ...rest,
    actual: input,
    ...(expected ? {expected: expected.map(whole)} : {}),
    ...(normalized === undefined ? {} : {normalized: whole(normalized)})
  })
  const warnings = (result.warnings ?? []).map(aboutWhole)
  return result.ok ? success({comparator, value: result.value}, warnings) : failure(aboutWhole(result.problem), warnings)
}

function malformed(input: unknown): ValueProblem {
  return problem('objective-malformed', {
    reason: `Unexpected ${describe(input)}, expected an objective such as \`>= 80%\` or \`<= 4h\``,
    actual: actualText(input),
    expected: ['>= 80%', '<= 4h']
  })
}
