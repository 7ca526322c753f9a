/**
 * Interval algebra and business time (sla-domain S2, S3, S6): working time
 * between two instants less pauses, and the due instant, checked by hand on
 * DST days in two zones and against a minute-by-minute count made with
 * Temporal alone.
 */
import fc from 'fast-check'
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {searchLimitDays} from '../src/engine/business-days.js'
import {addUnpausedBusinessDays, businessMs, businessTime, dueInstant, isDayPaused} from '../src/engine/business-time.js'
import {createCalendar, type Calendar} from '../src/engine/calendar.js'
import {clipIntervals, coveredLength, covers, subtractIntervals, unionIntervals, type Interval} from '../src/engine/intervals.js'
import {dayOfDate} from '../src/engine/zone.js'
import type {IsoWeekday, TimeRange, WeekHours} from '../src/schema/values/index.js'

const hour = 3_600_000
const minute = 60_000

/** Epoch milliseconds of an ISO instant with an offset. */
function at(text: string): number {
  return Temporal.Instant.from(text).epochMilliseconds
}

/** Working hours from `HH:MM-HH:MM` texts per ISO weekday (1 = Monday). */
function week(ranges: Partial<Record<IsoWeekday, string[]>>): WeekHours {
  const clock = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))
  const result = {} as WeekHours
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
    result[day] = (ranges[day] ?? []).map((range) => ({start: clock(range.slice(0, 5)), end: clock(range.slice(6, 11))}))
  }

  return result
}

const weekdays = (range: string): WeekHours => week({1: [range], 2: [range], 3: [range], 4: [range], 5: [range]})
const daily = (range: string): WeekHours => week({1: [range], 2: [range], 3: [range], 4: [range], 5: [range], 6: [range], 7: [range]})

describe('intervals', () => {
  it('merges overlapping and touching intervals, drops empty ones, sorts', () => {
    expect(unionIntervals([[30, 40], [10, 20], [15, 25], [25, 26], [50, 50], [60, 55]])).toEqual([[10, 26], [30, 40]])
    expect(unionIntervals([[5, Number.POSITIVE_INFINITY], [1, 3], [2, 6]])).toEqual([[1, Number.POSITIVE_INFINITY]])
    expect(unionIntervals([])).toEqual([])
  })

  it('clips to a range', () => {
    expect(clipIntervals([[0, 10], [20, 30], [40, 50]], 5, 45)).toEqual([[5, 10], [20, 30], [40, 45]])
    expect(clipIntervals([[0, Number.POSITIVE_INFINITY]], 7, 9)).toEqual([[7, 9]])
    expect(clipIntervals([[0, 10]], 10, 20)).toEqual([])
  })

  it('subtracts one union from another', () => {
    expect(subtractIntervals([[0, 100]], [[10, 20], [30, 40]])).toEqual([[0, 10], [20, 30], [40, 100]])
    expect(subtractIntervals([[0, 10], [20, 30]], [[5, 25]])).toEqual([[0, 5], [25, 30]])
    expect(subtractIntervals([[0, 10]], [[-5, 15]])).toEqual([])
    expect(subtractIntervals([[0, 10], [20, 30]], [])).toEqual([[0, 10], [20, 30]])
  })

  it('measures coverage and membership', () => {
    expect(coveredLength([[0, 10], [20, 30]], 5, 25)).toBe(10)
    expect(coveredLength([[0, Number.POSITIVE_INFINITY]], 5, 25)).toBe(20)
    expect(covers([[0, 10], [20, 30]], 20)).toBe(true)
    expect(covers([[0, 10], [20, 30]], 10)).toBe(false)
    expect(covers([[0, 10]], -1)).toBe(false)
  })

  it('keeps the union laws: idempotent, order-free, subtraction disjoint from what is removed', () => {
    const interval = fc.tuple(fc.integer({min: 0, max: 200}), fc.integer({min: 0, max: 60})).map(([from, length]): Interval => [from, from + length])
    fc.assert(
      fc.property(fc.array(interval, {maxLength: 8}), fc.array(interval, {maxLength: 8}), (a, b) => {
        const union = unionIntervals(a)
        expect(unionIntervals(union)).toEqual(union)
        expect(unionIntervals([...a].reverse())).toEqual(union)
        const removed = unionIntervals(b)
        const rest = subtractIntervals(union, removed)
        for (const [from, to] of rest) expect(coveredLength(removed, from, to)).toBe(0)
        const total = (list: readonly Interval[]) => list.reduce((sum, [from, to]) => sum + to - from, 0)
        expect(total(rest) + total(unionIntervals(clipAll(removed, union)))).toBe(total(union))
      })
    )
  })
})

