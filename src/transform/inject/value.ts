import type {ElementContent} from 'hast'
import {parseDuration, parseObjective, parsePercent} from '../../schema/values/index.js'
import {didYouMean} from '../../util/did-you-mean.js'
import {calendarKind, goalCalendarName} from './calendars.js'
import {warnAt, type InjectContext} from './context.js'
import {
  comparatorInWords,
  formatCount,
  formatDate,
  formatDurationWords,
  formatExactPercent,
  formatInstantText,
  formatMinutes,
  formatMoney,
  formatNumber,
  formatPercentValue,
  type CalendarKind
} from './format.js'
import {htmlBlock, htmlInline, type SlaBlock, type SlaInline} from './nodes.js'
import {isRecord} from '../../util/is-record.js'

/**
 * `{{< sla-value "path" >}}`: one value of the SLA data (`targets.resolution.goals.P1`)
 * or, with the `report.` prefix, of the engine's report
 * (`report.compliance.resolution.compliancePercent`), formatted for people.
 */

/** No path given. */
export const missingPathRuleId = 'sla-value-missing-path'
/** The path leads nowhere. */
export const unknownPathRuleId = 'sla-value-unknown-path'
/** The path leads to a mapping or a list of mappings, not one value. */
export const notScalarRuleId = 'sla-value-not-scalar'

/** A value as text, with the ISO form when it is a date or an instant. */
export interface FormattedValue {
  text: string
  /** For `<time datetime>`. */
  datetime?: string
}

/** Where a resolved value sits: which tree, the keys that lead to it, and the mapping that holds it. */
export interface ValuePlace {
  root: 'sla' | 'report'
  keys: string[]
  parent: unknown
}

type Lookup =
  | {ok: true; value: unknown; keys: string[]; parent: unknown}
  | {ok: false; depth: number; keys: string[]; candidates: string[]}

/**
 * The `sla-value` node: the value as an element with class `sla-value` and
 * the path in `data-sla-path`, or nothing (and a warning) when the path is
 * missing, unknown or not one value.
 *
 * @param context
 *   The page, SLA, report and call.
 * @param block
 *   Whether the call stands alone in its paragraph.
 */
export function injectValue(context: InjectContext, block: boolean): SlaBlock | SlaInline | undefined {
  const {file, node} = context
  const params = node.data?.hugo?.params ?? []
  const param = params.find((item) => item.name === 'path') ?? params.find((item) => item.name === undefined)
  const path = param === undefined ? '' : String(param.value).trim()
  if (path === '') {
    warnAt(file, node, {
      ruleId: missingPathRuleId,
      reason: 'Unexpected `sla-value` without a path, expected a path such as `{{< sla-value "availability.objective" >}}`',
      hint: 'Give the dotted path of a value in the `sla:` data, or `report.` and a path into the computed report'
    })
    return undefined
  }

  const formatted = valueAtPath(context, path)
  if (!formatted) return undefined
  const content: ElementContent = {type: 'text', value: formatted.text}
  const children: ElementContent[] = formatted.datetime
    ? [{type: 'element', tagName: 'time', properties: {dateTime: formatted.datetime}, children: [content]}]
    : [content]
  const spec = {source: 'sla-value', tagName: 'span', properties: {className: ['sla-value'], dataSlaPath: path}, position: node.position}
  return block ? htmlBlock(spec, children) : htmlInline(spec, children)
}

/**
 * Resolve and format the value at a dotted path, warning at the call when
 * the path leads nowhere (with a did-you-mean) or to more than one value.
 *
 * @param context
 *   The page, SLA, report and call.
 * @param path
 *   `targets.resolution.goals.P1`, or `report.` and a path into the report.
 */
