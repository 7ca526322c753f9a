import {actualText, describe, failure, orList, problem, success, type ValueProblem, type ValueResult} from './result.js'

/**
 * A parsed duration. The three kinds stay apart because they do different
 * arithmetic (sla-domain §4.1, S4): elapsed minutes are counted on the
 * calendar, business days are date arithmetic due at close of business, and
 * calendar days keep the wall-clock time (Temporal `add({days})`).
 */
export type DurationValue =
  | {kind: 'elapsed'; minutes: number}
  | {kind: 'business-days'; days: number}
  | {kind: 'calendar-days'; days: number}

/** Where a duration is used; decides which units are allowed. */
export interface DurationContext {
  /**
   * Kind of calendar the duration is measured on (default: unknown, and then
   * `d` and `w` are accepted; the cross-field check passes it once the
   * calendar is resolved).
   */
  calendar?: 'business' | '24x7' | null | undefined
  /**
   * What the duration is for (default: `goal`). `availability` refuses `bd`,
   * because downtime is measured in elapsed time.
   */
  use?: 'goal' | 'availability' | 'interval' | null | undefined
}

type Unit = 'h' | 'm' | 'bd' | 'd' | 'w'

interface Component {
  amount: number
  unit: Unit
}

/**
 * The accepted shape: one or more `<digits><unit>` with at most one space
 * between components (`1h30m`, `2h 15m`) but none between a number and its
 * unit. Which combinations of units make sense is checked afterwards, so the
 * reason can say what is wrong.
 */
const durationShape = /^\d+(?:bd|h|m|d|w)(?: ?\d+(?:bd|h|m|d|w))*$/
const componentPattern = /(\d+)(bd|h|m|d|w)/g

const minutesPerUnit = {h: 60, m: 1} as const
const daysPerUnit = {w: 7, d: 1} as const

/**
 * Parse a duration such as `4h`, `30m`, `1h30m`, `2h 15m`, `3bd`, `2d` or
 * `1w` (sla-domain §5.2, §5.3 rule 4).
 *
 * `h` and `m` (combinable, hours before minutes) give elapsed working time;
 * `bd` gives business days; `d` and `w` (combinable as `1w2d`) give calendar
 * days and are refused on business calendars. Date-style and elapsed units
 * never mix in one value (`1d12h` is refused): they do different arithmetic.
 * Numbers are whole; a decimal such as `1.5h` is refused with the exact
 * equivalent (`1h30m`) as suggestion.
 *
 * @param input
 *   The value as read from front matter (a string; a YAML number is refused
 *   as unitless).
 * @param context
 *   Calendar kind and use, when known.
 */
