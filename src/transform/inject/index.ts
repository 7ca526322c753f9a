import type {Parent, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {SlaReport} from '../../engine/report.js'
import type {Sla} from '../../schema/sla.js'
import {outermostNodes} from '../../syntax/outermost.js'
import {breachCallouts, breachItems, injectBreaches, isBreach} from './breaches.js'
import {warnAt, type InjectContext} from './context.js'
import {wrapperBlock, type ShortcodeNode, type SlaBlock, type SlaInline} from './nodes.js'
import {injectTargets} from './targets.js'
import {injectTimeline} from './timeline.js'
import {injectValue} from './value.js'

export type {SlaBlock, SlaInline, SlaNodeData} from './nodes.js'
export {calloutNode, escapeMarkdown, type CalloutSpec} from './callout.js'
export {breachItems, isBreach, type BreachItem} from './breaches.js'

/** An SLA shortcode on a page without valid SLA data or report: it shows nothing. */
export const noDataRuleId = 'sla-shortcode-no-data'
/** A section shortcode (timeline, targets, breaches) inside a sentence. */
export const inlineRuleId = 'sla-shortcode-inline'
/** A section shortcode with parameters, which it does not take. */
export const paramRuleId = 'sla-shortcode-param'
/** A section shortcode whose section the SLA does not have (no milestones, no targets). */
export const emptyRuleId = 'sla-shortcode-empty'

/** Options of {@link remarkInjectSla}. */
export interface InjectOptions {
  /**
   * `top`: put the `sla-breaches` callouts at the top of every page whose
   * report has a breach (after the front matter); `false` (default): only
   * where the page asks for them.
   */
  breachNotice?: 'top' | false | null | undefined
  /**
   * Check the calls and report their problems without building the
   * timeline, tables and callouts (the linter's mode; default `false`).
   */
  checkOnly?: boolean | null | undefined
}

/** slamark's own shortcodes, which this plugin fills in. */
export const slaShortcodeNames: ReadonlySet<string> = new Set(['sla-timeline', 'sla-breaches', 'sla-targets', 'sla-value'])

// A call starts `{{<` or `{{%`, maybe spaces, then the name; comments (`{{</* … */>}}`) do not match.
const callPattern = /\{\{[<%][ \t\r\n]*sla-/

/** A shortcode call with the node that holds it. */
interface Call {
  parent: Parent
  node: ShortcodeNode
}

/**
 * Fill slamark's shortcodes from the page's SLA and its report
 * (`file.data.sla`, `file.data.slaReport`): `sla-timeline`, `sla-breaches`,
 * `sla-targets` and `sla-value` are replaced by mdast content that carries
 * its HTML (`slaBlock`, `slaInline` and Doks callout nodes), so the renderer
 * needs to know nothing about SLAs. With `breachNotice: 'top'` a page with
 * a breach also gets the breach callouts at its top. Runs after
 * `remarkReport`. A page without these shortcodes costs one search of its
 * source.
 *
 * @param options
 *   Where breach notices go besides `sla-breaches`.
 */
export function remarkInjectSla(options: InjectOptions = {}) {
  const top = options.breachNotice === 'top'
  return function (tree: Root, file: VFile): undefined {
    const sla = file.data.sla
    const report = file.data.slaReport
    if (mayHaveCalls(file)) {
      const calls = findCalls(tree)
      if (calls.length > 0) fillCalls(calls, file, sla, report, options.checkOnly === true)
    }

    if (top && sla && report) prependNotice(tree, sla, report)
    return undefined
  }
}

function mayHaveCalls(file: VFile): boolean {
  // A file given as bytes (or none) cannot be searched cheaply: walk the tree.
  return typeof file.value === 'string' ? callPattern.test(file.value) : true
}

/** Every slamark shortcode node, with its parent, in document order; bodies of inline shortcodes included. Iterative. */
function findCalls(tree: Root): Call[] {
  // The walk visits later siblings first; messages read best in document order.
  return outermostNodes(tree, isSlaCall).sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0))
}

function isSlaCall(node: RootContent): node is ShortcodeNode {
  return (
    (node.type === 'leafDirective' || node.type === 'textDirective' || node.type === 'containerDirective') &&
    node.data?.hugo !== undefined &&
    slaShortcodeNames.has(node.name)
  )
}

function fillCalls(calls: readonly Call[], file: VFile, sla: Sla | undefined, report: SlaReport | undefined, checkOnly: boolean): void {
  let warned = false
  for (const {parent, node} of calls) {
    let replacement: Array<SlaBlock | SlaInline> = []
    if (!sla || !report) {
      if (!warned) warnAt(file, node, noData(node.name, file, sla))
      warned = true
    } else {
      replacement = fill({file, sla, report, zone: report.timeZone, node}, checkOnly)
    }

    const children = parent.children as RootContent[]
    const index = children.indexOf(node)
    if (index !== -1) children.splice(index, 1, ...(replacement as RootContent[]))
  }
}

/** The content of one call (nothing, with a warning, when it cannot be filled). */
function fill(context: InjectContext, checkOnly: boolean): Array<SlaBlock | SlaInline> {
  const {file, node, sla, report} = context
  const name = node.name
  const inline = node.type === 'textDirective'
  if (name === 'sla-value') {
    const value = injectValue(context, !inline)
    return value ? [value] : []
  }

  if (inline) {
    warnAt(file, node, {
      ruleId: inlineRuleId,
      reason: `Unexpected \`${name}\` inside a sentence, expected it alone in its paragraph`,
      hint: 'A table, timeline or callout cannot sit inside text: put the shortcode on a line of its own, with blank lines around it'
    })
    return []
  }

  const params = node.data?.hugo?.params ?? []
  if (params.length > 0) {
    warnAt(file, node, {
      ruleId: paramRuleId,
      reason: `Unexpected parameter${params.length === 1 ? '' : 's'} on \`${name}\`, expected none`,
      hint: `\`${name}\` shows the whole section from the page's SLA data; remove the parameters`,
      actual: params.map((param) => param.text).join(' ')
    })
  }

  switch (name) {
    case 'sla-timeline': {
      if (report.milestones) return checkOnly ? [] : [injectTimeline(context, report.milestones)]
      warnAt(file, node, {
        ruleId: emptyRuleId,
        reason: 'Unexpected `sla-timeline` on an SLA without `milestones`, expected milestones to show',
        hint: 'Add `milestones` to the `sla:` data, or remove the shortcode'
      })
      return []
    }

    case 'sla-targets': {
      if (Object.keys(sla.targets ?? {}).length > 0) return checkOnly ? [] : [injectTargets(context)]
      warnAt(file, node, {
        ruleId: emptyRuleId,
        reason: 'Unexpected `sla-targets` on an SLA without `targets`, expected targets to show',
        hint: 'Add `targets` to the `sla:` data, or remove the shortcode'
      })
      return []
    }

    default:
      return checkOnly ? [] : [injectBreaches({sla, report, zone: context.zone}, node.position)]
  }
}

function noData(name: string, file: VFile, sla: Sla | undefined) {
  const written = file.data.frontmatter && Object.hasOwn(file.data.frontmatter, 'sla')
  const problem = sla ? 'whose SLA report could not be computed' : written ? 'whose `sla:` data has errors' : 'without `sla:` data'
  return {
    ruleId: noDataRuleId,
    reason: `Unexpected \`${name}\` on a page ${problem}, expected a page with a valid \`sla:\` block`,
    hint: sla
      ? 'The error about the report says why; until it is fixed the SLA shortcodes on this page show nothing'
      : written
        ? 'Fix the errors reported in the front matter; until then the SLA shortcodes on this page show nothing'
        : 'SLA shortcodes show the data of the page’s own `sla:` block; add one, or remove the shortcodes'
  }
}

/** Put the breach callouts first on the page (after its front matter) when the report has a breach. */
function prependNotice(tree: Root, sla: Sla, report: SlaReport): void {
  const items = breachItems({sla, report, zone: report.timeZone})
  if (!items.some(isBreach)) return
  const notice = wrapperBlock(
    {source: 'breach-notice', tagName: 'div', properties: {className: ['sla-breach-notice'], dataSlaId: report.slaId}, position: undefined},
    breachCallouts(items, undefined)
  )
  let index = 0
  while (index < tree.children.length && frontMatterTypes.has(tree.children[index]!.type)) index++
  tree.children.splice(index, 0, notice)
}

const frontMatterTypes: ReadonlySet<string> = new Set(['yaml', 'toml', 'json', 'org'])
