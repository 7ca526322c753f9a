import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Paragraph, Root} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {toMarkdown} from 'mdast-util-to-markdown'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {remarkFrontmatterData} from '../src/frontmatter/plugin.js'
import {parsePage} from '../src/syntax/index.js'
import {hugoToMarkdown} from '../src/syntax/to-markdown.js'
import {calloutNode, escapeMarkdown, remarkInjectSla} from '../src/transform/inject/index.js'
import type {SlaBlock, SlaInline} from '../src/transform/inject/nodes.js'
import {formatValue} from '../src/transform/inject/value.js'
import {remarkReport} from '../src/transform/remark-report.js'
import {remarkValidate} from '../src/transform/remark-validate.js'
import {brief} from './support/messages.js'
import {byClass, callouts, injected, mdastNodes, root, runPage, selectAll, textOf, toHtmlText} from './fixtures/render/inject/helpers.js'

const unitPage = readFileSync(new URL('fixtures/render/inject/unit-sla.md', import.meta.url), 'utf8')
// Wednesday noon: T-1's first reply (goal 1 h round the clock) came 2 h 15 min late, T-2 has used 3 of its 4
// office hours, and Build (due Tuesday after a one-day approval delay) is one business day overdue.
const asOf = '2026-03-11T12:00:00+01:00'

/** The front matter of the unit page and a body of our own. */
function withBody(body: string): string {
  const end = unitPage.indexOf('\n---\n', 4) + 5
  return unitPage.slice(0, end) + '\n' + body
}

/** The content of the only node one shortcode made. */
function only(tree: Root, source: string): SlaBlock | SlaInline {
  const found = injected(tree, source)
  expect(found).toHaveLength(1)
  return found[0] as SlaBlock | SlaInline
}

/** An mdast body as one line per block, for callout bodies. */
function lines(node: ContainerDirective): string[] {
  return node.children.flatMap((child) => (child.type === 'list' ? child.children.map((item) => toString(item)) : [toString(child)]))
}

/** Characters that mean something in Markdown, GFM, directives or Hugo, and some that make words around them. */
const markdownish = fc.constantFrom(...'*_<>&[]()`~#-+.!|\\{}%:/@=^$"\'\n\t wh1aA'.split(''), 'www.', 'http://', '{{<', '{{%', ':::', '&amp;', '<b>', '[^1]', '    ')

/** A tree without positions or offsets, to compare shapes. */
function shape(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, item) => (['position', 'start', 'end', 'valueStart', 'open', 'close'].includes(key) ? undefined : item)))
}

