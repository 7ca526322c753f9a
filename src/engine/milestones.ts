import {parseDuration} from '../schema/values/index.js'
import {delayModes, timelineAnchors, type Sla} from '../schema/sla.js'
import {formatEpochDays} from '../util/civil.js'
import {addBusinessDays, businessDaysBetween, dueAtCloseOfBusiness} from './business-days.js'
import {addUnpausedBusinessDays} from './business-time.js'
import {isBusinessDay, type Calendar} from './calendar.js'
import {found, lateness, workingCalendarAt} from './due-after.js'
import {dateAt, EngineInputError, instantAt, kindOf, listAt, numberAt, objectAt, valueAt} from './input.js'
import {coveredLength, unionIntervals, type Interval} from './intervals.js'
import {dayOfDate, formatInstant, wallToEpoch} from './zone.js'

/**
 * Milestone timelines (sla-domain §4.2, §4.3, §5.2; S4, S5, S10, S11):
 * business-day durations from a start date or a predecessor, client delays
 * that extend only the milestone whose window they fall in, manual
 * extensions, and a status against "now".
 */

/** How client-caused delays move a due date (§4.3). */
export type DelayMode = (typeof delayModes)[number]
/** What an `after` milestone starts from (§4.2). */
export type TimelineAnchor = (typeof timelineAnchors)[number]
/** Where a milestone stands. */
export type MilestoneStatus = 'met' | 'breached' | 'open' | 'overdue'

type Path = ReadonlyArray<string | number>

/** A client-caused delay: whole local dates, both ends included. */
export interface DelayPlan {
  /** First day, days since 1970-01-01. */
  from: number
  /** Last day (included), days since 1970-01-01. */
  to: number
}

/** A milestone as the timeline computes with it; dates are days since 1970-01-01. */
export interface MilestonePlan {
  id: string
  /** Start date, or `null` when the milestone starts `after` another. */
  start: number | null
  /** Id of the predecessor, or `null` when the milestone has a `start`. */
  after: string | null
  /** Planned length in business days. */
  businessDays: number
  /** Actual completion date, or `null`. */
  completed: number | null
  delays: DelayPlan[]
  /** Business days agreed by hand on top of the computed due date. */
  extensionDays: number
}

/** How the timeline is computed. */
export interface TimelineOptions {
  delayMode: DelayMode
  anchor: TimelineAnchor
  /** "Now" in epoch milliseconds, or `null` when unknown (nothing is then overdue). */
  now: number | null
}

/** A computed milestone; dates are days since 1970-01-01. */
export interface MilestoneDates {
  start: number
  /** Due date without delays or extension. */
  baseDue: number
  due: number
  /** Close of business of `due`, epoch milliseconds. */
  dueAt: number
  /** How far `due` moved past `baseDue`: business days (`business-overlap`) or calendar days (`day-for-day`). */
  extension: number
  /** Per delay (in plan order), the days it counted: business days or calendar days, as `extension`. */
  delayDays: number[]
  status: MilestoneStatus
  businessDaysLate: number
}

/** One milestone of the `timeline` kind's output (V20's fields, in its order). */
export type TimelineMilestone = {
  startDate: string
  baseDueDate: string
  dueDate: string
  dueAt: string
} & ({extensionBusinessDays: number} | {extensionCalendarDays: number}) & {
    /** Completion date, or `null`. */
    completed: string | null
    status: MilestoneStatus
    businessDaysLate: number
  }

/** Output of the `timeline` kind. */
export interface TimelineResult {
  /**
   * Milestones keyed by id, in input order; JavaScript lists integer-like
   * keys (`"1"`, `"20"`) first whatever their place, so ids that are bare
   * numbers come out in numeric order.
   */
  milestones: Record<string, TimelineMilestone>
}

/**
 * Evaluate the `timeline` kind. Input: `calendar`, `delayMode`
 * (`business-overlap` or `day-for-day`, default `business-overlap`),
 * `anchor` (`completed` or `baseline`, default `completed`), optional `now`
 * (an instant), `milestones` `[{id, start | after, duration: "5bd",
 * completed?, delays?: [{from, to, reason}], extension?: {days, reason}}]`.
 * See {@link computeTimeline} for the rules.
 *
 * @param input
 *   The JSON input; unknown fields are ignored.
 * @throws {EngineInputError}
 *   When a field is missing or malformed, ids repeat, an `after` names no
 *   milestone, or the dependencies form a cycle.
 */
