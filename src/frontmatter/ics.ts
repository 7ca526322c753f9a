/**
 * Read a holiday calendar in iCalendar form (RFC 5545, `.ics`): only what a
 * list of days off needs, and strictly.
 *
 * Why a reader of our own: the iCalendar libraries read far more than
 * holidays need (time zones, alarms, every recurrence rule) and run
 * recurrence expansion we would have to trust on untrusted input. A
 * holiday is a whole day, so this reader takes whole-day events only:
 * `DTSTART;VALUE=DATE:20241225` (or `DTSTART:20241225`), an optional
 * `DTEND`/`DURATION` in whole days, `SUMMARY` as the name, and a yearly
 * repeat `RRULE:FREQ=YEARLY` (with `UNTIL` or `COUNT`). Anything else that
 * changes which days are off (a time of day, another repeat, `RDATE`,
 * `EXDATE`) is reported rather than guessed at.
 *
 * Pure: text in, data and diagnostics out, with offsets in the whole file;
 * nothing throws, and every diagnostic lies inside the text.
 */

import {Temporal} from 'temporal-polyfill'
import {diagnostic, type Diagnostic} from '../hugo/diagnostic.js'
import {PositionMap} from '../syntax/position-map.js'
import {
  icsDateRuleId,
  icsDateTimeRuleId,
  icsDtstartMissingRuleId,
  icsRecurrenceRuleId,
  icsSyntaxRuleId,
  icsTooManyRuleId
} from './rules.js'
import {code, describeAt} from './text.js'
import {unescapeIcsText} from '../util/ics-text.js'

/** A whole-day event as written, before yearly repeats are expanded. */
export interface IcsEvent {
  /** First day off, `YYYY-MM-DD`. */
  date: string
  /** How many days the event lasts (1 unless `DTEND` or `DURATION` says more). */
  days: number
  /** The `SUMMARY`, unescaped, when the event has a non-empty one. */
  name?: string
  /** Offset of the `DTSTART` value in the whole file. */
  start: number
  /** Offset just past the `DTSTART` value. */
  end: number
  /** Present when the event repeats every year (`RRULE:FREQ=YEARLY`). */
  yearly?: {
    /** Last day a repeat may fall on, `YYYY-MM-DD`. */
    until?: string
    /** How many times the event happens, the first included. */
    count?: number
  }
}

/** What {@link readIcs} found in a file. */
export interface IcsCalendar {
  /** The usable whole-day events, in file order. */
  events: IcsEvent[]
  /** Problems, with offsets in the whole file. */
  diagnostics: Diagnostic[]
}

/** One day off, ready to join a calendar's `holidays`. */
export interface IcsHoliday {
  /** The day, `YYYY-MM-DD`. */
  date: string
  /** The event's `SUMMARY`, when it has one. */
  name?: string
  /** Offset of the `DTSTART` value that gave this day, so messages can point at it. */
  start: number
  /** Offset just past that value. */
  end: number
}

/** The days, inclusive (`YYYY-MM-DD`), between which yearly repeats are expanded. */
export interface RecurrenceWindow {
  from: string
  to: string
}

/** Unescape a `TEXT` value (see `unescapeIcsText`). */
export {unescapeIcsText as unescapeText} from '../util/ics-text.js'

/** Most days one file may give, repeats expanded: a bound on hostile repeats, far above any real holiday list. */
export const maxIcsHolidays = 10_000

/** Longest event, in days; a longer "holiday" is a mistake in the export. */
export const maxEventDays = 366

/** Years a repeat is expanded over when no window is given (the first year included). */
export const defaultRecurrenceYears = 10

/** A content line: `NAME;PARAM=value:value`, with offsets in the unfolded text. */
interface ContentLine {
  /** Property name, upper-cased (names are case-insensitive). */
  name: string
  /** Parameters by upper-cased name. */
  params: Map<string, string[]>
  value: string
  /** Offset of the value in the unfolded text. */
  valueStart: number
  /** Offset of the line in the unfolded text. */
  lineStart: number
  /** Offset just past the line in the unfolded text. */
  lineEnd: number
}

