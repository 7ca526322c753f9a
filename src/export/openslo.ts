/**
 * `slamark export --format openslo`: the measurable promises of each SLA as
 * OpenSLO v1 documents (sla-domain §2.1, §2.3), for SLO tools:
 *
 * - a `Service` per SLA, named by its id, with its term, calendars, pause
 *   reasons and credits under slamark's own annotations (`slamark/…`);
 * - an availability `SLO`: a calendar-aligned window (`1M` or `1Q` in the
 *   SLA's zone, from the start of the term), `Timeslices` of one minute,
 *   the objective as `target`;
 * - an `SLO` per ticket target and priority: `Occurrences` (good = ticket
 *   cycles that met the goal) over calendar months, the goal, its calendar
 *   and pauses in annotations.
 *
 * What OpenSLO cannot say stays in annotations as JSON text: business
 * calendars, pauses, maintenance notice, credit tiers. OpenSLO targets stop
 * short of 1 (`target` in [0, 1)), and an SLA's ticket goal holds for every
 * ticket, so those objectives are {@link everyOccurrenceTarget}; an
 * availability objective of 100 % is written the same way.
 */
import {createHash} from 'node:crypto'
import {stringify} from 'yaml'
import {parseDuration, parsePercent} from '../schema/values/index.js'
import type {Sla} from '../schema/sla.js'
import {calendarKind, goalCalendarName} from '../transform/inject/calendars.js'
import {formatDurationWords, formatExactPercent} from '../transform/inject/format.js'
import type {ExportEntry} from './entries.js'

/** OpenSLO's version of these documents. */
export const openSloVersion = 'openslo/v1'
/** The prefix of slamark's annotations (a DNS label, as OpenSLO asks of a prefix). */
export const annotationPrefix = 'slamark/'
/**
 * The objective of a promise that holds for every occurrence: OpenSLO's
 * `target` must stay below 1, and six nines break on the first miss in
 * any realistic month of tickets.
 */
export const everyOccurrenceTarget = 0.999999

/** One OpenSLO document. */
export interface OpenSloDocument {
  apiVersion: typeof openSloVersion
  kind: 'Service' | 'SLO'
  metadata: {name: string; displayName?: string; annotations?: Record<string, string>}
  spec: Record<string, unknown>
}

/**
 * The OpenSLO documents of the site's SLAs, as one YAML stream (`---`
 * between documents).
 *
 * @param entries
 *   The site's SLAs.
 */
export function openSloYaml(entries: readonly ExportEntry[]): string {
  return openSloDocuments(entries)
    .map((document) => stringify(document, {lineWidth: 0}))
    .join('---\n')
}

/**
 * The OpenSLO documents of the site's SLAs: per SLA its `Service`, its
 * availability `SLO` and one `SLO` per ticket target and priority.
 *
 * @param entries
 *   The site's SLAs.
 */
export function openSloDocuments(entries: readonly ExportEntry[]): OpenSloDocument[] {
  // One set of names for the whole stream: `a-b` + `c` and `a` + `b-c` meet.
  const names = new Names()
  return entries.flatMap((entry) => [service(entry, names), ...availabilitySlo(entry, names), ...ticketSlos(entry, names)])
}

function service(entry: ExportEntry, names: Names): OpenSloDocument {
  const {sla, title} = entry
  const parties = sla.parties ? `, between ${sla.parties.provider.name} and ${sla.parties.client.name}` : ''
  return {
    apiVersion: openSloVersion,
    kind: 'Service',
    metadata: {
      name: names.take(sla.id),
      displayName: displayName(title),
      annotations: annotations({
        page: entry.contentPath,
        'time-zone': sla.timeZone ?? 'UTC',
        term: sla.effective,
        calendars: sla.calendars,
        'pause-reasons': sla.pauseReasons,
        credits: sla.consequences
      })
    },
    spec: {description: description(`${title}: service level agreement${parties}.`)}
  }
}

function availabilitySlo(entry: ExportEntry, names: Names): OpenSloDocument[] {
  const {sla} = entry
  const availability = sla.availability
  if (!availability) return []
  const objective = parsePercent(availability.objective, {kind: 'objective'})
  if (!objective.ok) return []
  const window = availability.window === 'quarter' ? 'quarter' : 'month'
  const name = names.take(`${sla.id}-availability`)
  return [
    {
      apiVersion: openSloVersion,
      kind: 'SLO',
      metadata: {
        name,
        displayName: 'Availability',
        annotations: annotations({
          objective: String(availability.objective),
          'minimum-incident': availability.minimumIncident,
          maintenance: availability.maintenance,
          'credit-tiers': availability.creditTiers
        })
      },
      spec: {
        description: description(`Uptime of ${entry.title} per calendar ${window} in ${sla.timeZone ?? 'UTC'}: at least ${formatExactPercent(objective.value.microPercent)} of the minutes, planned maintenance announced in time excluded.`),
        service: sla.id,
        indicator: {
          metadata: {name: names.take(`${sla.id}-uptime`), displayName: 'Minutes available'},
          spec: {ratioMetric: {counter: false, good: source(sla, {measure: 'available-minutes'}), total: source(sla, {measure: 'period-minutes'})}}
        },
        timeWindow: [calendarWindow(sla, window)],
        budgetingMethod: 'Timeslices',
        objectives: [
          {
            displayName: `Uptime per ${window}`,
            target: fraction(objective.value.microPercent),
            timeSliceTarget: 1,
            timeSliceWindow: '1m'
          }
        ]
      }
    }
  ]
}

