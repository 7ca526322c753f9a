import type {Sla} from '../schema/sla.js'
import {offsetInstantMilliseconds, parsePercent, percentScale} from '../schema/values/index.js'
import {formatEpochDays} from '../util/civil.js'
import {compareText} from '../util/sorted.js'
import type {AvailabilityPeriod, AvailabilityReport} from './availability.js'
import {creditAmount} from './credits.js'
import {exactDecimal, formatFixed, microPercentOf, microPercentPerUnit, roundHalfUp} from './exact.js'
import type {MilestoneReport, SlaTimeline} from './milestones.js'
import type {CreditPeriod} from './report.js'
import type {TicketReport} from './tickets.js'
import {dayOfDate, formatInstant, localDay} from './zone.js'

/** What a notice is about. */
export type NoticeKind = 'breach' | 'at-risk' | 'overdue-milestone' | 'review-due'

/**
 * Something the page (and the provider) should be told at build time
 * (sla-domain §5.2 `notices[]`). A `breach` is about a ticket cycle
 * (`ticket` and `target` set), an availability period (`period` set) or a
 * milestone completed after its due date (`milestone` set).
 */
export interface Notice {
  kind: NoticeKind
  /** What it is about, for people: `T-101 resolution`, `Availability 2024-02`, `Build`, `Review (quarter)`. */
  subject: string
  /** Ids to link the notice to the data. */
  ticket: string | null
  target: string | null
  milestone: string | null
  /** The availability period (`2024-02`, `2024-Q1`) of an availability breach. */
  period: string | null
  /**
   * When it was due: an instant with the zone's offset (a ticket's `dueAt`,
   * a milestone's close of business, the end of an availability period),
   * or a date for reviews.
   */
  due: string | null
  /**
   * When it happened: the breach instant of a ticket cycle; the completion
   * date of a milestone completed late; for an availability period, its end
   * or, while it still runs, "now" (its downtime so far is already past the
   * whole period's budget, so the breach stands); "now" for the states that
   * hold at build time (at risk, overdue, review due).
   */
  at: string
  /**
   * How far past due, in `overByUnit`; `null` when not past due (at risk).
   * Tickets: business minutes beyond the target. Availability: minutes of
   * downtime beyond the period's budget (see {@link downtimeOverBudget}).
   * Milestones: business days after the due date, or calendar days in
   * `day-for-day` mode. Reviews: days.
   */
  overBy: number | null
  overByUnit: 'minutes' | 'business-days' | 'days' | null
  /** Share of the target used, for ticket notices. */
  percentOfTarget: number | null
  /** Who to tell, from the highest `escalation` step reached (ticket notices). */
  notify: string | null
  /**
   * The credit the breach itself earns, before the period's cap (the capped
   * total per period is in the report's `credits`): a ticket's per-breach
   * credit, or an availability period's tier credit; `null` without one.
   */
  credit: {percent: number; amount: string | null; currency: string | null} | null
}

/** What {@link buildNotices} reads. */
export interface NoticeInputs {
  sla: Sla
  asOfMs: number
  timeZone: string
  tickets: readonly TicketReport[]
  milestones: SlaTimeline | null
  availability: AvailabilityReport | null
  /** Credits per period, for the tier credit of a breached availability period. */
  credits: readonly CreditPeriod[]
}

const kindOrder: Record<NoticeKind, number> = {breach: 0, 'at-risk': 1, 'overdue-milestone': 2, 'review-due': 3}

/**
 * The notices of an SLA at `asOf`: every breached ticket cycle (with its
 * credit), every availability period whose exact uptime misses the
 * objective (with its tier credit), every milestone completed after its due
 * date, every running cycle past an `escalation` threshold below 100 %
 * (at risk), every overdue milestone, and a review whose date has passed.
 * An uptime exactly at the objective and a milestone completed on its due
 * date are met: no notice. Sorted by kind, then due, then subject (code
 * points), so the order is stable.
 *
 * @param inputs
 *   The SLA, "now", and what the engine computed.
 */
