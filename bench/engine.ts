/**
 * Engine benchmark: evaluates generated tickets (pauses, priority changes,
 * business calendars in two zones across DST changes) through
 * `evaluateTickets`, the path a page with a large ticket log takes, and
 * prints one JSON line: tickets, milliseconds, tickets per second, peak
 * resident memory. Run in its own process so the memory figure is the
 * engine's. `--tickets=N` (default 100000).
 */
import type {Sla} from '../src/schema/sla.js'
import {evaluateTickets} from '../src/engine/tickets.js'
import {formatInstant} from '../src/engine/zone.js'

const count = Number(process.argv.find((argument) => argument.startsWith('--tickets='))?.slice(10) ?? 100_000)

/** A small deterministic generator (LCG), so every run times the same tickets. */
let seed = 20_261_122
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}

const zone = 'Europe/Amsterdam'
const yearStart = Date.UTC(2024, 0, 1)
const minute = 60_000
const at = (ms: number): string => formatInstant(zone, ms)
const reasons = ['data-dependency', 'approval', 'client-communication', 'work-review']

const tickets: NonNullable<Sla['tickets']> = []
for (let index = 0; index < count; index++) {
  const opened = yearStart + Math.floor(random() * 360 * 24 * 60) * minute
  const events: NonNullable<Sla['tickets']>[number]['events'] = [{type: 'first-response', at: at(opened + Math.floor(random() * 600) * minute)}]
  if (random() < 0.5) events.push({type: 'priority', at: at(opened + Math.floor(random() * 900) * minute), to: random() < 0.5 ? 'P1' : 'P3'})
  events.push({type: 'resolved', at: at(opened + Math.floor(1000 + random() * 6000) * minute)})
  events.sort((a, b) => (a.at < b.at ? -1 : 1))
  const pauses = []
  for (let pause = Math.floor(random() * 3); pause > 0; pause--) {
    const from = opened + Math.floor(random() * 3000) * minute
    pauses.push({from: at(from), to: at(from + Math.floor(30 + random() * 1500) * minute), reason: reasons[Math.floor(random() * reasons.length)]!})
  }

  tickets.push({id: `T-${index}`, priority: ['P1', 'P2', 'P3'][index % 3]!, opened: at(opened), events, ...(pauses.length > 0 ? {pauses} : {})})
}

const sla = {
  schema: 1,
  id: 'bench',
  timeZone: zone,
  calendars: {
    office: {hours: {'mon-fri': '09:00-12:30, 13:00-17:30'}, holidays: ['2024-01-01', '2024-04-01', '2024-12-25', '2024-12-26']},
    americas: {timeZone: 'America/New_York', hours: {'mon-fri': '08:00-18:00', sat: '10:00-14:00'}}
  },
  priorities: {P1: {label: 'Critical'}, P2: {label: 'High'}, P3: {label: 'Normal'}},
  targets: {
    'first-response': {measure: 'first-response', calendar: 'office', goals: {P1: '1h', P2: '4h', P3: '8h'}, goalCalendars: {P1: 'americas'}},
    resolution: {measure: 'resolution', calendar: 'office', goals: {P1: '8h', P2: '2bd', P3: '5bd'}}
  },
  consequences: {form: 'service-credit', perBreach: {resolution: {P1: '5%'}}, cap: '30%'},
  tickets
} as unknown as Sla

const asOf = Date.UTC(2025, 0, 15)
const start = performance.now()
const report = evaluateTickets(sla, asOf)
const ms = performance.now() - start
const cycles = report.reduce((sum, ticket) => sum + Object.values(ticket.targets).reduce((inner, list) => inner + list.length, 0), 0)
console.log(
  JSON.stringify({
    tickets: count,
    cycles,
    ms,
    ticketsPerSecond: (count / ms) * 1000,
    peakRssMiB: process.resourceUsage().maxRSS / 1024
  })
)
