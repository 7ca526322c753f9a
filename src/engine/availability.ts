import type {Availability, Sla} from '../schema/sla.js'
import {checkTimeZone, parseDuration, percentScale} from '../schema/values/index.js'
import {creditAt, exactDecimal, formatFixed, meetsObjective, microPercentPerUnit, objectiveAt, percentAt, roundHalfUp, type PercentObjective} from './exact.js'
import {dateAt, EngineInputError, instantAt, kindOf, listAt, objectAt, valueAt} from './input.js'
import {clipIntervals, coveredLength, unionIntervals, type Interval} from './intervals.js'
import {nextPeriod, periodAt, periodBounds, periodDays, periodLabel, periodOfDay, type Period, type PeriodWindow} from './periods.js'
import {dayOfDate, formatInstant, localDay, wallToEpoch} from './zone.js'

/**
 * Availability over calendar periods (sla-domain §3.3, S12): the month or
 * quarter in the SLA's zone at its real length, downtime as the union of
 * incidents minus announced maintenance, and every comparison (objective,
 * credit tiers) made on the exact value with integers, so that a value shown
 * rounded can never land in another tier than the one it is in.
 */

type Path = ReadonlyArray<string | number>

const millisecondsPerMinute = 60_000
/** Impact weights are whole millionths of a full outage, so a partial impact stays an integer. */
const fullImpact = 1_000_000
const bigFullImpact = BigInt(fullImpact)

// ---------------------------------------------------------------------------
// Measuring one period.

/** A stretch of downtime `[from, to)` in epoch milliseconds, with its impact in millionths of a full outage (1,000,000 = full). */
export interface Outage {
  from: number
  to: number
  weight: number
}

/** A credit tier in exact millionths of a percent. */
export interface CreditTier {
  belowMicroPercent: number
  creditMicroPercent: number
}

export interface UptimeResult {
  /** Start of the period, ISO 8601 with the zone's offset. */
  periodStart: string
  /** End of the period (exclusive: the start of the next one), ISO 8601 with the zone's offset. */
  periodEnd: string
  /** Real length of the period in minutes (743 × 60 for March in Amsterdam). */
  periodMinutes: number
  /** Downtime counted in the period, in minutes, partial impacts weighted (may have a fraction). */
  downtimeMinutes: number
  /** Minutes of announced maintenance inside the period; downtime in them is not counted. */
  maintenanceExcludedMinutes: number
  /**
   * Uptime in percent, cut (not rounded) to six decimals: since tier limits
   * have at most six decimals, this value is below a limit exactly when the
   * exact uptime is, so it never contradicts `breached` or `creditPercent`.
   */
  uptimePercent: number
  /**
   * Uptime rounded half up to two decimals as text (`"99.90"`, `"100.00"`),
   * for display only: text keeps the trailing zeros, and the rounding is
   * decimal, so an exact 99.995 shows as `"100.00"`. It may read as the
   * objective while the period is breached; the tiers use the exact value.
   */
  uptimePercentDisplay2dp: string
  /** Whether the exact uptime misses the objective. */
  breached: boolean
  /** Credit of the tier that applies, in percent of the monthly fee; 0 when none does. */
  creditPercent: number
}

/** Everything needed to measure one period. */
export interface PeriodMeasurement {
  zone: string
  period: Period
  /** Downtime; anything outside the period is ignored, overlaps count once at the highest impact. */
  outages: readonly Outage[]
  /** Announced maintenance, in any order: time in it is never downtime. */
  maintenance: readonly Interval[]
  objective: PercentObjective
  tiers: readonly CreditTier[]
  /** Where counting stops inside the period (default: its end); the denominator stays the whole period. */
  countUntil?: number
  /** Where counting starts inside the period (default: its start). */
  countFrom?: number
}

/**
 * Measure one period (S12): downtime is the union of the outages minus the
 * union of the maintenance windows, clipped to the period; uptime is one
 * minus downtime over the whole period's length, maintenance included.
 *
 * Where outages overlap, the highest impact counts, once. Downtime is kept
 * as an integer of milliseconds × millionths of impact, so every comparison
 * is exact.
 *
 * @param measurement
 *   The period, what happened in it, and what it is measured against.
 */
