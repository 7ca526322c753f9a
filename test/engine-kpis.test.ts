/**
 * CSAT and FCR (sla-domain §5.2, S14, S15): the `kpis` kind of the JSON
 * contract and `sla.kpis`, with "insufficient data" below `minResponses`
 * or without a denominator.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {csatOf, evaluateKpis, evaluateSlaKpis, fcrOf} from '../src/engine/kpis.js'
import type {Sla} from '../src/schema/sla.js'

const csat = (overrides: Record<string, unknown>) => evaluateKpis({csat: {scale: 5, satisfiedAtOrAbove: 4, objectivePercent: 80, ...overrides}}).csat
const fcr = (overrides: Record<string, unknown>) => evaluateKpis({fcr: {total: 40, excluded: 3, firstContactResolved: 31, objectivePercent: 75, ...overrides}}).fcr

describe('CSAT', () => {
  it('counts the share of responses at or above the satisfied score, from counts', () => {
    expect(csat({counts: {5: 42, 4: 32, 3: 10, 2: 9, 1: 14}, minResponses: 10, objectivePercent: '>= 80%'})).toEqual({
      satisfied: 74,
      responses: 107,
      percent: 7400 / 107,
      averageScore: 400 / 107,
      met: false,
      insufficientData: false
    })
  })

  it('counts from a list of responses, and meets an objective it equals exactly', () => {
    expect(csat({responses: [5, 4, 3, 5, 1, 4, 4, 2, 5, 5], objectivePercent: 70})).toEqual({
      satisfied: 7,
      responses: 10,
      percent: 70,
      averageScore: 3.8,
      met: true,
      insufficientData: false
    })
    expect(csat({responses: [5, 4, 3, 5, 1, 4, 4, 2, 5, 5], objectivePercent: '> 70%'})?.met).toBe(false)
  })

  it('decides on the exact share, not on the printed percentage', () => {
    // 2 of 3 is 66.666…%: above 66.666666 %, below 66.666667 %.
    expect(csat({responses: [5, 5, 1], objectivePercent: 66.666666})?.met).toBe(true)
    expect(csat({responses: [5, 5, 1], objectivePercent: 66.666667})?.met).toBe(false)
    expect(csat({responses: [5, 5, 1], objectivePercent: 66.666666})?.percent).toBe(200 / 3)
  })

  it('reports insufficient data below minResponses, with the indicative percentage', () => {
    expect(csat({responses: [5, 5, 5, 5, 5, 5, 5, 5, 5], minResponses: 10})).toEqual({
      satisfied: 9,
      responses: 9,
      percent: 100,
      averageScore: 5,
      met: null,
      insufficientData: true
    })
    expect(csat({responses: [5, 5, 5, 5, 5, 5, 5, 5, 5, 1], minResponses: 10})).toMatchObject({met: true, insufficientData: false})
  })

  it('reports insufficient data without responses, whatever minResponses says', () => {
    const empty = {satisfied: 0, responses: 0, percent: null, averageScore: null, met: null, insufficientData: true}
    expect(csat({counts: {}})).toEqual(empty)
    expect(csat({responses: []})).toEqual(empty)
    expect(csat({counts: {5: 0, 1: 0}, minResponses: 0})).toEqual(empty)
  })

  it('gives the same result from responses as from their counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 1, max: 7}), {maxLength: 60}), fc.integer({min: 1, max: 7}), fc.integer({min: 2, max: 100}), (responses, satisfiedAtOrAbove, objective) => {
        const counts: Record<string, number> = {}
        for (const score of responses) counts[String(score)] = (counts[String(score)] ?? 0) + 1
        const common = {scale: 7, satisfiedAtOrAbove, objectivePercent: objective}
        const byResponses = evaluateKpis({csat: {...common, responses}}).csat!
        expect(evaluateKpis({csat: {...common, counts}}).csat).toEqual(byResponses)
        const satisfied = responses.filter((score) => score >= satisfiedAtOrAbove).length
        expect(byResponses.satisfied).toBe(satisfied)
        expect(byResponses.met).toBe(responses.length === 0 ? null : satisfied * 100 >= objective * responses.length)
      })
    )
  })

  it('refuses bad input with the place it is at', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{responses: [5, 6]}, 'csat.responses.1'],
      [{responses: [0]}, 'csat.responses.0'],
      [{responses: [4.5]}, 'csat.responses.0'],
      [{counts: {6: 1}}, 'csat.counts.6'],
      [{counts: {five: 1}}, 'csat.counts.five'],
      [{counts: {5: -1}}, 'csat.counts.5'],
      [{counts: {5: 1.5}}, 'csat.counts.5'],
      [{counts: {5: 1}, responses: [5]}, 'csat.counts'],
      [{}, 'csat'],
      [{responses: [5], satisfiedAtOrAbove: 6}, 'csat.satisfiedAtOrAbove'],
      [{responses: [5], scale: 1}, 'csat.scale'],
      [{responses: [5], objectivePercent: '<= 4h'}, 'csat.objectivePercent'],
      [{responses: [5], objectivePercent: 0.8}, 'csat.objectivePercent'],
      [{responses: [5], minResponses: -1}, 'csat.minResponses']
    ]
    for (const [overrides, where] of cases) {
      expect(() => csat(overrides), where).toThrow(`(at \`${where}\`)`)
    }
  })
})

describe('FCR', () => {
  it('divides first-contact resolutions by the contacts that count', () => {
    expect(fcr({})).toEqual({eligible: 37, percent: 3100 / 37, met: true, insufficientData: false})
    expect(fcr({firstContactResolved: 27})).toEqual({eligible: 37, percent: 2700 / 37, met: false, insufficientData: false})
  })

  it('meets an objective it equals exactly, and leaves out a missing exclusion', () => {
    expect(fcr({total: 4, excluded: undefined, firstContactResolved: 3})).toEqual({eligible: 4, percent: 75, met: true, insufficientData: false})
    expect(fcr({total: 4, excluded: 0, firstContactResolved: 3, objectivePercent: '> 75%'})?.met).toBe(false)
  })

  it('reports insufficient data when nothing is left to divide by', () => {
    expect(fcr({total: 5, excluded: 5, firstContactResolved: 0})).toEqual({eligible: 0, percent: null, met: null, insufficientData: true})
    expect(fcr({total: 0, excluded: 0, firstContactResolved: 0})).toEqual({eligible: 0, percent: null, met: null, insufficientData: true})
  })

  it('refuses impossible counts', () => {
    expect(() => fcr({excluded: 41})).toThrow('Unexpected 41 excluded, expected at most the total 40 (at `fcr.excluded`)')
    expect(() => fcr({firstContactResolved: 38})).toThrow('(at `fcr.firstContactResolved`)')
    expect(() => fcr({total: -1})).toThrow('(at `fcr.total`)')
    expect(() => fcr({total: 'forty'})).toThrow('(at `fcr.total`)')
  })
})

describe('the kpis kind and sla.kpis', () => {
  it('gives only the KPIs it was given, and refuses an input with neither', () => {
    expect(Object.keys(evaluateKpis({fcr: {total: 1, firstContactResolved: 1, objectivePercent: 50}}))).toEqual(['fcr'])
    expect(() => evaluateKpis({})).toThrow('Unexpected input without `csat` or `fcr`, expected at least one of them')
    expect(() => evaluateKpis('csat')).toThrow('expected an object')
  })

  it('evaluates the section 5.1 KPIs of an SLA with their objectives and windows', () => {
    const sla = {
      schema: 1,
      id: 'acme-care-2024',
      kpis: {
        csat: {objective: '>= 80%', scale: 5, satisfiedAtOrAbove: 4, window: 'quarter', minResponses: 10, counts: {5: 42, 4: 32, 3: 10, 2: 9, 1: 14}},
        fcr: {objective: '>= 75%', window: 'quarter', total: 40, excluded: 3, firstContactResolved: 31}
      }
    } as Sla
    expect(evaluateSlaKpis(sla)).toEqual({
      csat: {window: 'quarter', comparator: '>=', objectivePercent: 80, satisfied: 74, responses: 107, percent: 7400 / 107, averageScore: 400 / 107, met: false, insufficientData: false},
      fcr: {window: 'quarter', comparator: '>=', objectivePercent: 75, eligible: 37, percent: 3100 / 37, met: true, insufficientData: false}
    })
    expect(evaluateSlaKpis({schema: 1, id: 'none'} as Sla)).toBeNull()
    expect(() => evaluateSlaKpis({schema: 1, id: 'bad', kpis: {fcr: {objective: '>= 4h', window: 'month', total: 1, firstContactResolved: 1}}} as Sla)).toThrow(
      '(at `kpis.fcr.objective`)'
    )
  })

  it('exports the pure computations', () => {
    const objective = {comparator: '>=' as const, microPercent: 50_000_000}
    expect(csatOf(new Map([[5, 1], [2, 1]]), 4, objective)).toEqual({satisfied: 1, responses: 2, percent: 50, averageScore: 3.5, met: true, insufficientData: false})
    expect(fcrOf(10, 2, 3, objective)).toEqual({eligible: 8, percent: 37.5, met: false, insufficientData: false})
  })
})
