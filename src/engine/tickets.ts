import {clientCausedPauseReasons, type Measure, type Sla, type Target, type Ticket} from '../schema/sla.js'
import {offsetInstantMilliseconds, parseDuration, parsePercent} from '../schema/values/index.js'
import type {Calendar} from './calendar.js'
import {calendarAt, EngineInputError, instantAt, valueAt} from './input.js'
import type {Interval} from './intervals.js'
import {runClock, zeroLengthPauseWarning, type ClockGoal, type ClockResult, type ClockSegment, type TicketClockOutput} from './ticket-clock.js'
import {formatInstant, formatReadInstant} from './zone.js'

/**
 * The SLA's tickets measured against its targets (sla-domain §5.2): for
 * every ticket and target, the cycles the target's measure defines, each run
 * as a ticket clock with the goal of the ticket's priority.
 */

type Path = ReadonlyArray<string | number>

/** One cycle of one target on one ticket: where it ran, under which goal, and the clock's outcome. */
export interface TicketCycleResult extends TicketClockOutput {
  /** The target id. */
  target: string
  /** 1 for the first cycle of this target on this ticket. */
  cycle: number
  /** The priority whose goal applies at the end of the cycle. */
  priority: string
  /** That priority's goal, as written (`4h`, `2bd`). */
  goal: string
  /** When the clock started, with the goal calendar's offset. */
  startedAt: string
  /** When it stopped; `null` while it runs (evaluated at `asOf`). */
  stoppedAt: string | null
}

/** One ticket's results. */
export interface TicketReport {
  id: string | number
  /** The priority the ticket was opened with. */
  priority: string
  /** The priority as of `asOf`, after `priority` events. */
  currentPriority: string
  /**
   * Cycles per target id, in order; a target none of whose goals applies to
   * the ticket's priorities is left out.
   */
  targets: Record<string, TicketCycleResult[]>
}

/** A priority's goal in a target, parsed, with its calendar. */
interface PreparedGoal {
  text: string
  calendar: Calendar
  goal: ClockGoal
  /** The goal as the clock's first segment (in effect from before any start), made once. */
  segment: ClockSegment
  /** The segments and their priorities of a cycle that runs under this goal alone, made once. */
  alone: {segments: readonly ClockSegment[]; priorities: readonly string[]}
}

/** A target with its goals parsed and its calendars built. */
interface PreparedTarget {
  id: string
  measure: Measure
  restart: boolean
  goals: Map<string, PreparedGoal>
  /** Pause reasons that stop this target's clock. */
  pauseOn: ReadonlySet<string>
  /** Per-breach credit in percent by priority. */
  credits: Map<string, number>
}

/** A ticket event with its instant read. */
interface ReadEvent {
  type: string
  at: number
  /** The instant as written, when it is `at` (an event before `opened` counts from `opened`). */
  text: string | undefined
  to: string | undefined
}

/** The instants of a ticket that results may repeat, read and as written. */
interface WrittenInstants {
  opened: number
  openedText: string
  events: readonly ReadEvent[]
}

/** A ticket pause with its instants read; `to` is `Infinity` while open. */
interface ReadPause {
  index: number
  reason: string
  from: number
  to: number
}

/** Where a cycle starts and stops (`null`: still running). */
interface Cycle {
  start: number
  stop: number | null
}

/** A stretch of a cycle under one priority. */
interface Piece {
  from: number
  priority: string
}