describe('sla-value', () => {
  it('should replace an inline call with a span of the value in words', async () => {
    const {tree, file} = await runPage(withBody('Within {{< sla-value "targets.first-response.goals.P2" >}} of office time.\n'), {asOf})
    const paragraph = tree.children.at(-1) as Paragraph
    expect(paragraph.children.map((child) => child.type)).toEqual(['text', 'slaInline', 'text'])
    expect(paragraph.children[1]).toEqual({
      type: 'slaInline',
      value: '4 business hours',
      data: {
        sla: {source: 'sla-value'},
        hName: 'span',
        hProperties: {className: ['sla-value'], dataSlaPath: 'targets.first-response.goals.P2'},
        hChildren: [{type: 'text', value: '4 business hours'}]
      },
      position: {start: {line: 51, column: 8, offset: expect.any(Number)}, end: {line: 51, column: 59, offset: expect.any(Number)}}
    })
    expect(toHtmlText(paragraph)).toBe('<p>Within <span class="sla-value" data-sla-path="targets.first-response.goals.P2">4 business hours</span> of office time.</p>')
    // Heading ids and search read the text.
    expect(toString(paragraph)).toBe('Within 4 business hours of office time.')
    expect(file.messages).toEqual([])
  })

  it('should read a value alone in its paragraph as a block, without a paragraph around it', async () => {
    const {tree} = await runPage(withBody('{{< sla-value path="effective.to" >}}\n'), {asOf})
    const node = only(tree, 'sla-value')
    expect(node.type).toBe('slaBlock')
    expect(toHtmlText(node)).toBe('<span class="sla-value" data-sla-path="effective.to"><time datetime="2026-12-31">31 December 2026</time></span>')
  })

  it.each([
    ['targets.first-response.goals.P1', '1 hour'],
    ['targets.resolution.goals.P2', '3 business days'],
    ['consequences.perBreach.first-response.P1', '5 %'],
    ['consequences.monthlyFee', 'EUR 1,000'],
    ['consequences.cap', '30 %'],
    ['escalation.1.notify', 'Director'],
    ['tickets.T-1.opened', '2 March 2026, 10:00 Amsterdam time'],
    ['milestones.build.delays.0.reason', 'approval'],
    ['milestones.plan.duration', '2 business days'],
    ['report.compliance.first-response.compliancePercent', '0 %'],
    ['report.compliance.resolution.open', '1'],
    ['report.tickets.T-1.targets.first-response.0.elapsedBusinessMinutes', '2 h 15 min'],
    ['report.tickets.T-1.targets.first-response.0.goal', '1 hour'],
    ['report.tickets.T-2.targets.first-response.0.percentOfTarget', '75 %'],
    ['report.tickets.T-1.targets.first-response.0.breached', 'yes'],
    ['report.tickets.T-2.targets.first-response.0.stoppedAt', 'none'],
    ['report.notices.0.credit.amount', 'EUR 50.00'],
    ['report.notices.2.overBy', '1 business day'],
    ['report.milestones.milestones.build.dueAt', '10 March 2026, 17:00 Amsterdam time'],
    ['report.milestones.milestones.build.extensionBusinessDays', '1 business day'],
    ['report.credits.2026-03.creditPercent', '5 %'],
    ['report.asOf', '11 March 2026, 12:00 Amsterdam time']
  ])('should show %s as %s', async (path, expected) => {
    const {tree, file} = await runPage(withBody(`Value: {{< sla-value "${path}" >}}\n`), {asOf})
    expect(textOf(root((only(tree, 'sla-value').data.hChildren ?? []) as Element[]))).toBe(expected)
    expect(file.messages).toEqual([])
  })

  it.each([
    [99.5, ['consequences', 'monthlyFee'], {}, 'EUR 99.50'],
    [7, ['availability', 'maintenance', 'noticeDays'], {}, '7 days'],
    [2, ['milestones', '0', 'businessDaysLate'], {}, '2 business days'],
    [3, ['milestones', '0', 'extension', 'days'], {}, '3 business days'],
    [99.888392, ['availability', 'periods', '1', 'uptimePercent'], {}, '99.888392 %'],
    ['99.89', ['availability', 'periods', '1', 'uptimePercentDisplay2dp'], {}, '99.89 %'],
    ['<= 4h', ['kpis', 'x', 'objective'], {}, 'at most 4 hours'],
    ['2m', ['availability', 'minimumIncident'], {}, '2 minutes'],
    [['email', 'phone'], ['support', 'channels'], {}, 'email and phone'],
    [1234, ['tickets', '0', 'id'], {}, '1234'],
    [12_345, ['tickets', '0', 'count'], {}, '12,345'],
    [false, ['pauseReasons', 'x', 'suspends'], {}, 'no']
  ] as const)('should format %j at %j', async (value, keys, parent, expected) => {
    const {file} = await runPage(unitPage, {asOf})
    const context = {sla: file.data.sla!, report: file.data.slaReport!, zone: 'Europe/Amsterdam'}
    expect(formatValue(value, {root: 'sla', keys: [...keys], parent}, context)).toEqual({text: expected})
  })

  it('should warn at the call, with a did-you-mean, about a path that leads nowhere', async () => {
    const {tree, file} = await runPage(withBody('Goal: {{< sla-value "targets.resolution.goals.P3" >}} and {{< sla-value "compliance.resolution.met" >}}.\n'), {asOf})
    expect(injected(tree, 'sla-value')).toEqual([])
    expect(brief(file)).toEqual(['51:7-51:54 sla-value-unknown-path warning', '51:59-51:104 sla-value-unknown-path warning'])
    const [first, second] = file.messages
    expect(first!.reason).toBe('Unexpected `targets.resolution.goals.P3`: no `P3` in `targets.resolution.goals`, expected one of `P1`, `P2`')
    expect(first!.note).toBe('Did you mean `targets.resolution.goals.P1`?')
    expect(first!.expected).toEqual(['targets.resolution.goals.P1'])
    expect(first!.url).toBe('https://github.com/slamark/slamark#sla-value-unknown-path')
    expect(second!.note).toBe('Did you mean `report.compliance.resolution.met`?')
    expect(toString(tree.children.at(-1)!)).toBe('Goal:  and .')
  })

  it('should not follow inherited keys', async () => {
    const {file} = await runPage(withBody('{{< sla-value "parties.constructor" >}} {{< sla-value "id.length" >}} {{< sla-value "__proto__" >}}\n'), {asOf})
    expect(file.messages.map((message) => message.ruleId)).toEqual(['sla-value-unknown-path', 'sla-value-unknown-path', 'sla-value-unknown-path'])
  })

  it('should warn about a missing path and about a mapping', async () => {
    const {tree, file} = await runPage(withBody('{{< sla-value >}}\n\n{{< sla-value "targets.resolution" >}}\n'), {asOf})
    expect(injected(tree, 'sla-value')).toEqual([])
    expect(brief(file)).toEqual(['51:1-51:18 sla-value-missing-path warning', '53:1-53:39 sla-value-not-scalar warning'])
    expect(file.messages[1]!.reason).toBe('Unexpected mapping at `targets.resolution`, expected a path to one value such as `targets.resolution.measure`')
  })
})

