/**
 * `ticketsFile` and `holidaysFile`: data files read from the site root,
 * merged into the `sla` data, checked as inline data is, their findings
 * reported in the data file; and every file the loader refuses.
 */
import {mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createProcessor, type ProcessorOptions} from '../src/pipeline.js'
import {maxDataFileBytes} from '../src/transform/read-data-file.js'
import {brief, byPlace} from './support/messages.js'

/** A temporary site holding the given files. */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'slamark-data-'))
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    writeFileSync(path.join(root, name), value)
  }

  return root
}

/** Process pages of a site (paths relative to it, as `slamark lint` gives them) with one processor, synchronously. */
function lint(root: string, pages: Record<string, string>, options: ProcessorOptions = {}): VFile[] {
  const processor = createProcessor({root, ...options})
  return Object.entries(pages).map(([name, value]) => {
    const file = new VFile({path: name, cwd: root, value})
    processor.runSync(processor.parse(file), file)
    return file
  })
}

/** One page. */
const lintOne = (root: string, value: string, options: ProcessorOptions = {}): VFile => lint(root, {'content/page.md': value}, options)[0]!

/** The data file of a page with this path. */
const dataFile = (page: VFile, name: string): VFile | undefined => page.data.dataFiles?.find((file) => file.path === name)

/** A valid page whose `sla:` ends with `extra` lines (indented two spaces). */
function page(...extra: string[]): string {
  return [
    '---',
    'title: Care plan',
    'sla:',
    '  schema: 1',
    '  id: care-plan',
    '  timeZone: Europe/Amsterdam',
    '  effective: {from: 2024-01-01, to: 2024-12-31}',
    '  asOf: 2024-10-04T09:00:00+02:00',
    '  calendars:',
    '    office: {hours: {mon-fri: "09:00-17:00"}, holidays: [2024-12-25]}',
    '  priorities: {P1: {label: Critical}, P2: {label: High}}',
    '  targets:',
    '    reply: {measure: first-response, calendar: office, goals: {P1: 4h, P2: 8h}}',
    ...extra,
    '---',
    'Body.',
    ''
  ].join('\n')
}

/** The same page with the office calendar's holidays from a file. */
function holidaysPage(file: string): string {
  return page().replace('holidays: [2024-12-25]}', `holidays: [2024-12-25], holidaysFile: ${file}}`)
}

/** An iCalendar file of the given events (CRLF line ends). */
function ics(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//slamark//test//EN']
  for (const event of events) lines.push('BEGIN:VEVENT', ...event, 'END:VEVENT')
  return [...lines, 'END:VCALENDAR', ''].join('\r\n')
}

const goodTicket = {id: 'T-1', priority: 'P1', opened: '2024-02-02T16:00:00+01:00'}

