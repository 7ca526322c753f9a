import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, expectTypeOf, it} from 'vitest'
import {parseFrontMatter} from '../src/frontmatter/index.js'
import {detectFrontMatter} from '../src/hugo/index.js'
import {frontMatterSchema, validateFrontMatter, type FrontMatterIssue} from '../src/schema/frontmatter.js'
import {doksPageSchema, hugoDatePattern, pageSchema} from '../src/schema/page.js'
import {
  clientCausedPauseReasonDescriptions,
  clientCausedPauseReasons,
  dayKeyPattern,
  durationPattern,
  elapsedDurationPattern,
  hoursPattern,
  instantPattern,
  objectivePattern,
  offsetInstantPattern,
  percentPattern,
  slaIdPattern,
  slaSchema,
  timeZonePattern,
  type Sla,
  type Target,
  type Ticket
} from '../src/schema/sla.js'
import {didYouMean} from '../src/util/did-you-mean.js'

/** Front matter of a page, parsed as the pipeline parses it. */
function frontMatterOf(file: string): Record<string, unknown> {
  const source = readFileSync(file, 'utf8')
  const detected = detectFrontMatter(source)
  if (!detected.block) throw new Error(`no front matter in ${file}`)
  const parsed = parseFrontMatter(detected.block)
  expect(parsed.diagnostics).toEqual([])
  return parsed.data
}

const examplePages = readdirSync('content-examples', {recursive: true, encoding: 'utf8'})
  .filter((name) => name.endsWith('.md'))
  .map((name) => path.join('content-examples', name))
  .sort()

/** A small valid SLA; each test breaks one thing. */
function sla(): Record<string, any> {
  return {
    schema: 1,
    id: 'demo',
    timeZone: 'Europe/Amsterdam',
    calendars: {office: {hours: {'mon-fri': '09:00-17:00'}}, always: '24x7'},
    support: {calendar: 'office', channels: ['email']},
    priorities: {P1: {label: 'Critical'}, P2: {label: 'Normal'}},
    targets: {
      reply: {measure: 'first-response', calendar: 'office', goals: {P1: '1h', P2: '4h'}, pauseOn: []},
      fix: {measure: 'resolution', calendar: 'office', goals: {P1: '1bd', P2: '3bd'}, pauseOn: 'client-caused'}
    },
    availability: {objective: '99.9%', window: 'month', creditTiers: [{below: 99.9, credit: '10%'}]},
    tickets: [
      {
        id: 'T-1',
        priority: 'P2',
        opened: '2026-02-02T16:00:00+01:00',
        events: [
          {type: 'first-response', at: '2026-02-02T17:00:00+01:00'},
          {type: 'priority', at: '2026-02-02T17:30:00+01:00', to: 'P1'}
        ],
        pauses: [{from: '2026-02-05T09:00:00+01:00', reason: 'approval'}]
      }
    ],
    milestones: [
      {id: 'a', title: 'A', start: '2026-09-02', duration: '5bd'},
      {id: 'b', title: 'B', after: 'a', duration: '5bd', delays: [{from: '2026-09-10', to: '2026-09-11', reason: 'approval'}]}
    ]
  }
}

function issuesOf(data: unknown): FrontMatterIssue[] {
  const result = validateFrontMatter(data)
  expect(result.ok).toBe(result.issues.length === 0)
  return result.issues
}

/** The value at a path, through own properties only. */
function has(root: unknown, keys: ReadonlyArray<string | number>): boolean {
  let current = root
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return false
    current = (current as Record<string | number, unknown>)[key]
  }

  return true
}

