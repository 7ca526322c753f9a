import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {TargetCompliance} from '../../engine/report.js'
import type {Sla} from '../../schema/sla.js'
import {parseDuration} from '../../schema/values/index.js'
import {calendarKind, goalCalendarName} from './calendars.js'
import type {InjectContext} from './context.js'
import {formatCount, formatDurationWords, formatInstantText, formatPercentValue, humanize} from './format.js'
import {htmlBlock, type SlaBlock} from './nodes.js'

/**
 * `{{< sla-targets >}}`: every target with its goal per priority, the
 * calendar it is measured on, and its compliance so far.
 */

/**
 * The `sla-targets` content: a `table.sla-targets`, one row per target
 * (`data-target`), one column per priority (`data-priority` on the cells).
 *
 * @param context
 *   The page, SLA, report and call; the SLA must have targets.
 */
export function injectTargets(context: InjectContext): SlaBlock {
  const {sla, report, node} = context
  const targets = Object.entries(sla.targets ?? {})
  const priorities = priorityOrder(sla)
  const labels = sla.priorities ?? {}
  const asOf = formatInstantText(report.asOf, context.zone)

  const header = h('tr', [
    h('th', {scope: 'col'}, 'Target'),
    h('th', {scope: 'col'}, 'Calendar'),
    ...priorities.map((priority) => {
      const label = Object.hasOwn(labels, priority) ? labels[priority]!.label : undefined
      return h('th', {scope: 'col', dataPriority: priority}, label === undefined ? priority : `${priority} ${label}`)
    }),
    h('th', {scope: 'col'}, 'Compliance')
  ])

  const rows = targets.map(([id, target]) => {
    const measure = humanize(target.measure)
    const name = humanize(id)
    return h('tr', {dataTarget: id}, [
      h('th', {scope: 'row'}, name.toLowerCase() === measure.toLowerCase() ? name : `${name} (${measure.toLowerCase()})`),
      h('td', target.calendar),
      ...priorities.map((priority) => h('td', {dataPriority: priority}, goalText(sla, id, priority))),
      h('td', {className: ['sla-targets-compliance']}, complianceText(report.compliance.find((item) => item.target === id)))
    ])
  })

  const caption: ElementContent[] = [{type: 'text', value: 'Targets per priority, with compliance as of '}, asOf ? h('time', {dateTime: asOf.iso}, asOf.text) : {type: 'text', value: report.asOf}]
  const table: Element = h('table', {className: ['sla-targets-table']}, [h('caption', caption), h('thead', [header]), h('tbody', rows)])
  return htmlBlock({source: 'sla-targets', tagName: 'div', properties: {className: ['sla-targets'], dataSlaId: report.slaId}, position: node.position}, [table])
}

/** Priorities in the SLA's order (most urgent first), then any goal key the list lacks. */
function priorityOrder(sla: Sla): string[] {
  const order = Object.keys(sla.priorities ?? {})
  for (const target of Object.values(sla.targets ?? {})) {
    for (const priority of Object.keys(target.goals)) if (!order.includes(priority)) order.push(priority)
  }

  return order
}

/**
 * A goal in words on its calendar (`4 business hours`), with the calendar
 * named when the priority has its own (`goalCalendars`); `—` without a goal.
 *
 * @param sla
 *   Validated SLA data.
 * @param target
 *   A target id.
 * @param priority
 *   A priority key.
 */
export function goalText(sla: Sla, target: string, priority: string): string {
  const definition = sla.targets?.[target]
  const goal = definition && Object.hasOwn(definition.goals, priority) ? definition.goals[priority] : undefined
  if (goal === undefined) return '—'
  const calendar = goalCalendarName(sla, target, priority)
  const parsed = parseDuration(goal)
  const words = parsed.ok ? formatDurationWords(parsed.value, calendarKind(sla, calendar), goal) : goal
  return calendar !== undefined && calendar !== definition!.calendar ? `${words} (calendar: ${calendar})` : words
}

/**
 * A target's compliance for people: `75 % (3 of 4 met)`, with the cycles
 * still open (`, 1 open`), or `no finished cycles yet`.
 *
 * @param compliance
 *   The report's compliance of the target.
 */
export function complianceText(compliance: TargetCompliance | undefined): string {
  if (!compliance || compliance.compliancePercent === null) {
    const open = compliance && compliance.open > 0 ? ` (${compliance.open} open)` : ''
    return `no finished cycles yet${open}`
  }

  const decided = compliance.met + compliance.breached
  const open = compliance.open > 0 ? `, ${compliance.open} open` : ''
  return `${formatPercentValue(compliance.compliancePercent)} (${compliance.met} of ${formatCount(decided, 'cycle')} met${open})`
}
