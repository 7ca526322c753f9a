/**
 * The engine's notices for availability periods below their objective and
 * milestones completed after their due date (sla-domain §3.3, §4, §5.2,
 * S12, S13), next to the ticket, at-risk, overdue and review notices.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {downtimeOverBudget, type Notice} from '../src/engine/notices.js'
import {computeReport} from '../src/engine/report.js'
import type {Sla} from '../src/schema/sla.js'
import {compareText} from '../src/util/sorted.js'

/** UTC, so a 30-day month is 43,200 minutes and 99.9 % allows 43.2 of them. */
const base: Sla = {
  schema: 1,
  id: 'notices',
  timeZone: 'UTC',
  effective: {from: '2024-01-01', to: '2024-12-31'},
  availability: {
    objective: '99.9%',
    window: 'month',
    incidents: [],
    creditTiers: [
      {below: '99.9%', credit: '10%'},
      {below: '99%', credit: '25%'}
    ]
  },
  consequences: {form: 'service-credit', currency: 'EUR', monthlyFee: 1000, cap: '20%'}
}

/** The SLA with these incidents (`[from, to]`, instants). */
function withIncidents(incidents: Array<[string, string]>, sla: Sla = base): Sla {
  return {...sla, availability: {...sla.availability!, incidents: incidents.map(([from, to]) => ({from, to}))}}
}

/** A breach notice of an availability period, with the fields it always has. */
function availabilityNotice(fields: Pick<Notice, 'period' | 'due' | 'at' | 'overBy' | 'credit'>): Notice {
  return {
    kind: 'breach',
    subject: `Availability ${fields.period!}`,
    ticket: null,
    target: null,
    milestone: null,
    overByUnit: 'minutes',
    percentOfTarget: null,
    notify: null,
    ...fields
  }
}

