import fc from 'fast-check'
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {evaluateAvailability} from '../src/engine/availability.js'
import {checkValues} from '../src/schema/check-values.js'
import type {Sla} from '../src/schema/sla.js'

function sla(): Record<string, any> {
  return {
    schema: 1,
    id: 'demo',
    timeZone: 'Europe/Amsterdam',
    effective: {from: '2024-01-01', to: '2024-12-31'},
    calendars: {office: {hours: {'mon-fri': '09:00-17:00'}, holidays: ['2024-12-25', {date: '2024-12-26', name: 'Boxing day'}]}, always: '24x7'},
    priorities: {P1: {label: 'Critical'}},
    targets: {
      reply: {measure: 'first-response', calendar: 'office', goals: {P1: '4h'}, goalCalendars: {P1: 'always'}},
      fix: {measure: 'resolution', calendar: 'office', goals: {P1: '2bd'}}
    },
    availability: {
      objective: '99.9%',
      window: 'month',
      minimumIncident: '1m',
      incidents: [{from: '2024-06-05T10:00:00Z', to: '2024-06-05T14:00:00Z'}],
      creditTiers: [{below: '99.9%', credit: '10%'}, {below: '99%', credit: '25%'}]
    },
    kpis: {fcr: {objective: '>= 75%', window: 'quarter', total: 40, excluded: 3, firstContactResolved: 31}},
    consequences: {perBreach: {reply: {P1: '5%'}}, cap: '30%'},
    tickets: [
      {
        id: 'T-1',
        priority: 'P1',
        opened: '2024-02-02T16:00:00+01:00',
        events: [{type: 'first-response', at: '2024-02-05T12:30:00+01:00'}, {type: 'resolved', at: '2024-02-06T11:00:00+01:00'}],
        // Whole days: the `bd` goal of `fix` counts only whole business days of a pause.
        pauses: [{from: '2024-02-05T00:00:00+01:00', to: '2024-02-06T00:00:00+01:00', reason: 'approval'}]
      }
    ],
    milestones: [{id: 'a', title: 'A', start: '2024-09-02', duration: '5bd', completed: '2024-09-09', delays: [{from: '2024-09-03', to: '2024-09-04', reason: 'approval'}]}]
  }
}

const brief = (data: Record<string, unknown>) =>
  checkValues(data).map((item) => `${item.severity} ${item.ruleId} ${item.path.join('.')}${item.at ? ' (' + item.at + ')' : ''}`)

