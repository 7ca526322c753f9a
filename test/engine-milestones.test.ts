/**
 * Milestone timelines (sla-domain §4.2, §4.3, §5.1, §5.2; S4, S5, S10,
 * S11; vector V20): the `timeline` kind and `evaluateMilestones` on SLA
 * data.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {addBusinessDays} from '../src/engine/business-days.js'
import {isBusinessDay} from '../src/engine/calendar.js'
import {calendarAt, EngineInputError} from '../src/engine/input.js'
import {evaluateMilestones, evaluateTimeline, timelineCalendar, type TimelineMilestone} from '../src/engine/milestones.js'
import {dayOfDate} from '../src/engine/zone.js'
import type {Sla} from '../src/schema/sla.js'
import {formatEpochDays} from '../src/util/civil.js'
import {calendar, date, delay, milestone} from './fixtures/engine/milestone-arbitraries.js'
import {approval, closeAfterDstChange, inputFailure, office, v20Expected, v20Input} from './fixtures/engine/milestone-cases.js'
import {sharedRoot} from './support/shared.js'
import {outputUnderTimeZones, processTimeZones} from './support/tz.js'

const domainDoc = path.join(sharedRoot, 'docs', 'sla-domain.md')

/** The Input and Expected JSON blocks of a vector in sla-domain §6.2, or `undefined` when the doc is missing. */
function vectorFromDoc(id: string): {input: unknown; expected: unknown} | undefined {
  if (!existsSync(domainDoc)) return undefined
  const text = readFileSync(domainDoc, 'utf8')
  const start = text.indexOf(`#### ${id} `)
  expect(start, `${id} in ${domainDoc}`).toBeGreaterThanOrEqual(0)
  const next = text.indexOf('\n#### ', start + 1)
  const section = text.slice(start, next === -1 ? undefined : next)
  const blocks = [...section.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]!) as unknown)
  expect(blocks).toHaveLength(2)
  return {input: blocks[0], expected: blocks[1]}
}

/** One milestone of a `timeline` evaluation. */
function timeline(input: Record<string, unknown>): Record<string, TimelineMilestone & Record<string, unknown>> {
  return evaluateTimeline({calendar: office, ...input}).milestones as never
}

const failure = (input: unknown) => inputFailure(() => evaluateTimeline(input))

describe('timeline: worked examples', () => {
  const fromDoc = vectorFromDoc('V20')
  // ../shared/ is read when it exists; say so when it does not.
  if (!fromDoc) console.warn(`V20: not read from the domain doc, ${domainDoc} does not exist; the hard-coded copy is checked`)

  it.skipIf(!fromDoc)('passes V20 as parsed from sla-domain §6.2, field for field and in order', () => {
    const result = evaluateTimeline(fromDoc!.input)
    expect(result).toEqual(fromDoc!.expected)
    expect(JSON.stringify(result)).toBe(JSON.stringify(fromDoc!.expected))
    // The hard-coded copy below is the same vector.
    expect(fromDoc!.input).toEqual(v20Input)
    expect(fromDoc!.expected).toEqual(v20Expected)
  })

  it('passes V20 (hard-coded), field for field and in order', () => {
    const result = evaluateTimeline(v20Input)
    expect(result).toEqual(v20Expected)
    expect(JSON.stringify(result)).toBe(JSON.stringify(v20Expected))
  })

  it('passes V21: the same hold day for day moves design 2 days later than V20 (Fri 20 Sep)', () => {
    const v21 = evaluateTimeline({...v20Input, delayMode: 'day-for-day'}).milestones
    expect(v21.design).toEqual({
      startDate: '2024-09-09',
      baseDueDate: '2024-09-16',
      dueDate: '2024-09-20',
      dueAt: '2024-09-20T17:00:00+02:00',
      extensionCalendarDays: 4,
      completed: '2024-09-18',
      status: 'met',
      businessDaysLate: 0
    })
    expect(dayOfDate(v21.design!.dueDate) - dayOfDate(v20Expected.milestones.design.dueDate)).toBe(2)
    // Build starts at design's actual completion either way.
    expect(v21.build).toMatchObject({startDate: '2024-09-18', dueDate: '2024-10-03', extensionCalendarDays: 0, status: 'overdue', businessDaysLate: 1})
    expect(v21.build).not.toHaveProperty('extensionBusinessDays')
  })
})

