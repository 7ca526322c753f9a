/**
 * The engine's cached zone helpers against Temporal, which defines the
 * answer: offsets, wall times resolved with `compatible`, and formatting.
 */
import fc from 'fast-check'
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {epochDays} from '../src/util/civil.js'
import {dayOfDate, formatInstant, formatReadInstant, localDay, offsetAt, wallToEpoch} from '../src/engine/zone.js'

const zones = ['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC', 'America/Sao_Paulo']
const zone = fc.constantFrom(...zones)
// 1990 to 2040, where the zones above changed their rules several times.
const epochMs = fc.integer({min: 631_152_000_000, max: 2_208_988_800_000})

describe('zone offsets', () => {
  it('gives the offset Temporal gives, for any instant', () => {
    fc.assert(
      fc.property(zone, epochMs, (name, ms) => {
        const expected = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(name).offsetNanoseconds / 1_000_000
        expect(offsetAt(name, ms)).toBe(expected)
      }),
      {numRuns: 3000}
    )
  })

  it('knows the instants on both sides of a transition', () => {
    // Amsterdam went to summer time at 2024-03-31T01:00Z.
    const change = Date.UTC(2024, 2, 31, 1)
    expect(offsetAt('Europe/Amsterdam', change - 1)).toBe(3_600_000)
    expect(offsetAt('Europe/Amsterdam', change)).toBe(7_200_000)
    expect(localDay('Europe/Amsterdam', change - 1)).toBe(epochDays(2024, 3, 31))
    expect(localDay('America/New_York', Date.UTC(2024, 0, 10, 3))).toBe(epochDays(2024, 1, 9))
  })
})

describe('wall times', () => {
  it('resolves gaps forward and overlaps to the earlier instant (Temporal `compatible`)', () => {
    const day = dayOfDate('2024-03-31')
    expect(formatInstant('Europe/Amsterdam', wallToEpoch('Europe/Amsterdam', day, 150))).toBe('2024-03-31T03:30:00+02:00')
    expect(formatInstant('Europe/Amsterdam', wallToEpoch('Europe/Amsterdam', dayOfDate('2024-10-27'), 150))).toBe('2024-10-27T02:30:00+02:00')
    expect(formatInstant('America/New_York', wallToEpoch('America/New_York', dayOfDate('2024-11-03'), 90))).toBe('2024-11-03T01:30:00-04:00')
    // `24:00` is the next midnight.
    expect(wallToEpoch('UTC', day, 1440)).toBe(wallToEpoch('UTC', day + 1, 0))
  })

  it('agrees with Temporal for any wall time, near transitions too', () => {
    fc.assert(
      fc.property(zone, fc.integer({min: epochDays(1990, 1, 1), max: epochDays(2040, 12, 31)}), fc.integer({min: 0, max: 1439}), (name, day, minutes) => {
        const date = Temporal.PlainDate.from('1970-01-01').add({days: day})
        const wall = date.toPlainDateTime({hour: Math.floor(minutes / 60), minute: minutes % 60})
        expect(wallToEpoch(name, day, minutes)).toBe(wall.toZonedDateTime(name, {disambiguation: 'compatible'}).epochMilliseconds)
      }),
      {numRuns: 3000}
    )
    // Every hour of the days around the 2024 changes, where a random search rarely lands.
    for (const [name, dates] of [['Europe/Amsterdam', ['2024-03-31', '2024-10-27']], ['America/New_York', ['2024-03-10', '2024-11-03']], ['Australia/Lord_Howe', ['2024-04-07', '2024-10-06']]] as const) {
      for (const text of dates) {
        for (let minutes = 0; minutes < 1440; minutes += 15) {
          const wall = Temporal.PlainDate.from(text).toPlainDateTime({hour: Math.floor(minutes / 60), minute: minutes % 60})
          expect(wallToEpoch(name, dayOfDate(text), minutes), `${name} ${text} ${minutes}`).toBe(wall.toZonedDateTime(name).epochMilliseconds)
        }
      }
    }
  })
})