describe('checkValues', () => {
  it('should find nothing in a valid SLA', () => {
    expect(brief(sla())).toEqual([])
  })

  it('should read offset-less times in the SLA zone: a DST gap is an error, an overlap a warning', () => {
    const data = sla()
    data.tickets[0].opened = '2024-03-31T02:30'
    data.tickets[0].events = [{type: 'first-response', at: '2024-10-27T02:30'}]
    data.tickets[0].pauses = []
    expect(brief(data)).toEqual([
      'error instant-in-dst-gap sla.tickets.0.opened',
      'warning instant-ambiguous sla.tickets.0.events.0.at'
    ])
  })

  it('should refuse calendar days on a business calendar but allow them round the clock', () => {
    const data = sla()
    data.targets.fix.goals.P1 = '2d'
    data.targets.reply.goals.P1 = '1d'
    expect(brief(data)).toEqual(['error duration-days-on-business-calendar sla.targets.fix.goals.P1'])
  })

  it('should check order: events before opening, reopened before resolved, reversed and zero-length pauses, overlaps', () => {
    const data = sla()
    data.tickets[0].events = [
      {type: 'first-response', at: '2024-02-01T12:00:00+01:00'},
      {type: 'reopened', at: '2024-02-07T12:00:00+01:00'}
    ]
    data.tickets[0].pauses = [
      {from: '2024-02-05T14:00:00+01:00', to: '2024-02-05T13:00:00+01:00', reason: 'approval'},
      {from: '2024-02-05T15:00:00+01:00', to: '2024-02-05T15:00:00+01:00', reason: 'approval'},
      {from: '2024-02-06T09:00:00+01:00', to: '2024-02-06T12:00:00+01:00', reason: 'approval'},
      {from: '2024-02-06T11:00:00+01:00', to: '2024-02-06T13:00:00+01:00', reason: 'approval'}
    ]
    expect(brief(data)).toEqual([
      // These pauses are parts of days, and `fix` counts business days.
      'warning business-days-partial-pause sla.targets.fix.goals',
      'error event-before-opened sla.tickets.0.events.0.at',
      'error reopened-before-resolved sla.tickets.0.events.1.type',
      'error pause-reversed sla.tickets.0.pauses.0.to',
      'warning pause-zero-length sla.tickets.0.pauses.1.to',
      'warning pause-overlap sla.tickets.0.pauses.3.from'
    ])
  })

  it('should check tiers against the objective and their order, and credits and caps', () => {
    const data = sla()
    data.availability.creditTiers = [{below: '99%', credit: '10%'}, {below: '99.95%', credit: '150%'}]
    delete data.consequences.cap
    expect(brief(data)).toEqual([
      'error percent-out-of-range sla.availability.creditTiers.1.credit',
      'error tier-above-objective sla.availability.creditTiers.1.below',
      'warning tier-order sla.availability.creditTiers.1.below',
      'warning credit-without-cap sla.consequences.perBreach'
    ])
  })

  it('should check KPI data and working hours, pointing inside the hours mapping', () => {
    const data = sla()
    data.kpis.fcr.excluded = 50
    data.kpis.csat = {objective: '>= 80%', scale: 5, satisfiedAtOrAbove: 4, window: 'quarter', minResponses: 1, counts: {'6': 2, '4': -1}}
    data.calendars.office.hours = {'mon-fri': '09:00-17:00', wed: '16:00-18:00', moon: '09:00-10:00'}
    const found = brief(data)
    expect(found).toContain('error kpi-excluded-over-total sla.kpis.fcr.excluded')
    expect(found).toContain('error kpi-score-range sla.kpis.csat.counts.6')
    expect(found).toContain('error kpi-negative-count sla.kpis.csat.counts.4')
    expect(found.some((line) => line.startsWith('error hours-') && line.includes('sla.calendars.office'))).toBe(true)
  })

  it('should check dates of the term, milestones and delays', () => {
    const data = sla()
    data.effective.to = '2023-12-31'
    data.milestones[0].completed = '2024-08-30'
    data.milestones[0].delays[0].to = '2024-09-01'
    data.calendars.office.holidays = ['2024-02-30']
    expect(brief(data)).toEqual([
      'error range-reversed sla.effective.to',
      'error date-invalid sla.calendars.office.holidays.0',
      'error milestone-completed-early sla.milestones.0.completed',
      'error range-reversed sla.milestones.0.delays.0.to'
    ])
  })

  it('should warn about holidays, pauses, maintenance notice, incidents and thin KPI data', () => {
    const data = sla()
    data.calendars.office.holidays = ['2023-12-25', '2024-12-28']
    data.calendars.weekend = {hours: {'sat-sun': '10:00-14:00'}}
    data.pauseReasons = {'provider-holiday': {clientCaused: false}}
    data.targets.fix.pauseOn = ['provider-holiday']
    data.tickets[0].pauses = [{from: '2024-02-02T12:00:00+01:00', to: '2024-02-02T18:00:00+01:00', reason: 'approval'}]
    data.availability.maintenance = {noticeDays: 5, windows: [{from: '2024-06-18T22:00:00Z', to: '2024-06-18T23:00:00Z', announced: '2024-06-15'}]}
    data.availability.incidents = [
      {from: '2024-06-05T10:00:00Z', to: '2024-06-05T14:00:00Z'},
      {from: '2024-06-05T13:00:00Z', to: '2024-06-05T15:00:00Z'}
    ]
    data.kpis.fcr.excluded = 40
    data.kpis.csat = {objective: '>= 80%', scale: 5, satisfiedAtOrAbove: 4, window: 'quarter', minResponses: 10, counts: {'5': 3, '4': 2}}
    expect(brief(data)).toEqual([
      'warning holiday-outside-term sla.calendars.office.holidays.0',
      'warning holiday-non-working-day sla.calendars.office.holidays.1',
      'warning calendar-without-holidays sla.calendars.weekend.hours',
      'warning business-days-partial-pause sla.targets.fix.goals',
      'warning maintenance-late-notice sla.availability.maintenance.windows.0.announced',
      'warning incident-overlap sla.availability.incidents.1.from',
      'warning kpi-zero-denominator sla.kpis.fcr.total',
      'warning kpi-insufficient-data sla.kpis.csat.minResponses',
      'warning pause-outside-ticket sla.tickets.0.pauses.0.from',
      'warning pause-not-client-caused sla.targets.fix.pauseOn.0'
    ])
  })

  it('should warn about working-hours boundaries inside a DST gap or overlap during the term', () => {
    const data = sla()
    data.calendars.night = {hours: {sun: '02:30-06:00'}, holidays: ['2024-12-25']}
    expect(brief(data)).toEqual([
      'warning hours-boundary-dst sla.calendars.night.hours',
      'warning hours-boundary-dst sla.calendars.night.hours',
      'warning holiday-non-working-day sla.calendars.night.holidays.0'
    ].sort((a, b) => (a.includes('holiday') ? -1 : 0) - (b.includes('holiday') ? -1 : 0)))
    const reasons = checkValues(data).filter((item) => item.ruleId === 'hours-boundary-dst').map((item) => item.reason)
    expect(reasons).toEqual([
      'Unexpected working-hours boundary 02:30 on 2024-03-31 inside the DST gap of Europe/Amsterdam, expected a time that exists once every day',
      'Unexpected working-hours boundary 02:30 on 2024-10-27 inside the DST overlap of Europe/Amsterdam, expected a time that exists once every day'
    ])
  })

  it('should compare with "now": overdue review, expired term, forgotten open pause, fixed asOf in production', () => {
    const data = sla()
    data.asOf = '2025-03-01T09:00:00+01:00'
    data.reviews = {every: 'quarter', next: '2025-01-15'}
    data.tickets[0].pauses = [{from: '2024-12-01T00:00:00+01:00', reason: 'approval'}]
    data.tickets[0].events = [{type: 'first-response', at: '2024-02-05T12:30:00+01:00'}]
    const found = checkValues(data, ['sla'], {asOf: '2025-03-01T08:00:00Z', production: true}).map((item) => `${item.ruleId} ${item.path.join('.')}`)
    expect(found).toEqual([
      'as-of-in-production sla.asOf',
      'review-overdue sla.reviews.next',
      'term-expired sla.effective.to',
      'pause-forgotten sla.tickets.0.pauses.0.from'
    ])
    // Without a "now" these checks do not run.
    expect(checkValues(data).map((item) => item.ruleId)).toEqual([])
  })

  it('should give the same findings under any process time zone', () => {
    const before = brief(sla())
    const zone = process.env.TZ
    process.env.TZ = 'Pacific/Chatham'
    try {
      expect(brief(sla())).toEqual(before)
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  describe('maintenance notice, counted in the SLA zone as the engine counts it', () => {
    /** The SLA above in `timeZone` with one maintenance window and a notice period. */
    function withWindow(timeZone: string, from: string, announced: string, noticeDays: number): Record<string, any> {
      const data = sla()
      data.timeZone = timeZone
      data.availability.incidents = []
      const to = Temporal.Instant.from(from).add({hours: 1}).toString()
      data.availability.maintenance = {noticeDays, windows: [{from, to, announced}]}
      return data
    }

    const notices = (data: Record<string, unknown>) => checkValues(data).filter((item) => item.path.includes('maintenance'))
    const engineExcludes = (data: Record<string, unknown>) =>
      evaluateAvailability(data as unknown as Sla, Temporal.Instant.from('2024-07-01T00:00:00Z').epochMilliseconds)!.maintenance[0]!.excluded

    it('should count from the window start date in the SLA zone east of UTC, not its UTC date', () => {
      // 01:00 on 19 June in Amsterdam is still 18 June in UTC: 14 June is 5 days before the 19th.
      const data = withWindow('Europe/Amsterdam', '2024-06-19T01:00:00+02:00', '2024-06-14', 5)
      expect(notices(data)).toEqual([])
      expect(engineExcludes(data)).toBe(true)
      // A day later is late.
      data.availability.maintenance.windows[0].announced = '2024-06-15'
      expect(notices(data)).toEqual([
        {
          path: ['sla', 'availability', 'maintenance', 'windows', 0, 'announced'],
          ruleId: 'maintenance-late-notice',
          severity: 'warning',
          reason: 'Unexpected announcement on `2024-06-15`, less than 5 days before the window, expected it by `2024-06-14`',
          hint: 'A window announced late is not excluded from downtime'
        }
      ])
      expect(engineExcludes(data)).toBe(false)
    })

    it('should count from the window start date in the SLA zone west of UTC, not its UTC date', () => {
      // 23:30 on 18 June in New York is already 19 June in UTC: 14 June is only 4 days before the 18th.
      const data = withWindow('America/New_York', '2024-06-18T23:30:00-04:00', '2024-06-14', 5)
      expect(notices(data).map((item) => item.reason)).toEqual([
        'Unexpected announcement on `2024-06-14`, less than 5 days before the window, expected it by `2024-06-13`'
      ])
      expect(engineExcludes(data)).toBe(false)
      data.availability.maintenance.windows[0].announced = '2024-06-13'
      expect(notices(data)).toEqual([])
      expect(engineExcludes(data)).toBe(true)
    })

    it('should accept an announcement written as an instant, dated in the SLA zone', () => {
      // 01:00 on 14 June in Amsterdam is 19:00 on 13 June in New York: in time for the 18th.
      const data = withWindow('America/New_York', '2024-06-18T23:30:00-04:00', '2024-06-14T01:00:00+02:00', 5)
      expect(notices(data)).toEqual([])
      expect(engineExcludes(data)).toBe(true)
      // 08:00 in Amsterdam is 02:00 on 14 June in New York: a day late.
      data.availability.maintenance.windows[0].announced = '2024-06-14T08:00:00+02:00'
      expect(notices(data).map((item) => item.reason)).toEqual([
        'Unexpected announcement on `2024-06-14T08:00:00+02:00` (`2024-06-14` in America/New_York), less than 5 days before the window, expected it by `2024-06-13`'
      ])
      expect(engineExcludes(data)).toBe(false)
    })

    it('should still report a malformed announcement as a date', () => {
      const data = withWindow('Europe/Amsterdam', '2024-06-19T01:00:00+02:00', '2024-6-14', 5)
      expect(notices(data).map((item) => `${item.ruleId} ${item.hint}`)).toEqual(['date-malformed Did you mean `2024-06-14`?'])
    })

    it('should warn exactly when the engine counts the window as downtime, in any zone', () => {
      const zone = fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Pacific/Chatham', 'Pacific/Honolulu', 'Asia/Kolkata', 'UTC')
      // June 2024, to the minute, and an announcement up to 12 days before.
      const minute = fc.integer({min: 0, max: 29 * 1440})
      const offset = fc.constantFrom('Z', '+02:00', '-04:00', '+12:45', '-10:00')
      fc.assert(
        fc.property(zone, minute, fc.integer({min: 0, max: 12 * 1440}), fc.boolean(), offset, fc.integer({min: 0, max: 7}), (name, start, before, asDate, written, noticeDays) => {
          const from = Temporal.Instant.from('2024-06-02T00:00:00Z').add({minutes: start})
          const at = from.subtract({minutes: before})
          const announced = asDate
            ? at.toZonedDateTimeISO(name).toPlainDate().toString()
            : at.toZonedDateTimeISO(written === 'Z' ? 'UTC' : written).toString({timeZoneName: 'never', offset: 'auto'}).replace('+00:00', 'Z')
          const data = withWindow(name, from.toString(), announced, noticeDays)
          expect(notices(data).map((item) => item.ruleId)).toEqual(engineExcludes(data) ? [] : ['maintenance-late-notice'])
        }),
        {numRuns: 300}
      )
    })
  })
})
