/**
 * Tests of the value parsers of the SLA data model (`src/schema/values`):
 * explicit expected values per parser, every rule id triggered at least
 * once, DST cases in Amsterdam and New York, and fast-check properties of
 * the calendar maths. Nothing here may depend on the process time zone:
 * run once more with `TZ=Pacific/Chatham`.
 */
import {readFileSync, readdirSync} from 'node:fs'
import fc from 'fast-check'
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {
  checkSlaId,
  checkTimeZone,
  formatDuration,
  formatPercent,
  formatWorkingHours,
  parseCalendarShape,
  parseDate,
  parseDuration,
  offsetInstantMilliseconds,
  parseInstant,
  parseObjective,
  parsePercent,
  parseWorkingHours,
  valueRules,
  type DurationValue,
  type ValueResult,
  type ValueRuleId,
  type WeekHours
} from '../src/schema/values/index.js'

/** The problem of a failed result (fails the test when it succeeded). */
function problemOf(result: ValueResult<unknown>) {
  if (result.ok) throw new Error('Expected a problem, got ' + JSON.stringify(result.value))
  return result.problem
}

/** The value of a successful result (fails the test with the problem otherwise). */
function valueOf<T>(result: ValueResult<T>): T {
  if (!result.ok) throw new Error('Expected a value, got ' + JSON.stringify(result.problem))
  return result.value
}

const ruleIdsOf = (result: ValueResult<unknown>): string[] => [
  ...(result.ok ? [] : [result.problem.ruleId]),
  ...(result.warnings ?? []).map((warning) => warning.ruleId)
]

describe('parseDuration', () => {
  it('should parse minutes, hours and combinations to elapsed minutes', () => {
    expect(parseDuration('45m')).toEqual({ok: true, value: {kind: 'elapsed', minutes: 45}})
    expect(parseDuration('4h')).toEqual({ok: true, value: {kind: 'elapsed', minutes: 240}})
    expect(parseDuration('1h30m')).toEqual({ok: true, value: {kind: 'elapsed', minutes: 90}})
    expect(parseDuration('2h 15m')).toEqual({ok: true, value: {kind: 'elapsed', minutes: 135}})
    expect(parseDuration('90m')).toEqual({ok: true, value: {kind: 'elapsed', minutes: 90}})
  })

  it('should parse business days and, off business calendars, calendar days and weeks', () => {
    expect(parseDuration('3bd')).toEqual({ok: true, value: {kind: 'business-days', days: 3}})
    expect(parseDuration('3bd', {calendar: 'business'})).toEqual({ok: true, value: {kind: 'business-days', days: 3}})
    expect(parseDuration('2d', {calendar: '24x7'})).toEqual({ok: true, value: {kind: 'calendar-days', days: 2}})
    expect(parseDuration('1w', {calendar: '24x7'})).toEqual({ok: true, value: {kind: 'calendar-days', days: 7}})
    expect(parseDuration('1w2d')).toEqual({ok: true, value: {kind: 'calendar-days', days: 9}})
  })

  it('should refuse a bare number, as text or as a YAML number', () => {
    expect(parseDuration('4')).toEqual({
      ok: false,
      problem: {
        ruleId: 'duration-unitless',
        reason: 'Unexpected bare number `4` without a unit, expected a duration such as `4h` or `4bd`',
        hint: 'A bare number does not say whether it counts minutes, hours or days; add a unit',
        actual: '4',
        expected: ['4h', '4bd']
      }
    })
    expect(problemOf(parseDuration(4))).toMatchObject({
      ruleId: 'duration-unitless',
      reason: 'Unexpected number `4` without a unit, expected a duration such as `4h` or `4bd`'
    })
    expect(problemOf(parseDuration(4, {calendar: '24x7'})).expected).toEqual(['4h', '4d'])
    expect(problemOf(parseDuration(5, {use: 'availability'})).expected).toEqual(['5m', '5h'])
  })

  it('should refuse `d` and `w` on a business calendar, suggesting `bd`', () => {
    expect(parseDuration('2d', {calendar: 'business'})).toEqual({
      ok: false,
      problem: {
        ruleId: 'duration-days-on-business-calendar',
        reason:
          'Unexpected calendar days `2d` on a business calendar, expected business days (`bd`) or working time (`h`, `m`)',
        hint: '`d` is ambiguous on a business calendar: write `2bd` for business days (due at close of business) or working time such as `8h`',
        actual: '2d',
        expected: ['2bd']
      }
    })
    expect(problemOf(parseDuration('1w', {calendar: 'business'}))).toMatchObject({
      ruleId: 'duration-days-on-business-calendar',
      expected: ['5bd']
    })
  })

  it('should refuse `bd` for availability', () => {
    expect(problemOf(parseDuration('2bd', {use: 'availability'}))).toEqual({
      ruleId: 'duration-business-days-for-availability',
      reason: 'Unexpected business days `2bd` for availability, expected elapsed time such as `5m` or `4h`',
      hint: 'Availability counts real elapsed time around the clock, so business days have no meaning there',
      actual: '2bd'
    })
    expect(valueOf(parseDuration('1m', {use: 'availability'}))).toEqual({kind: 'elapsed', minutes: 1})
  })

  it('should refuse zero and negative durations', () => {
    expect(problemOf(parseDuration('0h'))).toMatchObject({ruleId: 'duration-not-positive', actual: '0h'})
    expect(problemOf(parseDuration('0h0m')).ruleId).toBe('duration-not-positive')
    expect(problemOf(parseDuration('-4h'))).toMatchObject({ruleId: 'duration-not-positive', expected: ['4h']})
  })

  it('should refuse malformed durations with a suggestion when one is clear', () => {
    const cases: Array<[unknown, string | undefined]> = [
      ['4H', '4h'],
      ['4 h', '4h'],
      ['1.5h', '1h30m'],
      ['0.25 hours', '15m'],
      ['PT4H', '4h'],
      ['P1DT', '1d'],
      ['30m1h', '1h30m'],
      ['1h1h', '2h'],
      ['2d1w', '9d'],
      ['1w1w', '14d'],
      ['2h  15m', '2h15m'],
      ['1.01h', undefined],
      ['soon', undefined],
      ['1d12h', undefined],
      ['1bd4h', undefined],
      ['99999999999999999h', undefined],
      [true, undefined],
      [null, undefined]
    ]
    for (const [input, suggestion] of cases) {
      const found = problemOf(parseDuration(input))
      expect(found.ruleId, String(input)).toBe('duration-malformed')
      if (suggestion) expect(found.expected, String(input)).toEqual([suggestion])
      else expect(found.hint ?? '', String(input)).not.toMatch(/^Did you mean/)
    }
  })

  it('should not read or suggest a spelling that is wrong in the context', () => {
    // `2d` would be refused on a business calendar, so it is neither read nor offered.
    const refused = problemOf(parseDuration('2 days', {calendar: 'business'}))
    expect(refused.ruleId).toBe('duration-malformed')
    expect(refused.hint).not.toMatch(/Did you mean/)
    expect(parseDuration('2 days', {calendar: '24x7'})).toMatchObject({ok: true, value: {kind: 'calendar-days', days: 2}})
  })

  it('should read units written as words, warning with the short form', () => {
    const cases: Array<[string, DurationValue, string]> = [
      ['4 hours', {kind: 'elapsed', minutes: 240}, '4h'],
      ['1 hour and 30 minutes', {kind: 'elapsed', minutes: 90}, '1h30m'],
      ['2 business days', {kind: 'business-days', days: 2}, '2bd'],
      ['3 Working Days', {kind: 'business-days', days: 3}, '3bd'],
      ['4 business hours', {kind: 'elapsed', minutes: 240}, '4h']
    ]
    for (const [input, value, normalized] of cases) {
      expect(parseDuration(input, {calendar: 'business'}), input).toEqual({
        ok: true,
        value,
        warnings: [
          {
            ruleId: 'duration-spelled-out',
            reason: `Unexpected duration in words \`${input}\`, expected \`${normalized}\``,
            hint: `Read as \`${normalized}\`; the short form is what editors complete and check`,
            actual: input,
            expected: [normalized],
            normalized
          }
        ]
      })
    }
  })

  it('should warn about business wording on a 24x7 calendar (sla-domain §5.3 warning 10)', () => {
    expect(parseDuration('4 business hours', {calendar: '24x7'})).toEqual({
      ok: true,
      value: {kind: 'elapsed', minutes: 240},
      warnings: [
        {
          ruleId: 'goal-wording-mismatch',
          reason: 'Unexpected business wording `4 business hours` on a 24x7 calendar, expected a goal that counts every hour such as `4h`',
          hint: 'On a 24x7 calendar `4h` counts around the clock; write `4h` if that is meant, or measure the goal on a business calendar (`calendar` or `goalCalendars`)',
          actual: '4 business hours',
          expected: ['4h'],
          normalized: '4h'
        }
      ]
    })
    expect(ruleIdsOf(parseDuration('2 working days', {calendar: '24x7'}))).toEqual(['goal-wording-mismatch'])
    // Plain hours carry no business wording; an unknown calendar cannot contradict it.
    expect(ruleIdsOf(parseDuration('4 hours', {calendar: '24x7'}))).toEqual(['duration-spelled-out'])
    expect(ruleIdsOf(parseDuration('4 business hours'))).toEqual(['duration-spelled-out'])
  })

  it('should format durations canonically', () => {
    expect(formatDuration({kind: 'elapsed', minutes: 90})).toBe('1h30m')
    expect(formatDuration({kind: 'elapsed', minutes: 45})).toBe('45m')
    expect(formatDuration({kind: 'elapsed', minutes: 120})).toBe('2h')
    expect(formatDuration({kind: 'business-days', days: 3})).toBe('3bd')
    expect(formatDuration({kind: 'calendar-days', days: 9})).toBe('9d')
  })

  it('should parse every generated elapsed duration to the minutes it was built from', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 100_000}),
        fc.integer({min: 0, max: 59}),
        fc.constantFrom('h', 'm', 'hm', 'h m'),
        (hours, minutes, form) => {
          const text =
            form === 'h' ? `${hours}h` : form === 'm' ? `${minutes}m` : form === 'hm' ? `${hours}h${minutes}m` : `${hours}h ${minutes}m`
          const expected = form === 'h' ? hours * 60 : form === 'm' ? minutes : hours * 60 + minutes
          const result = parseDuration(text)
          if (expected === 0) {
            expect(problemOf(result).ruleId).toBe('duration-not-positive')
            return
          }

          expect(result).toEqual({ok: true, value: {kind: 'elapsed', minutes: expected}})
          expect(parseDuration(formatDuration(valueOf(result)))).toEqual(result)
        }
      ),
      {numRuns: 300}
    )
  })

  it('should parse every generated day duration to the days it was built from', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 10_000}), fc.constantFrom('bd', 'd', 'w'), (amount, unit) => {
        const value = valueOf(parseDuration(`${amount}${unit}`, {calendar: '24x7'}))
        expect(value).toEqual(
          unit === 'bd'
            ? {kind: 'business-days', days: amount}
            : {kind: 'calendar-days', days: unit === 'w' ? amount * 7 : amount}
        )
        expect(parseDuration(formatDuration(value), {calendar: '24x7'})).toEqual({ok: true, value})
      }),
      {numRuns: 200}
    )
  })
})

