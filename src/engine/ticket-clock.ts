import {dueAtCloseOfBusiness} from './business-days.js'
import {addBusinessTime, addUnpausedBusinessDays, businessMs, dueInstant, type BusinessTime} from './business-time.js'
import type {Calendar} from './calendar.js'
import {dueAfter} from './due-after.js'
import {calendarAt, EngineInputError, instantAt, kindOf, listAt, numberAt, objectAt} from './input.js'
import {clipIntervals, covers, unionIntervals, type Interval} from './intervals.js'
import {formatInstant, localDay} from './zone.js'

/**
 * One ticket clock (sla-domain S2, S3, S6–S9): working time from a start to
 * a stop (or to "now" while the ticket is open), less pauses, against a goal
 * that may change while the clock runs. {@link runClock} does the maths on
 * plain numbers; {@link evaluateTicket} is the JSON contract's `ticket` kind.
 */

const millisecondsPerMinute = 60_000

/**
 * A goal as the clock measures it: an amount of working time, business days
 * due at close of business, or calendar days that keep the wall-clock time.
 */
export type ClockGoal =
  | {kind: 'elapsed'; ms: number}
  | {kind: 'business-days'; days: number}
  | {kind: 'calendar-days'; days: number}

/** A goal and the moment it took effect. */
export interface ClockSegment {
  /**
   * When the goal took effect, epoch milliseconds; at or before the start
   * for the goal the clock starts with. A goal that takes effect at or after
   * the clock's end has not happened yet and is ignored.
   */
  from: number
  /** The calendar the goal is measured on. */
  calendar: Calendar
  goal: ClockGoal
}

/** What {@link runClock} needs. */
export interface ClockInput {
  /** When the clock started, epoch milliseconds. */
  start: number
  /** When it stopped, or "now" while it runs; not before `start`. */
  end: number
  /** Whether `end` is a stop (the ticket answered or resolved) rather than "now". */
  stopped: boolean
  /**
   * The goals in the order they took effect. Each applies to the working
   * time counted since `start` (S8 keep-elapsed).
   */
  segments: readonly ClockSegment[]
  /**
   * Pause intervals, any order; an open-ended pause ends at `Infinity`.
   * They are merged (S6) and clipped to `[start, end)`.
   */
  pauses: readonly Interval[]
}

/** State of a clock at its end. */
export type ClockState = 'met' | 'breached' | 'running' | 'paused'

/** What {@link runClock} finds, in milliseconds. */
export interface ClockResult {
  /** Working time counted from start to end, less pauses. */
  elapsedMs: number
  /** Working time the current goal allows (`Infinity` when a `bd` goal has no due date in reach). */
  targetMs: number
  /** When the current goal is used up; `null` while an open-ended pause blocks the clock before that (S9). */
  dueMs: number | null
  /** Whether any goal that applied was exceeded (a breach is sticky, S8). */
  breached: boolean
  /** When the first breach happened: the later of its deadline and the moment its goal took effect. */
  breachedMs: number | null
  /** Index in the effective segments of the goal that was breached first. */
  breachedSegment: number | null
  /** Working time that pauses took away between start and end. */
  pausedMs: number
  state: ClockState
  /** Working time left under the current goal, while the clock runs or is paused. */
  remainingMs: number | null
  /** The segments that took effect (the last is the current goal). */
  segments: readonly ClockSegment[]
}

const noIntervals: readonly Interval[] = []

/**
 * The segments that take effect by `end`, in the order they do: the list
 * itself when it already is that (a ticket's goals come in order), so the
 * common case copies nothing.
 */
function effectiveSegments(segments: readonly ClockSegment[], start: number, end: number): readonly ClockSegment[] {
  for (let index = 0; index < segments.length; index++) {
    const from = segments[index]!.from
    if (!(from <= start || from < end) || (index > 0 && from < segments[index - 1]!.from)) return sortedEffectiveSegments(segments, start, end)
  }

  return segments
}

function sortedEffectiveSegments(segments: readonly ClockSegment[], start: number, end: number): ClockSegment[] {
  return segments.filter((segment) => segment.from <= start || segment.from < end).sort((a, b) => a.from - b.from)
}

