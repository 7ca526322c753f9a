/**
 * Tickets measured against an SLA's targets (sla-domain §5.2): cycles per
 * measure, goals per priority and goal calendar, `pauseOn`, priority
 * changes in both modes, reopen cycles, `bd` and `d` goals, credits, and
 * what is left out.
 */
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {EngineInputError} from '../src/engine/input.js'
import {evaluateTickets, type TicketCycleResult, type TicketReport} from '../src/engine/tickets.js'
import type {Sla, Target, Ticket} from '../src/schema/sla.js'

const ms = (text: string) => Temporal.Instant.from(text).epochMilliseconds
/** Amsterdam wall time in winter (+01:00). */
const ams = (date: string, time: string) => `${date}T${time}:00+01:00`
const wed = (time: string) => ams('2024-03-06', time)

const calendars: NonNullable<Sla['calendars']> = {
  office: {hours: {'mon-fri': '09:00-17:00'}, holidays: ['2024-02-12', {date: '2024-02-13', name: 'Second day off'}]},
  always: '24x7',
  ny: {timeZone: 'America/New_York', hours: {'mon-fri': '09:00-17:00'}}
}

/** An SLA in Amsterdam with the calendars above, these targets and tickets. */
function slaOf(targets: Record<string, Target>, tickets: Ticket[], extra: Partial<Sla> = {}): Sla {
  return {schema: 1, id: 'acme-care', timeZone: 'Europe/Amsterdam', calendars, targets, tickets, ...extra}
}

/** The cycles of one target on the only ticket. */
function cycles(reports: TicketReport[], target: string): TicketCycleResult[] {
  expect(reports).toHaveLength(1)
  return reports[0]!.targets[target] ?? []
}

/** Only the fields a case is about. */
function pick(results: TicketCycleResult[], ...keys: Array<keyof TicketCycleResult>): Array<Record<string, unknown>> {
  return results.map((result) => Object.fromEntries(keys.map((key) => [key, result[key]])))
}

const firstResponse: Target = {measure: 'first-response', calendar: 'office', goals: {P1: '4h', P2: '8h', P3: '2bd'}, goalCalendars: {P1: 'always'}}

describe('first response', () => {
  it('runs from opened to the first reply, on the goal calendar of the priority', () => {
    const tickets: Ticket[] = [
      {id: 'T-1', priority: 'P1', opened: ams('2024-02-02', '16:00'), events: [{type: 'response', at: ams('2024-02-02', '19:00')}, {type: 'first-response', at: ams('2024-02-02', '20:00')}]},
      {id: 7, priority: 'P2', opened: ams('2024-02-02', '16:00'), events: [{type: 'first-response', at: ams('2024-02-05', '12:30')}]}
    ]
    const reports = evaluateTickets(slaOf({'first-response': firstResponse}, tickets), ms(ams('2024-03-01', '12:00')))
    const expected: TicketReport[] = [
      {
        id: 'T-1',
        priority: 'P1',
        currentPriority: 'P1',
        targets: {
          'first-response': [
            {
              target: 'first-response', cycle: 1, priority: 'P1', goal: '4h', startedAt: '2024-02-02T16:00:00+01:00', stoppedAt: '2024-02-02T19:00:00+01:00',
              elapsedBusinessMinutes: 180, targetMinutes: 240, dueAt: '2024-02-02T20:00:00+01:00', breached: false, breachedAt: null,
              percentOfTarget: 75, pausedBusinessMinutes: 0, state: 'met', warnings: []
            }
          ]
        }
      },
      {
        id: 7,
        priority: 'P2',
        currentPriority: 'P2',
        targets: {
          'first-response': [
            {
              target: 'first-response', cycle: 1, priority: 'P2', goal: '8h', startedAt: '2024-02-02T16:00:00+01:00', stoppedAt: '2024-02-05T12:30:00+01:00',
              elapsedBusinessMinutes: 270, targetMinutes: 480, dueAt: '2024-02-05T16:00:00+01:00', breached: false, breachedAt: null,
              percentOfTarget: 56.25, pausedBusinessMinutes: 0, state: 'met', warnings: []
            }
          ]
        }
      }
    ]
    expect(reports).toEqual(expected)
    expect(JSON.stringify(reports)).toBe(JSON.stringify(expected))
  })

  it('ignores pauses by default, stops at resolution when no reply was recorded, runs to asOf while open', () => {
    const pauses = [{from: ams('2024-03-06', '10:00'), to: ams('2024-03-06', '11:00'), reason: 'approval'}]
    const answered: Ticket = {id: 'a', priority: 'P2', opened: wed('09:00'), pauses, events: [{type: 'resolved', at: wed('12:00')}]}
    const open: Ticket = {id: 'b', priority: 'P2', opened: wed('09:00'), pauses}
    const [first, second] = evaluateTickets(slaOf({'first-response': firstResponse}, [answered, open]), ms(wed('13:00')))
    expect(pick(first!.targets['first-response']!, 'stoppedAt', 'elapsedBusinessMinutes', 'pausedBusinessMinutes', 'state')).toEqual([
      {stoppedAt: wed('12:00'), elapsedBusinessMinutes: 180, pausedBusinessMinutes: 0, state: 'met'}
    ])
    expect(pick(second!.targets['first-response']!, 'stoppedAt', 'elapsedBusinessMinutes', 'remainingMinutes', 'dueAt', 'state')).toEqual([
      {stoppedAt: null, elapsedBusinessMinutes: 240, remainingMinutes: 240, dueAt: wed('17:00'), state: 'running'}
    ])
  })
})