describe('ticketsFile', () => {
  it('should merge a YAML list of tickets into file.data.sla.tickets, without ticketsFile or a complaint about both keys', () => {
    const root = site({'data/sla/tickets.yaml': '- id: T-1\n  priority: P1\n  opened: 2024-02-02T16:00:00+01:00\n- id: 7\n  priority: P2\n  opened: 2024-02-03T10:00:00+01:00\n'})
    const file = lintOne(root, page('  ticketsFile: data/sla/tickets.yaml'))
    expect(file.messages).toEqual([])
    expect(file.data.sla?.tickets).toEqual([goodTicket, {id: 7, priority: 'P2', opened: '2024-02-03T10:00:00+01:00'}])
    expect(file.data.sla).not.toHaveProperty('ticketsFile')
    expect(file.data.dataFiles?.map((item) => item.path)).toEqual([path.join('data', 'sla', 'tickets.yaml')])
    expect(file.data.dataFiles?.[0]?.messages).toEqual([])
  })

  it('should report a bad ticket at its line and column in the YAML file, and one error on the page at ticketsFile', () => {
    const tickets = [
      'tickets:',
      '  - id: T-1',
      '    priority: P1',
      '    opened: 2024-02-02T16:00:00+01:00',
      '  - id: T-2',
      '    priority: P9',
      '    opened: 2024-02-03T10:00:00+01:00',
      '    events:',
      '      - {type: replied, at: 2024-02-03T11:00:00+01:00}',
      ''
    ].join('\n')
    const root = site({'data/sla/tickets.yaml': tickets})
    const file = lintOne(root, page('  ticketsFile: data/sla/tickets.yaml'))
    const data = dataFile(file, path.join('data', 'sla', 'tickets.yaml'))!
    expect(brief(data)).toEqual(['9:16-9:23 frontmatter-enum error', '6:15-6:17 unknown-priority error'])
    expect(data.messages[1]!.reason).toBe('Unexpected priority `P9`, expected one of `P1`, `P2`')
    expect(brief(file)).toEqual(['14:16-14:37 data-file-invalid error'])
    expect(file.messages[0]!.reason).toBe('Unexpected 2 errors in `data/sla/tickets.yaml`, expected valid tickets')
    expect(file.messages[0]!.note).toBe('The messages of `data/sla/tickets.yaml` say what is wrong there')
    expect(file.data.sla).toBeUndefined()
    // The cause says which page read the file, at the value that names it.
    const cause = data.messages[1]!.cause as VFile['messages'][number]
    expect(cause.reason).toBe('read for `sla.ticketsFile` of `content/page.md`')
    expect(cause.file).toBe('content/page.md')
    expect(cause.place).toMatchObject({start: {line: 14, column: 16}})
  })

  it('should point the cause of a finding in the data file at its related place on the page', () => {
    const root = site({'data/t.yaml': '- id: T-1\n  priority: P2\n  opened: 2024-02-02T16:00:00+01:00\n'})
    const file = lintOne(root, page('  ticketsFile: data/t.yaml').replace('goals: {P1: 4h, P2: 8h}', 'goals: {P1: 4h}'))
    const data = dataFile(file, path.join('data', 't.yaml'))!
    expect(brief(data)).toEqual(['2:13-2:15 missing-goal error'])
    const cause = data.messages[0]!.cause as VFile['messages'][number]
    expect(cause.reason).toBe('goals of `reply` in `content/page.md`')
    expect(cause.place).toMatchObject({start: {line: 13, column: 63}, end: {line: 13, column: 71}})
  })

  it('should read JSON tickets (a list or {"tickets": [...]}) with exact positions', () => {
    const root = site({
      'data/list.json': JSON.stringify([goodTicket], null, 2),
      'data/object.json': '{\n  "tickets": [\n    {"id": "T-1", "priority": "P1", "opened": "2024-02-30T10:00:00+01:00"}\n  ]\n}\n'
    })
    expect(lintOne(root, page('  ticketsFile: data/list.json')).data.sla?.tickets).toEqual([goodTicket])
    const file = lintOne(root, page('  ticketsFile: data/object.json'))
    expect(brief(dataFile(file, path.join('data', 'object.json')))).toEqual(['3:47-3:74 instant-invalid error'])
    expect(brief(file)).toEqual(['14:16-14:32 data-file-invalid error'])
  })

  it('should read TOML tickets as [[tickets]] tables, and ask for that form', () => {
    const root = site({
      'data/tickets.toml': '[[tickets]]\nid = "T-1"\npriority = "P1"\nopened = 2024-02-02T16:00:00+01:00\n\n[[tickets]]\nid = "T-2"\npriority = "P1"\nopened = "yesterday"\n',
      'data/flat.toml': 'id = "T-1"\npriority = "P1"\n'
    })
    const file = lintOne(root, page('  ticketsFile: data/tickets.toml'))
    expect(brief(dataFile(file, path.join('data', 'tickets.toml')))).toEqual(['9:10-9:21 instant-malformed error'])
    const flat = lintOne(root, page('  ticketsFile: data/flat.toml'))
    const data = dataFile(flat, path.join('data', 'flat.toml'))!
    expect(brief(data)).toEqual(['1:1-1:3 data-file-shape error', '2:1-2:9 data-file-shape error', '1:1-3:1 data-file-shape error'])
    expect(data.messages[2]!.reason).toBe('Unexpected mapping without `tickets`, expected a list of tickets or a mapping with `tickets`')
    expect(data.messages[2]!.note).toBe('Write `[[tickets]]` tables (TOML has no top-level list)')
    expect(flat.messages.map((message) => message.reason)).toEqual(['Unexpected 3 errors in `data/flat.toml`, expected valid tickets'])
  })

  it('should report a misspelt `tickets` key once, with a did-you-mean, and a syntax error in the data file', () => {
    const root = site({'data/t.yaml': 'ticket:\n  - id: T-1\n', 'data/broken.yaml': '- id: T-1\n  priority: [P1\n'})
    const misspelt = dataFile(lintOne(root, page('  ticketsFile: data/t.yaml')), path.join('data', 't.yaml'))!
    expect(brief(misspelt)).toEqual(['1:1-1:7 data-file-shape error'])
    expect(misspelt.messages[0]!.note).toBe('Did you mean `tickets`?')
    const broken = lintOne(root, page('  ticketsFile: data/broken.yaml'))
    expect(dataFile(broken, path.join('data', 'broken.yaml'))!.messages.map((message) => message.ruleId)).toEqual(['front-matter-yaml'])
    expect(brief(broken)).toEqual(['14:16-14:32 data-file-invalid error'])
  })

  it('should not read ticketsFile next to inline tickets, and report the pair', () => {
    const root = site({'data/t.yaml': '[]\n'})
    const file = lintOne(root, page('  ticketsFile: data/t.yaml', '  tickets: []'))
    expect(file.messages.map((message) => message.ruleId)).toEqual(['frontmatter-exclusive-keys'])
    expect(file.data.dataFiles).toBeUndefined()
  })

  it('should read paths from the file’s cwd without a root, and name data files as the page is named', () => {
    const root = site({'data/t.yaml': '[]\n'})
    const processor = createProcessor()
    const relative = new VFile({path: 'content/page.md', cwd: root, value: page('  ticketsFile: data/t.yaml')})
    processor.runSync(processor.parse(relative), relative)
    expect(relative.messages).toEqual([])
    expect(relative.data.dataFiles?.[0]?.path).toBe(path.join('data', 't.yaml'))
    const absolute = new VFile({path: path.join(root, 'content', 'page.md'), cwd: tmpdir(), value: page('  ticketsFile: data/t.yaml')})
    processor.runSync(processor.parse(absolute), absolute)
    expect(brief(absolute)).toEqual(['14:16-14:27 data-file-missing error'])
    const rooted = lint(root, {[path.join(root, 'content', 'page.md')]: page('  ticketsFile: data/t.yaml')})[0]!
    expect(rooted.data.dataFiles?.[0]?.path).toBe(path.join(root, 'data', 't.yaml'))
  })
})