/** Working time a goal allows and when it is used up, for one clock. */
interface ResolvedGoal {
  targetMs: number
  deadline: number | undefined
}

/**
 * Run a ticket clock. Elapsed time is counted from `start` for every goal
 * (S8): a goal that takes effect later is measured against all the working
 * time since the start, and a goal exceeded while it applied stays breached
 * whatever comes after. A breach needs elapsed time strictly above the goal
 * (S7: exactly the goal is met). While the clock runs, an open-ended pause
 * that covers `end` freezes it: `dueMs` is `null` unless the goal was used
 * up before (S9).
 *
 * `undefined` when no goal has taken effect by `end`.
 *
 * @param input
 *   Start, end, goals and pauses.
 */
export function runClock(input: ClockInput): ClockResult | undefined {
  const {start, end, stopped} = input
  const segments = effectiveSegments(input.segments, start, end)
  if (segments.length === 0) return undefined
  // Most clocks have no pause: skip building empty lists.
  const union = input.pauses.length === 0 ? noIntervals : unionIntervals(input.pauses)
  const pauses = union.length === 0 ? noIntervals : clipIntervals(union, start, end)

  let breachedSegment: number | null = null
  let breachedMs: number | null = null
  let current: ResolvedGoal = {targetMs: 0, deadline: undefined}
  // Elapsed and paused time so far on `counted`'s calendar up to `countedUntil`: on one calendar each stretch is walked once.
  const time: BusinessTime = {businessMs: 0, pausedMs: 0}
  let counted: Calendar | undefined
  let countedUntil = start

  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!
    const effective = Math.max(start, segment.from)
    const next = segments[index + 1]
    const until = next ? Math.min(Math.max(start, next.from), end) : end
    current = resolveGoal(segment, start, pauses)
    if (segment.calendar !== counted) {
      counted = segment.calendar
      countedUntil = start
      time.businessMs = 0
      time.pausedMs = 0
    }

    addBusinessTime(time, segment.calendar, countedUntil, until, pauses)
    countedUntil = Math.max(countedUntil, until)
    if (breachedSegment === null && time.businessMs > current.targetMs) {
      breachedSegment = index
      // Exceeded means the deadline was reached, so it exists.
      breachedMs = Math.max(current.deadline!, effective)
    }
  }

  const elapsedMs = time.businessMs
  const pausedMs = time.pausedMs
  const last = union[union.length - 1]
  const blocked = !stopped && last !== undefined && last[1] === Number.POSITIVE_INFINITY && last[0] <= end
  const dueMs = current.deadline === undefined || (blocked && current.deadline > end) ? null : current.deadline
  const breached = breachedSegment !== null
  const state: ClockState = breached ? 'breached' : stopped ? 'met' : covers(union, end) ? 'paused' : 'running'
  return {
    elapsedMs,
    targetMs: current.targetMs,
    dueMs,
    breached,
    breachedMs,
    breachedSegment,
    pausedMs,
    state,
    remainingMs: state === 'running' || state === 'paused' ? current.targetMs - elapsedMs : null,
    segments
  }
}

/**
 * The working time a goal allows from `start` and when it runs out, with
 * the pauses that applied. `bd`: the due date is counted in business days
 * not wholly paused (sla-domain §5.3 warning 6), due at close of business,
 * and the goal allows the working time up to then. `d`: the same wall-clock
 * time that many local dates later (S4), and the goal allows the working
 * time between, so pauses push it out like an elapsed goal.
 */
