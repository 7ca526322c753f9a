/**
 * The `dueAfter` kind: business-day, working-time and calendar-day
 * deadlines from a date or an instant, and whether a delivery (or `now`)
 * is late (sla-domain §4.1, S4, S5).
 */
import fc from 'fast-check'
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {evaluateDueAfter} from '../src/engine/due-after.js'
import {dayOfDate} from '../src/engine/zone.js'
import {formatEpochDays} from '../src/util/civil.js'
import {anchor, calendar, date} from './fixtures/engine/milestone-arbitraries.js'
import {closeAfterDstChange, inputFailure, office} from './fixtures/engine/milestone-cases.js'

const always = {timeZone: 'Europe/Amsterdam', hours: '24x7'}

const failure = (input: unknown) => inputFailure(() => evaluateDueAfter(input))

describe('dueAfter: business days', () => {
  it('counts business days strictly after the anchor date, skipping weekends and holidays, due at close of business', () => {
    // Thu 26 Sep + 3bd: Fri 27 is a holiday, so Mon 30, Tue 1, Wed 2 Oct.
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-26', target: '3bd'})).toEqual({
      dueDate: '2024-10-02',
      dueAt: '2024-10-02T17:00:00+02:00',
      breached: false,
      businessDaysLate: 0
    })
  })

  it('reads Saturday + 1 business day as Monday (S5, date-fns), not Tuesday (numpy roll-forward)', () => {
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-07', target: '1bd'}).dueDate).toBe('2024-09-09')
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-08', target: '1bd'}).dueDate).toBe('2024-09-09')
  })

  it('uses the local date of an instant anchor in the calendar zone, not its UTC date', () => {
    // 22:30Z on Thu 5 Sep is 00:30 on Fri 6 Sep in Amsterdam: + 1bd is Monday, not Friday.
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-05T22:30:00Z', target: '1bd'}).dueDate).toBe('2024-09-09')
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-05T21:30:00Z', target: '1bd'}).dueDate).toBe('2024-09-06')
    // An anchor after closing time still counts from its own date (no receipt cut-off).
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-05T18:30:00+02:00', target: '1bd'}).dueDate).toBe('2024-09-06')
  })

  it('compares a delivered date with the due date and a delivered instant with the due instant', () => {
    const base = {calendar: office, anchor: '2024-09-26', target: '3bd'}
    expect(evaluateDueAfter({...base, delivered: '2024-10-02'})).toMatchObject({breached: false, businessDaysLate: 0})
    expect(evaluateDueAfter({...base, delivered: '2024-10-03'})).toMatchObject({breached: true, businessDaysLate: 1})
    // Mon 7 Oct is three business days after Wed 2 Oct (Thu, Fri, Mon).
    expect(evaluateDueAfter({...base, delivered: '2024-10-07'})).toMatchObject({breached: true, businessDaysLate: 3})
    expect(evaluateDueAfter({...base, delivered: '2024-10-02T17:00:00+02:00'})).toMatchObject({breached: false, businessDaysLate: 0})
    // After close of business on the due date: late, but not a whole business day late.
    expect(evaluateDueAfter({...base, delivered: '2024-10-02T17:00:01+02:00'})).toMatchObject({breached: true, businessDaysLate: 0})
    expect(evaluateDueAfter({...base, delivered: '2024-10-04T08:00:00+02:00'})).toMatchObject({breached: true, businessDaysLate: 2})
    // Early delivery, even before the anchor, is on time.
    expect(evaluateDueAfter({...base, delivered: '2024-09-01'})).toMatchObject({breached: false, businessDaysLate: 0})
  })

  it('without a delivery, is breached only once `now` is after the due instant', () => {
    const base = {calendar: office, anchor: '2024-09-26', target: '3bd'}
    expect(evaluateDueAfter(base)).toMatchObject({breached: false, businessDaysLate: 0})
    expect(evaluateDueAfter({...base, now: '2024-10-02T16:59:59+02:00'})).toMatchObject({breached: false, businessDaysLate: 0})
    expect(evaluateDueAfter({...base, now: '2024-10-02T17:00:00+02:00'})).toMatchObject({breached: false, businessDaysLate: 0})
    expect(evaluateDueAfter({...base, now: '2024-10-02T17:00:01+02:00'})).toMatchObject({breached: true, businessDaysLate: 0})
    expect(evaluateDueAfter({...base, now: '2024-10-04T09:00:00+02:00'})).toMatchObject({breached: true, businessDaysLate: 2})
    // A delivery wins over `now`.
    expect(evaluateDueAfter({...base, now: '2024-10-09T09:00:00+02:00', delivered: '2024-10-01'})).toMatchObject({breached: false, businessDaysLate: 0})
  })

  it('gives close of business with the new offset on the first business day after a DST change, in three zones', () => {
    for (const [timeZone, day, dueAt] of closeAfterDstChange) {
      const result = evaluateDueAfter({calendar: {timeZone, hours: {'mon-fri': '09:00-17:00'}}, anchor: day, target: '1bd'})
      expect(result.dueAt, `${timeZone} ${day}`).toBe(dueAt)
      expect(result.dueDate).toBe(dueAt.slice(0, 10))
    }
  })

  it('closes a 24x7 business day at the next midnight, every day counting', () => {
    // Saturday + 1bd is Sunday on a calendar that never closes; the night of 31 March loses an hour.
    expect(evaluateDueAfter({calendar: always, anchor: '2024-03-30', target: '1bd'})).toEqual({
      dueDate: '2024-03-31',
      dueAt: '2024-04-01T00:00:00+02:00',
      breached: false,
      businessDaysLate: 0
    })
  })
})

