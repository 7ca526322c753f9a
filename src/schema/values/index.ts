/**
 * Pure parsers for the values of the SLA data model (sla-domain §5.2,
 * §5.3): plain data in, plain data out, no zod, vfile or unist. Each
 * returns `{ok: true, value}` or `{ok: false, problem}`, with `warnings`
 * when there are some; the schema layer turns problems into findings at the
 * value's position.
 */

export {valueRules, type ValueRule, type ValueRuleId} from './rules.js'
export type {ValueProblem, ValueResult} from './result.js'
export {parseDuration, formatDuration, type DurationContext, type DurationValue} from './duration.js'
export {parsePercent, formatPercent, percentScale, type PercentContext, type PercentValue} from './percent.js'
export {parseObjective, type Comparator, type ObjectiveContext, type ObjectiveValue} from './objective.js'
export {
  parseWorkingHours,
  parseCalendarShape,
  formatWorkingHours,
  type CalendarShape,
  type IsoWeekday,
  type TimeRange,
  type WeekHours
} from './hours.js'
export {checkTimeZone} from './zone.js'
export {offsetInstantMilliseconds, parseDate, parseInstant, type DateValue, type InstantValue} from './time.js'
export {checkSlaId} from './id.js'