describe('timeline: business days', () => {
  it('counts from a Saturday start: + 1bd is Monday (S5)', () => {
    expect(timeline({milestones: [{id: 'a', start: '2024-09-07', duration: '1bd'}]}).a).toMatchObject({
      startDate: '2024-09-07',
      baseDueDate: '2024-09-09',
      dueDate: '2024-09-09',
      dueAt: '2024-09-09T17:00:00+02:00'
    })
  })

  it('skips holidays inside the window', () => {
    const christmas = {...office, holidays: ['2024-12-25', {date: '2024-12-26', name: 'Tweede Kerstdag'}]}
    // Fri 20 Dec + 5bd: 23, 24, (25, 26), 27, 30, 31.
    expect(evaluateTimeline({calendar: christmas, milestones: [{id: 'a', start: '2024-12-20', duration: '5bd'}]}).milestones.a).toMatchObject({
      baseDueDate: '2024-12-31',
      dueDate: '2024-12-31',
      dueAt: '2024-12-31T17:00:00+01:00',
      extensionBusinessDays: 0
    })
  })

  it('is due at close of business with the new offset on the first day after a DST change, in three zones', () => {
    for (const [timeZone, start, dueAt] of closeAfterDstChange) {
      const result = evaluateTimeline({calendar: {timeZone, hours: {'mon-fri': '09:00-17:00'}}, milestones: [{id: 'a', start, duration: '1bd'}]})
      expect(result.milestones.a!.dueAt, `${timeZone} ${start}`).toBe(dueAt)
    }
  })

  it('counts every day on a 24x7 calendar, due at the next midnight, and skips held weekend days there', () => {
    const always = {timeZone: 'Europe/Amsterdam', hours: '24x7'}
    const plain = evaluateTimeline({calendar: always, milestones: [{id: 'a', start: '2024-09-06', duration: '3bd'}]}).milestones.a
    expect(plain).toMatchObject({dueDate: '2024-09-09', dueAt: '2024-09-10T00:00:00+02:00'})
    const held = evaluateTimeline({calendar: always, milestones: [{id: 'a', start: '2024-09-06', duration: '3bd', delays: [{from: '2024-09-07', to: '2024-09-07', reason: 'approval'}]}]})
    expect(held.milestones.a).toMatchObject({dueDate: '2024-09-10', extensionBusinessDays: 1})
    // Over the spring-forward night the day is 23 hours long; the due instant is still midnight.
    const dst = evaluateTimeline({calendar: always, milestones: [{id: 'a', start: '2024-03-30', duration: '1bd'}]}).milestones.a
    expect(dst).toMatchObject({dueDate: '2024-03-31', dueAt: '2024-04-01T00:00:00+02:00'})
  })
})

