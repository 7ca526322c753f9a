import {Temporal} from 'temporal-polyfill'
import {daysInMonth, epochDays, epochMillisecondsAt} from '../../util/civil.js'
import {actualText, describe, failure, problem, success, type ValueProblem, type ValueResult} from './result.js'
import {checkTimeZone} from './zone.js'

/**
 * A calendar date without time or zone (a holiday, a term boundary, a
 * milestone start), as written.
 */
export interface DateValue {
  /** `YYYY-MM-DD`, as written. */
  text: string
  year: number
  /** 1–12. */
  month: number
  /** 1–31. */
  day: number
}

/**
 * A point in time, plain and JSON-safe (no `Date`, no bigint): the epoch in
 * exact nanoseconds as decimal text, and in milliseconds for convenience.
 */
export interface InstantValue {
  /** The value as written. */
  text: string
  /** Exact nanoseconds since 1970-01-01T00:00Z, as a decimal integer (`BigInt(value)` gives it back). */
  epochNanoseconds: string
  /** Milliseconds since the epoch, rounded down (sub-millisecond digits are kept only in `epochNanoseconds`). */
  epochMilliseconds: number
  /** The instant in UTC, ISO 8601 (`2024-10-27T00:30:00Z`). */
  utc: string
  /**
   * The offset as written (`Z`, `+02:00`, also `-00:00`), so the page can
   * show the time the way the author wrote it; `undefined` when the value
   * had no offset and was read in `zone`.
   */
  offset: string | undefined
  /** The zone the value was read in when it had no offset (passed through otherwise). */
  zone: string
}

const dateShape = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Date, optional time (`T`, `t` or a space before it; seconds and up to nine
 * fraction digits optional), optional offset (`Z` or `±HH:MM`, only after a
 * time). RFC 3339 with the relaxations YAML and TOML timestamps allow.
 */
const instantShape =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:\d{2})?)?$/

const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December'
]

/**
 * Parse a date, `YYYY-MM-DD` only (sla-domain §5.2). YAML's core schema and
 * our TOML reader both hand dates over as this text. A JavaScript `Date` is
 * refused rather than read: a YAML 1.1 reader made it at UTC midnight,
 * which is the previous day in the Americas.
 *
 * @param input
 *   The value as read from front matter.
 */
export function parseDate(input: unknown): ValueResult<DateValue> {
  if (typeof input !== 'string') return failure(notText(input, 'date-malformed', 'a date such as `2024-12-25`'))

  const match = dateShape.exec(input)
  if (!match) {
    const time = /^(\d{4}-\d{2}-\d{2})[Tt ]/.exec(input.trim())
    const suggestion = time ? time[1] : repairDate(input)
    return failure(
      problem('date-malformed', {
        reason: `Unexpected ${describe(input)}, expected a date \`YYYY-MM-DD\` such as \`2024-12-25\``,
        hint: time
          ? `A date has no time of day; write \`${suggestion}\``
          : suggestion
            ? `Did you mean \`${suggestion}\`?`
            : 'Write year, month and day with four, two and two digits, in that order',
        actual: input,
        ...(suggestion ? {expected: [suggestion]} : {})
      })
    )
  }

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const invalid = checkDate(input, year, month, day, 'date-invalid')
  if (invalid) return failure(invalid)
  return success({text: input, year, month, day})
}

/**
 * Parse an instant (sla-domain §5.2, §5.3 error 6 and warning 2), never
 * through JavaScript `Date`:
 *
 * - With an offset (`2024-02-02T16:00:00+01:00`, `…Z`, a space instead of
 *   `T`, seconds and fraction optional): exactly that instant; the offset is
 *   kept as written. An offset that differs from `zone`'s is fine: it
 *   states the instant unambiguously.
 * - A local date-time without offset: read in `zone` with Temporal's
 *   `compatible` rule. In a DST gap the time does not exist: an error (the
 *   author wrote a time no clock showed). In a fall-back overlap: the earlier
 *   instant, with an `instant-ambiguous` warning. Otherwise an
 *   `instant-without-offset` warning recommending the offset (only one of the
 *   two warnings: the ambiguous one already says to write an offset).
 * - A date alone (`2024-06-10`): the start of that day in `zone` (usually
 *   00:00, later on days that start in a DST gap), without a warning: a date
 *   is a deliberate whole-day value.
 *
 * `zone` is only needed (and only checked) for the last two forms; when it
 * is not a valid zone those forms fail with `time-zone-unknown`.
 *
 * @param input
 *   The value as read from front matter.
 * @param zone
 *   IANA zone for values without an offset (the calendar's or the SLA's).
 */