export function evaluateTimeline(input: unknown): TimelineResult {
  const fields = objectAt(input, [])
  const calendar = workingCalendarAt(fields.calendar, ['calendar'])
  const options: TimelineOptions = {
    delayMode: choiceAt(fields.delayMode, delayModes, ['delayMode']),
    anchor: choiceAt(fields.anchor, timelineAnchors, ['anchor']),
    now: fields.now === undefined || fields.now === null ? null : instantAt(fields.now, calendar.timeZone, ['now'])
  }
  const plans = readMilestones(fields.milestones, ['milestones'])
  const dates = computeTimeline(calendar, plans, options, ['milestones'])
  return {
    milestones: Object.fromEntries(plans.map((plan, index) => [plan.id, formatMilestone(calendar, plan, dates[index]!, options.delayMode)]))
  }
}

/**
 * Compute every milestone of a plan, in plan order.
 *
 * - Duration: the N-th business day strictly after the start date (S5, so
 *   a Saturday start plus 1 bd is Monday), due at close of business (S4).
 * - Start: the `start` date, or for `after` the predecessor's completion
 *   date when recorded, else its (extended) due date (S11); with `anchor:
 *   baseline`, always the predecessor's base due date, so neither lateness
 *   nor delays upstream move the successor.
 * - Delays apply only to the milestone they are recorded on, and only where
 *   they fall in its running window (start, due]. `business-overlap`
 *   (S10): business days inside a delay do not count towards the duration;
 *   since skipping them lengthens the window, a delay just past the
 *   original due date is pulled in too (the result is the fixed point of
 *   "count the delay days in the window, extend, repeat").
 *   `day-for-day` (§4.3 point 1): the due date moves by the calendar days
 *   of delay inside the window, then rolls forward to a business day;
 *   again repeated until the window stops growing.
 * - A manual extension adds business days on top, inside the same window
 *   (so a delay in the extended part counts as well).
 * - Status: `met` when completed on or before the due date, `breached`
 *   when after; not completed, `overdue` once `now` is after the due
 *   instant, else `open`. `businessDaysLate` counts business days after
 *   the due date up to the completion date (or `now`'s date).
 *
 * A completion before the start (a validation error) is computed as is:
 * met, and a successor starts from it.
 *
 * @param calendar
 *   The business calendar.
 * @param plans
 *   The milestones.
 * @param options
 *   Delay mode, anchor and now.
 * @param base
 *   Where the milestones list is in the input, for error paths.
 * @throws {EngineInputError}
 *   On repeated ids, an unknown `after`, a dependency cycle, or a calendar
 *   without business days.
 */
export function computeTimeline(calendar: Calendar, plans: readonly MilestonePlan[], options: TimelineOptions, base: Path = ['milestones']): MilestoneDates[] {
  const indexById = new Map<string, number>()
  plans.forEach((plan, index) => {
    if (indexById.has(plan.id)) {
      throw new EngineInputError(`Unexpected second milestone \`${plan.id}\`, expected unique ids`, [...base, index, 'id'])
    }

    indexById.set(plan.id, index)
  })

  const results: Array<MilestoneDates | undefined> = []
  for (let index = 0; index < plans.length; index++) {
    // Walk up the `after` links to something already computed (or a start
    // date), then compute back down; a milestone met twice on one walk is a cycle.
    const chain: number[] = []
    const onChain = new Set<number>()
    let current = index
    while (results[current] === undefined) {
      if (onChain.has(current)) throw cycleError(plans, chain.slice(chain.indexOf(current)), base)
      chain.push(current)
      onChain.add(current)
      const after = plans[current]!.after
      if (after === null) break
      const predecessor = indexById.get(after)
      if (predecessor === undefined) {
        throw new EngineInputError(`Unexpected \`after: ${after}\`, expected the id of another milestone`, [...base, current, 'after'])
      }

      current = predecessor
    }

    for (const member of chain.reverse()) {
      const plan = plans[member]!
      const predecessorIndex = plan.after === null ? undefined : indexById.get(plan.after)
      const start = plan.start ?? startAfter(plans[predecessorIndex!]!, results[predecessorIndex!]!, options.anchor)
      results[member] = computeMilestone(calendar, plan, start, options)
    }
  }

  return results as MilestoneDates[]
}

