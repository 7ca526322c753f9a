/**
 * The iCalendar reader of holiday files: unfolding, escapes, whole-day
 * dates, yearly repeats, and what it refuses; a property test that no text
 * makes it throw and every diagnostic lies inside the text.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {Diagnostic} from '../src/hugo/diagnostic.js'
import {expandIcs, maxIcsHolidays, parseIcs, readIcs, unescapeText} from '../src/frontmatter/ics.js'

/** A calendar of the given event bodies, CRLF line ends as RFC 5545 writes them. */
function calendar(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//slamark//test//EN']
  for (const event of events) lines.push('BEGIN:VEVENT', ...event, 'END:VEVENT')
  lines.push('END:VCALENDAR', '')
  return lines.join('\r\n')
}

/** Holidays as `date name` strings. */
const brief = (text: string, window?: {from: string; to: string}) =>
  parseIcs(text, {window}).holidays.map((holiday) => (holiday.name === undefined ? holiday.date : `${holiday.date} ${holiday.name}`))

/** Diagnostics as `ruleId "source text"`. */
const problems = (text: string, window?: {from: string; to: string}) =>
  parseIcs(text, {window}).diagnostics.map((item: Diagnostic) => `${item.ruleId} ${JSON.stringify(text.slice(item.start, item.end))}`)

describe('readIcs', () => {
  it('should read whole-day events with their names, in file order', () => {
    const text = calendar(
      ['UID:1', 'DTSTART;VALUE=DATE:20241225', 'SUMMARY:Eerste Kerstdag'],
      ['DTSTART:20241226', 'SUMMARY:Tweede Kerstdag'],
      ['DTSTART;VALUE=DATE:20240927']
    )
    expect(brief(text)).toEqual(['2024-12-25 Eerste Kerstdag', '2024-12-26 Tweede Kerstdag', '2024-09-27'])
    expect(problems(text)).toEqual([])
  })

  it('should give each holiday the offsets of its DTSTART value', () => {
    const text = calendar(['SUMMARY:Boxing Day', 'DTSTART;VALUE=DATE:20241226'])
    const [holiday] = parseIcs(text).holidays
    expect(text.slice(holiday!.start, holiday!.end)).toBe('20241226')
    expect(holiday!.start).toBe(text.indexOf('20241226'))
  })

  it('should unfold lines folded with CRLF or LF and a space or tab, keeping offsets in the file', () => {
    const crlf = calendar(['DTSTART;VALUE=DATE:2024', '\t1225', 'SUMMARY:Christmas', ' Day and', '  more'])
    expect(brief(crlf)).toEqual(['2024-12-25 ChristmasDay and more'])
    const [holiday] = parseIcs(crlf).holidays
    // The value spans the fold: from its first digit to its last.
    expect(crlf.slice(holiday!.start, holiday!.end)).toBe('2024\r\n\t1225')
    const lf = calendar(['DTSTART;VALUE=DATE:20241225', 'SUMMARY:Kerst', ' dag']).replaceAll('\r\n', '\n')
    expect(brief(lf)).toEqual(['2024-12-25 Kerstdag'])
  })

  it('should unescape SUMMARY text', () => {
    const text = calendar(['DTSTART;VALUE=DATE:20240501', String.raw`SUMMARY:Labour Day\, May Day\; a \\ holiday\nline two\N3`])
    expect(parseIcs(text).holidays[0]!.name).toBe('Labour Day, May Day; a \\ holiday\nline two\n3')
    expect(unescapeText(String.raw`keep \t and \x`)).toBe(String.raw`keep \t and \x`)
  })

  it('should read quoted parameters and case-insensitive names', () => {
    const text = calendar(['dtstart;value=date;X-NOTE="a;b:c":20240101', 'Summary;LANGUAGE=nl:Nieuwjaar'])
    expect(brief(text)).toEqual(['2024-01-01 Nieuwjaar'])
  })

  it('should expand multi-day events from DTEND (exclusive) or DURATION', () => {
    const text = calendar(
      ['DTSTART;VALUE=DATE:20241230', 'DTEND;VALUE=DATE:20250102', 'SUMMARY:Winter break'],
      ['DTSTART;VALUE=DATE:20240520', 'DURATION:P1W', 'SUMMARY:Week']
    )
    expect(brief(text)).toEqual([
      '2024-12-30 Winter break',
      '2024-12-31 Winter break',
      '2025-01-01 Winter break',
      '2024-05-20 Week',
      '2024-05-21 Week',
      '2024-05-22 Week',
      '2024-05-23 Week',
      '2024-05-24 Week',
      '2024-05-25 Week',
      '2024-05-26 Week'
    ])
  })

  it('should skip cancelled events and ignore the properties of alarms inside an event', () => {
    const text = calendar(
      ['DTSTART;VALUE=DATE:20241225', 'STATUS:CANCELLED'],
      ['DTSTART;VALUE=DATE:20241226', 'BEGIN:VALARM', 'SUMMARY:Reminder', 'RRULE:FREQ=DAILY', 'END:VALARM', 'SUMMARY:Boxing Day']
    )
    expect(brief(text)).toEqual(['2024-12-26 Boxing Day'])
    expect(problems(text)).toEqual([])
  })
})

