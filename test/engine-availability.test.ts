/**
 * Availability over calendar periods (sla-domain §3.3, S12): the `uptime`
 * kind of the JSON contract, the measurement underneath, and the SLA-level
 * evaluation with notice periods, minimum incidents and partial impact.
 */
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {evaluateAvailability, evaluateUptime, measurePeriod, tierFor, type Outage, type PeriodMeasurement} from '../src/engine/availability.js'
import {creditAt, exactDecimal, formatFixed, meetsObjective, roundHalfUp} from '../src/engine/exact.js'
import {periodAt, periodBounds, periodLabel, periodOfDay} from '../src/engine/periods.js'
import {EngineInputError} from '../src/engine/input.js'
import type {Interval} from '../src/engine/intervals.js'
import {dayOfDate} from '../src/engine/zone.js'
import type {Sla} from '../src/schema/sla.js'
import {outputUnderTimeZones} from './support/tz.js'

const tiers = [
  {below: '99.9%', credit: '10%'},
  {below: '99%', credit: '25%'},
  {below: '95%', credit: '100%'}
]

/** An `uptime` input: UTC, June 2024 (30 days), 99.9 %, the usual tiers, no incidents. */
function uptime(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {timeZone: 'UTC', period: '2024-06', objective: '99.9%', incidents: [], creditTiers: tiers, ...overrides}
}

/** One incident from midnight UTC on `date` until `until` (a time of day, UTC). */
function downFor(date: string, until: string): Array<{from: string; to: string}> {
  return [{from: `${date}T00:00:00Z`, to: `${date}T${until}Z`}]
}

describe('periods', () => {
  it('reads months and quarters and labels them back', () => {
    expect(periodAt('2024-06', [])).toEqual({window: 'month', year: 2024, month: 6})
    expect(periodAt('2024-Q3', [])).toEqual({window: 'quarter', year: 2024, month: 7})
    expect(periodLabel({window: 'quarter', year: 2024, month: 10})).toBe('2024-Q4')
    expect(periodLabel({window: 'month', year: 2024, month: 2})).toBe('2024-02')
    expect(periodOfDay('quarter', dayOfDate('2024-08-31'))).toEqual({window: 'quarter', year: 2024, month: 7})
    expect(periodOfDay('month', dayOfDate('2024-12-31'))).toEqual({window: 'month', year: 2024, month: 12})
    for (const bad of ['2024-13', '2024-6', '2024-Q5', '2024', 202406, null]) {
      expect(() => periodAt(bad, ['period'])).toThrow(EngineInputError)
    }
  })

  it('has the real length of months of 28, 29, 30 and 31 days', () => {
    const minutesOf = (period: string) => (evaluateUptime(uptime({period})).periodMinutes)
    expect(minutesOf('2023-02')).toBe(28 * 1440)
    expect(minutesOf('2024-02')).toBe(29 * 1440)
    expect(minutesOf('2024-06')).toBe(30 * 1440)
    expect(minutesOf('2024-07')).toBe(31 * 1440)
    expect(minutesOf('2024-12')).toBe(31 * 1440)
  })

  it('cuts months at local midnight, with DST inside: March 743 h and October 745 h in Amsterdam', () => {
    const march = evaluateUptime(uptime({timeZone: 'Europe/Amsterdam', period: '2024-03'}))
    expect(march.periodStart).toBe('2024-03-01T00:00:00+01:00')
    expect(march.periodEnd).toBe('2024-04-01T00:00:00+02:00')
    expect(march.periodMinutes).toBe(743 * 60)
    const october = evaluateUptime(uptime({timeZone: 'Europe/Amsterdam', period: '2024-10'}))
    expect(october.periodStart).toBe('2024-10-01T00:00:00+02:00')
    expect(october.periodEnd).toBe('2024-11-01T00:00:00+01:00')
    expect(october.periodMinutes).toBe(745 * 60)
    // Southern hemisphere: April has the fall-back hour in Sydney.
    expect(evaluateUptime(uptime({timeZone: 'Australia/Sydney', period: '2024-04'})).periodMinutes).toBe(30 * 1440 + 60)
  })

  it('measures quarters', () => {
    const q1 = evaluateUptime(uptime({timeZone: 'Europe/Amsterdam', period: '2024-Q1'}))
    expect(q1.periodStart).toBe('2024-01-01T00:00:00+01:00')
    expect(q1.periodEnd).toBe('2024-04-01T00:00:00+02:00')
    expect(q1.periodMinutes).toBe(91 * 1440 - 60)
    const q4 = evaluateUptime(uptime({timeZone: 'America/New_York', period: '2024-Q4', incidents: [{from: '2024-12-31T20:00:00Z', to: '2025-01-01T10:00:00Z'}]}))
    expect(q4.periodEnd).toBe('2025-01-01T00:00:00-05:00')
    expect(q4.periodMinutes).toBe(92 * 1440 + 60)
    // 15:00 to 05:00 in New York: the 9 h before midnight lie in the quarter.
    expect(q4.downtimeMinutes).toBe(9 * 60)
  })

  it('starts a period at the first instant of a day that begins in a DST gap', () => {
    // Santiago skipped 2022-09-11 00:00–01:00: the month starts at 01:00 local.
    const september = periodBounds('America/Santiago', {window: 'month', year: 2022, month: 9})
    expect(evaluateUptime(uptime({timeZone: 'America/Santiago', period: '2022-09'})).periodStart).toBe('2022-09-01T00:00:00-04:00')
    expect(september[1] - september[0]).toBe((30 * 1440 - 60) * 60_000)
  })
})