describe('next response', () => {
  const nextResponse: Target = {measure: 'next-response', calendar: 'office', goals: {P2: '1h'}}

  it('runs one cycle per client message to the next reply, none while resolved', () => {
    const ticket: Ticket = {
      id: 'T-3',
      priority: 'P2',
      opened: wed('09:00'),
      events: [
        {type: 'client-message', at: wed('10:00')},
        {type: 'client-message', at: wed('10:30')},
        {type: 'response', at: wed('11:00')},
        {type: 'client-message', at: wed('14:00')},
        {type: 'first-response', at: wed('15:30')},
        {type: 'client-message', at: wed('16:00')},
        {type: 'resolved', at: wed('16:30')},
        {type: 'client-message', at: wed('16:45')},
        {type: 'reopened', at: ams('2024-03-07', '09:00')},
        {type: 'client-message', at: ams('2024-03-07', '10:00')}
      ]
    }
    const results = cycles(evaluateTickets(slaOf({'next-response': nextResponse}, [ticket]), ms(ams('2024-03-07', '12:00'))), 'next-response')
    expect(pick(results, 'cycle', 'startedAt', 'stoppedAt', 'elapsedBusinessMinutes', 'breached', 'breachedAt', 'state')).toEqual([
      {cycle: 1, startedAt: wed('10:00'), stoppedAt: wed('11:00'), elapsedBusinessMinutes: 60, breached: false, breachedAt: null, state: 'met'},
      {cycle: 2, startedAt: wed('10:30'), stoppedAt: wed('11:00'), elapsedBusinessMinutes: 30, breached: false, breachedAt: null, state: 'met'},
      {cycle: 3, startedAt: wed('14:00'), stoppedAt: wed('15:30'), elapsedBusinessMinutes: 90, breached: true, breachedAt: wed('15:00'), state: 'breached'},
      {cycle: 4, startedAt: wed('16:00'), stoppedAt: wed('16:30'), elapsedBusinessMinutes: 30, breached: false, breachedAt: null, state: 'met'},
      {cycle: 5, startedAt: ams('2024-03-07', '10:00'), stoppedAt: null, elapsedBusinessMinutes: 120, breached: true, breachedAt: ams('2024-03-07', '11:00'), state: 'breached'}
    ])
  })
})