describe('yearly repeats', () => {
  const christmas = calendar(['DTSTART;VALUE=DATE:20201225', 'SUMMARY:Christmas', 'RRULE:FREQ=YEARLY'])

  it('should expand FREQ=YEARLY over the window only', () => {
    expect(brief(christmas, {from: '2024-01-01', to: '2026-12-31'})).toEqual(['2024-12-25 Christmas', '2025-12-25 Christmas', '2026-12-25 Christmas'])
    // A term from mid-year: a repeat before the start is not made at all.
    expect(brief(christmas, {from: '2024-12-26', to: '2025-12-25'})).toEqual(['2025-12-25 Christmas'])
  })

  it('should expand over ten years from the first when there is no window', () => {
    const days = brief(christmas)
    expect(days).toHaveLength(10)
    expect(days[0]).toBe('2020-12-25 Christmas')
    expect(days.at(-1)).toBe('2029-12-25 Christmas')
  })

  it('should stop at UNTIL (a date or a UTC date-time) and at COUNT, counting from the first', () => {
    const until = calendar(['DTSTART;VALUE=DATE:20200101', 'RRULE:FREQ=YEARLY;UNTIL=20250101'])
    expect(brief(until, {from: '2024-01-01', to: '2030-12-31'})).toEqual(['2024-01-01', '2025-01-01'])
    const untilTime = calendar(['DTSTART;VALUE=DATE:20200101', 'RRULE:FREQ=YEARLY;UNTIL=20241231T230000Z'])
    expect(brief(untilTime, {from: '2024-01-01', to: '2030-12-31'})).toEqual(['2024-01-01'])
    // COUNT=6 from 2020 ends in 2025, whatever the window.
    const count = calendar(['DTSTART;VALUE=DATE:20200101', 'RRULE:FREQ=YEARLY;COUNT=6;INTERVAL=1'])
    expect(brief(count, {from: '2024-01-01', to: '2030-12-31'})).toEqual(['2024-01-01', '2025-01-01'])
  })

  it('should repeat 29 February in leap years only, counting only those', () => {
    const leap = calendar(['DTSTART;VALUE=DATE:20160229', 'RRULE:FREQ=YEARLY;COUNT=4'])
    // 2016, 2020, 2024, 2028: the fourth is the last.
    expect(brief(leap, {from: '2021-01-01', to: '2040-12-31'})).toEqual(['2024-02-29', '2028-02-29'])
  })

  it('should keep an event without a repeat whatever the window', () => {
    const single = calendar(['DTSTART;VALUE=DATE:20191225'])
    expect(brief(single, {from: '2024-01-01', to: '2024-12-31'})).toEqual(['2019-12-25'])
  })

  it('should cap the holidays of one file', () => {
    const events = Array.from({length: 30}, (_, index) => [`DTSTART;VALUE=DATE:2000${String(index % 12 + 1).padStart(2, '0')}01`, 'RRULE:FREQ=YEARLY'])
    const result = parseIcs(calendar(...events), {window: {from: '0001-01-01', to: '9999-12-31'}})
    expect(result.holidays).toHaveLength(maxIcsHolidays)
    expect(result.diagnostics.map((item) => item.ruleId)).toEqual(['ics-too-many-holidays'])
  })
})

