import {isBusinessDay, weekdayOfDay, windowsOn, type Calendar} from './calendar.js'
import {wallToEpoch} from './zone.js'

/**
 * Business-day date arithmetic (sla-domain §4.1, S4, S5): `bd` durations are
 * dates, due at close of business, not amounts of working time.
 */

/**
 * How far a search for business days may run before the calendar is taken
 * to have none (ten years of days): keeps a calendar of only holidays from
 * looping forever.
 */
export const searchLimitDays = 3660

/**
 * The `count`-th business day strictly after `day` (the `date-fns` reading,
 * S5: Saturday + 1 business day is Monday); `day` itself for a count of 0;
 * `undefined` when the calendar has no business day within
 * {@link searchLimitDays}.
 *
 * @param calendar
 *   The calendar.
 * @param day
 *   The anchor's local date, as days since 1970-01-01.
 * @param count
 *   Business days to add (0 or more, whole).
 */
export function addBusinessDays(calendar: Calendar, day: number, count: number): number | undefined {
  let current = day
  let left = count
  for (let step = 0; left > 0; step++) {
    if (step >= searchLimitDays) return undefined
    current++
    if (isBusinessDay(calendar, current)) left--
  }

  return current
}

/**
 * Business days in `(from, to]`: strictly after `from`, up to and including
 * `to`; 0 when `to` is not after `from`. "One business day late" is a due
 * date of Thursday and a date of Friday.
 *
 * @param calendar
 *   The calendar.
 * @param from
 *   Days since 1970-01-01 (excluded).
 * @param to
 *   Days since 1970-01-01 (included).
 */
export function businessDaysBetween(calendar: Calendar, from: number, to: number): number {
  let count = 0
  for (let day = from + 1; day <= to; day++) if (isBusinessDay(calendar, day)) count++
  return count
}

/**
 * Close of business of a local date: the end of its last working window
 * (the next midnight on a 24x7 calendar), as epoch milliseconds; `undefined`
 * on a day without working time.
 *
 * @param calendar
 *   The calendar.
 * @param day
 *   Days since 1970-01-01.
 */
export function closeOfBusiness(calendar: Calendar, day: number): number | undefined {
  const windows = windowsOn(calendar, day)
  return windows.length === 0 ? undefined : windows[windows.length - 1]![1]
}

/**
 * The due instant of a date-style deadline: close of business of `day`. A
 * business day whose only window vanished in a DST gap (hours such as
 * `02:00-03:00` on a spring-forward day) has no close of business; its due
 * instant is then the gap-shifted end of its last range (the next midnight
 * on a day without ranges), so a deadline always has an instant.
 *
 * @param calendar
 *   The calendar.
 * @param day
 *   Days since 1970-01-01.
 */
export function dueAtCloseOfBusiness(calendar: Calendar, day: number): number {
  const close = closeOfBusiness(calendar, day)
  if (close !== undefined) return close
  const ranges = calendar.week === null ? [] : calendar.week[weekdayOfDay(day)]
  const last = ranges[ranges.length - 1]
  return last === undefined ? wallToEpoch(calendar.timeZone, day + 1, 0) : wallToEpoch(calendar.timeZone, day, last.end)
}