describe('parsePercent', () => {
  it('should parse `%` texts and bare numbers as exact percentages', () => {
    const value = {kind: 'percent', percent: 99.9, microPercent: 99_900_000, text: '99.9%'}
    expect(parsePercent('99.9%')).toEqual({ok: true, value})
    expect(parsePercent('99.9 %')).toEqual({ok: true, value})
    expect(parsePercent(99.9)).toEqual({ok: true, value})
    expect(parsePercent('99.9')).toEqual({ok: true, value})
    expect(valueOf(parsePercent('100%'))).toEqual({kind: 'percent', percent: 100, microPercent: 100_000_000, text: '100%'})
    expect(valueOf(parsePercent('99.999999%')).microPercent).toBe(99_999_999)
    // The text keeps the decimals as written; the number does not care.
    expect(valueOf(parsePercent('99.90 %'))).toEqual({kind: 'percent', percent: 99.9, microPercent: 99_900_000, text: '99.90%'})
  })

  it('should compare exactly where floats would not', () => {
    // 0.1 + 0.2 !== 0.3 in floats; in millionths of a percent the sum is exact.
    const sum = valueOf(parsePercent('0.1%')).microPercent + valueOf(parsePercent('0.2%')).microPercent
    expect(sum).toBe(valueOf(parsePercent('0.3%')).microPercent)
    expect(valueOf(parsePercent('99.9%')).microPercent < valueOf(parsePercent('99.95%')).microPercent).toBe(true)
  })

  it('should refuse a bare fraction for an objective or tier, suggesting the percentage', () => {
    expect(parsePercent(0.999, {kind: 'objective'})).toEqual({
      ok: false,
      problem: {
        ruleId: 'percent-fraction',
        reason: 'Unexpected number `0.999` for an objective, expected a percentage such as `99.9%`',
        hint: 'A bare number is read as a percentage, so `0.999` would mean 0.999 %; did you mean `99.9%`?',
        actual: '0.999',
        expected: ['99.9%']
      }
    })
    expect(problemOf(parsePercent('0.95', {kind: 'tier'})).expected).toEqual(['95%'])
    expect(problemOf(parsePercent(1, {kind: 'objective'})).expected).toEqual(['100%'])
    expect(problemOf(parsePercent(0.99999, {kind: 'objective'})).expected).toEqual(['99.999%'])
    // With `%` the author said what they meant.
    expect(valueOf(parsePercent('0.5%', {kind: 'objective'})).microPercent).toBe(500_000)
  })

  it('should warn about a bare fraction for a credit or cap', () => {
    expect(parsePercent(0.1, {kind: 'credit'})).toEqual({
      ok: true,
      value: {kind: 'percent', percent: 0.1, microPercent: 100_000, text: '0.1%'},
      warnings: [
        {
          ruleId: 'percent-fraction-ambiguous',
          reason: 'Unexpected bare number `0.1` for a credit, expected a percentage with `%`',
          hint: 'Read as 0.1 %; write `0.1%` to keep that, or `10%` if a fraction was meant',
          actual: '0.1',
          expected: ['0.1%', '10%']
        }
      ]
    })
    expect(parsePercent(25, {kind: 'cap'})).toEqual({
      ok: true,
      value: {kind: 'percent', percent: 25, microPercent: 25_000_000, text: '25%'}
    })
  })

  it('should refuse values outside (0, 100]', () => {
    expect(problemOf(parsePercent('0%'))).toEqual({
      ruleId: 'percent-out-of-range',
      reason: 'Unexpected `0%`, expected a percentage above 0 % and at most 100 %',
      actual: '0%'
    })
    expect(problemOf(parsePercent(-5)).ruleId).toBe('percent-out-of-range')
    expect(problemOf(parsePercent('100.000001%')).ruleId).toBe('percent-out-of-range')
    expect(problemOf(parsePercent('150%', {kind: 'credit'}))).toEqual({
      ruleId: 'percent-out-of-range',
      reason: 'Unexpected `150%`, expected a percentage of at most 100 %',
      hint: 'A credit above 100 % would pay out more than the fee',
      actual: '150%'
    })
    expect(problemOf(parsePercent('12345678901234567890%')).ruleId).toBe('percent-out-of-range')
  })

  it('should refuse more than six decimals', () => {
    expect(problemOf(parsePercent('99.9999999%'))).toMatchObject({
      ruleId: 'percent-too-precise',
      reason: 'Unexpected `99.9999999%` with 7 decimals, expected at most 6'
    })
    // Trailing zeros are not precision.
    expect(valueOf(parsePercent('99.99999900%')).microPercent).toBe(99_999_999)
  })

  it('should refuse malformed percentages with near-miss suggestions', () => {
    expect(problemOf(parsePercent('99,9%'))).toEqual({
      ruleId: 'percent-malformed',
      reason: 'Unexpected `99,9%`, expected a percentage such as `99.9%`',
      hint: 'Did you mean `99.9%`?',
      actual: '99,9%',
      expected: ['99.9%']
    })
    expect(problemOf(parsePercent('99.9 percent')).expected).toEqual(['99.9%'])
    expect(problemOf(parsePercent('.5%')).expected).toEqual(['0.5%'])
    for (const input of ['high', '+5%', '5%%', true, null, [], Number.NaN]) {
      expect(problemOf(parsePercent(input)).ruleId).toBe('percent-malformed')
    }
  })

  it('should read every generated percentage back exactly', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 100_000_000}), fc.constantFrom('', ' ', '0'), (micro, padding) => {
        const text = formatPercent(micro)
        const written = padding === '0' ? text.replace('%', text.includes('.') ? '0%' : '.0%') : text.replace('%', padding + '%')
        const value = valueOf(parsePercent(written))
        expect(value.microPercent).toBe(micro)
        expect(value.percent).toBe(Number(text.slice(0, -1)))
      }),
      {numRuns: 300}
    )
  })

  it('should read YAML numbers as the decimal they print as', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 100_000_000}), (micro) => {
        const number = Number(formatPercent(micro).slice(0, -1))
        expect(valueOf(parsePercent(number)).microPercent).toBe(micro)
      }),
      {numRuns: 300}
    )
  })
})