describe('resolution', () => {
  const resolution: Target = {measure: 'resolution', calendar: 'office', goals: {P1: '4h', P2: '1bd', P3: '2bd'}}

  it('starts a new cycle on each reopen; a breach in any cycle counts', () => {
    const ticket: Ticket = {
      id: 'T-4',
      priority: 'P2',
      opened: ams('2024-03-04', '09:00'),
      events: [
        {type: 'resolved', at: ams('2024-03-04', '15:00')},
        {type: 'resolved', at: ams('2024-03-04', '15:30')},
        {type: 'reopened', at: ams('2024-03-05', '10:00')},
        {type: 'resolved', at: ams('2024-03-07', '10:00')},
        {type: 'reopened', at: ams('2024-03-08', '09:00')}
      ]
    }
    const results = cycles(evaluateTickets(slaOf({resolution}, [ticket]), ms(ams('2024-03-08', '10:00'))), 'resolution')
    expect(pick(results, 'cycle', 'startedAt', 'stoppedAt', 'targetMinutes', 'elapsedBusinessMinutes', 'dueAt', 'breachedAt', 'state')).toEqual([
      // 1bd after Monday: Tuesday at close of business; 8 h on Monday + 8 h on Tuesday.
      {cycle: 1, startedAt: ams('2024-03-04', '09:00'), stoppedAt: ams('2024-03-04', '15:00'), targetMinutes: 960, elapsedBusinessMinutes: 360, dueAt: ams('2024-03-05', '17:00'), breachedAt: null, state: 'met'},
      {cycle: 2, startedAt: ams('2024-03-05', '10:00'), stoppedAt: ams('2024-03-07', '10:00'), targetMinutes: 900, elapsedBusinessMinutes: 960, dueAt: ams('2024-03-06', '17:00'), breachedAt: ams('2024-03-06', '17:00'), state: 'breached'},
      {cycle: 3, startedAt: ams('2024-03-08', '09:00'), stoppedAt: null, targetMinutes: 960, elapsedBusinessMinutes: 60, dueAt: ams('2024-03-11', '17:00'), breachedAt: null, state: 'running'}
    ])
  })

  it('pauses on client-caused reasons by default: built-in and added ones, not those marked otherwise', () => {
    const pausesOf = (reason: string) => [{from: wed('10:00'), to: wed('11:00'), reason}]
    const tickets: Ticket[] = ['approval', 'client-holiday', 'provider-wait', 'pending-payment'].map((reason) => ({
      id: reason,
      priority: 'P1',
      opened: wed('09:00'),
      events: [{type: 'resolved', at: wed('14:00')}],
      pauses: pausesOf(reason)
    }))
    const sla = slaOf({resolution}, tickets, {pauseReasons: {'client-holiday': {}, 'provider-wait': {clientCaused: false}, 'pending-payment': {clientCaused: false}}})
    const paused = evaluateTickets(sla, ms(wed('18:00'))).map((report) => [report.id, report.targets.resolution![0]!.pausedBusinessMinutes])
    expect(paused).toEqual([['approval', 60], ['client-holiday', 60], ['provider-wait', 0], ['pending-payment', 0]])

    const onlyWaits = evaluateTickets(slaOf({resolution: {...resolution, pauseOn: ['provider-wait']}}, tickets), ms(wed('18:00')))
    expect(onlyWaits.map((report) => report.targets.resolution![0]!.pausedBusinessMinutes)).toEqual([0, 0, 60, 0])
  })

  it('reports an open-ended pause as paused with no due instant, and warns about zero-length pauses', () => {
    const ticket: Ticket = {
      id: 'T-5',
      priority: 'P1',
      opened: wed('09:00'),
      pauses: [
        {from: wed('10:00'), to: wed('10:00'), reason: 'approval'},
        {from: wed('11:00'), reason: 'client-communication'},
        {from: wed('09:30'), to: wed('09:30'), reason: 'provider-wait'}
      ]
    }
    const sla = slaOf({resolution}, [ticket], {pauseReasons: {'provider-wait': {clientCaused: false}}})
    const [result] = cycles(evaluateTickets(sla, ms(wed('15:00'))), 'resolution')
    expect(result).toEqual({
      target: 'resolution', cycle: 1, priority: 'P1', goal: '4h', startedAt: wed('09:00'), stoppedAt: null,
      elapsedBusinessMinutes: 120, targetMinutes: 240, dueAt: null, breached: false, breachedAt: null, percentOfTarget: 50,
      pausedBusinessMinutes: 240, state: 'paused', remainingMinutes: 120,
      warnings: ['Unexpected zero-length pause at `pauses.0` (from and to both 2024-03-06T10:00:00+01:00), expected `to` after `from`; it is ignored']
    })
  })
})

