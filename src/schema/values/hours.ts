import {didYouMean} from '../../util/did-you-mean.js'
import {actualText, describe, failure, problem, success, type ValueProblem, type ValueResult} from './result.js'
import {checkTimeZone} from './zone.js'

/** ISO weekday: 1 is Monday, 7 is Sunday (as Temporal's `dayOfWeek`). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

/**
 * A wall-clock range on one day, in minutes since local midnight; `end` is
 * exclusive and may be 1440 (`24:00`). Wall-clock, not elapsed: on a DST day
 * the engine turns each end into an instant (sla-domain §5.2, S2).
 */
export interface TimeRange {
  start: number
  end: number
}

/** Working hours per ISO weekday, each list sorted by start; a day without hours has an empty list. */
export type WeekHours = Record<IsoWeekday, TimeRange[]>

/** A parsed `calendars.<name>` value. */
export type CalendarShape =
  | {kind: '24x7'; timeZone?: string}
  | {kind: 'hours'; hours: WeekHours; timeZone?: string}

const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
const dayTitles = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
const weekdays: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7]

/** Keys people write for a set of days; suggested as the key that means the same. */
const dayAliases: Record<string, string> = {
  weekdays: 'mon-fri',
  weekday: 'mon-fri',
  workdays: 'mon-fri',
  workday: 'mon-fri',
  'business-days': 'mon-fri',
  weekend: 'sat-sun',
  weekends: 'sat-sun',
  everyday: 'daily',
  'every-day': 'daily',
  all: 'daily',
  monday: 'mon',
  tuesday: 'tue',
  wednesday: 'wed',
  thursday: 'thu',
  friday: 'fri',
  saturday: 'sat',
  sunday: 'sun'
}