/** A content line that could not be read. */
interface LineProblem {
  /** Where, in the line. */
  index: number
  reason: string
  hint: string
}

/** The properties of one `VEVENT` being read. */
interface EventDraft {
  /** The `BEGIN:VEVENT` line, for a missing `DTSTART`. */
  begin: ContentLine
  properties: Map<string, ContentLine>
}

/** Properties read once per event; a second one is reported. */
const singleProperties = new Set(['DTSTART', 'DTEND', 'DURATION', 'SUMMARY', 'RRULE', 'STATUS'])

/** `RRULE` parts this reader understands. */
const ruleParts = new Set(['FREQ', 'UNTIL', 'COUNT', 'INTERVAL'])

const recurrenceHint =
  'slamark repeats a holiday on the same date every year (`RRULE:FREQ=YEARLY`, optionally with `UNTIL` or `COUNT`); write other days as events of their own'

/**
 * Read a holiday calendar.
 *
 * @param text
 *   The whole `.ics` file (a leading BOM removed by the caller).
 * @param offset
 *   Offset of `text` in the file; every position is shifted by it.
 * @returns
 *   The whole-day events and the problems found. Never throws.
 */
export function readIcs(text: string, offset = 0): IcsCalendar {
  const {unfolded, map} = unfold(text)
  const diagnostics: Diagnostic[] = []
  const events: IcsEvent[] = []
  const stack: string[] = []
  let draft: EventDraft | undefined
  let started = false

  const toFile = (index: number, side: 'start' | 'end'): number => offset + map.toSource(index, side)
  const problem = (ruleId: string, reason: string, hint: string, start: number, end: number): void => {
    const from = toFile(start, 'start')
    diagnostics.push(diagnostic({ruleId, severity: 'error', reason, hint, start: from, end: Math.max(from, toFile(end, 'end'))}))
  }

  const context: ReadContext = {problem, toFile}

  for (const [lineStart, lineText] of logicalLines(unfolded)) {
    if (lineText.length === 0) continue
    const line = parseLine(lineText, lineStart)

    if (!started) {
      if (!('name' in line) || line.name !== 'BEGIN' || line.value.toUpperCase() !== 'VCALENDAR') {
        problem(
          icsSyntaxRuleId,
          `Unexpected ${describeLine(lineText, 0)}, expected \`BEGIN:VCALENDAR\` to start an iCalendar file`,
          'Export the holidays as iCalendar, or list them in a `.yaml`, `.json` or `.toml` file instead',
          lineStart,
          lineStart + lineText.length
        )
        return {events, diagnostics}
      }

      started = true
    }

    if (!('name' in line)) {
      problem(icsSyntaxRuleId, line.reason, line.hint, lineStart + line.index, lineStart + lineText.length)
      continue
    }

    const top = stack.at(-1)

    if (line.name === 'BEGIN') {
      const component = line.value.toUpperCase()
      if (component === 'VCALENDAR' && stack.length > 0) {
        problem(icsSyntaxRuleId, `Unexpected \`BEGIN:VCALENDAR\` inside \`${top}\`, expected \`END:${top}\` first`, 'Calendars do not nest: close the open component before starting another calendar', line.lineStart, line.lineEnd)
        continue
      }

      if (!/^[A-Z0-9-]+$/.test(component)) {
        problem(icsSyntaxRuleId, `Unexpected ${describeLine(line.value, 0)} after \`BEGIN:\`, expected a component name such as \`VEVENT\``, 'Write `BEGIN:VEVENT` to start an event', line.valueStart, line.lineEnd)
        continue
      }

      if (component === 'VEVENT' && stack.length === 1) draft = {begin: line, properties: new Map()}
      stack.push(component)
      continue
    }

    if (line.name === 'END') {
      const component = line.value.toUpperCase()
      if (top === component) {
        stack.pop()
        if (component === 'VEVENT' && stack.length === 1 && draft) {
          finishEvent(draft, events, context)
          draft = undefined
        }

        continue
      }

      problem(
        icsSyntaxRuleId,
        top === undefined
          ? `Unexpected ${code('END:' + line.value)} outside a calendar, expected \`BEGIN:VCALENDAR\``
          : `Unexpected ${code('END:' + line.value)}, expected \`END:${top}\``,
        'Each `BEGIN:X` needs its own `END:X`, innermost first',
        line.lineStart,
        line.lineEnd
      )
      // Recover as a reader of nested blocks would: a known outer name closes what is open inside it.
      const index = stack.lastIndexOf(component)
      if (index !== -1) {
        stack.length = index
        if (stack.length < 2) draft = undefined
      }

      continue
    }

    if (stack.length === 0) {
      problem(icsSyntaxRuleId, `Unexpected \`${line.name}\` after \`END:VCALENDAR\`, expected \`BEGIN:VCALENDAR\` or the end of the file`, 'Put every property inside a `BEGIN:VCALENDAR` … `END:VCALENDAR` block', line.lineStart, line.lineEnd)
      continue
    }

    // Only the event's own properties count, not those of an alarm inside it.
    if (!draft || stack.length !== 2 || top !== 'VEVENT') continue

    if (line.name === 'RDATE' || line.name === 'EXDATE') {
      problem(icsRecurrenceRuleId, `Unexpected \`${line.name}\`, expected yearly repeats without extra or excluded dates`, recurrenceHint, line.lineStart, line.lineEnd)
      continue
    }

    if (singleProperties.has(line.name)) {
      if (draft.properties.has(line.name)) {
        const ruleId = line.name === 'RRULE' ? icsRecurrenceRuleId : icsSyntaxRuleId
        problem(ruleId, `Unexpected second \`${line.name}\` in one event, expected it once`, 'Remove one of them, or split the event in two', line.lineStart, line.lineEnd)
        continue
      }

      draft.properties.set(line.name, line)
    }
  }

  if (!started) {
    problem(icsSyntaxRuleId, 'Unexpected empty file, expected `BEGIN:VCALENDAR` to start an iCalendar file', 'Export the holidays as iCalendar, or list them in a `.yaml`, `.json` or `.toml` file instead', 0, unfolded.length)
  } else if (stack.length > 0) {
    problem(icsSyntaxRuleId, `Unexpected end of the file, expected \`END:${stack.at(-1)}\``, 'The file looks cut short: close every open component', unfolded.length, unfolded.length)
  }

  return {events, diagnostics}
}