describe('business-day and calendar-day goals', () => {
  const resolution: Target = {measure: 'resolution', calendar: 'office', goals: {P2: '1bd'}}
  const friday = ams('2024-02-02', '16:00')

  it('is due at close of business of the next business day, holidays skipped', () => {
    const tickets: Ticket[] = [
      {id: 'in time', priority: 'P2', opened: friday, events: [{type: 'resolved', at: ams('2024-02-05', '16:00')}]},
      // Monday 12 and Tuesday 13 February are holidays.
      {id: 'over holidays', priority: 'P2', opened: ams('2024-02-09', '10:00'), events: [{type: 'resolved', at: ams('2024-02-14', '18:00')}]}
    ]
    const results = evaluateTickets(slaOf({resolution}, tickets), ms(ams('2024-03-01', '00:00'))).map((report) => report.targets.resolution![0]!)
    expect(pick(results, 'dueAt', 'targetMinutes', 'elapsedBusinessMinutes', 'percentOfTarget', 'state')).toEqual([
      {dueAt: ams('2024-02-05', '17:00'), targetMinutes: 540, elapsedBusinessMinutes: 480, percentOfTarget: (480 / 540) * 100, state: 'met'},
      // Resolved after closing on the due day: no working time was lost, so met (S7).
      {dueAt: ams('2024-02-14', '17:00'), targetMinutes: 900, elapsedBusinessMinutes: 900, percentOfTarget: 100, state: 'met'}
    ])
  })

  it('moves the due date by business days a pause covers entirely, not by partly paused ones', () => {
    const resolved = {type: 'resolved' as const, at: ams('2024-02-06', '10:00')}
    const tickets: Ticket[] = [
      {id: 'whole Monday', priority: 'P2', opened: friday, events: [resolved], pauses: [{from: ams('2024-02-05', '08:00'), to: ams('2024-02-05', '18:00'), reason: 'approval'}]},
      {id: 'Monday morning', priority: 'P2', opened: friday, events: [resolved], pauses: [{from: ams('2024-02-05', '09:00'), to: ams('2024-02-05', '12:00'), reason: 'approval'}]}
    ]
    const results = evaluateTickets(slaOf({resolution}, tickets), ms(ams('2024-03-01', '00:00'))).map((report) => report.targets.resolution![0]!)
    expect(pick(results, 'dueAt', 'targetMinutes', 'elapsedBusinessMinutes', 'pausedBusinessMinutes', 'breachedAt', 'state')).toEqual([
      {dueAt: ams('2024-02-06', '17:00'), targetMinutes: 540, elapsedBusinessMinutes: 120, pausedBusinessMinutes: 480, breachedAt: null, state: 'met'},
      {dueAt: ams('2024-02-05', '17:00'), targetMinutes: 360, elapsedBusinessMinutes: 420, pausedBusinessMinutes: 180, breachedAt: ams('2024-02-05', '17:00'), state: 'breached'}
    ])
  })

  it('keeps the wall-clock time for `d` goals on 24x7 calendars, across DST', () => {
    const target: Target = {measure: 'resolution', calendar: 'always', goals: {P1: '2d'}}
    const ticket: Ticket = {id: 'T-6', priority: 'P1', opened: ams('2024-03-30', '12:00'), events: [{type: 'resolved', at: '2024-04-01T11:00:00+02:00'}]}
    const [result] = cycles(evaluateTickets(slaOf({resolution: target}, [ticket]), ms('2024-05-01T00:00:00Z')), 'resolution')
    // Two calendar days are 47 real hours here: the clocks went forward on 31 March.
    expect(pick([result!], 'dueAt', 'targetMinutes', 'elapsedBusinessMinutes', 'state')).toEqual([
      {dueAt: '2024-04-01T12:00:00+02:00', targetMinutes: 47 * 60, elapsedBusinessMinutes: 46 * 60, state: 'met'}
    ])
  })
})

describe('update interval', () => {
  const updates: Target = {measure: 'update-interval', calendar: 'office', goals: {P1: '2h'}}

  it('runs between provider replies while open, from opened, again after a reopen', () => {
    const ticket: Ticket = {
      id: 'T-7',
      priority: 'P1',
      opened: wed('09:00'),
      events: [
        {type: 'first-response', at: wed('10:00')},
        {type: 'response', at: wed('13:00')},
        {type: 'resolved', at: wed('14:00')},
        {type: 'response', at: wed('15:00')},
        {type: 'reopened', at: wed('16:00')}
      ]
    }
    const results = cycles(evaluateTickets(slaOf({updates}, [ticket]), ms(ams('2024-03-07', '09:30'))), 'updates')
    expect(pick(results, 'startedAt', 'stoppedAt', 'elapsedBusinessMinutes', 'breachedAt', 'state')).toEqual([
      {startedAt: wed('09:00'), stoppedAt: wed('10:00'), elapsedBusinessMinutes: 60, breachedAt: null, state: 'met'},
      {startedAt: wed('10:00'), stoppedAt: wed('13:00'), elapsedBusinessMinutes: 180, breachedAt: wed('12:00'), state: 'breached'},
      {startedAt: wed('13:00'), stoppedAt: wed('14:00'), elapsedBusinessMinutes: 60, breachedAt: null, state: 'met'},
      {startedAt: wed('16:00'), stoppedAt: null, elapsedBusinessMinutes: 90, breachedAt: null, state: 'running'}
    ])
  })

  it('leaves a target out for a ticket whose priority has no goal in it', () => {
    const ticket: Ticket = {id: 'T-8', priority: 'P2', opened: wed('09:00')}
    const [report] = evaluateTickets(slaOf({updates, 'first-response': firstResponse}, [ticket]), ms(wed('10:00')))
    expect(Object.keys(report!.targets)).toEqual(['first-response'])
  })
})