describe('what the reader refuses', () => {
  it('should refuse a DTSTART with a time of day, pointing at the value', () => {
    const text = calendar(['DTSTART:20241225T090000', 'SUMMARY:Morning'], ['DTSTART;TZID=Europe/Amsterdam:20241226T000000'])
    expect(problems(text)).toEqual(['ics-date-time "20241225T090000"', 'ics-date-time "20241226T000000"'])
    expect(parseIcs(text).diagnostics[0]!.reason).toBe('Unexpected date and time `20241225T090000` in `DTSTART`, expected a whole day such as `20241225`')
    expect(parseIcs(text).diagnostics[0]!.hint).toBe('A holiday lasts the whole day: write `DTSTART;VALUE=DATE:20241225`')
    expect(brief(text)).toEqual([])
  })

  it('should refuse an event without DTSTART, at its BEGIN line', () => {
    const text = calendar(['SUMMARY:Someday'], ['DTSTART;VALUE=DATE:20240101'])
    expect(problems(text)).toEqual(['ics-dtstart-missing "BEGIN:VEVENT"'])
    expect(brief(text)).toEqual(['2024-01-01'])
  })

  it('should refuse repeats other than FREQ=YEARLY with UNTIL or COUNT, and count the event once', () => {
    const text = calendar(
      ['DTSTART;VALUE=DATE:20240101', 'RRULE:FREQ=MONTHLY'],
      ['DTSTART;VALUE=DATE:20240401', 'RRULE:FREQ=YEARLY;BYDAY=1MO'],
      ['DTSTART;VALUE=DATE:20240501', 'RRULE:FREQ=YEARLY;INTERVAL=2'],
      ['DTSTART;VALUE=DATE:20240601', 'RRULE:FREQ=YEARLY;COUNT=2;UNTIL=20300101'],
      ['DTSTART;VALUE=DATE:20240701', 'RRULE:FREQ=YEARLY', 'EXDATE;VALUE=DATE:20250701']
    )
    expect(problems(text)).toEqual([
      'ics-recurrence-unsupported "FREQ=MONTHLY"',
      'ics-recurrence-unsupported "FREQ=YEARLY;BYDAY=1MO"',
      'ics-recurrence-unsupported "FREQ=YEARLY;INTERVAL=2"',
      'ics-recurrence-unsupported "FREQ=YEARLY;COUNT=2;UNTIL=20300101"',
      'ics-recurrence-unsupported "EXDATE;VALUE=DATE:20250701"'
    ])
    expect(parseIcs(text).diagnostics[1]!.reason).toBe('Unexpected `BYDAY=1MO` in `RRULE`, expected only `FREQ=YEARLY` with `UNTIL` or `COUNT`')
    expect(brief(text, {from: '2024-01-01', to: '2025-12-31'})).toEqual(['2024-01-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01', '2025-07-01'])
  })

  it('should refuse dates that are malformed or do not exist, and ends not after the start', () => {
    const text = calendar(
      ['DTSTART;VALUE=DATE:20240230'],
      ['DTSTART;VALUE=DATE:2024-12-25'],
      ['DTSTART;VALUE=PERIOD:20240101'],
      ['DTSTART;VALUE=DATE:20241225', 'DTEND;VALUE=DATE:20241225'],
      ['DTSTART;VALUE=DATE:20241225', 'DURATION:PT8H']
    )
    expect(problems(text)).toEqual([
      'ics-date-invalid "20240230"',
      'ics-date-invalid "2024-12-25"',
      'ics-date-invalid "DTSTART;VALUE=PERIOD:"',
      'ics-date-invalid "20241225"',
      'ics-date-time "PT8H"'
    ])
  })

  it('should report broken structure and lines, and go on reading', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240101',
      'no colon here',
      'DTSTART;VALUE=DATE:20240102',
      'END:VEVENT',
      'END:VTODO',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240103',
      'END:VEVENT',
      'END:VCALENDAR',
      'X-AFTER:1',
      ''
    ].join('\n')
    expect(problems(text)).toEqual([
      'ics-syntax " colon here"',
      'ics-syntax "DTSTART;VALUE=DATE:20240102"',
      'ics-syntax "END:VTODO"',
      'ics-syntax "X-AFTER:1"'
    ])
    expect(parseIcs(text).diagnostics[0]!.reason).toBe('Unexpected space after `NO`, expected `:` and a value')
    expect(brief(text)).toEqual(['2024-01-01', '2024-01-03'])
  })

  it('should refuse text that is not a calendar, an empty file and a file cut short', () => {
    expect(problems('title: not a calendar\n')).toEqual(['ics-syntax "title: not a calendar"'])
    expect(parseIcs('title: not a calendar\n').diagnostics[0]!.reason).toBe('Unexpected `title`, expected `BEGIN:VCALENDAR` to start an iCalendar file')
    expect(problems('')).toEqual(['ics-syntax ""'])
    const cut = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20240101\r\n'
    expect(problems(cut)).toEqual(['ics-syntax ""'])
    expect(parseIcs(cut).diagnostics[0]!.reason).toBe('Unexpected end of the file, expected `END:VEVENT`')
    // An event never closed is not used.
    expect(brief(cut)).toEqual([])
  })

  it('should shift every offset by the given offset', () => {
    const text = calendar(['DTSTART:20241225T090000'])
    const shifted = readIcs(text, 1)
    expect(shifted.diagnostics[0]!.start).toBe(text.indexOf('20241225T090000') + 1)
    const fine = readIcs(calendar(['DTSTART;VALUE=DATE:20241225']), 1)
    expect(expandIcs(fine.events).holidays[0]!.start).toBe(calendar(['DTSTART;VALUE=DATE:20241225']).indexOf('20241225') + 1)
  })
})

