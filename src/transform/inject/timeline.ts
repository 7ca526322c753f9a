import type {Element, ElementContent} from 'hast'
import {h, s} from 'hastscript'
import type {MilestoneReport, SlaTimeline} from '../../engine/milestones.js'
import {dayOfDate, localDay, wallToEpoch} from '../../engine/zone.js'
import {parseInstant} from '../../schema/values/index.js'
import {dateOfEpochDays, isoWeekday} from '../../util/civil.js'
import type {InjectContext} from './context.js'
import {formatCount, formatDate, formatDateRange, formatInstantText, humanize, monthNames, zoneLabel} from './format.js'
import {htmlBlock, type SlaBlock} from './nodes.js'

/**
 * `{{< sla-timeline >}}`: the milestone plan as an inline SVG chart (one
 * bar per milestone from its start to its adjusted due date, the baseline
 * under it, client delays marked by reason, completion and overdue marks,
 * a line at "now") and the same facts as an accessible table.
 */

// Chart geometry, in SVG user units.
const width = 760
const sidePadding = 12
const axisHeight = 30
const rowHeight = 42
const barHeight = 12
const baselineHeight = 3

const statusColours: Readonly<Record<MilestoneReport['status'], string>> = {
  met: '#2f9e44',
  breached: '#e03131',
  open: '#1c7ed6',
  overdue: '#e03131'
}

// Delay reasons get colours in the order they first appear.
const delayColours = ['#f08c00', '#7048e8', '#0c8599', '#d6336c', '#5c940d', '#495057']
const baselineColour = '#adb5bd'
const gridColour = '#dee2e6'
const asOfColour = '#c92a2a'

/** A milestone's days (since 1970-01-01) as the chart draws them: each span is `[from, to)`. */
interface MilestoneDays {
  milestone: MilestoneReport
  /** Work runs from the day after the start (the N-th business day strictly after it, S5). */
  from: number
  /** The end of the adjusted due day. */
  dueEnd: number
  baselineEnd: number
  /** The end of the completion day, when completed. */
  completedEnd: number | undefined
}

/**
 * The `sla-timeline` content: a `figure.sla-timeline` with the "as of"
 * caption, the SVG, a legend, the table and a note on how dates move.
 *
 * @param context
 *   The page, SLA, report and call; the report must have milestones.
 * @param timeline
 *   The report's timeline.
 */
export function injectTimeline(context: InjectContext, timeline: SlaTimeline): SlaBlock {
  const {report, node} = context
  const asOf = formatInstantText(report.asOf, context.zone)
  const asOfTime = asOf ? h('time', {dateTime: asOf.iso}, asOf.text) : report.asOf
  const reasons = reasonColours(timeline)
  const content: ElementContent[] = [
    h('figcaption', {className: ['sla-timeline-caption']}, ['Milestones as of ', asOfTime]),
    chart(timeline, report.asOf, reasons),
    legend(reasons),
    table(timeline),
    h('p', {className: ['sla-timeline-note']}, note(timeline))
  ]
  return htmlBlock(
    {source: 'sla-timeline', tagName: 'figure', properties: {className: ['sla-timeline'], dataSlaId: report.slaId}, position: node.position},
    content
  )
}

function reasonColours(timeline: SlaTimeline): Map<string, string> {
  const colours = new Map<string, string>()
  for (const milestone of timeline.milestones) {
    for (const delay of milestone.delays) {
      if (!colours.has(delay.reason)) colours.set(delay.reason, delayColours[colours.size % delayColours.length]!)
    }
  }

  return colours
}

// ---------------------------------------------------------------------------
// The chart.

