/**
 * Calendar arithmetic on plain numbers (`src/util/civil.ts`) against
 * Temporal, which the engine trusts for everything with a time zone.
 */
import fc from 'fast-check'
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {dateOfEpochDays, daysInMonth, epochDays, epochMillisecondsAt, formatEpochDays, isLeapYear, isoWeekday} from '../src/util/civil.js'

const date = fc
  .record({year: fc.integer({min: 1, max: 9999}), month: fc.integer({min: 1, max: 12}), day: fc.integer({min: 1, max: 31})})
  .map(({year, month, day}) => ({year, month, day: Math.min(day, new Temporal.PlainDate(year, month, 1).daysInMonth)}))

describe('civil calendar arithmetic', () => {
  it('knows the length of every month, and refuses months that do not exist', () => {
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2023, 2)).toBe(28)
    expect(daysInMonth(1900, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(daysInMonth(2024, 4)).toBe(30)
    expect(daysInMonth(2024, 12)).toBe(31)
    expect(daysInMonth(2024, 0)).toBe(0)
    expect(daysInMonth(2024, 13)).toBe(0)
    expect(daysInMonth(2024, 1.5)).toBe(0)
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true])
  })

  it('counts days from the epoch and weekdays as Temporal does', () => {
    expect(epochDays(1970, 1, 1)).toBe(0)
    expect(epochDays(1969, 12, 31)).toBe(-1)
    expect(epochDays(2024, 3, 1)).toBe(19_783)
    expect(isoWeekday(2024, 2, 2)).toBe(5)
    expect(isoWeekday(1970, 1, 4)).toBe(7)
    expect(dateOfEpochDays(-1)).toEqual({year: 1969, month: 12, day: 31})
    expect(formatEpochDays(19_783)).toBe('2024-03-01')
    fc.assert(
      fc.property(date, ({year, month, day}) => {
        const plain = new Temporal.PlainDate(year, month, day)
        expect(daysInMonth(year, month)).toBe(plain.daysInMonth)
        expect(epochDays(year, month, day)).toBe(plain.since(new Temporal.PlainDate(1970, 1, 1)).days)
        expect(isoWeekday(year, month, day)).toBe(plain.dayOfWeek)
        expect(dateOfEpochDays(epochDays(year, month, day))).toEqual({year, month, day})
        expect(formatEpochDays(epochDays(year, month, day))).toBe(plain.toString())
      }),
      {numRuns: 2000}
    )
  })

  it('places a wall time at a fixed offset on the timeline as Temporal does', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({min: 0, max: 23}),
        fc.integer({min: 0, max: 59}),
        fc.integer({min: 0, max: 59}),
        fc.integer({min: 0, max: 999}),
        fc.integer({min: -(23 * 60 + 59), max: 23 * 60 + 59}),
        ({year, month, day}, hour, minute, second, millisecond, offsetMinutes) => {
          const sign = offsetMinutes < 0 ? '-' : '+'
          const size = Math.abs(offsetMinutes)
          const offset = `${sign}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`
          const expected = new Temporal.PlainDateTime(year, month, day, hour, minute, second, millisecond).toZonedDateTime(offset).epochMilliseconds
          expect(epochMillisecondsAt({year, month, day, hour, minute, second, millisecond, offsetMinutes})).toBe(expected)
        }
      ),
      {numRuns: 2000}
    )
  })
})