describe('priority changes', () => {
  const response: Target = {measure: 'first-response', calendar: 'office', goals: {P1: '2h', P3: '8h'}}
  const consequences: Sla['consequences'] = {form: 'service-credit', perBreach: {response: {P1: '5%', P3: '1.5%'}}}
  const raised: Ticket = {
    id: 'up',
    priority: 'P3',
    opened: wed('09:00'),
    events: [{type: 'priority', at: wed('12:00'), to: 'P1'}, {type: 'first-response', at: wed('13:00')}]
  }
  const lowered: Ticket = {
    id: 'down',
    priority: 'P1',
    opened: wed('09:00'),
    events: [{type: 'priority', at: wed('12:00'), to: 'P3'}, {type: 'first-response', at: wed('13:00')}]
  }
  const fields = ['cycle', 'priority', 'goal', 'startedAt', 'stoppedAt', 'targetMinutes', 'elapsedBusinessMinutes', 'dueAt', 'breachedAt', 'state', 'creditPercent'] as const

  it('keeps elapsed time from the original start; a raise breaches at once, a lowered breach stays (S8)', () => {
    const reports = evaluateTickets(slaOf({response}, [raised, lowered], {consequences}), ms(wed('18:00')))
    expect(reports.map((report) => [report.priority, report.currentPriority])).toEqual([['P3', 'P1'], ['P1', 'P3']])
    expect(pick(reports[0]!.targets.response!, ...fields)).toEqual([
      {cycle: 1, priority: 'P1', goal: '2h', startedAt: wed('09:00'), stoppedAt: wed('13:00'), targetMinutes: 120, elapsedBusinessMinutes: 240, dueAt: wed('11:00'), breachedAt: wed('12:00'), state: 'breached', creditPercent: 5}
    ])
    // Breached at 11:00 as P1: the P1 credit applies though the ticket ends as P3.
    expect(pick(reports[1]!.targets.response!, ...fields)).toEqual([
      {cycle: 1, priority: 'P3', goal: '8h', startedAt: wed('09:00'), stoppedAt: wed('13:00'), targetMinutes: 480, elapsedBusinessMinutes: 240, dueAt: wed('17:00'), breachedAt: wed('11:00'), state: 'breached', creditPercent: 5}
    ])
  })

  it('starts a new cycle at each change in restart mode', () => {
    const restart: Target = {...response, onPriorityChange: 'restart'}
    const reports = evaluateTickets(slaOf({response: restart}, [raised, lowered], {consequences}), ms(wed('18:00')))
    expect(pick(reports[0]!.targets.response!, ...fields)).toEqual([
      {cycle: 1, priority: 'P3', goal: '8h', startedAt: wed('09:00'), stoppedAt: wed('12:00'), targetMinutes: 480, elapsedBusinessMinutes: 180, dueAt: wed('17:00'), breachedAt: null, state: 'met', creditPercent: undefined},
      {cycle: 2, priority: 'P1', goal: '2h', startedAt: wed('12:00'), stoppedAt: wed('13:00'), targetMinutes: 120, elapsedBusinessMinutes: 60, dueAt: wed('14:00'), breachedAt: null, state: 'met', creditPercent: undefined}
    ])
    expect(pick(reports[1]!.targets.response!, ...fields)).toEqual([
      {cycle: 1, priority: 'P1', goal: '2h', startedAt: wed('09:00'), stoppedAt: wed('12:00'), targetMinutes: 120, elapsedBusinessMinutes: 180, dueAt: wed('11:00'), breachedAt: wed('11:00'), state: 'breached', creditPercent: 5},
      {cycle: 2, priority: 'P3', goal: '8h', startedAt: wed('12:00'), stoppedAt: wed('13:00'), targetMinutes: 480, elapsedBusinessMinutes: 60, dueAt: ams('2024-03-07', '12:00'), breachedAt: null, state: 'met', creditPercent: undefined}
    ])
  })

  it('applies a goal from the first change to a priority that has one, counting from the start', () => {
    const onlyP1: Target = {measure: 'first-response', calendar: 'office', goals: {P1: '2h'}}
    const reports = evaluateTickets(slaOf({response: onlyP1}, [raised, lowered]), ms(wed('18:00')))
    expect(pick(reports[0]!.targets.response!, 'priority', 'elapsedBusinessMinutes', 'breachedAt', 'state')).toEqual([
      {priority: 'P1', elapsedBusinessMinutes: 240, breachedAt: wed('12:00'), state: 'breached'}
    ])
    // The change to P3, which has no goal here, is ignored.
    expect(pick(reports[1]!.targets.response!, 'priority', 'elapsedBusinessMinutes', 'breachedAt', 'state')).toEqual([
      {priority: 'P1', elapsedBusinessMinutes: 240, breachedAt: wed('11:00'), state: 'breached'}
    ])
    const restarted = evaluateTickets(slaOf({response: {...onlyP1, onPriorityChange: 'restart'}}, [raised]), ms(wed('18:00')))
    expect(pick(restarted[0]!.targets.response!, 'cycle', 'startedAt', 'elapsedBusinessMinutes', 'state')).toEqual([
      {cycle: 1, startedAt: wed('12:00'), elapsedBusinessMinutes: 60, state: 'met'}
    ])
  })

  it('measures each goal on its own calendar', () => {
    const split: Target = {measure: 'first-response', calendar: 'office', goals: {P1: '4h', P3: '8h'}, goalCalendars: {P1: 'always'}}
    const evening: Ticket = {id: 'evening', priority: 'P3', opened: wed('16:00'), events: [{type: 'priority', at: wed('18:00'), to: 'P1'}, {type: 'first-response', at: wed('21:00')}]}
    const [report] = evaluateTickets(slaOf({response: split}, [evening]), ms(ams('2024-03-07', '12:00')))
    // On the 24x7 calendar 16:00 to 21:00 is 5 h: over the P1 goal of 4 h, which ran out at 20:00.
    expect(pick(report!.targets.response!, 'priority', 'elapsedBusinessMinutes', 'dueAt', 'breachedAt', 'state')).toEqual([
      {priority: 'P1', elapsedBusinessMinutes: 300, dueAt: wed('20:00'), breachedAt: wed('20:00'), state: 'breached'}
    ])
  })
})

