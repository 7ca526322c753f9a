import {parseDate, parseDuration, type DurationValue} from '../schema/values/index.js'
import {formatEpochDays} from '../util/civil.js'
import {addBusinessDays, businessDaysBetween, dueAtCloseOfBusiness, searchLimitDays} from './business-days.js'
import {dueInstant} from './business-time.js'
import {hasWorkingTime, type Calendar} from './calendar.js'
import {calendarAt, EngineInputError, instantAt, objectAt, valueAt} from './input.js'
import {dayOfDate, formatInstant, localDay, offsetAt, wallToEpoch} from './zone.js'

/**
 * The `dueAfter` kind of the JSON contract: when is something due that is
 * promised "within N" of an anchor, and was it delivered in time?
 * (sla-domain §4.1, S4, S5.)
 */

const millisecondsPerDay = 86_400_000

/**
 * A point in time given either as a whole local date or as an instant.
 * Dates and instants compare differently: a date is on time on the due
 * date, an instant only up to the due instant.
 */
export interface Moment {
  /** The local date in the calendar's zone, days since 1970-01-01. */
  day: number
  /** The instant in epoch milliseconds, or `null` when only a date was given. */
  at: number | null
}

/** A deadline: its date and its instant. */
export interface Deadline {
  /** Due date, days since 1970-01-01. */
  day: number
  /** Due instant, epoch milliseconds. */
  at: number
}

/** How a deadline turned out. */
export interface Lateness {
  /** Whether the work is done (a delivery or completion was given). */
  done: boolean
  /** Delivered after the deadline, or not delivered and `now` after it. */
  late: boolean
  /** Business days after the due date up to the delivery date (or `now`'s date); 0 when not late. */
  businessDaysLate: number
}

/** Output of the `dueAfter` kind. */
export interface DueAfterResult {
  /** Due date, `YYYY-MM-DD`. */
  dueDate: string
  /** Due instant with the calendar's offset: close of business of `dueDate` for `bd`. */
  dueAt: string
  /** Delivered after `dueAt`; without a delivery, whether `now` (when given) is after it. */
  breached: boolean
  /** Business days from the due date to the delivery date (or `now`'s date) when breached, else 0. */
  businessDaysLate: number
}

/**
 * Evaluate the `dueAfter` kind. Input: `calendar`, `anchor` (a date or an
 * instant), `target` (`3bd`; `4h`, `1h30m` working time; `2d` on 24x7
 * calendars only), optional `delivered` (a date or an instant) and `now`
 * (an instant).
 *
 * - `bd`: the N-th business day strictly after the anchor's local date
 *   (S5), due at close of business.
 * - `h`/`m`: working time counted from the anchor (from the start of its
 *   date when the anchor is a date); the due date is the date of the
 *   working window in which the time runs out.
 * - `d`: from an instant, the same wall-clock time N days later (Temporal
 *   `add({days})`, gaps resolved `compatible`); from a date, the date N days
 *   later, due at its end.
 *
 * `breached` compares a delivery with the deadline: a delivered date is
 * late only after the due date, a delivered instant after `dueAt`. Without
 * a delivery the work is late once `now`, when given, is after `dueAt` (a
 * missed deadline is a breach whether or not the work arrives later, as
 * S9 keeps breaches that already happened); without `now` nothing is
 * breached yet.
 *
 * @param input
 *   The JSON input; unknown fields are ignored.
 * @throws {EngineInputError}
 *   When a field is missing or malformed, or the calendar has no working
 *   time.
 */
export function evaluateDueAfter(input: unknown): DueAfterResult {
  const fields = objectAt(input, [])
  const calendar = workingCalendarAt(fields.calendar, ['calendar'])
  const zone = calendar.timeZone
  const anchor = momentAt(fields.anchor, zone, ['anchor'])
  const target = valueAt(parseDuration(fields.target, {calendar: calendar.week === null ? '24x7' : 'business'}), ['target'])
  const delivered = fields.delivered === undefined || fields.delivered === null ? undefined : momentAt(fields.delivered, zone, ['delivered'])
  const now = fields.now === undefined || fields.now === null ? undefined : instantAt(fields.now, zone, ['now'])

  const due = dueAfter(calendar, anchor, target)
  const {late, businessDaysLate} = lateness(calendar, due, delivered, now)
  return {dueDate: formatEpochDays(due.day), dueAt: formatInstant(zone, due.at), breached: late, businessDaysLate}
}