describe('dueAfter: working time', () => {
  it('counts working minutes from an instant and ends mid-day when the time runs out', () => {
    // Thu 16:00–17:00 is one hour, Fri 27 Sep is a holiday, Mon 09:00–10:00 the second.
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-26T16:00:00+02:00', target: '2h'})).toEqual({
      dueDate: '2024-09-30',
      dueAt: '2024-09-30T10:00:00+02:00',
      breached: false,
      businessDaysLate: 0
    })
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-26T16:00:00+02:00', target: '1h30m'}).dueAt).toBe('2024-09-30T09:30:00+02:00')
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-26T07:00:00+02:00', target: '45m'}).dueAt).toBe('2024-09-26T09:45:00+02:00')
  })

  it('ends exactly at closing time rather than at the next opening', () => {
    const result = evaluateDueAfter({calendar: office, anchor: '2024-09-26T15:00:00+02:00', target: '2h'})
    expect(result).toMatchObject({dueDate: '2024-09-26', dueAt: '2024-09-26T17:00:00+02:00'})
    // An anchor given as a date starts at the beginning of that date's working time.
    expect(evaluateDueAfter({calendar: office, anchor: '2024-09-26', target: '8h'}).dueAt).toBe('2024-09-26T17:00:00+02:00')
  })

  it('keeps a window that ends at 24:00 on its own date', () => {
    const evening = {timeZone: 'Europe/Amsterdam', hours: {daily: '22:00-24:00'}}
    expect(evaluateDueAfter({calendar: evening, anchor: '2024-09-26T22:00:00+02:00', target: '2h'})).toMatchObject({
      dueDate: '2024-09-26',
      dueAt: '2024-09-27T00:00:00+02:00'
    })
  })

  it('counts real elapsed hours on a 24x7 calendar across DST, unlike calendar days', () => {
    expect(evaluateDueAfter({calendar: always, anchor: '2024-03-30T12:00:00+01:00', target: '24h'}).dueAt).toBe('2024-03-31T13:00:00+02:00')
    expect(evaluateDueAfter({calendar: always, anchor: '2024-10-26T12:00:00+02:00', target: '24h'}).dueAt).toBe('2024-10-27T11:00:00+01:00')
    // From a date: 24 hours after midnight at the start of a 23-hour day.
    expect(evaluateDueAfter({calendar: always, anchor: '2024-03-31', target: '24h'})).toMatchObject({
      dueDate: '2024-04-01',
      dueAt: '2024-04-01T01:00:00+02:00'
    })
  })

  it('is late by instant: breached after the due instant on the same day, without a whole business day', () => {
    const base = {calendar: office, anchor: '2024-09-26T16:00:00+02:00', target: '2h'}
    expect(evaluateDueAfter({...base, delivered: '2024-09-30T10:00:00+02:00'})).toMatchObject({breached: false, businessDaysLate: 0})
    expect(evaluateDueAfter({...base, delivered: '2024-09-30T10:30:00+02:00'})).toMatchObject({breached: true, businessDaysLate: 0})
    expect(evaluateDueAfter({...base, delivered: '2024-10-01'})).toMatchObject({breached: true, businessDaysLate: 1})
  })
})

describe('dueAfter: calendar days (24x7 only)', () => {
  it('keeps the wall-clock time across DST changes', () => {
    expect(evaluateDueAfter({calendar: always, anchor: '2024-03-30T12:00:00+01:00', target: '1d'})).toMatchObject({
      dueDate: '2024-03-31',
      dueAt: '2024-03-31T12:00:00+02:00'
    })
    expect(evaluateDueAfter({calendar: always, anchor: '2024-10-26T12:00:00+02:00', target: '1d'}).dueAt).toBe('2024-10-27T12:00:00+01:00')
    expect(evaluateDueAfter({calendar: always, anchor: '2024-10-20T12:00:15.250+02:00', target: '2w'}).dueAt).toBe('2024-11-03T12:00:15.250+01:00')
  })

  it('resolves a wall time that falls into a DST gap forward (Temporal compatible)', () => {
    const newYork = {timeZone: 'America/New_York', hours: '24x7'}
    expect(evaluateDueAfter({calendar: newYork, anchor: '2024-03-09T02:30:00-05:00', target: '1d'}).dueAt).toBe('2024-03-10T03:30:00-04:00')
    // In the repeated hour, the earlier reading.
    expect(evaluateDueAfter({calendar: newYork, anchor: '2024-11-02T01:30:00-04:00', target: '1d'}).dueAt).toBe('2024-11-03T01:30:00-04:00')
  })

  it('treats days from a date as dates, due at the end of the day', () => {
    expect(evaluateDueAfter({calendar: always, anchor: '2024-03-30', target: '1d'})).toEqual({
      dueDate: '2024-03-31',
      dueAt: '2024-04-01T00:00:00+02:00',
      breached: false,
      businessDaysLate: 0
    })
  })

  it('refuses calendar days on a business calendar', () => {
    expect(failure({calendar: office, anchor: '2024-09-26', target: '2d'})).toMatchObject({path: ['target']})
  })
})

