/**
 * The lint rules (the preset: every rule at its default severity), and the
 * catalogue of every rule id slamark can report.
 */
import {valueRules} from '../schema/values/rules.js'
import {calloutAfterParagraph} from './callout-after-paragraph.js'
import {calloutBodyIndented} from './callout-body-indented.js'
import {calloutContextUnknown} from './callout-context-unknown.js'
import {calloutMarkdownNotation} from './callout-markdown-notation.js'
import {calloutNested} from './callout-nested.js'
import {coreRuleSummaries} from './core-rules.js'
import {draftLinked} from './draft-linked.js'
import {duplicateBlock} from './duplicate-block.js'
import {frontmatterBoilerplate} from './frontmatter-boilerplate.js'
import {frontmatterBooleanString} from './frontmatter-boolean-string.js'
import {generatedTextResidue} from './generated-text-residue.js'
import {headingShortcode} from './heading-shortcode.js'
import {iconPathRefused} from './icon-path-refused.js'
import {iconUnknown} from './icon-unknown.js'
import {lastmodBeforeDate} from './lastmod-before-date.js'
import {linkFragmentMissing} from './link-fragment-missing.js'
import {linkPageMissing} from './link-page-missing.js'
import type {LintRule} from './rule.js'
import {seoDescriptionEmpty} from './seo-description-empty.js'
import {slaAtRisk} from './sla-at-risk.js'
import {slaBreach} from './sla-breach.js'
import {slaIdDuplicate} from './sla-id-duplicate.js'
import {slaOverdueMilestone} from './sla-overdue-milestone.js'
import {slaReviewDue} from './sla-review-due.js'
import {suppressionUnused} from './suppression-unused.js'
import {svgIdDuplicate} from './svg-id-duplicate.js'

/** Every lint rule, in documentation order (links, shortcodes, front matter, text, SLA, suppressions). */
export const lintRules: ReadonlyArray<LintRule<any>> = [
  linkFragmentMissing,
  linkPageMissing,
  calloutContextUnknown,
  iconUnknown,
  iconPathRefused,
  calloutAfterParagraph,
  calloutBodyIndented,
  calloutNested,
  calloutMarkdownNotation,
  headingShortcode,
  svgIdDuplicate,
  frontmatterBoilerplate,
  seoDescriptionEmpty,
  lastmodBeforeDate,
  frontmatterBooleanString,
  draftLinked,
  generatedTextResidue,
  duplicateBlock,
  slaBreach,
  slaAtRisk,
  slaOverdueMilestone,
  slaReviewDue,
  slaIdDuplicate,
  suppressionUnused
]

const byId = new Map(lintRules.map((rule) => [rule.id, rule]))

/**
 * The lint rule with an id, if it is one.
 *
 * @param id
 *   A rule id.
 */
export function lintRule(id: string): LintRule<any> | undefined {
  return byId.get(id)
}

/** Rule ids of the CLI itself (a configuration file, a page it cannot read). */
export const cliRuleSummaries: Readonly<Record<string, string>> = {
  'config-invalid': 'A configuration file that cannot be read or does not match the schema (exit 2).',
  'lint-internal': 'The lint chain failed on a page (a bug in slamark, reported on the page instead of ending the run).',
  'read-error': '`slamark lint` could not read a file (permissions, a folder named `*.md`).'
}

/**
 * The one-line summary of any rule id slamark can report, or `undefined`
 * for an id it does not know.
 *
 * @param id
 *   A rule id.
 */
export function ruleSummary(id: string): string | undefined {
  return byId.get(id)?.summary ?? (valueRules as Record<string, {description: string}>)[id]?.description ?? coreRuleSummaries[id] ?? cliRuleSummaries[id]
}

/** Every rule id slamark can report, sorted. */
export function knownRuleIds(): string[] {
  return [...new Set([...byId.keys(), ...Object.keys(valueRules), ...Object.keys(coreRuleSummaries), ...Object.keys(cliRuleSummaries)])].sort()
}