/**
 * Evaluate every ticket of an SLA against every target, as of `asOfMs`.
 *
 * - Calendars: each named calendar is built once; `24x7` (built in, or a
 *   calendar written as `24x7`) counts every hour; the zone is the
 *   calendar's `timeZone`, else the SLA's, else UTC. Goals use
 *   `goalCalendars[priority]`, else the target's `calendar`.
 * - Cycles per measure: `first-response` runs from `opened` to the first
 *   `first-response` or `response` (or `resolved`, when the ticket was
 *   closed without a recorded reply); `next-response` runs from each
 *   `client-message` to the next reply (or `resolved`), one cycle per
 *   message, and messages while the ticket is resolved start none;
 *   `resolution` runs from `opened` to `resolved`, and each `reopened`
 *   starts another; `update-interval` runs between provider replies while
 *   the ticket is open, the first from `opened`.
 * - Pauses stop a clock when their reason is in the target's `pauseOn`:
 *   by default the client-caused reasons for `resolution` and
 *   `update-interval` and none for the response measures. An open pause
 *   runs to `asOf`.
 * - Priority changes: `keep-elapsed` (default) measures the new goal from
 *   the cycle's start and keeps earlier breaches (S8); `restart` ends the
 *   cycle at the change and starts a new one. A change to a priority
 *   without a goal in the target is ignored by it; a cycle that starts
 *   under such a priority counts from its first change to a priority with
 *   a goal (keep-elapsed) or is left out (restart).
 * - Events after `asOf` have not happened yet and are ignored; so is a
 *   ticket opened after `asOf` (no cycles).
 *
 * @param sla
 *   Validated SLA data (`sla.tickets`, with any `ticketsFile` merged in).
 * @param asOfMs
 *   "Now", epoch milliseconds.
 * @throws {EngineInputError}
 *   On data validation would refuse: an unknown calendar, a malformed goal,
 *   instant or credit.
 */
export function evaluateTickets(sla: Sla, asOfMs: number): TicketReport[] {
  const zone = sla.timeZone ?? 'UTC'
  const calendarNamed = calendarsOf(sla, zone)
  const targets = Object.entries(sla.targets ?? {}).map(([id, target]) => prepareTarget(sla, id, target, calendarNamed))
  // One scratch list for the results of a target on a ticket, reused: each is
  // copied out at its exact length (most targets have one cycle, and a list
  // that grows by `push` takes room for 16 at once).
  const found: TicketCycleResult[] = []
  return (sla.tickets ?? []).map((ticket, index) => evaluateOneTicket(ticket, index, targets, zone, asOfMs, found))
}

/** A lookup of the SLA's calendars by name, each built on first use. */
function calendarsOf(sla: Sla, zone: string): (name: string, path: Path) => Calendar {
  const built = new Map<string, Calendar>()
  const definitions = sla.calendars ?? {}
  return (name, path) => {
    let calendar = built.get(name)
    if (calendar) return calendar
    const definition = Object.hasOwn(definitions, name) ? definitions[name] : name === '24x7' ? '24x7' : undefined
    if (definition === undefined) {
      throw new EngineInputError(`Unexpected calendar \`${name}\`, expected one defined under \`calendars\` or \`24x7\``, path)
    }

    calendar =
      definition === '24x7'
        ? calendarAt({timeZone: zone, hours: '24x7'}, ['calendars', name])
        : calendarAt({timeZone: definition.timeZone ?? zone, hours: definition.hours, holidays: definition.holidays}, ['calendars', name])
    built.set(name, calendar)
    return calendar
  }
}

function prepareTarget(sla: Sla, id: string, target: Target, calendarNamed: (name: string, path: Path) => Calendar): PreparedTarget {
  const base = ['targets', id]
  const goals: PreparedTarget['goals'] = new Map()
  for (const [priority, text] of Object.entries(target.goals)) {
    const override = target.goalCalendars?.[priority]
    const calendar = override === undefined ? calendarNamed(target.calendar, [...base, 'calendar']) : calendarNamed(override, [...base, 'goalCalendars', priority])
    const duration = valueAt(parseDuration(text, {calendar: calendar.week === null ? '24x7' : 'business'}), [...base, 'goals', priority])
    const goal: ClockGoal = duration.kind === 'elapsed' ? {kind: 'elapsed', ms: duration.minutes * 60_000} : duration
    const segment: ClockSegment = {from: Number.NEGATIVE_INFINITY, calendar, goal}
    goals.set(priority, {text, calendar, goal, segment, alone: {segments: [segment], priorities: [priority]}})
  }

  const credits = new Map<string, number>()
  for (const [priority, value] of Object.entries(sla.consequences?.perBreach?.[id] ?? {})) {
    credits.set(priority, valueAt(parsePercent(value, {kind: 'credit'}), ['consequences', 'perBreach', id, priority]).percent)
  }

  const responseMeasure = target.measure === 'first-response' || target.measure === 'next-response'
  const pauseOn = target.pauseOn ?? (responseMeasure ? [] : 'client-caused')
  return {
    id,
    measure: target.measure,
    restart: target.onPriorityChange === 'restart',
    goals,
    pauseOn: pauseOn === 'client-caused' ? clientCausedReasons(sla) : new Set(pauseOn),
    credits
  }
}