describe('the uptime kind', () => {
  it('computes the section 5.1 example month', () => {
    const result = evaluateUptime({
      timeZone: 'Europe/Amsterdam',
      period: '2024-06',
      objective: '99.9%',
      incidents: [{from: '2024-06-05T10:00:00Z', to: '2024-06-05T14:00:00Z'}],
      maintenance: [{from: '2024-06-18T22:00:00Z', to: '2024-06-18T23:00:00Z'}],
      creditTiers: tiers
    })
    expect(result).toEqual({
      periodStart: '2024-06-01T00:00:00+02:00',
      periodEnd: '2024-07-01T00:00:00+02:00',
      periodMinutes: 43_200,
      downtimeMinutes: 240,
      maintenanceExcludedMinutes: 60,
      uptimePercent: 99.444444,
      uptimePercentDisplay2dp: '99.44',
      breached: true,
      creditPercent: 10
    })
  })

  it('flips a breach at 99.9 % on the length of March and October in Amsterdam', () => {
    // 44 min 36 s: over 0.1 % of 743 h (44.58 min), under 0.1 % of 744 h (44.64 min).
    const march = {period: '2024-03', objective: 99.9, incidents: downFor('2024-03-10', '00:44:36')}
    const amsterdamMarch = evaluateUptime(uptime({...march, timeZone: 'Europe/Amsterdam'}))
    const utcMarch = evaluateUptime(uptime({...march, timeZone: 'UTC'}))
    expect([amsterdamMarch.breached, amsterdamMarch.creditPercent, amsterdamMarch.uptimePercent]).toEqual([true, 10, 99.899955])
    expect([utcMarch.breached, utcMarch.creditPercent, utcMarch.uptimePercent]).toEqual([false, 0, 99.900089])
    // Both show 99.90 %: the display never decides the tier.
    expect([amsterdamMarch.uptimePercentDisplay2dp, utcMarch.uptimePercentDisplay2dp]).toEqual(['99.90', '99.90'])

    // 44 min 40.8 s: under 0.1 % of 745 h (44.7 min), over 0.1 % of 744 h.
    const october = {period: '2024-10', objective: '99.9%', incidents: downFor('2024-10-10', '00:44:40.800')}
    expect(evaluateUptime(uptime({...october, timeZone: 'Europe/Amsterdam'})).breached).toBe(false)
    expect(evaluateUptime(uptime({...october, timeZone: 'UTC'})).breached).toBe(true)
  })

  it('does not count uptime exactly at the objective or at a tier limit as below it', () => {
    // 44.58 min is exactly 0.1 % of March in Amsterdam.
    const exact = evaluateUptime(uptime({timeZone: 'Europe/Amsterdam', period: '2024-03', incidents: downFor('2024-03-10', '00:44:34.800')}))
    expect([exact.uptimePercent, exact.breached, exact.creditPercent]).toEqual([99.9, false, 0])
    // One millisecond more is below.
    const below = evaluateUptime(uptime({timeZone: 'Europe/Amsterdam', period: '2024-03', incidents: downFor('2024-03-10', '00:44:34.801')}))
    expect([below.uptimePercent, below.breached, below.creditPercent]).toEqual([99.899999, true, 10])
    // Exactly 99 % (432 min of June) is in the 10 % tier, not the 25 % one.
    const ninetyNine = evaluateUptime(uptime({incidents: downFor('2024-06-03', '07:12:00')}))
    expect([ninetyNine.uptimePercent, ninetyNine.creditPercent]).toEqual([99, 10])
    const underNinetyNine = evaluateUptime(uptime({incidents: downFor('2024-06-03', '07:12:01')}))
    expect([underNinetyNine.uptimePercent, underNinetyNine.creditPercent]).toEqual([98.999961, 25])
  })

  it('finds the tier whatever the order of the list', () => {
    const shuffled = [tiers[2], tiers[0], tiers[1]]
    // 98.5 %: below 99.9 and 99, not 95.
    const result = evaluateUptime(uptime({creditTiers: shuffled, incidents: downFor('2024-06-03', '10:48:00')}))
    expect([result.uptimePercent, result.creditPercent]).toEqual([98.5, 25])
    const worst = evaluateUptime(uptime({creditTiers: shuffled, incidents: [{from: '2024-06-01T00:00:00Z', to: '2024-06-03T00:00:00Z'}]}))
    expect([worst.uptimePercent, worst.creditPercent]).toEqual([93.333333, 100])
    expect(evaluateUptime(uptime({creditTiers: []})).creditPercent).toBe(0)
  })

  it('cuts the six-decimal uptime instead of rounding it, so it agrees with the tiers', () => {
    // One millisecond of downtime in June: 99.99999996…%; rounding would show 100.
    const result = evaluateUptime(uptime({creditTiers: [{below: 100, credit: 1}], incidents: [{from: '2024-06-03T00:00:00.000Z', to: '2024-06-03T00:00:00.001Z'}]}))
    expect([result.uptimePercent, result.uptimePercentDisplay2dp, result.breached, result.creditPercent]).toEqual([99.999999, '100.00', false, 1])
  })

  it('rounds the two-decimal display half up on the exact decimal', () => {
    const display = (until: string) => evaluateUptime(uptime({incidents: downFor('2024-06-03', until)})).uptimePercentDisplay2dp
    // 2.16 min of 43,200 is exactly 0.005 %: 99.995 → 100.00.
    expect(display('00:02:09.600')).toBe('100.00')
    // 6.48 min is 0.015 %: 99.985 → 99.99 (the float 99.985 is just below and would give 99.98).
    expect(display('00:06:28.800')).toBe('99.99')
    expect((99.985).toFixed(2)).toBe('99.98')
    // A millisecond more than 0.015 %: 99.98499… → 99.98.
    expect(display('00:06:28.801')).toBe('99.98')
    // 43.2 min is exactly 0.1 %: trailing zeros are kept.
    expect(display('00:43:12')).toBe('99.90')
  })

  it('merges overlapping incidents and counts their time once', () => {
    const result = evaluateUptime(
      uptime({
        incidents: [
          {from: '2024-06-05T10:00:00Z', to: '2024-06-05T12:00:00Z'},
          {from: '2024-06-05T11:00:00Z', to: '2024-06-05T13:00:00Z'},
          {from: '2024-06-05T11:30:00Z', to: '2024-06-05T11:45:00Z'},
          {from: '2024-06-05T13:00:00Z', to: '2024-06-05T13:30:00Z'}
        ]
      })
    )
    expect(result.downtimeMinutes).toBe(210)
  })

  it('splits an incident that crosses a month end over both months', () => {
    const incidents = [{from: '2024-05-31T23:30:00+02:00', to: '2024-06-01T01:00:00+02:00'}]
    const may = evaluateUptime(uptime({timeZone: 'Europe/Amsterdam', period: '2024-05', incidents}))
    const june = evaluateUptime(uptime({timeZone: 'Europe/Amsterdam', period: '2024-06', incidents}))
    expect([may.downtimeMinutes, june.downtimeMinutes]).toEqual([30, 60])
    // In UTC the same incident lies wholly in May.
    expect(evaluateUptime(uptime({period: '2024-05', incidents})).downtimeMinutes).toBe(90)
  })

  it('removes maintenance from downtime but keeps it in the denominator', () => {
    const result = evaluateUptime(
      uptime({
        incidents: [{from: '2024-06-05T10:00:00Z', to: '2024-06-05T14:00:00Z'}],
        maintenance: [
          {from: '2024-06-05T13:00:00Z', to: '2024-06-05T15:00:00Z'},
          {from: '2024-06-05T14:30:00Z', to: '2024-06-05T16:00:00Z'},
          {from: '2024-05-31T23:00:00Z', to: '2024-06-01T01:00:00Z'}
        ]
      })
    )
    expect([result.downtimeMinutes, result.maintenanceExcludedMinutes, result.periodMinutes]).toEqual([180, 240, 43_200])
    expect(result.uptimePercent).toBe(99.583333)
  })

  it('weighs partial impact and keeps the highest impact where incidents overlap', () => {
    const result = evaluateUptime(
      uptime({
        incidents: [
          {from: '2024-06-05T10:00:00Z', to: '2024-06-05T12:00:00Z', impact: {partial: 0.5}},
          {from: '2024-06-05T11:00:00Z', to: '2024-06-05T11:30:00Z'},
          {from: '2024-06-05T11:45:00Z', to: '2024-06-05T12:15:00Z', impact: {partial: 0.25}}
        ]
      })
    )
    // 60 × 0.5 + 30 × 1 + 30 × 0.5 + 15 × 0.25
    expect(result.downtimeMinutes).toBe(78.75)
  })

  it('accepts objectives and tiers as numbers, percentages and comparisons', () => {
    const incidents = downFor('2024-06-03', '00:43:12')
    expect(evaluateUptime(uptime({objective: 99.9, incidents})).breached).toBe(false)
    expect(evaluateUptime(uptime({objective: '>= 99.9%', incidents})).breached).toBe(false)
    expect(evaluateUptime(uptime({objective: '> 99.9%', incidents})).breached).toBe(true)
    expect(evaluateUptime(uptime({creditTiers: [{below: 99.95, credit: 5}], incidents})).creditPercent).toBe(5)
  })

  it('refuses bad input with the place it is at', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{timeZone: 'Mars/Base'}, 'timeZone'],
      [{period: 'June'}, 'period'],
      [{objective: 0.999}, 'objective'],
      [{objective: '<= 4h'}, 'objective'],
      [{incidents: [{from: '2024-06-05T10:00:00Z', to: '2024-06-05T10:00:00Z'}]}, 'incidents.0.to'],
      [{incidents: [{from: 'yesterday', to: '2024-06-05T10:00:00Z'}]}, 'incidents.0.from'],
      [{incidents: [{from: '2024-06-05T10:00:00Z', to: '2024-06-05T11:00:00Z', impact: {partial: 1.5}}]}, 'incidents.0.impact'],
      [{incidents: [{from: '2024-06-05T10:00:00Z', to: '2024-06-05T11:00:00Z', impact: {partial: 0.1234567}}]}, 'incidents.0.impact.partial'],
      [{incidents: {}}, 'incidents'],
      [{maintenance: [{from: '2024-06-05T10:00:00Z'}]}, 'maintenance.0.to'],
      [{creditTiers: [{below: '99.9%', credit: '150%'}]}, 'creditTiers.0.credit'],
      [{creditTiers: [{credit: '10%'}]}, 'creditTiers.0.below']
    ]
    for (const [overrides, where] of cases) {
      expect(() => evaluateUptime(uptime(overrides)), where).toThrow(`(at \`${where}\`)`)
    }

    expect(() => evaluateUptime([])).toThrow('Unexpected a list, expected an object')
  })
})