/**
 * The days off of a calendar: each event's days, and each yearly repeat's
 * days between the window's bounds (events without a repeat are kept
 * whatever their date, so the checks can say when one falls outside the term).
 *
 * @param events
 *   Events from {@link readIcs}.
 * @param window
 *   Days between which repeats are expanded (default: each repeat's first
 *   {@link defaultRecurrenceYears} years).
 * @returns
 *   The holidays in event order, and a diagnostic when there are more than
 *   {@link maxIcsHolidays}.
 */
export function expandIcs(
  events: readonly IcsEvent[],
  window?: RecurrenceWindow
): {holidays: IcsHoliday[]; diagnostics: Diagnostic[]} {
  const holidays: IcsHoliday[] = []

  for (const event of events) {
    for (const first of occurrences(event, window)) {
      let day = first
      for (let index = 0; index < event.days; index++) {
        if (holidays.length === maxIcsHolidays) {
          return {
            holidays,
            diagnostics: [
              diagnostic({
                ruleId: icsTooManyRuleId,
                severity: 'error',
                reason: `Unexpected more than ${maxIcsHolidays} holidays, expected at most ${maxIcsHolidays} from one calendar file`,
                hint: 'End long repeats with `UNTIL` or `COUNT`, or split the calendar into files per year',
                start: event.start,
                end: event.end
              })
            ]
          }
        }

        holidays.push({date: day, ...(event.name === undefined ? {} : {name: event.name}), start: event.start, end: event.end})
        if (index + 1 < event.days) day = Temporal.PlainDate.from(day).add({days: 1}).toString()
      }
    }
  }

  return {holidays, diagnostics: []}
}