const rangeShape = /^(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/

interface Placed extends TimeRange {
  /** The key the range was written under. */
  key: string
  /** The range as written. */
  text: string
  /** Where the range is, relative to the hours mapping. */
  path: Array<string | number>
  /** Source order, to blame the later of two overlapping ranges. */
  order: number
  day: IsoWeekday
}

/**
 * Parse working hours (sla-domain §5.2 `calendars.<name>.hours`, §5.3 rule 3).
 *
 * Keys: a day (`mon`…`sun`), a range of days (`mon-fri`; ranges run forward
 * through the week and may wrap past Sunday, so `sun-thu` is Sunday to
 * Thursday), `daily`, or a comma list of those (`mon,wed`, `mon-wed, fri`).
 * Keys are lower case. Values: `"HH:MM-HH:MM"`, several separated by commas,
 * or a list of such strings; `24:00` is allowed as an end. Ranges that touch
 * (`09:00-12:00, 12:00-17:00`) are kept apart; ranges that overlap, on one
 * key or through two keys that cover the same day, are an error.
 *
 * Problems carry a `path` to the key (and list index) at fault.
 *
 * @param input
 *   The `hours` value as read from front matter.
 */
export function parseWorkingHours(input: unknown): ValueResult<WeekHours> {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || input instanceof Date) {
    return failure(
      problem('hours-malformed', {
        reason: `Unexpected ${describe(input)}, expected a mapping of days to ranges such as \`mon-fri: "09:00-17:00"\``,
        ...(typeof input === 'string' && parseRanges(input).ok
          ? {hint: `Say which days: \`mon-fri: "${input}"\``}
          : {}),
        actual: actualText(input)
      })
    )
  }

  const entries = Object.entries(input as Record<string, unknown>)
  if (entries.length === 0) {
    return failure(
      problem('hours-malformed', {
        reason: 'Unexpected empty mapping, expected at least one day with working hours',
        hint: 'Use the calendar `24x7` for round-the-clock cover',
        actual: '{}'
      })
    )
  }

  const placed: Placed[] = []

  for (const [key, value] of entries) {
    const days = parseDayKey(key)
    if (!days.ok) return days

    const texts: Array<{text: string; path: Array<string | number>}> = []
    if (typeof value === 'string') {
      texts.push({text: value, path: [key]})
    } else if (Array.isArray(value) && value.length > 0) {
      for (const [index, item] of value.entries()) {
        if (typeof item !== 'string') {
          return failure(
            problem('hours-range-malformed', {
              reason: `Unexpected ${describe(item)}, expected a range such as \`"09:00-17:00"\``,
              actual: actualText(item),
              path: [key, index]
            })
          )
        }

        texts.push({text: item, path: [key, index]})
      }
    } else {
      return failure(
        problem('hours-malformed', {
          reason: `Unexpected ${Array.isArray(value) ? 'empty list' : describe(value)} for \`${key}\`, expected ranges such as \`"09:00-17:00"\` or \`"09:00-12:30, 13:00-17:00"\``,
          ...(Array.isArray(value) ? {hint: 'Leave out days without working hours'} : {}),
          actual: actualText(value),
          path: [key]
        })
      )
    }

    for (const {text, path} of texts) {
      const ranges = parseRanges(text, key, days.value)
      if (!ranges.ok) return failure({...ranges.problem, path})
      for (const range of ranges.value) {
        for (const day of days.value) {
          placed.push({start: range.start, end: range.end, text: range.text, day, key, path, order: placed.length})
        }
      }
    }
  }

  const week = emptyWeek()

  for (const weekday of weekdays) {
    const onDay = placed
      .filter((range) => range.day === weekday)
      .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order)

    for (const [index, range] of onDay.entries()) {
      const previous = onDay[index - 1]
      // Sorted by start, and no overlap so far: the previous range has the latest end.
      if (previous && range.start < previous.end) {
        const [first, second] = previous.order < range.order ? [previous, range] : [range, previous]
        const sameKey = first.key === second.key
        return failure(
          problem('hours-overlap', {
            reason: `Unexpected overlap of \`${second.text}\` (\`${second.key}\`) with \`${first.text}\` (\`${first.key}\`) on ${dayTitles[weekday - 1]}, expected ranges that do not overlap`,
            hint: sameKey
              ? 'Merge the overlapping ranges into one'
              : `\`${first.key}\` and \`${second.key}\` both cover ${dayTitles[weekday - 1]}; give each day its hours under one key, or make the ranges not overlap`,
            actual: second.text,
            path: second.path
          })
        )
      }

      week[weekday].push({start: range.start, end: range.end})
    }
  }

  return success(week)
}

/**
 * Parse a calendar (sla-domain §5.2 `calendars.<name>`): the shorthand
 * `24x7`, or a mapping whose `hours` are working hours (or `24x7`, to give a
 * round-the-clock calendar its own `timeZone`). A `timeZone` in the mapping
 * is checked with `checkTimeZone` and its warnings are passed on. Other keys
 * (`holidays`, `holidaysFile`) are left to the schema.
 *
 * @param input
 *   The calendar as read from front matter.
 */
export function parseCalendarShape(input: unknown): ValueResult<CalendarShape> {
  if (input === '24x7') return success({kind: '24x7'})

  if (typeof input !== 'object' || input === null || Array.isArray(input) || input instanceof Date) {
    const suggestion = typeof input === 'string' && /^\s*24\s*[x×*/]\s*7\s*$/i.test(input) ? '24x7' : undefined
    return failure(
      problem('calendar-malformed', {
        reason: `Unexpected ${describe(input)}, expected \`24x7\` or a mapping with \`hours\``,
        ...(suggestion ? {hint: 'Did you mean `24x7`?'} : {}),
        actual: actualText(input),
        expected: suggestion ? [suggestion] : ['24x7']
      })
    )
  }

  const record = input as Record<string, unknown>
  const warnings: ValueProblem[] = []
  let timeZone: string | undefined

  if ('timeZone' in record) {
    const zone = checkTimeZone(record.timeZone)
    if (!zone.ok) return failure({...zone.problem, path: ['timeZone']})
    for (const warning of zone.warnings ?? []) warnings.push({...warning, path: ['timeZone']})
    timeZone = zone.value
  }

  const zoned = timeZone === undefined ? {} : {timeZone}

  if (!('hours' in record)) {
    return failure(
      problem('calendar-malformed', {
        reason: 'Unexpected calendar without `hours`, expected working hours such as `mon-fri: "09:00-17:00"`',
        hint: 'Write `24x7` instead of a mapping for round-the-clock cover',
        actual: 'mapping'
      })
    )
  }

  if (record.hours === '24x7') return success({kind: '24x7', ...zoned}, warnings)

  const hours = parseWorkingHours(record.hours)
  if (!hours.ok) return failure({...hours.problem, path: ['hours', ...(hours.problem.path ?? [])]}, warnings)
  return success({kind: 'hours', hours: hours.value, ...zoned}, warnings)
}