describe('availability notices', () => {
  it('gives no notice for an uptime exactly at the objective, and one for a second more', () => {
    // 43 min 12 s in April is exactly the 0.1 % of 43,200 minutes that 99.9 % allows.
    const atObjective = computeReport(withIncidents([['2024-04-10T10:00:00Z', '2024-04-10T10:43:12Z']]), '2024-05-02T00:00:00Z')
    expect(atObjective.availability!.periods[3]).toMatchObject({period: '2024-04', uptimePercent: 99.9, breached: false, creditPercent: 0})
    expect(atObjective.notices).toEqual([])

    const oneSecondOver = computeReport(withIncidents([['2024-04-10T10:00:00Z', '2024-04-10T10:43:13Z']]), '2024-05-02T00:00:00Z')
    expect(oneSecondOver.availability!.periods[3]).toMatchObject({period: '2024-04', breached: true, creditPercent: 10})
    expect(oneSecondOver.notices).toEqual([
      availabilityNotice({
        period: '2024-04',
        due: '2024-05-01T00:00:00+00:00',
        at: '2024-05-01T00:00:00+00:00',
        // One second is 1/60 minute, to the budget's 8 decimals.
        overBy: 0.01666667,
        credit: {percent: 10, amount: '100.00', currency: 'EUR'}
      })
    ])
  })

  it('gives the tier a period is in at a tier limit exactly, and the credit before the cap', () => {
    // April: 432 minutes is exactly 99 %: not below 99 %, so the 10 % tier. May: 447 of 44,640 minutes is below 99 %: 25 %.
    const report = computeReport(
      withIncidents([
        ['2024-04-10T10:00:00Z', '2024-04-10T17:12:00Z'],
        ['2024-05-10T10:00:00Z', '2024-05-10T17:27:00Z']
      ]),
      '2024-06-01T00:00:00Z'
    )
    expect(report.availability!.periods.slice(3, 5).map((period) => [period.period, period.uptimePercent, period.creditPercent])).toEqual([
      ['2024-04', 99, 10],
      ['2024-05', 98.998655, 25]
    ])
    expect(report.notices).toEqual([
      availabilityNotice({period: '2024-04', due: '2024-05-01T00:00:00+00:00', at: '2024-05-01T00:00:00+00:00', overBy: 388.8, credit: {percent: 10, amount: '100.00', currency: 'EUR'}}),
      availabilityNotice({period: '2024-05', due: '2024-06-01T00:00:00+00:00', at: '2024-06-01T00:00:00+00:00', overBy: 402.36, credit: {percent: 25, amount: '250.00', currency: 'EUR'}})
    ])
    // The period's total is capped; the notice says what the breach itself earns.
    expect(report.credits.map((credit) => [credit.period, credit.tierPercent, credit.creditPercent, credit.creditAmount])).toEqual([
      ['2024-04', 10, 10, '100.00'],
      ['2024-05', 25, 20, '200.00']
    ])
  })

  it('dates a breach in a running period "now", and in a term that ends inside the period too', () => {
    const sla = withIncidents([['2024-06-03T08:00:00Z', '2024-06-03T09:00:00Z']])
    // By 15 June an hour is down: more than June's whole budget of 43.2 minutes.
    const running = computeReport(sla, '2024-06-15T12:00:00Z')
    expect(running.availability!.periods.at(-1)).toMatchObject({period: '2024-06', complete: false, breached: true})
    expect(running.notices).toEqual([
      availabilityNotice({period: '2024-06', due: '2024-07-01T00:00:00+00:00', at: '2024-06-15T12:00:00+00:00', overBy: 16.8, credit: {percent: 10, amount: '100.00', currency: 'EUR'}})
    ])

    // The term ends on 10 June: the period is complete by the 20th, but its end is still to come.
    const ended = computeReport({...sla, effective: {from: '2024-01-01', to: '2024-06-10'}}, '2024-06-20T00:00:00Z')
    expect(ended.availability!.periods.at(-1)).toMatchObject({period: '2024-06', complete: true, breached: true})
    expect(ended.notices.map((notice) => [notice.subject, notice.due, notice.at])).toEqual([['Availability 2024-06', '2024-07-01T00:00:00+00:00', '2024-06-20T00:00:00+00:00']])
  })

  it('carries no credit without a tier for the period, and no amount without a fee', () => {
    const sla = withIncidents([['2024-04-10T10:00:00Z', '2024-04-10T11:00:00Z']])
    const noTiers = computeReport({...sla, availability: {...sla.availability!, creditTiers: []}}, '2024-05-02T00:00:00Z')
    expect(noTiers.notices.map((notice) => [notice.subject, notice.overBy, notice.credit])).toEqual([['Availability 2024-04', 16.8, null]])
    const noFee = computeReport({...sla, consequences: {form: 'refund'}}, '2024-05-02T00:00:00Z')
    expect(noFee.notices.map((notice) => notice.credit)).toEqual([{percent: 10, amount: null, currency: null}])
  })

  it('measures the budget on the real length of the period', () => {
    // March in Amsterdam has 743 hours: 99.9 % allows 44.58 minutes, so 45 minutes miss it by 0.42.
    const amsterdam: Sla = {...withIncidents([['2024-03-12T10:00:00+01:00', '2024-03-12T10:45:00+01:00']]), timeZone: 'Europe/Amsterdam'}
    const report = computeReport(amsterdam, '2024-04-02T00:00:00+02:00')
    expect(report.notices.map((notice) => [notice.subject, notice.due, notice.overBy])).toEqual([['Availability 2024-03', '2024-04-01T00:00:00+02:00', 0.42]])
  })
})

describe('downtimeOverBudget', () => {
  it.each([
    [{downtimeMinutes: 45, periodMinutes: 40_320}, 99_950_000, 24.84],
    [{downtimeMinutes: 43.2, periodMinutes: 43_200}, 99_900_000, 0],
    [{downtimeMinutes: 22.5, periodMinutes: 44_640}, 99_990_000, 18.036],
    [{downtimeMinutes: 100, periodMinutes: 44_640}, 99_999_999, 99.9995536],
    [{downtimeMinutes: 0, periodMinutes: 44_640}, 99_900_000, 0]
  ])('%j at %i millionths of a percent is %d minutes over', (period, objective, expected) => {
    expect(downtimeOverBudget(period, objective)).toBe(expected)
  })
})