describe('content-examples front matter', () => {
  it('should find the example pages', () => {
    expect(examplePages.length).toBeGreaterThanOrEqual(6)
  })

  for (const file of examplePages) {
    it(`should validate ${file} cleanly`, () => {
      const data = frontMatterOf(file)
      const result = validateFrontMatter(data)
      expect(result.issues).toEqual([])
      expect(result.ok).toBe(true)
      expect(frontMatterSchema.safeParse(data).success).toBe(true)
      if (data.sla !== undefined) {
        expect(pageSchema.safeParse(data).success).toBe(true)
        expect(slaSchema.safeParse(data.sla).success).toBe(true)
      }
    })
  }

  it('should include a TOML page and pages without `sla`', () => {
    const sources = examplePages.map((file) => readFileSync(file, 'utf8'))
    expect(sources.some((source) => source.startsWith('+++'))).toBe(true)
    expect(examplePages.some((file) => frontMatterOf(file).sla === undefined)).toBe(true)
  })

  it('should give back the data unchanged (no defaults, no transforms)', () => {
    for (const file of examplePages) {
      const data = frontMatterOf(file)
      const result = validateFrontMatter(data)
      expect(result.data).toEqual(data)
    }
  })
})

describe('page schemas', () => {
  it('should require `sla` in `pageSchema` only', () => {
    const data = {title: 'Index', draft: false}
    expect(pageSchema.safeParse(data).success).toBe(false)
    expect(frontMatterSchema.safeParse(data).success).toBe(true)
    expect(doksPageSchema.safeParse({...data, sla: 'anything'}).success).toBe(true)
  })

  it('should accept every Doks front matter shape (0.x to 1.9)', () => {
    const shapes = [
      // v0.x
      {title: 'A', description: 'B', lead: 'C', date: '2020-10-06T08:48:57+00:00', lastmod: '2020-10-06T08:48:57+00:00', draft: false, images: [], menu: {docs: {parent: 'prologue', identifier: 'intro'}}, weight: 100, toc: true},
      // 1.0 and 1.1–1.3
      {title: 'A', description: 'B', summary: '', date: '2023-09-07T16:04:48+02:00', lastmod: '2023-09-07T16:04:48+02:00', draft: false, menu: {docs: {parent: '', identifier: 'x'}}, weight: 810, toc: true, seo: {title: '', description: '', canonical: '', noindex: false}},
      // 1.4–1.8
      {title: 'A', description: 'B', summary: '', date: '2023-09-07T16:04:48+02:00', lastmod: '2023-09-07T16:04:48+02:00', draft: false, weight: 999, toc: true, seo: {title: '', description: '', canonical: '', noindex: false}},
      // 1.9
      {title: 'A', description: 'B', summary: '', date: '2026-02-17T10:00:00+01:00', lastmod: '2026-02-17T10:00:00+01:00', draft: false, weight: 999, toc: true, params: {seo: {title: '', description: '', canonical: '', robots: ''}, math: false}},
      // blog
      {title: 'Post', date: '2024-01-01', draft: false, weight: 50, categories: ['News'], tags: ['sla'], contributors: ['Ann'], pinned: false, homepage: true},
      // menus written as a name or a list; custom keys
      {menu: 'main', myKey: {anything: [1, 2]}},
      {menu: ['main', 'footer'], publishDate: '2024-01-01 10:00:00', expiryDate: '2025-01-01T00:00:00Z'}
    ]
    for (const shape of shapes) expect(issuesOf(shape)).toEqual([])
  })

  it('should accept the date forms YAML and TOML write', () => {
    for (const value of ['2024-01-01', '2024-01-01T10:00:00', '2024-01-01T10:00:00Z', '2024-01-01 10:00:00', '2024-01-01T10:00:00.123+02:00', '2001-12-14 21:59:43.10 -05:00', '2024-01-01t10:00z', '2024-01-01T10:00']) {
      expect(hugoDatePattern.test(value), value).toBe(true)
    }

    for (const value of ['2024', 'next tuesday', '01-01-2024', '2024-01-01T', '2024-01-01 10']) {
      expect(hugoDatePattern.test(value), value).toBe(false)
    }
  })

  it('should accept only booleans for `draft` and `toc`, and integers for `weight` (Hugo would coerce, we report)', () => {
    expect(issuesOf({draft: 'true', toc: 'false', weight: '10'})).toEqual([
      {path: ['draft'], code: 'invalid_type', message: 'Unexpected string `true`, expected a boolean', expected: ['boolean'], received: 'string'},
      {path: ['weight'], code: 'invalid_type', message: 'Unexpected string `10`, expected an integer', expected: ['integer'], received: 'string'},
      {path: ['toc'], code: 'invalid_type', message: 'Unexpected string `false`, expected a boolean', expected: ['boolean'], received: 'string'}
    ])
  })

  it('should report unknown keys in `seo` and `params.seo`, not at the top level or in `params`', () => {
    const issues = issuesOf({custom: 1, params: {mine: true, seo: {robot: ''}}, seo: {canonicl: ''}})
    expect(issues.map((issue) => issue.path)).toEqual([
      ['seo', 'canonicl'],
      ['params', 'seo', 'robot']
    ])
    expect(issues[0]!.message).toBe('Unexpected key `canonicl`, expected one of `title`, `description`, `canonical`, `noindex`, `robots`')
  })
})

