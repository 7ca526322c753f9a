/**
 * How the engine reads instants: a character-by-character fast path for
 * texts with an offset (`offsetInstantMilliseconds`), which must accept
 * exactly what `parseInstant` accepts with an offset and give the same
 * milliseconds, and `instantAt`, which falls back to `parseInstant` for the
 * rest.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {EngineInputError, instantAt} from '../src/engine/input.js'
import {offsetInstantMilliseconds, parseInstant} from '../src/schema/values/index.js'

const two = (value: number) => String(value).padStart(2, '0')

/** Usually a right part, sometimes one that breaks a rule. */
const mostly = (right: fc.Arbitrary<string>, wrong: fc.Arbitrary<string>) => fc.oneof({arbitrary: right, weight: 15}, {arbitrary: wrong, weight: 1})

/**
 * Texts on and around the instant grammar: each part is usually right and
 * sometimes off by one rule (a digit short, a value out of range, the wrong
 * separator), so the texts sit on both sides of the edge of what is accepted.
 */
const nearInstant = fc
  .record({
    year: mostly(fc.integer({min: 0, max: 9999}).map((year) => String(year).padStart(4, '0')), fc.constantFrom('202', '20245', '2O24')),
    month: mostly(fc.integer({min: 1, max: 12}).map(two), fc.constantFrom('00', '13', '1', '001')),
    day: mostly(fc.integer({min: 1, max: 31}).map(two), fc.constantFrom('00', '32', '7', '')),
    separator: mostly(fc.constantFrom('T', 't', ' '), fc.constantFrom('x', '', '_')),
    hour: mostly(fc.integer({min: 0, max: 23}).map(two), fc.constantFrom('24', '9', '')),
    minute: mostly(fc.integer({min: 0, max: 59}).map(two), fc.constantFrom('60', '5')),
    seconds: fc.oneof(
      fc.constant(''),
      fc.tuple(mostly(fc.integer({min: 0, max: 59}).map(two), fc.constantFrom('60', '5', '5a')), fc.option(mostly(fc.stringMatching(/^\d{1,9}$/), fc.constantFrom('', '1234567890')))).map(
        ([second, fraction]) => `:${second}${fraction === null ? '' : '.' + fraction}`
      )
    ),
    offset: mostly(
      fc.oneof(
        fc.constantFrom('Z', 'z', '-00:00', '+00:00'),
        fc.tuple(fc.constantFrom('+', '-'), fc.integer({min: 0, max: 23}), fc.integer({min: 0, max: 59})).map(([sign, hours, minutes]) => `${sign}${two(hours)}:${two(minutes)}`)
      ),
      fc.constantFrom('', 'UTC', '+0100', '+01', '+1:00', '+24:00', '-01:60', '+01:00Z')
    ),
    tail: mostly(fc.constant(''), fc.constantFrom(' ', '\n', 'x'))
  })
  .map(({year, month, day, separator, hour, minute, seconds, offset, tail}) => `${year}-${month}-${day}${separator}${hour}:${minute}${seconds}${offset}${tail}`)

describe('offsetInstantMilliseconds', () => {
  it('accepts exactly the texts with a time and an offset that parseInstant accepts, with the same milliseconds', () => {
    fc.assert(
      fc.property(fc.oneof(nearInstant, fc.string({maxLength: 30})), (text) => {
        const parsed = parseInstant(text, 'UTC')
        const expected = parsed.ok && parsed.value.offset !== undefined ? parsed.value.epochMilliseconds : undefined
        expect(offsetInstantMilliseconds(text)).toBe(expected)
      }),
      {numRuns: 5000}
    )
  })

  it('reads the edges by hand', () => {
    expect(offsetInstantMilliseconds('2024-02-29T23:59:59.9999+14:00')).toBe(Date.UTC(2024, 1, 29, 9, 59, 59, 999))
    // Year 0 (1 BC in the proleptic Gregorian calendar), 719,528 days before 1970.
    expect(offsetInstantMilliseconds('0000-01-01t00:00z')).toBe(-719_528 * 86_400_000)
    expect(offsetInstantMilliseconds('2024-06-01 10:00:00-00:00')).toBe(Date.UTC(2024, 5, 1, 10))
    // Not instants with an offset: no offset, a date alone, a day that does not exist, a leap second, a bare fraction.
    for (const text of ['2024-06-01T10:00:00', '2024-06-01', '2023-02-29T10:00Z', '2024-06-30T23:59:60Z', '2024-06-01T10:00.5Z', '2024-06-01T10:00:00.Z']) {
      expect(offsetInstantMilliseconds(text), text).toBeUndefined()
    }
  })
})

describe('instantAt', () => {
  it('gives parseInstant’s milliseconds for any text it accepts, with or without an offset', () => {
    fc.assert(
      fc.property(nearInstant, fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata'), (text, zone) => {
        const parsed = parseInstant(text, zone)
        if (parsed.ok) expect(instantAt(text, zone, ['at'])).toBe(parsed.value.epochMilliseconds)
        else expect(() => instantAt(text, zone, ['at'])).toThrow(new EngineInputError(parsed.problem.reason, ['at']))
      }),
      {numRuns: 2000}
    )
  })
})