export function parseInstant(input: unknown, zone: string): ValueResult<InstantValue> {
  const example = 'an instant such as `2024-02-02T16:00:00+01:00`'
  if (typeof input !== 'string') return failure(notText(input, 'instant-malformed', example))

  const match = instantShape.exec(input)
  if (!match) {
    const suggestion = repairInstant(input)
    return failure(
      problem('instant-malformed', {
        reason: `Unexpected ${describe(input)}, expected ${example}`,
        hint: suggestion
          ? `Did you mean \`${suggestion}\`?`
          : 'Write `YYYY-MM-DDTHH:MM:SS` and an offset (`Z` or `±HH:MM`); seconds may be left out',
        actual: input,
        ...(suggestion ? {expected: [suggestion]} : {})
      })
    )
  }

  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, offsetText] = match
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)]
  const invalidDate = checkDate(input, year, month, day, 'instant-invalid')
  if (invalidDate) return failure(invalidDate)

  if (hourText === undefined) {
    const reading = readableZone(input, zone)
    if (reading) return failure(reading)
    const start = new Temporal.PlainDate(year, month, day).toZonedDateTime({timeZone: zone})
    return success(instantValue(input, start.toInstant(), undefined, zone))
  }

  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText ?? 0)]
  if (hour > 23 || minute > 59 || second > 59) {
    return failure(
      problem('instant-invalid', {
        reason: `Unexpected time ${describe(input)} that does not exist, expected hours 00–23, minutes and seconds 00–59`,
        hint:
          hour === 24
            ? 'Write midnight at the end of a day as `00:00` on the next day'
            : second === 60
              ? 'Leap seconds are not supported; write `59` seconds'
              : 'Check the time of day',
        actual: input
      })
    )
  }

  const nanos = (fractionText ?? '').padEnd(9, '0')
  const millisecond = Number(nanos.slice(0, 3))
  const belowMillisecond = Number(nanos.slice(3, 9))

  if (offsetText !== undefined) {
    const offset = offsetText.toUpperCase()
    const offsetHours = offset === 'Z' ? 0 : Number(offset.slice(1, 3))
    const offsetMinutes = offset === 'Z' ? 0 : Number(offset.slice(4, 6))
    if (offsetHours > 23 || offsetMinutes > 59) {
      return failure(
        problem('instant-invalid', {
          reason: `Unexpected offset \`${offset}\` in ${describe(input)}, expected an offset between \`-23:59\` and \`+23:59\``,
          hint: 'Real offsets lie between `-12:00` and `+14:00`',
          actual: input
        })
      )
    }

    // A fixed offset needs no zone rules, so plain arithmetic gives the exact
    // instant (most values in a ticket log are written this way, and Temporal
    // is the slow part of validation). `-00:00` (RFC 3339: offset unknown) is UTC.
    const signedOffset = signedOffsetMinutes(offset)
    const epochMilliseconds = epochMillisecondsAt({year, month, day, hour, minute, second, millisecond, offsetMinutes: signedOffset})
    const epochNanoseconds = BigInt(epochMilliseconds) * 1_000_000n + BigInt(belowMillisecond)
    return success(instantValue(input, epochNanoseconds, offset, zone))
  }

  const [microsecond, nanosecond] = [Math.floor(belowMillisecond / 1000), belowMillisecond % 1000]
  const local = new Temporal.PlainDateTime(year, month, day, hour, minute, second, millisecond, microsecond, nanosecond)

  const reading = readableZone(input, zone)
  if (reading) return failure(reading)

  const earlier = local.toZonedDateTime(zone, {disambiguation: 'earlier'})
  const later = local.toZonedDateTime(zone, {disambiguation: 'later'})
  const stamp = (value: Temporal.ZonedDateTime): string => value.toString({timeZoneName: 'never'})

  if (earlier.epochNanoseconds === later.epochNanoseconds) {
    return success(instantValue(input, earlier.toInstant(), undefined, zone), [
      problem('instant-without-offset', {
        reason: `Unexpected local time ${describe(input)} without an offset, expected an offset such as \`${stamp(earlier)}\``,
        hint: `Read in ${zone} as \`${stamp(earlier)}\`; an explicit offset keeps the instant if the SLA's time zone changes and reads the same everywhere`,
        actual: input,
        expected: [stamp(earlier)]
      })
    ])
  }

  // In a gap both readings move off the written wall time; in an overlap both keep it.
  if (!earlier.toPlainDateTime().equals(local)) {
    return failure(
      problem('instant-in-dst-gap', {
        reason: `Unexpected local time ${describe(input)} in ${zone}, expected a time that exists: the clocks skip it when they go forward (${earlier.offset} → ${later.offset})`,
        hint: `Write the intended instant with an offset, such as \`${stamp(later)}\` (how Temporal's \`compatible\` rule and most tools read it) or \`${stamp(earlier)}\``,
        actual: input,
        expected: [stamp(later), stamp(earlier)]
      })
    )
  }

  return success(instantValue(input, earlier.toInstant(), undefined, zone), [
    problem('instant-ambiguous', {
      reason: `Unexpected ambiguous local time ${describe(input)} in ${zone}, expected an offset: it occurs twice when the clocks go back (${earlier.offset} and ${later.offset})`,
      hint: `Read as the earlier \`${stamp(earlier)}\`; write \`${stamp(later)}\` for the later one`,
      actual: input,
      expected: [stamp(earlier), stamp(later)]
    })
  ])
}