export function measurePeriod(measurement: PeriodMeasurement): UptimeResult {
  const {zone, period, objective, tiers} = measurement
  const [start, end] = periodBounds(zone, period)
  const from = Math.max(start, measurement.countFrom ?? start)
  const to = Math.min(end, measurement.countUntil ?? end)
  const outages = clip(measurement.outages, from, to)
  const maintenance = clipIntervals(unionIntervals(measurement.maintenance), from, to)

  const weighted = weightedDowntime(outages, maintenance)
  const whole = BigInt(end - start) * bigFullImpact
  const up = whole - weighted
  const tier = tierFor(up, whole, tiers)

  return {
    periodStart: formatInstant(zone, start),
    periodEnd: formatInstant(zone, end),
    periodMinutes: (end - start) / millisecondsPerMinute,
    downtimeMinutes: Number(weighted) / (millisecondsPerMinute * fullImpact),
    maintenanceExcludedMinutes: coveredLength(maintenance, from, to) / millisecondsPerMinute,
    uptimePercent: Number((up * microPercentPerUnit) / whole) / percentScale,
    uptimePercentDisplay2dp: formatFixed(roundHalfUp(up * 10_000n, whole), 2),
    breached: !meetsObjective(up, whole, objective),
    creditPercent: (tier?.creditMicroPercent ?? 0) / percentScale
  }
}

/**
 * The tier that applies to an exact ratio: of those whose `below` the value
 * is strictly under, the one with the lowest `below` (the first listed of
 * equal ones), whatever the order of the list.
 *
 * @param part
 *   Numerator of the ratio (up time).
 * @param whole
 *   Denominator (the period), above 0.
 * @param tiers
 *   The credit table, in any order.
 */
export function tierFor(part: bigint, whole: bigint, tiers: readonly CreditTier[]): CreditTier | undefined {
  let found: CreditTier | undefined
  for (const tier of tiers) {
    const applies = part * microPercentPerUnit < BigInt(tier.belowMicroPercent) * whole
    if (applies && (!found || tier.belowMicroPercent < found.belowMicroPercent)) found = tier
  }

  return found
}

function clip(outages: readonly Outage[], from: number, to: number): Outage[] {
  const clipped: Outage[] = []
  for (const outage of outages) {
    const start = Math.max(outage.from, from)
    const end = Math.min(outage.to, to)
    if (start < end) clipped.push({from: start, to: end, weight: outage.weight})
  }

  return clipped
}

/**
 * Σ length × impact over the elementary stretches between all boundaries:
 * each stretch counts at the highest impact of the outages covering it, or
 * not at all inside maintenance. Incidents per period are few, so the
 * quadratic scan is fine and keeps the rule obvious.
 */
function weightedDowntime(outages: readonly Outage[], maintenance: readonly Interval[]): bigint {
  const boundaries = [...new Set(outages.flatMap((outage) => [outage.from, outage.to]))].sort((a, b) => a - b)
  let total = 0n
  for (let index = 0; index + 1 < boundaries.length; index++) {
    const from = boundaries[index]!
    const to = boundaries[index + 1]!
    let weight = 0
    for (const outage of outages) {
      if (outage.from <= from && outage.to >= to && outage.weight > weight) weight = outage.weight
    }

    if (weight === 0) continue
    // What maintenance leaves of this stretch is downtime.
    total += BigInt(to - from - coveredLength(maintenance, from, to)) * BigInt(weight)
  }

  return total
}

// ---------------------------------------------------------------------------
// The `uptime` kind of the JSON contract.

/**
 * Evaluate the `uptime` kind: in `timeZone`, `period` (`2024-06` or
 * `2024-Q2`), `objective` (`99.9`, `"99.9%"` or `">= 99.9%"`), `incidents
 * [{from, to, impact?}]`, `maintenance? [{from, to}]` (all of it announced,
 * so excluded), `creditTiers [{below, credit}]`; out {@link UptimeResult}.
 * Instants carry offsets (values without one are read in `timeZone`).
 *
 * @param input
 *   The parsed JSON input.
 * @param path
 *   Where the input sits in a larger one (the `report` kind nests it).
 * @throws {EngineInputError}
 *   When the input does not have that shape.
 */
export function evaluateUptime(input: unknown, path: Path = []): UptimeResult {
  const data = objectAt(input, path)
  const zone = valueAt(checkTimeZone(data.timeZone), [...path, 'timeZone'])
  const period = periodAt(data.period, [...path, 'period'])
  return measurePeriod({
    zone,
    period,
    outages: listAt(data.incidents, [...path, 'incidents']).map((incident, index) => outageAt(incident, zone, [...path, 'incidents', index])),
    maintenance: listAt(data.maintenance, [...path, 'maintenance']).map((window, index) => spanAt(window, zone, [...path, 'maintenance', index])),
    objective: objectiveAt(data.objective, [...path, 'objective']),
    tiers: tiersAt(data.creditTiers, [...path, 'creditTiers'])
  })
}

