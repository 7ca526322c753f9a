/**
 * `computeReport`: one validated SLA page in, one JSON report out, with
 * compliance, credits (per-breach plus tier, capped) and notices.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {computeReport} from '../src/engine/report.js'
import {createProcessor} from '../src/pipeline.js'
import type {Sla} from '../src/schema/sla.js'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {outputUnderTimeZones} from './support/tz.js'

const page = [
  '---',
  'title: Report fixture',
  'sla:',
  '  schema: 1',
  '  id: report-fixture',
  '  timeZone: Europe/Amsterdam',
  '  effective: {from: 2024-01-01, to: 2024-12-31}',
  '  calendars:',
  '    office: {hours: {mon-fri: "09:00-17:00"}, holidays: [2024-12-25]}',
  '  priorities: {P1: {label: Critical}, P2: {label: Normal}}',
  '  targets:',
  '    reply: {measure: first-response, calendar: office, goals: {P1: 4h, P2: 8h}}',
  '  availability:',
  '    objective: 99.9%',
  '    window: month',
  '    incidents:',
  '      - {from: 2024-02-05T10:00:00+01:00, to: 2024-02-05T12:00:00+01:00}',
  '    creditTiers:',
  '      - {below: 99.9%, credit: 10%}',
  '  consequences: {form: service-credit, currency: EUR, monthlyFee: 1000, perBreach: {reply: {P1: 25%}}, cap: 30%}',
  '  escalation:',
  '    - {at: 50%, notify: Team lead}',
  '    - {at: 100%, notify: Director}',
  '  reviews: {every: quarter, next: 2024-03-01}',
  '  tickets:',
  '    - id: T-1',
  '      priority: P1',
  '      opened: 2024-02-02T16:00:00+01:00',
  '      events: [{type: first-response, at: 2024-02-05T12:30:00+01:00}]',
  '    - id: T-2',
  '      priority: P2',
  '      opened: 2024-03-04T09:00:00+01:00',
  '---',
  'Body.',
  ''
].join('\n')

async function validated(): Promise<Sla> {
  const processor = createProcessor()
  const file = new VFile({path: 'report.md', value: page})
  await processor.run(processor.parse(file), file)
  expect(file.messages.filter((message) => message.fatal)).toEqual([])
  return file.data.sla!
}

describe('computeReport', () => {
  it('reports tickets, compliance, credits and notices of an SLA', async () => {
    const report = computeReport(await validated(), '2024-03-04T14:00:00+01:00')
    expect(report.slaId).toBe('report-fixture')
    expect(report.asOf).toBe('2024-03-04T14:00:00+01:00')
    // T-1 is V02: 270 business minutes against 240, breached at Monday 12:00.
    expect(report.tickets[0]!.targets.reply![0]).toMatchObject({elapsedBusinessMinutes: 270, breached: true, breachedAt: '2024-02-05T12:00:00+01:00', creditPercent: 25})
    // T-2 has used 300 of 480 minutes: past the 50 % step, at risk.
    expect(report.tickets[1]!.targets.reply![0]).toMatchObject({elapsedBusinessMinutes: 300, state: 'running', remainingMinutes: 180})
    expect(report.compliance).toEqual([{target: 'reply', met: 0, breached: 1, open: 1, compliancePercent: 0}])
    // February 2024 has 696 hours: 2 hours down is 99.7126… %, below 99.9 %: tier 10 %, plus 25 % for the breach, capped at 30 %.
    expect(report.availability!.periods.find((period) => period.period === '2024-02')).toMatchObject({downtimeMinutes: 120, breached: true, creditPercent: 10})
    expect(report.credits).toEqual([
      {period: '2024-02', perBreachPercent: 25, tierPercent: 10, uncappedPercent: 35, creditPercent: 30, creditAmount: '300.00', currency: 'EUR'}
    ])
    expect(report.notices.map((notice) => [notice.kind, notice.subject, notice.due, notice.at, notice.overBy, notice.overByUnit, notice.notify, notice.credit])).toEqual([
      ['breach', 'T-1 reply', '2024-02-05T12:00:00+01:00', '2024-02-05T12:00:00+01:00', 30, 'minutes', 'Director', {percent: 25, amount: '250.00', currency: 'EUR'}],
      // February allows 0.1 % of 41,760 minutes, 41.76: 120 minutes down are 78.24 over, for the 10 % tier (before the cap).
      ['breach', 'Availability 2024-02', '2024-03-01T00:00:00+01:00', '2024-03-01T00:00:00+01:00', 78.24, 'minutes', null, {percent: 10, amount: '100.00', currency: 'EUR'}],
      ['at-risk', 'T-2 reply', '2024-03-04T17:00:00+01:00', '2024-03-04T14:00:00+01:00', null, null, 'Team lead', null],
      ['review-due', 'Review (quarter)', '2024-03-01', '2024-03-04', 3, 'days', null, null]
    ])
  })

  it('is JSON data, identical under any process time zone', async () => {
    const sla = await validated()
    const report = computeReport(sla, '2024-03-04T14:00:00+01:00')
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
    const folder = mkdtempSync(path.join(os.tmpdir(), 'slamark-report-'))
    const script = path.join(folder, 'report.ts')
    const source = new URL('../src/engine/report.ts', import.meta.url).pathname
    writeFileSync(script, `import {computeReport} from ${JSON.stringify(source)}\nprocess.stdout.write(JSON.stringify(computeReport(${JSON.stringify(sla)}, '2024-03-04T14:00:00+01:00')))\n`)
    const outputs = outputUnderTimeZones(script).map((run) => run.stdout)
    rmSync(folder, {recursive: true, force: true})
    expect(outputs).toEqual(outputs.map(() => JSON.stringify(report)))
  })
})