describe('exact helpers', () => {
  it('compares percentages of fractions in integers', () => {
    const objective = {comparator: '>=' as const, microPercent: 80_000_000}
    expect(meetsObjective(4n, 5n, objective)).toBe(true)
    expect(meetsObjective(79_999_999n, 100_000_000n, objective)).toBe(false)
    expect(meetsObjective(1n, 3n, {comparator: '<', microPercent: 33_333_334})).toBe(true)
    expect(meetsObjective(1n, 3n, {comparator: '<=', microPercent: 33_333_333})).toBe(false)
    expect(meetsObjective(1n, 3n, {comparator: '>', microPercent: 33_333_333})).toBe(true)
  })

  it('picks the lowest applicable tier, the first of equal ones', () => {
    const table = [
      {belowMicroPercent: 99_000_000, creditMicroPercent: 25},
      {belowMicroPercent: 99_000_000, creditMicroPercent: 30},
      {belowMicroPercent: 99_900_000, creditMicroPercent: 10}
    ]
    expect(tierFor(989n, 1000n, table)?.creditMicroPercent).toBe(25)
    expect(tierFor(990n, 1000n, table)?.creditMicroPercent).toBe(10)
    expect(tierFor(999n, 1000n, table)).toBeUndefined()
  })

  it('reads decimals as written and rounds half up', () => {
    expect(exactDecimal(1234.56)).toEqual({digits: 123_456n, scale: 100n})
    expect(exactDecimal(0.1)).toEqual({digits: 1n, scale: 10n})
    expect(exactDecimal(2000)).toEqual({digits: 2000n, scale: 1n})
    expect(exactDecimal(1e21)).toEqual({digits: 10n ** 21n, scale: 1n})
    expect(exactDecimal(1.5e-7)).toEqual({digits: 15n, scale: 10n ** 8n})
    expect([roundHalfUp(5n, 2n), roundHalfUp(4n, 3n), roundHalfUp(5n, 3n), roundHalfUp(0n, 7n)]).toEqual([3n, 1n, 2n, 0n])
    expect([formatFixed(9990n, 2), formatFixed(5n, 2), formatFixed(0n, 2), formatFixed(10_000n, 2)]).toEqual(['99.90', '0.05', '0.00', '100.00'])
    expect([creditAt(0, [], 'credit'), creditAt('0%', [], 'credit'), creditAt('12.5%', [], 'credit')]).toEqual([0, 0, 12_500_000])
  })
})