function startAfter(predecessor: MilestonePlan, dates: MilestoneDates, anchor: TimelineAnchor): number {
  if (anchor === 'baseline') return dates.baseDue
  return predecessor.completed ?? dates.due
}

function computeMilestone(calendar: Calendar, plan: MilestonePlan, start: number, options: TimelineOptions): MilestoneDates {
  const baseDue = found(addBusinessDays(calendar, start, plan.businessDays))
  // Delays as half-open ranges of days, merged, so a day held by two delays counts once.
  const held = unionIntervals(plan.delays.map(({from, to}) => [from, to + 1] as const))
  const dayForDay = options.delayMode === 'day-for-day'
  const due = dayForDay
    ? dayForDayDue(calendar, start, baseDue, plan.extensionDays, held)
    : overlapDue(calendar, start, plan.businessDays + plan.extensionDays, held)
  const dueAt = dueAtCloseOfBusiness(calendar, due)
  const completed = plan.completed === null ? undefined : {day: plan.completed, at: null}
  const {done, late, businessDaysLate} = lateness(calendar, {day: due, at: dueAt}, completed, options.now ?? undefined)
  return {
    start,
    baseDue,
    due,
    dueAt,
    extension: dayForDay ? due - baseDue : businessDaysBetween(calendar, baseDue, due),
    delayDays: countDelayDays(calendar, plan.delays, start, due, !dayForDay),
    status: done ? (late ? 'breached' : 'met') : late ? 'overdue' : 'open',
    businessDaysLate
  }
}

/**
 * Business-overlap due date: the `count`-th business day after `start` that
 * no delay holds. Delays are whole local dates, so as pauses they cover
 * every working window of their days, and the pause rule for `bd` goals
 * (a business day counts unless pauses cover all its working time) gives
 * the same date as repeating "extend by the delay days inside the window"
 * until nothing changes, since each skip only ever pulls in later days.
 */
function overlapDue(calendar: Calendar, start: number, count: number, held: readonly Interval[]): number {
  const zone = calendar.timeZone
  const pauses = held.map(([from, to]) => [wallToEpoch(zone, from, 0), wallToEpoch(zone, to, 0)] as const)
  return found(addUnpausedBusinessDays(calendar, start, count, pauses))
}

/**
 * Day-for-day due date: the base due date moved by the calendar days of
 * delay inside (start, due], rolled forward to a business day, plus the
 * manual extension; repeated while a longer window takes in more delay. The
 * count only grows and is bounded by the delays' length, so this ends.
 */
function dayForDayDue(calendar: Calendar, start: number, baseDue: number, extensionDays: number, held: readonly Interval[]): number {
  let counted = 0
  for (;;) {
    // The first business day on or after the moved date.
    const moved = found(addBusinessDays(calendar, baseDue + counted - 1, 1))
    const due = found(addBusinessDays(calendar, moved, extensionDays))
    const inWindow = coveredLength(held, start + 1, due + 1)
    if (inWindow === counted) return due
    counted = inWindow
  }
}

/**
 * The days each delay counted inside (start, due]: business days or all
 * days. A day two delays share counts for the first of them in plan order,
 * so the counts add up to the days skipped.
 */
function countDelayDays(calendar: Calendar, delays: readonly DelayPlan[], start: number, due: number, businessOnly: boolean): number[] {
  const counts = delays.map(() => 0)
  if (delays.length === 0) return counts
  const first = Math.max(start + 1, Math.min(...delays.map((delay) => delay.from)))
  const last = Math.min(due, Math.max(...delays.map((delay) => delay.to)))
  for (let day = first; day <= last; day++) {
    if (businessOnly && !isBusinessDay(calendar, day)) continue
    const holder = delays.findIndex((delay) => delay.from <= day && day <= delay.to)
    if (holder >= 0) counts[holder]!++
  }

  return counts
}

