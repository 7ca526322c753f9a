/**
 * The `ticket` kind of the JSON contract (sla-domain S2, S3, S6–S9): the
 * worked examples V01, V02, V07 and V12 field for field and in key order,
 * hand-computed edge cases, bad input, properties, and the same output
 * under any process time zone.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {Temporal} from 'temporal-polyfill'
import {describe, expect, it} from 'vitest'
import {EngineInputError} from '../src/engine/input.js'
import {evaluateTicket} from '../src/engine/ticket-clock.js'
import {ticketCases} from './fixtures/engine/ticket-cases.js'
import {sharedRoot} from './support/shared.js'
import {outputUnderTimeZones} from './support/tz.js'

const domainDoc = path.join(sharedRoot, 'docs', 'sla-domain.md')

/** The ticket vectors of sla-domain §6.2, as the doc gives them. */
const vectors: Record<string, {input: Record<string, unknown>; expected: Record<string, unknown>}> = {
  V01: {
    input: {calendar: {timeZone: 'America/New_York', hours: {'mon-fri': '09:00-17:00'}, holidays: []}, target: {minutes: 240, label: '4 business hours'}, start: '2024-01-09T06:30:00-05:00', stop: '2024-01-09T11:15:00-05:00'},
    expected: {elapsedBusinessMinutes: 135, targetMinutes: 240, dueAt: '2024-01-09T13:00:00-05:00', breached: false, breachedAt: null, percentOfTarget: 56.25, pausedBusinessMinutes: 0, state: 'met', warnings: []}
  },
  V02: {
    input: {calendar: {timeZone: 'Europe/Amsterdam', hours: {'mon-fri': '09:00-17:00'}, holidays: []}, target: {minutes: 240, label: 'critical: 4 business hours'}, start: '2024-02-02T16:00:00+01:00', stop: '2024-02-05T12:30:00+01:00', creditPerBreachPercent: 5},
    expected: {elapsedBusinessMinutes: 270, targetMinutes: 240, dueAt: '2024-02-05T12:00:00+01:00', breached: true, breachedAt: '2024-02-05T12:00:00+01:00', percentOfTarget: 112.5, pausedBusinessMinutes: 0, state: 'breached', warnings: [], creditPercent: 5}
  },
  V07: {
    input: {calendar: {timeZone: 'Europe/Amsterdam', hours: {'mon-fri': '09:00-17:00'}, holidays: []}, target: {minutes: 240}, start: '2024-03-06T09:00:00+01:00', stop: '2024-03-06T15:00:00+01:00', pauses: [{from: '2024-03-06T10:00:00+01:00', to: '2024-03-06T12:00:00+01:00', reason: 'data-dependency'}, {from: '2024-03-06T11:00:00+01:00', to: '2024-03-06T13:00:00+01:00', reason: 'approval'}]},
    expected: {elapsedBusinessMinutes: 180, targetMinutes: 240, dueAt: '2024-03-06T16:00:00+01:00', breached: false, breachedAt: null, percentOfTarget: 75.0, pausedBusinessMinutes: 180, state: 'met', warnings: []}
  },
  V12: {
    input: {calendar: {timeZone: 'Europe/Amsterdam', hours: {'mon-fri': '09:00-17:00'}, holidays: ['2024-04-01']}, target: {minutes: 240}, start: '2024-03-29T15:00:00+01:00', stop: '2024-04-02T10:30:00+02:00'},
    expected: {elapsedBusinessMinutes: 210, targetMinutes: 240, dueAt: '2024-04-02T11:00:00+02:00', breached: false, breachedAt: null, percentOfTarget: 87.5, pausedBusinessMinutes: 0, state: 'met', warnings: []}
  }
}

/** The §6.2 examples whose input is a ticket (it has `start`), read from the doc's JSON blocks. */
function vectorsFromDoc(text: string): Map<string, {input: Record<string, unknown>; expected: Record<string, unknown>}> {
  const found = new Map<string, {input: Record<string, unknown>; expected: Record<string, unknown>}>()
  const pattern = /^#### (V\d+)[^\n]*\n[\s\S]*?Input:\n```json\n(.+)\n```\nExpected:\n```json\n(.+)\n```/gm
  for (const match of text.matchAll(pattern)) {
    const input = JSON.parse(match[2]!) as Record<string, unknown>
    if ('start' in input) found.set(match[1]!, {input, expected: JSON.parse(match[3]!) as Record<string, unknown>})
  }

  return found
}

