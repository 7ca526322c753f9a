import type {BlockContent, ListItem, Paragraph, PhrasingContent, Text} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {Position} from 'unist'
import type {Notice, NoticeKind} from '../../engine/notices.js'
import type {SlaReport} from '../../engine/report.js'
import type {Sla} from '../../schema/sla.js'
import {parseObjective, parsePercent} from '../../schema/values/index.js'
import {defaultCalloutIcons} from '../../syntax/callouts.js'
import {calloutNode, escapeMarkdown} from './callout.js'
import {
  comparatorInWords,
  formatCount,
  formatDate,
  formatExactPercent,
  formatInstantText,
  formatMinutes,
  formatMoney,
  formatPercentValue,
  formatPeriod,
  humanize
} from './format.js'
import {wrapperBlock, type SlaBlock} from './nodes.js'

/**
 * `{{< sla-breaches >}}` and the breach notice at the top of a page: every
 * breach as a Doks `danger` callout, every warning (at risk, overdue
 * milestone, review due) as a `caution` callout, each with its subject,
 * due date, how far past it, and the credit it earns.
 */

/** A part of a line of a callout: text, or a date or instant shown in a `<time>`. */
export type LinePart = string | {text: string; datetime: string}

/** One callout to show: one notice of the engine. */
export interface BreachItem {
  kind: NoticeKind
  /** Doks context: `danger` for breaches, `caution` for warnings. */
  context: 'danger' | 'caution'
  /** Plain text. */
  title: string
  /** `Label: value` lines of the body. */
  lines: Array<{label: string; value: LinePart[]}>
}

/** What {@link breachItems} reads. */
export interface BreachInputs {
  sla: Sla
  report: SlaReport
  /** The SLA's zone: dates and times are shown in it. */
  zone: string
}

/**
 * Whether an item is a breach (a `danger` callout) rather than a warning.
 *
 * @param item
 *   An item of {@link breachItems}.
 */
export function isBreach(item: BreachItem): boolean {
  return item.kind === 'breach'
}

/**
 * Everything `sla-breaches` shows: one item per notice of the report, in the
 * engine's order (breaches of tickets, availability periods and milestones
 * first, then the warnings: at risk, overdue milestones, a review that is
 * due). What is a breach is the engine's to say; this only words it.
 *
 * @param inputs
 *   The SLA, its report and zone.
 */
export function breachItems(inputs: BreachInputs): BreachItem[] {
  return inputs.report.notices.map((notice) => noticeItem(notice, inputs))
}

function noticeItem(notice: Notice, inputs: BreachInputs): BreachItem {
  if (notice.kind === 'breach') {
    const period = notice.period === null ? undefined : inputs.report.availability?.periods.find((item) => item.period === notice.period)
    if (period) return availabilityItem(notice, period, inputs)
    if (notice.milestone !== null) return lateMilestoneItem(notice, inputs)
  }

  const {zone} = inputs
  const due = notice.due === null ? undefined : timeValue(notice.due, zone)
  const lines: BreachItem['lines'] = []
  switch (notice.kind) {
    case 'breach': {
      if (due) lines.push({label: 'Due', value: [due]})
      const over = overByText(notice)
      if (over !== undefined) lines.push({label: 'Over by', value: [over]})
      if (notice.at !== notice.due) lines.push({label: 'Breached', value: [timeValue(notice.at, zone)]})
      if (notice.credit) lines.push(creditLine(notice.credit, inputs.sla))
      break
    }

    case 'at-risk': {
      lines.push({label: 'Due', value: [due ?? 'not yet: the clock is paused']})
      if (notice.percentOfTarget !== null) lines.push({label: 'Target used', value: [formatPercentValue(notice.percentOfTarget)]})
      break
    }

    case 'overdue-milestone':
    case 'review-due': {
      if (due) lines.push({label: 'Due', value: [due]})
      const over = overByText(notice)
      if (over !== undefined) lines.push({label: 'Late by', value: [over]})
      break
    }
  }

  if (notice.notify !== null) lines.push({label: 'Escalated to', value: [notice.notify]})
  return {kind: notice.kind, context: notice.kind === 'breach' ? 'danger' : 'caution', title: `${noticeTitles[notice.kind]}: ${notice.subject}`, lines}
}

