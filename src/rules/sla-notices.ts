/**
 * The engine's notices as lint findings: each breach, at-risk cycle,
 * overdue milestone and due review of a page's SLA, at the data it is about.
 * Warnings by default, errors with `--fail-on-breach`.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {NoticeKind} from '../engine/notices.js'
import type {DataPath} from '../schema/finding.js'
import {breachItems, type LinePart} from '../transform/inject/breaches.js'
import {findingRange} from '../transform/report-findings.js'
import type {RuleContext} from './rule.js'

const expectations: Readonly<Record<NoticeKind, string>> = {
  breach: 'every target and objective met',
  'at-risk': 'the ticket handled before its target',
  'overdue-milestone': 'the milestone completed by its due date',
  'review-due': 'the review held by its date'
}

/**
 * Report the notices of one kind of the page's SLA report.
 *
 * @param kind
 *   Which notices.
 * @param file
 *   The page (after `remarkReport`).
 * @param context
 *   The rule's context.
 */
export function reportNotices(kind: NoticeKind, file: VFile, context: RuleContext<undefined>): void {
  const sla = file.data.sla
  const report = file.data.slaReport
  const locate = file.data.frontmatterLocate
  if (!sla || !report || !locate) return
  const items = breachItems({sla, report, zone: sla.timeZone ?? 'UTC'})
  report.notices.forEach((notice, index) => {
    if (notice.kind !== kind) return
    const item = items[index]!
    const range = findingRange({path: noticePath(notice, file)}, locate)
    context.report({
      reason: `Unexpected ${item.title.charAt(0).toLowerCase()}${item.title.slice(1)}, expected ${expectations[kind]}`,
      place: range,
      hint: item.lines.map((line) => `${line.label}: ${line.value.map(partText).join('')}`).join('; ')
    })
  })
}

function partText(part: LinePart): string {
  return typeof part === 'string' ? part : part.text
}

// The data a notice is about: its ticket, milestone, the availability
// objective or the review date (the nearest written value is used when the
// path is not in the page, as for tickets read from a `ticketsFile`).
function noticePath(notice: import('../engine/notices.js').Notice, file: VFile): DataPath {
  const raw = file.data.frontmatter?.sla as {tickets?: unknown; milestones?: unknown} | undefined
  const indexOf = (list: unknown, id: string | null) =>
    Array.isArray(list) ? list.findIndex((item) => typeof item === 'object' && item !== null && String((item as {id?: unknown}).id) === id) : -1
  if (notice.ticket !== null) {
    const index = indexOf(raw?.tickets, notice.ticket)
    return index === -1 ? ['sla', 'ticketsFile'] : ['sla', 'tickets', index, 'id']
  }

  if (notice.milestone !== null) {
    const index = indexOf(raw?.milestones, notice.milestone)
    return index === -1 ? ['sla', 'milestones'] : ['sla', 'milestones', index, 'id']
  }

  if (notice.period !== null) return ['sla', 'availability', 'objective']
  return notice.kind === 'review-due' ? ['sla', 'reviews', 'next'] : ['sla']
}

/** A check that reports one kind of notice. */
export function noticeCheck(kind: NoticeKind) {
  return (_tree: Root, file: VFile, context: RuleContext<undefined>): void => reportNotices(kind, file, context)
}

/**
 * A small SLA page for the SLA rules' examples: a two-hour first reply on
 * office hours, with `extra` lines added to the `sla:` block.
 *
 * @param extra
 *   YAML lines (indented two spaces) for the `sla:` block.
 */
export function exampleSlaPage(extra: string): string {
  return [
    '---',
    'title: Desk',
    'sla:',
    '  schema: 1',
    '  id: desk',
    '  timeZone: Europe/Amsterdam',
    '  effective: {from: 2026-01-01, to: 2026-12-31}',
    '  calendars:',
    '    office: {hours: {mon-fri: "09:00-17:00"}, holidays: [2026-12-25]}',
    '  priorities:',
    '    P1: {label: Critical}',
    '  targets:',
    '    first-response: {measure: first-response, calendar: office, goals: {P1: 2h}, pauseOn: []}',
    extra.replace(/\n$/, ''),
    '---',
    ''
  ].join('\n')
}
