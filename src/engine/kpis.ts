import type {Sla} from '../schema/sla.js'
import type {Comparator} from '../schema/values/index.js'
import {percentScale} from '../schema/values/index.js'
import {meetsObjective, objectiveAt, type PercentObjective} from './exact.js'
import {EngineInputError, listAt, numberAt, objectAt} from './input.js'

/**
 * Quality KPIs (sla-domain §5.2, S14, S15): customer satisfaction as the
 * share of responses at or above a score, and first-contact resolution as
 * a share of the contacts that count. Pass or fail is decided on the exact
 * fraction in integers; the percentages given out are for display.
 *
 * "Insufficient data" (too few responses, or nothing to divide by) is not a
 * breach: `met` is `null` and `insufficientData` is `true`. The percentage
 * is still given whenever there is something to divide by, so a page can
 * show it as indicative.
 */

type Path = ReadonlyArray<string | number>

/** Customer satisfaction over a period (S14). */
export interface CsatResult {
  /** Responses at or above `satisfiedAtOrAbove`. */
  satisfied: number
  /** All responses. */
  responses: number
  /** `satisfied / responses × 100`, unrounded; `null` without responses. */
  percent: number | null
  /** Mean score, unrounded; `null` without responses. */
  averageScore: number | null
  /** Whether the exact share meets the objective; `null` when the data are insufficient. */
  met: boolean | null
  /** `true` without responses or with fewer than `minResponses`: then `met` is `null`, never a breach. */
  insufficientData: boolean
}

/** First-contact resolution over a period (S15). */
export interface FcrResult {
  /** Contacts that count: `total − excluded`. */
  eligible: number
  /** `firstContactResolved / eligible × 100`, unrounded; `null` when nothing is eligible. */
  percent: number | null
  /** Whether the exact share meets the objective; `null` when nothing is eligible. */
  met: boolean | null
  /** `true` when nothing is eligible (a zero denominator). */
  insufficientData: boolean
}

/** Output of the `kpis` kind: the KPIs that were given. */
export interface KpisResult {
  csat?: CsatResult
  fcr?: FcrResult
}

/** How a KPI of an SLA is judged, next to its result. */
export interface KpiObjective {
  /** Period the data cover, as written (`month`, `quarter`, `year`). */
  window: string
  comparator: Comparator
  objectivePercent: number
}

/** The KPIs of an SLA, each with its objective. */
export interface SlaKpis {
  csat?: CsatResult & KpiObjective
  fcr?: FcrResult & KpiObjective
}

/**
 * Evaluate the `kpis` kind: in `csat {responses | counts, scale,
 * satisfiedAtOrAbove, objectivePercent, minResponses?}` and/or `fcr {total,
 * excluded?, firstContactResolved, objectivePercent}`; `objectivePercent` is
 * a number (`80`) or a text such as `"80%"` or `">= 80%"`.
 *
 * @param input
 *   The parsed JSON input.
 * @throws {EngineInputError}
 *   When the input does not have that shape, or has neither KPI.
 */
export function evaluateKpis(input: unknown): KpisResult {
  const data = objectAt(input, [])
  if (data.csat === undefined && data.fcr === undefined) {
    throw new EngineInputError('Unexpected input without `csat` or `fcr`, expected at least one of them', [])
  }

  const result: KpisResult = {}
  if (data.csat !== undefined) result.csat = csatAt(data.csat, ['csat'], 'objectivePercent')
  if (data.fcr !== undefined) result.fcr = fcrAt(data.fcr, ['fcr'], 'objectivePercent')
  return result
}

/**
 * Evaluate `sla.kpis`: the same rules as {@link evaluateKpis}, with the
 * objectives written as `">= 80%"` and the window passed through.
 *
 * @param sla
 *   Validated SLA front matter.
 * @returns
 *   `null` when the SLA has no `kpis`.
 * @throws {EngineInputError}
 *   On values validation should have refused.
 */
export function evaluateSlaKpis(sla: Sla): SlaKpis | null {
  if (!sla.kpis) return null
  const result: SlaKpis = {}
  const {csat, fcr} = sla.kpis
  if (csat) result.csat = {...judgedBy(csat, ['kpis', 'csat']), ...csatAt(csat, ['kpis', 'csat'], 'objective')}
  if (fcr) result.fcr = {...judgedBy(fcr, ['kpis', 'fcr']), ...fcrAt(fcr, ['kpis', 'fcr'], 'objective')}
  return result
}

function judgedBy(kpi: {window: string; objective: unknown}, path: Path): KpiObjective {
  const objective = objectiveAt(kpi.objective, [...path, 'objective'])
  return {window: kpi.window, comparator: objective.comparator, objectivePercent: objective.microPercent / percentScale}
}

/**
 * CSAT from counts per score (S14): the share of responses at or above
 * `satisfiedAtOrAbove`.
 *
 * @param counts
 *   Responses per score; scores are whole numbers.
 * @param satisfiedAtOrAbove
 *   Lowest satisfied score.
 * @param objective
 *   What the share must meet.
 * @param minResponses
 *   Fewer responses than this are insufficient data (default 1).
 */