describe('sla-targets', () => {
  it('should give a table of targets by priority with their compliance', async () => {
    const {tree, file} = await runPage(withBody('{{< sla-targets >}}\n'), {asOf})
    const node = only(tree, 'sla-targets') as SlaBlock
    expect(node.type).toBe('slaBlock')
    expect(node.data.hName).toBe('div')
    expect(node.data.hProperties).toEqual({className: ['sla-targets'], dataSlaId: 'unit-sla'})
    const table = root(node.data.hChildren ?? [])
    expect(textOf(selectAll(table, (element) => element.tagName === 'caption'))).toBe('Targets per priority, with compliance as of 11 March 2026, 12:00 Amsterdam time')
    const rows = selectAll(table, (element) => element.tagName === 'tr').map((row) => row.children.map((cell) => textOf(cell)))
    expect(rows).toEqual([
      ['Target', 'Calendar', 'P1 Critical', 'P2 High', 'Compliance'],
      ['First response', 'office', '1 hour (calendar: always)', '4 business hours', '0 % (0 of 1 cycle met, 1 open)'],
      ['Resolution', 'office', '1 business day', '3 business days', '100 % (1 of 1 cycle met, 1 open)']
    ])
    expect(toHtml(selectAll(table, (element) => element.tagName === 'tr')[1]!)).toBe(
      '<tr data-target="first-response"><th scope="row">First response</th><td>office</td><td data-priority="P1">1 hour (calendar: always)</td>' +
        '<td data-priority="P2">4 business hours</td><td class="sla-targets-compliance">0 % (0 of 1 cycle met, 1 open)</td></tr>'
    )
    expect(file.messages).toEqual([])
  })

  it('should say a target without finished cycles has none', async () => {
    const {tree} = await runPage(withBody('{{< sla-targets >}}\n'), {asOf: '2026-03-01T12:00:00+01:00'})
    const cells = byClass(root((only(tree, 'sla-targets') as SlaBlock).data.hChildren ?? []), 'sla-targets-compliance').map((cell) => textOf(cell))
    expect(cells).toEqual(['no finished cycles yet', 'no finished cycles yet'])
  })

  it('should warn inside a sentence, and with parameters, and on an SLA without targets', async () => {
    const inline = await runPage(withBody('See {{< sla-targets >}} here.\n\n{{< sla-targets "wide" >}}\n'), {asOf})
    expect(brief(inline.file)).toEqual(['51:5-51:24 sla-shortcode-inline warning', '53:1-53:27 sla-shortcode-param warning'])
    expect(inline.file.messages[0]!.reason).toBe('Unexpected `sla-targets` inside a sentence, expected it alone in its paragraph')
    // The section still shows with a parameter it ignores.
    expect(injected(inline.tree, 'sla-targets')).toHaveLength(1)

    const bare = await runPage('---\nsla:\n  schema: 1\n  id: bare\n---\n\n{{< sla-targets >}}\n\n{{< sla-timeline >}}\n', {asOf})
    expect(brief(bare.file)).toEqual(['7:1-7:20 sla-shortcode-empty warning', '9:1-9:21 sla-shortcode-empty warning'])
    expect(bare.file.messages.map((message) => message.reason)).toEqual([
      'Unexpected `sla-targets` on an SLA without `targets`, expected targets to show',
      'Unexpected `sla-timeline` on an SLA without `milestones`, expected milestones to show'
    ])
    expect(bare.tree.children.map((child) => child.type)).toEqual(['yaml'])
  })
})

