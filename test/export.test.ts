/**
 * `slamark export`: OpenSLO v1 documents checked against OpenSLO's rules,
 * the iCalendar file parsed back by ical.js (and by slamark's own holiday
 * reader), the JSON reports, and the command's usage.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import ICAL from 'ical.js'
import {parseAllDocuments} from 'yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {computeReport} from '../src/engine/report.js'
import {exportEntries, type ExportEntry} from '../src/export/entries.js'
import {calendarIcs} from '../src/export/ics.js'
import {reportsFormat, reportsJson} from '../src/export/json.js'
import {everyOccurrenceTarget, openSloDocuments, openSloYaml} from '../src/export/openslo.js'
import {readIcs} from '../src/frontmatter/ics.js'
import {runSite} from '../src/hugo-data/site-run.js'
import {escapeIcsText, foldIcsLine, unescapeIcsText} from '../src/util/ics-text.js'
import {openSloProblems} from './support/openslo-rules.js'
import {examplesRoot, projectRoot} from './support/tree.js'

const asOf = '2026-03-20T12:00:00+01:00'
const fixtureContent = path.join(projectRoot, 'test', 'fixtures', 'hugo-module', 'content')
const temporary: string[] = []

afterAll(() => {
  for (const folder of temporary) fs.rmSync(folder, {recursive: true, force: true})
})

function site(content: string, files: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-export-'))
  temporary.push(root)
  fs.writeFileSync(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\n')
  fs.cpSync(content, path.join(root, 'content'), {recursive: true})
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    fs.writeFileSync(path.join(root, name), text)
  }

  return root
}

async function entriesOf(root: string, now = asOf): Promise<ExportEntry[]> {
  const run = await runSite(root, {cwd: process.cwd(), asOf: now, render: false})
  if ('problem' in run) throw new Error(run.problem)
  expect(run.fatal).toBe(false)
  return exportEntries(run.pages)
}

async function cli(args: string[], cwd = process.cwd()) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {cwd, color: false, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text)})
  return {code, stdout, stderr}
}

describe('OpenSLO export', () => {
  let fixture: ExportEntry[]
  let examples: ExportEntry[]
  beforeAll(async () => {
    fixture = await entriesOf(site(fixtureContent))
    examples = await entriesOf(site(examplesRoot), '2026-11-22T12:00:00+01:00')
  })

  it('should pass OpenSLO v1’s rules, for the fixture and every example', () => {
    for (const document of [...openSloDocuments(fixture), ...openSloDocuments(examples)]) {
      expect(openSloProblems(document), `${document.kind} ${document.metadata.name}`).toEqual([])
    }
  })

  it('should give a service, the availability SLO and one SLO per ticket target and priority', () => {
    const documents = openSloDocuments(fixture)
    expect(documents.map((document) => [document.kind, document.metadata.name])).toEqual([
      ['Service', 'harbour-kiln-rollout'],
      ['SLO', 'harbour-kiln-rollout-availability'],
      ['SLO', 'harbour-kiln-rollout-first-response-p1'],
      ['SLO', 'harbour-kiln-rollout-first-response-p2']
    ])
    const [service, availability, p1] = documents
    expect(service!.metadata.displayName).toBe('Kiln booking rollout — Harbour Pottery')
    expect(JSON.parse(service!.metadata.annotations!['slamark/calendars']!)).toEqual(fixture[0]!.sla.calendars)
    expect(JSON.parse(service!.metadata.annotations!['slamark/credits']!)).toEqual(fixture[0]!.sla.consequences)
    expect(service!.metadata.annotations!['slamark/time-zone']).toBe('Europe/Berlin')
    expect(availability!.spec).toMatchObject({
      service: 'harbour-kiln-rollout',
      budgetingMethod: 'Timeslices',
      timeWindow: [{duration: '1M', isRolling: false, calendar: {startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Berlin'}}],
      objectives: [{displayName: 'Uptime per month', target: 0.995, timeSliceTarget: 1, timeSliceWindow: '1m'}]
    })
    expect(JSON.parse(availability!.metadata.annotations!['slamark/credit-tiers']!)).toEqual([{below: '99.5%', credit: '10%'}])
    expect(p1!.spec).toMatchObject({
      budgetingMethod: 'Occurrences',
      objectives: [{displayName: 'Within 2 business hours', target: everyOccurrenceTarget}]
    })
    expect(p1!.metadata.annotations).toEqual({
      'slamark/measure': 'first-response',
      'slamark/goal': '2h',
      'slamark/calendar': 'office',
      'slamark/pause-on': '[]',
      'slamark/per-breach-credit': '5%',
      'slamark/every-ticket': 'true'
    })
  })

  it('should write a YAML stream that reads back as the documents', () => {
    const text = openSloYaml(examples)
    const read = parseAllDocuments(text).map((document) => document.toJS() as unknown)
    expect(read).toEqual(openSloDocuments(examples))
    // A service per SLA, an SLO per availability objective and per goal of each ticket target.
    const goals = examples.flatMap((entry) => Object.values(entry.sla.targets ?? {}).flatMap((target) => Object.keys(target.goals)))
    expect(read.length).toBe(examples.length + examples.filter((entry) => entry.sla.availability).length + goals.length)
    expect(examples.length).toBe(4)
  })

  it('should catch what breaks OpenSLO’s rules (the check can fail)', () => {
    const [, availability] = openSloDocuments(fixture)
    const broken = structuredClone(availability!)
    broken.metadata.name = 'Kiln_Availability'
    ;(broken.spec.objectives as Array<Record<string, unknown>>)[0] = {target: 1, timeSliceTarget: 0}
    ;(broken.spec.timeWindow as unknown[]).push({duration: '1M', isRolling: true})
    broken.metadata.annotations = {'bad key!': 'x'}
    expect(openSloProblems(broken).sort()).toEqual([
      '/metadata/annotations: key `bad key!` is not `[prefix/]name`',
      '/metadata/name: must match pattern "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"',
      '/spec/objectives/0/target: must be < 1',
      '/spec/objectives/0/timeSliceTarget: must be > 0',
      '/spec/objectives/0: must have required property \'timeSliceWindow\'',
      '/spec/timeWindow: must NOT have more than 1 items'
    ])
  })
})

describe('iCalendar export', () => {
  let text: string
  let entries: ExportEntry[]
  beforeAll(async () => {
    entries = await entriesOf(site(fixtureContent))
    text = calendarIcs(entries)
  })

  it('should parse back with ical.js: milestone due dates and holidays as whole days', () => {
    const calendar = new ICAL.Component(ICAL.parse(text))
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    const events = calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component)
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        allDay: event.startDate.isDate,
        stamp: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toString()
      }
    })
    const timeline = entries[0]!.report.milestones!.milestones
    expect(events).toEqual([
      {uid: 'harbour-kiln-rollout.milestone.design@slamark', summary: 'Due: Booking form design', start: timeline[0]!.dueDate, end: '2026-02-10', allDay: true, stamp: '2026-03-20T11:00:00Z'},
      {uid: 'harbour-kiln-rollout.milestone.build@slamark', summary: 'Due: Booking build', start: timeline[1]!.dueDate, end: dayAfter(timeline[1]!.dueDate), allDay: true, stamp: '2026-03-20T11:00:00Z'},
      {uid: 'harbour-kiln-rollout.holiday.office.20260403@slamark', summary: 'Good Friday', start: '2026-04-03', end: '2026-04-04', allDay: true, stamp: '2026-03-20T11:00:00Z'},
      {uid: 'harbour-kiln-rollout.holiday.office.20260406@slamark', summary: 'Easter Monday; studio closed, kilns \\ off', start: '2026-04-06', end: '2026-04-07', allDay: true, stamp: '2026-03-20T11:00:00Z'}
    ])
    expect(timeline[0]!.dueDate).toBe('2026-02-09')
  })

  it('should follow RFC 5545’s lines: CRLF, at most 75 octets, escaped text', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(text).toContain('SUMMARY:Easter Monday\\; studio closed\\, kilns \\\\ off\r\n')
    // The description's line break and comma are escaped, and its long line folded (the dash is three octets).
    expect(text).toContain('DESCRIPTION:Kiln booking rollout — Harbour Pottery: milestone design\\, br\r\n eached\\nCompleted 2026-02-12\r\n')
  })

  it('should read back with slamark’s own holiday reader', () => {
    const read = readIcs(text)
    expect(read.events.filter((event) => event.name === 'Good Friday' || event.name?.startsWith('Easter')).map((event) => [event.date, event.name])).toEqual([
      ['2026-04-03', 'Good Friday'],
      ['2026-04-06', 'Easter Monday; studio closed, kilns \\ off']
    ])
  })

  it('should fold any text so that unfolding gives it back, never splitting a character', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 400}), (value) => {
        const line = 'SUMMARY:' + escapeIcsText(value)
        const folded = foldIcsLine(line)
        expect(folded.endsWith('\r\n')).toBe(true)
        const lines = folded.slice(0, -2).split('\r\n')
        for (const [index, part] of lines.entries()) {
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
          if (index > 0) expect(part.startsWith(' ')).toBe(true)
        }

        expect(lines.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line)
        expect(unescapeIcsText(escapeIcsText(value))).toBe(value.replaceAll(/\r\n|\r/g, '\n'))
      })
    )
  })
})

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}

describe('JSON export', () => {
  it('should give every report, by SLA id, as the engine computes it', async () => {
    const root = site(examplesRoot)
    const entries = await entriesOf(root, '2026-11-22T12:00:00+01:00')
    const data = JSON.parse(reportsJson(entries)) as {format: string; reports: Array<{slaId: string; page: string; permalink: string; report: unknown}>}
    expect(data.format).toBe(reportsFormat)
    expect(data.reports.map((item) => [item.slaId, item.page, item.permalink])).toEqual([
      ['northfield-website-project', 'docs/project-delivery-sla/index.md', '/docs/project-delivery-sla/'],
      ['ostara-support-desk-2026', 'docs/support-desk-sla.md', '/docs/support-desk-sla/'],
      ['tidewater-website-care-2026', 'docs/website-care-sla.md', '/docs/website-care-sla/'],
      ['veldhuis-hosting-2026', 'docs/managed-hosting-sla.md', '/docs/managed-hosting-sla/']
    ])
    for (const [index, entry] of entries.entries()) {
      expect(data.reports[index]!.report).toEqual(JSON.parse(JSON.stringify(computeReport(entry.sla, '2026-11-22T12:00:00+01:00'))))
    }
  })
})

describe('slamark export', () => {
  it('should write each format to stdout or --out, the same bytes each time', async () => {
    const root = site(fixtureContent)
    const first = await cli(['export', '--format', 'ics', root, '--as-of', asOf])
    expect(first.code).toBe(0)
    expect(first.stdout).toBe(calendarIcs(await entriesOf(root)))
    expect((await cli(['export', '--format', 'ics', root, '--as-of', asOf])).stdout).toBe(first.stdout)
    const out = path.join(root, 'slo.yaml')
    expect((await cli(['export', '-f', 'openslo', root, '--as-of', asOf, '--out', out])).code).toBe(0)
    expect(fs.readFileSync(out, 'utf8')).toBe(openSloYaml(await entriesOf(root)))
    expect(JSON.parse((await cli(['export', '--format', 'json', root, '--as-of', asOf])).stdout).format).toBe(reportsFormat)
  })

  it('should export a folder of pages too, read with Hugo’s defaults', async () => {
    const result = await cli(['export', '--format', 'json', fixtureContent, '--as-of', asOf])
    expect(result.code).toBe(0)
    const data = JSON.parse(result.stdout) as {reports: Array<{slaId: string; page: string}>}
    expect(data.reports.map((item) => [item.slaId, item.page])).toEqual([['harbour-kiln-rollout', 'docs/kiln-rollout.md']])
  })

  it('should refuse a missing or unknown format with exit 2', async () => {
    expect(await cli(['export', '.'])).toEqual({code: 2, stdout: '', stderr: 'slamark export: Unexpected export without `--format`, expected `--format` `openslo`, `ics`, `json`\n'})
    expect(await cli(['export', '--format', 'openslow', '.'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slamark export: Unexpected format `openslow`, expected `--format` `openslo`, `ics`, `json` (did you mean `openslo`?)\n'
    })
  })

  it('should stop on errors with the located message and export nothing', async () => {
    const root = site(fixtureContent, {'content/docs/bad.md': '---\ntitle: Bad\nsla:\n  schema: 1\n  id: bad\n  timeZone: Mars/Olympus\n---\n'})
    const out = path.join(root, 'out.ics')
    const result = await cli(['export', '--format', 'ics', root, '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/bad\.md\n\s*6:13-6:25\s+error\s+Unexpected time zone `Mars\/Olympus`/)
    expect(result.stderr).toContain('nothing was exported')
    expect(fs.existsSync(out)).toBe(false)
  })
})
