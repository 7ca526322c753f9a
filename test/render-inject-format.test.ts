import fc from 'fast-check'
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {parseDuration} from '../src/schema/values/index.js'
import {
  comparatorInWords,
  formatCount,
  formatDate,
  formatDateRange,
  formatDurationWords,
  formatExactPercent,
  formatInstantIn,
  formatInstantText,
  formatMinutes,
  formatMoney,
  formatNumber,
  formatPercentValue,
  formatPeriod,
  groupThousands,
  humanize,
  monthNames,
  zoneLabel
} from '../src/transform/inject/format.js'

/** Reads `x h y min` back (the inverse the round-trip property needs). */
function minutesOf(text: string): number {
  const match = /^(?:(\d[\d,]*) h)?(?: ?(\d+(?:\.\d+)?) min)?$/.exec(text)
  if (!match || (match[1] === undefined && match[2] === undefined)) throw new Error(`Unexpected ${text}, expected \`x h y min\``)
  return Number((match[1] ?? '0').replaceAll(',', '')) * 60 + Number(match[2] ?? '0')
}

const zones = ['UTC', 'Europe/Berlin', 'America/Toronto', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns']

describe('formatNumber', () => {
  it.each([
    [0, 2, '0'],
    [5, 2, '5'],
    [1200, 2, '1,200'],
    [1234567.891, 2, '1,234,567.89'],
    [66.66666666666667, 2, '66.67'],
    [87.12871287128714, 2, '87.13'],
    [0.125, 2, '0.13'],
    [1.005, 2, '1.01'],
    [99.888392, 6, '99.888392'],
    [2.5, 0, '3'],
    [-3.14159, 2, '-3.14'],
    [-0.001, 2, '0'],
    [1e21, 2, '1,000,000,000,000,000,000,000']
  ])('%s with at most %s decimals is %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected)
  })

  it('should group any digit string by three', () => {
    expect(groupThousands('1')).toBe('1')
    expect(groupThousands('1000')).toBe('1,000')
    expect(groupThousands('100000')).toBe('100,000')
    expect(groupThousands('1000000')).toBe('1,000,000')
  })

  it('should give a number that reads back within half a unit of the last decimal', () => {
    fc.assert(
      fc.property(fc.double({min: -1e9, max: 1e9, noNaN: true}), fc.integer({min: 0, max: 6}), (value, decimals) => {
        const read = Number(formatNumber(value, decimals).replaceAll(',', ''))
        expect(Math.abs(read - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + Math.abs(value) * 1e-12)
      })
    )
  })
})

describe('formatMinutes', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [135, '2 h 15 min'],
    [240, '4 h'],
    [22.5, '22.5 min'],
    [59.999, '1 h'],
    [6000, '100 h'],
    [60_000, '1,000 h'],
    [-75, '-1 h 15 min']
  ])('%s minutes is %s', (minutes, expected) => {
    expect(formatMinutes(minutes)).toBe(expected)
  })

  it('should read back as the same whole minutes', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 10_000_000}), (minutes) => {
        expect(minutesOf(formatMinutes(minutes))).toBe(minutes)
      })
    )
  })
})

describe('formatDurationWords', () => {
  const words = (text: string, calendar?: 'business' | '24x7') => {
    const parsed = parseDuration(text)
    if (!parsed.ok) throw new Error(parsed.problem.reason)
    return formatDurationWords(parsed.value, calendar, text)
  }

  it.each([
    ['4h', 'business', '4 business hours'],
    ['4h', '24x7', '4 hours'],
    ['4h', undefined, '4 hours'],
    ['1h', 'business', '1 business hour'],
    ['30m', 'business', '30 business minutes'],
    ['1m', '24x7', '1 minute'],
    ['1h30m', 'business', '1 business hour and 30 minutes'],
    ['2h 15m', '24x7', '2 hours and 15 minutes'],
    ['1bd', 'business', '1 business day'],
    ['2bd', 'business', '2 business days'],
    ['2d', '24x7', '2 days'],
    ['1d', '24x7', '1 day'],
    ['2w', '24x7', '2 weeks'],
    ['1w2d', '24x7', '9 days']
  ] as const)('%s on %s reads %s', (text, calendar, expected) => {
    expect(words(text, calendar)).toBe(expected)
  })
})

describe('percentages', () => {
  it.each([
    [75, '75 %'],
    [100, '100 %'],
    [66.66666666666667, '66.67 %'],
    [59.66386554621849, '59.66 %'],
    [0, '0 %']
  ])('the engine value %s reads %s', (value, expected) => {
    expect(formatPercentValue(value)).toBe(expected)
  })

  it.each([
    [99_900_000, '99.9 %'],
    [99_950_000, '99.95 %'],
    [99_999_999, '99.999999 %'],
    [100_000_000, '100 %'],
    [5_000_000, '5 %']
  ])('the exact value %s reads %s, never rounded', (micro, expected) => {
    expect(formatExactPercent(micro)).toBe(expected)
  })

  it('should say comparators in words', () => {
    expect(['>=', '>', '<=', '<'].map((item) => comparatorInWords(item as '>='))).toEqual(['at least', 'more than', 'at most', 'less than'])
  })
})