describe('properties of the measurement', () => {
  // June 2024 in UTC; spans are whole minutes from its start.
  const start = Date.UTC(2024, 5, 1)
  const minute = 60_000
  const span = fc.tuple(fc.integer({min: -120, max: 4000}), fc.integer({min: 1, max: 600})).map(([at, length]): Interval => [start + at * minute, start + (at + length) * minute])
  const outage = fc.tuple(span, fc.constantFrom(1_000_000, 500_000, 250_000, 1)).map(([[from, to], weight]): Outage => ({from, to, weight}))
  const measure = (outages: Outage[], maintenance: Interval[]) =>
    measurePeriod({
      zone: 'UTC',
      period: {window: 'month', year: 2024, month: 6},
      outages,
      maintenance,
      objective: {comparator: '>=', microPercent: 99_900_000},
      tiers: [{belowMicroPercent: 99_900_000, creditMicroPercent: 10_000_000}]
    } satisfies PeriodMeasurement)

  it('counts, minute by minute, the highest impact outside maintenance', () => {
    fc.assert(
      fc.property(fc.array(outage, {maxLength: 6}), fc.array(span, {maxLength: 3}), (outages, maintenance) => {
        let expected = 0
        for (let at = start; at < start + 4600 * minute; at += minute) {
          if (maintenance.some(([from, to]) => from <= at && at < to)) continue
          expected += Math.max(0, ...outages.filter((item) => item.from <= at && at < item.to).map((item) => item.weight))
        }

        expect(measure(outages, maintenance).downtimeMinutes).toBe(expected / 1_000_000)
      })
    )
  })

  it('never raises uptime by adding an incident', () => {
    fc.assert(
      fc.property(fc.array(outage, {maxLength: 6}), fc.array(span, {maxLength: 3}), outage, (outages, maintenance, extra) => {
        const before = measure(outages, maintenance)
        const after = measure([...outages, extra], maintenance)
        expect(after.uptimePercent).toBeLessThanOrEqual(before.uptimePercent)
        expect(after.downtimeMinutes).toBeGreaterThanOrEqual(before.downtimeMinutes)
        expect(after.creditPercent).toBeGreaterThanOrEqual(before.creditPercent)
      })
    )
  })

  it('never lowers uptime by adding announced maintenance', () => {
    fc.assert(
      fc.property(fc.array(outage, {maxLength: 6}), fc.array(span, {maxLength: 3}), span, (outages, maintenance, extra) => {
        const before = measure(outages, maintenance)
        const after = measure(outages, [...maintenance, extra])
        expect(after.uptimePercent).toBeGreaterThanOrEqual(before.uptimePercent)
        expect(after.downtimeMinutes).toBeLessThanOrEqual(before.downtimeMinutes)
        expect(after.breached && !before.breached).toBe(false)
      })
    )
  })

  it('gives byte-identical results under TZ=UTC, Pacific/Auckland and America/Los_Angeles', () => {
    const script = fileURLToPath(new URL('fixtures/engine/periods-tz.ts', import.meta.url))
    const [first, ...others] = outputUnderTimeZones(script)
    // 60 uptime and 60 report lines, five SLAs and the KPIs.
    expect(first!.stdout.trim().split('\n')).toHaveLength(126)
    expect(first!.stdout).toContain('"periodMinutes":44580')
    for (const other of others) expect(other.stdout, other.zone).toBe(first!.stdout)
  })
})