/** `{from, to}` with `from` before `to`, in epoch milliseconds. */
function spanAt(value: unknown, zone: string, path: Path): Interval {
  const data = objectAt(value, path)
  const from = instantAt(data.from, zone, [...path, 'from'])
  const to = instantAt(data.to, zone, [...path, 'to'])
  if (to <= from) {
    throw new EngineInputError(`Unexpected end \`${String(data.to)}\` at or before the start \`${String(data.from)}\`, expected an end after the start`, [...path, 'to'])
  }

  return [from, to]
}

/** An incident: `{from, to, impact?}`, `impact` `full` (default) or `{partial: share}`. */
function outageAt(value: unknown, zone: string, path: Path): Outage {
  const [from, to] = spanAt(value, zone, path)
  return {from, to, weight: impactAt(objectAt(value, path).impact, [...path, 'impact'])}
}

/** The weight of an incident's `impact` in millionths of a full outage. */
function impactAt(value: unknown, path: Path): number {
  if (value === undefined || value === 'full') return fullImpact
  const share = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).partial : undefined
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
    throw new EngineInputError(`Unexpected ${kindOf(value)}, expected \`full\` or \`{partial: n}\` with n above 0 and at most 1`, path)
  }

  const {digits, scale} = exactDecimal(share)
  const weight = digits * bigFullImpact
  if (weight % scale !== 0n) {
    throw new EngineInputError(`Unexpected partial impact ${share} with more than 6 decimals, expected a share such as \`0.5\``, [...path, 'partial'])
  }

  return Number(weight / scale)
}

/** Credit tiers `[{below, credit}]`, in any order. */
function tiersAt(value: unknown, path: Path): CreditTier[] {
  return listAt(value, path).map((tier, index) => {
    const data = objectAt(tier, [...path, index])
    return {
      belowMicroPercent: percentAt(data.below, [...path, index, 'below'], 'tier'),
      creditMicroPercent: creditAt(data.credit, [...path, index, 'credit'], 'credit')
    }
  })
}

// ---------------------------------------------------------------------------
// Availability of an SLA.

/** One period of an SLA's availability. */
export interface AvailabilityPeriod extends UptimeResult {
  /** `2024-06` or `2024-Q2`. */
  period: string
  /** Whether the period (or the term) has ended by `asOf`; an open period counts downtime up to `asOf` only. */
  complete: boolean
}

/** How a maintenance window was treated. */
export interface MaintenanceDecision {
  /** Index in `availability.maintenance.windows`. */
  index: number
  from: string
  to: string
  /** Days between the announcement's date and the window's start date, in the SLA's zone. */
  noticeDays: number
  /** `true`: announced in time, not downtime; `false`: announced late, counted as downtime. */
  excluded: boolean
}

/** An SLA's availability, period by period. */
export interface AvailabilityReport {
  /** Zone the periods are cut in. */
  timeZone: string
  window: PeriodWindow
  objectivePercent: number
  periods: AvailabilityPeriod[]
  maintenance: MaintenanceDecision[]
  /** Indexes in `availability.incidents` of incidents shorter than `minimumIncident`, which are ignored. */
  ignoredIncidents: number[]
}

/**
 * Evaluate `sla.availability` (S12) from the start of the term, or without
 * a term from the first incident or counted maintenance, up to the period
 * that holds `asOf` (not beyond `effective.to`).
 *
 * - Periods are calendar months or quarters in `sla.timeZone` (UTC when the
 *   SLA has none), at their real length.
 * - Incidents shorter than `minimumIncident` (as recorded, before any
 *   clipping) are ignored; `impact: {partial: 0.5}` counts half of each
 *   minute. Overlapping incidents count once; incidents crossing a period
 *   end are split over both periods.
 * - A maintenance window is excluded only when announced at least
 *   `noticeDays` before its start date (dates in the SLA's zone); a late one
 *   counts as downtime.
 * - Downtime before the term, after it or after `asOf` is not counted; the
 *   denominator is always the whole period.
 *
 * @param sla
 *   Validated SLA front matter.
 * @param asOfMs
 *   "Now", in epoch milliseconds.
 * @returns
 *   `null` when the SLA has no `availability`.
 * @throws {EngineInputError}
 *   On values validation should have refused.
 */
