/**
 * Service credits (sla-domain S13): tier credit plus per-breach credits,
 * then the cap, and the amount in exact cents; the `report` kind of the
 * JSON contract.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {capCredits, creditAmount, evaluateReport} from '../src/engine/credits.js'
import {microPercentOf} from '../src/engine/exact.js'

const tiers = [
  {below: '99.9%', credit: '10%'},
  {below: '99%', credit: '25%'},
  {below: '95%', credit: '100%'}
]

/** June 2024 in Amsterdam with downtime from 10:00Z on 5 June until `until`. */
function june(until: string): Record<string, unknown> {
  return {
    timeZone: 'Europe/Amsterdam',
    period: '2024-06',
    objective: '99.9%',
    incidents: [{from: '2024-06-05T10:00:00Z', to: `2024-06-05T${until}Z`}],
    creditTiers: tiers
  }
}

const credits = {perBreachPercent: 5, capPercent: 30, monthlyFee: 2000, currency: 'EUR'}

describe('credit pieces', () => {
  it('adds credits and caps the sum', () => {
    expect(capCredits([10_000_000, 5_000_000, 5_000_000], 30_000_000)).toEqual({uncappedMicroPercent: 20_000_000, creditMicroPercent: 20_000_000})
    expect(capCredits([25_000_000, 15_000_000], 30_000_000)).toEqual({uncappedMicroPercent: 40_000_000, creditMicroPercent: 30_000_000})
    expect(capCredits([25_000_000, 15_000_000], undefined)).toEqual({uncappedMicroPercent: 40_000_000, creditMicroPercent: 40_000_000})
    expect(capCredits([], 30_000_000)).toEqual({uncappedMicroPercent: 0, creditMicroPercent: 0})
  })

  it('turns percentages given out back into exact millionths', () => {
    expect([microPercentOf(10), microPercentOf(0.123456), microPercentOf(99.999999), microPercentOf(0)]).toEqual([10_000_000, 123_456, 99_999_999, 0])
    fc.assert(fc.property(fc.integer({min: 0, max: 100_000_000}), (micro) => microPercentOf(micro / 1_000_000) === micro))
  })

  it('computes the amount exactly in cents, rounding half up', () => {
    expect(creditAmount(2000, 30_000_000)).toBe('600.00')
    expect(creditAmount(1234.56, 12_345_000)).toBe('152.41')
    // 1.15 × 50 % is 0.575: half up gives 0.58 (the float product 0.57499… would give 0.57).
    expect(creditAmount(1.15, 50_000_000)).toBe('0.58')
    expect(Math.round(1.15 * 0.5 * 100) / 100).toBe(0.57)
    expect(creditAmount(10.005, 100_000_000)).toBe('10.01')
    expect(creditAmount(100, 5000)).toBe('0.01')
    expect(creditAmount(99.99, 5000)).toBe('0.00')
    expect(creditAmount(2000, 1)).toBe('0.00')
    expect(creditAmount(0, 30_000_000)).toBe('0.00')
    expect(creditAmount(123_456_789_012.34, 100_000_000)).toBe('123456789012.34')
    expect(creditAmount(2000, 0)).toBe('0.00')
  })
})