/**
 * Write working hours back as a mapping of single-day keys to range texts,
 * leaving out days without hours; `parseWorkingHours` of the result gives
 * the same value.
 *
 * @param week
 *   Parsed working hours.
 */
export function formatWorkingHours(week: WeekHours): Record<string, string> {
  const result: Record<string, string> = {}
  for (const weekday of weekdays) {
    if (week[weekday].length > 0) {
      result[dayNames[weekday - 1]] = week[weekday].map((range) => `${clock(range.start)}-${clock(range.end)}`).join(', ')
    }
  }

  return result
}

/** `540` → `09:00`. */
function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function emptyWeek(): WeekHours {
  return {1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: []}
}

/** Parse a day key into the weekdays it covers, in week order. */
function parseDayKey(key: string): ValueResult<IsoWeekday[]> {
  const days = daysOf(key)
  return typeof days === 'string' ? failure(unknownDay(key, days)) : success(days)
}

/** The weekdays a day key covers, in week order, or the first item of the key that is not a day. */
function daysOf(key: string): IsoWeekday[] | string {
  const days = new Set<IsoWeekday>()

  for (const item of key.split(',').map((part) => part.trim())) {
    if (item === 'daily') {
      for (const day of weekdays) days.add(day)
      continue
    }

    const names = item.split('-')
    const numbers = names.map((name) => dayNames.indexOf(name as (typeof dayNames)[number]) + 1)
    if (names.length > 2 || numbers.some((number) => number === 0) || (names.length === 2 && names[0] === names[1])) {
      return item
    }

    const [from, to = from] = numbers as [number, number | undefined]
    // Walk forward through the week, wrapping past Sunday (`sun-thu`).
    for (let day = from; ; day = (day % 7) + 1) {
      days.add(day as IsoWeekday)
      if (day === to) break
    }
  }

  return [...days].sort((a, b) => a - b)
}

function unknownDay(key: string, item: string): ValueProblem {
  const candidates = [...dayNames, 'daily', 'mon-fri', 'sat-sun']
  const lower = item.toLowerCase()
  let suggestion: string | undefined = dayAliases[lower] ?? (candidates.includes(lower) ? lower : undefined)

  if (suggestion === undefined) {
    // Fix each day of a range on its own, so `mon-fir` becomes `mon-fri`.
    const parts = lower.split('-').map((part) => dayAliases[part] ?? (candidates.includes(part) ? part : didYouMean(part, dayNames)))
    const repaired = parts.every((part) => part !== undefined) ? parts.join('-') : undefined
    // Levenshtein counts a swap as two edits, too many for a three-letter day alone (`fir`), not for the whole item.
    suggestion = repaired !== undefined && typeof daysOf(repaired) !== 'string' ? repaired : didYouMean(item, candidates)
  }

  const fixedKey = suggestion === undefined ? undefined : key.split(',').map((part) => (part.trim() === item ? suggestion : part.trim())).join(',')
  const same = item.split('-').length === 2 && item.split('-')[0] === item.split('-')[1]

  return problem('hours-day-unknown', {
    reason: `Unexpected day key \`${item}\`${item === key ? '' : ` in \`${key}\``}, expected a day (\`mon\`…\`sun\`), a range such as \`mon-fri\`, \`daily\` or a comma list`,
    hint: same
      ? `A range needs two different days; write \`${item.split('-')[0]}\` for one day or \`daily\` for the whole week`
      : fixedKey
        ? `Did you mean \`${fixedKey}\`?`
        : 'Days are written with their first three letters in lower case: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`',
    actual: key,
    ...(fixedKey && !same ? {expected: [fixedKey]} : {}),
    path: [key],
    at: 'key'
  })
}