export function buildNotices(inputs: NoticeInputs): Notice[] {
  const {sla, asOfMs, timeZone, tickets, milestones} = inputs
  const at = formatInstant(timeZone, asOfMs)
  const steps = escalationSteps(sla)
  const notices: Notice[] = []
  const fee = sla.consequences?.monthlyFee
  const currency = sla.consequences?.currency ?? null

  for (const ticket of tickets) {
    for (const [target, cycles] of Object.entries(ticket.targets)) {
      for (const cycle of cycles) {
        const subject = `${ticket.id} ${target}${cycles.length > 1 ? ` (cycle ${cycle.cycle})` : ''}`
        const base = {subject, ticket: String(ticket.id), target, milestone: null, period: null, due: cycle.dueAt, percentOfTarget: cycle.percentOfTarget}
        if (cycle.breached) {
          const overBy = cycle.targetMinutes === null ? null : cycle.elapsedBusinessMinutes - cycle.targetMinutes
          notices.push({
            kind: 'breach',
            ...base,
            at: cycle.breachedAt ?? at,
            overBy,
            overByUnit: overBy === null ? null : 'minutes',
            notify: reached(steps, Math.max(cycle.percentOfTarget, 100)),
            credit:
              cycle.creditPercent === undefined
                ? null
                : {
                    percent: cycle.creditPercent,
                    amount: fee === undefined ? null : creditAmount(fee, microPercentOf(cycle.creditPercent)),
                    currency
                  }
          })
          continue
        }

        if (cycle.state !== 'running' && cycle.state !== 'paused') continue
        const notify = reached(steps, cycle.percentOfTarget, true)
        if (notify === null) continue
        notices.push({kind: 'at-risk', ...base, at, overBy: null, overByUnit: null, notify, credit: null})
      }
    }
  }

  notices.push(...availabilityBreaches(inputs, at))
  if (milestones) notices.push(...milestoneNotices(milestones, asOfMs, at))

  const next = sla.reviews?.next
  const today = localDay(timeZone, asOfMs)
  if (next !== undefined && dayOfDate(next) < today) {
    notices.push({
      kind: 'review-due',
      subject: `Review (${sla.reviews?.every ?? 'scheduled'})`,
      ticket: null,
      target: null,
      milestone: null,
      period: null,
      due: next,
      at: formatEpochDays(today),
      overBy: today - dayOfDate(next),
      overByUnit: 'days',
      percentOfTarget: null,
      notify: null,
      credit: null
    })
  }

  return notices.sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || compareText(a.due ?? '', b.due ?? '') || compareText(a.subject, b.subject)
  )
}

/** Escalation steps as share of target (percent) and who to tell, lowest first. */
function escalationSteps(sla: Sla): Array<{percent: number; notify: string}> {
  const steps: Array<{percent: number; notify: string}> = []
  for (const step of sla.escalation ?? []) {
    const parsed = parsePercent(step.at)
    if (parsed.ok) steps.push({percent: parsed.value.microPercent / percentScale, notify: step.notify})
  }

  return steps.sort((a, b) => a.percent - b.percent)
}

/** Who the highest step reached at `percent` notifies; with `belowBreach`, only steps under 100 %. */
function reached(steps: ReadonlyArray<{percent: number; notify: string}>, percent: number, belowBreach = false): string | null {
  let found: string | null = null
  for (const step of steps) {
    if (belowBreach && step.percent >= 100) break
    if (percent >= step.percent) found = step.notify
  }

  return found
}

