import {didYouMean} from '../util/did-you-mean.js'
import type {DataPath, Finding} from './finding.js'
import {clientCausedPauseReasons} from './sla.js'
import {isRecord} from '../util/is-record.js'

/** Calendar names every SLA knows without declaring them. */
export const builtInCalendars: readonly string[] = ['24x7']

type Data = Record<string, unknown>

const keys = (value: unknown): string[] => (isRecord(value) ? Object.keys(value) : [])

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

/**
 * Cross-field rules of sla-domain §5.3 that need no calendar maths: every
 * reference (calendar, priority, pause reason, target, milestone) names
 * something defined, every ticket priority has a goal in each target,
 * milestones have `start` or `after` (not both) and no dependency cycle.
 * Each finding points at the offending value.
 *
 * @param sla
 *   The `sla:` data, already structurally valid.
 * @param base
 *   Path of the `sla` mapping in the front matter (default `['sla']`).
 */
export function checkReferences(sla: Data, base: DataPath = ['sla']): Finding[] {
  const findings: Finding[] = []
  const calendars = [...keys(sla.calendars), ...builtInCalendars]
  const priorities = keys(sla.priorities)
  const reasons = [...new Set([...clientCausedPauseReasons, ...keys(sla.pauseReasons)])]
  const targets = keys(sla.targets)
  const milestones = list(sla.milestones)
    .map((item) => (isRecord(item) && typeof item.id === 'string' ? item.id : undefined))
    .filter((id): id is string => id !== undefined)

  // `asKey`: the reference is a mapping key (a goal's priority), so point at the key.
  const reference = (value: unknown, path: DataPath, kind: string, defined: readonly string[], asKey = false): void => {
    if (typeof value !== 'string' || defined.includes(value)) return
    const suggestion = didYouMean(value, defined)
    findings.push({
      path: [...base, ...path],
      ...(asKey ? {at: 'key' as const} : {}),
      ruleId: `unknown-${kind.replaceAll(' ', '-')}`,
      severity: 'error',
      reason: `Unexpected ${kind} \`${value}\`, expected ${defined.length > 0 ? 'one of ' + defined.map((item) => '`' + item + '`').join(', ') : `a ${kind} defined in the SLA`}`,
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Define \`${value}\` in the SLA, or use one that is defined`,
      actual: value,
      expected: suggestion ? [suggestion] : [...defined]
    })
  }

  const support = isRecord(sla.support) ? sla.support : {}
  reference(support.calendar, ['support', 'calendar'], 'calendar', calendars)
  const emergency = isRecord(support.emergency) ? support.emergency : {}
  reference(emergency.calendar, ['support', 'emergency', 'calendar'], 'calendar', calendars)
  list(emergency.priorities).forEach((value, index) =>
    reference(value, ['support', 'emergency', 'priorities', index], 'priority', priorities)
  )

  for (const [id, target] of Object.entries(isRecord(sla.targets) ? sla.targets : {})) {
    if (!isRecord(target)) continue
    reference(target.calendar, ['targets', id, 'calendar'], 'calendar', calendars)
    for (const priority of keys(target.goals)) {
      reference(priority, ['targets', id, 'goals', priority], 'priority', priorities, true)
    }

    for (const [priority, calendar] of Object.entries(isRecord(target.goalCalendars) ? target.goalCalendars : {})) {
      reference(priority, ['targets', id, 'goalCalendars', priority], 'priority', priorities, true)
      reference(calendar, ['targets', id, 'goalCalendars', priority], 'calendar', calendars)
    }

    list(target.pauseOn).forEach((reason, index) =>
      reference(reason, ['targets', id, 'pauseOn', index], 'pause reason', reasons)
    )
  }

  const consequences = isRecord(sla.consequences) ? sla.consequences : {}
  for (const [target, goals] of Object.entries(isRecord(consequences.perBreach) ? consequences.perBreach : {})) {
    reference(target, ['consequences', 'perBreach', target], 'target', targets, true)
    for (const priority of keys(goals)) {
      reference(priority, ['consequences', 'perBreach', target, priority], 'priority', priorities, true)
    }
  }

  list(sla.tickets).forEach((ticket, index) => {
    if (!isRecord(ticket)) return
    reference(ticket.priority, ['tickets', index, 'priority'], 'priority', priorities)
    list(ticket.events).forEach((event, eventIndex) => {
      if (isRecord(event)) reference(event.to, ['tickets', index, 'events', eventIndex, 'to'], 'priority', priorities)
    })
    list(ticket.pauses).forEach((pause, pauseIndex) => {
      if (isRecord(pause)) reference(pause.reason, ['tickets', index, 'pauses', pauseIndex, 'reason'], 'pause reason', reasons)
    })
    missingGoals(sla, ticket, index, base, findings)
  })

  list(sla.milestones).forEach((milestone, index) => {
    if (!isRecord(milestone)) return
    reference(milestone.after, ['milestones', index, 'after'], 'milestone', milestones)
    list(milestone.delays).forEach((delay, delayIndex) => {
      if (isRecord(delay)) reference(delay.reason, ['milestones', index, 'delays', delayIndex, 'reason'], 'pause reason', reasons)
    })
  })

  findings.push(...milestoneShape(sla, base), ...milestoneCycles(sla, base))
  return findings
}