function resolveGoal(segment: ClockSegment, start: number, pauses: readonly Interval[]): ResolvedGoal {
  const {calendar, goal} = segment
  if (goal.kind === 'elapsed') return {targetMs: goal.ms, deadline: dueInstant(calendar, start, goal.ms, pauses)}
  if (goal.kind === 'calendar-days') {
    const wall = dueAfter(calendar, {day: localDay(calendar.timeZone, start), at: start}, goal).at
    const targetMs = businessMs(calendar, start, wall)
    return {targetMs, deadline: dueInstant(calendar, start, targetMs, pauses)}
  }

  const day = addUnpausedBusinessDays(calendar, localDay(calendar.timeZone, start), goal.days, pauses)
  if (day === undefined) return {targetMs: Number.POSITIVE_INFINITY, deadline: undefined}
  const deadline = dueAtCloseOfBusiness(calendar, day)
  return {targetMs: businessMs(calendar, start, deadline, pauses), deadline}
}

// ---------------------------------------------------------------------------
// Output.

/**
 * The clock fields of a ticket result, in the contract's key order
 * (sla-domain §6.2). Minutes are exact: milliseconds divided by 60,000 at
 * the end, so a clock counted in whole minutes gives whole minutes.
 */
export interface TicketClockOutput {
  elapsedBusinessMinutes: number
  /** Minutes the current goal allows; `null` when a `bd` goal has no due date within ten years. */
  targetMinutes: number | null
  /** Due instant with the calendar's offset; `null` while an open-ended pause freezes the clock. */
  dueAt: string | null
  breached: boolean
  breachedAt: string | null
  /** Elapsed as a percentage of the current goal, unrounded. */
  percentOfTarget: number
  pausedBusinessMinutes: number
  state: ClockState
  /** Only while running or paused. */
  remainingMinutes?: number
  /** Problems with the input that did not stop the evaluation, worded "Unexpected X, expected Y". */
  warnings: string[]
  /** Only when breached and a per-breach credit applies. */
  creditPercent?: number
}

/**
 * A clock result as contract output: instants in `zone` with its offset,
 * minutes, and the percentage of the current goal.
 *
 * @param result
 *   What {@link runClock} found.
 * @param zone
 *   The zone instants are written in.
 * @param warnings
 *   Warnings to report.
 * @param creditPercent
 *   The per-breach credit, reported only when the clock breached.
 */
export function clockOutput(result: ClockResult, zone: string, warnings: string[], creditPercent?: number): TicketClockOutput {
  const finite = Number.isFinite(result.targetMs)
  // Spreads keep the optional keys in their places in the contract's order.
  return {
    elapsedBusinessMinutes: result.elapsedMs / millisecondsPerMinute,
    targetMinutes: finite ? result.targetMs / millisecondsPerMinute : null,
    dueAt: result.dueMs === null ? null : formatInstant(zone, result.dueMs),
    breached: result.breached,
    breachedAt: result.breachedMs === null ? null : formatInstant(zone, result.breachedMs),
    percentOfTarget: finite && result.targetMs > 0 ? (result.elapsedMs * 100) / result.targetMs : 0,
    pausedBusinessMinutes: result.pausedMs / millisecondsPerMinute,
    state: result.state,
    ...(result.remainingMs !== null && finite ? {remainingMinutes: result.remainingMs / millisecondsPerMinute} : {}),
    warnings,
    ...(result.breached && creditPercent !== undefined ? {creditPercent} : {})
  }
}

/**
 * Warning for a pause that starts and ends at the same instant (sla-domain
 * §5.3 warning 1); it is ignored.
 *
 * @param path
 *   Where the pause is, such as `pauses.2`.
 * @param zone
 *   The zone to write the instant in.
 * @param at
 *   Its instant.
 */
export function zeroLengthPauseWarning(path: string, zone: string, at: number): string {
  return `Unexpected zero-length pause at \`${path}\` (from and to both ${formatInstant(zone, at)}), expected \`to\` after \`from\`; it is ignored`
}

// ---------------------------------------------------------------------------
// The JSON contract.

