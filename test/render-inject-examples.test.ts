import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Element} from 'hast'
import {toString} from 'mdast-util-to-string'
import type {ContainerDirective} from 'mdast-util-directive'
import {globSync} from 'tinyglobby'
import {describe, expect, it} from 'vitest'
import {computeReport, type SlaReport} from '../src/engine/report.js'
import {parsePage} from '../src/syntax/index.js'
import type {Sla} from '../src/schema/sla.js'
import {parseDuration, parsePercent} from '../src/schema/values/index.js'
import {
  formatCount,
  formatDate,
  formatDateRange,
  formatDurationWords,
  formatExactPercent,
  formatInstantText,
  formatMinutes,
  formatMoney,
  formatPercentValue,
  formatPeriod,
  humanize
} from '../src/transform/inject/format.js'
import type {SlaBlock, SlaInline} from '../src/transform/inject/nodes.js'
import {byClass, callouts, injected, root, runPage, selectAll, textOf} from './fixtures/render/inject/helpers.js'
import {examplesRoot, projectRoot} from './support/tree.js'

/**
 * The content examples with their SLA shortcodes filled, each injected value
 * checked against the report `computeReport` gives for the same data and
 * "now" (computed here again, independently of the plugin), formatted with
 * the same helpers.
 */

const pages = globSync('**/*.md', {cwd: examplesRoot})
  .sort()
  .map((name) => ({name, source: readFileSync(path.join(examplesRoot, name), 'utf8')}))
  .filter((page) => /\{\{<\s*sla-/.test(page.source))

// After the project's end and the support desk's fixed `asOf`; and in the middle of the project.
const instants = ['2026-11-22T12:00:00+01:00', '2026-05-27T10:00:00-04:00']

/** The calendar kind a target's goal for a priority is measured on, read from the data here. */
function goalKind(sla: Sla, target: string, priority: string): 'business' | '24x7' {
  const definition = sla.targets![target]!
  const name = definition.goalCalendars?.[priority] ?? definition.calendar
  return name === '24x7' || sla.calendars?.[name] === '24x7' ? '24x7' : 'business'
}

/** What an `sla-value` path of the examples must show. */
function expectedValue(sla: Sla, valuePath: string): string {
  const goal = /^targets\.([^.]+)\.goals\.([^.]+)$/.exec(valuePath)
  if (goal) {
    const written = sla.targets![goal[1]!]!.goals[goal[2]!]!
    const parsed = parseDuration(written)
    if (!parsed.ok) throw new Error(parsed.problem.reason)
    return formatDurationWords(parsed.value, goalKind(sla, goal[1]!, goal[2]!), written)
  }

  if (valuePath === 'availability.objective') {
    const parsed = parsePercent(sla.availability!.objective)
    if (!parsed.ok) throw new Error(parsed.problem.reason)
    return formatExactPercent(parsed.value.microPercent)
  }

  throw new Error(`Unexpected path \`${valuePath}\` in an example, expected one this test knows how to check`)
}

function bodyLines(callout: ContainerDirective): string[] {
  return callout.children.flatMap((child) => (child.type === 'list' ? child.children.map((item) => toString(item)) : [toString(child)]))
}

function hastOf(node: SlaBlock | SlaInline) {
  return root((node.data.hChildren ?? []) as Element[])
}

describe.each(pages.map((page) => [page.name, page] as const))('%s', (_name, page) => {
  describe.each(instants)('as of %s', (asOf) => {
    it('should compute the same report as the engine and fill every call without a warning', async () => {
      const {tree, file} = await runPage(page.source, {asOf, path: page.name})
      expect(file.data.sla).toBeDefined()
      expect(file.data.slaReport).toEqual(computeReport(file.data.sla!, asOf))
      expect(file.messages.filter((message) => message.ruleId?.startsWith('sla-') && message.ruleId !== 'sla-id-duplicate')).toEqual([])
      const calls = [...page.source.matchAll(/\{\{<\s*(sla-[a-z]+)/g)].map((match) => match[1]!)
      expect(calls.filter((name) => injected(tree, name).length === 0)).toEqual([])
    })

    it('should show each `sla-value` as the data says', async () => {
      const {tree, file} = await runPage(page.source, {asOf, path: page.name})
      for (const node of injected(tree, 'sla-value') as Array<SlaBlock | SlaInline>) {
        const valuePath = String(node.data.hProperties?.dataSlaPath)
        expect(textOf(hastOf(node))).toBe(expectedValue(file.data.sla!, valuePath))
      }
    })

    it('should show each target, goal and compliance of the report', async () => {
      const {tree, file} = await runPage(page.source, {asOf, path: page.name})
      const sla = file.data.sla!
      const report = computeReport(sla, asOf)
      for (const node of injected(tree, 'sla-targets') as SlaBlock[]) {
        const table = hastOf(node)
        const rows = selectAll(table, (element) => element.tagName === 'tr' && element.properties.dataTarget !== undefined)
        expect(rows.map((row) => row.properties.dataTarget)).toEqual(Object.keys(sla.targets!))
        for (const row of rows) {
          const target = String(row.properties.dataTarget)
          for (const cell of selectAll(row, (element) => element.properties.dataPriority !== undefined)) {
            const priority = String(cell.properties.dataPriority)
            const written = sla.targets![target]!.goals[priority]
            if (written === undefined) {
              expect(textOf(cell)).toBe('—')
              continue
            }

            const parsed = parseDuration(written)
            expect(parsed.ok).toBe(true)
            if (parsed.ok) expect(textOf(cell).startsWith(formatDurationWords(parsed.value, goalKind(sla, target, priority), written))).toBe(true)
          }

          const compliance = report.compliance.find((item) => item.target === target)!
          const shown = textOf(byClass(row, 'sla-targets-compliance'))
          if (compliance.compliancePercent === null) {
            expect(shown.startsWith('no finished cycles yet')).toBe(true)
          } else {
            expect(shown.startsWith(formatPercentValue(compliance.compliancePercent))).toBe(true)
            expect(shown).toContain(`${compliance.met} of ${formatCount(compliance.met + compliance.breached, 'cycle')} met`)
            if (compliance.open > 0) expect(shown).toContain(`${compliance.open} open`)
          }
        }
      }
    })

    it('should show each notice of the report, breached periods and late milestones among them', async () => {
      const {tree, file} = await runPage(page.source, {asOf, path: page.name})
      const sla = file.data.sla!
      const report: SlaReport = computeReport(sla, asOf)
      const zone = report.timeZone
      // The engine, not the renderer, says what is a breach: one notice per breached period and late milestone.
      const periods = (report.availability?.periods ?? []).filter((period) => period.breached)
      const late = (report.milestones?.milestones ?? []).filter((milestone) => milestone.status === 'breached')
      expect(report.notices.filter((notice) => notice.period !== null).map((notice) => notice.period)).toEqual(periods.map((period) => period.period))
      expect(report.notices.filter((notice) => notice.kind === 'breach' && notice.milestone !== null).map((notice) => notice.milestone)).toEqual(late.map((milestone) => milestone.id))

      for (const node of injected(tree, 'sla-breaches') as SlaBlock[]) {
        const found = callouts(node)
        expect(found).toHaveLength(report.notices.length)
        report.notices.forEach((notice, index) => {
          const callout = found[index]!
          const lines = bodyLines(callout)
          // The title is Markdown, as in any callout: read it as the renderer will.
          const title = toString(parsePage(callout.data?.callout?.title ?? '').tree)
          const due = notice.due === null ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(notice.due) ? formatDate(notice.due) : formatInstantText(notice.due, zone)!.text
          const over =
            notice.overBy === null ? undefined : notice.overByUnit === 'minutes' ? formatMinutes(notice.overBy) : formatCount(notice.overBy, notice.overByUnit === 'business-days' ? 'business day' : 'day')
          const credit =
            notice.credit === null ? undefined : `${formatPercentValue(notice.credit.percent)} of the monthly fee${notice.credit.amount === null ? '' : `, ${formatMoney(notice.credit.amount, notice.credit.currency)}`}`
          expect(callout.data?.callout?.context).toBe(notice.kind === 'breach' ? 'danger' : 'caution')

          if (notice.period !== null) {
            const period = periods.find((item) => item.period === notice.period)!
            expect(title).toBe(`Missed availability objective: ${formatPeriod(period.period)}`)
            expect(lines[0]!.startsWith(`Uptime: ${period.uptimePercentDisplay2dp} %`)).toBe(true)
            expect(lines.slice(1)).toEqual([`Downtime: ${formatMinutes(period.downtimeMinutes)}`, ...(credit === undefined ? [] : [`${humanize(sla.consequences?.form ?? 'service-credit')}: ${credit}`])])
            // The tier credit the notice carries is the period's.
            expect(notice.credit?.percent ?? 0).toBe(period.creditPercent)
          } else if (notice.kind === 'breach' && notice.milestone !== null) {
            const milestone = late.find((item) => item.id === notice.milestone)!
            expect(title).toBe(`Milestone completed late: ${milestone.title}`)
            expect([notice.due, notice.at, notice.overBy]).toEqual([milestone.dueAt, milestone.completed, milestone.businessDaysLate])
            expect(lines).toEqual([`Due: ${due}`, `Completed: ${formatDate(milestone.completed!)}`, `Late by: ${formatCount(milestone.businessDaysLate, 'business day')}`])
          } else {
            expect(title.endsWith(notice.subject)).toBe(true)
            if (due !== undefined) expect(lines).toContain(`Due: ${due}`)
            if (over !== undefined) expect(lines.some((line) => line.endsWith(`: ${over}`))).toBe(true)
            if (credit !== undefined) expect(lines.some((line) => line.endsWith(`: ${credit}`))).toBe(true)
            if (notice.percentOfTarget !== null && notice.kind === 'at-risk') expect(lines).toContain(`Target used: ${formatPercentValue(notice.percentOfTarget)}`)
            if (notice.notify !== null) expect(lines).toContain(`Escalated to: ${notice.notify}`)
          }
        })

        const summary = toString(node.children.at(-1)!)
        if (found.length === 0) {
          expect(summary).toBe(`No breaches as of ${formatInstantText(report.asOf, zone)!.text}.`)
        } else {
          for (const credit of report.credits) {
            const amount = credit.creditAmount === null ? '' : `, ${formatMoney(credit.creditAmount, credit.currency)}`
            expect(summary).toContain(`${formatPeriod(credit.period)}: ${formatPercentValue(credit.creditPercent)}${amount}`)
          }
        }
      }
    })

    it('should show each milestone of the report in the chart and the table', async () => {
      const {tree, file} = await runPage(page.source, {asOf, path: page.name})
      const report = computeReport(file.data.sla!, asOf)
      for (const node of injected(tree, 'sla-timeline') as SlaBlock[]) {
        const milestones = report.milestones!.milestones
        const figure = hastOf(node)
        expect(textOf(selectAll(figure, (element) => element.tagName === 'figcaption'))).toBe(`Milestones as of ${formatInstantText(report.asOf, report.timeZone)!.text}`)
        expect(byClass(figure, 'sla-timeline-bar').map((bar) => bar.properties.dataMilestone)).toEqual(milestones.map((milestone) => milestone.id))

        const rows = selectAll(byClass(figure, 'sla-timeline-table'), (element) => element.tagName === 'tr' && element.properties.dataMilestone !== undefined)
        expect(rows.map((row) => row.properties.dataMilestone)).toEqual(milestones.map((milestone) => milestone.id))
        milestones.forEach((milestone, index) => {
          const cells = rows[index]!.children.map((cell) => textOf(cell))
          expect(cells[0]).toBe(milestone.title)
          expect(cells[1]!.startsWith(formatDate(milestone.startDate))).toBe(true)
          expect(cells.slice(2, 5)).toEqual([formatDate(milestone.baseDueDate), formatDate(milestone.dueDate), milestone.completed === null ? 'not yet' : formatDate(milestone.completed)])
          const late = formatCount(milestone.businessDaysLate, 'business day')
          expect(cells[5]).toBe({met: 'Met', open: 'Open', breached: `Late by ${late}`, overdue: `Overdue by ${late}`}[milestone.status])
          const group = selectAll(figure, (element) => element.tagName === 'g' && element.properties.dataMilestone === milestone.id)[0]!
          expect(group.properties.dataStatus).toBe(milestone.status)
          for (const delay of milestone.delays) {
            expect(cells[6]).toContain(`${formatDateRange(delay.from, delay.to)}${delay.note === null ? '' : ': ' + delay.note} (${formatCount(delay.countedDays, 'business day')} counted)`)
            if (delay.countedDays > 0) expect(byClass(group, 'sla-timeline-delay').map((mark) => mark.properties.dataReason)).toContain(delay.reason)
          }

          if (milestone.extension) expect(cells[6]).toContain(`Extension of ${formatCount(milestone.extension.days, 'business day')}: ${milestone.extension.reason}`)
          expect(byClass(group, 'sla-timeline-overdue')).toHaveLength(milestone.status === 'overdue' ? 1 : 0)
          expect(byClass(group, 'sla-timeline-completed')).toHaveLength(milestone.completed === null ? 0 : 1)
        })
      }
    })
  })
})

describe('content examples', () => {
  it('should have the pages that use SLA shortcodes', () => {
    expect(pages.map((page) => page.name)).toEqual(['docs/managed-hosting-sla.md', 'docs/project-delivery-sla/index.md', 'docs/support-desk-sla.md', 'docs/website-care-sla.md'])
  })

  it('should have availability and milestone breaches among their notices', async () => {
    const found: unknown[] = []
    for (const page of pages) {
      for (const asOf of instants) {
        const {file} = await runPage(page.source, {asOf, path: page.name})
        for (const notice of file.data.slaReport!.notices) {
          if (notice.period !== null || (notice.kind === 'breach' && notice.milestone !== null)) found.push([page.name, asOf, notice.subject, notice.overBy, notice.overByUnit])
        }
      }
    }

    // February: 45 minutes down against 0.05 % of 40,320 (20.16); August: a 90-minute window announced late against 22.32.
    expect(found).toEqual([
      ['docs/managed-hosting-sla.md', instants[0], 'Availability 2026-02', 24.84, 'minutes'],
      ['docs/managed-hosting-sla.md', instants[0], 'Availability 2026-08', 67.68, 'minutes'],
      ['docs/managed-hosting-sla.md', instants[1], 'Availability 2026-02', 24.84, 'minutes'],
      ['docs/project-delivery-sla/index.md', instants[0], 'Launch', 2, 'business-days'],
      ['docs/project-delivery-sla/index.md', instants[1], 'Launch', 2, 'business-days']
    ])
  })

  it('should give byte-identical HTML under any process time zone and locale', () => {
    const script = path.join(projectRoot, 'test', 'fixtures', 'render', 'inject', 'print-examples.ts')
    const runs = [
      {TZ: 'UTC', LANG: 'C', LC_ALL: 'C'},
      {TZ: 'Asia/Kolkata', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8'},
      {TZ: 'America/Los_Angeles', LANG: 'ar_EG.UTF-8', LC_ALL: 'ar_EG.UTF-8'}
    ].map((env) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], {env: {...process.env, ...env}, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
      if (run.status !== 0) throw new Error(`Unexpected exit ${String(run.status)} under TZ=${env.TZ}: ${run.stderr}`)
      return run.stdout
    })
    expect(runs[0]).toContain('class="sla-timeline-bar')
    expect(runs[0]).toContain('class="sla-breach-notice"')
    expect(runs[1]).toBe(runs[0])
    expect(runs[2]).toBe(runs[0])
  })
})