/** The parts of `removed` inside `union`. */
function clipAll(removed: readonly Interval[], union: readonly Interval[]): Interval[] {
  return union.flatMap(([from, to]) => clipIntervals(removed, from, to))
}

describe('businessTime', () => {
  const office = createCalendar('Europe/Amsterdam', weekdays('09:00-17:00'))

  it('counts only working windows (opened before hours, across a weekend)', () => {
    // V01: opened 06:30, answered 11:15 in New York: 2 h 15.
    const ny = createCalendar('America/New_York', weekdays('09:00-17:00'))
    expect(businessMs(ny, at('2024-01-09T06:30:00-05:00'), at('2024-01-09T11:15:00-05:00'))).toBe(135 * minute)
    // V02: Fri 16:00 to Mon 12:30: 60 + 210.
    expect(businessMs(office, at('2024-02-02T16:00:00+01:00'), at('2024-02-05T12:30:00+01:00'))).toBe(270 * minute)
    expect(businessMs(office, at('2024-02-03T10:00:00+01:00'), at('2024-02-04T23:00:00+01:00'))).toBe(0)
    expect(businessMs(office, at('2024-02-05T12:00:00+01:00'), at('2024-02-05T12:00:00+01:00'))).toBe(0)
    expect(businessMs(office, at('2024-02-05T13:00:00+01:00'), at('2024-02-05T12:00:00+01:00'))).toBe(0)
  })

  it('takes away only the working time a pause overlaps (night, weekend, holiday)', () => {
    const withHoliday = createCalendar('Europe/Amsterdam', weekdays('09:00-17:00'), ['2024-02-05'])
    // Fri 15:00 to Tue 11:00; the pause runs Fri 16:00 to Tue 10:00 over the weekend and a holiday Monday.
    const from = at('2024-02-02T15:00:00+01:00')
    const to = at('2024-02-06T11:00:00+01:00')
    const pauses = unionIntervals([[at('2024-02-02T16:00:00+01:00'), at('2024-02-06T10:00:00+01:00')]])
    expect(businessTime(withHoliday, from, to, pauses)).toEqual({businessMs: 2 * hour, pausedMs: 2 * hour})
    expect(businessTime(office, from, to, pauses)).toEqual({businessMs: 2 * hour, pausedMs: 10 * hour})
    // Overlapping pauses count once (V07): 10-12 and 11-13 take away 3 h of a 6 h window.
    const overlapping = unionIntervals([
      [at('2024-03-06T10:00:00+01:00'), at('2024-03-06T12:00:00+01:00')],
      [at('2024-03-06T11:00:00+01:00'), at('2024-03-06T13:00:00+01:00')]
    ])
    expect(businessTime(office, at('2024-03-06T09:00:00+01:00'), at('2024-03-06T15:00:00+01:00'), overlapping)).toEqual({
      businessMs: 3 * hour,
      pausedMs: 3 * hour
    })
  })

  it('counts real elapsed time on 24x7 calendars, DST days included', () => {
    const always = createCalendar('Europe/Amsterdam', null)
    expect(businessMs(always, at('2024-03-30T12:00:00+01:00'), at('2024-03-31T12:00:00+02:00'))).toBe(23 * hour)
    expect(businessMs(always, at('2024-10-26T12:00:00+02:00'), at('2024-10-27T12:00:00+01:00'))).toBe(25 * hour)
    const pauses = unionIntervals([[at('2024-10-27T00:00:00+02:00'), Number.POSITIVE_INFINITY]])
    expect(businessTime(always, at('2024-10-26T12:00:00+02:00'), at('2024-10-27T12:00:00+01:00'), pauses)).toEqual({
      businessMs: 12 * hour,
      pausedMs: 13 * hour
    })
  })

  it('measures DST-day windows in real time, both directions, in New York and Amsterdam (S2)', () => {
    const cases: Array<[zone: string, date: string, offsetBefore: string, offsetAfter: string, hours: number]> = [
      ['America/New_York', '2024-11-03', '-04:00', '-05:00', 9],
      ['America/New_York', '2024-03-10', '-05:00', '-04:00', 7],
      ['Europe/Amsterdam', '2024-10-27', '+02:00', '+01:00', 9],
      ['Europe/Amsterdam', '2024-03-31', '+01:00', '+02:00', 7]
    ]
    for (const [zone, date, before, after, hours] of cases) {
      const night = createCalendar(zone, daily('00:00-08:00'))
      expect(businessMs(night, at(`${date}T00:00:00${before}`), at(`${date}T12:00:00${after}`)), `${zone} ${date}`).toBe(hours * hour)
      // Used up exactly at 08:00 local, whatever the offset.
      expect(dueInstant(night, at(`${date}T00:00:00${before}`), hours * hour)).toBe(at(`${date}T08:00:00${after}`))
    }
  })

  it('resolves range ends in a DST gap forward and counts overlapping windows once (S3)', () => {
    // On 31 Mar 2024 02:30 does not exist in Amsterdam: `01:00-02:30` ends at 03:30 CEST (01:30Z), which
    // overlaps `03:00-04:00` (01:00Z-02:00Z); together they cover 00:00Z-02:00Z.
    const ranges = ['01:00-02:30', '03:00-04:00']
    const split = createCalendar('Europe/Amsterdam', week({1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges, 6: ranges, 7: ranges}))
    const from = at('2024-03-31T00:00:00+01:00')
    const to = at('2024-03-31T12:00:00+02:00')
    expect(businessMs(split, from, to)).toBe(2 * hour)
    expect(dueInstant(split, from, 2 * hour)).toBe(at('2024-03-31T02:00:00Z'))
    // An ordinary day: 1 h 30 + 1 h.
    expect(businessMs(split, at('2024-04-01T00:00:00+02:00'), at('2024-04-01T12:00:00+02:00'))).toBe(150 * minute)
  })
})