/**
 * Evaluate the contract's `ticket` kind. Input: `calendar {timeZone, hours,
 * holidays}`, `target {minutes, label?}`, `targetChanges [{at, minutes,
 * label?}]` (S8: each new target applies to the time elapsed since
 * `start`), `start`, `stop` (answered) or `now` (still open; `stop` wins
 * when both are given), `pauses [{from, to?, reason}]` (a pause without
 * `to` runs to `now` or `stop`), `creditPerBreachPercent`. Unknown fields
 * are ignored.
 *
 * Output in the key order of the worked examples (sla-domain §6.2):
 * `elapsedBusinessMinutes`, `targetMinutes` (the current target), `dueAt`,
 * `breached`, `breachedAt`, `percentOfTarget`, `pausedBusinessMinutes`,
 * `state`, `remainingMinutes` (running or paused only), `warnings`,
 * `creditPercent` (breached with a credit only).
 *
 * @param input
 *   The JSON input.
 * @throws {EngineInputError}
 *   When a field is missing or malformed, `stop`/`now` lies before
 *   `start`, a pause ends before it starts, or a target change lies before
 *   `start`.
 */
export function evaluateTicket(input: unknown): TicketClockOutput {
  const fields = objectAt(input, [])
  const calendar = calendarAt(fields.calendar, ['calendar'])
  const zone = calendar.timeZone
  const target = objectAt(fields.target, ['target'])
  const start = instantAt(fields.start, zone, ['start'])
  const stopped = present(fields.stop)
  if (!stopped && !present(fields.now)) {
    throw new EngineInputError('Unexpected input without `stop` or `now`, expected the instant the clock stopped or the instant to evaluate it at', [])
  }

  const endKey = stopped ? 'stop' : 'now'
  const end = instantAt(fields[endKey], zone, [endKey])
  if (end < start) throw new EngineInputError(`Unexpected \`${endKey}\` before \`start\`, expected an instant at or after ${formatInstant(zone, start)}`, [endKey])

  const segments: ClockSegment[] = [{from: start, calendar, goal: {kind: 'elapsed', ms: targetMs(target.minutes, ['target', 'minutes'])}}]
  for (const [index, value] of listAt(fields.targetChanges, ['targetChanges']).entries()) {
    const path = ['targetChanges', index]
    const change = objectAt(value, path)
    const at = instantAt(change.at, zone, [...path, 'at'])
    if (at < start) throw new EngineInputError(`Unexpected target change before \`start\`, expected an instant at or after ${formatInstant(zone, start)}`, [...path, 'at'])
    segments.push({from: at, calendar, goal: {kind: 'elapsed', ms: targetMs(change.minutes, [...path, 'minutes'])}})
  }

  const warnings: string[] = []
  const pauses: Interval[] = []
  for (const [index, value] of listAt(fields.pauses, ['pauses']).entries()) {
    const path = ['pauses', index]
    const pause = objectAt(value, path)
    const from = instantAt(pause.from, zone, [...path, 'from'])
    const to = present(pause.to) ? instantAt(pause.to, zone, [...path, 'to']) : Number.POSITIVE_INFINITY
    if (typeof pause.reason !== 'string') throw new EngineInputError(`Unexpected ${kindOf(pause.reason)}, expected a pause reason such as \`approval\``, [...path, 'reason'])
    if (to < from) throw new EngineInputError(`Unexpected pause end before its start, expected an instant at or after ${formatInstant(zone, from)}`, [...path, 'to'])
    if (to === from) warnings.push(zeroLengthPauseWarning(path.join('.'), zone, from))
    else pauses.push([from, to])
  }

  const credit = present(fields.creditPerBreachPercent) ? numberAt(fields.creditPerBreachPercent, ['creditPerBreachPercent'], {min: 0}) : undefined
  // The first segment takes effect at the start, so a result always exists.
  const result = runClock({start, end, stopped, segments, pauses})!
  return clockOutput(result, zone, warnings, credit)
}

/** Whether an optional contract field was given (`null` counts as left out). */
function present(value: unknown): boolean {
  return value !== undefined && value !== null
}

/** A target in minutes (above 0, fractions allowed) as whole milliseconds. */
function targetMs(value: unknown, path: ReadonlyArray<string | number>): number {
  const minutes = numberAt(value, path, {min: 0})
  const ms = Math.round(minutes * millisecondsPerMinute)
  if (ms <= 0) throw new EngineInputError(`Unexpected target of ${minutes} minutes, expected more than 0`, path)
  return ms
}
