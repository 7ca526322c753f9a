import type {Sla} from '../schema/sla.js'
import {parsePercent, percentScale} from '../schema/values/index.js'
import {formatEpochDays} from '../util/civil.js'
import {compareText} from '../util/sorted.js'
import {creditAmount} from './credits.js'
import {microPercentOf} from './exact.js'
import type {SlaTimeline} from './milestones.js'
import type {TicketReport} from './tickets.js'
import {dayOfDate, formatInstant, localDay} from './zone.js'

/** What a notice is about. */
export type NoticeKind = 'breach' | 'at-risk' | 'overdue-milestone' | 'review-due'

/**
 * Something the page (and the provider) should be told at build time
 * (sla-domain §5.2 `notices[]`).
 */
export interface Notice {
  kind: NoticeKind
  /** What it is about, for people: `T-101 resolution`, `Build`, `Review`. */
  subject: string
  /** Ids to link the notice to the data. */
  ticket: string | null
  target: string | null
  milestone: string | null
  /** When it was due: an instant with the zone's offset, or a date for reviews. */
  due: string | null
  /** When it happened: the breach instant, or "now" for states that hold at build time. */
  at: string
  /** How far past due, in `overByUnit`; `null` when not past due (at risk). */
  overBy: number | null
  overByUnit: 'minutes' | 'business-days' | 'days' | null
  /** Share of the target used, for ticket notices. */
  percentOfTarget: number | null
  /** Who to tell, from the highest `escalation` step reached. */
  notify: string | null
  /** The per-breach credit, for breaches that carry one. */
  credit: {percent: number; amount: string | null; currency: string | null} | null
}

/** What {@link buildNotices} reads. */
export interface NoticeInputs {
  sla: Sla
  asOfMs: number
  timeZone: string
  tickets: readonly TicketReport[]
  milestones: SlaTimeline | null
}

const kindOrder: Record<NoticeKind, number> = {breach: 0, 'at-risk': 1, 'overdue-milestone': 2, 'review-due': 3}

/**
 * The notices of an SLA at `asOf`: every breached ticket cycle (with its
 * credit), every running cycle past an `escalation` threshold below 100 %
 * (at risk), every overdue milestone, and a review whose date has passed.
 * Sorted by kind, then due, then subject, so the order is stable.
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
        const base = {subject, ticket: String(ticket.id), target, milestone: null, due: cycle.dueAt, percentOfTarget: cycle.percentOfTarget}
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

  for (const milestone of milestones?.milestones ?? []) {
    if (milestone.status !== 'overdue') continue
    notices.push({
      kind: 'overdue-milestone',
      subject: milestone.title,
      ticket: null,
      target: null,
      milestone: milestone.id,
      due: milestone.dueAt,
      at,
      overBy: milestone.businessDaysLate,
      overByUnit: 'business-days',
      percentOfTarget: null,
      notify: null,
      credit: null
    })
  }

  const next = sla.reviews?.next
  const today = localDay(timeZone, asOfMs)
  if (next !== undefined && dayOfDate(next) < today) {
    notices.push({
      kind: 'review-due',
      subject: `Review (${sla.reviews?.every ?? 'scheduled'})`,
      ticket: null,
      target: null,
      milestone: null,
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
