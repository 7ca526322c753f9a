/**
 * Calendars, business days and the JSON input readers of the engine.
 */
import {describe, expect, it} from 'vitest'
import {addBusinessDays, businessDaysBetween, closeOfBusiness} from '../src/engine/business-days.js'
import {createCalendar, hasWorkingTime, isBusinessDay, weekdayOfDay, windowsOn} from '../src/engine/calendar.js'
import {calendarAt, EngineInputError, instantAt, numberAt} from '../src/engine/input.js'
import {dayOfDate, formatInstant} from '../src/engine/zone.js'
import {formatEpochDays} from '../src/util/civil.js'

const hour = 3_600_000
const office = calendarAt({timeZone: 'Europe/Amsterdam', hours: {'mon-fri': '09:00-17:00'}, holidays: ['2024-04-01', {date: '2024-09-27', name: 'Company day off'}]})
const windowLength = (calendar: ReturnType<typeof createCalendar>, date: string) =>
  windowsOn(calendar, dayOfDate(date)).reduce((sum, [start, end]) => sum + end - start, 0) / hour

describe('calendar windows', () => {
  it('measures working windows in real elapsed time on DST days (sla-domain S2)', () => {
    const night = calendarAt({timeZone: 'America/New_York', hours: {daily: '00:00-08:00'}})
    expect(windowLength(night, '2024-11-03')).toBe(9)
    expect(windowLength(night, '2024-03-10')).toBe(7)
    expect(windowLength(night, '2024-03-11')).toBe(8)
    const always = calendarAt({timeZone: 'Europe/Amsterdam', hours: '24x7'})
    expect(windowLength(always, '2024-03-31')).toBe(23)
    expect(windowLength(always, '2024-10-27')).toBe(25)
  })

  it('opens Tuesday after Easter Monday at 09:00 summer time (V12)', () => {
    expect(windowsOn(office, dayOfDate('2024-04-01'))).toEqual([])
    const [[start, end]] = windowsOn(office, dayOfDate('2024-04-02')) as Array<[number, number]>
    expect([formatInstant('Europe/Amsterdam', start!), formatInstant('Europe/Amsterdam', end!)]).toEqual(['2024-04-02T09:00:00+02:00', '2024-04-02T17:00:00+02:00'])
  })

  it('merges ranges that a DST gap makes overlap, so no time counts twice', () => {
    // 02:30 does not exist on 31 March 2024 in Amsterdam: it becomes 03:30 CEST, past the next range's start.
    const gap = calendarAt({timeZone: 'Europe/Amsterdam', hours: {daily: '01:00-02:30, 03:00-04:00'}})
    const windows = windowsOn(gap, dayOfDate('2024-03-31'))
    expect(windows.map(([start, end]) => [formatInstant('Europe/Amsterdam', start), formatInstant('Europe/Amsterdam', end)])).toEqual([
      ['2024-03-31T01:00:00+01:00', '2024-03-31T04:00:00+02:00']
    ])
    expect(windowLength(gap, '2024-03-31')).toBe(2)
  })

  it('keeps several ranges a day apart, and knows business days', () => {
    const split = calendarAt({timeZone: 'UTC', hours: {mon: '09:00-12:30, 13:00-17:00'}})
    expect(windowsOn(split, dayOfDate('2024-01-01')).map(([start, end]) => (end - start) / 60_000)).toEqual([210, 240])
    expect(weekdayOfDay(dayOfDate('2024-01-01'))).toBe(1)
    expect(isBusinessDay(split, dayOfDate('2024-01-01'))).toBe(true)
    expect(isBusinessDay(split, dayOfDate('2024-01-02'))).toBe(false)
    expect(isBusinessDay(office, dayOfDate('2024-09-27'))).toBe(false)
    expect(hasWorkingTime(split)).toBe(true)
    expect(hasWorkingTime(createCalendar('UTC', {1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: []}))).toBe(false)
  })
})

describe('business days', () => {
  it('counts strictly after the anchor, due at close of business (S4, S5)', () => {
    // Monday 2 Sep + 5bd: 3, 4, 5, 6, 9 (V20 discovery).
    expect(formatEpochDays(addBusinessDays(office, dayOfDate('2024-09-02'), 5)!)).toBe('2024-09-09')
    // Saturday + 1bd is Monday (date-fns), not Tuesday (numpy roll-forward).
    expect(formatEpochDays(addBusinessDays(office, dayOfDate('2024-09-07'), 1)!)).toBe('2024-09-09')
    // Build: 18 Sep + 10bd skips the company day off on 27 Sep (V20).
    expect(formatEpochDays(addBusinessDays(office, dayOfDate('2024-09-18'), 10)!)).toBe('2024-10-03')
    expect(addBusinessDays(office, dayOfDate('2024-09-18'), 0)).toBe(dayOfDate('2024-09-18'))
    expect(formatInstant('Europe/Amsterdam', closeOfBusiness(office, dayOfDate('2024-10-03'))!)).toBe('2024-10-03T17:00:00+02:00')
    expect(closeOfBusiness(office, dayOfDate('2024-10-05'))).toBe(undefined)
    expect(businessDaysBetween(office, dayOfDate('2024-10-03'), dayOfDate('2024-10-04'))).toBe(1)
    expect(businessDaysBetween(office, dayOfDate('2024-10-03'), dayOfDate('2024-10-03'))).toBe(0)
    expect(businessDaysBetween(office, dayOfDate('2024-09-26'), dayOfDate('2024-09-30'))).toBe(1)
  })

  it('gives up instead of looping on a calendar without business days', () => {
    const never = createCalendar('UTC', {1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: []})
    expect(addBusinessDays(never, 0, 1)).toBe(undefined)
  })
})

describe('engine input', () => {
  it('reads the contract calendar and instants', () => {
    expect(office.timeZone).toBe('Europe/Amsterdam')
    expect(office.holidays.size).toBe(2)
    expect(instantAt('2024-02-02T16:00:00+01:00', 'UTC', ['start'])).toBe(Date.UTC(2024, 1, 2, 15))
  })

  it('says where the input is wrong and what was expected', () => {
    const problem = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        expect(error).toBeInstanceOf(EngineInputError)
        return (error as Error).message
      }

      throw new Error('expected an EngineInputError')
    }

    expect(problem(() => calendarAt({timeZone: 'Europe/Amsterdm', hours: '24x7'}))).toBe(
      'Unexpected time zone `Europe/Amsterdm`, expected an IANA time-zone name such as `Europe/Amsterdam` (at `calendar.timeZone`)'
    )
    expect(problem(() => calendarAt('office'))).toBe('Unexpected text `office`, expected an object (at `calendar`)')
    expect(problem(() => calendarAt({timeZone: 'UTC', hours: {'mon-fri': '17:00-09:00'}}))).toMatch(/^Unexpected .* \(at `calendar\.hours`\)$/)
    expect(problem(() => calendarAt({timeZone: 'UTC', hours: '24x7', holidays: ['2024-02-30']}))).toMatch(/\(at `calendar\.holidays\.0`\)$/)
    expect(problem(() => numberAt('4', ['target', 'minutes']))).toBe('Unexpected text `4`, expected a number (at `target.minutes`)')
    expect(problem(() => numberAt(-1, ['x'], {min: 0}))).toBe('Unexpected -1, expected at least 0 (at `x`)')
  })
})
