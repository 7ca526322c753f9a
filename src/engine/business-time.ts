import {searchLimitDays} from './business-days.js'
import {hasWorkingTime, isBusinessDay, windowsOn, type Calendar, type Window} from './calendar.js'
import {coveredLength, type Interval} from './intervals.js'
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

const noWindows: ReadonlyArray<Window> = []

/**
 * The working time of a calendar in `[from, to)`, one stretch at a time:
 * each {@link WorkingStretches.next} call moves `start` and `end` to the
 * next `[start, end)` stretch, in order, never overlapping (a window
 * boundary that a DST gap shifts can make two windows of a day overlap; the
 * overlap comes once). A 24x7 calendar is one stretch. With an infinite
 * `to`, gives up after {@link searchLimitDays} days without any window.
 * A cursor rather than a callback, and one cursor for every walk (walks
 * never nest): the hot loops of the clock make no closures and no objects.
 */
class WorkingStretches {
  /** Start of the current stretch, epoch milliseconds. */
  start = 0
  /** End of the current stretch (excluded). */
  end = 0
  private calendar: Calendar | undefined
  private from = 0
  private to = 0
  private lastDay = 0
  private day = 0
  private lastDayWithWindows = 0
  private windows: ReadonlyArray<Window> = noWindows
  private windowIndex = 0
  /** Where the last stretch ended: later windows are counted from here. */
  private cursor = 0
  /** Whether a 24x7 calendar's one stretch was given. */
  private allDayGiven = false

  /** Start a walk over `[from, to)` of `calendar`. */
  walk(calendar: Calendar, from: number, to: number): void {
    this.calendar = calendar
    this.from = from
    this.to = to
    this.cursor = from
    this.allDayGiven = false
    this.windows = noWindows
    this.windowIndex = 0
    const allDay = calendar.week === null
    const firstDay = allDay ? 0 : localDay(calendar.timeZone, from)
    this.lastDay = allDay ? 0 : to === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : localDay(calendar.timeZone, to)
    this.day = firstDay - 1
    this.lastDayWithWindows = firstDay
  }

  /** Move to the next stretch; `false` when there is none left (or the search gave up). */
  next(): boolean {
    const calendar = this.calendar!
    if (calendar.week === null) {
      // The one stretch of a 24x7 calendar, once.
      if (this.allDayGiven || this.to <= this.from) return false
      this.allDayGiven = true
      this.start = this.from
      this.end = this.to
      return true
    }

    for (;;) {
      while (this.windowIndex < this.windows.length) {
        // Indexes, not destructuring: the hottest line of the engine.
        const window = this.windows[this.windowIndex++]!
        const start = Math.max(window[0], this.cursor)
        const end = Math.min(window[1], this.to)
        if (end <= start) continue
        this.cursor = end
        this.start = start
        this.end = end
        return true
      }

      if (++this.day > this.lastDay) return false
      this.windows = windowsOn(calendar, this.day)
      this.windowIndex = 0
      if (this.windows.length > 0) this.lastDayWithWindows = this.day
      else if (this.day - this.lastDayWithWindows > searchLimitDays) return false
    }
  }
}

const stretches = new WorkingStretches()

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
  const total: BusinessTime = {businessMs: 0, pausedMs: 0}
  addBusinessTime(total, calendar, from, to, pauses)
  return total
}

/**
 * Add the working time of `calendar` in `[from, to)` to `total` (see
 * {@link businessTime}): a clock that counts several stretches keeps one
 * total instead of making one per stretch.
 *
 * @param total
 *   The running total, changed in place.
 * @param calendar
 *   The calendar.
 * @param from
 *   Start, epoch milliseconds.
 * @param to
 *   End (excluded), epoch milliseconds.
 * @param pauses
 *   Sorted disjoint pause intervals.
 */
export function addBusinessTime(total: BusinessTime, calendar: Calendar, from: number, to: number, pauses: readonly Interval[] = []): void {
  if (to <= from || !hasWorkingTime(calendar)) return
  let index = 0
  stretches.walk(calendar, from, to)
  while (stretches.next()) {
    const {start, end} = stretches
    while (index < pauses.length && pauses[index]![1] <= start) index++
    let covered = 0
    for (let scan = index; scan < pauses.length && pauses[scan]![0] < end; scan++) {
      covered += Math.min(end, pauses[scan]![1]) - Math.max(start, pauses[scan]![0])
    }

    total.businessMs += end - start - covered
    total.pausedMs += covered
  }
}

/** The total {@link businessMs} counts into, reused: it never nests. */
const scratchTotal: BusinessTime = {businessMs: 0, pausedMs: 0}

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
  scratchTotal.businessMs = 0
  scratchTotal.pausedMs = 0
  addBusinessTime(scratchTotal, calendar, from, to, pauses)
  return scratchTotal.businessMs
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
  stretches.walk(calendar, start, Number.POSITIVE_INFINITY)
  while (stretches.next()) {
    const {start: from, end: to} = stretches
    while (index < pauses.length && pauses[index]![1] <= from) index++
    let cursor = from
    for (let scan = index; cursor < to; scan++) {
      const pause = pauses[scan]
      // Free time runs until the next pause that starts inside the stretch.
      const freeEnd = pause && pause[0] < to ? Math.max(pause[0], cursor) : to
      if (freeEnd - cursor >= remaining) return cursor + remaining
      remaining -= freeEnd - cursor
      if (!pause || freeEnd >= to) break
      // An open-ended pause blocks the clock for good.
      if (pause[1] === Number.POSITIVE_INFINITY) return undefined
      cursor = pause[1]
    }
  }

  return undefined
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
  const from = windows[0]![0]
  const to = windows[windows.length - 1]![1]
  // Most days no pause reaches at all: nothing to walk.
  if (coveredLength(pauses, from, to) === 0) return false
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