describe('sla-timeline', () => {
  it('should draw one bar per milestone, delays by reason, the overdue part and "now"', async () => {
    const {tree, file} = await runPage(withBody('{{< sla-timeline >}}\n'), {asOf})
    expect(file.messages).toEqual([])
    const node = only(tree, 'sla-timeline') as SlaBlock
    expect(node.data.hName).toBe('figure')
    expect(node.data.hProperties).toEqual({className: ['sla-timeline'], dataSlaId: 'unit-sla'})
    const figure = root(node.data.hChildren ?? [])
    expect(textOf(selectAll(figure, (element) => element.tagName === 'figcaption'))).toBe('Milestones as of 11 March 2026, 12:00 Amsterdam time')

    // The chart runs from 2 to 13 March: 11 days over 736 units. Work on Plan
    // runs from the day after its start (3 March) to the end of 4 March.
    const bars = byClass(figure, 'sla-timeline-bar')
    expect(bars.map((bar) => bar.properties.dataMilestone)).toEqual(['plan', 'build'])
    expect(toHtml(bars[0]!, {space: 'svg'})).toBe(
      '<rect class="sla-timeline-bar sla-timeline-bar-met" data-milestone="plan" x="78.9" y="48" width="133.8" height="12" rx="2" fill="#2f9e44">' +
        '<title>Plan &#x3C;b>&#x26;&#x3C;/b> "scope": due 4 March 2026, met</title></rect>'
    )
    // Build: from 5 March to the end of its adjusted due date, 10 March (baseline 9 March).
    expect([bars[1]!.properties.x, bars[1]!.properties.width]).toEqual(['212.7', '401.5'])
    expect(byClass(figure, 'sla-timeline-baseline').map((bar) => bar.properties.width)).toEqual(['133.8', '334.5'])
    const delays = byClass(figure, 'sla-timeline-delay')
    expect(delays.map((delay) => [delay.properties.dataReason, delay.properties.x, delay.properties.width, textOf(delay)])).toEqual([
      ['approval', '212.7', '66.9', 'Approval, 5 March 2026: Sign-off (1 business day counted)']
    ])
    // Overdue from the end of 10 March to noon on 11 March, where the "now" line is.
    expect(byClass(figure, 'sla-timeline-overdue').map((bar) => [bar.properties.x, bar.properties.width])).toEqual([['614.2', '33.5']])
    expect(selectAll(byClass(figure, 'sla-timeline-as-of'), (element) => element.tagName === 'line').map((line) => line.properties.x1)).toEqual(['647.6'])
    expect(byClass(figure, 'sla-timeline-completed')).toHaveLength(1)
    expect(byClass(figure, 'sla-timeline-axis').flatMap((axis) => selectAll(axis, (element) => element.tagName === 'text').map((text) => textOf(text)))).toEqual([
      '2 Mar',
      '9 Mar'
    ])
  })

  it('should give the same facts as a table', async () => {
    const {tree} = await runPage(withBody('{{< sla-timeline >}}\n'), {asOf})
    const figure = root((only(tree, 'sla-timeline') as SlaBlock).data.hChildren ?? [])
    const table = byClass(figure, 'sla-timeline-table')[0]!
    const rows = selectAll(table, (element) => element.tagName === 'tr')
    expect(rows.map((row) => row.properties.dataMilestone ?? null)).toEqual([null, 'plan', 'build'])
    expect(rows.map((row) => row.children.map((cell) => textOf(cell)))).toEqual([
      ['Milestone', 'Start', 'Baseline due', 'Due', 'Completed', 'Status', 'Client delays and extensions'],
      ['Plan <b>&</b> "scope"', '2 March 2026', '4 March 2026', '4 March 2026', '4 March 2026', 'Met', 'none'],
      ['Build', '4 March 2026, after Plan <b>&</b> "scope"', '9 March 2026', '10 March 2026', 'not yet', 'Overdue by 1 business day', 'Approval, 5 March 2026: Sign-off (1 business day counted)']
    ])
    expect(selectAll(table, (element) => element.tagName === 'th').map((cell) => cell.properties.scope)).toEqual([
      'col', 'col', 'col', 'col', 'col', 'col', 'col', 'row', 'row'
    ])
  })

  it('should leave out the "now" line when now is far from the plan', async () => {
    const {tree} = await runPage(withBody('{{< sla-timeline >}}\n'), {asOf: '2025-11-22T12:00:00+01:00'})
    const figure = root((only(tree, 'sla-timeline') as SlaBlock).data.hChildren ?? [])
    expect(byClass(figure, 'sla-timeline-as-of')).toEqual([])
    expect(textOf(selectAll(figure, (element) => element.tagName === 'figcaption'))).toBe('Milestones as of 22 November 2025, 12:00 Amsterdam time')
  })

  it('should escape every title and note it shows', async () => {
    const {tree} = await runPage(withBody('{{< sla-timeline >}}\n'), {asOf})
    const html = toHtmlText(tree)
    expect(html).not.toContain('<b>')
    expect(html).toContain('Plan &#x3C;b>&#x26;&#x3C;/b> "scope"')
  })
})