describe('parseObjective', () => {
  it('should parse a comparator with a percentage or duration', () => {
    expect(parseObjective('>= 80%')).toEqual({
      ok: true,
      value: {comparator: '>=', value: {kind: 'percent', percent: 80, microPercent: 80_000_000, text: '80%'}}
    })
    expect(parseObjective('<= 4h')).toEqual({ok: true, value: {comparator: '<=', value: {kind: 'elapsed', minutes: 240}}})
    expect(valueOf(parseObjective('<2bd'))).toEqual({comparator: '<', value: {kind: 'business-days', days: 2}})
    expect(valueOf(parseObjective('> 99.9 %')).comparator).toBe('>')
  })

  it('should default a percentage without comparator to `>=`', () => {
    expect(valueOf(parseObjective('80%')).comparator).toBe('>=')
    expect(valueOf(parseObjective(80))).toEqual({
      comparator: '>=',
      value: {kind: 'percent', percent: 80, microPercent: 80_000_000, text: '80%'}
    })
  })

  it('should refuse a duration without comparator', () => {
    expect(problemOf(parseObjective('4h'))).toEqual({
      ruleId: 'objective-comparator-missing',
      reason: 'Unexpected duration `4h` without a comparator, expected `<= 4h` or `>= 4h`',
      hint: 'Only percentages default to `>=`; a duration may be a ceiling (`<= 4h`, a response time) or a floor',
      actual: '4h',
      expected: ['<= 4h', '>= 4h']
    })
  })

  it('should refuse other comparators, suggesting ours', () => {
    expect(problemOf(parseObjective('=> 80%'))).toMatchObject({ruleId: 'objective-malformed', expected: ['>= 80%']})
    expect(problemOf(parseObjective('≤4h'))).toMatchObject({ruleId: 'objective-malformed', expected: ['<= 4h']})
    expect(problemOf(parseObjective('= 80%'))).toMatchObject({ruleId: 'objective-malformed', expected: ['>= 80%', '<= 80%']})
    expect(problemOf(parseObjective('good')).ruleId).toBe('objective-malformed')
    expect(problemOf(parseObjective('>=')).ruleId).toBe('objective-malformed')
    expect(problemOf(parseObjective(null)).ruleId).toBe('objective-malformed')
  })

  it('should report problems of the part under their own rule, about the whole objective', () => {
    expect(problemOf(parseObjective('>= 0.8'))).toMatchObject({ruleId: 'percent-fraction', actual: '>= 0.8', expected: ['>= 80%']})
    expect(problemOf(parseObjective('0.8'))).toMatchObject({ruleId: 'percent-fraction', actual: '0.8', expected: ['80%']})
    expect(problemOf(parseObjective('<= 4 hrs.'))).toMatchObject({ruleId: 'duration-malformed', actual: '<= 4 hrs.'})
    expect(parseObjective('<= 4 hours')).toMatchObject({
      ok: true,
      value: {comparator: '<=', value: {kind: 'elapsed', minutes: 240}},
      warnings: [{ruleId: 'duration-spelled-out', actual: '<= 4 hours', expected: ['<= 4h'], normalized: '<= 4h'}]
    })
    expect(problemOf(parseObjective('<= 2d', {calendar: 'business'})).ruleId).toBe('duration-days-on-business-calendar')
  })
})

