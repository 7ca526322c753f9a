import type {Sla} from '../../schema/sla.js'
import type {CalendarKind} from './format.js'

/**
 * The name of the calendar a target's goal for `priority` is measured on:
 * the `goalCalendars` override, else the target's `calendar`.
 *
 * @param sla
 *   Validated SLA data.
 * @param target
 *   A target id.
 * @param priority
 *   A priority key.
 */
export function goalCalendarName(sla: Sla, target: string, priority: string): string | undefined {
  const definition = sla.targets && Object.hasOwn(sla.targets, target) ? sla.targets[target] : undefined
  if (!definition) return undefined
  const overrides = definition.goalCalendars ?? {}
  return Object.hasOwn(overrides, priority) ? overrides[priority] : definition.calendar
}

/**
 * Whether a calendar counts working time (`business`) or every hour
 * (`24x7`: the built-in name, or a calendar defined as `24x7`).
 *
 * @param sla
 *   Validated SLA data.
 * @param name
 *   A calendar name.
 */
export function calendarKind(sla: Sla, name: string | undefined): CalendarKind | undefined {
  if (name === undefined) return undefined
  if (name === '24x7') return '24x7'
  const calendars = sla.calendars ?? {}
  if (!Object.hasOwn(calendars, name)) return undefined
  return calendars[name] === '24x7' ? '24x7' : 'business'
}