describe('dueInstant', () => {
  const office = createCalendar('Europe/Amsterdam', weekdays('09:00-17:00'))

  it('finds the instant an amount of working time is used up', () => {
    expect(dueInstant(office, at('2024-02-02T16:00:00+01:00'), 240 * minute)).toBe(at('2024-02-05T12:00:00+01:00'))
    // Used up exactly at closing: due at closing, not at the next opening.
    expect(dueInstant(office, at('2024-02-02T16:00:00+01:00'), 60 * minute)).toBe(at('2024-02-02T17:00:00+01:00'))
    expect(dueInstant(office, at('2024-02-02T16:00:00+01:00'), 0)).toBe(at('2024-02-02T16:00:00+01:00'))
    // V12: across the spring-forward weekend and Easter Monday.
    const easter = createCalendar('Europe/Amsterdam', weekdays('09:00-17:00'), ['2024-04-01'])
    expect(dueInstant(easter, at('2024-03-29T15:00:00+01:00'), 240 * minute)).toBe(at('2024-04-02T11:00:00+02:00'))
  })

  it('skips pauses, and gives nothing while an open pause blocks the clock', () => {
    const pauses = unionIntervals([
      [at('2024-03-06T10:00:00+01:00'), at('2024-03-06T12:00:00+01:00')],
      [at('2024-03-06T11:00:00+01:00'), at('2024-03-06T13:00:00+01:00')]
    ])
    expect(dueInstant(office, at('2024-03-06T09:00:00+01:00'), 240 * minute, pauses)).toBe(at('2024-03-06T16:00:00+01:00'))
    const open = unionIntervals([[at('2024-03-06T10:00:00+01:00'), Number.POSITIVE_INFINITY]])
    expect(dueInstant(office, at('2024-03-06T09:00:00+01:00'), 240 * minute, open)).toBeUndefined()
    // Used up before the open pause starts: due all the same.
    expect(dueInstant(office, at('2024-03-06T09:00:00+01:00'), 60 * minute, open)).toBe(at('2024-03-06T10:00:00+01:00'))
    const always = createCalendar('UTC', null)
    expect(dueInstant(always, at('2024-03-06T09:00:00Z'), 2 * hour, open)).toBeUndefined()
    expect(dueInstant(always, at('2024-03-06T09:00:00Z'), 2 * hour, pauses)).toBe(at('2024-03-06T11:00:00Z') + 3 * hour)
  })

  it('gives up on calendars without working time instead of looping', () => {
    expect(dueInstant(createCalendar('UTC', week({})), 0, hour)).toBeUndefined()
    // Mondays only, and every Monday a holiday for longer than the search limit.
    const mondays: string[] = []
    for (let day = dayOfDate('2024-01-01'); day < dayOfDate('2024-01-01') + searchLimitDays + 400; day += 7) {
      mondays.push(Temporal.PlainDate.from('1970-01-01').add({days: day}).toString())
    }

    const never = createCalendar('UTC', week({1: ['09:00-17:00']}), mondays)
    expect(dueInstant(never, at('2024-01-01T00:00:00Z'), hour)).toBeUndefined()
    expect(businessMs(createCalendar('UTC', week({})), 0, 1000 * hour)).toBe(0)
  })
})