describe('parseWorkingHours', () => {
  const office = {start: 540, end: 1020}

  it('should spread day ranges, lists and `daily` over ISO weekdays', () => {
    expect(parseWorkingHours({'mon-fri': '09:00-17:00'})).toEqual({
      ok: true,
      value: {1: [office], 2: [office], 3: [office], 4: [office], 5: [office], 6: [], 7: []}
    })
    expect(valueOf(parseWorkingHours({'mon,wed': '09:00-17:00', 'fri': ['09:00-12:00'], 'sat-sun': '10:00-12:00'}))).toEqual({
      1: [office],
      2: [],
      3: [office],
      4: [],
      5: [{start: 540, end: 720}],
      6: [{start: 600, end: 720}],
      7: [{start: 600, end: 720}]
    })
    const daily = valueOf(parseWorkingHours({daily: '00:00-24:00'}))
    expect(Object.values(daily)).toEqual(Array.from({length: 7}, () => [{start: 0, end: 1440}]))
  })

  it('should wrap day ranges past Sunday', () => {
    expect(valueOf(parseWorkingHours({'sun-thu': '08:00-16:00'}))).toEqual({
      1: [{start: 480, end: 960}],
      2: [{start: 480, end: 960}],
      3: [{start: 480, end: 960}],
      4: [{start: 480, end: 960}],
      5: [],
      6: [],
      7: [{start: 480, end: 960}]
    })
    const weekend = valueOf(parseWorkingHours({'fri-mon': '10:00-11:00'}))
    expect([1, 2, 3, 4, 5, 6, 7].filter((day) => weekend[day as 1].length > 0)).toEqual([1, 5, 6, 7])
  })

  it('should sort several ranges and keep touching ranges apart', () => {
    expect(valueOf(parseWorkingHours({mon: '13:00-17:00, 09:00-12:30', tue: ['12:00-13:00', '09:00-12:00']}))).toEqual({
      1: [{start: 540, end: 750}, {start: 780, end: 1020}],
      2: [{start: 540, end: 720}, {start: 720, end: 780}],
      3: [],
      4: [],
      5: [],
      6: [],
      7: []
    })
  })

  it('should refuse an overnight range, showing the split', () => {
    expect(problemOf(parseWorkingHours({sun: '22:00-06:00'}))).toEqual({
      ruleId: 'hours-range-reversed',
      reason: 'Unexpected range `22:00-06:00` that ends before it starts, expected a start before the end',
      hint: 'Split an overnight range over two days: `sun: "22:00-24:00"` and `mon: "00:00-06:00"`',
      actual: '22:00-06:00',
      expected: ['sun: "22:00-24:00"', 'mon: "00:00-06:00"'],
      path: ['sun']
    })
    expect(problemOf(parseWorkingHours({mon: '09:00-09:00'}))).toMatchObject({
      ruleId: 'hours-range-reversed',
      reason: 'Unexpected empty range `09:00-09:00`, expected a start before the end'
    })
    // The split itself is accepted.
    expect(valueOf(parseWorkingHours({sun: '22:00-24:00', mon: '00:00-06:00'}))[7]).toEqual([{start: 1320, end: 1440}])
  })

  it('should refuse overlapping ranges, also through two keys', () => {
    expect(problemOf(parseWorkingHours({'mon-fri': '09:00-17:00', mon: '16:00-18:00'}))).toEqual({
      ruleId: 'hours-overlap',
      reason:
        'Unexpected overlap of `16:00-18:00` (`mon`) with `09:00-17:00` (`mon-fri`) on Monday, expected ranges that do not overlap',
      hint: '`mon-fri` and `mon` both cover Monday; give each day its hours under one key, or make the ranges not overlap',
      actual: '16:00-18:00',
      path: ['mon']
    })
    expect(problemOf(parseWorkingHours({wed: ['09:00-12:00', '11:00-13:00']}))).toMatchObject({
      ruleId: 'hours-overlap',
      hint: 'Merge the overlapping ranges into one',
      path: ['wed', 1]
    })
    expect(problemOf(parseWorkingHours({'sat-sun': '10:00-12:00', daily: '09:00-17:00'}))).toMatchObject({
      ruleId: 'hours-overlap',
      path: ['daily']
    })
  })

  it('should refuse unknown day keys with a suggestion', () => {
    expect(problemOf(parseWorkingHours({moon: '09:00-17:00'}))).toEqual({
      ruleId: 'hours-day-unknown',
      reason: 'Unexpected day key `moon`, expected a day (`mon`…`sun`), a range such as `mon-fri`, `daily` or a comma list',
      hint: 'Did you mean `mon`?',
      actual: 'moon',
      expected: ['mon'],
      path: ['moon'],
      at: 'key'
    })
    const suggestions: Array<[string, string | undefined]> = [
      ['weekdays', 'mon-fri'],
      ['weekend', 'sat-sun'],
      ['Mon', 'mon'],
      ['MON-FRI', 'mon-fri'],
      ['monday', 'mon'],
      ['mon-fir', 'mon-fri'],
      ['tues', 'tue'],
      ['monday, tue', 'mon,tue'],
      ['mon-mon', undefined],
      ['holidays', undefined]
    ]
    for (const [key, suggestion] of suggestions) {
      const found = problemOf(parseWorkingHours({[key]: '09:00-17:00'}))
      expect(found.ruleId, key).toBe('hours-day-unknown')
      expect(found.expected, key).toEqual(suggestion === undefined ? undefined : [suggestion])
    }
  })

  it('should refuse malformed ranges, pointing into lists', () => {
    expect(problemOf(parseWorkingHours({mon: '9:00-17:00'}))).toEqual({
      ruleId: 'hours-range-malformed',
      reason: 'Unexpected `9:00-17:00`, expected a range `HH:MM-HH:MM` such as `09:00-17:00`',
      hint: 'Did you mean `09:00-17:00`?',
      actual: '9:00-17:00',
      expected: ['09:00-17:00'],
      path: ['mon']
    })
    expect(problemOf(parseWorkingHours({mon: '09:00–17:00'})).expected).toEqual(['09:00-17:00'])
    expect(problemOf(parseWorkingHours({mon: '09.00 to 17.00'})).expected).toEqual(['09:00-17:00'])
    expect(problemOf(parseWorkingHours({mon: '09:00-24:30'})).ruleId).toBe('hours-range-malformed')
    expect(problemOf(parseWorkingHours({mon: '24:00-24:00'})).ruleId).toBe('hours-range-malformed')
    expect(problemOf(parseWorkingHours({mon: '09:60-17:00'})).ruleId).toBe('hours-range-malformed')
    expect(problemOf(parseWorkingHours({mon: ['09:00-12:00', 5]}))).toMatchObject({ruleId: 'hours-range-malformed', path: ['mon', 1]})
    expect(problemOf(parseWorkingHours({mon: ['09:00-12:00', '13:00']}))).toMatchObject({ruleId: 'hours-range-malformed', path: ['mon', 1]})
  })

  it('should refuse what is not a mapping of day keys to ranges', () => {
    expect(problemOf(parseWorkingHours('09:00-17:00'))).toEqual({
      ruleId: 'hours-malformed',
      reason: 'Unexpected `09:00-17:00`, expected a mapping of days to ranges such as `mon-fri: "09:00-17:00"`',
      hint: 'Say which days: `mon-fri: "09:00-17:00"`',
      actual: '09:00-17:00'
    })
    expect(problemOf(parseWorkingHours({})).ruleId).toBe('hours-malformed')
    expect(problemOf(parseWorkingHours({mon: []}))).toMatchObject({ruleId: 'hours-malformed', path: ['mon']})
    expect(problemOf(parseWorkingHours({mon: 9}))).toMatchObject({ruleId: 'hours-malformed', path: ['mon']})
    expect(problemOf(parseWorkingHours(['09:00-17:00'])).ruleId).toBe('hours-malformed')
  })

  it('should round-trip generated non-overlapping ranges', () => {
    const day = fc
      .uniqueArray(fc.integer({min: 0, max: 1440}), {maxLength: 8})
      .map((points) => {
        const sorted = [...points].sort((a, b) => a - b)
        const ranges: Array<{start: number; end: number}> = []
        for (let index = 0; index + 1 < sorted.length; index += 2) ranges.push({start: sorted[index]!, end: sorted[index + 1]!})
        return ranges
      })
    const names = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
    const clock = (minutes: number) =>
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

    fc.assert(
      fc.property(fc.array(day, {minLength: 7, maxLength: 7}), fc.boolean(), fc.boolean(), (days, asLists, grouped) => {
        if (days.every((ranges) => ranges.length === 0)) return
        const expected = Object.fromEntries(days.map((ranges, index) => [index + 1, ranges])) as unknown as WeekHours
        // Days with the same ranges may share one comma-list key.
        const byText = new Map<string, string[]>()
        const input: Record<string, string | string[]> = {}
        days.forEach((ranges, index) => {
          if (ranges.length === 0) return
          const texts = ranges.map((range) => `${clock(range.start)}-${clock(range.end)}`)
          const key = texts.join(', ')
          if (grouped) byText.set(key, [...(byText.get(key) ?? []), names[index]!])
          else input[names[index]!] = asLists ? texts : key
        })
        for (const [text, keys] of byText) input[keys.join(',')] = asLists ? text.split(', ') : text
        const result = parseWorkingHours(input)
        expect(result).toEqual({ok: true, value: expected})
        expect(parseWorkingHours(formatWorkingHours(valueOf(result)))).toEqual(result)
      }),
      {numRuns: 300}
    )
  })

  it('should accept two ranges on one day exactly when they do not overlap', () => {
    const range = fc
      .tuple(fc.integer({min: 0, max: 1440}), fc.integer({min: 0, max: 1440}))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({start: Math.min(a, b), end: Math.max(a, b)}))
    const clock = (minutes: number) =>
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

    fc.assert(
      fc.property(range, range, (first, second) => {
        const result = parseWorkingHours({
          'mon-fri': `${clock(first.start)}-${clock(first.end)}`,
          wed: `${clock(second.start)}-${clock(second.end)}`
        })
        const overlap = first.start < second.end && second.start < first.end
        expect(ruleIdsOf(result)).toEqual(overlap ? ['hours-overlap'] : [])
      }),
      {numRuns: 300}
    )
  })
})