describe('sla-breaches', () => {
  it('should show each breach as a danger callout and each warning as a caution callout', async () => {
    const {tree, file} = await runPage(withBody('{{< sla-breaches >}}\n'), {asOf})
    expect(file.messages).toEqual([])
    const node = only(tree, 'sla-breaches') as SlaBlock
    expect(node.data.hName).toBe('div')
    expect(node.data.hProperties).toEqual({className: ['sla-breaches'], dataSlaId: 'unit-sla'})
    const found = callouts(node)
    expect(found.map((callout) => [callout.data?.callout?.context, callout.data?.callout?.icon, callout.data?.callout?.title])).toEqual([
      ['danger', 'outline/alert-octagon', 'Missed target\\: T\\-1 first\\-response'],
      ['caution', 'outline/alert-triangle', 'At risk\\: T\\-2 first\\-response'],
      ['caution', 'outline/alert-triangle', 'Overdue milestone\\: Build']
    ])
    expect(found.map(lines)).toEqual([
      ['Due: 2 March 2026, 11:00 Amsterdam time', 'Over by: 1 h 15 min', 'Service credit: 5 % of the monthly fee, EUR 50.00', 'Escalated to: Director'],
      ['Due: 11 March 2026, 13:00 Amsterdam time', 'Target used: 75 %', 'Escalated to: Team lead'],
      ['Due: 10 March 2026, 17:00 Amsterdam time', 'Late by: 1 business day']
    ])
    expect(toString(node.children.at(-1)!)).toBe('Service credits per month, after the cap of 30 %: March 2026: 5 %, EUR 50.00.')
    expect(toHtmlText(found[0]!.children[0]!)).toBe(
      '<ul>\n<li><strong>Due:</strong> <time datetime="2026-03-02T11:00:00+01:00">2 March 2026, 11:00 Amsterdam time</time></li>\n' +
        '<li><strong>Over by:</strong> 1 h 15 min</li>\n<li><strong>Service credit:</strong> 5 % of the monthly fee, EUR 50.00</li>\n' +
        '<li><strong>Escalated to:</strong> Director</li>\n</ul>'
    )
  })

  it('should show the availability and late-milestone breaches of the engine among the others, in its order', async () => {
    // An hour down in February (40,320 minutes, 40.32 allowed at 99.9 %) and one so far in March (743 hours in
    // Amsterdam, 44.58 allowed); Build, due 10 March, completed on the 11th.
    const source = unitPage
      .replace(
        '  consequences:',
        '  availability:\n    objective: 99.9%\n    window: month\n    incidents:\n' +
          '      - {from: 2026-02-10T10:00:00+01:00, to: 2026-02-10T11:00:00+01:00}\n' +
          '      - {from: 2026-03-05T10:00:00+01:00, to: 2026-03-05T11:00:00+01:00}\n' +
          '    creditTiers: [{below: 99.9%, credit: 10%}]\n  consequences:'
      )
      .replace('        - {from: 2026-03-05, to: 2026-03-05, reason: approval, note: Sign-off}\n', '        - {from: 2026-03-05, to: 2026-03-05, reason: approval, note: Sign-off}\n      completed: 2026-03-11\n')
    const {tree, file} = await runPage(source.slice(0, source.indexOf('\n---\n', 4) + 5) + '\n{{< sla-breaches >}}\n', {asOf})
    expect(file.messages).toEqual([])
    expect(file.data.slaReport!.notices.map((notice) => [notice.kind, notice.subject, notice.overBy, notice.overByUnit, notice.credit?.amount ?? null])).toEqual([
      ['breach', 'Availability 2026-02', 19.68, 'minutes', '100.00'],
      ['breach', 'T-1 first-response', 75, 'minutes', '50.00'],
      ['breach', 'Build', 1, 'business-days', null],
      ['breach', 'Availability 2026-03', 15.42, 'minutes', '100.00'],
      ['at-risk', 'T-2 first-response', null, null, null]
    ])
    const node = only(tree, 'sla-breaches') as SlaBlock
    const found = callouts(node)
    expect(found.map((callout) => [callout.data?.callout?.context, callout.data?.callout?.title])).toEqual([
      ['danger', 'Missed availability objective\\: February 2026'],
      ['danger', 'Missed target\\: T\\-1 first\\-response'],
      ['danger', 'Milestone completed late\\: Build'],
      ['danger', 'Missed availability objective\\: March 2026'],
      ['caution', 'At risk\\: T\\-2 first\\-response']
    ])
    expect(found.map(lines)).toEqual([
      ['Uptime: 99.85 %, objective at least 99.9 %', 'Downtime: 1 h', 'Service credit: 10 % of the monthly fee, EUR 100.00'],
      ['Due: 2 March 2026, 11:00 Amsterdam time', 'Over by: 1 h 15 min', 'Service credit: 5 % of the monthly fee, EUR 50.00', 'Escalated to: Director'],
      ['Due: 10 March 2026, 17:00 Amsterdam time', 'Completed: 11 March 2026', 'Late by: 1 business day'],
      ['Uptime: 99.87 %, objective at least 99.9 % (so far)', 'Downtime: 1 h', 'Service credit: 10 % of the monthly fee, EUR 100.00'],
      ['Due: 11 March 2026, 13:00 Amsterdam time', 'Target used: 75 %', 'Escalated to: Team lead']
    ])
    expect(toHtmlText(found[2]!.children[0]!)).toBe(
      '<ul>\n<li><strong>Due:</strong> <time datetime="2026-03-10T17:00:00+01:00">10 March 2026, 17:00 Amsterdam time</time></li>\n' +
        '<li><strong>Completed:</strong> <time datetime="2026-03-11">11 March 2026</time></li>\n<li><strong>Late by:</strong> 1 business day</li>\n</ul>'
    )
    // After the cap of 30 %: February's tier, and March's tier plus T-1's credit.
    expect(toString(node.children.at(-1)!)).toBe('Service credits per month, after the cap of 30 %: February 2026: 10 %, EUR 100.00; March 2026: 15 %, EUR 150.00.')
  })

  it('should say there are no breaches when there are none', async () => {
    const {tree} = await runPage(withBody('{{< sla-breaches >}}\n'), {asOf: '2026-03-01T12:00:00+01:00'})
    const node = only(tree, 'sla-breaches') as SlaBlock
    expect(node.children).toEqual([
      {
        type: 'paragraph',
        children: [
          {type: 'text', value: 'No breaches as of '},
          {type: 'text', value: '1 March 2026, 12:00 Amsterdam time', data: {hName: 'time', hProperties: {dateTime: '2026-03-01T12:00:00+01:00'}}},
          {type: 'text', value: '.'}
        ]
      }
    ])
    expect(toHtmlText(node)).toBe('<div class="sla-breaches" data-sla-id="unit-sla"><p>No breaches as of <time datetime="2026-03-01T12:00:00+01:00">1 March 2026, 12:00 Amsterdam time</time>.</p></div>')
  })

  it('should make callouts exactly as the parser makes them from the shortcode', () => {
    const made = calloutNode({
      context: 'danger',
      title: 'Missed target: T-1 *first* <response>',
      icon: 'outline/alert-octagon',
      children: [{type: 'list', ordered: false, start: null, spread: false, children: [{type: 'listItem', spread: false, checked: null, children: [{type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: 'Due:'}]}, {type: 'text', value: ' today'}]}]}]}],
      position: undefined
    })
    const source = toMarkdown({type: 'root', children: [made]}, {bullet: '-', extensions: [hugoToMarkdown()]})
    expect(source).toBe(
      '{{< callout context="danger" title="Missed target\\: T\\-1 \\*first\\* \\<response\\>" icon="outline/alert-octagon" >}}\n- **Due:** today\n{{< /callout >}}\n'
    )
    const parsed = parsePage(source).tree.children[0]
    expect(shape(made)).toEqual(shape(parsed))
  })

  it('should keep as the body source of each callout what its body is', async () => {
    const {tree} = await runPage(withBody('{{< sla-breaches >}}\n'), {asOf})
    const found = callouts(tree)
    expect(found).toHaveLength(3)
    expect(found[1]!.data?.hugo?.inner).toBe('\n- **Due:** 11 March 2026, 13\\:00 Amsterdam time\n- **Target used:** 75 %\n- **Escalated to:** Team lead\n')
    // The `<time>` of a date is rendering data (a text node of its own), not source.
    const asSource = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(shape(value), (key, item) => {
        if (key === 'data') return undefined
        if (key !== 'children' || !Array.isArray(item)) return item
        const merged: Array<{type: string; value?: string}> = []
        for (const child of item as Array<{type: string; value?: string}>) {
          const last = merged.at(-1)
          if (child.type === 'text' && last?.type === 'text') merged[merged.length - 1] = {type: 'text', value: last.value! + child.value!}
          else merged.push(child)
        }

        return merged
      }))
    for (const callout of found) expect(asSource(parsePage(callout.data!.hugo!.inner!).tree.children)).toEqual(asSource(callout.children))
  })

  it('should put the breach callouts at the top of a page with a breach, after the front matter', async () => {
    const {tree} = await runPage(withBody('# Unit SLA\n'), {asOf, breachNotice: 'top'})
    expect(tree.children.map((child) => child.type)).toEqual(['yaml', 'slaBlock', 'heading'])
    const notice = tree.children[1] as SlaBlock
    expect(notice.data.hProperties).toEqual({className: ['sla-breach-notice'], dataSlaId: 'unit-sla'})
    expect(callouts(notice).map((callout) => callout.data?.callout?.context)).toEqual(['danger', 'caution', 'caution'])
  })

  it('should not put a notice at the top without a breach, or without the option', async () => {
    // At 10:30 on 2 March, T-1 has used half of its first-reply hour: at risk, not breached.
    const early = await runPage(withBody('# Unit SLA\n'), {asOf: '2026-03-02T10:30:00+01:00', breachNotice: 'top'})
    expect(early.file.data.slaReport?.notices.map((notice) => notice.kind)).toEqual(['at-risk'])
    expect(early.tree.children.map((child) => child.type)).toEqual(['yaml', 'heading'])
    const off = await runPage(withBody('# Unit SLA\n'), {asOf})
    expect(off.tree.children.map((child) => child.type)).toEqual(['yaml', 'heading'])
  })

  it('should escape titles, so nothing in the data turns into markup but bare-URL links', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({unit: 'grapheme', maxLength: 40}), fc.string({unit: markdownish, maxLength: 40})), (text) => {
        const title = text.replaceAll('\0', '')
        const expected = title.replaceAll(/\r\n|[\r\n]/g, ' ').trim()
        const read = parsePage(escapeMarkdown(title)).tree
        expect(read.children.every((child) => child.type === 'paragraph')).toBe(true)
        // Only text, and the links GFM makes of bare URLs in any text (never another scheme, never HTML).
        const nodes = mdastNodes(read)
        expect(nodes.filter((node) => !['root', 'paragraph', 'text', 'link'].includes(node.type))).toEqual([])
        for (const node of nodes) if (node.type === 'link') expect(node.url).toMatch(/^(?:https?:\/\/|mailto:)/)
        expect(toString(read)).toBe(expected)
      }),
      {numRuns: 500}
    )
  })
})