/** A ticket's priority (and any priority it changes to) needs a goal in every target. */
function missingGoals(sla: Data, ticket: Data, index: number, base: DataPath, findings: Finding[]): void {
  const priorities = new Set<string>()
  if (typeof ticket.priority === 'string') priorities.add(ticket.priority)
  for (const event of list(ticket.events)) {
    if (isRecord(event) && typeof event.to === 'string') priorities.add(event.to)
  }

  for (const [id, target] of Object.entries(isRecord(sla.targets) ? sla.targets : {})) {
    if (!isRecord(target) || !isRecord(target.goals)) continue
    for (const priority of priorities) {
      if (priority in target.goals || !keys(sla.priorities).includes(priority)) continue
      findings.push({
        path: [...base, 'tickets', index, 'priority'],
        ruleId: 'missing-goal',
        severity: 'error',
        reason: `Unexpected priority \`${priority}\` without a goal in target \`${id}\`, expected a goal for every priority a ticket uses`,
        hint: `Add \`${priority}: …\` to \`targets.${id}.goals\``,
        actual: priority,
        related: {path: [...base, 'targets', id, 'goals'], reason: `goals of \`${id}\``}
      })
    }
  }
}

/** Each milestone has exactly one of `start` and `after`, and a unique id. */
function milestoneShape(sla: Data, base: DataPath): Finding[] {
  const findings: Finding[] = []
  const seen = new Map<string, number>()

  list(sla.milestones).forEach((milestone, index) => {
    if (!isRecord(milestone)) return
    const hasStart = milestone.start !== undefined
    const hasAfter = milestone.after !== undefined
    if (hasStart === hasAfter) {
      findings.push({
        path: [...base, 'milestones', index, ...(hasStart ? ['after'] : [])],
        at: hasStart ? 'key' : 'value',
        ruleId: 'milestone-anchor',
        severity: 'error',
        reason: hasStart
          ? 'Unexpected `after` next to `start`, expected one of them'
          : 'Unexpected milestone without `start` or `after`, expected one of them',
        hint: 'A milestone starts on a date (`start`) or when another one ends (`after`)'
      })
    }

    if (typeof milestone.id === 'string') {
      const first = seen.get(milestone.id)
      if (first === undefined) {
        seen.set(milestone.id, index)
      } else {
        findings.push({
          path: [...base, 'milestones', index, 'id'],
          ruleId: 'duplicate-milestone',
          severity: 'error',
          reason: `Unexpected second milestone \`${milestone.id}\`, expected unique milestone ids`,
          actual: milestone.id,
          related: {path: [...base, 'milestones', first, 'id'], reason: 'first defined here'}
        })
      }
    }
  })

  return findings
}

/** `after` chains must not loop back (reported once per cycle, at its first milestone). */
function milestoneCycles(sla: Data, base: DataPath): Finding[] {
  const after = new Map<string, {to: string; index: number}>()
  list(sla.milestones).forEach((milestone, index) => {
    if (isRecord(milestone) && typeof milestone.id === 'string' && typeof milestone.after === 'string') {
      after.set(milestone.id, {to: milestone.after, index})
    }
  })

  const findings: Finding[] = []
  const reported = new Set<string>()

  for (const start of after.keys()) {
    const chain: string[] = []
    let current: string | undefined = start
    // Follow the chain; each step leaves a milestone, so it ends or repeats within `after.size` steps.
    while (current !== undefined && !chain.includes(current) && chain.length <= after.size) {
      chain.push(current)
      current = after.get(current)?.to
    }

    if (current === undefined || !chain.includes(current)) continue
    const cycle = chain.slice(chain.indexOf(current))
    if (cycle.some((id) => reported.has(id))) continue
    for (const id of cycle) reported.add(id)
    const first = after.get(cycle[0]!)!
    findings.push({
      path: [...base, 'milestones', first.index, 'after'],
      ruleId: 'milestone-cycle',
      severity: 'error',
      reason: `Unexpected dependency cycle ${[...cycle, cycle[0]].map((id) => '`' + id + '`').join(' → ')}, expected milestones that each start after an earlier one`,
      hint: 'Give one milestone of the cycle a `start` date instead of `after`'
    })
  }

  return findings
}
