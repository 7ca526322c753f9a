import {clientCausedPauseReasons, type Measure, type Sla, type Target, type Ticket} from '../schema/sla.js'
import {parseDuration, parsePercent} from '../schema/values/index.js'
import type {Calendar} from './calendar.js'
import {calendarAt, EngineInputError, instantAt, valueAt} from './input.js'
import type {Interval} from './intervals.js'
import {clockOutput, runClock, zeroLengthPauseWarning, type ClockGoal, type ClockSegment, type TicketClockOutput} from './ticket-clock.js'
import {formatInstant} from './zone.js'

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

/** A target with its goals parsed and its calendars built. */
interface PreparedTarget {
  id: string
  measure: Measure
  restart: boolean
  goals: Map<string, {text: string; calendar: Calendar; goal: ClockGoal}>
  /** Pause reasons that stop this target's clock. */
  pauseOn: ReadonlySet<string>
  /** Per-breach credit in percent by priority. */
  credits: Map<string, number>
}

/** A ticket event with its instant read. */
interface ReadEvent {
  type: string
  at: number
  to: string | undefined
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
  return (sla.tickets ?? []).map((ticket, index) => evaluateOneTicket(ticket, ['tickets', index], targets, zone, asOfMs))
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
    goals.set(priority, {text, calendar, goal})
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

function evaluateOneTicket(ticket: Ticket, base: Path, targets: readonly PreparedTarget[], zone: string, asOfMs: number): TicketReport {
  const opened = instantAt(ticket.opened, zone, [...base, 'opened'])
  const events: ReadEvent[] = []
  for (const [index, event] of (ticket.events ?? []).entries()) {
    const at = instantAt(event.at, zone, [...base, 'events', index, 'at'])
    // Not yet happened as of `asOf`; an event before `opened` (a validation error) counts from `opened`.
    if (at <= asOfMs) events.push({type: event.type, at: Math.max(at, opened), to: event.to})
  }

  // Stable: events at the same instant keep their written order.
  events.sort((a, b) => a.at - b.at)
  const pauses: ReadPause[] = (ticket.pauses ?? []).map((pause, index) => ({
    index,
    reason: pause.reason,
    from: instantAt(pause.from, zone, [...base, 'pauses', index, 'from']),
    to: pause.to === undefined ? Number.POSITIVE_INFINITY : instantAt(pause.to, zone, [...base, 'pauses', index, 'to'])
  }))
  const timeline: Piece[] = [{from: opened, priority: ticket.priority}]
  for (const event of events) if (event.type === 'priority' && event.to !== undefined) timeline.push({from: event.at, priority: event.to})

  const report: TicketReport = {id: ticket.id, priority: ticket.priority, currentPriority: timeline[timeline.length - 1]!.priority, targets: {}}
  if (opened > asOfMs) return report

  for (const target of targets) {
    const used = pauses.filter((pause) => target.pauseOn.has(pause.reason))
    const intervals: Interval[] = used.filter((pause) => pause.to > pause.from).map((pause) => [pause.from, pause.to])
    const results: TicketCycleResult[] = []
    for (const cycle of cyclesOf(target.measure, opened, events)) {
      const end = cycle.stop ?? asOfMs
      const pieces = piecesOf(timeline, target, cycle.start, end)
      const runs = target.restart
        ? pieces.map((piece, index) => ({start: piece.from, stop: pieces[index + 1]?.from ?? cycle.stop, pieces: [piece]}))
        : [{start: cycle.start, stop: cycle.stop, pieces}]
      for (const run of runs) {
        const result = runCycle(target, run.start, run.stop, run.pieces, intervals, used, asOfMs, results.length + 1)
        if (result) results.push(result)
      }
    }

    if (results.length > 0) report.targets[target.id] = results
  }

  return report
}

/**
 * The cycles a measure defines on a ticket's events (sorted, up to
 * `asOf`); see {@link evaluateTickets}.
 */
function cyclesOf(measure: Measure, opened: number, events: readonly ReadEvent[]): Cycle[] {
  const cycles: Cycle[] = []
  let open = true
  let start = opened
  const reply = (type: string) => type === 'first-response' || type === 'response'

  if (measure === 'first-response') {
    const stop = events.find((event) => reply(event.type) || event.type === 'resolved')
    return [{start: opened, stop: stop ? stop.at : null}]
  }

  let waiting: number[] = []
  for (const event of events) {
    if (event.type === 'resolved' && open) {
      open = false
      if (measure === 'next-response') for (const from of waiting) cycles.push({start: from, stop: event.at})
      else cycles.push({start, stop: event.at})
      waiting = []
    } else if (event.type === 'reopened' && !open) {
      open = true
      start = event.at
    } else if (open && measure === 'next-response') {
      if (event.type === 'client-message') waiting.push(event.at)
      else if (reply(event.type)) {
        for (const from of waiting) cycles.push({start: from, stop: event.at})
        waiting = []
      }
    } else if (open && measure === 'update-interval' && reply(event.type)) {
      cycles.push({start, stop: event.at})
      start = event.at
    }
  }

  if (open) {
    if (measure === 'next-response') for (const from of waiting) cycles.push({start: from, stop: null})
    else cycles.push({start, stop: null})
  }

  return cycles
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
  const pieces: Piece[] = [{from: start, priority: initial}]
  for (const entry of timeline) {
    if (entry.from <= start || entry.from >= end) continue
    if (entry.priority !== pieces[pieces.length - 1]!.priority && target.goals.has(entry.priority)) pieces.push(entry)
  }

  return pieces
}

/** Run one cycle's clock; `undefined` when no goal applies in it. */
function runCycle(
  target: PreparedTarget,
  start: number,
  stop: number | null,
  pieces: readonly Piece[],
  intervals: readonly Interval[],
  used: readonly ReadPause[],
  asOfMs: number,
  cycle: number
): TicketCycleResult | undefined {
  const end = stop ?? asOfMs
  const withGoals = pieces.filter((piece) => target.goals.has(piece.priority))
  const segments: ClockSegment[] = withGoals.map((piece) => {
    const {calendar, goal} = target.goals.get(piece.priority)!
    return {from: piece.from, calendar, goal}
  })
  const result = runClock({start, end, stopped: stop !== null, segments, pauses: intervals})
  if (!result) return undefined

  // Segments that took effect are a prefix of those passed in.
  const current = withGoals[result.segments.length - 1]!
  const {text, calendar} = target.goals.get(current.priority)!
  const zone = calendar.timeZone
  const warnings = used
    .filter((pause) => pause.to === pause.from && pause.from >= start && pause.from <= end)
    .map((pause) => zeroLengthPauseWarning(`pauses.${pause.index}`, zone, pause.from))
  const breachPriority = result.breachedSegment === null ? undefined : withGoals[result.breachedSegment]!.priority
  const credit = breachPriority === undefined ? undefined : target.credits.get(breachPriority)
  return {
    target: target.id,
    cycle,
    priority: current.priority,
    goal: text,
    startedAt: formatInstant(zone, start),
    stoppedAt: stop === null ? null : formatInstant(zone, stop),
    ...clockOutput(result, zone, warnings, credit)
  }
}