export function evaluateAvailability(sla: Sla, asOfMs: number): AvailabilityReport | null {
  const availability: Availability | undefined = sla.availability
  if (!availability) return null
  const zone = sla.timeZone ?? 'UTC'
  const objective = objectiveAt(availability.objective, ['availability', 'objective'])
  const tiers = tiersAt(availability.creditTiers, ['availability', 'creditTiers'])
  const {outages, ignoredIncidents} = incidentsOf(availability, zone)
  const {excluded, late, decisions} = maintenanceOf(availability, zone)
  outages.push(...late)

  const termStart = sla.effective ? wallToEpoch(zone, dayOfDate(sla.effective.from), 0) : Number.NEGATIVE_INFINITY
  const termEnd = sla.effective?.to ? wallToEpoch(zone, dayOfDate(sla.effective.to) + 1, 0) : Number.POSITIVE_INFINITY
  const firstOutage = Math.min(asOfMs, ...outages.map((outage) => outage.from))
  const firstDay = sla.effective ? dayOfDate(sla.effective.from) : localDay(zone, firstOutage)
  const lastDay = Math.min(localDay(zone, asOfMs), sla.effective?.to ? dayOfDate(sla.effective.to) : Number.POSITIVE_INFINITY)

  const periods: AvailabilityPeriod[] = []
  // With `asOf` before the term there is nothing to measure yet.
  const first = lastDay < firstDay ? undefined : periodOfDay(availability.window, firstDay)
  for (let period = first; period && periodDays(period)[0] <= lastDay; period = nextPeriod(period)) {
    const countUntil = Math.min(termEnd, asOfMs)
    const result = measurePeriod({zone, period, outages, maintenance: excluded, objective, tiers, countFrom: termStart, countUntil})
    const end = periodBounds(zone, period)[1]
    periods.push({period: periodLabel(period), complete: Math.min(end, termEnd) <= asOfMs, ...result})
  }

  return {
    timeZone: zone,
    window: availability.window,
    objectivePercent: objective.microPercent / percentScale,
    periods,
    maintenance: decisions,
    ignoredIncidents
  }
}

/** The incidents that count (at least `minimumIncident` long, as recorded) and the indexes of those that do not. */
function incidentsOf(availability: Availability, zone: string): {outages: Outage[]; ignoredIncidents: number[]} {
  const minimumMs = minimumIncidentMs(availability.minimumIncident, ['availability', 'minimumIncident'])
  const outages: Outage[] = []
  const ignoredIncidents: number[] = []
  for (const [index, incident] of (availability.incidents ?? []).entries()) {
    const outage = outageAt(incident, zone, ['availability', 'incidents', index])
    if (outage.to - outage.from < minimumMs) ignoredIncidents.push(index)
    else outages.push(outage)
  }

  return {outages, ignoredIncidents}
}

/**
 * Maintenance windows split by notice: announced at least `noticeDays`
 * before the window's start date (local dates) they are excluded from
 * downtime; announced later they are downtime like a full outage.
 */
function maintenanceOf(availability: Availability, zone: string): {excluded: Interval[]; late: Outage[]; decisions: MaintenanceDecision[]} {
  const excluded: Interval[] = []
  const late: Outage[] = []
  const noticeDays = availability.maintenance?.noticeDays ?? 0
  const decisions = (availability.maintenance?.windows ?? []).map((window, index): MaintenanceDecision => {
    const path = ['availability', 'maintenance', 'windows', index]
    const [from, to] = spanAt(window, zone, path)
    const notice = localDay(zone, from) - announcedDay(window.announced, zone, [...path, 'announced'])
    const inTime = notice >= noticeDays
    if (inTime) excluded.push([from, to])
    else late.push({from, to, weight: fullImpact})
    return {index, from: formatInstant(zone, from), to: formatInstant(zone, to), noticeDays: notice, excluded: inTime}
  })
  return {excluded, late, decisions}
}

/** `minimumIncident` in milliseconds (0 when absent). */
function minimumIncidentMs(value: unknown, path: Path): number {
  if (value === undefined) return 0
  // The parser refuses `bd` for availability, so days here are calendar days of 24 hours.
  const duration = valueAt(parseDuration(value, {use: 'availability'}), path)
  return (duration.kind === 'elapsed' ? duration.minutes : duration.days * 1440) * millisecondsPerMinute
}

/** The local date of an announcement written as a date or an instant. */
function announcedDay(value: unknown, zone: string, path: Path): number {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayOfDate(dateAt(value, path))
  return localDay(zone, instantAt(value, zone, path))
}