/** Same values and the same key order (the contract's JSON is compared as text). */
function expectExactly(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

describe('worked examples (sla-domain §6.2)', () => {
  for (const [id, {input, expected}] of Object.entries(vectors)) {
    it(`${id} matches field for field, in order`, () => {
      expectExactly(evaluateTicket(input), expected)
    })
  }

  const doc = fs.existsSync(domainDoc) ? fs.readFileSync(domainDoc, 'utf8') : undefined
  // ../shared/ is read when it exists; say so when it does not.
  if (doc === undefined) console.warn(`ticket vectors: not read from the doc, ${domainDoc} does not exist; the copies above still ran`)

  it.skipIf(doc === undefined)('reads V01, V02, V07 and V12 from the doc, equal to the copies here, and passes them', () => {
    const fromDoc = vectorsFromDoc(doc!)
    expect([...fromDoc.keys()]).toEqual(['V01', 'V02', 'V07', 'V12'])
    for (const [id, vector] of fromDoc) {
      expect(vector, id).toEqual(vectors[id])
      expectExactly(evaluateTicket(vector.input), vector.expected)
    }
  })
})

describe('edge cases (sla-domain §1.4, §5.3)', () => {
  for (const {name, why, input, expected} of ticketCases) {
    it(`${name}: ${why}`, () => {
      expectExactly(evaluateTicket(input), expected)
    })
  }

  it('ignores unknown fields', () => {
    const {input, expected} = vectors.V07!
    expectExactly(evaluateTicket({...input, kind: 'ticket', id: 'T-1', target: {minutes: 240, colour: 'red'}}), expected)
  })

  it('uses `stop` when `now` is given too, and reads `null` as left out', () => {
    const {input, expected} = vectors.V01!
    expectExactly(evaluateTicket({...input, now: '2024-01-10T09:00:00-05:00', targetChanges: null, pauses: null}), expected)
  })
})

describe('bad input', () => {
  const base = vectors.V07!.input
  const cases: Array<[string, Record<string, unknown>, Array<string | number>]> = [
    ['no calendar', {...base, calendar: undefined}, ['calendar']],
    ['an unknown zone', {...base, calendar: {timeZone: 'Europe/Amsterdan', hours: {'mon-fri': '09:00-17:00'}}}, ['calendar', 'timeZone']],
    ['no target', {...base, target: undefined}, ['target']],
    ['a zero target', {...base, target: {minutes: 0}}, ['target', 'minutes']],
    ['a target in text', {...base, target: {minutes: '240'}}, ['target', 'minutes']],
    ['no start', {...base, start: undefined}, ['start']],
    ['a malformed start', {...base, start: '6 March 2024'}, ['start']],
    ['neither stop nor now', {...base, stop: undefined}, []],
    ['a stop before the start', {...base, stop: '2024-03-06T08:00:00+01:00'}, ['stop']],
    ['now before the start', {...base, stop: undefined, now: '2024-03-06T08:00:00+01:00'}, ['now']],
    ['pauses that are not a list', {...base, pauses: {from: 'x'}}, ['pauses']],
    ['a pause ending before it starts', {...base, pauses: [{from: '2024-03-06T12:00:00+01:00', to: '2024-03-06T11:00:00+01:00', reason: 'approval'}]}, ['pauses', 0, 'to']],
    ['a pause without a reason', {...base, pauses: [{from: '2024-03-06T10:00:00+01:00', to: '2024-03-06T11:00:00+01:00'}]}, ['pauses', 0, 'reason']],
    ['a target change before the start', {...base, targetChanges: [{at: '2024-03-05T10:00:00+01:00', minutes: 60}]}, ['targetChanges', 0, 'at']],
    ['a target change without minutes', {...base, targetChanges: [{at: '2024-03-06T10:00:00+01:00'}]}, ['targetChanges', 0, 'minutes']],
    ['a negative credit', {...base, creditPerBreachPercent: -5}, ['creditPerBreachPercent']],
    ['input that is not an object', [] as unknown as Record<string, unknown>, []]
  ]
  for (const [name, input, where] of cases) {
    it(`refuses ${name}`, () => {
      let error: unknown
      try {
        evaluateTicket(input)
      } catch (caught) {
        error = caught
      }

      expect(error).toBeInstanceOf(EngineInputError)
      expect((error as EngineInputError).path).toEqual(where)
      expect((error as EngineInputError).message).toMatch(/^Unexpected .+, expected /)
    })
  }
})

// ---------------------------------------------------------------------------
// Properties.

const calendars = [
  {timeZone: 'Europe/Amsterdam', hours: {'mon-fri': '09:00-12:30, 13:00-17:00'}, holidays: ['2024-10-28']},
  {timeZone: 'America/New_York', hours: {'mon-fri': '08:00-18:00', sat: '10:00-14:00'}, holidays: []},
  {timeZone: 'Europe/Amsterdam', hours: '24x7', holidays: []}
]
/** Fri 25 Oct 2024 00:00 UTC: the week holds the EU fall-back weekend. */
const origin = Date.UTC(2024, 9, 25)
const iso = (minutes: number) => Temporal.Instant.fromEpochMilliseconds(origin + minutes * 60_000).toString()
const pause = fc
  .tuple(fc.integer({min: 0, max: 8000}), fc.option(fc.integer({min: 0, max: 3000}), {nil: undefined}))
  .map(([from, length]) => ({from: iso(from), ...(length === undefined ? {} : {to: iso(from + length)}), reason: 'approval'}))
const ticket = fc.record({
  calendar: fc.constantFrom(...calendars),
  target: fc.integer({min: 1, max: 2000}).map((minutes) => ({minutes})),
  start: fc.integer({min: 0, max: 3000}),
  length: fc.integer({min: 0, max: 8000}),
  pauses: fc.array(pause, {maxLength: 3}),
  targetChanges: fc.array(fc.tuple(fc.integer({min: 0, max: 6000}), fc.integer({min: 1, max: 2000})), {maxLength: 2})
})

type TicketValue = typeof ticket extends fc.Arbitrary<infer T> ? T : never

/** A contract input from generated minutes. */
function inputOf(value: TicketValue, end: 'stop' | 'now' = 'stop', extraLength = 0): Record<string, unknown> {
  return {
    calendar: value.calendar,
    target: value.target,
    start: iso(value.start),
    [end]: iso(value.start + value.length + extraLength),
    pauses: value.pauses,
    targetChanges: value.targetChanges.map(([offset, minutes]) => ({at: iso(value.start + offset), minutes}))
  }
}

describe('ticket clock properties', () => {
  it('never counts more when a pause is added', () => {
    fc.assert(
      fc.property(ticket, pause, fc.constantFrom('stop' as const, 'now' as const), (value, extra, end) => {
        const without = evaluateTicket(inputOf(value, end))
        const withPause = evaluateTicket({...inputOf(value, end), pauses: [...value.pauses, extra]})
        expect(withPause.elapsedBusinessMinutes).toBeLessThanOrEqual(without.elapsedBusinessMinutes)
        expect(withPause.elapsedBusinessMinutes + withPause.pausedBusinessMinutes).toBe(without.elapsedBusinessMinutes + without.pausedBusinessMinutes)
      })
    )
  })

  it('never counts less with a later stop, and a breach stays a breach', () => {
    fc.assert(
      fc.property(ticket, fc.integer({min: 0, max: 5000}), (value, more) => {
        const earlier = evaluateTicket(inputOf(value))
        const later = evaluateTicket(inputOf(value, 'stop', more))
        expect(later.elapsedBusinessMinutes).toBeGreaterThanOrEqual(earlier.elapsedBusinessMinutes)
        if (earlier.breached) {
          expect(later.breached).toBe(true)
          expect(later.breachedAt).toBe(earlier.breachedAt)
        }
      })
    )
  })

  it('is breached exactly when elapsed time exceeds a single target, and agrees on states', () => {
    fc.assert(
      fc.property(ticket, fc.constantFrom('stop' as const, 'now' as const), (value, end) => {
        const output = evaluateTicket({...inputOf(value, end), targetChanges: []})
        expect(output.breached).toBe(output.elapsedBusinessMinutes > output.targetMinutes!)
        expect(output.breachedAt === null).toBe(!output.breached)
        if (output.breached) expect(output.breachedAt).toBe(output.dueAt)
        expect(output.percentOfTarget).toBeCloseTo((output.elapsedBusinessMinutes / output.targetMinutes!) * 100, 9)
        expect('remainingMinutes' in output).toBe(output.state === 'running' || output.state === 'paused')
        if (end === 'stop') expect(output.state).toBe(output.breached ? 'breached' : 'met')
        if (output.remainingMinutes !== undefined) expect(output.remainingMinutes).toBe(output.targetMinutes! - output.elapsedBusinessMinutes)
      })
    )
  })
})

describe('process time zone', () => {
  it('gives byte-identical output under TZ=UTC, Pacific/Auckland and America/Los_Angeles', () => {
    const script = fileURLToPath(new URL('fixtures/engine/tickets-tz.ts', import.meta.url))
    const [first, ...others] = outputUnderTimeZones(script)
    expect(first!.stdout.split('\n').length).toBeGreaterThan(100)
    for (const other of others) expect(other.stdout, other.zone).toBe(first!.stdout)
  }, 120_000)
})