const noticeTitles: Readonly<Record<NoticeKind, string>> = {
  breach: 'Missed target',
  'at-risk': 'At risk',
  'overdue-milestone': 'Overdue milestone',
  'review-due': 'Review overdue'
}

type Period = NonNullable<SlaReport['availability']>['periods'][number]

/** An availability breach: the period's uptime against the objective, its downtime, and the notice's tier credit. */
function availabilityItem(notice: Notice, period: Period, inputs: BreachInputs): BreachItem {
  const {sla} = inputs
  const objective = sla.availability === undefined ? undefined : parseObjective(sla.availability.objective)
  const goal = objective?.ok && objective.value.value.kind === 'percent' ? `${comparatorInWords(objective.value.comparator)} ${formatExactPercent(objective.value.value.microPercent)}` : undefined
  const lines: BreachItem['lines'] = [
    {label: 'Uptime', value: [`${uptimeText(period, inputs.report)}${goal === undefined ? '' : `, objective ${goal}`}${period.complete ? '' : ' (so far)'}`]},
    {label: 'Downtime', value: [formatMinutes(period.downtimeMinutes)]}
  ]
  if (notice.credit) lines.push(creditLine(notice.credit, sla))
  return {kind: notice.kind, context: 'danger', title: `Missed availability objective: ${formatPeriod(period.period)}`, lines}
}

/** A milestone completed after its due date: when it was due, when it was completed, and how late. */
function lateMilestoneItem(notice: Notice, inputs: BreachInputs): BreachItem {
  const lines: BreachItem['lines'] = []
  if (notice.due !== null) lines.push({label: 'Due', value: [timeValue(notice.due, inputs.zone)]})
  lines.push({label: 'Completed', value: [timeValue(notice.at, inputs.zone)]})
  const over = overByText(notice)
  if (over !== undefined) lines.push({label: 'Late by', value: [over]})
  return {kind: notice.kind, context: 'danger', title: `Milestone completed late: ${notice.subject}`, lines}
}

/**
 * The uptime of a period as the engine rounds it for display (`99.89 %`),
 * unless that rounding reaches the objective it missed (99.946 % shows as
 * `99.95 %`): then with the engine's six decimals, so the page never shows
 * a breach at the objective.
 */
function uptimeText(period: Period, report: SlaReport): string {
  const objective = report.availability?.objectivePercent
  const rounded = Number(period.uptimePercentDisplay2dp)
  return objective !== undefined && rounded >= objective ? formatPercentValue(period.uptimePercent, 6) : `${period.uptimePercentDisplay2dp} %`
}

/**
 * How far past due a notice is: `4 h`, `2 h 15 min` (time past a ticket
 * target), `3 business days` (a milestone), `5 days` (a review).
 *
 * @param notice
 *   A notice of the report.
 */
export function overByText(notice: Pick<Notice, 'overBy' | 'overByUnit'>): string | undefined {
  if (notice.overBy === null || notice.overByUnit === null) return undefined
  if (notice.overByUnit === 'minutes') return formatMinutes(notice.overBy)
  return formatCount(notice.overBy, notice.overByUnit === 'business-days' ? 'business day' : 'day')
}

/**
 * A credit for people: `5 % of the monthly fee, EUR 60.00`.
 *
 * @param percent
 *   The credit in percent.
 * @param amount
 *   Its amount (`"60.00"`), or `null` without a monthly fee.
 * @param currency
 *   ISO code, or `null`.
 */
export function creditText(percent: number, amount: string | null, currency: string | null): string {
  return `${formatPercentValue(percent, 6)} of the monthly fee${amount === null ? '' : ', ' + formatMoney(amount, currency)}`
}

/** The line of a notice's credit. */
function creditLine(credit: NonNullable<Notice['credit']>, sla: Sla): BreachItem['lines'][number] {
  return {label: creditLabel(sla), value: [creditText(credit.percent, credit.amount, credit.currency)]}
}

/** `Service credit`, `Refund` or `Discount`, as the SLA's `consequences.form` says. */
function creditLabel(sla: Sla): string {
  return humanize(sla.consequences?.form ?? 'service-credit')
}