/**
 * Read a holiday calendar and expand its repeats: {@link readIcs} then
 * {@link expandIcs}.
 *
 * @param text
 *   The whole `.ics` file.
 * @param options
 *   `offset` of the text in the file, and the `window` of repeats.
 */
export function parseIcs(
  text: string,
  options: {offset?: number; window?: RecurrenceWindow | undefined} = {}
): {holidays: IcsHoliday[]; diagnostics: Diagnostic[]} {
  const calendar = readIcs(text, options.offset)
  const expanded = expandIcs(calendar.events, options.window)
  return {holidays: expanded.holidays, diagnostics: [...calendar.diagnostics, ...expanded.diagnostics]}
}

/**
 * Unfold the text: a line break followed by a space or tab continues the
 * line before it (RFC 5545 §3.1; LF and lone CR are taken as CRLF is).
 *
 * @param text
 *   The file.
 * @returns
 *   The unfolded text and a map from its offsets back to the file's.
 */
function unfold(text: string): {unfolded: string; map: PositionMap} {
  const map = new PositionMap()
  const parts: string[] = []
  let last = 0
  for (const match of text.matchAll(/(?:\r\n|\n|\r)[ \t]/g)) {
    parts.push(text.slice(last, match.index))
    map.copy(last, match.index - last)
    last = match.index + match[0].length
  }

  parts.push(text.slice(last))
  map.copy(last, text.length - last)
  return {unfolded: parts.join(''), map}
}

/**
 * The lines of the unfolded text, with their offsets.
 *
 * @param text
 *   The unfolded text.
 */
function * logicalLines(text: string): Generator<[number, string]> {
  const breaks = /\r\n|\n|\r/g
  let start = 0
  for (const match of text.matchAll(breaks)) {
    yield [start, text.slice(start, match.index)]
    start = match.index + match[0].length
  }

  if (start < text.length) yield [start, text.slice(start)]
}

/**
 * Read one content line: `name *(";" param) ":" value`.
 *
 * @param line
 *   The unfolded line, without its line break.
 * @param lineStart
 *   Offset of the line in the unfolded text.
 */
function parseLine(line: string, lineStart: number): ContentLine | LineProblem {
  let index = nameEnd(line, 0)
  if (index === 0) {
    return {index, reason: `Unexpected ${describeLine(line, 0)}, expected a property name such as \`DTSTART\``, hint: 'Each line is `NAME:value`; a line that continues the one before starts with a space'}
  }

  const name = line.slice(0, index).toUpperCase()
  const params = new Map<string, string[]>()

  while (line.charAt(index) === ';') {
    const paramStart = index + 1
    index = nameEnd(line, paramStart)
    if (index === paramStart) {
      return {index, reason: `Unexpected ${describeLine(line, index)} after \`;\`, expected a parameter name such as \`VALUE\``, hint: 'Parameters are written `;NAME=value`, such as `DTSTART;VALUE=DATE:20241225`'}
    }

    const param = line.slice(paramStart, index).toUpperCase()
    if (line.charAt(index) !== '=') {
      return {index, reason: `Unexpected ${describeLine(line, index)} after parameter \`${param}\`, expected \`=\``, hint: 'Parameters are written `;NAME=value`, such as `DTSTART;VALUE=DATE:20241225`'}
    }

    const values: string[] = []
    do {
      index++
      if (line.charAt(index) === '"') {
        const close = line.indexOf('"', index + 1)
        if (close === -1) {
          return {index, reason: 'Unexpected end of the line in a quoted parameter value, expected a closing `"`', hint: 'Close the quoted value on the same line'}
        }

        values.push(line.slice(index + 1, close))
        index = close + 1
      } else {
        const start = index
        while (index < line.length && !';:,"'.includes(line.charAt(index))) index++
        values.push(line.slice(start, index))
      }
    } while (line.charAt(index) === ',')

    params.set(param, values)
  }

  if (line.charAt(index) !== ':') {
    return {index, reason: `Unexpected ${describeLine(line, index)} after \`${name}\`, expected \`:\` and a value`, hint: 'Each line is `NAME:value`, such as `SUMMARY:Christmas Day`'}
  }

  return {name, params, value: line.slice(index + 1), valueStart: lineStart + index + 1, lineStart, lineEnd: lineStart + line.length}
}