/** The built-in client-caused reasons and those `pauseReasons` adds, less any it marks `clientCaused: false`. */
function clientCausedReasons(sla: Sla): Set<string> {
  const reasons = new Set<string>(clientCausedPauseReasons)
  for (const [name, settings] of Object.entries(sla.pauseReasons ?? {})) {
    if (settings.clientCaused === false) reasons.delete(name)
    else reasons.add(name)
  }

  return reasons
}

const noPauses: readonly ReadPause[] = []
const noIntervals: readonly Interval[] = []

function evaluateOneTicket(
  ticket: Ticket,
  ticketIndex: number,
  targets: readonly PreparedTarget[],
  zone: string,
  asOfMs: number,
  found: TicketCycleResult[]
): TicketReport {
  const opened = ticketInstant(ticket.opened, zone, ticketIndex, 'opened')
  const events = readEvents(ticket, ticketIndex, zone, opened, asOfMs)
  const pauses = readPauses(ticket, ticketIndex, zone)
  const timeline = priorityTimeline(ticket.priority, opened, events)
  const report: TicketReport = {id: ticket.id, priority: ticket.priority, currentPriority: timeline[timeline.length - 1]!.priority, targets: {}}
  if (opened > asOfMs) return report
  const written: WrittenInstants = {opened, openedText: ticket.opened, events}

  for (const target of targets) {
    const used = pausesFor(target, pauses)
    const intervals = intervalsOf(used)
    // `found` is only ever written from its start; the slice keeps this target's results.
    let count = 0
    for (const cycle of cyclesOf(target.measure, opened, events)) {
      const end = cycle.stop ?? asOfMs
      const pieces = piecesOf(timeline, target, cycle.start, end)
      if (target.restart) {
        // Each stretch under one priority is a cycle of its own.
        for (let index = 0; index < pieces.length; index++) {
          const piece = pieces[index]!
          const result = runCycle(target, written, piece.from, pieces[index + 1]?.from ?? cycle.stop, [piece], intervals, used, asOfMs, count + 1)
          if (result) found[count++] = result
        }
      } else {
        const result = runCycle(target, written, cycle.start, cycle.stop, pieces, intervals, used, asOfMs, count + 1)
        if (result) found[count++] = result
      }
    }

    if (count > 0) report.targets[target.id] = count === 1 ? [found[0]!] : found.slice(0, count)
  }

  return report
}

// The lists below are made at their final size where it is known, or at a
// bound and cut: a list that starts empty and grows by `push` takes room for
// 16 items at once, mostly garbage for the handful of items of one ticket.

/**
 * A ticket's events up to `asOf` with their instants read, in time order
 * (stable: events at the same instant keep their written order).
 */