describe('the report kind', () => {
  it('adds the tier credit and the per-breach credits', () => {
    expect(evaluateReport({availability: june('14:00:00'), ticketOutcomes: ['met', 'breached', 'met', 'met'], credits})).toEqual({
      availability: {
        periodStart: '2024-06-01T00:00:00+02:00',
        periodEnd: '2024-07-01T00:00:00+02:00',
        periodMinutes: 43_200,
        downtimeMinutes: 240,
        maintenanceExcludedMinutes: 0,
        uptimePercent: 99.444444,
        uptimePercentDisplay2dp: '99.44',
        breached: true,
        creditPercent: 10
      },
      responseCompliancePercent: 75,
      responseCreditPercent: 5,
      uncappedCreditPercent: 15,
      creditPercent: 15,
      creditAmount: '300.00',
      currency: 'EUR'
    })
  })

  it('applies the cap to the sum', () => {
    // 648 min of 43,200 is 98.5 %: the 25 % tier, plus three breaches of 5 %.
    const result = evaluateReport({availability: june('20:48:00'), ticketOutcomes: ['breached', 'breached', 'met', 'breached'], credits})
    expect([result.availability.creditPercent, result.responseCreditPercent, result.uncappedCreditPercent, result.creditPercent, result.creditAmount]).toEqual([
      25, 15, 40, 30, '600.00'
    ])
    expect(result.responseCompliancePercent).toBe(25)
  })

  it('has no compliance without tickets, no per-breach credit or cap when left out, and a zero cap', () => {
    const noTickets = evaluateReport({availability: june('10:30:00'), ticketOutcomes: [], credits})
    expect([noTickets.responseCompliancePercent, noTickets.creditPercent, noTickets.creditAmount]).toEqual([null, 0, '0.00'])
    const bare = evaluateReport({availability: june('20:48:00'), ticketOutcomes: ['breached'], credits: {monthlyFee: 99.99, currency: 'USD'}})
    expect([bare.responseCreditPercent, bare.uncappedCreditPercent, bare.creditPercent, bare.creditAmount, bare.currency]).toEqual([0, 25, 25, '25.00', 'USD'])
    const uncapped = evaluateReport({availability: june('20:48:00'), ticketOutcomes: Array(20).fill('breached'), credits: {perBreachPercent: '5%', monthlyFee: 1000, currency: 'EUR'}})
    expect([uncapped.uncappedCreditPercent, uncapped.creditPercent, uncapped.creditAmount]).toEqual([125, 125, '1250.00'])
    const zeroCap = evaluateReport({availability: june('20:48:00'), ticketOutcomes: ['breached'], credits: {...credits, capPercent: 0}})
    expect([zeroCap.uncappedCreditPercent, zeroCap.creditPercent, zeroCap.creditAmount]).toEqual([30, 0, '0.00'])
  })

  it('keeps fractions of a percent exact', () => {
    const result = evaluateReport({
      availability: {...june('14:00:00'), creditTiers: [{below: 99.9, credit: '0.123456%'}]},
      ticketOutcomes: ['breached', 'breached', 'breached'],
      credits: {perBreachPercent: 0.1, capPercent: '99.999999%', monthlyFee: 1_000_000, currency: 'EUR'}
    })
    // 0.123456 + 3 × 0.1: a float sum would give 0.42345600000000003.
    expect([result.responseCreditPercent, result.uncappedCreditPercent, result.creditPercent, result.creditAmount]).toEqual([0.3, 0.423456, 0.423456, '4234.56'])
  })

  it('refuses bad input with the place it is at', () => {
    const good = {availability: june('14:00:00'), ticketOutcomes: ['met'], credits}
    const cases: Array<[Record<string, unknown>, string]> = [
      [{availability: {...june('14:00:00'), period: '2024-6'}}, 'availability.period'],
      [{availability: undefined}, 'availability'],
      [{ticketOutcomes: ['met', 'late']}, 'ticketOutcomes.1'],
      [{ticketOutcomes: 'met'}, 'ticketOutcomes'],
      [{credits: undefined}, 'credits'],
      [{credits: {...credits, currency: 'euro'}}, 'credits.currency'],
      [{credits: {...credits, currency: undefined}}, 'credits.currency'],
      [{credits: {...credits, monthlyFee: -1}}, 'credits.monthlyFee'],
      [{credits: {...credits, monthlyFee: '2000'}}, 'credits.monthlyFee'],
      [{credits: {...credits, perBreachPercent: 'five'}}, 'credits.perBreachPercent'],
      [{credits: {...credits, capPercent: 120}}, 'credits.capPercent']
    ]
    for (const [overrides, where] of cases) {
      expect(() => evaluateReport({...good, ...overrides}), where).toThrow(`(at \`${where}\`)`)
    }
  })

  it('never gives more than the cap', () => {
    const percent = fc.integer({min: 0, max: 100_000_000})
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 43_200}),
        fc.array(fc.constantFrom('met', 'breached'), {maxLength: 40}),
        percent,
        percent,
        fc.integer({min: 0, max: 10_000_000}),
        (downMinutes, ticketOutcomes, perBreach, cap, feeCents) => {
          const availability = {
            timeZone: 'UTC',
            period: '2024-06',
            objective: '99.9%',
            incidents: downMinutes === 0 ? [] : [{from: '2024-06-01T00:00:00Z', to: new Date(Date.UTC(2024, 5, 1) + downMinutes * 60_000).toISOString()}],
            creditTiers: tiers
          }
          const monthlyFee = feeCents / 100
          const result = evaluateReport({
            availability,
            ticketOutcomes,
            credits: {perBreachPercent: `${perBreach / 1e6}%`, capPercent: `${cap / 1e6}%`, monthlyFee, currency: 'EUR'}
          })
          expect(result.creditPercent).toBeLessThanOrEqual(cap / 1e6)
          expect(result.creditPercent).toBe(Math.min(result.uncappedCreditPercent, cap / 1e6))
          expect(Number(result.creditAmount)).toBeLessThanOrEqual(Number(creditAmount(monthlyFee, cap)))
          expect(result.creditAmount).toMatch(/^\d+\.\d\d$/)
        }
      )
    )
  })
})