describe('milestone notices', () => {
  // Monday to Friday 09:00–17:00 in UTC (no calendars). Plan is due Wed 4 Sep and completed that day: met.
  // Build (3 bd after Plan) is due Mon 9 Sep and completed Mon 16 Sep. Launch (1 bd after Build) is due Tue 17 Sep.
  const plan: Sla = {
    schema: 1,
    id: 'milestones',
    timeZone: 'UTC',
    milestones: [
      {id: 'plan', title: 'Plan', start: '2024-09-02', duration: '2bd', completed: '2024-09-04'},
      {id: 'build', title: 'Build', after: 'plan', duration: '3bd', completed: '2024-09-16'},
      {id: 'launch', title: 'Launch', after: 'build', duration: '1bd'}
    ]
  }
  const asOf = '2024-09-23T12:00:00Z'
  const milestoneNotice = (fields: Pick<Notice, 'kind' | 'subject' | 'milestone' | 'due' | 'at' | 'overBy' | 'overByUnit'>): Notice => ({
    ticket: null,
    target: null,
    period: null,
    percentOfTarget: null,
    notify: null,
    credit: null,
    ...fields
  })

  it('gives a breach for a milestone completed late and none for one completed on its due date', () => {
    const report = computeReport(plan, asOf)
    expect(report.milestones!.milestones.map((milestone) => [milestone.id, milestone.dueDate, milestone.status, milestone.businessDaysLate])).toEqual([
      ['plan', '2024-09-04', 'met', 0],
      ['build', '2024-09-09', 'breached', 5],
      ['launch', '2024-09-17', 'overdue', 4]
    ])
    expect(report.notices).toEqual([
      // Late by 10–13 and 16 September.
      milestoneNotice({kind: 'breach', subject: 'Build', milestone: 'build', due: '2024-09-09T17:00:00+00:00', at: '2024-09-16', overBy: 5, overByUnit: 'business-days'}),
      milestoneNotice({kind: 'overdue-milestone', subject: 'Launch', milestone: 'launch', due: '2024-09-17T17:00:00+00:00', at: '2024-09-23T12:00:00+00:00', overBy: 4, overByUnit: 'business-days'})
    ])
  })

  it('counts calendar days late in day-for-day mode', () => {
    const report = computeReport({...plan, timeline: {delayMode: 'day-for-day'}}, asOf)
    expect(report.notices.map((notice) => [notice.kind, notice.subject, notice.at, notice.overBy, notice.overByUnit])).toEqual([
      // 9 to 16 September, a weekend in between; 17 to 23 September.
      ['breach', 'Build', '2024-09-16', 7, 'days'],
      ['overdue-milestone', 'Launch', '2024-09-23T12:00:00+00:00', 6, 'days']
    ])
  })

  it('sorts breaches of every source by due, then subject', () => {
    const sla: Sla = {...withIncidents([['2024-09-10T10:00:00Z', '2024-09-10T11:00:00Z']]), milestones: plan.milestones!}
    const report = computeReport(sla, asOf)
    expect(report.notices.map((notice) => [notice.kind, notice.subject, notice.due])).toEqual([
      ['breach', 'Build', '2024-09-09T17:00:00+00:00'],
      ['breach', 'Availability 2024-09', '2024-10-01T00:00:00+00:00'],
      ['overdue-milestone', 'Launch', '2024-09-17T17:00:00+00:00']
    ])
  })
})