describe('timeline: client delays', () => {
  const design = (delays: unknown[], mode = 'business-overlap', extra: Record<string, unknown> = {}) =>
    timeline({delayMode: mode, milestones: [{id: 'design', start: '2024-09-09', duration: '5bd', delays, ...extra}]}).design!

  it('ignores delays outside the window (start, due], the start date included', () => {
    const outside = [
      {from: '2024-09-02', to: '2024-09-06', reason: 'approval'},
      {from: '2024-09-09', to: '2024-09-09', reason: 'approval'},
      {from: '2024-09-17', to: '2024-09-20', reason: 'approval'}
    ]
    expect(design(outside)).toMatchObject({dueDate: '2024-09-16', extensionBusinessDays: 0})
    expect(design(outside, 'day-for-day')).toMatchObject({dueDate: '2024-09-16', extensionCalendarDays: 0})
  })

  it('counts only the business days of a hold that spans a weekend (business-overlap)', () => {
    expect(design([{from: '2024-09-14', to: '2024-09-15', reason: 'approval'}])).toMatchObject({dueDate: '2024-09-16', extensionBusinessDays: 0})
    expect(design([approval])).toMatchObject({dueDate: '2024-09-18', extensionBusinessDays: 2})
  })

  it('pulls in the whole of a delay that straddles the window end', () => {
    // Base due Mon 16; the hold Mon 16 – Wed 18 pushes the window over all three days: due Thu 19.
    const straddle = [{from: '2024-09-16', to: '2024-09-18', reason: 'approval'}]
    expect(design(straddle)).toMatchObject({baseDueDate: '2024-09-16', dueDate: '2024-09-19', extensionBusinessDays: 3})
    expect(design(straddle, 'day-for-day')).toMatchObject({dueDate: '2024-09-19', extensionCalendarDays: 3})
  })

  it('iterates until stable: a delay just past the due date counts once an earlier one extends the window', () => {
    const later = {from: '2024-09-17', to: '2024-09-18', reason: 'data-dependency'}
    const friday = {from: '2024-09-13', to: '2024-09-13', reason: 'approval'}
    expect(design([later])).toMatchObject({dueDate: '2024-09-16', extensionBusinessDays: 0})
    expect(design([friday])).toMatchObject({dueDate: '2024-09-17', extensionBusinessDays: 1})
    // 10, 11, 12, (13), 16, (17), (18), 19.
    expect(design([friday, later])).toMatchObject({dueDate: '2024-09-19', extensionBusinessDays: 3})
    // Day for day: 16 + 1 = 17, which takes in 17 and 18: 16 + 3 = 19.
    expect(design([friday, later], 'day-for-day')).toMatchObject({dueDate: '2024-09-19', extensionCalendarDays: 3})
  })

  it('counts a day held by two overlapping delays once', () => {
    expect(design([approval, {from: '2024-09-16', to: '2024-09-16', reason: 'work-review'}])).toMatchObject({dueDate: '2024-09-18', extensionBusinessDays: 2})
    expect(design([approval, approval], 'day-for-day')).toMatchObject({dueDate: '2024-09-20', extensionCalendarDays: 4})
  })

  it('rolls a day-for-day due date that lands on a weekend or holiday forward to a business day', () => {
    // Base due Mon 16 Sep; a 5-day hold 10–14 moves it to Sat 21, rolled to Mon 23 (7 calendar days in all).
    expect(design([{from: '2024-09-10', to: '2024-09-14', reason: 'approval'}], 'day-for-day')).toMatchObject({
      dueDate: '2024-09-23',
      extensionCalendarDays: 7
    })
    // Design from Fri 20 Sep: base due Fri 27 is the company day off, so base due is Mon 30; a one-day hold moves it to Tue 1 Oct.
    const fromFriday = timeline({delayMode: 'day-for-day', milestones: [{id: 'a', start: '2024-09-20', duration: '5bd', delays: [{from: '2024-09-23', to: '2024-09-23', reason: 'approval'}]}]}).a
    expect(fromFriday).toMatchObject({baseDueDate: '2024-09-30', dueDate: '2024-10-01', extensionCalendarDays: 1})
  })

  it('adds a manual extension in business days on top of the delays', () => {
    // 10, 11, 12, (13), (16), 17, 18, then 2 more: 19, 20.
    expect(design([approval], 'business-overlap', {extension: {days: 2, reason: 'Extra review round'}})).toMatchObject({
      baseDueDate: '2024-09-16',
      dueDate: '2024-09-20',
      extensionBusinessDays: 4
    })
    // Day for day: 16 + 4 = Fri 20, plus 1 business day: Mon 23.
    expect(design([approval], 'day-for-day', {extension: {days: 1, reason: 'Extra review round'}})).toMatchObject({
      dueDate: '2024-09-23',
      extensionCalendarDays: 7
    })
    expect(design([], 'business-overlap', {extension: {days: 0, reason: 'none'}})).toMatchObject({dueDate: '2024-09-16', extensionBusinessDays: 0})
  })
})