function readEvents(ticket: Ticket, ticketIndex: number, zone: string, opened: number, asOfMs: number): ReadEvent[] {
  const written = ticket.events ?? []
  const events = new Array<ReadEvent>(written.length)
  let count = 0
  let inOrder = true
  for (let index = 0; index < written.length; index++) {
    const event = written[index]!
    const at = ticketInstant(event.at, zone, ticketIndex, 'events', index, 'at')
    // Not yet happened as of `asOf`; an event before `opened` (a validation error) counts from `opened`.
    if (at > asOfMs) continue
    const read: ReadEvent = at < opened ? {type: event.type, at: opened, text: undefined, to: event.to} : {type: event.type, at, text: event.at, to: event.to}
    if (count > 0 && read.at < events[count - 1]!.at) inOrder = false
    events[count++] = read
  }

  if (count < events.length) events.length = count
  // Logs are mostly written in order already.
  if (!inOrder) events.sort((a, b) => a.at - b.at)
  return events
}

/** The priority from `opened` on, then each `priority` event (sorted events). */
function priorityTimeline(priority: string, opened: number, events: readonly ReadEvent[]): Piece[] {
  let changes = 0
  for (const event of events) if (event.type === 'priority' && event.to !== undefined) changes++
  const timeline = new Array<Piece>(changes + 1)
  timeline[0] = {from: opened, priority}
  let count = 1
  for (const event of events) if (event.type === 'priority' && event.to !== undefined) timeline[count++] = {from: event.at, priority: event.to}
  return timeline
}

/** A ticket's pauses with their instants read. */
function readPauses(ticket: Ticket, ticketIndex: number, zone: string): readonly ReadPause[] {
  const written = ticket.pauses
  if (written === undefined || written.length === 0) return noPauses
  const pauses = new Array<ReadPause>(written.length)
  for (let index = 0; index < written.length; index++) {
    const pause = written[index]!
    const from = ticketInstant(pause.from, zone, ticketIndex, 'pauses', index, 'from')
    const to = pause.to === undefined ? Number.POSITIVE_INFINITY : ticketInstant(pause.to, zone, ticketIndex, 'pauses', index, 'to')
    pauses[index] = {index, reason: pause.reason, from, to}
  }

  return pauses
}

/** The pauses that stop a target's clock (counted first: mostly all of them or none). */
function pausesFor(target: PreparedTarget, pauses: readonly ReadPause[]): readonly ReadPause[] {
  let count = 0
  for (const pause of pauses) if (target.pauseOn.has(pause.reason)) count++
  if (count === pauses.length) return pauses
  if (count === 0) return noPauses
  const used = new Array<ReadPause>(count)
  count = 0
  for (const pause of pauses) if (target.pauseOn.has(pause.reason)) used[count++] = pause
  return used
}

/** Pauses as intervals for the clock; zero-length ones are left out (they only warn). */
function intervalsOf(pauses: readonly ReadPause[]): readonly Interval[] {
  let count = 0
  for (const pause of pauses) if (pause.to > pause.from) count++
  if (count === 0) return noIntervals
  const intervals = new Array<Interval>(count)
  count = 0
  for (const pause of pauses) if (pause.to > pause.from) intervals[count++] = [pause.from, pause.to]
  return intervals
}

/**
 * A ticket's instant as epoch milliseconds (see `instantAt`), read without
 * building anything when it is written with an offset, as logs are: the
 * path for an error is made only on the way to one.
 */
function ticketInstant(value: unknown, zone: string, ticket: number, field: 'opened' | 'events' | 'pauses', index = 0, key = ''): number {
  const fast = typeof value === 'string' ? offsetInstantMilliseconds(value) : undefined
  if (fast !== undefined) return fast
  return instantAt(value, zone, field === 'opened' ? ['tickets', ticket, field] : ['tickets', ticket, field, index, key])
}

/**
 * The cycles a measure defines on a ticket's events (sorted, up to
 * `asOf`); see {@link evaluateTickets}.
 */