function formatMilestone(calendar: Calendar, plan: MilestonePlan, dates: MilestoneDates, delayMode: DelayMode): TimelineMilestone {
  const extensionKey = delayMode === 'day-for-day' ? 'extensionCalendarDays' : 'extensionBusinessDays'
  return {
    startDate: formatEpochDays(dates.start),
    baseDueDate: formatEpochDays(dates.baseDue),
    dueDate: formatEpochDays(dates.due),
    dueAt: formatInstant(calendar.timeZone, dates.dueAt),
    [extensionKey]: dates.extension,
    completed: plan.completed === null ? null : formatEpochDays(plan.completed),
    status: dates.status,
    businessDaysLate: dates.businessDaysLate
  } as TimelineMilestone
}

/**
 * Read milestones from JSON (the `timeline` kind, or an SLA's validated
 * `milestones`).
 *
 * @param value
 *   The list.
 * @param base
 *   Where it is in the input.
 * @throws {EngineInputError}
 *   When a milestone is malformed, has both or neither of `start` and
 *   `after`, or a delay ends before it starts.
 */
export function readMilestones(value: unknown, base: Path): MilestonePlan[] {
  return listAt(value, base).map((item, index) => {
    const path = [...base, index]
    const fields = objectAt(item, path)
    const id = textAt(fields.id, [...path, 'id'])
    const start = fields.start === undefined || fields.start === null ? null : dayOfDate(dateAt(fields.start, [...path, 'start']))
    const after = fields.after === undefined || fields.after === null ? null : textAt(fields.after, [...path, 'after'])
    if ((start === null) === (after === null)) {
      throw new EngineInputError(
        `Unexpected milestone with ${start === null ? 'neither `start` nor' : 'both `start` and'} \`after\`, expected exactly one of them`,
        path
      )
    }

    const duration = valueAt(parseDuration(fields.duration, {calendar: 'business'}), [...path, 'duration'])
    if (duration.kind !== 'business-days') {
      throw new EngineInputError(`Unexpected duration \`${String(fields.duration)}\`, expected business days such as \`5bd\``, [...path, 'duration'])
    }

    const completed = fields.completed === undefined || fields.completed === null ? null : dayOfDate(dateAt(fields.completed, [...path, 'completed']))
    const delays = listAt(fields.delays, [...path, 'delays']).map((delay, delayIndex) => {
      const where = [...path, 'delays', delayIndex]
      const range = objectAt(delay, where)
      const from = dateAt(range.from, [...where, 'from'])
      const to = dateAt(range.to, [...where, 'to'])
      if (dayOfDate(to) < dayOfDate(from)) {
        throw new EngineInputError(`Unexpected delay ending \`${to}\` before it starts \`${from}\`, expected \`to\` on or after \`from\``, [...where, 'to'])
      }

      return {from: dayOfDate(from), to: dayOfDate(to)}
    })
    const extension =
      fields.extension === undefined || fields.extension === null
        ? 0
        : numberAt(objectAt(fields.extension, [...path, 'extension']).days, [...path, 'extension', 'days'], {min: 0, integer: true})
    return {id, start, after, businessDays: duration.days, completed, delays, extensionDays: extension}
  })
}

function cycleError(plans: readonly MilestonePlan[], cycle: readonly number[], base: Path): EngineInputError {
  // The walk follows `after` links, so the cycle reads successor → predecessor; show it in dependency order.
  const ids = [...cycle].reverse().map((index) => '`' + plans[index]!.id + '`')
  return new EngineInputError(
    `Unexpected dependency cycle ${[...ids, ids[0]].join(' → ')}, expected every chain of \`after\` to reach a milestone with a \`start\``,
    [...base, cycle[0]!, 'after']
  )
}

function textAt(value: unknown, path: Path): string {
  if (typeof value === 'string' && value.length > 0) return value
  throw new EngineInputError(`Unexpected ${kindOf(value)}, expected a milestone id such as \`design\``, path)
}

/** One of `choices`; a missing value is the first choice, the default. */
function choiceAt<T extends string>(value: unknown, choices: readonly T[], path: Path): T {
  if (value === undefined || value === null) return choices[0]!
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T
  throw new EngineInputError(`Unexpected ${kindOf(value)}, expected ${choices.map((choice) => '`' + choice + '`').join(' or ')}`, path)
}

// ---------------------------------------------------------------------------
// SLA level.