/**
 * Parse one value: ranges separated by commas. `key` and `days` only serve
 * the hint for an overnight range.
 */
function parseRanges(text: string, key?: string, days?: IsoWeekday[]): ValueResult<Array<TimeRange & {text: string}>> {
  const ranges: Array<TimeRange & {text: string}> = []

  for (const part of text.split(',')) {
    const written = part.trim()
    const match = rangeShape.exec(written)
    const start = match ? minutes(match[1] as string, match[2] as string, false) : undefined
    const end = match ? minutes(match[3] as string, match[4] as string, true) : undefined

    if (start === undefined || end === undefined) {
      const suggestion = repairRange(written)
      return failure(
        problem('hours-range-malformed', {
          reason: `Unexpected ${describe(written)}, expected a range \`HH:MM-HH:MM\` such as \`09:00-17:00\``,
          hint: suggestion
            ? `Did you mean \`${suggestion}\`?`
            : 'Hours are 00–23 with two digits, minutes 00–59; `24:00` is allowed as an end; separate several ranges with commas',
          actual: written,
          ...(suggestion ? {expected: [suggestion]} : {})
        })
      )
    }

    if (start >= end) {
      return failure(reversed(written, start, end, key, days))
    }

    ranges.push({start, end, text: written})
  }

  return success(ranges)
}

/** Minutes since midnight, or `undefined` when out of range; `24:00` only as an end. */
function minutes(hours: string, minutesText: string, isEnd: boolean): number | undefined {
  const h = Number(hours)
  const m = Number(minutesText)
  if (m > 59) return undefined
  if (h < 24) return h * 60 + m
  return isEnd && h === 24 && m === 0 ? 1440 : undefined
}

/** Near-misses: one-digit hours, dashes other than `-`, `to`, `.` or `h` between hours and minutes. */
function repairRange(text: string): string | undefined {
  const normal = text
    .replace(/\s*(?:[–—‒]|to|until|till)\s*/gi, '-')
    .replace(/(\d{1,2})[.h](\d{2})/g, '$1:$2')
    .replace(/(^|-)(\d):/g, (_, before: string, hour: string) => `${before}0${hour}:`)
    .replace(/\s+/g, '')
  const match = rangeShape.exec(normal)
  if (!match || normal === text) return undefined
  const start = minutes(match[1] as string, match[2] as string, false)
  const end = minutes(match[3] as string, match[4] as string, true)
  return start !== undefined && end !== undefined ? normal : undefined
}

function reversed(text: string, start: number, end: number, key?: string, days?: IsoWeekday[]): ValueProblem {
  if (start === end) {
    return problem('hours-range-reversed', {
      reason: `Unexpected empty range \`${text}\`, expected a start before the end`,
      hint: 'Write `00:00-24:00` for a whole day, or leave the day out',
      actual: text
    })
  }

  // An overnight range on a single day: show the split over this day and the next.
  const single = days && days.length === 1 ? days[0] : undefined
  const next = single === undefined ? undefined : dayNames[single % 7]
  const expected = single === undefined ? undefined : [`${key}: "${clock(start)}-24:00"`, `${next}: "00:00-${clock(end)}"`]

  return problem('hours-range-reversed', {
    reason: `Unexpected range \`${text}\` that ends before it starts, expected a start before the end`,
    hint: expected
      ? `Split an overnight range over two days: ${expected.map((line) => '`' + line + '`').join(' and ')}`
      : `Split an overnight range over two days, e.g. \`sun: "22:00-24:00"\` and \`mon: "00:00-06:00"\``,
    actual: text,
    ...(expected ? {expected} : {})
  })
}