function cyclesOf(measure: Measure, opened: number, events: readonly ReadEvent[]): Cycle[] {
  if (measure === 'first-response') {
    const stop = events.find((event) => isReply(event.type) || event.type === 'resolved')
    return [{start: opened, stop: stop ? stop.at : null}]
  }

  const cycles = new Array<Cycle>(cycleBound(measure, events))
  let count = 0
  let open = true
  let start = opened

  let waiting: number[] = []
  for (const event of events) {
    if (event.type === 'resolved' && open) {
      open = false
      if (measure === 'next-response') for (const from of waiting) cycles[count++] = {start: from, stop: event.at}
      else cycles[count++] = {start, stop: event.at}
      waiting = []
    } else if (event.type === 'reopened' && !open) {
      open = true
      start = event.at
    } else if (open && measure === 'next-response') {
      if (event.type === 'client-message') waiting.push(event.at)
      else if (isReply(event.type)) {
        for (const from of waiting) cycles[count++] = {start: from, stop: event.at}
        waiting = []
      }
    } else if (open && measure === 'update-interval' && isReply(event.type)) {
      cycles[count++] = {start, stop: event.at}
      start = event.at
    }
  }

  if (open) {
    if (measure === 'next-response') for (const from of waiting) cycles[count++] = {start: from, stop: null}
    else cycles[count++] = {start, stop: null}
  }

  if (count < cycles.length) cycles.length = count
  return cycles
}

/**
 * At most how many cycles of a measure other than `first-response` the
 * events make: one per client message (`next-response`), else one per
 * stretch the ticket is open (and one per reply in it, `update-interval`).
 */
function cycleBound(measure: Measure, events: readonly ReadEvent[]): number {
  let bound = measure === 'next-response' ? 0 : 1
  for (const event of events) {
    if (measure === 'next-response' ? event.type === 'client-message' : event.type === 'reopened' || (measure === 'update-interval' && isReply(event.type))) bound++
  }

  return bound
}

/** Whether an event is a reply from the provider. */
function isReply(type: string): boolean {
  return type === 'first-response' || type === 'response'
}

/**
 * The stretches of `[start, end)` under one priority each, for one target:
 * the priority in effect at `start`, then each change to a different
 * priority that has a goal in the target (a change to one without a goal is
 * ignored). The first stretch may have no goal.
 */
function piecesOf(timeline: readonly Piece[], target: PreparedTarget, start: number, end: number): Piece[] {
  let initial = timeline[0]!.priority
  for (const entry of timeline) if (entry.from <= start) initial = entry.priority
  const pieces = new Array<Piece>(timeline.length)
  pieces[0] = {from: start, priority: initial}
  let count = 1
  for (const entry of timeline) {
    if (entry.from <= start || entry.from >= end) continue
    if (entry.priority !== pieces[count - 1]!.priority && target.goals.has(entry.priority)) pieces[count++] = entry
  }

  if (count < pieces.length) pieces.length = count
  return pieces
}

/** Run one cycle's clock; `undefined` when no goal applies in it. */
function runCycle(
  target: PreparedTarget,
  written: WrittenInstants,
  start: number,
  stop: number | null,
  pieces: readonly Piece[],
  intervals: readonly Interval[],
  used: readonly ReadPause[],
  asOfMs: number,
  cycle: number
): TicketCycleResult | undefined {
  const end = stop ?? asOfMs
  const {segments, priorities} = goalsOf(target, pieces, start)
  const result = runClock({start, end, stopped: stop !== null, segments, pauses: intervals})
  if (!result) return undefined

  // Segments that took effect are a prefix of those passed in.
  const priority = priorities[result.segments.length - 1]!
  const {text, calendar} = target.goals.get(priority)!
  const zone = calendar.timeZone
  const warnings: string[] = []
  for (const pause of used) {
    if (pause.to === pause.from && pause.from >= start && pause.from <= end) warnings.push(zeroLengthPauseWarning(`pauses.${pause.index}`, zone, pause.from))
  }

  const breachPriority = result.breachedSegment === null ? undefined : priorities[result.breachedSegment]!
  const credit = breachPriority === undefined ? undefined : target.credits.get(breachPriority)
  const startedAt = formatReadInstant(zone, start, writtenAs(written, start))
  const stoppedAt = stop === null ? null : formatReadInstant(zone, stop, writtenAs(written, stop))
  return cycleResult(target.id, cycle, priority, text, startedAt, stoppedAt, result, zone, warnings, credit)
}