describe('timeline: chains and status', () => {
  const chain = [
    {id: 'discovery', start: '2024-09-02', duration: '5bd', extension: {days: 1, reason: 'Workshop moved'}},
    {id: 'design', after: 'discovery', duration: '5bd', delays: [approval]},
    {id: 'build', after: 'design', duration: '10bd'}
  ]

  it('projects successors from extended due dates while nothing is completed', () => {
    const result = timeline({now: '2024-10-04T09:00:00+02:00', milestones: chain})
    // Discovery, due Tue 10 Sep: 11–13, 16–20, 23–26, 30, 1–4 Oct (27 is a day off).
    expect(result.discovery).toMatchObject({dueDate: '2024-09-10', extensionBusinessDays: 1, status: 'overdue', businessDaysLate: 17})
    // 11, 12, (13), (16), 17, 18, 19.
    expect(result.design).toMatchObject({startDate: '2024-09-10', baseDueDate: '2024-09-17', dueDate: '2024-09-19', extensionBusinessDays: 2})
    // 20, 23, 24, 25, 26, (27), 30, 1, 2, 3, 4.
    expect(result.build).toMatchObject({startDate: '2024-09-19', dueDate: '2024-10-04', status: 'open', businessDaysLate: 0})
    // Design, due 19 Sep and not done by Fri 4 Oct: 20, 23–26, 30, 1–4 (27 is a day off).
    expect(result.design).toMatchObject({status: 'overdue', businessDaysLate: 10})
  })

  it('starts a successor at the actual completion, early or late', () => {
    const late = timeline({milestones: [{...chain[0], completed: '2024-09-12'}, chain[1], chain[2]]})
    expect(late.discovery).toMatchObject({status: 'breached', businessDaysLate: 2})
    // (13), (16), 17, 18, 19, 20, 23.
    expect(late.design).toMatchObject({startDate: '2024-09-12', baseDueDate: '2024-09-19', dueDate: '2024-09-23', extensionBusinessDays: 2})
    const early = timeline({milestones: [{...chain[0], completed: '2024-09-05'}, chain[1], chain[2]]})
    expect(early.discovery).toMatchObject({status: 'met', businessDaysLate: 0})
    // 6, 9, 10, 11, 12: the hold from 13 Sep now falls after the window and moves nothing.
    expect(early.design).toMatchObject({startDate: '2024-09-05', dueDate: '2024-09-12', extensionBusinessDays: 0})
  })

  it('anchors successors on the predecessor’s base due date with `anchor: baseline`', () => {
    const result = timeline({anchor: 'baseline', now: '2024-10-04T09:00:00+02:00', milestones: [{...v20Input.milestones[0]!, completed: '2024-09-11'}, ...v20Input.milestones.slice(1)]})
    expect(result.discovery).toMatchObject({status: 'breached', businessDaysLate: 2})
    // Design starts at discovery's base due date (9 Sep), not its completion (11 Sep).
    expect(result.design).toMatchObject({startDate: '2024-09-09', dueDate: '2024-09-18', extensionBusinessDays: 2})
    // Build starts at design's base due date (16 Sep): 17–20, 23–26, (27), 30, 1 Oct.
    expect(result.build).toMatchObject({startDate: '2024-09-16', baseDueDate: '2024-10-01', dueDate: '2024-10-01', status: 'overdue', businessDaysLate: 3})
  })

  it('tells overdue from open by `now` against the due instant, open without `now`', () => {
    const build = (now?: string) => timeline({...(now ? {now} : {}), milestones: [{id: 'build', start: '2024-09-18', duration: '10bd'}]}).build!
    expect(build()).toMatchObject({status: 'open', businessDaysLate: 0, completed: null})
    expect(build('2024-10-03T16:59:59+02:00')).toMatchObject({status: 'open', businessDaysLate: 0})
    expect(build('2024-10-03T17:00:00+02:00')).toMatchObject({status: 'open', businessDaysLate: 0})
    expect(build('2024-10-03T15:00:01Z')).toMatchObject({status: 'overdue', businessDaysLate: 0})
    expect(build('2024-10-07T08:00:00+02:00')).toMatchObject({status: 'overdue', businessDaysLate: 2})
  })

  it('judges a completed milestone by its completion date, whatever `now` is', () => {
    const done = (completed: string) =>
      timeline({now: '2024-12-01T12:00:00Z', milestones: [{id: 'build', start: '2024-09-18', duration: '10bd', completed}]}).build!
    expect(done('2024-10-03')).toMatchObject({status: 'met', businessDaysLate: 0, completed: '2024-10-03'})
    expect(done('2024-10-04')).toMatchObject({status: 'breached', businessDaysLate: 1})
    expect(done('2024-10-07')).toMatchObject({status: 'breached', businessDaysLate: 2})
  })

  it('does not crash on a milestone completed before its start (validation reports it)', () => {
    const result = timeline({milestones: [{id: 'a', start: '2024-09-10', duration: '3bd', completed: '2024-09-05'}, {id: 'b', after: 'a', duration: '1bd'}]})
    expect(result.a).toMatchObject({startDate: '2024-09-10', dueDate: '2024-09-13', completed: '2024-09-05', status: 'met', businessDaysLate: 0})
    expect(result.b).toMatchObject({startDate: '2024-09-05', dueDate: '2024-09-06'})
  })

  it('keys the output by id in input order, whatever the dependency order', () => {
    const result = timeline({milestones: [{id: 'z', after: 'y', duration: '1bd'}, {id: 'y', after: 'x', duration: '1bd'}, {id: 'x', start: '2024-09-02', duration: '1bd'}]})
    expect(Object.keys(result)).toEqual(['z', 'y', 'x'])
    expect([result.x!.dueDate, result.y!.dueDate, result.z!.dueDate]).toEqual(['2024-09-03', '2024-09-04', '2024-09-05'])
  })

  it('follows a long chain without running out of stack', () => {
    const milestones = [{id: 'm0', start: '2024-01-01', duration: '1bd'}, ...Array.from({length: 4999}, (_, index) => ({id: `m${index + 1}`, after: `m${index}`, duration: '1bd'}))]
    // 5000 business days after Mon 1 Jan 2024 with only weekends off is 1000 weeks later.
    expect(evaluateTimeline({calendar: {timeZone: 'UTC', hours: {'mon-fri': '09:00-17:00'}}, milestones}).milestones.m4999!.dueDate).toBe(formatEpochDays(dayOfDate('2024-01-01') + 7000))
  })
})

