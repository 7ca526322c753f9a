/**
 * `slamark export --format ics`: the milestones' due dates and the
 * calendars' holidays as an iCalendar file (RFC 5545) a client can
 * subscribe to. Every event is a whole day (`DTSTART;VALUE=DATE`), so no
 * time zone definition is needed; `DTSTAMP` is the report's "now", so the
 * same site and "now" give the same bytes.
 */
import {Temporal} from 'temporal-polyfill'
import {compareText} from '../util/sorted.js'
import {escapeIcsText, foldIcsLine} from '../util/ics-text.js'
import type {ExportEntry} from './entries.js'

/** One whole-day event. */
interface DayEvent {
  uid: string
  /** `YYYY-MM-DD`. */
  date: string
  summary: string
  description: string
  categories: string
  /** "Now" of the report, UTC, `YYYYMMDDTHHMMSSZ`. */
  stamp: string
}

/**
 * The iCalendar text of the site's SLAs: one `VEVENT` per milestone (on its
 * due date, after delays and extensions) and per holiday of each business
 * calendar (data files included), lines folded at 75 octets and ended with
 * CRLF, text escaped.
 *
 * @param entries
 *   The site's SLAs.
 */
export function calendarIcs(entries: readonly ExportEntry[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//slamark//SLA export//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  if (entries.length === 1) lines.push(`X-WR-CALNAME:${escapeIcsText(entries[0]!.title)}`)
  for (const event of entries.flatMap(eventsOf)) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${event.stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      `DTEND;VALUE=DATE:${basicDate(Temporal.PlainDate.from(event.date).add({days: 1}).toString())}`,
      `SUMMARY:${escapeIcsText(event.summary)}`,
      `DESCRIPTION:${escapeIcsText(event.description)}`,
      `CATEGORIES:${escapeIcsText(event.categories)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT'
    )
  }

  lines.push('END:VCALENDAR')
  return lines.map(foldIcsLine).join('')
}

/** The events of one SLA: milestones in timeline order, then holidays by calendar and date, each UID once. */
function eventsOf(entry: ExportEntry): DayEvent[] {
  const {sla, report, title} = entry
  const stamp = Temporal.Instant.from(report.asOf).toString({smallestUnit: 'second'}).replaceAll(/[-:]/g, '')
  const events: DayEvent[] = []

  for (const milestone of report.milestones?.milestones ?? []) {
    const facts = [`${title}: milestone ${milestone.id}, ${milestone.status}`]
    if (milestone.baseDueDate !== milestone.dueDate) facts.push(`Baseline due date ${milestone.baseDueDate}, moved to ${milestone.dueDate}`)
    if (milestone.completed !== null) facts.push(`Completed ${milestone.completed}`)
    events.push({
      uid: `${sla.id}.milestone.${milestone.id}@slamark`,
      date: milestone.dueDate,
      summary: `Due: ${milestone.title}`,
      description: facts.join('\n'),
      categories: 'SLA milestone',
      stamp
    })
  }

  const holidays: DayEvent[] = []
  for (const [calendar, definition] of Object.entries(sla.calendars ?? {})) {
    if (definition === '24x7') continue
    for (const holiday of definition.holidays ?? []) {
      const date = typeof holiday === 'string' ? holiday : holiday.date
      const name = typeof holiday === 'string' ? undefined : holiday.name
      holidays.push({
        uid: `${sla.id}.holiday.${calendar}.${basicDate(date)}@slamark`,
        date,
        summary: name ?? 'Holiday',
        description: `${title}: no working time on the ${calendar} calendar`,
        categories: 'SLA holiday',
        stamp
      })
    }
  }

  holidays.sort((a, b) => compareText(a.uid, b.uid))
  const seen = new Set<string>()
  return [...events, ...holidays].filter((event) => !seen.has(event.uid) && seen.add(event.uid))
}

/** `2026-12-25` → `20261225`. */
function basicDate(date: string): string {
  return date.replaceAll('-', '')
}