describe('formatInstant', () => {
  it('writes the local time with the offset, milliseconds only when there are some', () => {
    expect(formatInstant('Europe/Amsterdam', Date.UTC(2024, 1, 5, 11))).toBe('2024-02-05T12:00:00+01:00')
    expect(formatInstant('Asia/Kolkata', Date.UTC(2024, 1, 5, 11, 0, 0, 5))).toBe('2024-02-05T16:30:00.005+05:30')
    expect(formatInstant('America/New_York', Date.UTC(2024, 0, 9, 18))).toBe('2024-01-09T13:00:00-05:00')
    expect(formatInstant('UTC', 0)).toBe('1970-01-01T00:00:00+00:00')
  })

  it('round-trips through Temporal for any instant', () => {
    fc.assert(
      fc.property(zone, epochMs, (name, ms) => {
        expect(Temporal.Instant.from(formatInstant(name, ms)).epochMilliseconds).toBe(ms)
        const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(name)
        expect(formatInstant(name, ms).slice(0, 19)).toBe(zoned.toPlainDateTime().toString({smallestUnit: 'second'}))
      }),
      {numRuns: 2000}
    )
  })

  it('writes instants on a whole minute as Temporal does, inside and outside the cached years', () => {
    // 1970 to 2200: the cached days run from 1970 to 2149, later ones take the general path.
    const minute = fc.integer({min: 0, max: 121_927_680}).map((minutes) => minutes * 60_000)
    fc.assert(
      fc.property(zone, minute, (name, ms) => {
        expect(formatInstant(name, ms)).toBe(Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(name).toString({timeZoneName: 'never'}))
      }),
      {numRuns: 3000}
    )
    // Each side of the cache's edges: 1970-01-01 and the 65,536th day after it.
    expect(formatInstant('America/New_York', Date.UTC(1950, 0, 1))).toBe('1949-12-31T19:00:00-05:00')
    expect(formatInstant('UTC', -60_000)).toBe('1969-12-31T23:59:00+00:00')
    expect(formatInstant('UTC', 0)).toBe('1970-01-01T00:00:00+00:00')
    expect(formatInstant('UTC', 65_535 * 86_400_000)).toBe('2149-06-06T00:00:00+00:00')
    expect(formatInstant('UTC', 65_536 * 86_400_000)).toBe('2149-06-07T00:00:00+00:00')
  })
})

describe('formatReadInstant', () => {
  it('gives the text an instant was read from when formatting would write just that, else formats', () => {
    const writtenIn = fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'UTC', '+01:00', '-05:00')
    const minute = fc.integer({min: 10_519_200, max: 36_819_360}).map((minutes) => minutes * 60_000)
    const style = fc.constantFrom('seconds', 'minutes', 'Z', 'lower-t', 'space', 'minus-zero')
    fc.assert(
      fc.property(zone, minute, writtenIn, style, (name, ms, writer, how) => {
        let written = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(writer).toString({timeZoneName: 'never'})
        if (how === 'minutes') written = written.slice(0, 16) + written.slice(19)
        if (how === 'Z') written = Temporal.Instant.fromEpochMilliseconds(ms).toString()
        if (how === 'lower-t') written = written.replace('T', 't')
        if (how === 'space') written = written.replace('T', ' ')
        if (how === 'minus-zero') written = written.replace('+00:00', '-00:00')
        const formatted = formatInstant(name, ms)
        expect(formatReadInstant(name, ms, written)).toBe(formatted)
        expect(formatReadInstant(name, ms, undefined)).toBe(formatted)
      }),
      {numRuns: 3000}
    )
  })

  it('keeps the written text when it reads exactly as formatted', () => {
    expect(formatReadInstant('Europe/Amsterdam', Date.UTC(2024, 1, 5, 11), '2024-02-05T12:00:00+01:00')).toBe('2024-02-05T12:00:00+01:00')
    // The same instant in New York is written with its own offset.
    expect(formatReadInstant('America/New_York', Date.UTC(2024, 1, 5, 11), '2024-02-05T12:00:00+01:00')).toBe('2024-02-05T06:00:00-05:00')
    expect(formatReadInstant('UTC', 0, '1970-01-01T00:00:00-00:00')).toBe('1970-01-01T00:00:00+00:00')
  })
})