describe('pages without SLA data', () => {
  it('should warn once, at the first call, on a page without an `sla:` block', async () => {
    const {tree, file} = await runPage('---\ntitle: Plain\n---\n\n{{< sla-targets >}}\n\nA {{< sla-value "id" >}}.\n')
    expect(brief(file)).toEqual(['5:1-5:20 sla-shortcode-no-data warning'])
    expect(file.messages[0]!.reason).toBe('Unexpected `sla-targets` on a page without `sla:` data, expected a page with a valid `sla:` block')
    expect(mdastNodes(tree).some((node) => node.type === 'leafDirective' || node.type === 'textDirective')).toBe(false)
  })

  it('should say so when the `sla:` block has errors', async () => {
    const {file} = await runPage('---\nsla:\n  schema: 1\n  id: Bad_Id\n---\n\n{{< sla-breaches >}}\n')
    const messages = file.messages.filter((message) => message.ruleId === 'sla-shortcode-no-data')
    expect(messages.map((message) => message.reason)).toEqual([
      'Unexpected `sla-breaches` on a page whose `sla:` data has errors, expected a page with a valid `sla:` block'
    ])
  })

  it('should leave a page without SLA shortcodes exactly as it was', async () => {
    const source = '---\ntitle: Plain\n---\n\n# Hello\n\nText with {{</* sla-value "id" */>}} as a comment.\n'
    const file = new VFile({value: source})
    const tree = parsePage(source).tree
    const before = structuredClone(tree)
    remarkInjectSla({breachNotice: 'top'})(tree, file)
    expect(tree).toEqual(before)
    expect(file.messages).toEqual([])
  })
})