function chart(timeline: SlaTimeline, asOfText: string, reasons: ReadonlyMap<string, string>): Element {
  const zone = timeline.timeZone
  const days: MilestoneDays[] = timeline.milestones.map((milestone) => ({
    milestone,
    from: dayOfDate(milestone.startDate) + 1,
    dueEnd: dayOfDate(milestone.dueDate) + 1,
    baselineEnd: dayOfDate(milestone.baseDueDate) + 1,
    completedEnd: milestone.completed === null ? undefined : dayOfDate(milestone.completed) + 1
  }))

  const asOfRead = parseInstant(asOfText, zone)
  const asOfMs = asOfRead.ok ? asOfRead.value.epochMilliseconds : undefined
  // "Now" as a day with its fraction, in the timeline calendar's zone.
  const now = asOfMs === undefined ? undefined : nowAsDay(zone, asOfMs)
  const overdueEnd = (item: MilestoneDays) => (item.milestone.status === 'overdue' && now !== undefined ? Math.max(now, item.dueEnd) : undefined)

  let first = Math.min(...days.map((item) => item.from))
  let last = Math.max(...days.flatMap((item) => [item.dueEnd, item.baselineEnd, item.completedEnd ?? item.dueEnd, overdueEnd(item) ?? item.dueEnd]))
  // "Now" is drawn when it is near the plan; far after it, it would squeeze the plan into a corner.
  const showNow = now !== undefined && now >= first - 14 && now <= last + 14
  if (showNow) {
    first = Math.min(first, Math.floor(now))
    last = Math.max(last, Math.ceil(now))
  }

  first -= 1
  last += 1
  const scale = (width - 2 * sidePadding) / (last - first)
  const x = (day: number) => sidePadding + (day - first) * scale
  const height = axisHeight + rowHeight * days.length + 8

  const rows = days.map((item, index) => row(item, index, x, reasons, overdueEnd(item)))
  const children: ElementContent[] = [
    s('title', `Timeline of ${formatCount(days.length, 'milestone')}: baseline and adjusted due dates, client delays and completion`),
    axis(first, last, x, height),
    ...rows
  ]
  if (showNow && now !== undefined) {
    const at = x(now)
    children.push(
      s('g', {className: ['sla-timeline-as-of']}, [
        s('line', {x1: num(at), y1: num(axisHeight - 6), x2: num(at), y2: num(height - 4), stroke: asOfColour, strokeWidth: '1.5', strokeDasharray: '4 3'}),
        s('text', {x: num(at + 3), y: num(axisHeight - 8), fill: asOfColour, fontSize: '10'}, 'now')
      ])
    )
  }

  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      className: ['sla-timeline-chart'],
      viewBox: `0 0 ${width} ${num(height)}`,
      width: '100%',
      role: 'img',
      fontFamily: 'system-ui, sans-serif',
      fontSize: '12'
    },
    children
  )
}

/** An instant as a day number with the elapsed share of its local day (noon is `day + 0.5` on a plain day). */
function nowAsDay(zone: string, epochMs: number): number {
  const day = localDay(zone, epochMs)
  const start = wallToEpoch(zone, day, 0)
  const end = wallToEpoch(zone, day + 1, 0)
  return end > start ? day + (epochMs - start) / (end - start) : day
}

function axis(first: number, last: number, x: (day: number) => number, height: number): Element {
  const ticks: ElementContent[] = []
  const span = last - first
  for (const tick of axisTicks(first, last, span)) {
    const at = x(tick.day)
    ticks.push(
      s('line', {x1: num(at), y1: num(axisHeight - 4), x2: num(at), y2: num(height - 4), stroke: gridColour, strokeWidth: '1'}),
      s('text', {x: num(at + 3), y: '14', fill: '#495057', fontSize: '10'}, tick.label)
    )
  }

  return s('g', {className: ['sla-timeline-axis']}, ticks)
}

