import type {Sla} from '../schema/sla.js'
import {parseInstant, parsePercent, percentScale} from '../schema/values/index.js'
import {evaluateAvailability, type AvailabilityReport} from './availability.js'
import {capCredits, creditAmount} from './credits.js'
import {microPercentOf} from './exact.js'
import {evaluateSlaKpis, type SlaKpis} from './kpis.js'
import {evaluateMilestones, type SlaTimeline} from './milestones.js'
import {buildNotices, type Notice} from './notices.js'
import {periodLabel, periodOfDay, type PeriodWindow} from './periods.js'
import {evaluateTickets, type TicketReport} from './tickets.js'
import {formatInstant, localDay} from './zone.js'

/** Credits of one period: per-breach credits and the availability tier, then the cap (S13). */
export interface CreditPeriod {
  /** `2024-06` (or `2024-Q2` when availability is measured per quarter). */
  period: string
  /** Per-breach credits of tickets that breached in the period, in percent. */
  perBreachPercent: number
  /** The availability tier's credit for the period, in percent. */
  tierPercent: number
  /** Their sum before the cap. */
  uncappedPercent: number
  /** After the cap. */
  creditPercent: number
  /** `creditPercent` of `monthlyFee`, two decimals, when a fee is given. */
  creditAmount: string | null
  currency: string | null
}

/** Met and breached cycles of one target, over all tickets. */
export interface TargetCompliance {
  target: string
  met: number
  breached: number
  /** Cycles still running or paused (not counted in `compliancePercent`). */
  open: number
  /** Met share of the finished or breached cycles, in percent; `null` without any. */
  compliancePercent: number | null
}

/**
 * Everything the engine computes for one SLA, as plain JSON: what the
 * renderer and the Hugo export read.
 */
export interface SlaReport {
  /** Version of this report's shape. */
  reportVersion: 1
  slaId: string
  /** "Now" of the evaluation, with the SLA zone's offset. */
  asOf: string
  timeZone: string
  tickets: TicketReport[]
  compliance: TargetCompliance[]
  milestones: SlaTimeline | null
  availability: AvailabilityReport | null
  kpis: SlaKpis | null
  credits: CreditPeriod[]
  notices: Notice[]
}

/**
 * Compute the report of a validated SLA at `asOf` (sla-domain §5.2
 * "computed outputs"): ticket cycles per target, milestone timeline,
 * availability periods, KPIs, credits per period (per-breach plus tier,
 * capped), and the notices (breached ticket cycles, availability periods
 * and milestones; at risk, overdue, review due). Pure: the same SLA and
 * `asOf` give the same report under any process time zone.
 *
 * @param sla
 *   The validated `sla:` data (`file.data.sla`).
 * @param asOf
 *   "Now" as an ISO instant with an offset (resolve it with `resolveAsOf`).
 * @throws {EngineInputError}
 *   On values validation refuses (call it only on validated data).
 */
export function computeReport(sla: Sla, asOf: string): SlaReport {
  const timeZone = sla.timeZone ?? 'UTC'
  const read = parseInstant(asOf, timeZone)
  if (!read.ok) throw new TypeError(`Unexpected \`asOf\` ${asOf}, expected an ISO instant: ${read.problem.reason}`)
  const asOfMs = read.value.epochMilliseconds

  const tickets = evaluateTickets(sla, asOfMs)
  const milestones = sla.milestones && sla.milestones.length > 0 ? evaluateMilestones(sla, asOfMs) : null
  const availability = evaluateAvailability(sla, asOfMs)
  const kpis = evaluateSlaKpis(sla)
  const credits = creditPeriods(sla, timeZone, tickets, availability)

  return {
    reportVersion: 1,
    slaId: sla.id,
    asOf: formatInstant(timeZone, asOfMs),
    timeZone,
    tickets,
    compliance: compliance(sla, tickets),
    milestones,
    availability,
    kpis,
    credits,
    notices: buildNotices({sla, asOfMs, timeZone, tickets, milestones, availability, credits})
  }
}

/** Met, breached and open cycles per target, in the order of `sla.targets`. */
function compliance(sla: Sla, tickets: readonly TicketReport[]): TargetCompliance[] {
  return Object.keys(sla.targets ?? {}).map((target) => {
    let met = 0
    let breached = 0
    let open = 0
    for (const ticket of tickets) {
      for (const cycle of ticket.targets[target] ?? []) {
        if (cycle.breached) breached++
        else if (cycle.state === 'met') met++
        else open++
      }
    }

    const decided = met + breached
    return {target, met, breached, open, compliancePercent: decided === 0 ? null : (met * 100) / decided}
  })
}

/**
 * Credits per period: a breached cycle's per-breach credit counts in the
 * period of its `breachedAt` (in the SLA's zone); each availability period
 * adds its tier credit; the sum is capped at `consequences.cap`. Periods
 * follow the availability window (calendar months by default).
 */
function creditPeriods(sla: Sla, timeZone: string, tickets: readonly TicketReport[], availability: AvailabilityReport | null): CreditPeriod[] {
  const window: PeriodWindow = availability?.window ?? 'month'
  const perBreach = new Map<string, number>()
  const tiers = new Map<string, number>()

  for (const ticket of tickets) {
    for (const cycles of Object.values(ticket.targets)) {
      for (const cycle of cycles) {
        if (!cycle.breached || cycle.breachedAt === null || cycle.creditPercent === undefined) continue
        const at = parseInstant(cycle.breachedAt, timeZone)
        if (!at.ok) continue
        const label = periodLabel(periodOfDay(window, localDay(timeZone, at.value.epochMilliseconds)))
        perBreach.set(label, (perBreach.get(label) ?? 0) + microPercentOf(cycle.creditPercent))
      }
    }
  }

  for (const period of availability?.periods ?? []) {
    if (period.creditPercent > 0) tiers.set(period.period, microPercentOf(period.creditPercent))
  }

  const consequences = sla.consequences
  const cap = consequences?.cap === undefined ? undefined : parsePercent(consequences.cap, {kind: 'cap'})
  const capMicro = cap?.ok ? cap.value.microPercent : undefined
  const fee = consequences?.monthlyFee
  const labels = [...new Set([...perBreach.keys(), ...tiers.keys()])].sort()

  return labels.map((period) => {
    const breaches = perBreach.get(period) ?? 0
    const tier = tiers.get(period) ?? 0
    const capped = capCredits([breaches, tier], capMicro)
    return {
      period,
      perBreachPercent: breaches / percentScale,
      tierPercent: tier / percentScale,
      uncappedPercent: capped.uncappedMicroPercent / percentScale,
      creditPercent: capped.creditMicroPercent / percentScale,
      creditAmount: fee === undefined ? null : creditAmount(fee, capped.creditMicroPercent),
      currency: consequences?.currency ?? null
    }
  })
}