describe('dueAfter: bad input', () => {
  it('throws EngineInputError with the path of the bad field', () => {
    expect(failure(null).path).toEqual([])
    expect(failure({anchor: '2024-09-26', target: '3bd'}).path).toEqual(['calendar'])
    expect(failure({calendar: {...office, timeZone: 'Mars/Olympus'}, anchor: '2024-09-26', target: '3bd'}).path).toEqual(['calendar', 'timeZone'])
    expect(failure({calendar: office, target: '3bd'}).path).toEqual(['anchor'])
    expect(failure({calendar: office, anchor: 'tomorrow', target: '3bd'}).path).toEqual(['anchor'])
    expect(failure({calendar: office, anchor: '2024-02-30', target: '3bd'}).path).toEqual(['anchor'])
    expect(failure({calendar: office, anchor: '2024-09-26', target: '3'}).message).toMatch(/^Unexpected bare number/)
    expect(failure({calendar: office, anchor: '2024-09-26', target: 3}).path).toEqual(['target'])
    expect(failure({calendar: office, anchor: '2024-09-26', target: '0bd'}).path).toEqual(['target'])
    expect(failure({calendar: office, anchor: '2024-09-26', target: '3bd', delivered: 'soon'}).path).toEqual(['delivered'])
    expect(failure({calendar: office, anchor: '2024-09-26', target: '3bd', now: 42}).path).toEqual(['now'])
  })

  it('refuses a calendar without working hours, or with nothing but holidays, instead of searching forever', () => {
    expect(failure({calendar: {timeZone: 'UTC', hours: {}}, anchor: '2024-09-26', target: '3bd'})).toMatchObject({
      path: ['calendar', 'hours'],
      message: expect.stringMatching(/^Unexpected empty mapping/)
    })
    const holidays: string[] = []
    for (let day = dayOfDate('2024-09-27'); day < dayOfDate('2035-01-01'); day++) holidays.push(formatEpochDays(day))
    expect(failure({calendar: {timeZone: 'UTC', hours: {daily: '09:00-17:00'}, holidays}, anchor: '2024-09-26', target: '1bd'})).toMatchObject({
      path: ['calendar'],
      message: expect.stringMatching(/^Unexpected calendar without a business day/)
    })
    expect(failure({calendar: {timeZone: 'UTC', hours: {daily: '09:00-17:00'}, holidays}, anchor: '2024-09-27T08:00:00Z', target: '1h'}).path).toEqual(['calendar'])
  })
})

describe('dueAfter: properties', () => {
  const target = fc.oneof(fc.integer({min: 1, max: 30}).map((days) => `${days}bd`), fc.integer({min: 1, max: 3000}).map((minutes) => `${minutes}m`))
  const instant = (text: string): number => Temporal.Instant.from(text).epochMilliseconds

  it('never moves a due instant earlier for a longer target', () => {
    fc.assert(
      fc.property(calendar, anchor, fc.boolean(), fc.integer({min: 1, max: 30}), fc.integer({min: 1, max: 10}), (cal, from, business, amount, more) => {
        const unit = business ? 'bd' : 'h'
        const shorter = evaluateDueAfter({calendar: cal, anchor: from, target: `${amount}${unit}`})
        const longer = evaluateDueAfter({calendar: cal, anchor: from, target: `${amount + more}${unit}`})
        expect(instant(longer.dueAt)).toBeGreaterThan(instant(shorter.dueAt))
        expect(longer.dueDate >= shorter.dueDate).toBe(true)
      }),
      {numRuns: 150}
    )
  })

  it('never moves a due date earlier when a holiday is added', () => {
    fc.assert(
      fc.property(calendar, anchor, target, date, (cal, from, goal, holiday) => {
        const before = evaluateDueAfter({calendar: cal, anchor: from, target: goal})
        const after = evaluateDueAfter({calendar: {...cal, holidays: [...cal.holidays, holiday]}, anchor: from, target: goal})
        expect(instant(after.dueAt)).toBeGreaterThanOrEqual(instant(before.dueAt))
        expect(after.dueDate >= before.dueDate).toBe(true)
      }),
      {numRuns: 150}
    )
  })
})