export function parseDuration(input: unknown, context: DurationContext = {}): ValueResult<DurationValue> {
  const use = context.use ?? 'goal'

  if (typeof input === 'number') return failure(unitless(input, input, context))
  if (typeof input !== 'string') {
    return failure(
      problem('duration-malformed', {
        reason: `Unexpected ${describe(input)}, expected a duration such as ${orList(examples(context))}`,
        actual: actualText(input),
        expected: examples(context)
      })
    )
  }

  const text = input.trim()
  if (/^[+-]?\d+(?:\.\d+)?$/.test(text)) return failure(unitless(Number(text), input, context))

  const negative = /^-\s*(.*)$/.exec(text)
  if (negative) {
    const positive = parseDuration(negative[1], context)
    return failure(
      problem('duration-not-positive', {
        reason: `Unexpected negative duration ${describe(input)}, expected a positive duration`,
        hint: 'A goal or window is a length of time; write it without a sign',
        actual: input,
        ...(positive.ok ? {expected: [formatDuration(positive.value)]} : {})
      })
    )
  }

  if (!durationShape.test(text)) return spelledOut(input, context) ?? failure(malformed(input, context))

  const components: Component[] = [...text.matchAll(componentPattern)].map((match) => ({
    amount: Number(match[1]),
    unit: match[2] as Unit
  }))
  const units = components.map((component) => component.unit)
  const elapsed = units.every((unit) => unit === 'h' || unit === 'm')
  const calendarDays = units.every((unit) => unit === 'd' || unit === 'w')
  let value: DurationValue

  if (elapsed) {
    const minutes = components.reduce((sum, {amount, unit}) => sum + amount * minutesPerUnit[unit as 'h' | 'm'], 0)
    if (!Number.isSafeInteger(minutes)) return failure(tooLarge(input))
    value = {kind: 'elapsed', minutes}
    // One `h` and then one `m`: anything else (`30m1h`, `1h1h`) has a clearer spelling.
    if (!(units.length === 1 || units.join('') === 'hm')) {
      return failure(order(input, formatDuration(value), 'hours before minutes, each at most once'))
    }
  } else if (calendarDays) {
    const days = components.reduce((sum, {amount, unit}) => sum + amount * daysPerUnit[unit as 'd' | 'w'], 0)
    if (!Number.isSafeInteger(days)) return failure(tooLarge(input))
    value = {kind: 'calendar-days', days}
    if (!(units.length === 1 || units.join('') === 'wd')) {
      return failure(order(input, `${days}d`, 'weeks before days, each at most once'))
    }
  } else if (units.length === 1) {
    // The only single unit left is `bd`.
    const days = components[0].amount
    if (!Number.isSafeInteger(days)) return failure(tooLarge(input))
    value = {kind: 'business-days', days}
  } else {
    return failure(
      problem('duration-malformed', {
        reason: `Unexpected mix of units in ${describe(input)}, expected either elapsed time (\`h\`, \`m\`) or days (\`bd\`, or \`d\`/\`w\`)`,
        hint: 'Days are date arithmetic and hours are elapsed time (sla-domain §4.1), so one value cannot combine them; express it in hours and minutes, or in days',
        actual: input
      })
    )
  }

  const amount = value.kind === 'elapsed' ? value.minutes : value.days
  if (amount === 0) {
    return failure(
      problem('duration-not-positive', {
        reason: `Unexpected zero duration ${describe(input)}, expected a positive duration`,
        hint: 'A goal of zero can never be met; remove the goal instead',
        actual: input
      })
    )
  }

  if (value.kind === 'calendar-days' && context.calendar === 'business') {
    const weeks = units.includes('w')
    const suggestion = `${weeks ? value.days - 2 * Math.floor(value.days / 7) : value.days}bd`
    return failure(
      problem('duration-days-on-business-calendar', {
        reason: `Unexpected calendar ${weeks ? 'weeks' : 'days'} ${describe(input)} on a business calendar, expected business days (\`bd\`) or working time (\`h\`, \`m\`)`,
        hint: `\`${weeks ? 'w' : 'd'}\` is ambiguous on a business calendar: write \`${suggestion}\` for business days (due at close of business${weeks ? ', counting five working days a week' : ''}) or working time such as \`8h\``,
        actual: input,
        expected: [suggestion]
      })
    )
  }

  if (value.kind === 'business-days' && use === 'availability') {
    return failure(
      problem('duration-business-days-for-availability', {
        reason: `Unexpected business days ${describe(input)} for availability, expected elapsed time such as \`5m\` or \`4h\``,
        hint: 'Availability counts real elapsed time around the clock, so business days have no meaning there',
        actual: input
      })
    )
  }

  return success(value)
}

/**
 * Write a duration back in its canonical form: `1h30m`, `45m`, `3bd`, `2d`.
 * Used for suggestions and display; `parseDuration` of the result gives the
 * same value.
 *
 * @param value
 *   A parsed duration.
 */
export function formatDuration(value: DurationValue): string {
  if (value.kind === 'business-days') return `${value.days}bd`
  if (value.kind === 'calendar-days') return `${value.days}d`
  const hours = Math.floor(value.minutes / 60)
  const minutes = value.minutes % 60
  if (hours === 0) return `${minutes}m`
  return minutes === 0 ? `${hours}h` : `${hours}h${minutes}m`
}

/** Example durations that fit the context, for "expected …". */
function examples(context: DurationContext): string[] {
  if (context.use === 'availability') return ['5m', '4h']
  return context.calendar === '24x7' ? ['4h', '1h30m', '2d'] : ['4h', '1h30m', '2bd']
}

function unitless(amount: number, input: string | number, context: DurationContext): ValueProblem {
  const whole = Number.isSafeInteger(amount) && amount > 0
  const units = context.use === 'availability' ? ['m', 'h'] : ['h', context.calendar === '24x7' ? 'd' : 'bd']
  const expected = whole ? units.map((unit) => `${amount}${unit}`) : examples(context)
  return problem('duration-unitless', {
    reason: `Unexpected ${typeof input === 'number' ? '' : 'bare number '}${describe(input)} without a unit, expected a duration such as ${orList(expected)}`,
    hint: 'A bare number does not say whether it counts minutes, hours or days; add a unit',
    actual: String(input),
    expected
  })
}

function order(input: string, suggestion: string, rule: string): ValueProblem {
  return problem('duration-malformed', {
    reason: `Unexpected ${describe(input)}, expected ${rule}, such as \`${suggestion}\``,
    actual: input,
    expected: [suggestion]
  })
}

function tooLarge(input: string): ValueProblem {
  return problem('duration-malformed', {
    reason: `Unexpected duration ${describe(input)}, expected a number small enough to compute with`,
    actual: input
  })
}

function malformed(input: string, context: DurationContext): ValueProblem {
  const suggestion = suggest(input, context)
  return problem('duration-malformed', {
    reason: `Unexpected ${describe(input)}, expected a duration such as ${orList(examples(context))}`,
    hint: suggestion
      ? `Did you mean \`${suggestion}\`?`
      : 'Write whole minutes (`m`), hours (`h`), both (`1h30m`), business days (`bd`), or on 24x7 calendars days (`d`) or weeks (`w`)',
    actual: input,
    expected: suggestion ? [suggestion] : examples(context)
  })
}