/** The text a ticket wrote an instant as, when it is `opened` or an event's instant. */
function writtenAs(written: WrittenInstants, at: number): string | undefined {
  if (at === written.opened) return written.openedText
  for (const event of written.events) if (event.at === at && event.text !== undefined) return event.text
  return undefined
}

/**
 * The clock segments of a cycle's pieces that have a goal, and their
 * priorities, index for index; most cycles run under one goal from their
 * start, whose lists are made once.
 */
function goalsOf(target: PreparedTarget, pieces: readonly Piece[], start: number): PreparedGoal['alone'] {
  const first = pieces.length === 1 ? target.goals.get(pieces[0]!.priority) : undefined
  if (first !== undefined && pieces[0]!.from <= start) return first.alone
  const segments = new Array<ClockSegment>(pieces.length)
  const priorities = new Array<string>(pieces.length)
  let count = 0
  for (const piece of pieces) {
    const goal = target.goals.get(piece.priority)
    if (goal === undefined) continue
    segments[count] = piece.from <= start ? goal.segment : {from: piece.from, calendar: goal.calendar, goal: goal.goal}
    priorities[count++] = piece.priority
  }

  if (count < segments.length) segments.length = count
  if (count < priorities.length) priorities.length = count
  return {segments, priorities}
}

/**
 * A cycle's result: the cycle's fields, then the clock's in the contract's
 * order (see `clockOutput`, which this follows key for key). Written as one
 * literal per set of keys rather than with spreads, so each of the many
 * results is one compact object.
 */
function cycleResult(
  target: string,
  cycle: number,
  priority: string,
  goal: string,
  startedAt: string,
  stoppedAt: string | null,
  result: ClockResult,
  zone: string,
  warnings: string[],
  creditPercent: number | undefined
): TicketCycleResult {
  const finite = Number.isFinite(result.targetMs)
  const elapsedBusinessMinutes = minutesOf(result.elapsedMs)
  const targetMinutes = finite ? minutesOf(result.targetMs) : null
  const dueAt = result.dueMs === null ? null : formatInstant(zone, result.dueMs)
  const breached = result.breached
  const breachedAt = result.breachedMs === null ? null : formatInstant(zone, result.breachedMs)
  const percentOfTarget = finite && result.targetMs > 0 ? (result.elapsedMs * 100) / result.targetMs : 0
  const pausedBusinessMinutes = minutesOf(result.pausedMs)
  const state = result.state
  // `remainingMinutes` (running or paused) and `creditPercent` (breached) never come together.
  if (result.remainingMs !== null && finite) {
    const remainingMinutes = minutesOf(result.remainingMs)
    return {target, cycle, priority, goal, startedAt, stoppedAt, elapsedBusinessMinutes, targetMinutes, dueAt, breached, breachedAt, percentOfTarget, pausedBusinessMinutes, state, remainingMinutes, warnings}
  }

  if (breached && creditPercent !== undefined) {
    return {target, cycle, priority, goal, startedAt, stoppedAt, elapsedBusinessMinutes, targetMinutes, dueAt, breached, breachedAt, percentOfTarget, pausedBusinessMinutes, state, warnings, creditPercent}
  }

  return {target, cycle, priority, goal, startedAt, stoppedAt, elapsedBusinessMinutes, targetMinutes, dueAt, breached, breachedAt, percentOfTarget, pausedBusinessMinutes, state, warnings}
}

/**
 * Milliseconds as minutes, exactly (fractions stay). A whole number of
 * minutes comes back as a small integer rather than as the float a division
 * gives: stored in a result, it then takes no memory of its own.
 */
function minutesOf(ms: number): number {
  const minutes = ms / 60_000
  return minutes === (minutes | 0) ? minutes | 0 : minutes
}