describe('holidaysFile', () => {
  it('should append iCalendar holidays to the calendar’s own and report a weekend holiday in the .ics file', () => {
    const calendar = ics(
      ['DTSTART;VALUE=DATE:20200101', 'SUMMARY:Nieuwjaarsdag', 'RRULE:FREQ=YEARLY'],
      ['DTSTART;VALUE=DATE:20240427', 'SUMMARY:Koningsdag']
    )
    const root = site({'data/holidays.ics': calendar})
    const file = lintOne(root, holidaysPage('data/holidays.ics'))
    expect(file.messages).toEqual([])
    const office = (file.data.sla?.calendars as Record<string, {holidays: unknown[]; holidaysFile: string}>).office
    // The repeat is expanded over the term only.
    expect(office.holidays).toEqual(['2024-12-25', {date: '2024-01-01', name: 'Nieuwjaarsdag'}, {date: '2024-04-27', name: 'Koningsdag'}])
    expect(office.holidaysFile).toBe('data/holidays.ics')
    const data = dataFile(file, path.join('data', 'holidays.ics'))!
    expect(brief(data)).toEqual(['10:20-10:28 holiday-non-working-day warning'])
    expect(data.messages[0]!.reason).toBe('Unexpected holiday `2024-04-27` on a day without working hours, expected a working day')
    expect((data.messages[0]!.cause as {reason: string}).reason).toBe('read for `sla.calendars.office.holidaysFile` of `content/page.md`')
  })

  it('should report the iCalendar reader’s errors in the .ics file and one error on the page', () => {
    const root = site({'data/h.ics': ics(['DTSTART:20241226T090000', 'SUMMARY:Half day'], ['DTSTART;VALUE=DATE:20240101', 'RRULE:FREQ=MONTHLY'])})
    const file = lintOne(root, holidaysPage('data/h.ics'))
    expect(brief(dataFile(file, path.join('data', 'h.ics')))).toEqual(['5:9-5:24 ics-date-time error', '10:7-10:19 ics-recurrence-unsupported error'])
    expect(brief(file)).toEqual(['10:85-10:95 data-file-invalid error'])
    expect(file.messages[0]!.reason).toBe('Unexpected 2 errors in `data/h.ics`, expected valid holidays')
  })

  it('should read YAML, JSON and TOML holiday lists and point at a bad entry there', () => {
    const root = site({
      'data/h.yaml': 'holidays:\n  - 2024-04-01\n  - {date: 2024-13-01, name: Nowhere}\n',
      'data/h.json': '["2024-04-01", {"date": "2024-05-09", "name": "Hemelvaart"}]',
      'data/h.toml': '[[holidays]]\ndate = 2024-04-01\nname = "Tweede Paasdag"\n'
    })
    const yaml = lintOne(root, holidaysPage('data/h.yaml'))
    expect(brief(dataFile(yaml, path.join('data', 'h.yaml')))).toEqual(['3:12-3:22 date-invalid error'])
    expect(brief(yaml)).toEqual(['10:85-10:96 data-file-invalid error'])
    const json = lintOne(root, holidaysPage('data/h.json'))
    expect(json.messages).toEqual([])
    expect((json.data.sla?.calendars as Record<string, {holidays: unknown[]}>).office.holidays).toEqual(['2024-12-25', '2024-04-01', {date: '2024-05-09', name: 'Hemelvaart'}])
    const toml = lintOne(root, holidaysPage('data/h.toml'))
    expect((toml.data.sla?.calendars as Record<string, {holidays: unknown[]}>).office.holidays).toEqual(['2024-12-25', {date: '2024-04-01', name: 'Tweede Paasdag'}])
  })

  it('should keep findings on the inline holidays on the page', () => {
    const root = site({'data/h.yaml': '[2024-04-01]\n'})
    const file = lintOne(root, holidaysPage('data/h.yaml').replace('holidays: [2024-12-25]', 'holidays: [2024-12-28]'))
    expect(brief(file)).toEqual(['10:58-10:68 holiday-non-working-day warning'])
    expect(dataFile(file, path.join('data', 'h.yaml'))!.messages).toEqual([])
  })
})