/** A breach notice for each availability period below its objective, with the period's tier credit. */
function availabilityBreaches(inputs: NoticeInputs, now: string): Notice[] {
  const {availability, credits, sla, asOfMs} = inputs
  if (!availability) return []
  const objective = microPercentOf(availability.objectivePercent)
  const fee = sla.consequences?.monthlyFee
  const notices: Notice[] = []
  for (const period of availability.periods) {
    if (!period.breached) continue
    const tierPercent = credits.find((credit) => credit.period === period.period)?.tierPercent ?? 0
    const endMs = offsetInstantMilliseconds(period.periodEnd)
    notices.push({
      kind: 'breach',
      subject: `Availability ${period.period}`,
      ticket: null,
      target: null,
      milestone: null,
      period: period.period,
      due: period.periodEnd,
      // A term that ends inside the period completes it before its end: "now" then, never a time to come.
      at: endMs !== undefined && endMs <= asOfMs ? period.periodEnd : now,
      overBy: downtimeOverBudget(period, objective),
      overByUnit: 'minutes',
      percentOfTarget: null,
      notify: null,
      credit:
        tierPercent > 0
          ? {percent: tierPercent, amount: fee === undefined ? null : creditAmount(fee, microPercentOf(tierPercent)), currency: sla.consequences?.currency ?? null}
          : null
    })
  }

  return notices
}

/** Decimals of a minute the budget has at most: minutes × (10^8 − objective in millionths of a percent) / 10^8. */
const budgetDecimals = 8

/**
 * Minutes of downtime beyond the budget of a period: its downtime (as
 * counted, partial impacts weighted) minus the downtime the objective
 * allows, `periodMinutes × (100 − objective) / 100`. Computed on the
 * decimals the numbers stand for and rounded half up to 8 decimals, the
 * budget's own precision, so 45 minutes down in February 2026 (40,320
 * minutes) at 99.95 % is exactly `24.84` (the budget is 20.16). Never below
 * 0 (the tiers decide a breach on the exact downtime; this reads the
 * report's float, which may sit a hair under it).
 *
 * @param period
 *   The period's downtime and real length, in minutes.
 * @param objectiveMicroPercent
 *   The availability objective in millionths of a percent (99.9 % is 99,900,000).
 */
export function downtimeOverBudget(period: Pick<AvailabilityPeriod, 'downtimeMinutes' | 'periodMinutes'>, objectiveMicroPercent: number): number {
  const down = exactDecimal(period.downtimeMinutes)
  const length = exactDecimal(period.periodMinutes)
  const allowedShare = microPercentPerUnit - BigInt(objectiveMicroPercent)
  // down − length × share / unit, over one denominator.
  const numerator = down.digits * length.scale * microPercentPerUnit - length.digits * allowedShare * down.scale
  if (numerator <= 0n) return 0
  const denominator = down.scale * length.scale * microPercentPerUnit
  return Number(formatFixed(roundHalfUp(numerator * 10n ** BigInt(budgetDecimals), denominator), budgetDecimals))
}

/**
 * A breach notice for each milestone completed after its due date and an
 * `overdue-milestone` notice for each one past due and not completed, late
 * by business days, or by calendar days in `day-for-day` mode (where the
 * plan counts days as the calendar does).
 */
function milestoneNotices(timeline: SlaTimeline, asOfMs: number, now: string): Notice[] {
  const notices: Notice[] = []
  const dayForDay = timeline.delayMode === 'day-for-day'
  for (const milestone of timeline.milestones) {
    const late = milestone.status === 'breached' && milestone.completed !== null
    if (!late && milestone.status !== 'overdue') continue
    const lateDay = late ? dayOfDate(milestone.completed!) : localDay(timeline.timeZone, asOfMs)
    notices.push({
      kind: late ? 'breach' : 'overdue-milestone',
      subject: milestone.title,
      ticket: null,
      target: null,
      milestone: milestone.id,
      period: null,
      due: milestone.dueAt,
      at: late ? milestone.completed! : now,
      overBy: dayForDay ? calendarDaysLate(milestone, lateDay) : milestone.businessDaysLate,
      overByUnit: dayForDay ? 'days' : 'business-days',
      percentOfTarget: null,
      notify: null,
      credit: null
    })
  }

  return notices
}

/** Calendar days from a milestone's due date to `lateDay` (days since 1970-01-01). */
function calendarDaysLate(milestone: MilestoneReport, lateDay: number): number {
  return lateDay - dayOfDate(milestone.dueDate)
}