function timeValue(value: string, zone: string): LinePart {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateValue(value)
  const shown = formatInstantText(value, zone)
  return shown ? {text: shown.text, datetime: shown.iso} : value
}

function dateValue(date: string): LinePart {
  return {text: formatDate(date), datetime: date}
}

/**
 * The callouts of some items, built as the parser builds a Doks callout.
 *
 * @param items
 *   What to show.
 * @param position
 *   Where the shortcode that asked for them is.
 */
export function breachCallouts(items: readonly BreachItem[], position: Position | undefined): ContainerDirective[] {
  return items.map((item) =>
    calloutNode({
      context: item.context,
      title: item.title,
      icon: defaultCalloutIcons[item.context]!,
      children: [{type: 'list', ordered: false, start: null, spread: false, children: item.lines.map(lineItem)}],
      // The same lines as source, written here: serializing mdast costs more than the rest of the page.
      inner: item.lines.map((line) => `- **${escapeMarkdown(line.label)}:** ${escapeMarkdown(line.value.map(partText).join(''))}\n`).join(''),
      position
    })
  )
}

function lineItem(line: BreachItem['lines'][number]): ListItem {
  const children: PhrasingContent[] = [{type: 'strong', children: [{type: 'text', value: line.label + ':'}]}]
  // Text runs as one node, as the parser gives them; a date or time is a node of its own.
  let text = ' '
  for (const part of line.value) {
    if (typeof part === 'string') {
      text += part
      continue
    }

    if (text) children.push({type: 'text', value: text})
    children.push(timeText(part))
    text = ''
  }

  if (text) children.push({type: 'text', value: text})
  return {type: 'listItem', spread: false, checked: null, children: [{type: 'paragraph', children}]}
}

function partText(part: LinePart): string {
  return typeof part === 'string' ? part : part.text
}

/** A text node that renders as `<time datetime>`. */
function timeText(part: {text: string; datetime: string}): Text {
  return {type: 'text', value: part.text, data: {hName: 'time', hProperties: {dateTime: part.datetime}}}
}

/**
 * The `sla-breaches` content: a `div.sla-breaches` with the callouts and,
 * when credits were earned, the credits per period after the cap; without
 * anything to show, one line saying there were no breaches as of "now".
 *
 * @param inputs
 *   The SLA, its report and zone.
 * @param position
 *   Where the shortcode is.
 */
export function injectBreaches(inputs: BreachInputs, position: Position | undefined): SlaBlock {
  const {report, sla, zone} = inputs
  const items = breachItems(inputs)
  const children: BlockContent[] = [...breachCallouts(items, position)]
  if (items.length === 0) {
    const asOf = timeValue(report.asOf, zone)
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [{type: 'text', value: 'No breaches as of '}, typeof asOf === 'string' ? {type: 'text', value: asOf} : timeText(asOf), {type: 'text', value: '.'}]
    }
    children.push(paragraph)
  } else if (report.credits.length > 0) {
    children.push(creditSummary(sla, report))
  }

  return wrapperBlock({source: 'sla-breaches', tagName: 'div', properties: {className: ['sla-breaches'], dataSlaId: report.slaId}, position}, children)
}

/** `Refunds per month, after the cap of 20 %: October 2026: 5 %, EUR 60.00; November 2026: 2 %, EUR 24.00.` */
function creditSummary(sla: Sla, report: SlaReport): Paragraph {
  const label = humanize(sla.consequences?.form ?? 'service-credit') + 's per ' + (report.availability?.window ?? 'month')
  const parsedCap = sla.consequences?.cap === undefined ? undefined : parsePercent(sla.consequences.cap, {kind: 'cap'})
  const cap = parsedCap?.ok ? `, after the cap of ${formatExactPercent(parsedCap.value.microPercent)}` : ''
  const periods = report.credits.map(
    (period) => `${formatPeriod(period.period)}: ${formatPercentValue(period.creditPercent, 6)}${period.creditAmount === null ? '' : ', ' + formatMoney(period.creditAmount, period.currency)}`
  )
  return {type: 'paragraph', data: {hProperties: {className: ['sla-breaches-credits']}}, children: [{type: 'text', value: `${label}${cap}: ${periods.join('; ')}.`}]}
}