describe('remarkReport', () => {
  it('should compute the report of a valid SLA as of the option', async () => {
    const {file} = await runPage(unitPage, {asOf: '2026-03-11T11:00:00Z'})
    expect(file.data.slaReport?.asOf).toBe('2026-03-11T12:00:00+01:00')
    expect(file.data.slaReport?.slaId).toBe('unit-sla')
  })

  it('should use `sla.asOf` without the option', async () => {
    const source = unitPage.replace('  timeZone: Europe/Amsterdam\n', '  timeZone: Europe/Amsterdam\n  asOf: 2026-03-05T09:00:00+01:00\n')
    const {file} = await runPage(source)
    expect(file.data.slaReport?.asOf).toBe('2026-03-05T09:00:00+01:00')
  })

  it('should turn an engine failure into an error at the value it names', async () => {
    const file = new VFile({path: 'page.md', value: unitPage})
    const tree = parsePage(unitPage).tree
    remarkFrontmatterData()(tree, file)
    remarkValidate({asOf})(tree, file)
    // Data that validation would refuse, handed to the engine anyway.
    file.data.sla!.milestones![1]!.after = 'nowhere'
    remarkReport({asOf})(tree, file)
    expect(file.data.slaReport).toBeUndefined()
    expect(brief(file)).toEqual(['45:14-45:18 sla-report-failed error'])
    expect(file.messages[0]!.reason).toMatch(/^Unexpected failure computing the SLA report \(Unexpected `after: nowhere`, expected the id of another milestone/)
    expect(file.messages[0]!.note).toBe('The data passed validation, so this is likely a bug in slamark; please report it with the page')
  })

  it('should leave a page without SLA alone', async () => {
    const {file} = await runPage('# Just text\n', {asOf})
    expect(file.data.slaReport).toBeUndefined()
    expect(file.messages).toEqual([])
  })
})