/**
 * Where a run of name characters (letters, digits, `-`) starting at `from` ends.
 *
 * @param line
 *   The line.
 * @param from
 *   Where the name starts.
 */
function nameEnd(line: string, from: number): number {
  let index = from
  while (index < line.length && /[A-Za-z0-9-]/.test(line.charAt(index))) index++
  return index
}

/**
 * Name what is at an offset of a line, for "Unexpected X".
 *
 * @param line
 *   The line.
 * @param index
 *   Offset in the line.
 */
function describeLine(line: string, index: number): string {
  return index >= line.length ? 'end of the line' : describeAt(line, index)
}

/** What the event checks report through, in offsets of the unfolded text. */
interface ReadContext {
  problem(ruleId: string, reason: string, hint: string, start: number, end: number): void
  /** The whole-file offset of an offset in the unfolded text. */
  toFile(index: number, side: 'start' | 'end'): number
}

/**
 * Turn a closed `VEVENT` into an event, reporting what makes it unusable.
 *
 * @param draft
 *   The event's properties.
 * @param events
 *   List to add to.
 * @param context
 *   Where problems go.
 */
function finishEvent(draft: EventDraft, events: IcsEvent[], context: ReadContext): void {
  const {properties} = draft
  const start = properties.get('DTSTART')

  if (!start) {
    const {begin} = draft
    context.problem(icsDtstartMissingRuleId, 'Unexpected event without `DTSTART`, expected the date of the holiday', 'Add the day off, such as `DTSTART;VALUE=DATE:20241225`', begin.lineStart, begin.lineEnd)
    return
  }

  // A cancelled event is not a day off.
  if (properties.get('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return

  const date = readDate(start, context)
  if (date === undefined) return
  const days = readLength(properties, date, context)
  if (days === undefined) return

  const event: IcsEvent = {date, days, start: context.toFile(start.valueStart, 'start'), end: context.toFile(start.valueStart + start.value.length, 'end')}
  const summary = properties.get('SUMMARY')
  const name = summary ? unescapeIcsText(summary.value) : ''
  if (name !== '') event.name = name
  const rule = properties.get('RRULE')
  if (rule) {
    const yearly = readRule(rule, context)
    if (yearly) event.yearly = yearly
  }

  events.push(event)
}

/**
 * Read a `DTSTART` or `DTEND` that must be a whole day.
 *
 * @param line
 *   The property.
 * @param context
 *   Where problems go.
 * @returns
 *   `YYYY-MM-DD`, or `undefined` after reporting why not.
 */
function readDate(line: ContentLine, context: ReadContext): string | undefined {
  const {value, name} = line
  const end = line.valueStart + value.length
  const type = line.params.get('VALUE')?.[0]?.toUpperCase()

  if (type !== undefined && type !== 'DATE' && type !== 'DATE-TIME') {
    context.problem(icsDateRuleId, `Unexpected \`VALUE=${type}\` on \`${name}\`, expected \`VALUE=DATE\``, `Write the day itself, such as \`${name};VALUE=DATE:20241225\``, line.lineStart, line.valueStart)
    return undefined
  }

  if (/^\d{8}T\d{6}Z?$/.test(value)) {
    context.problem(icsDateTimeRuleId, `Unexpected date and time ${code(value)} in \`${name}\`, expected a whole day such as \`${value.slice(0, 8)}\``, `A holiday lasts the whole day: write \`${name};VALUE=DATE:${value.slice(0, 8)}\``, line.valueStart, end)
    return undefined
  }

  const date = /^\d{8}$/.test(value) ? isoDate(value) : undefined
  if (date === undefined) {
    context.problem(icsDateRuleId, `Unexpected ${value === '' ? 'empty value' : code(value)} in \`${name}\`, expected a date that exists, such as \`20241225\``, 'Dates are written `YYYYMMDD`, without dashes', line.valueStart, end)
  }

  return date
}

/**
 * How many days an event lasts, from `DTEND` (the day after the last day
 * off) or `DURATION` (`P1D`, `P2W`); 1 without either.
 *
 * @param properties
 *   The event's properties.
 * @param date
 *   Its first day.
 * @param context
 *   Where problems go.
 */
function readLength(properties: Map<string, ContentLine>, date: string, context: ReadContext): number | undefined {
  const endLine = properties.get('DTEND')
  const durationLine = properties.get('DURATION')
  const line = endLine ?? durationLine
  if (!line) return 1
  const valueEnd = line.valueStart + line.value.length

  if (endLine && durationLine) {
    context.problem(icsSyntaxRuleId, 'Unexpected both `DTEND` and `DURATION`, expected one of them', 'Keep `DTEND`, the day after the last day off', durationLine.lineStart, durationLine.lineEnd)
    return undefined
  }

  let days: number
  if (endLine) {
    const end = readDate(endLine, context)
    if (end === undefined) return undefined
    days = Temporal.PlainDate.from(date).until(end, {largestUnit: 'days'}).days
    if (days <= 0) {
      context.problem(icsDateRuleId, `Unexpected end ${code(endLine.value)} not after the start, expected \`DTEND\` after \`DTSTART\``, '`DTEND` is the day after the last day off: a holiday on 25 December ends on `20241226`', endLine.valueStart, valueEnd)
      return undefined
    }
  } else {
    const match = /^P(?:(\d+)W|(\d+)D)$/.exec(line.value)
    if (!match) {
      const timed = /^P(?:\d+D)?T/.test(line.value)
      context.problem(
        timed ? icsDateTimeRuleId : icsDateRuleId,
        `Unexpected duration ${line.value === '' ? 'empty value' : code(line.value)}, expected whole days such as \`P1D\``,
        'A holiday lasts whole days: write `DURATION:P1D`, or leave it out for one day',
        line.valueStart,
        valueEnd
      )
      return undefined
    }

    days = match[1] === undefined ? Number(match[2]) : Number(match[1]) * 7
  }

  if (days > maxEventDays || days === 0) {
    context.problem(icsDateRuleId, `Unexpected event of ${days} days, expected 1 to ${maxEventDays}`, 'Check the end of the event; a holiday of more than a year is an export mistake', line.valueStart, valueEnd)
    return undefined
  }

  return days
}

/**
 * Read an `RRULE`: only `FREQ=YEARLY`, with `UNTIL` or `COUNT` (and the
 * redundant `INTERVAL=1`).
 *
 * @param line
 *   The property.
 * @param context
 *   Where problems go.
 * @returns
 *   The repeat, or `undefined` after reporting why it is not supported (the
 *   event then counts once).
 */
function readRule(line: ContentLine, context: ReadContext): IcsEvent['yearly'] | undefined {
  const start = line.valueStart
  const end = start + line.value.length
  const unsupported = (reason: string): undefined => {
    context.problem(icsRecurrenceRuleId, reason, recurrenceHint, start, end)
    return undefined
  }

  const parts = new Map<string, string>()
  for (const part of line.value.split(';')) {
    const equals = part.indexOf('=')
    if (equals <= 0) return unsupported(`Unexpected ${part === '' ? 'empty part' : code(part)} in \`RRULE\`, expected \`NAME=value\` parts such as \`FREQ=YEARLY\``)
    const name = part.slice(0, equals).toUpperCase()
    if (!ruleParts.has(name)) return unsupported(`Unexpected ${code(part)} in \`RRULE\`, expected only \`FREQ=YEARLY\` with \`UNTIL\` or \`COUNT\``)
    parts.set(name, part.slice(equals + 1))
  }

  const freq = parts.get('FREQ')
  if (freq?.toUpperCase() !== 'YEARLY') return unsupported(`Unexpected ${freq === undefined ? 'repeat without `FREQ`' : code('FREQ=' + freq)}, expected \`FREQ=YEARLY\``)
  const interval = parts.get('INTERVAL')
  if (interval !== undefined && interval !== '1') return unsupported(`Unexpected ${code('INTERVAL=' + interval)}, expected a repeat every year`)
  const until = parts.get('UNTIL')
  const count = parts.get('COUNT')
  if (until !== undefined && count !== undefined) return unsupported('Unexpected both `UNTIL` and `COUNT`, expected at most one of them')

  const yearly: NonNullable<IcsEvent['yearly']> = {}
  if (until !== undefined) {
    const day = /^\d{8}(?:T\d{6}Z?)?$/.test(until) ? isoDate(until.slice(0, 8)) : undefined
    if (day === undefined) {
      context.problem(icsDateRuleId, `Unexpected ${code('UNTIL=' + until)}, expected a date that exists, such as \`UNTIL=20301225\``, 'Dates are written `YYYYMMDD`, without dashes', start, end)
      return undefined
    }

    yearly.until = day
  }

  if (count !== undefined) {
    if (!/^\d{1,9}$/.test(count) || Number(count) === 0) return unsupported(`Unexpected ${code('COUNT=' + count)}, expected a whole number of times from 1`)
    yearly.count = Number(count)
  }

  return yearly
}

/**
 * The first day of each time an event happens: the event itself, or its
 * yearly repeats inside the window. A repeat on 29 February skips the years
 * without one, as RFC 5545 says.
 *
 * @param event
 *   The event.
 * @param window
 *   Days between which repeats are expanded.
 */
function occurrences(event: IcsEvent, window: RecurrenceWindow | undefined): string[] {
  const {yearly} = event
  if (!yearly) return [event.date]

  const year = Number(event.date.slice(0, 4))
  const monthDay = event.date.slice(4)
  const leapDay = monthDay === '-02-29'
  const from = window?.from ?? event.date
  const to = window?.to ?? `${pad(year + defaultRecurrenceYears - 1)}-12-31`
  const firstYear = Math.max(year, Number(from.slice(0, 4)))
  const lastYear = Math.min(Number(to.slice(0, 4)), 9999)
  // Times the event happened before the window, which `COUNT` includes.
  let count = leapDay ? leapYears(firstYear - 1) - leapYears(year - 1) : firstYear - year
  const days: string[] = []

  for (let current = firstYear; current <= lastYear; current++) {
    if (leapDay && !isLeapYear(current)) continue
    count++
    const day = pad(current) + monthDay
    if ((yearly.count !== undefined && count > yearly.count) || (yearly.until !== undefined && day > yearly.until)) break
    if (day >= from && day <= to) days.push(day)
    // Enough for the cap of the whole file; later years add nothing but work.
    if (days.length > maxIcsHolidays) break
  }

  return days
}

/**
 * `YYYYMMDD` as `YYYY-MM-DD`, when that day exists.
 *
 * @param value
 *   Eight digits.
 */
function isoDate(value: string): string | undefined {
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(4, 6))
  const day = Number(value.slice(6, 8))
  try {
    return Temporal.PlainDate.from({year, month, day}, {overflow: 'reject'}).toString()
  } catch {
    return undefined
  }
}

/** A year as four digits. */
function pad(year: number): string {
  return String(year).padStart(4, '0')
}

/** Whether a year has a 29 February. */
function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

/** How many years from year 1 to `year` (inclusive) have a 29 February. */
function leapYears(year: number): number {
  return Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400)
}