/** A delay on a milestone of an SLA, with the days it counted. */
export interface MilestoneDelayReport {
  from: string
  to: string
  reason: string
  note: string | null
  /** Days of this delay inside the milestone's window that moved it: business days, or calendar days in `day-for-day` mode. */
  countedDays: number
}

/** A milestone of an SLA as the report shows it. */
export type MilestoneReport = {id: string; title: string; after: string | null} & TimelineMilestone & {
    delays: MilestoneDelayReport[]
    /** The manual extension, or `null`. */
    extension: {days: number; reason: string} | null
  }

/** The timeline of an SLA. */
export interface SlaTimeline {
  /** Name of the calendar used, or `null` for the built-in Monday–Friday 09:00–17:00 fallback. */
  calendar: string | null
  /** Zone of that calendar (`dueAt` offsets are in it). */
  timeZone: string
  delayMode: DelayMode
  anchor: TimelineAnchor
  /** In the order of `sla.milestones`. */
  milestones: MilestoneReport[]
}

/**
 * The calendar milestones are counted on. The data model gives milestones
 * no calendar of their own, so business days are those of the business
 * calendar the SLA staffs support on: `support.calendar` when it names a
 * calendar with hours; else the first calendar with hours in
 * `sla.calendars`; else Monday to Friday 09:00–17:00 without holidays in
 * `sla.timeZone`. A calendar without its own zone, and the fallback, use
 * `sla.timeZone`, or UTC when that is missing too (as validation does).
 *
 * @param sla
 *   Validated SLA data.
 */
export function timelineCalendar(sla: Sla): {name: string | null; calendar: Calendar} {
  const zone = sla.timeZone ?? 'UTC'
  const calendars = sla.calendars ?? {}
  const withHours = (name: string | undefined) => name !== undefined && Object.hasOwn(calendars, name) && typeof calendars[name] === 'object'
  const supportName = sla.support?.calendar
  const name = withHours(supportName) ? supportName! : Object.keys(calendars).find(withHours)
  if (name === undefined) {
    return {name: null, calendar: workingCalendarAt({timeZone: zone, hours: {'mon-fri': '09:00-17:00'}}, ['timeZone'])}
  }

  const definition = calendars[name] as Exclude<(typeof calendars)[string], '24x7'>
  const calendar = workingCalendarAt({timeZone: definition.timeZone ?? zone, hours: definition.hours, holidays: definition.holidays}, ['calendars', name])
  return {name, calendar}
}

/**
 * The timeline of an SLA's `milestones`, with `sla.timeline`'s delay mode
 * and anchor, on the calendar {@link timelineCalendar} picks, evaluated at
 * `asOfMs`. Each milestone carries the `timeline` kind's fields plus its
 * title, predecessor, delays with the days each counted, and the manual
 * extension with its reason.
 *
 * @param sla
 *   Validated SLA data.
 * @param asOfMs
 *   "Now", epoch milliseconds.
 * @throws {EngineInputError}
 *   On data validation would refuse (a dependency cycle, an unknown
 *   `after`), so a bad page can never make the engine loop.
 */
export function evaluateMilestones(sla: Sla, asOfMs: number): SlaTimeline {
  const {name, calendar} = timelineCalendar(sla)
  const options: TimelineOptions = {
    delayMode: sla.timeline?.delayMode ?? 'business-overlap',
    anchor: sla.timeline?.anchor ?? 'completed',
    now: asOfMs
  }
  const milestones = sla.milestones ?? []
  const plans = readMilestones(milestones, ['milestones'])
  const dates = computeTimeline(calendar, plans, options, ['milestones'])
  return {
    calendar: name,
    timeZone: calendar.timeZone,
    delayMode: options.delayMode,
    anchor: options.anchor,
    milestones: milestones.map((milestone, index) => ({
      id: milestone.id,
      title: milestone.title,
      after: milestone.after ?? null,
      ...formatMilestone(calendar, plans[index]!, dates[index]!, options.delayMode),
      delays: (milestone.delays ?? []).map((delay, delayIndex) => ({
        from: delay.from,
        to: delay.to,
        reason: delay.reason,
        note: delay.note ?? null,
        countedDays: dates[index]!.delayDays[delayIndex]!
      })),
      extension: milestone.extension ? {days: milestone.extension.days, reason: milestone.extension.reason} : null
    }))
  }
}