describe('slaSchema', () => {
  it('should accept the small SLA and the sla-domain §5.1 shapes', () => {
    expect(issuesOf({sla: sla()})).toEqual([])
    const full: Record<string, any> = {
      ...sla(),
      version: 3,
      parties: {provider: {name: 'Studio'}, client: {name: 'Acme'}},
      effective: {from: '2024-01-01', to: '2024-12-31'},
      asOf: '2024-10-04T09:00:00+02:00',
      calendars: {
        office: {
          hours: {'mon-fri': '09:00-12:30, 13:00-17:00', 'sat,sun': '10:00-12:00'},
          holidays: ['2024-12-25', {date: '2024-12-26', name: 'Tweede Kerstdag'}],
          holidaysFile: 'data/holidays.ics',
          timeZone: 'Europe/Amsterdam'
        },
        night: {hours: {sun: '22:00-24:00', mon: '00:00-06:00', daily: '12:00-13:00'}},
        always: '24x7'
      },
      support: {calendar: 'office', channels: ['email', 'portal', 'phone'], emergency: {priorities: ['P1'], calendar: 'always', channel: 'phone'}},
      priorities: {P1: {label: 'Critical', meaning: 'Site down'}, P2: {label: 'High'}},
      pauseReasons: {'pending-payment': {suspends: true}, 'client-holiday': {clientCaused: true, suspends: false}},
      targets: {
        'first-response': {measure: 'first-response', calendar: 'office', goals: {P1: '4h', P2: '1h30m'}, goalCalendars: {P1: 'always'}, pauseOn: []},
        resolution: {measure: 'resolution', calendar: 'office', goals: {P1: '1bd', P2: '10bd'}, pauseOn: 'client-caused', onPriorityChange: 'keep-elapsed'},
        updates: {measure: 'update-interval', calendar: 'always', goals: {P1: '2d', P2: '1w'}, pauseOn: ['approval'], onPriorityChange: 'restart'},
        next: {measure: 'next-response', calendar: 'office', goals: {P1: '30m', P2: '2h'}}
      },
      availability: {
        objective: 99.9,
        window: 'quarter',
        minimumIncident: '1m',
        maintenance: {noticeDays: 5, windows: [{from: '2024-06-18T22:00:00Z', to: '2024-06-18T23:00:00Z', announced: '2024-06-10'}]},
        incidents: [
          {from: '2024-06-05T10:00:00Z', to: '2024-06-05T14:00:00Z', note: 'Outage'},
          {from: '2024-07-05T10:00:00Z', to: '2024-07-05T11:00:00Z', impact: 'full'},
          {from: '2024-08-05T10:00:00Z', to: '2024-08-05T11:00:00Z', impact: {partial: 0.5}}
        ],
        creditTiers: [
          {below: '99.9%', credit: '10%'},
          {below: '95.0%', credit: 100}
        ]
      },
      kpis: {
        csat: {objective: '>= 80%', scale: 5, satisfiedAtOrAbove: 4, window: 'quarter', minResponses: 10, counts: {5: 42, 4: 32}},
        fcr: {objective: 75, window: 'year', total: 40, excluded: 3, firstContactResolved: 31}
      },
      consequences: {
        form: 'service-credit',
        currency: 'EUR',
        monthlyFee: 2000,
        perBreach: {'first-response': {P1: '5%'}, resolution: {P1: 5}},
        cap: '30%',
        claimWithinDays: 30,
        corrective: 'A plan.'
      },
      escalation: [
        {at: '75%', notify: 'Lead'},
        {at: 100, notify: 'Director'}
      ],
      reviews: {every: 'quarter', next: '2025-01-15'},
      responsibilities: {client: ['Feedback'], provider: ['Delivery']},
      timeline: {delayMode: 'day-for-day', anchor: 'baseline'}
    }
    expect(issuesOf({sla: full})).toEqual([])
    const {tickets, ...withoutTickets} = full
    expect(tickets).toHaveLength(1)
    const withFile = {...withoutTickets, ticketsFile: 'data/sla/tickets.yaml'}
    expect(issuesOf({sla: withFile})).toEqual([])
    expect(issuesOf({sla: {schema: 1, id: 'x', kpis: {csat: {objective: '80%', scale: 5, satisfiedAtOrAbove: 4, window: 'month', responses: [5, 4, 1]}}}})).toEqual([])
  })

  it('should export the six built-in client-caused pause reasons, each described', () => {
    expect([...clientCausedPauseReasons].sort()).toEqual([
      'approval',
      'change-management',
      'client-communication',
      'data-dependency',
      'pending-payment',
      'work-review'
    ])
    for (const reason of clientCausedPauseReasons) expect(clientCausedPauseReasonDescriptions[reason]).toMatch(/\.$/)
  })

  it('should export the types the engine consumes', () => {
    const parsed = slaSchema.parse(sla())
    expectTypeOf(parsed).toEqualTypeOf<Sla>()
    expectTypeOf<Target['measure']>().toEqualTypeOf<'first-response' | 'next-response' | 'resolution' | 'update-interval'>()
    expectTypeOf<NonNullable<Ticket['events']>[number]['to']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Sla['schema']>().toEqualTypeOf<1>()
    expect(parsed.targets?.fix?.pauseOn).toBe('client-caused')
  })
})