describe('timeline: bad input', () => {
  const base = {calendar: office}

  it('refuses dependency cycles and unknown predecessors instead of looping', () => {
    const cycle = failure({...base, milestones: [{id: 'a', after: 'b', duration: '1bd'}, {id: 'b', after: 'a', duration: '1bd'}]})
    expect(cycle.path).toEqual(['milestones', 0, 'after'])
    expect(cycle.message).toMatch(/^Unexpected dependency cycle `b` → `a` → `b`/)
    expect(failure({...base, milestones: [{id: 'a', after: 'a', duration: '1bd'}]}).message).toMatch(/^Unexpected dependency cycle `a` → `a`/)
    // A cycle hanging off a chain that does start: found where the walk meets it.
    const tail = failure({...base, milestones: [{id: 's', start: '2024-09-02', duration: '1bd'}, {id: 'c', after: 'd', duration: '1bd'}, {id: 'd', after: 'e', duration: '1bd'}, {id: 'e', after: 'c', duration: '1bd'}]})
    expect(tail.path).toEqual(['milestones', 1, 'after'])
    expect(failure({...base, milestones: [{id: 'a', after: 'nope', duration: '1bd'}]})).toMatchObject({
      path: ['milestones', 0, 'after'],
      message: 'Unexpected `after: nope`, expected the id of another milestone (at `milestones.0.after`)'
    })
  })

  it('refuses malformed milestones with the path of the bad field', () => {
    const at = (milestone: Record<string, unknown>) => failure({...base, milestones: [milestone]}).path
    expect(at({start: '2024-09-02', duration: '1bd'})).toEqual(['milestones', 0, 'id'])
    expect(at({id: 'a', duration: '1bd'})).toEqual(['milestones', 0])
    expect(at({id: 'a', start: '2024-09-02', after: 'b', duration: '1bd'})).toEqual(['milestones', 0])
    expect(at({id: 'a', start: '2024-09-02', duration: '8h'})).toEqual(['milestones', 0, 'duration'])
    expect(at({id: 'a', start: '2024-09-02', duration: '2d'})).toEqual(['milestones', 0, 'duration'])
    expect(at({id: 'a', start: '2024-09-02', duration: 5})).toEqual(['milestones', 0, 'duration'])
    expect(at({id: 'a', start: '2024-09-31', duration: '1bd'})).toEqual(['milestones', 0, 'start'])
    expect(at({id: 'a', start: '2024-09-02', duration: '1bd', completed: 'yes'})).toEqual(['milestones', 0, 'completed'])
    expect(at({id: 'a', start: '2024-09-02', duration: '1bd', delays: [{from: '2024-09-05', to: '2024-09-04', reason: 'approval'}]})).toEqual(['milestones', 0, 'delays', 0, 'to'])
    expect(at({id: 'a', start: '2024-09-02', duration: '1bd', delays: {}})).toEqual(['milestones', 0, 'delays'])
    expect(at({id: 'a', start: '2024-09-02', duration: '1bd', extension: {days: -1, reason: 'x'}})).toEqual(['milestones', 0, 'extension', 'days'])
    expect(failure({...base, milestones: [{id: 'a', start: '2024-09-02', duration: '1bd'}, {id: 'a', start: '2024-09-02', duration: '1bd'}]}).path).toEqual(['milestones', 1, 'id'])
    expect(failure({...base, delayMode: 'critical-path', milestones: []}).path).toEqual(['delayMode'])
    expect(failure({...base, anchor: 'planned', milestones: []}).path).toEqual(['anchor'])
    expect(failure({...base, now: 'now', milestones: []}).path).toEqual(['now'])
    expect(failure({...base, milestones: 'all'}).path).toEqual(['milestones'])
  })

  it('accepts an empty plan', () => {
    expect(evaluateTimeline({calendar: office})).toEqual({milestones: {}})
  })
})