describe('notices: properties', () => {
  const day = 86_400_000
  const yearStart = Date.UTC(2024, 0, 1)
  /** Up to five incidents in the first half of 2024, a minute to two days long, at whole seconds. */
  const incidents = fc.array(
    fc.tuple(fc.integer({min: 0, max: 180 * 86_400}), fc.integer({min: 60, max: 2 * 86_400})).map(([start, length]): [string, string] => [
      new Date(yearStart + start * 1000).toISOString(),
      new Date(yearStart + (start + length) * 1000).toISOString()
    ]),
    {maxLength: 5}
  )
  const objective = fc.constantFrom('99%', '99.5%', '99.9%', '99.95%', '99.99%')
  const zone = fc.constantFrom('UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata')
  const asOf = fc.integer({min: 0, max: 200}).map((days) => new Date(yearStart + days * day + 43_200_000).toISOString())

  it('gives exactly one notice per breached availability period and none for the others', () => {
    fc.assert(
      fc.property(incidents, objective, zone, asOf, (down, goal, timeZone, now) => {
        const sla = withIncidents(down, {...base, timeZone, availability: {...base.availability!, objective: goal, creditTiers: [{below: goal, credit: '10%'}]}})
        const report = computeReport(sla, now)
        for (const period of report.availability!.periods) {
          const notices = report.notices.filter((notice) => notice.period === period.period)
          expect(notices).toHaveLength(period.breached ? 1 : 0)
          if (!period.breached) continue
          const notice = notices[0]!
          expect([notice.kind, notice.subject, notice.due, notice.credit?.percent]).toEqual(['breach', `Availability ${period.period}`, period.periodEnd, 10])
          // Over the budget by what the downtime exceeds it, to 8 decimals.
          const allowed = (period.periodMinutes * (100 - report.availability!.objectivePercent)) / 100
          expect(notice.overBy).toBeGreaterThan(0)
          expect(Math.abs(notice.overBy! - (period.downtimeMinutes - allowed))).toBeLessThan(1e-7)
        }

        expect(report.notices.every((notice) => notice.period !== null)).toBe(true)
      }),
      {numRuns: 150}
    )
  })

  it('gives one breach per milestone completed late, none for one met, sorted by kind, due and subject', () => {
    // Five milestones in a chain, each completed some days after its start, or not at all.
    const completion = fc.option(fc.integer({min: 0, max: 8}), {nil: undefined})
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({min: 1, max: 4}), completion), {minLength: 1, maxLength: 5}), fc.constantFrom('business-overlap', 'day-for-day'), (steps, delayMode) => {
        let start = Date.UTC(2024, 8, 2)
        const milestones = steps.map(([length, after], index) => {
          const completed = after === undefined ? undefined : new Date(start + (length + after) * day).toISOString().slice(0, 10)
          if (completed !== undefined) start = Date.parse(completed)
          return {id: `m${index}`, title: `M${index}`, duration: `${length}bd`, ...(index === 0 ? {start: '2024-09-02'} : {after: `m${index - 1}`}), ...(completed === undefined ? {} : {completed})}
        })
        const report = computeReport({schema: 1, id: 'chain', timeZone: 'UTC', timeline: {delayMode: delayMode as 'business-overlap' | 'day-for-day'}, milestones}, '2024-10-15T12:00:00Z')
        for (const milestone of report.milestones!.milestones) {
          const breaches = report.notices.filter((notice) => notice.kind === 'breach' && notice.milestone === milestone.id)
          expect(breaches).toHaveLength(milestone.status === 'breached' ? 1 : 0)
          if (breaches[0]) expect([breaches[0].due, breaches[0].at]).toEqual([milestone.dueAt, milestone.completed])
        }

        const order = ['breach', 'at-risk', 'overdue-milestone', 'review-due']
        const sorted = [...report.notices].sort(
          (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || compareText(a.due ?? '', b.due ?? '') || compareText(a.subject, b.subject)
        )
        expect(report.notices).toEqual(sorted)
      }),
      {numRuns: 150}
    )
  })
})