describe('as of', () => {
  const resolution: Target = {measure: 'resolution', calendar: 'ny', goals: {P1: '4h'}}

  it('ignores events after asOf and tickets opened after it; writes instants in the goal calendar’s zone', () => {
    const tickets: Ticket[] = [
      {id: 'later resolved', priority: 'P1', opened: '2024-01-09T09:00:00-05:00', events: [{type: 'resolved', at: '2024-01-09T15:00:00-05:00'}]},
      {id: 'not yet opened', priority: 'P1', opened: '2024-01-09T12:00:00-05:00'}
    ]
    const reports = evaluateTickets(slaOf({resolution}, tickets), ms('2024-01-09T11:00:00-05:00'))
    expect(pick(reports[0]!.targets.resolution!, 'startedAt', 'stoppedAt', 'elapsedBusinessMinutes', 'dueAt', 'state')).toEqual([
      {startedAt: '2024-01-09T09:00:00-05:00', stoppedAt: null, elapsedBusinessMinutes: 120, dueAt: '2024-01-09T13:00:00-05:00', state: 'running'}
    ])
    expect(reports[1]).toEqual({id: 'not yet opened', priority: 'P1', currentPriority: 'P1', targets: {}})
  })

  it('writes started and stopped instants with the calendar’s offset, however they were written', () => {
    const resolution: Target = {measure: 'resolution', calendar: 'office', goals: {P1: '8h'}, onPriorityChange: 'restart'}
    const ticket: Ticket = {
      id: 'offsets',
      priority: 'P1',
      opened: '2024-03-06T08:00:00Z',
      events: [
        // Before `opened` (a validation error): counts from `opened`.
        {type: 'client-message', at: '2024-03-06T08:00:00+02:00'},
        {type: 'priority', at: '2024-03-06t10:30+01:00', to: 'P2'},
        {type: 'resolved', at: '2024-03-06T11:00:00-00:00'},
        {type: 'reopened', at: '2024-03-06 13:15:00.000+01:00'},
        {type: 'resolved', at: wed('14:45')}
      ]
    }
    const goals = {...resolution, goals: {P1: '8h', P2: '4h'}}
    const [report] = evaluateTickets(slaOf({resolution: goals}, [ticket]), ms(wed('18:00')))
    expect(pick(report!.targets.resolution!, 'cycle', 'priority', 'startedAt', 'stoppedAt')).toEqual([
      {cycle: 1, priority: 'P1', startedAt: wed('09:00'), stoppedAt: wed('10:30')},
      {cycle: 2, priority: 'P2', startedAt: wed('10:30'), stoppedAt: wed('12:00')},
      {cycle: 3, priority: 'P2', startedAt: wed('13:15'), stoppedAt: wed('14:45')}
    ])
    // The same instants on a calendar in New York.
    const ny = {...goals, calendar: 'ny'}
    const [there] = evaluateTickets(slaOf({resolution: ny}, [ticket]), ms(wed('18:00')))
    expect(there!.targets.resolution!.map((result) => [result.startedAt, result.stoppedAt])).toEqual([
      ['2024-03-06T03:00:00-05:00', '2024-03-06T04:30:00-05:00'],
      ['2024-03-06T04:30:00-05:00', '2024-03-06T06:00:00-05:00'],
      ['2024-03-06T07:15:00-05:00', '2024-03-06T08:45:00-05:00']
    ])
  })

  it('reads offset-less instants in the SLA zone and treats a calendar without a zone as in it', () => {
    const ticket: Ticket = {id: 'local', priority: 'P1', opened: '2024-03-06T09:00:00', events: [{type: 'resolved', at: '2024-03-06 10:30'}]}
    const target: Target = {measure: 'resolution', calendar: 'office', goals: {P1: '4h'}}
    const [report] = evaluateTickets(slaOf({resolution: target}, [ticket]), ms(wed('18:00')))
    expect(pick(report!.targets.resolution!, 'startedAt', 'stoppedAt', 'elapsedBusinessMinutes')).toEqual([
      {startedAt: wed('09:00'), stoppedAt: wed('10:30'), elapsedBusinessMinutes: 90}
    ])
  })
})