describe('availability of an SLA', () => {
  const amsterdam = (availability: Record<string, unknown>, extra: Partial<Sla> = {}): Sla =>
    ({
      schema: 1,
      id: 'acme-care-2024',
      timeZone: 'Europe/Amsterdam',
      effective: {from: '2024-01-01', to: '2024-12-31'},
      availability: {objective: '99.9%', window: 'month', creditTiers: tiers, ...availability},
      ...extra
    }) as Sla
  const asOf = Date.parse('2024-07-10T12:00:00+02:00')

  it('evaluates every month of the term up to asOf, with notice, minimum length, partial impact and splits', () => {
    const sla = amsterdam({
      minimumIncident: '1m',
      maintenance: {
        noticeDays: 5,
        windows: [
          // 22:00Z is already 19 June in Amsterdam: 9 days after the announcement.
          {from: '2024-06-18T22:00:00Z', to: '2024-06-18T23:00:00Z', announced: '2024-06-10'},
          // Announced 3 days ahead: counted as downtime.
          {from: '2024-06-25T20:00:00Z', to: '2024-06-25T21:00:00Z', announced: '2024-06-22T18:00:00+02:00'},
          // In time, and covering the last hour of the merged incidents below.
          {from: '2024-06-05T14:00:00Z', to: '2024-06-05T15:00:00Z', announced: '2024-05-01'}
        ]
      },
      incidents: [
        {from: '2024-05-31T23:30:00+02:00', to: '2024-06-01T00:30:00+02:00', note: 'Crosses the month end'},
        {from: '2024-06-05T10:00:00Z', to: '2024-06-05T14:00:00Z'},
        {from: '2024-06-05T13:00:00Z', to: '2024-06-05T15:00:00Z'},
        {from: '2024-06-10T08:00:00Z', to: '2024-06-10T08:00:30Z', note: 'A blip under a minute'},
        {from: '2024-06-20T08:00:00Z', to: '2024-06-20T10:00:00Z', impact: {partial: 0.5}},
        {from: '2024-07-02T08:00:00Z', to: '2024-07-02T09:00:00Z'},
        {from: '2024-07-20T08:00:00Z', to: '2024-07-20T09:00:00Z', note: 'After asOf'}
      ]
    })
    const report = evaluateAvailability(sla, asOf)!
    expect(report.timeZone).toBe('Europe/Amsterdam')
    expect(report.objectivePercent).toBe(99.9)
    expect(report.ignoredIncidents).toEqual([3])
    expect(report.maintenance).toEqual([
      {index: 0, from: '2024-06-19T00:00:00+02:00', to: '2024-06-19T01:00:00+02:00', noticeDays: 9, excluded: true},
      {index: 1, from: '2024-06-25T22:00:00+02:00', to: '2024-06-25T23:00:00+02:00', noticeDays: 3, excluded: false},
      {index: 2, from: '2024-06-05T16:00:00+02:00', to: '2024-06-05T17:00:00+02:00', noticeDays: 35, excluded: true}
    ])
    expect(report.periods.map((period) => period.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07'])
    expect(report.periods[0]).toEqual({
      period: '2024-01',
      complete: true,
      periodStart: '2024-01-01T00:00:00+01:00',
      periodEnd: '2024-02-01T00:00:00+01:00',
      periodMinutes: 44_640,
      downtimeMinutes: 0,
      maintenanceExcludedMinutes: 0,
      uptimePercent: 100,
      uptimePercentDisplay2dp: '100.00',
      breached: false,
      creditPercent: 0
    })
    const [may, june, july] = report.periods.slice(4)
    expect([may!.downtimeMinutes, may!.uptimePercent, may!.breached, may!.creditPercent]).toEqual([30, 99.932795, false, 0])
    // 30 (split) + 240 (10:00–15:00 merged, less the maintenance hour) + 60 (half of 2 h) + 60 (late maintenance).
    expect(june).toEqual({
      period: '2024-06',
      complete: true,
      periodStart: '2024-06-01T00:00:00+02:00',
      periodEnd: '2024-07-01T00:00:00+02:00',
      periodMinutes: 43_200,
      downtimeMinutes: 390,
      maintenanceExcludedMinutes: 120,
      uptimePercent: 99.097222,
      uptimePercentDisplay2dp: '99.10',
      breached: true,
      creditPercent: 10
    })
    // July is still open: only the incident before asOf counts, over the whole month.
    expect([july!.complete, july!.downtimeMinutes, july!.uptimePercent]).toEqual([false, 60, 99.865591])
  })

  it('ignores what lies outside the term and stops at its end', () => {
    const sla = amsterdam(
      {incidents: [{from: '2023-12-31T22:00:00Z', to: '2024-01-01T00:00:00Z'}, {from: '2024-03-20T10:00:00Z', to: '2024-03-20T11:00:00Z'}]},
      {effective: {from: '2024-01-01', to: '2024-03-15'}}
    )
    const report = evaluateAvailability(sla, Date.parse('2024-06-01T00:00:00Z'))!
    expect(report.periods.map((period) => [period.period, period.complete, period.downtimeMinutes])).toEqual([
      ['2024-01', true, 60],
      ['2024-02', true, 0],
      ['2024-03', true, 0]
    ])
    expect(evaluateAvailability(sla, Date.parse('2023-12-01T00:00:00Z'))!.periods).toEqual([])
    // Mid-March, before the term ends: March is not complete.
    expect(evaluateAvailability(sla, Date.parse('2024-03-10T00:00:00Z'))!.periods.at(-1)).toMatchObject({period: '2024-03', complete: false})
  })

  it('starts at the first incident when there is no term, and measures quarters', () => {
    const sla = amsterdam(
      {window: 'quarter', incidents: [{from: '2024-05-05T10:00:00Z', to: '2024-05-05T12:12:00Z'}]}
    )
    delete sla.effective
    const report = evaluateAvailability(sla, Date.parse('2024-10-01T00:00:00Z'))!
    expect(report.window).toBe('quarter')
    expect(report.periods.map((period) => [period.period, period.complete, period.periodMinutes])).toEqual([
      ['2024-Q2', true, 91 * 1440],
      ['2024-Q3', true, 92 * 1440],
      ['2024-Q4', false, 92 * 1440 + 60]
    ])
    expect(report.periods[0]).toMatchObject({downtimeMinutes: 132, uptimePercent: 99.899267, breached: true, creditPercent: 10})
  })

  it('cuts months in UTC without a time zone, and gives null without availability', () => {
    const sla = amsterdam({incidents: [{from: '2024-05-31T23:30:00+02:00', to: '2024-06-01T00:30:00+02:00'}]}, {effective: {from: '2024-05-01'}})
    delete sla.timeZone
    const report = evaluateAvailability(sla, Date.parse('2024-06-15T00:00:00Z'))!
    expect(report.timeZone).toBe('UTC')
    expect(report.periods.map((period) => [period.period, period.periodStart, period.downtimeMinutes])).toEqual([
      ['2024-05', '2024-05-01T00:00:00+00:00', 60],
      ['2024-06', '2024-06-01T00:00:00+00:00', 0]
    ])
    const none = amsterdam({})
    delete none.availability
    expect(evaluateAvailability(none, asOf)).toBeNull()
  })

  it('reports values validation should have refused', () => {
    expect(() => evaluateAvailability(amsterdam({minimumIncident: '2bd'}), asOf)).toThrow('(at `availability.minimumIncident`)')
    expect(() =>
      evaluateAvailability(amsterdam({maintenance: {noticeDays: 1, windows: [{from: '2024-06-01T00:00:00Z', to: '2024-06-01T01:00:00Z', announced: '2024-02-30'}]}}), asOf)
    ).toThrow('(at `availability.maintenance.windows.0.announced`)')
  })
})