describe('dates and instants', () => {
  it.each([
    ['2026-10-17', '17 October 2026'],
    ['2024-02-29', '29 February 2024'],
    ['0999-01-01', '1 January 999'],
    ['2026-13-01', '2026-13-01'],
    ['soon', 'soon']
  ])('%s reads %s', (date, expected) => {
    expect(formatDate(date)).toBe(expected)
  })

  it.each([
    ['2026-04-28', '2026-04-30', '28–30 April 2026'],
    ['2026-04-28', '2026-05-02', '28 April – 2 May 2026'],
    ['2026-12-30', '2027-01-02', '30 December 2026 – 2 January 2027'],
    ['2026-05-06', '2026-05-06', '6 May 2026']
  ])('the range %s to %s reads %s', (from, to, expected) => {
    expect(formatDateRange(from, to)).toBe(expected)
  })

  it.each([
    ['Europe/Berlin', 'Berlin time'],
    ['America/Argentina/Buenos_Aires', 'Buenos Aires time'],
    ['UTC', 'UTC'],
    ['Etc/GMT+1', 'GMT+1']
  ])('the zone %s reads %s', (zone, expected) => {
    expect(zoneLabel(zone)).toBe(expected)
  })

  it('should show an instant in the zone asked for, whatever offset it was written with', () => {
    expect(formatInstantText('2026-10-17T11:00:00Z', 'Europe/Berlin')).toEqual({
      text: '17 October 2026, 13:00 Berlin time',
      iso: '2026-10-17T13:00:00+02:00'
    })
    expect(formatInstantText('2026-11-22T06:00:00-05:00', 'America/Toronto')?.text).toBe('22 November 2026, 06:00 Toronto time')
    expect(formatInstantText('2026-11-22T06:00:30-05:00', 'UTC')?.text).toBe('22 November 2026, 11:00:30 UTC')
    expect(formatInstantText('2026-07-01T09:00:00', 'Europe/Berlin')?.iso).toBe('2026-07-01T09:00:00+02:00')
    // A local time in a DST gap does not exist (validation refuses it); nothing is made up.
    expect(formatInstantText('2026-03-29T02:30:00', 'Europe/Berlin')).toBeUndefined()
    expect(formatInstantText('not a time', 'UTC')).toBeUndefined()
  })

  it('should give the wall-clock date and time Temporal gives, in any zone', () => {
    fc.assert(
      fc.property(fc.integer({min: -2_000_000_000_000, max: 4_000_000_000_000}), fc.constantFrom(...zones), (epochMs, zone) => {
        const wall = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone)
        const clock = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`
        const shown = formatInstantIn(zone, epochMs).text
        expect(shown.startsWith(`${wall.day} ${monthNames[wall.month - 1]} ${wall.year}, ${clock}`)).toBe(true)
        expect(shown.endsWith(zoneLabel(zone))).toBe(true)
      })
    )
  })

  it('should not depend on the process time zone', () => {
    const saved = process.env.TZ
    try {
      fc.assert(
        fc.property(fc.integer({min: 0, max: 4_000_000_000_000}), fc.constantFrom(...zones), fc.constantFrom(...zones), (epochMs, zone, host) => {
          process.env.TZ = 'UTC'
          const first = formatInstantIn(zone, epochMs)
          process.env.TZ = host
          expect(formatInstantIn(zone, epochMs)).toEqual(first)
        })
      )
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it('should read dates back as the date', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 9999}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 28}), (year, month, day) => {
        const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        const [d, name, y] = formatDate(text).split(' ')
        expect([Number(y), monthNames.indexOf(name as (typeof monthNames)[number]) + 1, Number(d)]).toEqual([year, month, day])
      })
    )
  })
})

describe('periods, money, counts and names', () => {
  it.each([
    ['2026-02', 'February 2026'],
    ['2026-Q1', 'Q1 2026'],
    ['2026-13', '2026-13'],
    ['whenever', 'whenever']
  ])('the period %s reads %s', (period, expected) => {
    expect(formatPeriod(period)).toBe(expected)
  })

  it.each([
    ['60.00', 'EUR', 'EUR 60.00'],
    ['1200', 'EUR', 'EUR 1,200'],
    ['1234567.50', 'GBP', 'GBP 1,234,567.50'],
    ['48.00', null, '48.00'],
    ['odd', 'EUR', 'EUR odd']
  ])('%s %s reads %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected)
  })

  it('should keep the digits of any amount', () => {
    fc.assert(
      fc.property(fc.bigInt({min: 0n, max: 10n ** 15n}), fc.integer({min: 0, max: 99}), (whole, cents) => {
        const amount = `${whole}.${String(cents).padStart(2, '0')}`
        expect(formatMoney(amount, 'EUR').slice(4).replaceAll(',', '')).toBe(amount)
      })
    )
  })

  it('should count in words', () => {
    expect(formatCount(1, 'business day')).toBe('1 business day')
    expect(formatCount(3, 'business day')).toBe('3 business days')
    expect(formatCount(0, 'cycle')).toBe('0 cycles')
  })

  it('should turn ids into names', () => {
    expect(humanize('first-response')).toBe('First response')
    expect(humanize('update_interval')).toBe('Update interval')
    expect(humanize('P1')).toBe('P1')
  })
})
