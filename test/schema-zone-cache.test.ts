import {describe, expect, it} from 'vitest'
import {checkValues} from '../src/schema/check-values.js'
import {checkTimeZone} from '../src/schema/values/zone.js'

describe('zone answers kept between pages', () => {
  it('gives the same verdict on a zone name however often and in whatever order it is asked', () => {
    const names = ['Europe/Amsterdam', 'europe/amsterdam', 'Nowhere/City', 'America/New_York', 'Europe/Amsterdam', 'Nowhere/City']
    const verdicts = names.map((name) => {
      const result = checkTimeZone(name)
      return result.ok ? `ok ${result.value}` : `${result.problem.ruleId}: ${result.problem.reason}`
    })

    const nowhere = 'time-zone-unknown: Unexpected time zone `Nowhere/City`, expected an IANA time-zone name such as `Europe/Amsterdam`'
    expect(verdicts).toEqual([
      'ok Europe/Amsterdam',
      'time-zone-unknown: Unexpected time zone `europe/amsterdam`, expected `Europe/Amsterdam`',
      nowhere,
      'ok America/New_York',
      'ok Europe/Amsterdam',
      nowhere
    ])
  })

  it('dates "today" in each page’s own zone when pages alternate between zones', () => {
    // 03:00 UTC on New Year's Day is still New Year's Eve in New York.
    const asOf = '2026-01-01T03:00:00Z'
    const overdue = (timeZone: string): boolean =>
      checkValues({timeZone, reviews: {every: 'quarter', next: '2025-12-31'}}, ['sla'], {asOf}).some(
        (finding) => finding.ruleId === 'review-overdue'
      )

    expect(['America/New_York', 'Europe/Amsterdam', 'America/New_York', 'Europe/Amsterdam'].map(overdue)).toEqual([
      false,
      true,
      false,
      true
    ])
  })
})