/**
 * The deadline `target` after `anchor` on `calendar` (see
 * {@link evaluateDueAfter} for the three kinds of target).
 *
 * @param calendar
 *   The calendar; `d` targets belong on 24x7 calendars (the duration parser
 *   refuses them on business calendars).
 * @param anchor
 *   Where the clock starts.
 * @param target
 *   A parsed duration.
 * @throws {EngineInputError}
 *   When the calendar has no business day or working time within ten years.
 */
export function dueAfter(calendar: Calendar, anchor: Moment, target: DurationValue): Deadline {
  const zone = calendar.timeZone
  if (target.kind === 'business-days') {
    const day = found(addBusinessDays(calendar, anchor.day, target.days))
    return {day, at: dueAtCloseOfBusiness(calendar, day)}
  }

  if (target.kind === 'elapsed') {
    const at = found(dueInstant(calendar, anchor.at ?? wallToEpoch(zone, anchor.day, 0), target.minutes * 60_000))
    // The date of the window the time ran out in: its last millisecond, so
    // an end at a window's close (even at 24:00) stays on that window's day.
    return {day: localDay(zone, at - 1), at}
  }

  if (anchor.at === null) {
    const day = anchor.day + target.days
    return {day, at: dueAtCloseOfBusiness(calendar, day)}
  }

  // Same wall-clock time N local dates later; seconds ride along after the
  // minute is resolved, since `wallToEpoch` works in whole minutes.
  const local = anchor.at + offsetAt(zone, anchor.at)
  const day = Math.floor(local / millisecondsPerDay)
  const sinceMidnight = local - day * millisecondsPerDay
  const minutes = Math.floor(sinceMidnight / 60_000)
  const at = wallToEpoch(zone, day + target.days, minutes) + (sinceMidnight - minutes * 60_000)
  return {day: localDay(zone, at), at}
}

/**
 * Compare a deadline with a delivery (or completion), else with `now`.
 *
 * @param calendar
 *   The calendar business days are counted on.
 * @param due
 *   The deadline.
 * @param done
 *   When the work was delivered, if it was.
 * @param now
 *   Epoch milliseconds of "now", if known.
 */
export function lateness(calendar: Calendar, due: Deadline, done: Moment | undefined, now: number | undefined): Lateness {
  let late = false
  let lateDay = due.day
  if (done) {
    late = done.at === null ? done.day > due.day : done.at > due.at
    lateDay = done.day
  } else if (now !== undefined) {
    late = now > due.at
    lateDay = localDay(calendar.timeZone, now)
  }

  return {done: done !== undefined, late, businessDaysLate: late ? businessDaysBetween(calendar, due.day, lateDay) : 0}
}

/**
 * A date (`YYYY-MM-DD`) or an instant, read in `zone`: a date stays a
 * date; an instant also gives its local date.
 *
 * @param value
 *   The input value.
 * @param zone
 *   The calendar's zone (for offset-less instants and the local date).
 * @param path
 *   Where the value is in the input.
 */
export function momentAt(value: unknown, zone: string, path: ReadonlyArray<string | number>): Moment {
  const date = parseDate(value)
  if (date.ok) return {day: dayOfDate(date.value.text), at: null}
  const at = instantAt(value, zone, path)
  return {day: localDay(zone, at), at}
}

/**
 * The contract's calendar, refused when it has no working time at all (a
 * search for a deadline on it could never succeed).
 *
 * @param value
 *   The input value.
 * @param path
 *   Where it is in the input.
 */
export function workingCalendarAt(value: unknown, path: ReadonlyArray<string | number>): Calendar {
  const calendar = calendarAt(value, path)
  if (!hasWorkingTime(calendar)) {
    throw new EngineInputError('Unexpected calendar without working hours, expected at least one day with a range such as `09:00-17:00`', [...path, 'hours'])
  }

  return calendar
}

/**
 * A search result, or an input error when the calendar had nothing to find
 * (only holidays for ten years).
 *
 * @param value
 *   What a business-day or working-time search returned.
 */
export function found<T>(value: T | undefined): T {
  if (value !== undefined) return value
  throw new EngineInputError(
    `Unexpected calendar without a business day within ${searchLimitDays} days, expected working days that are not all holidays`,
    ['calendar']
  )
}