/**
 * Epoch milliseconds of a valid instant written with an offset, without
 * building an {@link InstantValue} (the engine reads many and needs only the
 * number); `undefined` for anything else, valid or not, which
 * {@link parseInstant} then reads or explains. Digits below the millisecond
 * are cut, as `epochMilliseconds` does. It accepts exactly the texts with a
 * time and an offset that {@link parseInstant} accepts, reading them
 * character by character: a ticket log has hundreds of thousands of these,
 * and a regular expression's match and substrings are garbage for each.
 *
 * @param input
 *   The value as written.
 */
export function offsetInstantMilliseconds(input: string): number | undefined {
  // `YYYY-MM-DDTHH:MM` and `Z` is the shortest form.
  const length = input.length
  if (length < 17) return undefined
  const year = digitsAt(input, 0, 4)
  const month = digitsAt(input, 5, 2)
  const day = digitsAt(input, 8, 2)
  const hour = digitsAt(input, 11, 2)
  const minute = digitsAt(input, 14, 2)
  const separator = input.charCodeAt(10)
  if (
    year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 ||
    input.charCodeAt(4) !== dash || input.charCodeAt(7) !== dash || input.charCodeAt(13) !== colon ||
    (separator !== upperT && separator !== lowerT && separator !== space)
  ) {
    return undefined
  }

  let position = 16
  let second = 0
  let millisecond = 0
  if (input.charCodeAt(position) === colon) {
    second = digitsAt(input, position + 1, 2)
    if (second < 0) return undefined
    position += 3
    if (input.charCodeAt(position) === dot) {
      const fractionStart = ++position
      while (position < length && isDigit(input.charCodeAt(position))) position++
      const fractionLength = position - fractionStart
      if (fractionLength < 1 || fractionLength > 9) return undefined
      // The first three digits, as if padded with zeros.
      for (let place = 0; place < 3; place++) {
        millisecond = millisecond * 10 + (place < fractionLength ? input.charCodeAt(fractionStart + place) - zero : 0)
      }
    }
  }

  let offsetMinutes = 0
  const sign = input.charCodeAt(position)
  if (sign === upperZ || sign === lowerZ) {
    if (position + 1 !== length) return undefined
  } else {
    if ((sign !== plus && sign !== dash) || position + 6 !== length || input.charCodeAt(position + 3) !== colon) return undefined
    const offsetHours = digitsAt(input, position + 1, 2)
    const offsetRest = digitsAt(input, position + 4, 2)
    if (offsetHours < 0 || offsetRest < 0 || offsetHours > 23 || offsetRest > 59) return undefined
    // `-00:00` (RFC 3339: offset unknown) is UTC, as in `parseInstant`.
    offsetMinutes = (sign === dash ? -1 : 1) * (offsetHours * 60 + offsetRest)
  }

  if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined
  // `epochMillisecondsAt` without its fields object, which is garbage for every value.
  return epochDays(year, month, day) * millisecondsPerDay + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millisecond
}

const millisecondsPerDay = 86_400_000

const zero = 48
const dash = 45
const plus = 43
const colon = 58
const dot = 46
const space = 32
const upperT = 84
const lowerT = 116
const upperZ = 90
const lowerZ = 122