describe('evaluateMilestones (SLA data)', () => {
  const sla: Sla = {
    schema: 1,
    id: 'acme-care-2024',
    timeZone: 'Europe/Amsterdam',
    calendars: {
      always: '24x7',
      office: {hours: {'mon-fri': '09:00-17:00'}, holidays: ['2024-12-25', {date: '2024-09-27', name: 'Company day off'}]}
    },
    support: {calendar: 'office'},
    timeline: {delayMode: 'business-overlap', anchor: 'completed'},
    milestones: [
      {id: 'discovery', title: 'Discovery', start: '2024-09-02', duration: '5bd', completed: '2024-09-09'},
      {
        id: 'design',
        title: 'Visual design',
        after: 'discovery',
        duration: '5bd',
        delays: [
          {from: '2024-09-13', to: '2024-09-16', reason: 'approval', note: 'Homepage sign-off'},
          {from: '2024-09-16', to: '2024-09-17', reason: 'work-review'}
        ],
        completed: '2024-09-19'
      },
      {id: 'build', title: 'Build', after: 'design', duration: '10bd', extension: {days: 1, reason: 'Hosting migration agreed'}}
    ]
  }
  const asOf = Date.UTC(2024, 9, 4, 7)

  it('reports each milestone with its title, predecessor, counted delay days and extension reason', () => {
    const result = evaluateMilestones(sla, asOf)
    expect(result).toMatchObject({calendar: 'office', timeZone: 'Europe/Amsterdam', delayMode: 'business-overlap', anchor: 'completed'})
    expect(result.milestones.map((milestone) => milestone.id)).toEqual(['discovery', 'design', 'build'])
    expect(result.milestones[1]).toEqual({
      id: 'design',
      title: 'Visual design',
      after: 'discovery',
      startDate: '2024-09-09',
      baseDueDate: '2024-09-16',
      // 10, 11, 12, (13), (16), (17), 18, 19.
      dueDate: '2024-09-19',
      dueAt: '2024-09-19T17:00:00+02:00',
      extensionBusinessDays: 3,
      completed: '2024-09-19',
      status: 'met',
      businessDaysLate: 0,
      // Mon 16 belongs to the first delay that holds it.
      delays: [
        {from: '2024-09-13', to: '2024-09-16', reason: 'approval', note: 'Homepage sign-off', countedDays: 2},
        {from: '2024-09-16', to: '2024-09-17', reason: 'work-review', note: null, countedDays: 1}
      ],
      extension: null
    })
    // Build from 19 Sep, 10 bd: 20, 23–26, (27), 30, 1–4 Oct; one more agreed: Mon 7 Oct.
    expect(result.milestones[2]).toMatchObject({
      after: 'design',
      startDate: '2024-09-19',
      baseDueDate: '2024-10-04',
      dueDate: '2024-10-07',
      extensionBusinessDays: 1,
      status: 'open',
      delays: [],
      extension: {days: 1, reason: 'Hosting migration agreed'}
    })
    expect(result.milestones[0]).toMatchObject({after: null, title: 'Discovery', status: 'met'})
  })

  it('follows `sla.timeline`, counting calendar days per delay in day-for-day mode', () => {
    const result = evaluateMilestones({...sla, timeline: {delayMode: 'day-for-day', anchor: 'baseline'}}, asOf)
    expect(result).toMatchObject({delayMode: 'day-for-day', anchor: 'baseline'})
    // 16 + 5 calendar days (13–17) = Sat 21, rolled to Mon 23.
    expect(result.milestones[1]).toMatchObject({dueDate: '2024-09-23', extensionCalendarDays: 7})
    expect(result.milestones[1]!.delays.map((held) => held.countedDays)).toEqual([4, 1])
    // Baseline: build starts at design's base due date.
    expect(result.milestones[2]).toMatchObject({startDate: '2024-09-16', status: 'overdue'})
  })

  it('picks the support calendar when it has hours, else the first calendar with hours, else Mon–Fri 09:00–17:00', () => {
    const shop = {timeZone: 'America/New_York', hours: {'mon-sat': '10:00-18:00'}}
    const calendars = {always: '24x7' as const, office: {hours: {'mon-fri': '09:00-17:00'}}, shop}
    expect(timelineCalendar({...sla, calendars, support: {calendar: 'shop'}}).name).toBe('shop')
    expect(timelineCalendar({...sla, calendars, support: {calendar: 'always'}}).name).toBe('office')
    expect(timelineCalendar({...sla, calendars, support: {calendar: '24x7'}}).name).toBe('office')
    const {support: _, ...withoutSupport} = sla
    expect(timelineCalendar({...withoutSupport, calendars}).name).toBe('office')
    const chosen = timelineCalendar({...sla, calendars, support: {calendar: 'shop'}}).calendar
    expect(chosen.timeZone).toBe('America/New_York')
    expect(isBusinessDay(chosen, dayOfDate('2024-09-07'))).toBe(true)

    const {calendars: __, ...bare} = withoutSupport
    const fallback = timelineCalendar({...bare, timeZone: 'America/New_York'})
    expect(fallback.name).toBeNull()
    const result = evaluateMilestones({...bare, timeZone: 'America/New_York'}, asOf)
    expect(result).toMatchObject({calendar: null, timeZone: 'America/New_York'})
    expect(result.milestones[0]).toMatchObject({dueAt: '2024-09-09T17:00:00-04:00'})
    const {timeZone: ___, ...utc} = bare
    expect(evaluateMilestones(utc, asOf)).toMatchObject({calendar: null, timeZone: 'UTC'})
    expect(evaluateMilestones({...utc, milestones: undefined as never}, asOf).milestones).toEqual([])
  })

  it('throws on a cycle that validation would have refused', () => {
    const cyclic: Sla = {...sla, milestones: [{id: 'a', title: 'A', after: 'b', duration: '1bd'}, {id: 'b', title: 'B', after: 'a', duration: '1bd'}]}
    expect(() => evaluateMilestones(cyclic, asOf)).toThrow(EngineInputError)
  })
})