describe('business days with pauses', () => {
  const office = createCalendar('Europe/Amsterdam', weekdays('09:00-17:00'))
  const day = (date: string) => dayOfDate(date)

  it('skips business days that a pause covers entirely, not partly paused ones', () => {
    const wholeTuesday = unionIntervals([[at('2024-02-06T08:00:00+01:00'), at('2024-02-06T18:00:00+01:00')]])
    const partTuesday = unionIntervals([[at('2024-02-06T09:00:00+01:00'), at('2024-02-06T16:59:00+01:00')]])
    expect(isDayPaused(office, day('2024-02-06'), wholeTuesday)).toBe(true)
    expect(isDayPaused(office, day('2024-02-06'), partTuesday)).toBe(false)
    expect(isDayPaused(office, day('2024-02-10'), wholeTuesday)).toBe(false)
    expect(addUnpausedBusinessDays(office, day('2024-02-05'), 1, [])).toBe(day('2024-02-06'))
    expect(addUnpausedBusinessDays(office, day('2024-02-05'), 1, wholeTuesday)).toBe(day('2024-02-07'))
    expect(addUnpausedBusinessDays(office, day('2024-02-05'), 1, partTuesday)).toBe(day('2024-02-06'))
    expect(addUnpausedBusinessDays(office, day('2024-02-09'), 1, [])).toBe(day('2024-02-12'))
    expect(addUnpausedBusinessDays(office, day('2024-02-09'), 0, [])).toBe(day('2024-02-09'))
    expect(addUnpausedBusinessDays(office, day('2024-02-09'), 1, [[0, Number.POSITIVE_INFINITY]])).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------
// Properties.

const zones = ['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Auckland'] as const
/** Local dates around DST changes of 2024 in those zones, and ordinary ones. */
const aroundDst = ['2024-03-09', '2024-03-30', '2024-04-06', '2024-09-28', '2024-10-05', '2024-10-26', '2024-11-02', '2024-06-14']

/** One day's ranges: up to two, on half-hour boundaries, ordered and apart (touching allowed). */
const dayRanges: fc.Arbitrary<TimeRange[]> = fc
  .uniqueArray(fc.integer({min: 0, max: 48}), {minLength: 0, maxLength: 4})
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b)
    const ranges: TimeRange[] = []
    for (let index = 0; index + 1 < sorted.length; index += 2) ranges.push({start: sorted[index]! * 30, end: sorted[index + 1]! * 30})
    return ranges
  })

const weekHours: fc.Arbitrary<WeekHours> = fc
  .tuple(dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges)
  .map((days) => Object.fromEntries(days.map((ranges, index) => [index + 1, ranges])) as unknown as WeekHours)

/** A calendar description (rebuilt per use so each run has a fresh cache). */
interface CalendarSpec {
  zone: string
  week: WeekHours | null
  holidays: string[]
  anchor: string
}

const calendarSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    zone: fc.constantFrom(...zones),
    week: fc.option(weekHours, {nil: null, freq: 6}),
    anchor: fc.constantFrom(...aroundDst),
    holidayOffsets: fc.uniqueArray(fc.integer({min: -1, max: 4}), {maxLength: 2})
  })
  .map(({zone, week, anchor, holidayOffsets}) => ({
    zone,
    week,
    anchor,
    holidays: holidayOffsets.map((offset) => Temporal.PlainDate.from(anchor).add({days: offset}).toString())
  }))

function build(spec: CalendarSpec, extraHolidays: string[] = []): Calendar {
  return createCalendar(spec.zone, spec.week, [...spec.holidays, ...extraHolidays])
}

/** Midnight of the spec's anchor date in its zone, plus minutes. */
function anchorMs(spec: CalendarSpec, minutes: number): number {
  return Temporal.PlainDate.from(spec.anchor).toZonedDateTime({timeZone: spec.zone}).epochMilliseconds + minutes * minute
}