function isDigit(code: number): boolean {
  return code >= zero && code <= zero + 9
}

/** The number `count` ASCII digits at `start` stand for, or -1 when one of them is not a digit (or missing). */
function digitsAt(input: string, start: number, count: number): number {
  let value = 0
  for (let index = start; index < start + count; index++) {
    const code = input.charCodeAt(index)
    if (!isDigit(code)) return -1
    value = value * 10 + code - zero
  }

  return value
}

/** Minutes east of UTC of a written offset (`Z`, `+01:00`, `-05:30`, `-00:00`). */
function signedOffsetMinutes(offset: string): number {
  if (offset === 'Z') return 0
  return (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
}

function instantValue(
  text: string,
  instant: Temporal.Instant | bigint,
  offset: string | undefined,
  zone: string
): InstantValue {
  const nanoseconds = typeof instant === 'bigint' ? instant : instant.epochNanoseconds
  const value = {
    text,
    epochNanoseconds: nanoseconds.toString(),
    // Floor division: before 1970 "rounded down" is away from zero.
    epochMilliseconds: Number(nanoseconds / 1_000_000n - (nanoseconds % 1_000_000n < 0n ? 1n : 0n)),
    offset,
    zone
  } as InstantValue
  // Formatting is the slowest part of reading an instant and few callers need
  // it: compute `utc` on first use (still an enumerable field for JSON and tests).
  let utc: string | undefined
  Object.defineProperty(value, 'utc', {
    enumerable: true,
    get: () =>
      (utc ??= (typeof instant === 'bigint' ? Temporal.Instant.fromEpochNanoseconds(instant) : instant).toString())
  })
  return value
}

/** A problem when `zone` cannot be used to read `input`. */
function readableZone(input: string, zone: string): ValueProblem | undefined {
  if (checkTimeZone(zone).ok) return undefined
  return problem('time-zone-unknown', {
    reason: `Unexpected time zone \`${zone}\` for reading ${describe(input)}, expected an IANA time-zone name`,
    hint: 'Fix the time zone of the SLA or calendar, or write the value with an offset',
    actual: zone
  })
}

/** A problem when year-month-day does not exist (`2024-02-30`, month `13`). */
function checkDate(
  input: string,
  year: number,
  month: number,
  day: number,
  ruleId: 'date-invalid' | 'instant-invalid'
): ValueProblem | undefined {
  const length = daysInMonth(year, month)
  if (day >= 1 && day <= length) return undefined
  return problem(ruleId, {
    reason: `Unexpected date ${describe(input)} that does not exist, expected ${
      length > 0 ? `a day from 1 to ${length} (${monthNames[month - 1]} ${year} has ${length} days)` : 'a month from 01 to 12'
    }`,
    actual: input
  })
}

function notText(input: unknown, ruleId: 'date-malformed' | 'instant-malformed', expected: string): ValueProblem {
  return problem(ruleId, {
    reason: `Unexpected ${describe(input)}, expected ${expected}`,
    hint:
      input instanceof Date
        ? 'A `Date` has lost the offset and the intended day; read front matter with the YAML core schema so dates stay text'
        : `Write the ${ruleId === 'date-malformed' ? 'date' : 'instant'} as text`,
    actual: actualText(input)
  })
}

/** `2024-1-5` → `2024-01-05`. */
function repairDate(input: string): string | undefined {
  const match = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(input)
  if (!match) return undefined
  const fixed = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`
  return fixed !== input && parseDate(fixed).ok ? fixed : undefined
}

/**
 * Near-misses of an instant: surrounding spaces, a space before the offset,
 * `+0200` or `+02` for `+02:00`, `UTC` for `Z`, a one-digit hour.
 */
function repairInstant(input: string): string | undefined {
  const fixed = input
    .trim()
    .replace(/^(\d{4})-(\d{1,2})-(\d{1,2})/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`)
    .replace(/([Tt ])(\d):/, (_, separator: string, hour: string) => `${separator}0${hour}:`)
    .replace(/(:\d{2}(?:\.\d+)?)\s*(?:Z|UTC|GMT)$/i, '$1Z')
    .replace(/(:\d{2}(?:\.\d+)?)\s*([+-])(\d{2}):?(\d{2})?$/, (_, time: string, sign: string, hours: string, minutes: string | undefined) =>
      `${time}${sign}${hours}:${minutes ?? '00'}`
    )
  return fixed !== input && instantShape.test(fixed) ? fixed : undefined
}