function ticketSlos(entry: ExportEntry, names: Names): OpenSloDocument[] {
  const {sla} = entry
  const documents: OpenSloDocument[] = []
  for (const [target, definition] of Object.entries(sla.targets ?? {})) {
    for (const [priority, goal] of Object.entries(definition.goals)) {
      const calendar = goalCalendarName(sla, target, priority)
      const parsed = parseDuration(goal)
      const words = parsed.ok ? formatDurationWords(parsed.value, calendarKind(sla, calendar), goal) : goal
      const label = sla.priorities?.[priority]?.label
      const who = label === undefined ? `${priority} tickets` : `${priority} (${label}) tickets`
      documents.push({
        apiVersion: openSloVersion,
        kind: 'SLO',
        metadata: {
          name: names.take(`${sla.id}-${target}-${priority}`),
          displayName: displayName(`${target} ${priority}`),
          annotations: annotations({
            measure: definition.measure,
            goal,
            calendar,
            'pause-on': definition.pauseOn,
            'on-priority-change': definition.onPriorityChange,
            'per-breach-credit': sla.consequences?.perBreach?.[target]?.[priority],
            escalation: sla.escalation,
            'every-ticket': 'true'
          })
        },
        spec: {
          description: description(`${who} of ${entry.title}: ${definition.measure} within ${words} on the ${calendar ?? 'unnamed'} calendar, for every ticket.`),
          service: sla.id,
          indicator: {
            metadata: {name: names.take(`${sla.id}-${target}-${priority}-met`), displayName: displayName(`${target} ${priority} met`)},
            spec: {
              ratioMetric: {
                counter: false,
                good: source(sla, {target, priority, measure: 'cycles-met'}),
                total: source(sla, {target, priority, measure: 'cycles'})
              }
            }
          },
          timeWindow: [calendarWindow(sla, 'month')],
          budgetingMethod: 'Occurrences',
          objectives: [{displayName: displayName(`Within ${words}`), target: everyOccurrenceTarget}]
        }
      })
    }
  }

  return documents
}

/** A metric slamark computes from the page (OpenSLO's `metricSource`, of type `slamark`). */
function source(sla: Sla, spec: Record<string, string>) {
  return {metricSource: {type: 'slamark', spec: {sla: sla.id, ...spec}}}
}

/** A calendar-aligned window from the start of the term's month or quarter, in the SLA's zone. */
function calendarWindow(sla: Sla, window: 'month' | 'quarter') {
  const [year, month] = (sla.effective?.from ?? '1970-01-01').split('-').map(Number) as [number, number]
  const first = window === 'quarter' ? month - ((month - 1) % 3) : month
  return {
    duration: window === 'quarter' ? '1Q' : '1M',
    isRolling: false,
    calendar: {startTime: `${year}-${String(first).padStart(2, '0')}-01 00:00:00`, timeZone: sla.timeZone ?? 'UTC'}
  }
}

/** A percentage as OpenSLO's fraction, below 1. */
function fraction(microPercent: number): number {
  // Millionths of a percent: the quotient of two exact integers, rounded once.
  return microPercent >= 100_000_000 ? everyOccurrenceTarget : microPercent / 100_000_000
}

/** slamark's annotations: each value as text (JSON for lists and mappings), absent values left out. */
function annotations(values: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    result[annotationPrefix + key] = typeof value === 'string' ? value : JSON.stringify(value)
  }

  return result
}

/** OpenSLO's `displayName` holds at most 63 characters. */
function displayName(text: string): string {
  return [...text].length <= 63 ? text : [...text].slice(0, 62).join('') + '…'
}

/** OpenSLO's `description` holds at most 1050 characters. */
function description(text: string): string {
  return [...text].length <= 1050 ? text : [...text].slice(0, 1049).join('') + '…'
}

/**
 * Object names as OpenSLO requires them (RFC 1123 labels: lower-case
 * letters, digits and inner `-`, at most 63), each used once: a name too
 * long, or already taken, ends in a hash of what was asked.
 */
class Names {
  private readonly taken = new Set<string>()

  take(wanted: string): string {
    let name = wanted.toLowerCase().replaceAll(/[^a-z0-9-]+/g, '-').replaceAll(/-+/g, '-').replaceAll(/^-|-$/g, '') || 'x'
    if (name.length > 63 || this.taken.has(name)) {
      const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 6)
      name = `${name.slice(0, 56).replace(/-$/, '')}-${hash}`
    }

    this.taken.add(name)
    return name
  }
}