/**
 * Working minutes in `[from, to)` by asking, for each minute, whether it lies
 * in a window of its own local date, with Temporal computing the local date
 * and each window boundary (`compatible`), and skipping paused minutes.
 */
function bruteForceMinutes(spec: CalendarSpec, from: number, to: number, pauses: readonly Interval[]): number {
  const windowsByDate = new Map<string, Array<[number, number]>>()
  const instantOf = (date: Temporal.PlainDate, minutes: number) =>
    date
      .add({days: Math.floor(minutes / 1440)})
      .toPlainDateTime({hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60})
      .toZonedDateTime(spec.zone, {disambiguation: 'compatible'}).epochMilliseconds
  let count = 0
  for (let instant = from; instant < to; instant += minute) {
    if (pauses.some(([start, end]) => start <= instant && instant < end)) continue
    if (spec.week === null) {
      count++
      continue
    }

    const date = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(spec.zone).toPlainDate()
    const key = date.toString()
    let windows = windowsByDate.get(key)
    if (!windows) {
      windows = spec.holidays.includes(key)
        ? []
        : spec.week[date.dayOfWeek as IsoWeekday].map(({start, end}): [number, number] => [instantOf(date, start), instantOf(date, end)])
      windowsByDate.set(key, windows)
    }

    if (windows.some(([start, end]) => start <= instant && instant < end)) count++
  }

  return count
}

const pauseList = fc.array(
  fc.tuple(fc.integer({min: -600, max: 3000}), fc.integer({min: 0, max: 900})).map(([from, length]) => [from, from + length] as const),
  {maxLength: 3}
)

describe('business time properties', () => {
  it('agrees with a minute-by-minute count made with Temporal', () => {
    fc.assert(
      fc.property(calendarSpec, fc.integer({min: -300, max: 2000}), fc.integer({min: 0, max: 1800}), pauseList, (spec, start, length, pauseMinutes) => {
        const from = anchorMs(spec, start)
        const to = from + length * minute
        const pauses = unionIntervals(pauseMinutes.map(([a, b]): Interval => [anchorMs(spec, a), anchorMs(spec, b)]))
        expect(businessMs(build(spec), from, to, pauses)).toBe(bruteForceMinutes(spec, from, to, pauses) * minute)
      }),
      {numRuns: 60}
    )
  })

  it('never counts more working time when a pause is added', () => {
    fc.assert(
      fc.property(calendarSpec, fc.integer({min: 0, max: 1440}), fc.integer({min: 0, max: 10_000}), pauseList, pauseList, (spec, start, length, some, more) => {
        const calendar = build(spec)
        const toInterval = ([a, b]: readonly [number, number]): Interval => [anchorMs(spec, a), anchorMs(spec, b)]
        const from = anchorMs(spec, start)
        const to = from + length * minute
        const fewer = businessMs(calendar, from, to, unionIntervals(some.map(toInterval)))
        const all = businessMs(calendar, from, to, unionIntervals([...some, ...more].map(toInterval)))
        expect(all).toBeLessThanOrEqual(fewer)
      })
    )
  })

  it('is the inverse of the due instant, and a holiday never brings a due instant forward', () => {
    fc.assert(
      fc.property(calendarSpec, fc.integer({min: 0, max: 1440}), fc.integer({min: 1, max: 3000}), pauseList, fc.integer({min: -1, max: 6}), (spec, start, amount, pauseMinutes, holidayOffset) => {
        const calendar = build(spec)
        const from = anchorMs(spec, start)
        const pauses = unionIntervals(pauseMinutes.map(([a, b]): Interval => [anchorMs(spec, a), anchorMs(spec, b)]))
        const due = dueInstant(calendar, from, amount * minute, pauses)
        if (due !== undefined) {
          expect(businessMs(calendar, from, due, pauses)).toBe(amount * minute)
          // Earliest: a millisecond less does not reach it.
          expect(businessMs(calendar, from, due - 1, pauses)).toBeLessThan(amount * minute)
        }

        const holiday = Temporal.PlainDate.from(spec.anchor).add({days: holidayOffset}).toString()
        const later = dueInstant(build(spec, [holiday]), from, amount * minute, pauses)
        expect(later ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(due ?? Number.POSITIVE_INFINITY)
      })
    )
  })
})