describe('timeline: properties', () => {
  /** Due date of one milestone, as days since 1970-01-01. */
  const dueOf = (input: Record<string, unknown>): number => dayOfDate(evaluateTimeline(input).milestones.m!.dueDate)
  const mode = fc.constantFrom('business-overlap', 'day-for-day')

  it('never moves a due date earlier when a holiday is added', () => {
    fc.assert(
      fc.property(calendar, milestone, mode, date, (cal, plan, delayMode, holiday) => {
        const before = dueOf({calendar: cal, delayMode, milestones: [plan]})
        const after = dueOf({calendar: {...cal, holidays: [...cal.holidays, holiday]}, delayMode, milestones: [plan]})
        expect(after).toBeGreaterThanOrEqual(before)
      }),
      {numRuns: 200}
    )
  })

  it('never moves a due date earlier when a delay is added', () => {
    fc.assert(
      fc.property(calendar, milestone, mode, delay, (cal, plan, delayMode, held) => {
        const before = dueOf({calendar: cal, delayMode, milestones: [plan]})
        const after = dueOf({calendar: cal, delayMode, milestones: [{...plan, delays: [...plan.delays, held]}]})
        expect(after).toBeGreaterThanOrEqual(before)
      }),
      {numRuns: 200}
    )
  })

  it('gives a later due date for a longer duration', () => {
    fc.assert(
      fc.property(calendar, milestone, mode, fc.integer({min: 1, max: 10}), (cal, plan, delayMode, more) => {
        const before = dueOf({calendar: cal, delayMode, milestones: [plan]})
        const longer = `${Number(plan.duration.slice(0, -2)) + more}bd`
        const after = dueOf({calendar: cal, delayMode, milestones: [{...plan, duration: longer}]})
        // Day for day, two base dates can roll forward to the same business day.
        if (delayMode === 'day-for-day') expect(after).toBeGreaterThanOrEqual(before)
        else expect(after).toBeGreaterThan(before)
      }),
      {numRuns: 200}
    )
  })

  it('agrees with "count the delay days in the window, extend, repeat until stable" (business-overlap)', () => {
    fc.assert(
      fc.property(calendar, milestone, (cal, plan) => {
        const engineCalendar = calendarAt(cal)
        const start = dayOfDate(plan.start)
        const count = Number(plan.duration.slice(0, -2)) + (plan.extension?.days ?? 0)
        const held = (day: number) => plan.delays.some(({from, to}) => dayOfDate(from) <= day && day <= dayOfDate(to))
        let extension = 0
        let due = addBusinessDays(engineCalendar, start, count)!
        for (;;) {
          let inWindow = 0
          for (let day = start + 1; day <= due; day++) if (isBusinessDay(engineCalendar, day) && held(day)) inWindow++
          if (inWindow === extension) break
          extension = inWindow
          due = addBusinessDays(engineCalendar, start, count + extension)!
        }

        expect(formatEpochDays(dueOf({calendar: cal, milestones: [plan]}))).toBe(formatEpochDays(due))
      }),
      {numRuns: 200}
    )
  })
})

describe('timeline: process time zone', () => {
  it(`prints the same results under TZ=${processTimeZones.join(', ')}`, () => {
    const runs = outputUnderTimeZones(fileURLToPath(new URL('fixtures/engine/milestones-tz.ts', import.meta.url)))
    expect(runs.map((run) => run.zone)).toEqual([...processTimeZones])
    const [first, ...rest] = runs
    // The script really computed: V20's first line is there, and many more.
    expect(first!.stdout.split('\n')[0]).toBe(JSON.stringify(v20Expected))
    expect(first!.stdout.split('\n').length).toBeGreaterThan(200)
    for (const run of rest) expect(run.stdout, `TZ=${run.zone}`).toBe(first!.stdout)
  })
})