describe('bad data', () => {
  it('refuses an unknown calendar and a malformed goal with a path', () => {
    const ticket: Ticket = {id: 'x', priority: 'P1', opened: wed('09:00')}
    const unknown = (): unknown => evaluateTickets(slaOf({resolution: {measure: 'resolution', calendar: 'offce', goals: {P1: '4h'}}}, [ticket]), 0)
    expect(unknown).toThrow(EngineInputError)
    expect(unknown).toThrow(/Unexpected calendar `offce`, expected one defined under `calendars` or `24x7`/)
    try {
      evaluateTickets(slaOf({resolution: {measure: 'resolution', calendar: 'office', goals: {P1: '2d'}}}, [ticket]), 0)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EngineInputError)
      expect((error as EngineInputError).path).toEqual(['targets', 'resolution', 'goals', 'P1'])
    }
  })

  it('uses the built-in 24x7 calendar without a definition, and gives an empty list without tickets', () => {
    const target: Target = {measure: 'first-response', calendar: '24x7', goals: {P1: '1h'}}
    const ticket: Ticket = {id: 'night', priority: 'P1', opened: ams('2024-03-09', '23:00'), events: [{type: 'response', at: ams('2024-03-10', '00:30')}]}
    const sla: Sla = {schema: 1, id: 'no-calendars', timeZone: 'Europe/Amsterdam', targets: {response: target}, tickets: [ticket]}
    const [report] = evaluateTickets(sla, ms('2024-04-01T00:00:00Z'))
    expect(pick(report!.targets.response!, 'elapsedBusinessMinutes', 'breachedAt')).toEqual([{elapsedBusinessMinutes: 90, breachedAt: ams('2024-03-10', '00:00')}])
    expect(evaluateTickets({schema: 1, id: 'empty'}, 0)).toEqual([])
  })
})
