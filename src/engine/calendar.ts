import type {IsoWeekday, WeekHours} from '../schema/values/hours.js'
import {dayOfDate, wallToEpoch} from './zone.js'

/**
 * A business calendar as the engine uses it: a zone, working hours per
 * weekday (or round the clock) and holidays. Built once per SLA calendar;
 * it caches the working windows of each day it is asked about, so the
 * zone rules are consulted once per day and calendar, not once per ticket.
 */
export interface Calendar {
  /** IANA zone of the working hours and holidays. */
  readonly timeZone: string
  /** Working hours per ISO weekday; `null` for a 24x7 calendar. */
  readonly week: WeekHours | null
  /** Holidays as days since 1970-01-01 (local dates). */
  readonly holidays: ReadonlySet<number>
  /** Whether any weekday has working hours (see {@link hasWorkingTime}); fixed when the calendar is made. */
  readonly working: boolean
  /** Working windows by local day, filled on demand (see {@link windowsOn}). */
  readonly windowCache: Map<number, ReadonlyArray<Window>>
}

/** A working window: `[start, end)` in epoch milliseconds, real elapsed time. */
export type Window = readonly [start: number, end: number]

/**
 * Make a calendar.
 *
 * @param timeZone
 *   IANA zone (already validated).
 * @param week
 *   Parsed working hours (see `parseWorkingHours`), or `null` for 24x7.
 * @param holidays
 *   Holiday dates as `YYYY-MM-DD` (already validated).
 */
export function createCalendar(timeZone: string, week: WeekHours | null, holidays: Iterable<string> = []): Calendar {
  const days = new Set<number>()
  for (const date of holidays) days.add(dayOfDate(date))
  const working = week === null || Object.values(week).some((ranges) => ranges.length > 0)
  return {timeZone, week, holidays: days, working, windowCache: new Map()}
}

/**
 * The working windows of one local date, in order: none on a holiday or a
 * day without hours; the whole day (real length, 23 or 25 hours on DST
 * days) on a 24x7 calendar. Each wall-clock boundary is resolved with
 * Temporal's `compatible` rule, so a window's length is real elapsed time
 * (sla-domain S2, S3).
 *
 * @param calendar
 *   The calendar.
 * @param day
 *   Days since 1970-01-01 (a local date in the calendar's zone).
 */
export function windowsOn(calendar: Calendar, day: number): ReadonlyArray<Window> {
  // The look-up stays apart from the work: a function that makes closures
  // pays for their context on every call, cached or not.
  return calendar.windowCache.get(day) ?? cacheWindows(calendar, day)
}

function cacheWindows(calendar: Calendar, day: number): ReadonlyArray<Window> {
  let windows: Window[]
  if (calendar.week === null) {
    windows = [[wallToEpoch(calendar.timeZone, day, 0), wallToEpoch(calendar.timeZone, day + 1, 0)]]
  } else if (calendar.holidays.has(day)) {
    windows = []
  } else {
    const ranges = calendar.week[weekdayOfDay(day)]
    windows = ranges.map(({start, end}) => [wallToEpoch(calendar.timeZone, day, start), wallToEpoch(calendar.timeZone, day, end)] as const)
    // A boundary in a DST gap shifts forward: it can meet or pass the other
    // end of its range, or run into the next range, which then merge.
    const merged: Window[] = []
    for (const [start, end] of windows) {
      if (end <= start) continue
      const last = merged[merged.length - 1]
      if (last && start <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], end)]
      else merged.push([start, end])
    }

    windows = merged
  }

  calendar.windowCache.set(day, windows)
  return windows
}

/**
 * Whether a local date is a business day: not a holiday, with working hours
 * (every day of a 24x7 calendar is one).
 *
 * @param calendar
 *   The calendar.
 * @param day
 *   Days since 1970-01-01.
 */
export function isBusinessDay(calendar: Calendar, day: number): boolean {
  if (calendar.week === null) return true
  return !calendar.holidays.has(day) && calendar.week[weekdayOfDay(day)].length > 0
}

/**
 * Whether the calendar has any working time at all; a calendar without any
 * would make every search for a due time run forever.
 *
 * @param calendar
 *   The calendar.
 */
export function hasWorkingTime(calendar: Calendar): boolean {
  return calendar.working
}

/** ISO weekday of days since 1970-01-01 (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): IsoWeekday {
  return ((((day + 3) % 7) + 7) % 7 + 1) as IsoWeekday
}