describe('parseIcs on any text', () => {
  const pieces = [
    'BEGIN:VCALENDAR',
    'END:VCALENDAR',
    'BEGIN:VEVENT',
    'END:VEVENT',
    'BEGIN:VALARM',
    'DTSTART;VALUE=DATE:',
    'DTSTART:',
    'DTEND;VALUE=DATE:',
    'DURATION:P',
    'RRULE:FREQ=YEARLY',
    ';COUNT=',
    ';UNTIL=',
    'SUMMARY:',
    'STATUS:CANCELLED',
    '20240229',
    '20241225',
    'T090000Z',
    '\\,',
    '\\',
    ';X="',
    '"',
    ':',
    ';',
    '\r\n',
    '\n',
    '\r',
    '\r\n ',
    '\n\t',
    ' '
  ]
  const text = fc.oneof(
    fc.string({unit: 'binary'}),
    fc.array(fc.oneof({weight: 5, arbitrary: fc.constantFrom(...pieces)}, {weight: 1, arbitrary: fc.string({maxLength: 4})}), {maxLength: 60}).map((parts) => parts.join(''))
  )

  it('should never throw, and every diagnostic and holiday lies inside the text', () => {
    fc.assert(
      fc.property(text, fc.integer({min: 0, max: 3}), (value, offset) => {
        const result = parseIcs(value, {offset, window: {from: '2020-01-01', to: '2030-12-31'}})
        for (const item of result.diagnostics) {
          expect(item.start).toBeGreaterThanOrEqual(offset)
          expect(item.end).toBeGreaterThanOrEqual(item.start)
          expect(item.end).toBeLessThanOrEqual(offset + value.length)
          expect(item.reason).toMatch(/^Unexpected .+, expected /)
          expect(item.hint).toBeTruthy()
        }

        for (const holiday of result.holidays) {
          expect(holiday.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
          expect(holiday.start).toBeGreaterThanOrEqual(offset)
          expect(holiday.end).toBeLessThanOrEqual(offset + value.length)
        }
      }),
      {numRuns: 2000}
    )
  })
})
