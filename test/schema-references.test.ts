import {describe, expect, it} from 'vitest'
import {checkReferences} from '../src/schema/references.js'

/** A small valid SLA; each test breaks one thing. */
function sla(): Record<string, unknown> {
  return {
    schema: 1,
    id: 'demo',
    calendars: {office: {hours: {'mon-fri': '09:00-17:00'}}},
    support: {calendar: 'office', emergency: {priorities: ['P1'], calendar: '24x7'}},
    priorities: {P1: {label: 'Critical'}, P2: {label: 'Normal'}},
    pauseReasons: {'client-holiday': {suspends: true}},
    targets: {
      reply: {measure: 'first-response', calendar: 'office', goals: {P1: '1h', P2: '4h'}, goalCalendars: {P1: '24x7'}},
      fix: {measure: 'resolution', calendar: 'office', goals: {P1: '1bd', P2: '3bd'}, pauseOn: ['approval', 'client-holiday']}
    },
    consequences: {perBreach: {reply: {P1: '5%'}}},
    tickets: [
      {
        id: 'T-1',
        priority: 'P2',
        opened: '2024-02-02T16:00:00+01:00',
        events: [{type: 'priority', at: '2024-02-02T17:00:00+01:00', to: 'P1'}],
        pauses: [{from: '2024-02-05T09:00:00+01:00', to: '2024-02-05T10:00:00+01:00', reason: 'approval'}]
      }
    ],
    milestones: [
      {id: 'a', title: 'A', start: '2024-09-02', duration: '5bd'},
      {id: 'b', title: 'B', after: 'a', duration: '5bd'}
    ]
  }
}

describe('checkReferences', () => {
  it('should find nothing in a consistent SLA', () => {
    expect(checkReferences(sla())).toEqual([])
  })

  it('should report an undefined calendar at the value, with a did-you-mean', () => {
    const data = sla()
    ;(data.targets as any).reply.calendar = 'ofice'
    expect(checkReferences(data)).toEqual([
      {
        path: ['sla', 'targets', 'reply', 'calendar'],
        ruleId: 'unknown-calendar',
        severity: 'error',
        reason: 'Unexpected calendar `ofice`, expected one of `office`, `24x7`',
        hint: 'Did you mean `office`?',
        actual: 'ofice',
        expected: ['office']
      }
    ])
  })

  it('should report an undefined priority used as a goal key, at the key', () => {
    const data = sla()
    ;(data.targets as any).fix.goals = {P1: '1bd', P2: '3bd', P9: '9bd'}
    const [finding] = checkReferences(data)
    expect(finding).toMatchObject({path: ['sla', 'targets', 'fix', 'goals', 'P9'], at: 'key', ruleId: 'unknown-priority'})
  })

  it('should report undefined pause reasons, ticket priorities and perBreach targets', () => {
    const data = sla()
    ;(data.targets as any).fix.pauseOn = ['aproval']
    ;(data.tickets as any)[0].pauses[0].reason = 'holiday'
    ;(data.consequences as any).perBreach = {replies: {P1: '5%'}}
    const found = checkReferences(data).map((item) => [item.ruleId, item.path.join('.'), item.expected])
    expect(found).toEqual([
      ['unknown-pause-reason', 'sla.targets.fix.pauseOn.0', ['approval']],
      // Too far from `reply` for a did-you-mean: every target is offered.
      ['unknown-target', 'sla.consequences.perBreach.replies', ['reply', 'fix']],
      ['unknown-pause-reason', 'sla.tickets.0.pauses.0.reason', [
        'data-dependency', 'approval', 'change-management', 'client-communication', 'pending-payment', 'work-review', 'client-holiday'
      ]]
    ])
  })

  it('should report a priority without a goal in a target that applies', () => {
    const data = sla()
    ;(data.priorities as any).P3 = {label: 'Low'}
    ;(data.tickets as any)[0].priority = 'P3'
    const found = checkReferences(data)
    expect(found.map((item) => item.ruleId)).toEqual(['missing-goal', 'missing-goal'])
    expect(found[0]).toMatchObject({
      path: ['sla', 'tickets', 0, 'priority'],
      reason: 'Unexpected priority `P3` without a goal in target `reply`, expected a goal for every priority a ticket uses',
      related: {path: ['sla', 'targets', 'reply', 'goals']}
    })
  })

  it('should report milestones with both or neither of start and after, and duplicates', () => {
    const data = sla()
    data.milestones = [
      {id: 'a', title: 'A', start: '2024-09-02', after: 'b', duration: '5bd'},
      {id: 'b', title: 'B', duration: '5bd'},
      {id: 'b', title: 'B again', after: 'a', duration: '1bd'}
    ]
    const found = checkReferences(data).map((item) => [item.ruleId, item.path.join('.'), item.at])
    expect(found).toEqual([
      ['milestone-anchor', 'sla.milestones.0.after', 'key'],
      ['milestone-anchor', 'sla.milestones.1', 'value'],
      ['duplicate-milestone', 'sla.milestones.2.id', undefined],
      // `a` waits for `b` and (the second) `b` for `a`.
      ['milestone-cycle', 'sla.milestones.0.after', undefined]
    ])
  })

  it('should report a dependency cycle once, at its first milestone', () => {
    const data = sla()
    data.milestones = [
      {id: 'start', title: 'S', start: '2024-09-02', duration: '1bd'},
      {id: 'x', title: 'X', after: 'z', duration: '1bd'},
      {id: 'y', title: 'Y', after: 'x', duration: '1bd'},
      {id: 'z', title: 'Z', after: 'y', duration: '1bd'}
    ]
    const found = checkReferences(data)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      ruleId: 'milestone-cycle',
      path: ['sla', 'milestones', 1, 'after'],
      reason:
        'Unexpected dependency cycle `x` → `z` → `y` → `x`, expected milestones that each start after an earlier one'
    })
  })

  it('should report an undefined milestone in after', () => {
    const data = sla()
    ;(data.milestones as any)[1].after = 'aa'
    expect(checkReferences(data)[0]).toMatchObject({ruleId: 'unknown-milestone', expected: ['a']})
  })
})