export function csatOf(
  counts: ReadonlyMap<number, number>,
  satisfiedAtOrAbove: number,
  objective: PercentObjective,
  minResponses = 1
): CsatResult {
  let responses = 0
  let satisfied = 0
  let scoreSum = 0
  for (const [score, count] of counts) {
    responses += count
    scoreSum += score * count
    if (score >= satisfiedAtOrAbove) satisfied += count
  }

  const insufficientData = responses === 0 || responses < minResponses
  return {
    satisfied,
    responses,
    percent: responses === 0 ? null : (satisfied * 100) / responses,
    averageScore: responses === 0 ? null : scoreSum / responses,
    met: insufficientData ? null : meetsObjective(BigInt(satisfied), BigInt(responses), objective),
    insufficientData
  }
}

/**
 * FCR (S15): first-contact resolutions over the contacts that count.
 *
 * @param total
 *   Contacts in the period.
 * @param excluded
 *   Contacts that do not count (spam, duplicates), at most `total`.
 * @param firstContactResolved
 *   Contacts resolved at the first contact, at most `total − excluded`.
 * @param objective
 *   What the share must meet.
 */
export function fcrOf(total: number, excluded: number, firstContactResolved: number, objective: PercentObjective): FcrResult {
  const eligible = total - excluded
  const insufficientData = eligible === 0
  return {
    eligible,
    percent: insufficientData ? null : (firstContactResolved * 100) / eligible,
    met: insufficientData ? null : meetsObjective(BigInt(firstContactResolved), BigInt(eligible), objective),
    insufficientData
  }
}

const count = {min: 0, integer: true}

function csatAt(value: unknown, path: Path, objectiveKey: string): CsatResult {
  const data = objectAt(value, path)
  const scale = numberAt(data.scale, [...path, 'scale'], {min: 2, integer: true})
  const satisfiedAtOrAbove = numberAt(data.satisfiedAtOrAbove, [...path, 'satisfiedAtOrAbove'], {min: 1, integer: true})
  if (satisfiedAtOrAbove > scale) {
    throw new EngineInputError(`Unexpected ${satisfiedAtOrAbove}, expected a score from 1 to the scale ${scale}`, [...path, 'satisfiedAtOrAbove'])
  }

  const objective = objectiveAt(data[objectiveKey], [...path, objectiveKey])
  const minResponses = data.minResponses === undefined ? 1 : numberAt(data.minResponses, [...path, 'minResponses'], count)
  return csatOf(scoresAt(data, scale, path), satisfiedAtOrAbove, objective, minResponses)
}

/** Responses per score from `responses: [scores]` or `counts: {score: n}` (exactly one of them). */
function scoresAt(data: Record<string, unknown>, scale: number, path: Path): Map<number, number> {
  const counts = new Map<number, number>()
  const score = (text: unknown, where: Path): number => {
    const value = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : text
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= scale) return value
    throw new EngineInputError(`Unexpected score ${String(text)}, expected a whole number from 1 to ${scale}`, where)
  }

  if (data.responses !== undefined && data.counts !== undefined) {
    throw new EngineInputError('Unexpected both `responses` and `counts`, expected only one of them', [...path, 'counts'])
  }

  if (data.counts !== undefined) {
    for (const [key, amount] of Object.entries(objectAt(data.counts, [...path, 'counts']))) {
      const where = [...path, 'counts', key]
      const value = score(key, where)
      counts.set(value, (counts.get(value) ?? 0) + numberAt(amount, where, count))
    }
  } else if (data.responses !== undefined) {
    for (const [index, response] of listAt(data.responses, [...path, 'responses']).entries()) {
      const value = score(response, [...path, 'responses', index])
      counts.set(value, (counts.get(value) ?? 0) + 1)
    }
  } else {
    throw new EngineInputError('Unexpected CSAT without `responses` or `counts`, expected one of them', path)
  }

  return counts
}

function fcrAt(value: unknown, path: Path, objectiveKey: string): FcrResult {
  const data = objectAt(value, path)
  const total = numberAt(data.total, [...path, 'total'], count)
  const excluded = data.excluded === undefined ? 0 : numberAt(data.excluded, [...path, 'excluded'], count)
  if (excluded > total) throw new EngineInputError(`Unexpected ${excluded} excluded, expected at most the total ${total}`, [...path, 'excluded'])
  const resolved = numberAt(data.firstContactResolved, [...path, 'firstContactResolved'], count)
  if (resolved > total - excluded) {
    throw new EngineInputError(`Unexpected ${resolved} resolved at first contact, expected at most the ${total - excluded} eligible contacts`, [...path, 'firstContactResolved'])
  }

  return fcrOf(total, excluded, resolved, objectiveAt(data[objectiveKey], [...path, objectiveKey]))
}