describe('parseCalendarShape', () => {
  it('should read `24x7` and mappings with hours', () => {
    expect(parseCalendarShape('24x7')).toEqual({ok: true, value: {kind: '24x7'}})
    expect(parseCalendarShape({timeZone: 'America/New_York', hours: '24x7'})).toEqual({
      ok: true,
      value: {kind: '24x7', timeZone: 'America/New_York'}
    })
    expect(parseCalendarShape({hours: {sat: '10:00-12:00'}, holidays: ['2024-12-25']})).toEqual({
      ok: true,
      value: {kind: 'hours', hours: {1: [], 2: [], 3: [], 4: [], 5: [], 6: [{start: 600, end: 720}], 7: []}}
    })
  })

  it('should refuse other shapes, and point into the mapping', () => {
    expect(problemOf(parseCalendarShape('24/7'))).toEqual({
      ruleId: 'calendar-malformed',
      reason: 'Unexpected `24/7`, expected `24x7` or a mapping with `hours`',
      hint: 'Did you mean `24x7`?',
      actual: '24/7',
      expected: ['24x7']
    })
    expect(problemOf(parseCalendarShape({timeZone: 'UTC'})).ruleId).toBe('calendar-malformed')
    expect(problemOf(parseCalendarShape({hours: {moon: '09:00-17:00'}}))).toMatchObject({
      ruleId: 'hours-day-unknown',
      path: ['hours', 'moon'],
      at: 'key'
    })
    expect(problemOf(parseCalendarShape({timeZone: 'Europe/Amsterdm', hours: {mon: '09:00-17:00'}}))).toMatchObject({
      ruleId: 'time-zone-unknown',
      path: ['timeZone']
    })
  })

  it('should pass on time-zone warnings', () => {
    const result = parseCalendarShape({timeZone: 'CET', hours: {mon: '09:00-17:00'}})
    expect(result.ok).toBe(true)
    expect(result.warnings?.map((warning) => [warning.ruleId, warning.path])).toEqual([['time-zone-legacy', ['timeZone']]])
  })
})