/**
 * Guess what a malformed duration meant: spelled-out units (`4 hours`,
 * `2 business days`), upper case, stray spaces, ISO 8601 (`PT4H`) and
 * decimals that are a whole number of minutes (`1.5h` → `1h30m`). Only a
 * guess that is itself valid in the context is offered.
 */
function suggest(input: string, context: DurationContext): string | undefined {
  let text = input.trim().toLowerCase()
  const iso = /^p(?:(\d+)w)?(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?)?$/.exec(text)

  if (iso && text !== 'p' && text !== 'pt') {
    const [, weeks, days, hours, minutes] = iso
    text = [weeks && weeks + 'w', days && days + 'd', hours && hours + 'h', minutes && minutes + 'm'].filter(Boolean).join('')
  } else {
    text = readWords(text.replace(/^\+/, ''))
    // Decimal hours that are whole minutes: `1.5h` is exactly `1h30m`.
    const decimal = /^(\d+)\.(\d+)h$/.exec(text)
    if (decimal) {
      const [, whole, fraction] = decimal as unknown as [string, string, string]
      const scaled = Number(whole + fraction) * 60
      const divisor = 10 ** fraction.length
      text = scaled % divisor === 0 ? formatDuration({kind: 'elapsed', minutes: scaled / divisor}) : ''
    }
  }

  if (text === '' || text === input) return undefined
  const again = parseDuration(text, context)
  return again.ok ? formatDurationLike(text, again.value) : undefined
}

/**
 * Units written as words, in units: `2 business days` → `2bd`, `1 hour and
 * 30 minutes` → `1h30m`. Lower case in, the result unchecked.
 */
function readWords(text: string): string {
  return text
    .replace(word('(?:business|working|work)[ -]?days?|workdays?'), 'bd')
    .replace(word('(?:(?:business|working|work)[ -]?)?(?:hours?|hrs?)'), 'h')
    .replace(word('minutes?|mins?'), 'm')
    .replace(word('days?'), 'd')
    .replace(word('weeks?|wks?'), 'w')
    .replace(word('and'), ' ')
    .replace(/[\s,]+/g, '')
}

/**
 * A duration whose units are words (`4 hours`, `2 business days`) says
 * exactly what it means, so it is read, with a warning that gives the
 * canonical spelling (which `normalized` carries, for the validated data).
 * Wording that contradicts the calendar (`4 business hours` on a 24x7
 * calendar, where every hour counts) gets its own warning (sla-domain §5.3
 * warning 10). `undefined` when the text is not a worded duration or its
 * reading is refused in the context; the caller then reports it malformed.
 */
function spelledOut(input: string, context: DurationContext): ValueResult<DurationValue> | undefined {
  const lower = input.trim().toLowerCase()
  // Words only: ISO 8601, decimals and upper-case units stay mistakes with a suggestion.
  if (!/[a-z]{2}/.test(lower) || /^p/.test(lower) || /\./.test(lower)) return undefined
  const canonical = readWords(lower)
  if (canonical === lower || !durationShape.test(canonical)) return undefined
  const reading = parseDuration(canonical, context)
  if (!reading.ok) return undefined

  const normalized = formatDurationLike(canonical, reading.value)
  const business = /\b(?:business|working|work)|workdays?\b/.test(lower)
  const warning =
    business && context.calendar === '24x7' && (context.use ?? 'goal') === 'goal'
      ? problem('goal-wording-mismatch', {
          reason: `Unexpected business wording ${describe(input)} on a 24x7 calendar, expected a goal that counts every hour such as \`${normalized}\``,
          hint: `On a 24x7 calendar \`${normalized}\` counts around the clock; write \`${normalized}\` if that is meant, or measure the goal on a business calendar (\`calendar\` or \`goalCalendars\`)`,
          actual: input,
          expected: [normalized],
          normalized
        })
      : problem('duration-spelled-out', {
          reason: `Unexpected duration in words ${describe(input)}, expected \`${normalized}\``,
          hint: `Read as \`${normalized}\`; the short form is what editors complete and check`,
          actual: input,
          expected: [normalized],
          normalized
        })
  return success(reading.value, [...(reading.warnings ?? []), warning])
}

/** A whole word (letters on neither side; digits may touch it, as in `4hours`). */
function word(pattern: string): RegExp {
  return new RegExp(`(?<![a-z])(?:${pattern})(?![a-z])`, 'g')
}

/** Keep a combination the author chose (`1w2d`) when it is already canonical-looking. */
function formatDurationLike(text: string, value: DurationValue): string {
  return value.kind === 'calendar-days' ? text : formatDuration(value)
}
