/**
 * Proleptic Gregorian calendar arithmetic on plain numbers, for the hot
 * paths that only need to know whether a date exists, which weekday it is,
 * or where an instant with a fixed offset lies. Anything that involves a
 * time zone goes through Temporal instead; the tests check these against it.
 */

const millisecondsPerDay = 86_400_000

/** Whether `year` has a 29 February. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

/**
 * Days in a month (`month` 1–12), or 0 for a month that does not exist.
 *
 * @param year
 *   Any integer year.
 * @param month
 *   1 for January.
 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Days from 1970-01-01 to a date (negative before it). The era-based method
 * needs no loop and no `Date`: years are shifted to start in March, so the
 * leap day is the last day of the shifted year.
 *
 * @param year
 *   Any integer year.
 * @param month
 *   1–12.
 * @param day
 *   1–31.
 */
export function epochDays(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year
  const era = Math.floor(shifted / 400)
  const yearOfEra = shifted - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/**
 * ISO weekday of a date: 1 is Monday, 7 is Sunday (as Temporal's `dayOfWeek`).
 *
 * @param year
 *   Any integer year.
 * @param month
 *   1–12.
 * @param day
 *   1–31.
 */
export function isoWeekday(year: number, month: number, day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDays(year, month, day) + 3) % 7) + 7) % 7) + 1
}

/**
 * Milliseconds since the epoch of a wall-clock time at a fixed UTC offset.
 *
 * @param fields
 *   Date, time and the offset in minutes east of UTC.
 */
export function epochMillisecondsAt(fields: {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  offsetMinutes: number
}): number {
  const {year, month, day, hour, minute, second, millisecond, offsetMinutes} = fields
  return (
    epochDays(year, month, day) * millisecondsPerDay +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millisecond
  )
}

/**
 * The date of a count of days from 1970-01-01 (the inverse of
 * {@link epochDays}).
 *
 * @param days
 *   Days since 1970-01-01, negative before it.
 */
export function dateOfEpochDays(days: number): {year: number; month: number; day: number} {
  const shifted = days + 719_468
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  return {year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day}
}

/**
 * `YYYY-MM-DD` of a count of days from 1970-01-01.
 *
 * @param days
 *   Days since 1970-01-01.
 */
export function formatEpochDays(days: number): string {
  const {year, month, day} = dateOfEpochDays(days)
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`
}

/** Two digits. */
export function two(value: number): string {
  return value < 10 ? '0' + value : String(value)
}
