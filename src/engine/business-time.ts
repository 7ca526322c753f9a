import {searchLimitDays} from './business-days.js'
import {hasWorkingTime, isBusinessDay, windowsOn, type Calendar} from './calendar.js'
import type {Interval} from './intervals.js'
import {localDay} from './zone.js'

/**
 * Business time: how much working time of a calendar lies between two
 * instants, less pauses (sla-domain S2, S6), and the inverse, the instant a
 * clock reaches an amount of working time (the due instant). Everything is
 * integer milliseconds of real elapsed time; working windows come from the
 * calendar's per-day cache, so the zone rules are not consulted here.
 *
 * Pauses are always a sorted union of disjoint intervals (see
 * `unionIntervals`): a pause removes only the working time it overlaps, once.
 */

/** Working time and the part of it that pauses took away, in milliseconds. */
export interface BusinessTime {
  /** Working time that counted (not paused). */
  businessMs: number
  /** Working time that fell inside a pause. */
  pausedMs: number
}

/**
 * Called with each stretch of working time in order; returning `true` ends
 * the walk.
 */
type Visit = (start: number, end: number) => boolean

/**
 * Visit the working time of a calendar in `[from, to)` in order, as
 * `[start, end)` stretches that never overlap (a window boundary that a DST
 * gap shifts can make two windows of a day overlap; the overlap is visited
 * once). A 24x7 calendar is one stretch. With an infinite `to`, gives up
 * after {@link searchLimitDays} days without any window.
 *
 * @returns
 *   Whether `visit` ended the walk.
 */
function walkWorkingTime(calendar: Calendar, from: number, to: number, visit: Visit): boolean {
  if (calendar.week === null) return to > from && visit(from, to)
  const zone = calendar.timeZone
  const lastDay = to === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : localDay(zone, to)
  let cursor = from
  let lastDayWithWindows = localDay(zone, from)
  for (let day = lastDayWithWindows; day <= lastDay; day++) {
    const windows = windowsOn(calendar, day)
    if (windows.length > 0) lastDayWithWindows = day
    else if (day - lastDayWithWindows > searchLimitDays) return false
    for (const [windowStart, windowEnd] of windows) {
      const start = Math.max(windowStart, cursor)
      const end = Math.min(windowEnd, to)
      if (end <= start) continue
      cursor = end
      if (visit(start, end)) return true
    }
  }

  return false
}

/**
 * Working time of `calendar` in `[from, to)`, split into what counted and
 * what pauses took away. A 24x7 calendar counts real elapsed time; a DST day
 * counts its real length (a 00:00–08:00 window on a fall-back night is 9 h).
 *
 * @param calendar
 *   The calendar.
 * @param from
 *   Start, epoch milliseconds.
 * @param to
 *   End (excluded), epoch milliseconds; nothing is counted when not after `from`.
 * @param pauses
 *   Sorted disjoint pause intervals (an open end may be `Infinity`).
 */
export function businessTime(calendar: Calendar, from: number, to: number, pauses: readonly Interval[] = []): BusinessTime {
  let worked = 0
  let paused = 0
  if (to <= from || !hasWorkingTime(calendar)) return {businessMs: 0, pausedMs: 0}
  let index = 0
  walkWorkingTime(calendar, from, to, (start, end) => {
    while (index < pauses.length && pauses[index]![1] <= start) index++
    let covered = 0
    for (let scan = index; scan < pauses.length && pauses[scan]![0] < end; scan++) {
      covered += Math.min(end, pauses[scan]![1]) - Math.max(start, pauses[scan]![0])
    }

    worked += end - start - covered
    paused += covered
    return false
  })
  return {businessMs: worked, pausedMs: paused}
}

/**
 * Working time of `calendar` in `[from, to)` that no pause covers, in
 * milliseconds (see {@link businessTime}).
 *
 * @param calendar
 *   The calendar.
 * @param from
 *   Start, epoch milliseconds.
 * @param to
 *   End (excluded), epoch milliseconds.
 * @param pauses
 *   Sorted disjoint pause intervals.
 */
export function businessMs(calendar: Calendar, from: number, to: number, pauses: readonly Interval[] = []): number {
  return businessTime(calendar, from, to, pauses).businessMs
}

/**
 * The instant at which a clock started at `start` has counted `amountMs` of
 * working time, skipping pauses: the due instant. It is the earliest such
 * instant, so a target used up exactly at closing time is due at closing
 * time, not at the next opening. `start` itself for an amount of 0 or less;
 * `undefined` when the calendar has no working time, an open-ended pause
 * (`Infinity`) blocks the clock before the amount is reached, or no working
 * time turns up within {@link searchLimitDays} days.
 *
 * @param calendar
 *   The calendar.
 * @param start
 *   When the clock started, epoch milliseconds.
 * @param amountMs
 *   Working time to count.
 * @param pauses
 *   Sorted disjoint pause intervals.
 */
export function dueInstant(calendar: Calendar, start: number, amountMs: number, pauses: readonly Interval[] = []): number | undefined {
  if (amountMs <= 0) return start
  if (!hasWorkingTime(calendar)) return undefined
  let remaining = amountMs
  let index = 0
  let due: number | undefined
  walkWorkingTime(calendar, start, Number.POSITIVE_INFINITY, (from, to) => {
    while (index < pauses.length && pauses[index]![1] <= from) index++
    let cursor = from
    for (let scan = index; cursor < to; scan++) {
      const pause = pauses[scan]
      // Free time runs until the next pause that starts inside the stretch.
      const freeEnd = pause && pause[0] < to ? Math.max(pause[0], cursor) : to
      if (freeEnd - cursor >= remaining) {
        due = cursor + remaining
        return true
      }

      remaining -= freeEnd - cursor
      if (!pause || freeEnd >= to) return false
      if (pause[1] === Number.POSITIVE_INFINITY) return true
      cursor = pause[1]
    }

    return false
  })
  return due
}

/**
 * Whether pauses cover all the working time of a local date (a day without
 * working time is not covered: there is nothing to pause).
 *
 * @param calendar
 *   The calendar.
 * @param day
 *   Days since 1970-01-01.
 * @param pauses
 *   Sorted disjoint pause intervals.
 */
export function isDayPaused(calendar: Calendar, day: number, pauses: readonly Interval[]): boolean {
  const windows = windowsOn(calendar, day)
  if (windows.length === 0 || pauses.length === 0) return false
  const [from] = windows[0]!
  const to = windows[windows.length - 1]![1]
  return businessMs(calendar, from, to, pauses) === 0
}

/**
 * The `count`-th business day strictly after `day` (S5) when business days
 * whose whole working time is paused do not count: how pauses move a
 * date-based (`bd`) goal, which counts only whole business days (sla-domain
 * §5.3 warning 6). `day` for a count of 0; `undefined` when no countable
 * business day turns up within {@link searchLimitDays} days of the last one.
 *
 * @param calendar
 *   The calendar.
 * @param day
 *   The anchor's local date, days since 1970-01-01.
 * @param count
 *   Business days to add (0 or more, whole).
 * @param pauses
 *   Sorted disjoint pause intervals.
 */
export function addUnpausedBusinessDays(calendar: Calendar, day: number, count: number, pauses: readonly Interval[]): number | undefined {
  let current = day
  let left = count
  let quiet = 0
  while (left > 0) {
    if (++quiet > searchLimitDays) return undefined
    current++
    if (isBusinessDay(calendar, current) && !isDayPaused(calendar, current, pauses)) {
      left--
      quiet = 0
    }
  }

  return current
}