export function valueAtPath(context: InjectContext, path: string): FormattedValue | undefined {
  const {file, node, sla, report} = context
  const inReport = path === 'report' || path.startsWith('report.')
  const segments = (inReport ? path.slice('report'.length).replace(/^\./, '') : path).split('.')
  const root: unknown = inReport ? report : sla
  const found = lookup(root, inReport && segments.length === 1 && segments[0] === '' ? [] : segments)

  if (!found.ok) {
    const prefix = inReport ? ['report', ...found.keys] : found.keys
    const written = segments[found.depth] ?? ''
    // A path into the report written without its prefix is a likely slip.
    const reportKey = !inReport && found.depth === 0 && lookup(report, segments).ok
    const near = reportKey ? undefined : didYouMean(written, found.candidates)
    const suggestion = reportKey ? ['report', ...segments].join('.') : near === undefined ? undefined : [...prefix, near, ...segments.slice(found.depth + 1)].join('.')
    const where = prefix.length === 0 ? (inReport ? 'the report' : 'the SLA data') : `\`${prefix.join('.')}\``
    warnAt(file, node, {
      ruleId: unknownPathRuleId,
      reason: `Unexpected \`${path}\`: no \`${written}\` in ${where}, expected ${found.candidates.length === 0 ? 'a shorter path' : `one of ${listed(found.candidates)}`}`,
      hint: suggestion === undefined ? 'Paths are keys of the `sla:` data joined with `.`; list items by index or id, the report under `report.`' : `Did you mean \`${suggestion}\`?`,
      actual: path,
      expected: suggestion === undefined ? found.candidates.map((key) => [...prefix, key].join('.')) : [suggestion]
    })
    return undefined
  }

  const formatted = formatValue(found.value, {root: inReport ? 'report' : 'sla', keys: found.keys, parent: found.parent}, context)
  if (!formatted) {
    const keys = isRecord(found.value) ? Object.keys(found.value) : []
    warnAt(file, node, {
      ruleId: notScalarRuleId,
      reason: `Unexpected ${Array.isArray(found.value) ? 'list' : 'mapping'} at \`${path}\`, expected a path to one value${keys.length > 0 ? ` such as \`${path}.${keys[0]}\`` : ''}`,
      hint: 'A `sla-value` shows one value; go one key deeper, or use `sla-targets`, `sla-timeline` or `sla-breaches` for whole sections',
      actual: path
    })
    return undefined
  }

  return formatted
}

/** Follow keys from `root`: mapping keys, and in lists an index or the `id` (`target`, `period`) of an item. */
function lookup(root: unknown, segments: readonly string[]): Lookup {
  let current = root
  let parent: unknown
  const keys: string[] = []
  for (const [depth, segment] of segments.entries()) {
    const next = child(current, segment)
    if (next === undefined) return {ok: false, depth, keys, candidates: childKeys(current)}
    parent = current
    current = next.value
    keys.push(next.key)
  }

  return {ok: true, value: current, keys, parent}
}

function child(value: unknown, segment: string): {key: string; value: unknown} | undefined {
  if (Array.isArray(value)) {
    if (/^(?:0|[1-9]\d*)$/.test(segment) && Number(segment) < value.length) return {key: segment, value: value[Number(segment)]}
    const index = value.findIndex((item) => itemName(item) === segment)
    return index === -1 ? undefined : {key: segment, value: value[index]}
  }

  if (isRecord(value) && segment !== '' && Object.hasOwn(value, segment) && value[segment] !== undefined) {
    return {key: segment, value: value[segment]}
  }

  return undefined
}

function childKeys(value: unknown): string[] {
  if (Array.isArray(value)) {
    const names = value.map(itemName).filter((name): name is string => name !== undefined)
    return names.length > 0 ? names : value.map((_, index) => String(index))
  }

  return isRecord(value) ? Object.keys(value).filter((key) => value[key] !== undefined) : []
}

/** How a list item can be named in a path: its `id`, else `target` (compliance) or `period` (credits, availability). */
function itemName(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined
  for (const key of ['id', 'target', 'period']) {
    const name = item[key]
    if (typeof name === 'string' || typeof name === 'number') return String(name)
  }

  return undefined
}

/**
 * A value for people, by what it is: durations in words on their calendar
 * (`4 business hours`), percentages (`99.9 %`), dates and instants in the
 * SLA's zone, minutes as hours and minutes, money with its currency,
 * `yes`/`no`, lists of values joined; `undefined` for mappings and lists
 * of mappings.
 *
 * @param value
 *   The value.
 * @param place
 *   Where it is (its key decides how some numbers read).
 * @param context
 *   The SLA (calendars, currency) and the zone.
 */
export function formatValue(value: unknown, place: ValuePlace, context: Pick<InjectContext, 'sla' | 'report' | 'zone'>): FormattedValue | undefined {
  if (value === null) return {text: 'none'}
  if (typeof value === 'boolean') return {text: value ? 'yes' : 'no'}
  if (typeof value === 'number') return {text: formatNumberAt(value, place, context)}
  if (typeof value === 'string') return formatTextAt(value, place, context)
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) {
    const texts = value.map((item, index) => formatValue(item, {...place, keys: [...place.keys, String(index)], parent: value}, context)!.text)
    return {text: joinWords(texts)}
  }

  return undefined
}

function formatNumberAt(value: number, place: ValuePlace, context: Pick<InjectContext, 'sla' | 'report'>): string {
  const key = place.keys.at(-1) ?? ''
  const parent = isRecord(place.parent) ? place.parent : {}
  if (key === 'id') return String(value)
  if (key === 'overBy') {
    if (parent.overByUnit === 'minutes') return formatMinutes(value)
    if (parent.overByUnit === 'business-days') return formatCount(value, 'business day')
    if (parent.overByUnit === 'days') return formatCount(value, 'day')
  }

  if (key.endsWith('Minutes')) return formatMinutes(value)
  if (key === 'businessDaysLate' || key.endsWith('BusinessDays')) return formatCount(value, 'business day')
  if (key === 'countedDays') return formatCount(value, context.report.milestones?.delayMode === 'day-for-day' ? 'day' : 'business day')
  if (key === 'days' && place.keys.includes('extension')) return formatCount(value, 'business day')
  if (key.endsWith('Days')) return formatCount(value, 'day')
  // The uptime is cut to six decimals so that it never reads as a tier it is not in.
  if (key === 'uptimePercent') return formatPercentValue(value, 6)
  if (key === 'percent' || key.endsWith('Percent') || key === 'percentOfTarget') return formatPercentValue(value)
  if (key === 'monthlyFee') {
    // Whole amounts as written (`EUR 1,200`); cents, when there are any, in full (`EUR 99.50`).
    const [whole, cents] = formatNumber(value).replaceAll(',', '').split('.')
    return formatMoney(cents === undefined ? whole! : `${whole}.${cents.padEnd(2, '0')}`, context.sla.consequences?.currency ?? null)
  }
  return formatNumber(value)
}

function formatTextAt(value: string, place: ValuePlace, context: Pick<InjectContext, 'sla' | 'zone'>): FormattedValue {
  const key = place.keys.at(-1) ?? ''
  const parent = isRecord(place.parent) ? place.parent : {}
  if (key === 'creditAmount' || key === 'amount') {
    const currency = typeof parent.currency === 'string' ? parent.currency : (context.sla.consequences?.currency ?? null)
    return {text: formatMoney(value, currency)}
  }

  if (key.endsWith('Display2dp')) return {text: `${value} %`}
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return {text: formatDate(value), datetime: value}
  if (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/.test(value)) {
    const instant = formatInstantText(value, context.zone)
    if (instant) return {text: instant.text, datetime: instant.iso}
  }

  if (/^\d+(?:\.\d+)?\s*%$/.test(value)) {
    const percent = parsePercent(value)
    if (percent.ok) return {text: formatExactPercent(percent.value.microPercent)}
  }

  const calendar = durationCalendar(place, context)
  if (/^(?:>=|<=|>|<)/.test(value)) {
    const objective = parseObjective(value)
    if (objective.ok) {
      const target = objective.value.value
      const amount = target.kind === 'percent' ? formatExactPercent(target.microPercent) : formatDurationWords(target, calendar)
      return {text: `${comparatorInWords(objective.value.comparator)} ${amount}`}
    }
  }

  if (/^\d+(?:bd|h|m|d|w)(?: ?\d+(?:h|m|d|w))*$/.test(value)) {
    const duration = parseDuration(value)
    if (duration.ok) return {text: formatDurationWords(duration.value, calendar, value)}
  }

  return {text: value}
}

/**
 * The calendar a duration is measured on, from where it is: a target's goal
 * (`targets.<id>.goals.<priority>`, or a ticket cycle's `goal` beside its
 * `target` and `priority`) on its goal calendar; availability durations in
 * elapsed time.
 */
function durationCalendar(place: ValuePlace, context: Pick<InjectContext, 'sla'>): CalendarKind | undefined {
  const {keys} = place
  const parent = isRecord(place.parent) ? place.parent : {}
  if (place.root === 'sla' && keys[0] === 'targets' && keys[2] === 'goals' && keys.length === 4) {
    return calendarKind(context.sla, goalCalendarName(context.sla, keys[1]!, keys[3]!))
  }

  if (keys.at(-1) === 'goal' && typeof parent.target === 'string' && typeof parent.priority === 'string') {
    return calendarKind(context.sla, goalCalendarName(context.sla, parent.target, parent.priority))
  }

  return keys[0] === 'availability' ? '24x7' : undefined
}

/** `a`, `a and b`, `a, b and c`. */
function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** Candidates in a message: the first few, in backticks. */
function listed(candidates: readonly string[]): string {
  const shown = candidates.slice(0, 8).map((key) => '`' + key + '`')
  return shown.join(', ') + (candidates.length > 8 ? ', …' : '')
}