describe('data files the loader refuses', () => {
  const refused = (root: string, written: string, options: ProcessorOptions = {}) => {
    const file = lintOne(root, page(`  ticketsFile: "${written}"`), options)
    expect(file.data.dataFiles).toBeUndefined()
    expect(file.data.sla).toBeUndefined()
    return file.messages.map((message) => `${(message.place as {start: {line: number; column: number}}).start.line}:${(message.place as {start: {column: number}}).start.column} ${message.ruleId}`)
  }

  it('should refuse absolute paths and URLs', () => {
    const root = site({'data/t.yaml': '[]\n'})
    expect(refused(root, path.join(root, 'data', 't.yaml'))).toEqual(['14:16 data-file-outside-site'])
    expect(refused(root, '/etc/hosts.yaml')).toEqual(['14:16 data-file-outside-site'])
    expect(refused(root, 'https://example.com/t.yaml')).toEqual(['14:16 data-file-outside-site'])
  })

  it('should refuse a path leading out of the root, and accept `..` that stays inside', () => {
    const parent = site({'outside.yaml': '[]\n', 'site/data/t.yaml': '[]\n'})
    const root = path.join(parent, 'site')
    expect(refused(root, '../outside.yaml')).toEqual(['14:16 data-file-outside-site'])
    expect(refused(root, 'data/../../outside.yaml')).toEqual(['14:16 data-file-outside-site'])
    expect(lintOne(root, page('  ticketsFile: content/../data/t.yaml')).messages).toEqual([])
  })

  it('should refuse a link to a file outside the root, and follow one inside it', () => {
    const parent = site({'secret.yaml': '- id: leaked\n', 'site/data/real.yaml': '[]\n'})
    const root = path.join(parent, 'site')
    symlinkSync(path.join(parent, 'secret.yaml'), path.join(root, 'data', 'link.yaml'))
    symlinkSync(parent, path.join(root, 'data', 'up'))
    symlinkSync(path.join(root, 'data', 'real.yaml'), path.join(root, 'data', 'inside.yaml'))
    expect(refused(root, 'data/link.yaml')).toEqual(['14:16 data-file-outside-site'])
    expect(refused(root, 'data/up/secret.yaml')).toEqual(['14:16 data-file-outside-site'])
    expect(lintOne(root, page('  ticketsFile: data/inside.yaml')).messages).toEqual([])
  })

  it('should refuse a folder, a missing file (with a did-you-mean), a file too large and a wrong extension', () => {
    const root = site({'data/tickets.yaml/readme.txt': 'a folder named like a file', 'data/sla/tickets.yml': '[]\n', 'data/t.csv': 'id\n', 'data/t': '[]\n'})
    writeFileSync(path.join(root, 'data', 'big.yaml'), '#'.repeat(maxDataFileBytes + 1))
    expect(refused(root, 'data/tickets.yaml')).toEqual(['14:16 data-file-not-file'])
    expect(refused(root, 'data/sla/tickets.yaml')).toEqual(['14:16 data-file-missing'])
    const missing = lintOne(root, page('  ticketsFile: data/sla/tickets.yaml')).messages[0]!
    expect(missing.reason).toBe('Unexpected missing file `data/sla/tickets.yaml`, expected a file at that path from the site root')
    expect(missing.note).toBe(`Did you mean \`data/sla/tickets.yml\`? Paths are read from the site root (\`${root}\`), not from the page's folder`)
    expect(refused(root, 'data/big.yaml')).toEqual(['14:16 data-file-too-large'])
    expect(lintOne(root, page('  ticketsFile: data/big.yaml')).messages[0]!.reason).toBe('Unexpected file `data/big.yaml` of more than 5 MB, expected at most 5 MB')
    expect(refused(root, 'data/t.csv')).toEqual(['14:16 data-file-type'])
    expect(refused(root, 'data/t')).toEqual(['14:16 data-file-type'])
    // Tickets are never read from iCalendar.
    expect(refused(root, 'data/t.ics')).toEqual(['14:16 data-file-type'])
    expect(lintOne(root, page('  ticketsFile: data/t.csv')).messages[0]!.reason).toBe('Unexpected file type `.csv` in `data/t.csv`, expected one of `.yaml`, `.yml`, `.json`, `.toml`')
  })

  it('should refuse a file that is not UTF-8, and report a refused holidaysFile at its value', () => {
    const root = site({})
    mkdirSync(path.join(root, 'data'))
    writeFileSync(path.join(root, 'data', 'latin1.yaml'), Buffer.from([0x2d, 0x20, 0xe9, 0x0a]))
    expect(refused(root, 'data/latin1.yaml')).toEqual(['14:16 data-file-unreadable'])
    const file = lintOne(root, holidaysPage('../h.ics'))
    expect(brief(file)).toEqual(['10:85-10:93 data-file-outside-site error'])
    expect(file.messages[0]!.note).toBe('Only files inside the site are read: move the file into the site, for example under `data/`')
  })
})

describe('the data-site fixture', () => {
  const root = path.join('test', 'fixtures', 'data-site')
  const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as Record<string, string[]>

  it('should report each message in the file it is about, a shared holidays file once', () => {
    const pages = lint(path.resolve(root), {
      [path.join('content', 'care.md')]: readFileSync(path.join(root, 'content', 'care.md'), 'utf8'),
      [path.join('content', 'support.md')]: readFileSync(path.join(root, 'content', 'support.md'), 'utf8')
    })
    const found: Record<string, string[]> = {}
    for (const file of pages) {
      found[file.path.split(path.sep).join('/')] = brief(file).sort(byPlace)
      for (const data of file.data.dataFiles ?? []) {
        const name = data.path.split(path.sep).join('/')
        found[name] = [...new Set([...(found[name] ?? []), ...brief(data)])].sort(byPlace)
      }
    }

    expect(found).toEqual(expected)
  })
})