/** Weekly ticks (Mondays) for plans up to ten weeks, else month starts (every few months when the plan is long). */
function axisTicks(first: number, last: number, span: number): Array<{day: number; label: string}> {
  const ticks: Array<{day: number; label: string}> = []
  if (span <= 70) {
    for (let day = first; day <= last; day++) {
      const {year, month, day: date} = dateOfEpochDays(day)
      if (isoWeekday(year, month, date) === 1) ticks.push({day, label: `${date} ${monthNames[month - 1]!.slice(0, 3)}`})
    }

    return ticks
  }

  const step = Math.max(1, Math.ceil(span / 30 / 12))
  const start = dateOfEpochDays(first)
  let year = start.year
  let month = start.month + 1
  if (month > 12) {
    month = 1
    year++
  }

  for (let index = 0; ; index++) {
    const day = dayOfDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`)
    if (day > last) break
    if (index % step === 0) ticks.push({day, label: `${monthNames[month - 1]!.slice(0, 3)} ${year}`})
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }

  return ticks
}

function row(
  item: MilestoneDays,
  index: number,
  x: (day: number) => number,
  reasons: ReadonlyMap<string, string>,
  overdueEnd: number | undefined
): Element {
  const {milestone} = item
  const top = axisHeight + index * rowHeight
  const barTop = top + 18
  const start = x(item.from)
  const end = x(item.dueEnd)
  // Labels start at the bar; past the middle they end at it, so they stay inside the chart.
  const rightHalf = start > width / 2
  const children: ElementContent[] = [
    s(
      'text',
      {className: ['sla-timeline-label'], x: num(rightHalf ? end : start), y: num(top + 13), textAnchor: rightHalf ? 'end' : 'start', fill: '#212529'},
      milestone.title
    ),
    s(
      'rect',
      {
        className: ['sla-timeline-baseline'],
        x: num(start),
        y: num(barTop + barHeight + 3),
        width: num(Math.max(1, x(item.baselineEnd) - start)),
        height: num(baselineHeight),
        fill: baselineColour
      },
      [s('title', `${milestone.title}: baseline due ${formatDate(milestone.baseDueDate)}`)]
    ),
    s(
      'rect',
      {
        className: ['sla-timeline-bar', 'sla-timeline-bar-' + milestone.status],
        dataMilestone: milestone.id,
        x: num(start),
        y: num(barTop),
        width: num(Math.max(1, end - start)),
        height: num(barHeight),
        rx: '2',
        fill: statusColours[milestone.status]
      },
      [s('title', `${milestone.title}: due ${formatDate(milestone.dueDate)}, ${statusText(milestone).toLowerCase()}`)]
    )
  ]

  for (const delay of milestone.delays) {
    const from = Math.max(dayOfDate(delay.from), item.from)
    const to = Math.min(dayOfDate(delay.to) + 1, Math.max(item.dueEnd, from))
    if (to <= from) continue
    children.push(
      s(
        'rect',
        {
          className: ['sla-timeline-delay'],
          dataReason: delay.reason,
          x: num(x(from)),
          y: num(barTop - 2),
          width: num(x(to) - x(from)),
          height: num(barHeight + 4),
          fill: reasons.get(delay.reason) ?? delayColours[0]!,
          fillOpacity: '0.85'
        },
        [s('title', delayText(delay, modeUnit(milestone)))]
      )
    )
  }

  if (overdueEnd !== undefined && overdueEnd > item.dueEnd) {
    children.push(
      s(
        'rect',
        {
          className: ['sla-timeline-overdue'],
          x: num(end),
          y: num(barTop + 2),
          width: num(x(overdueEnd) - end),
          height: num(barHeight - 4),
          fill: statusColours.overdue,
          fillOpacity: '0.35'
        },
        [s('title', `${milestone.title}: overdue by ${formatCount(milestone.businessDaysLate, 'business day')}`)]
      )
    )
  }

  if (item.completedEnd !== undefined && milestone.status === 'breached' && item.completedEnd > item.dueEnd) {
    children.push(
      s(
        'rect',
        {
          className: ['sla-timeline-late'],
          x: num(end),
          y: num(barTop + 4),
          width: num(x(item.completedEnd) - end),
          height: num(barHeight - 8),
          fill: statusColours.breached
        },
        [s('title', `${milestone.title}: ${statusText(milestone).toLowerCase()}`)]
      )
    )
  }

  if (item.completedEnd !== undefined && milestone.completed !== null) {
    const at = x(item.completedEnd)
    const middle = barTop + barHeight / 2
    children.push(
      s(
        'path',
        {className: ['sla-timeline-completed'], d: `M${num(at)} ${num(middle - 6)}l6 6l-6 6l-6 -6z`, fill: '#212529'},
        [s('title', `${milestone.title}: completed ${formatDate(milestone.completed)}`)]
      )
    )
  }

  return s('g', {className: ['sla-timeline-milestone'], dataMilestone: milestone.id, dataStatus: milestone.status}, children)
}

function legend(reasons: ReadonlyMap<string, string>): Element {
  const swatch = (colour: string) => h('span', {className: ['sla-timeline-swatch'], style: `background:${colour}`, ariaHidden: 'true'})
  const items: ElementContent[] = [
    h('li', [swatch(statusColours.met), ' met']),
    h('li', [swatch(statusColours.open), ' open']),
    h('li', [swatch(statusColours.breached), ' late or overdue']),
    h('li', [swatch(baselineColour), ' baseline (without delays or extensions)']),
    ...[...reasons].map(([reason, colour]) => h('li', {dataReason: reason}, [swatch(colour), ` client delay: ${humanize(reason).toLowerCase()}`])),
    h('li', ['◆ completed'])
  ]
  return h('ul', {className: ['sla-timeline-legend']}, items)
}

// ---------------------------------------------------------------------------
// The table.

function table(timeline: SlaTimeline): Element {
  const titles = new Map(timeline.milestones.map((milestone) => [milestone.id, milestone.title]))
  const header = ['Milestone', 'Start', 'Baseline due', 'Due', 'Completed', 'Status', 'Client delays and extensions']
  return h('table', {className: ['sla-timeline-table']}, [
    h('thead', [h('tr', header.map((label) => h('th', {scope: 'col'}, label)))]),
    h(
      'tbody',
      timeline.milestones.map((milestone) => {
        const after = milestone.after === null ? undefined : (titles.get(milestone.after) ?? milestone.after)
        return h('tr', {dataMilestone: milestone.id, dataStatus: milestone.status}, [
          h('th', {scope: 'row'}, milestone.title),
          h('td', [dateElement(milestone.startDate), ...(after === undefined ? [] : [`, after ${after}`])]),
          h('td', [dateElement(milestone.baseDueDate)]),
          h('td', [dateElement(milestone.dueDate)]),
          h('td', milestone.completed === null ? ['not yet'] : [dateElement(milestone.completed)]),
          h('td', {className: ['sla-status-' + milestone.status]}, statusText(milestone)),
          h('td', changes(milestone))
        ])
      })
    )
  ])
}

function changes(milestone: MilestoneReport): Array<Element | string> {
  const unit = modeUnit(milestone)
  const items = milestone.delays.map((delay) => h('li', {dataReason: delay.reason}, delayText(delay, unit)))
  if (milestone.extension) {
    const {days, reason} = milestone.extension
    items.push(h('li', {className: ['sla-timeline-extension']}, `Extension of ${formatCount(days, 'business day')}: ${reason}`))
  }

  return items.length === 0 ? ['none'] : [h('ul', items)]
}

/**
 * A milestone's status for people: `Met`, `Open`, `Late by 2 business
 * days`, `Overdue by 3 business days`.
 *
 * @param milestone
 *   A milestone of the report.
 */
export function statusText(milestone: Pick<MilestoneReport, 'status' | 'businessDaysLate'>): string {
  const late = formatCount(milestone.businessDaysLate, 'business day')
  switch (milestone.status) {
    case 'met':
      return 'Met'
    case 'open':
      return 'Open'
    case 'breached':
      return `Late by ${late}`
    case 'overdue':
      return `Overdue by ${late}`
  }
}

/**
 * A client delay for people: `Approval, 28–30 April 2026: Homepage sign-off
 * (3 business days counted)`.
 *
 * @param delay
 *   A delay of the report.
 * @param unit
 *   What its counted days are: business days, or calendar days in `day-for-day` mode.
 */
export function delayText(delay: MilestoneReport['delays'][number], unit: 'business day' | 'day'): string {
  const note = delay.note === null ? '' : `: ${delay.note}`
  return `${humanize(delay.reason)}, ${formatDateRange(delay.from, delay.to)}${note} (${formatCount(delay.countedDays, unit)} counted)`
}

/** Whether a milestone's delays and extension are counted in business days or calendar days. */
function modeUnit(milestone: MilestoneReport): 'business day' | 'day' {
  return 'extensionCalendarDays' in milestone ? 'day' : 'business day'
}

function note(timeline: SlaTimeline): string {
  const calendar = timeline.calendar === null ? 'Monday to Friday' : `the ${timeline.calendar} calendar`
  const delays =
    timeline.delayMode === 'day-for-day'
      ? 'Client delays move a due date by their calendar days inside its working period, then on to a business day.'
      : 'Client delays move a due date by the business days they overlap its working period.'
  const anchor =
    timeline.anchor === 'baseline'
      ? 'A milestone that follows another starts from its baseline due date.'
      : 'A milestone that follows another starts when that one is completed, or from its due date until then.'
  return `Business days of ${calendar} (${zoneLabel(timeline.timeZone)}). ${delays} ${anchor}`
}

function dateElement(date: string): Element {
  return h('time', {dateTime: date}, formatDate(date))
}

/** A coordinate with one decimal: short, and the same text on every machine. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10)
}