describe('grammars', () => {
  const cases: Array<[RegExp, string[], string[]]> = [
    [durationPattern, ['30m', '4h', '1h30m', '2d', '3bd', '1w', '1w2d3h4m', '0m'], ['4', '4 h', 'bd', '1.5h', '1bd2h', 'h', '', '30m1h', '4H', '2days']],
    [elapsedDurationPattern, ['1m', '2h', '1h30m', '1d'], ['1bd', '1', 'm']],
    [percentPattern, ['99.9%', '100%', '5%', '0.5%'], ['99.9', '99.9 %', '%', '.5%', '-1%']],
    [objectivePattern, ['>= 80%', '<=4h', '> 99.5%', '80%', '= 100%', '4h', '< 2bd'], ['>= 80', '=> 80%', 'at least 80%', '>=', '']],
    [hoursPattern, ['09:00-17:00', '09:00-12:30, 13:00-17:00', '22:00-24:00', '00:00 - 06:00'], ['9-5', '09:00', '09:00-25:00', '09:00-17:00,', '9:00-17:00']],
    [dayKeyPattern, ['mon', 'mon-fri', 'sat,sun', 'mon, wed, fri', 'daily', 'mon-wed,fri'], ['weekdays', 'Mon', 'mon-', 'daily,sat', '']],
    [instantPattern, ['2024-02-02T16:00:00+01:00', '2024-02-02T16:00:00Z', '2024-02-02T16:00', '2024-02-02 16:00:00', '2024-02-02T16:00:00.5-05:00'], ['2024-02-02', '2024-02-02T16', '2024-13-02T16:00', '2024-02-02T16:00+1']],
    [offsetInstantPattern, ['2024-10-04T09:00:00+02:00', '2024-10-04T07:00:00Z'], ['2024-10-04T09:00:00']],
    [timeZonePattern, ['Europe/Amsterdam', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+1', 'CET'], ['Europe/', '+01:00', 'Europe Amsterdam', '']],
    [slaIdPattern, ['acme-care-2024', 'a', '1'], ['Acme', 'acme_care', '-acme', 'acme-', 'a'.repeat(64)]]
  ]

  for (const [pattern, good, bad] of cases) {
    it(`should match ${pattern.source.slice(0, 40)}…`, () => {
      for (const value of good) expect(pattern.test(value), value).toBe(true)
      for (const value of bad) expect(pattern.test(value), value).toBe(false)
    })
  }
})

describe('validateFrontMatter: issues', () => {
  it('should report an unknown key at the key, with every allowed key for a did-you-mean', () => {
    const data = {sla: sla()}
    data.sla.support = {calender: 'office'}
    const issues = issuesOf(data)
    const unknown = issues.find((issue) => issue.code === 'unrecognized_keys')!
    expect(unknown).toEqual({
      path: ['sla', 'support', 'calender'],
      code: 'unrecognized_keys',
      message: 'Unexpected key `calender`, expected one of `calendar`, `channels`, `emergency`',
      expected: ['calendar', 'channels', 'emergency'],
      received: 'calender',
      keys: ['calender']
    })
    expect(didYouMean(unknown.received!, unknown.expected!)).toBe('calendar')
    // …and the missing `calendar` at the mapping that lacks it.
    expect(issues.find((issue) => issue.code === 'missing_key')).toMatchObject({path: ['sla', 'support'], keys: ['calendar']})
  })

  it('should report one issue per unknown key, also at the top of `sla`', () => {
    const data = {sla: {...sla(), calender: {}, targetz: {}}}
    expect(issuesOf(data).map((issue) => [issue.path, issue.code])).toEqual([
      [['sla', 'calender'], 'unrecognized_keys'],
      [['sla', 'targetz'], 'unrecognized_keys']
    ])
  })

  it('should list the allowed values of an enum', () => {
    const data = {sla: sla()}
    data.sla.targets.fix.measure = 'resolve'
    data.sla.availability.window = 'week'
    expect(issuesOf(data)).toEqual([
      {
        path: ['sla', 'targets', 'fix', 'measure'],
        code: 'invalid_value',
        message: 'Unexpected `resolve`, expected one of `first-response`, `next-response`, `resolution`, `update-interval`',
        expected: ['first-response', 'next-response', 'resolution', 'update-interval'],
        received: 'resolve'
      },
      {
        path: ['sla', 'availability', 'window'],
        code: 'invalid_value',
        message: 'Unexpected `week`, expected one of `month`, `quarter`',
        expected: ['month', 'quarter'],
        received: 'week'
      }
    ])
  })

  it('should give expected and received types for a wrong type', () => {
    const data = {sla: sla()}
    data.sla.priorities.P1.label = 5
    data.sla.availability.maintenance = []
    expect(issuesOf(data)).toEqual([
      {path: ['sla', 'priorities', 'P1', 'label'], code: 'invalid_type', message: 'Unexpected number `5`, expected a string', expected: ['string'], received: 'number'},
      {path: ['sla', 'availability', 'maintenance'], code: 'invalid_type', message: 'Unexpected list, expected a mapping', expected: ['mapping'], received: 'list'}
    ])
  })

  it('should report a missing required key at its parent, naming the key', () => {
    const data = {sla: sla()}
    delete data.sla.schema
    delete data.sla.targets.fix.goals
    expect(issuesOf(data)).toEqual([
      {
        path: ['sla'],
        code: 'missing_key',
        message: 'Unexpected missing key `schema`, expected the number `1` (the only data model version so far)',
        expected: ['1'],
        keys: ['schema']
      },
      {path: ['sla', 'targets', 'fix'], code: 'missing_key', message: 'Unexpected missing key `goals`, expected a mapping', expected: ['mapping'], keys: ['goals']}
    ])
  })

  it('should reject unknown data model versions and a string version', () => {
    expect(issuesOf({sla: {...sla(), schema: 2}})).toMatchObject([{path: ['sla', 'schema'], code: 'invalid_value', received: '2'}])
    expect(issuesOf({sla: {...sla(), schema: '1'}})).toMatchObject([{path: ['sla', 'schema'], code: 'invalid_type', expected: ['number'], received: 'string'}])
  })

  it('should describe the expected form of durations, percentages, dates and hours', () => {
    const data = {sla: sla()}
    data.sla.targets.reply.goals = {P1: 4, P2: '4 hours'}
    data.sla.availability.objective = '99.9'
    data.sla.calendars.office.hours = {'mon-fri': '9-5', weekdays: '09:00-17:00'}
    data.sla.tickets[0].opened = '2026-02-02'
    expect(issuesOf(data).map((issue) => [issue.path.join('.'), issue.code, issue.message])).toEqual([
      ['sla.calendars.office.hours.mon-fri', 'invalid_format', 'Unexpected `9-5`, expected working hours such as `09:00-17:00` or `09:00-12:30, 13:00-17:00`'],
      ['sla.calendars.office.hours.weekdays', 'invalid_key', 'Unexpected key `weekdays`, expected a day key such as `mon`, `mon-fri`, `sat,sun` or `daily`'],
      ['sla.targets.reply.goals.P1', 'invalid_type', 'Unexpected number `4`, expected a duration such as `30m`, `4h`, `1h30m`, `2d` or `3bd`'],
      ['sla.targets.reply.goals.P2', 'invalid_format', 'Unexpected `4 hours`, expected a duration such as `30m`, `4h`, `1h30m`, `2d` or `3bd`'],
      ['sla.availability.objective', 'invalid_format', 'Unexpected `99.9`, expected a percentage such as `99.9%`, or a number such as `99.9`'],
      ['sla.tickets.0.opened', 'invalid_format', 'Unexpected `2026-02-02`, expected a date and time such as `2026-03-31T14:30:00+02:00`']
    ])
  })

  it('should explain a value that fits no option of a union', () => {
    const data = {sla: sla()}
    data.sla.calendars.always = 'always'
    data.sla.targets.fix.pauseOn = 'client'
    data.sla.calendars.office.holidays = [{date: '2026-12-25', nam: 'Christmas'}]
    expect(issuesOf(data)).toEqual([
      {path: ['sla', 'calendars', 'office', 'holidays', 0, 'nam'], code: 'unrecognized_keys', message: 'Unexpected key `nam`, expected one of `date`, `name`', expected: ['date', 'name'], received: 'nam', keys: ['nam']},
      {path: ['sla', 'calendars', 'always'], code: 'invalid_value', message: 'Unexpected `always`, expected `24x7` or a mapping', expected: ['24x7', 'mapping'], received: 'always'},
      {path: ['sla', 'targets', 'fix', 'pauseOn'], code: 'invalid_value', message: 'Unexpected `client`, expected `client-caused` or a list', expected: ['client-caused', 'list'], received: 'client'}
    ])
    data.sla.calendars.always = 7
    expect(issuesOf(data)).toContainEqual({
      path: ['sla', 'calendars', 'always'],
      code: 'invalid_type',
      message: 'Unexpected number `7`, expected `24x7` or a mapping',
      expected: ['24x7', 'mapping'],
      received: 'number'
    })
  })

  it('should report exclusive keys and priority-event rules', () => {
    const data: {sla: Record<string, any>} = {sla: {...sla(), ticketsFile: 'data/t.yaml'}}
    data.sla.tickets[0].events = [
      {type: 'priority', at: '2026-02-02T17:30:00+01:00'},
      {type: 'response', at: '2026-02-02T17:30:00+01:00', to: 'P1'}
    ]
    data.sla.kpis = {csat: {objective: '>= 80%', scale: 5, satisfiedAtOrAbove: 4, window: 'quarter', responses: [5], counts: {5: 1}}}
    expect(issuesOf(data)).toEqual([
      {path: ['sla', 'kpis', 'csat', 'counts'], code: 'exclusive_keys', message: 'Unexpected key `counts` next to `responses`, expected only one of them', keys: ['responses', 'counts']},
      {path: ['sla', 'tickets', 0, 'events', 0], code: 'missing_key', message: 'Unexpected `priority` event without `to`, expected the new priority in `to`', keys: ['to']},
      {
        path: ['sla', 'tickets', 0, 'events', 1, 'to'],
        code: 'unrecognized_keys',
        message: 'Unexpected key `to` on an event that is not a priority change, expected `to` only with `type: priority`',
        keys: ['to']
      },
      {path: ['sla', 'ticketsFile'], code: 'exclusive_keys', message: 'Unexpected key `ticketsFile` next to `tickets`, expected only one of them', keys: ['tickets', 'ticketsFile']}
    ])
  })

  it('should report bounds', () => {
    const data = {sla: sla()}
    data.sla.availability.incidents = [{from: '2026-01-01T00:00:00Z', to: '2026-01-01T01:00:00Z', impact: {partial: 0}}]
    data.sla.kpis = {fcr: {objective: '>= 70%', window: 'quarter', total: -1, firstContactResolved: 1.5}}
    expect(issuesOf(data).map((issue) => [issue.path.join('.'), issue.code, issue.message])).toEqual([
      ['sla.availability.incidents.0.impact.partial', 'too_small', 'Unexpected `0`, expected a number > 0'],
      ['sla.kpis.fcr.total', 'too_small', 'Unexpected `-1`, expected a number ≥ 0'],
      ['sla.kpis.fcr.firstContactResolved', 'invalid_type', 'Unexpected number `1.5`, expected an integer']
    ])
  })

  it('should reject a front matter that is not a mapping, and an `sla` that is not one', () => {
    expect(issuesOf(null)).toEqual([{path: [], code: 'invalid_type', message: 'Unexpected `null`, expected a mapping', expected: ['mapping'], received: 'null'}])
    expect(issuesOf([1])).toMatchObject([{path: [], received: 'list'}])
    expect(issuesOf({sla: null})).toMatchObject([{path: ['sla'], code: 'invalid_type', received: 'null'}])
    expect(issuesOf({sla: 'yes'})).toMatchObject([{path: ['sla'], code: 'invalid_type', received: 'string'}])
  })
})

describe('validateFrontMatter: hostile input', () => {
  it('should accept a 100,000-key top-level mapping (Hugo allows any key)', () => {
    const data: Record<string, unknown> = {title: 'Big'}
    for (let index = 0; index < 100_000; index++) data['key' + index] = index
    const result = validateFrontMatter(data)
    expect(result.ok).toBe(true)
  })

  it('should cap the issues of a 100,000-key mapping inside `sla`', () => {
    const extra: Record<string, unknown> = {}
    for (let index = 0; index < 100_000; index++) extra['key' + index] = index
    const result = validateFrontMatter({sla: {...sla(), ...extra}})
    expect(result.ok).toBe(false)
    expect(result.issues).toHaveLength(1001)
    expect(result.issues[0]).toMatchObject({path: ['sla', 'key0'], code: 'unrecognized_keys'})
    expect(result.issues.at(-1)).toEqual({
      path: [],
      code: 'too_many_issues',
      message: 'Unexpected 99000 more issues, expected at most 1000 to be reported'
    })
    expect(validateFrontMatter({sla: {...sla(), ...extra}}, {maxIssues: 3}).issues).toHaveLength(4)
  })

  it('should cap the issues of a 100,000-entry record of wrong values', () => {
    const calendars: Record<string, unknown> = {}
    for (let index = 0; index < 100_000; index++) calendars['c' + index] = index
    const result = validateFrontMatter({sla: {...sla(), calendars}})
    expect(result.issues).toHaveLength(1001)
  })

  it('should not recurse into 1,000-deep nesting', () => {
    const deep = (): Record<string, unknown> => {
      const top: Record<string, unknown> = {}
      let current = top
      for (let index = 0; index < 1000; index++) {
        const next: Record<string, unknown> = {}
        current.a = next
        current = next
      }

      return top
    }

    const list = (): unknown[] => {
      const top: unknown[] = []
      let current = top
      for (let index = 0; index < 1000; index++) {
        const next: unknown[] = []
        current.push(next)
        current = next
      }

      return top
    }

    const data = {
      custom: deep(),
      params: deep(),
      menu: {docs: deep()},
      tags: list(),
      sla: {...sla(), calendars: deep(), kpis: deep(), tickets: list(), pauseReasons: {x: deep()}}
    }
    const result = validateFrontMatter(data)
    expect(result.ok).toBe(false)
    for (const issue of result.issues) expect(issue.path.length).toBeLessThan(8)
  })

  it('should not pollute prototypes with `__proto__` or `constructor` keys', () => {
    const data = JSON.parse(`{
      "__proto__": {"polluted": true},
      "constructor": {"prototype": {"polluted": true}},
      "seo": {"__proto__": {"polluted": true}},
      "params": {"__proto__": {"polluted": true}, "seo": {"constructor": {"polluted": true}}},
      "menu": {"__proto__": {"polluted": true}},
      "sla": {
        "schema": 1,
        "id": "demo",
        "__proto__": {"polluted": true},
        "calendars": {"__proto__": {"polluted": true}, "constructor": "24x7", "toString": "24x7"},
        "priorities": {"__proto__": {"label": "x", "polluted": true}, "hasOwnProperty": {"label": "y"}},
        "targets": {"valueOf": {"measure": "resolution", "calendar": "constructor", "goals": {"__proto__": "4h", "hasOwnProperty": "1h"}}}
      }
    }`)
    const result = validateFrontMatter(data)
    expect(({} as Record<string, unknown>).polluted).toBe(undefined)
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(result.ok).toBe(false)
    expect(result.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['seo.__proto__', 'unrecognized_keys'],
      ['params.seo.constructor', 'unrecognized_keys'],
      ['sla.__proto__', 'unrecognized_keys'],
      ['sla.calendars.__proto__', 'unrecognized_keys'],
      ['sla.priorities.__proto__', 'unrecognized_keys'],
      ['sla.targets.valueOf.goals.__proto__', 'unrecognized_keys']
    ])

    // Without the bad keys inside `sla` and `seo`, the page is valid and the data stays plain.
    const clean = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "sla": {"schema": 1, "id": "demo", "calendars": {"constructor": "24x7"}}}')
    const ok = validateFrontMatter(clean)
    expect(ok.ok).toBe(true)
    expect(Object.getPrototypeOf(ok.data)).toBe(Object.prototype)
    expect((ok.data as Record<string, unknown>).polluted).toBe(undefined)
    expect(({} as Record<string, unknown>).polluted).toBe(undefined)
  })

  it('should never throw, and point every issue at a path that exists, for wrong types everywhere', () => {
    const keys = [...Object.keys(sla()), 'version', 'parties', 'effective', 'asOf', 'pauseReasons', 'kpis', 'consequences', 'escalation', 'reviews', 'responsibilities', 'ticketsFile', 'timeline']
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({maxDepth: 4}), fc.jsonValue({maxDepth: 3}), (key, value, top) => {
        const data = {title: top, draft: value, sla: {...sla(), [key]: value}}
        const result = validateFrontMatter(data)
        expect(result.ok).toBe(result.issues.length === 0)
        for (const issue of result.issues) {
          expect(issue.message).toMatch(/^Unexpected /)
          expect(has(data, issue.path), JSON.stringify(issue)).toBe(true)
        }
      }),
      {numRuns: 300}
    )

    for (const value of [undefined, null, 0, -1, Number.NaN, '', 'x', true, [], [[]], {}, () => 1, Symbol('s'), 10n, new Date(0), new Map()]) {
      expect(() => validateFrontMatter(value)).not.toThrow()
      expect(() => validateFrontMatter({sla: value})).not.toThrow()
      const everywhere = Object.fromEntries([...Object.keys(sla()), 'parties', 'kpis', 'timeline'].map((key) => [key, value]))
      expect(() => validateFrontMatter({title: value, seo: value, params: value, menu: value, sla: everywhere})).not.toThrow()
    }
  })

  it('should finish on cyclic and widely shared objects', () => {
    const shared: Record<string, unknown> = {}
    for (let index = 0; index < 20; index++) shared['k' + index] = shared
    const data = {self: shared, params: shared, sla: {...sla(), calendars: shared, pauseReasons: shared, kpis: shared}}
    const result = validateFrontMatter(data)
    expect(result.ok).toBe(false)
    expect(result.issues.length).toBeGreaterThan(0)
  })

  it('should turn a throwing getter into an issue instead of throwing', () => {
    const data = {
      get sla(): unknown {
        throw new Error('boom')
      }
    }
    const result = validateFrontMatter(data)
    expect(result.ok).toBe(false)
    expect(result.issues[0]).toMatchObject({code: 'internal_error', path: []})
  })
})