describe('checkTimeZone', () => {
  it('should accept canonical names and aliases', () => {
    for (const zone of ['Europe/Amsterdam', 'America/New_York', 'UTC', 'Etc/UTC', 'GMT', 'Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'US/Eastern', 'Pacific/Chatham']) {
      expect(checkTimeZone(zone), zone).toEqual({ok: true, value: zone})
    }
  })

  it('should suggest the closest name for a typo, and the right case', () => {
    expect(checkTimeZone('Europe/Amsterdm')).toEqual({
      ok: false,
      problem: {
        ruleId: 'time-zone-unknown',
        reason: 'Unexpected time zone `Europe/Amsterdm`, expected an IANA time-zone name such as `Europe/Amsterdam`',
        hint: 'Did you mean `Europe/Amsterdam`?',
        actual: 'Europe/Amsterdm',
        expected: ['Europe/Amsterdam']
      }
    })
    expect(problemOf(checkTimeZone('europe/amsterdam'))).toMatchObject({
      ruleId: 'time-zone-unknown',
      reason: 'Unexpected time zone `europe/amsterdam`, expected `Europe/Amsterdam`',
      expected: ['Europe/Amsterdam']
    })
    expect(problemOf(checkTimeZone('utc')).expected).toEqual(['UTC'])
    expect(problemOf(checkTimeZone('Asia/Kolkatta')).expected).toEqual(['Asia/Kolkata'])
  })

  it('should refuse offsets, abbreviations, removed names and non-names', () => {
    expect(problemOf(checkTimeZone('GMT+1'))).toEqual({
      ruleId: 'time-zone-unknown',
      reason: 'Unexpected fixed offset `GMT+1`, expected an IANA time-zone name such as `Europe/Amsterdam`',
      hint: 'An offset does not follow daylight saving time; name the city whose clocks the SLA follows, or write `Etc/GMT-1` (the sign is inverted in `Etc/` names) if a fixed offset is really meant',
      actual: 'GMT+1',
      expected: ['Etc/GMT-1']
    })
    expect(problemOf(checkTimeZone('+01:00')).expected).toEqual(['Etc/GMT-1'])
    expect(problemOf(checkTimeZone('UTC-05:00')).expected).toEqual(['Etc/GMT+5'])
    expect(problemOf(checkTimeZone('+05:30')).expected).toBeUndefined()
    expect(problemOf(checkTimeZone('PST')).hint).toMatch(/^Abbreviations/)
    expect(problemOf(checkTimeZone('US/Pacific-New')).expected).toEqual(['America/Los_Angeles'])
    expect(problemOf(checkTimeZone('SystemV/EST5EDT')).ruleId).toBe('time-zone-unknown')
    for (const input of ['', ' UTC', 'Mars/Olympus', 'Factory', 'Etc/GMT+13', 5, null]) {
      expect(problemOf(checkTimeZone(input)).ruleId, String(input)).toBe('time-zone-unknown')
    }
  })

  it('should warn about legacy and fixed-offset names', () => {
    expect(checkTimeZone('CET')).toEqual({
      ok: true,
      value: 'CET',
      warnings: [
        {
          ruleId: 'time-zone-legacy',
          reason: 'Unexpected legacy time zone `CET`, expected a location such as `Europe/Amsterdam`, `Europe/Berlin` or `Europe/Paris`',
          hint: '`CET` names a time standard, not a place: it follows one country’s DST rules, or none, which need not be those of the SLA’s location; name the city whose clocks the SLA follows',
          actual: 'CET',
          expected: ['Europe/Amsterdam', 'Europe/Berlin', 'Europe/Paris']
        }
      ]
    })
    for (const zone of ['EST', 'EET', 'MET', 'WET', 'EST5EDT', 'PST8PDT', 'Etc/GMT+1', 'Etc/GMT-14']) {
      expect(ruleIdsOf(checkTimeZone(zone)), zone).toEqual(['time-zone-legacy'])
    }
    expect(checkTimeZone('Etc/GMT+1').warnings?.[0]?.reason).toBe(
      'Unexpected fixed-offset time zone `Etc/GMT+1` (UTC−01:00, note the inverted sign), expected a location such as `Europe/Amsterdam`'
    )
    // Zero offsets are a deliberate UTC.
    for (const zone of ['Etc/GMT', 'GMT0', 'Etc/GMT+0', 'Zulu']) expect(ruleIdsOf(checkTimeZone(zone)), zone).toEqual([])
  })
})

describe('parseDate', () => {
  it('should parse `YYYY-MM-DD`', () => {
    expect(parseDate('2024-12-25')).toEqual({ok: true, value: {text: '2024-12-25', year: 2024, month: 12, day: 25}})
    expect(valueOf(parseDate('2024-02-29')).day).toBe(29)
  })

  it('should refuse dates that do not exist', () => {
    expect(problemOf(parseDate('2024-02-30'))).toEqual({
      ruleId: 'date-invalid',
      reason: 'Unexpected date `2024-02-30` that does not exist, expected a day from 1 to 29 (February 2024 has 29 days)',
      actual: '2024-02-30'
    })
    expect(problemOf(parseDate('2023-02-29')).reason).toContain('February 2023 has 28 days')
    expect(problemOf(parseDate('2024-13-01')).reason).toContain('a month from 01 to 12')
    expect(problemOf(parseDate('2024-04-00')).ruleId).toBe('date-invalid')
  })

  it('should refuse other shapes, and never read a JavaScript Date', () => {
    expect(problemOf(parseDate('2024-12-25T10:00:00+01:00'))).toMatchObject({
      ruleId: 'date-malformed',
      hint: 'A date has no time of day; write `2024-12-25`',
      expected: ['2024-12-25']
    })
    expect(problemOf(parseDate('2024-1-5')).expected).toEqual(['2024-01-05'])
    expect(problemOf(parseDate('25-12-2024')).expected).toBeUndefined()
    expect(problemOf(parseDate(20241225)).ruleId).toBe('date-malformed')
    expect(problemOf(parseDate(new Date(0)))).toEqual({
      ruleId: 'date-malformed',
      reason: 'Unexpected JavaScript `Date`, expected a date such as `2024-12-25`',
      hint: 'A `Date` has lost the offset and the intended day; read front matter with the YAML core schema so dates stay text',
      actual: 'Date'
    })
  })
})

describe('parseInstant', () => {
  const amsterdam = 'Europe/Amsterdam'
  const newYork = 'America/New_York'

  it('should keep an explicit offset as written', () => {
    expect(parseInstant('2024-02-02T16:00:00+01:00', amsterdam)).toEqual({
      ok: true,
      value: {
        text: '2024-02-02T16:00:00+01:00',
        epochNanoseconds: '1706886000000000000',
        epochMilliseconds: 1_706_886_000_000,
        utc: '2024-02-02T15:00:00Z',
        offset: '+01:00',
        zone: amsterdam
      }
    })
    expect(valueOf(parseInstant('2024-02-02 16:00+01:00', amsterdam)).utc).toBe('2024-02-02T15:00:00Z')
    expect(valueOf(parseInstant('2024-02-02T16:00:00Z', amsterdam)).offset).toBe('Z')
    expect(valueOf(parseInstant('2024-02-02t16:00:00z', amsterdam)).offset).toBe('Z')
    // An offset other than the zone's is not a contradiction: it states the instant.
    expect(ruleIdsOf(parseInstant('2024-07-01T12:00:00+05:30', amsterdam))).toEqual([])
  })

  it('should keep nanoseconds exactly', () => {
    const value = valueOf(parseInstant('2024-02-02T16:00:00.123456789Z', amsterdam))
    expect(value.epochNanoseconds).toBe('1706889600123456789')
    expect(value.epochMilliseconds).toBe(1_706_889_600_123)
    expect(value.utc).toBe('2024-02-02T16:00:00.123456789Z')
  })

  it('should read a local time in the zone, recommending an offset', () => {
    expect(parseInstant('2024-02-02T16:00:00', amsterdam)).toEqual({
      ok: true,
      value: {
        text: '2024-02-02T16:00:00',
        epochNanoseconds: '1706886000000000000',
        epochMilliseconds: 1_706_886_000_000,
        utc: '2024-02-02T15:00:00Z',
        offset: undefined,
        zone: amsterdam
      },
      warnings: [
        {
          ruleId: 'instant-without-offset',
          reason: 'Unexpected local time `2024-02-02T16:00:00` without an offset, expected an offset such as `2024-02-02T16:00:00+01:00`',
          hint: "Read in Europe/Amsterdam as `2024-02-02T16:00:00+01:00`; an explicit offset keeps the instant if the SLA's time zone changes and reads the same everywhere",
          actual: '2024-02-02T16:00:00',
          expected: ['2024-02-02T16:00:00+01:00']
        }
      ]
    })
    expect(valueOf(parseInstant('2024-07-04 09:00', newYork)).utc).toBe('2024-07-04T13:00:00Z')
  })

  it('should refuse a local time in the Amsterdam spring-forward gap', () => {
    expect(parseInstant('2024-03-31T02:30', amsterdam)).toEqual({
      ok: false,
      problem: {
        ruleId: 'instant-in-dst-gap',
        reason:
          'Unexpected local time `2024-03-31T02:30` in Europe/Amsterdam, expected a time that exists: the clocks skip it when they go forward (+01:00 → +02:00)',
        hint: "Write the intended instant with an offset, such as `2024-03-31T03:30:00+02:00` (how Temporal's `compatible` rule and most tools read it) or `2024-03-31T01:30:00+01:00`",
        actual: '2024-03-31T02:30',
        expected: ['2024-03-31T03:30:00+02:00', '2024-03-31T01:30:00+01:00']
      }
    })
    // Just outside the gap is fine.
    expect(valueOf(parseInstant('2024-03-31T01:59', amsterdam)).utc).toBe('2024-03-31T00:59:00Z')
    expect(valueOf(parseInstant('2024-03-31T03:00', amsterdam)).utc).toBe('2024-03-31T01:00:00Z')
  })

  it('should read a local time in the Amsterdam fall-back overlap as the earlier instant, with a warning', () => {
    expect(parseInstant('2024-10-27T02:30', amsterdam)).toEqual({
      ok: true,
      value: {
        text: '2024-10-27T02:30',
        epochNanoseconds: '1729989000000000000',
        epochMilliseconds: 1_729_989_000_000,
        utc: '2024-10-27T00:30:00Z',
        offset: undefined,
        zone: amsterdam
      },
      warnings: [
        {
          ruleId: 'instant-ambiguous',
          reason:
            'Unexpected ambiguous local time `2024-10-27T02:30` in Europe/Amsterdam, expected an offset: it occurs twice when the clocks go back (+02:00 and +01:00)',
          hint: 'Read as the earlier `2024-10-27T02:30:00+02:00`; write `2024-10-27T02:30:00+01:00` for the later one',
          actual: '2024-10-27T02:30',
          expected: ['2024-10-27T02:30:00+02:00', '2024-10-27T02:30:00+01:00']
        }
      ]
    })
    // With an offset the later one is meant, without a warning.
    expect(parseInstant('2024-10-27T02:30+01:00', amsterdam)).toMatchObject({ok: true, value: {utc: '2024-10-27T01:30:00Z'}})
    expect(parseInstant('2024-10-27T02:30+01:00', amsterdam).warnings).toBeUndefined()
  })

  it('should handle the New York DST changes', () => {
    expect(problemOf(parseInstant('2024-03-10T02:30', newYork))).toMatchObject({
      ruleId: 'instant-in-dst-gap',
      expected: ['2024-03-10T03:30:00-04:00', '2024-03-10T01:30:00-05:00']
    })
    const overlap = parseInstant('2024-11-03T01:30', newYork)
    expect(valueOf(overlap).utc).toBe('2024-11-03T05:30:00Z')
    expect(ruleIdsOf(overlap)).toEqual(['instant-ambiguous'])
    expect(valueOf(parseInstant('2024-11-03T01:30-05:00', newYork)).utc).toBe('2024-11-03T06:30:00Z')
    // The `00:00-02:30` NY example of sla-domain §6.2: 00:00 exists, 02:30 does not on 10 March.
    expect(valueOf(parseInstant('2024-03-10T00:00', newYork)).utc).toBe('2024-03-10T05:00:00Z')
  })

  it('should read a date alone as the start of that day in the zone', () => {
    expect(parseInstant('2024-12-25', amsterdam)).toEqual({
      ok: true,
      value: {
        text: '2024-12-25',
        epochNanoseconds: '1735081200000000000',
        epochMilliseconds: 1_735_081_200_000,
        utc: '2024-12-24T23:00:00Z',
        offset: undefined,
        zone: amsterdam
      }
    })
    // In Santiago 2024-09-08 starts at 01:00 (the clocks skip midnight).
    expect(valueOf(parseInstant('2024-09-08', 'America/Santiago')).utc).toBe('2024-09-08T04:00:00Z')
  })

  it('should refuse instants that do not exist', () => {
    expect(problemOf(parseInstant('2024-02-30T10:00Z', amsterdam))).toMatchObject({
      ruleId: 'instant-invalid',
      reason: 'Unexpected date `2024-02-30T10:00Z` that does not exist, expected a day from 1 to 29 (February 2024 has 29 days)'
    })
    expect(problemOf(parseInstant('2024-02-02T24:00Z', amsterdam))).toMatchObject({
      ruleId: 'instant-invalid',
      hint: 'Write midnight at the end of a day as `00:00` on the next day'
    })
    expect(problemOf(parseInstant('2024-06-30T23:59:60Z', amsterdam)).hint).toBe('Leap seconds are not supported; write `59` seconds')
    expect(problemOf(parseInstant('2024-02-02T16:00+24:00', amsterdam)).ruleId).toBe('instant-invalid')
  })

  it('should refuse malformed instants with near-miss suggestions', () => {
    const cases: Array<[unknown, string | undefined]> = [
      ['2024-02-02T16:00:00+0100', '2024-02-02T16:00:00+01:00'],
      ['2024-02-02T16:00:00+01', '2024-02-02T16:00:00+01:00'],
      ['2024-02-02T16:00:00 +01:00', '2024-02-02T16:00:00+01:00'],
      ['2024-02-02 16:00:00 UTC', '2024-02-02 16:00:00Z'],
      ['2024-2-2T9:00Z', '2024-02-02T09:00Z'],
      [' 2024-02-02T16:00Z ', '2024-02-02T16:00Z'],
      ['yesterday', undefined],
      ['2024-02-02T16', undefined],
      [1_706_886_000, undefined],
      [new Date(0), undefined]
    ]
    for (const [input, suggestion] of cases) {
      const found = problemOf(parseInstant(input, amsterdam))
      expect(found.ruleId, String(input)).toBe('instant-malformed')
      expect(found.expected, String(input)).toEqual(suggestion === undefined ? undefined : [suggestion])
    }
  })

  it('should need a valid zone only for values without an offset', () => {
    expect(problemOf(parseInstant('2024-02-02T16:00', 'Mars/Olympus'))).toEqual({
      ruleId: 'time-zone-unknown',
      reason: 'Unexpected time zone `Mars/Olympus` for reading `2024-02-02T16:00`, expected an IANA time-zone name',
      hint: 'Fix the time zone of the SLA or calendar, or write the value with an offset',
      actual: 'Mars/Olympus'
    })
    expect(problemOf(parseInstant('2024-02-02', 'Mars/Olympus')).ruleId).toBe('time-zone-unknown')
    expect(valueOf(parseInstant('2024-02-02T16:00Z', 'Mars/Olympus')).utc).toBe('2024-02-02T16:00:00Z')
  })

  it('should keep the offset text and match `Temporal.Instant.from` for generated instants with offsets', () => {
    const two = (value: number) => String(value).padStart(2, '0')
    const instant = fc.record({
      year: fc.integer({min: 1, max: 9999}),
      month: fc.integer({min: 1, max: 12}),
      day: fc.integer({min: 1, max: 31}),
      hour: fc.integer({min: 0, max: 23}),
      minute: fc.integer({min: 0, max: 59}),
      second: fc.option(fc.integer({min: 0, max: 59})),
      fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
      separator: fc.constantFrom('T', ' ', 't'),
      offset: fc.oneof(
        fc.constantFrom('Z', 'z', '-00:00'),
        fc.tuple(fc.constantFrom('+', '-'), fc.integer({min: 0, max: 14}), fc.constantFrom(0, 15, 30, 45)).map(
          ([sign, hours, minutes]) => `${sign}${two(hours)}:${two(minutes)}`
        )
      ),
      zone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Pacific/Chatham', 'UTC')
    })

    fc.assert(
      fc.property(instant, (parts) => {
        const day = Math.min(parts.day, Temporal.PlainYearMonth.from({year: parts.year, month: parts.month}).daysInMonth)
        const seconds = parts.second === null ? '' : `:${two(parts.second)}${parts.fraction === null ? '' : '.' + parts.fraction}`
        const text = `${String(parts.year).padStart(4, '0')}-${two(parts.month)}-${two(day)}${parts.separator}${two(parts.hour)}:${two(parts.minute)}${seconds}${parts.offset}`
        const result = parseInstant(text, parts.zone)
        const expected = Temporal.Instant.from(text)
        expect(offsetInstantMilliseconds(text)).toBe(expected.epochMilliseconds)
        expect(result).toEqual({
          ok: true,
          value: {
            text,
            epochNanoseconds: expected.epochNanoseconds.toString(),
            epochMilliseconds: expected.epochMilliseconds,
            utc: expected.toString(),
            offset: parts.offset.toUpperCase(),
            zone: parts.zone
          }
        })
      }),
      {numRuns: 500}
    )
  })

  it('should read generated local times as Temporal `compatible` does, refusing exactly the gaps', () => {
    const local = fc.record({
      // Whole days from 2023-01-01 to 2025-12-31, any minute of the day.
      days: fc.integer({min: 0, max: 1095}),
      minute: fc.integer({min: 0, max: 1439}),
      zone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham')
    })
    // Bias towards DST changes: the hours around each transition of each zone in the range.
    const nearTransition = fc
      .record({
        zone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'),
        index: fc.integer({min: 0, max: 5}),
        shift: fc.integer({min: -90, max: 90})
      })
      .map(({zone, index, shift}) => {
        let at = Temporal.ZonedDateTime.from({year: 2023, month: 1, day: 1, timeZone: zone})
        for (let step = 0; step <= index; step++) at = at.getTimeZoneTransition('next') ?? at
        return {zone, wall: at.toPlainDateTime().add({minutes: shift})}
      })

    const check = (zone: string, wall: Temporal.PlainDateTime) => {
      const text = wall.toString({smallestUnit: 'minute'})
      const result = parseInstant(text, zone)
      let exists = true
      let unique = true
      try {
        wall.toZonedDateTime(zone, {disambiguation: 'reject'})
      } catch {
        unique = false
        exists = wall.toZonedDateTime(zone, {disambiguation: 'compatible'}).toPlainDateTime().equals(wall)
      }

      if (!exists) {
        expect(ruleIdsOf(result)).toEqual(['instant-in-dst-gap'])
        return
      }

      const compatible = wall.toZonedDateTime(zone, {disambiguation: 'compatible'})
      expect(valueOf(result).epochNanoseconds).toBe(compatible.epochNanoseconds.toString())
      expect(ruleIdsOf(result)).toEqual([unique ? 'instant-without-offset' : 'instant-ambiguous'])
    }

    fc.assert(
      fc.property(local, ({days, minute, zone}) =>
        check(zone, Temporal.PlainDateTime.from('2023-01-01T00:00').add({days, minutes: minute}))
      ),
      {numRuns: 300}
    )
    fc.assert(
      fc.property(nearTransition, ({zone, wall}) => check(zone, wall)),
      {numRuns: 300}
    )
  })
})

describe('checkSlaId', () => {
  it('should accept RFC 1123 labels', () => {
    expect(checkSlaId('acme-care-2024')).toEqual({ok: true, value: 'acme-care-2024'})
    expect(checkSlaId('a')).toEqual({ok: true, value: 'a'})
    expect(checkSlaId('a'.repeat(63)).ok).toBe(true)
  })

  it('should refuse other ids, suggesting the slug', () => {
    expect(checkSlaId('Acme Care 2024')).toEqual({
      ok: false,
      problem: {
        ruleId: 'sla-id-invalid',
        reason:
          'Unexpected id `Acme Care 2024`, expected a lower-case slug of letters, digits and hyphens (RFC 1123 label): only lower-case letters, digits and hyphens',
        hint: 'Did you mean `acme-care-2024`?',
        actual: 'Acme Care 2024',
        expected: ['acme-care-2024']
      }
    })
    expect(problemOf(checkSlaId('Café Noord')).expected).toEqual(['cafe-noord'])
    expect(problemOf(checkSlaId('-acme-')).reason).toContain('no hyphen at the start or end')
    expect(problemOf(checkSlaId('a'.repeat(64)))).toMatchObject({expected: ['a'.repeat(63)]})
    expect(problemOf(checkSlaId(2024))).toMatchObject({hint: 'Quote the number so it stays text: `"2024"`', expected: ['2024']})
    expect(problemOf(checkSlaId(''))).toMatchObject({reason: expect.stringMatching(/^Unexpected empty id/)})
    expect(problemOf(checkSlaId('---')).expected).toBeUndefined()
    expect(problemOf(checkSlaId(null)).ruleId).toBe('sla-id-invalid')
  })
})

describe('valueRules', () => {
  it('should trigger every rule id, with the severity the table gives', () => {
    const triggers: Array<[ValueRuleId, ValueResult<unknown>]> = [
      ['duration-malformed', parseDuration('soon')],
      ['duration-unitless', parseDuration(4)],
      ['duration-days-on-business-calendar', parseDuration('2d', {calendar: 'business'})],
      ['duration-business-days-for-availability', parseDuration('1bd', {use: 'availability'})],
      ['duration-not-positive', parseDuration('0m')],
      ['duration-spelled-out', parseDuration('4 hours')],
      ['goal-wording-mismatch', parseDuration('4 business hours', {calendar: '24x7'})],
      ['percent-malformed', parsePercent('high')],
      ['percent-out-of-range', parsePercent('101%')],
      ['percent-fraction', parsePercent(0.999, {kind: 'objective'})],
      ['percent-fraction-ambiguous', parsePercent(0.5, {kind: 'cap'})],
      ['percent-too-precise', parsePercent('99.12345678%')],
      ['objective-malformed', parseObjective('=> 80%')],
      ['objective-comparator-missing', parseObjective('4h')],
      ['hours-malformed', parseWorkingHours({})],
      ['hours-day-unknown', parseWorkingHours({moon: '09:00-17:00'})],
      ['hours-range-malformed', parseWorkingHours({mon: '9-5'})],
      ['hours-range-reversed', parseWorkingHours({sun: '22:00-06:00'})],
      ['hours-overlap', parseWorkingHours({'mon-fri': '09:00-17:00', fri: '12:00-18:00'})],
      ['calendar-malformed', parseCalendarShape('always')],
      ['time-zone-unknown', checkTimeZone('Europe/Amsterdm')],
      ['time-zone-legacy', checkTimeZone('EST5EDT')],
      ['date-malformed', parseDate('25/12/2024')],
      ['date-invalid', parseDate('2024-02-30')],
      ['instant-malformed', parseInstant('now', 'UTC')],
      ['instant-invalid', parseInstant('2024-02-30T10:00Z', 'UTC')],
      ['instant-in-dst-gap', parseInstant('2024-03-31T02:30', 'Europe/Amsterdam')],
      ['instant-ambiguous', parseInstant('2024-10-27T02:30', 'Europe/Amsterdam')],
      ['instant-without-offset', parseInstant('2024-02-02T16:00', 'Europe/Amsterdam')],
      ['sla-id-invalid', checkSlaId('Acme Care')]
    ]

    for (const [ruleId, result] of triggers) {
      expect(ruleIdsOf(result), ruleId).toEqual([ruleId])
      expect(result.ok, ruleId).toBe(valueRules[ruleId].severity === 'warning')
    }

    expect(triggers.map(([ruleId]) => ruleId).sort()).toEqual(Object.keys(valueRules).sort())
  })

  it('should have kebab-case ids, one-line descriptions and "Unexpected …, expected …" reasons', () => {
    for (const [ruleId, rule] of Object.entries(valueRules)) {
      expect(ruleId).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(rule.description).not.toContain('\n')
      expect(rule.description).toMatch(/\.$/)
    }

    const samples = [parseDuration('x'), parsePercent('x'), parseObjective('x'), parseWorkingHours('x'), checkTimeZone('x'), parseDate('x'), parseInstant('x', 'UTC'), checkSlaId('X')]
    for (const result of samples) expect(problemOf(result).reason).toMatch(/^Unexpected .+, expected /)
  })
})

describe('independence from the host', () => {
  it('should not use JavaScript `Date` for time maths', () => {
    const folder = new URL('../src/schema/values/', import.meta.url)
    for (const name of readdirSync(folder)) {
      const source = readFileSync(new URL(name, folder), 'utf8')
      expect(source, name).not.toMatch(/new Date\(|Date\.(?:now|parse|UTC)\(|\.getTimezoneOffset\(/)
    }
  })

  it('should give the same results whatever `TZ` the process has', () => {
    // The suite runs twice (`TZ=Pacific/Chatham` and the default); this pins the values it must agree on.
    expect(valueOf(parseInstant('2024-07-01T09:00', 'Europe/Amsterdam')).utc).toBe('2024-07-01T07:00:00Z')
    expect(valueOf(parseInstant('2024-12-25', 'America/New_York')).utc).toBe('2024-12-25T05:00:00Z')
  })
})
