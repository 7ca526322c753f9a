/**
 * The site part of a run: every rule's site check over the facts of all
 * pages, then what makes the messages final: configured severities, more
 * specific rules replacing less specific ones at the same place, duplicates
 * dropped, suppression comments applied (and unused ones reported), order.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {HugoPageIndex} from '../render/page-index.js'
import type {PageFacts} from '../rules/facts.js'
import {knownRuleIds, lintRule, lintRules} from '../rules/index.js'
import {emit, noticeRules, ruleSetting, severityOf, type RuleSetting, type SitePage} from '../rules/rule.js'
import {applySuppressions} from '../rules/suppressions.js'
import {suppressionUnused} from '../rules/suppression-unused.js'
import {lineIndexFor} from '../syntax/line-index.js'
import {didYouMean} from '../util/did-you-mean.js'
import {compareText} from '../util/sorted.js'

/** A page of the run: its file (source and messages) and facts. */
export interface SiteFile {
  file: VFile
  contentPath: string
  facts: PageFacts
}

/** How the run's rules are set. */
export interface RuleSettings {
  rules: Readonly<Record<string, RuleSetting>>
  failOnBreach: boolean
}

/**
 * Run every rule's site check over all pages, reporting on their files.
 *
 * @param pages
 *   Every page of the site (also those not reported on).
 * @param settings
 *   Rule settings.
 */
export function checkSite(pages: readonly SiteFile[], settings: RuleSettings): void {
  const sitePages: SitePage[] = pages.map((page) => ({path: page.file.path, contentPath: page.contentPath, facts: page.facts}))
  const byContentPath = new Map(sitePages.map((page) => [page.contentPath, page]))
  const files = new Map(sitePages.map((page, index) => [page, pages[index]!.file]))
  const index = new HugoPageIndex(sitePages.map((page) => ({contentPath: page.contentPath, permalink: page.facts.permalink})))

  for (const rule of lintRules) {
    if (!rule.checkSite) continue
    const setting = ruleSetting(rule, settings.rules, settings.failOnBreach)
    const severity = severityOf(setting)
    if (severity === 'off') continue
    rule.checkSite({
      options: rule.resolveOptions(typeof setting === 'string' ? undefined : setting[1]),
      pages: sitePages,
      index,
      page: (contentPath) => byContentPath.get(contentPath),
      report(page, input) {
        const file = files.get(page)!
        emit(file, lineIndexFor(file), rule.id, severity, input)
      }
    })
  }
}

/**
 * Make a page's messages final, in place.
 *
 * @param page
 *   The page.
 * @param settings
 *   Rule settings.
 */
export function finishPage(page: SiteFile, settings: RuleSettings): void {
  const file = page.file
  let messages = applySeverities(file.messages, settings)

  // A more specific rule replaces a general one at the same place.
  const replaced = new Set<string>()
  for (const message of messages) {
    for (const general of lintRule(message.ruleId ?? '')?.supersedes ?? []) replaced.add(`${general}\u0000${startOf(message)}`)
  }

  const seen = new Set<string>()
  messages = messages.filter((message) => {
    if (replaced.has(`${message.ruleId}\u0000${startOf(message)}`)) return false
    const key = `${message.ruleId}\u0000${startOf(message)}\u0000${endOf(message)}\u0000${message.reason}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })

  const {kept, unused} = applySuppressions(messages, page.facts.suppressions)
  file.messages = kept
  const severity = severityOf(settings.rules[suppressionUnused.id] ?? suppressionUnused.severity)
  if (severity !== 'off' && unused.length > 0) {
    const known = new Set(knownRuleIds())
    const lines = lineIndexFor(file)
    for (const {suppression, rule} of unused) {
      const unknown = rule !== undefined && !known.has(rule)
      const meant = unknown ? didYouMean(rule, known) : undefined
      emit(file, lines, suppressionUnused.id, severity, {
        reason: unknown
          ? `Unexpected suppression of unknown rule \`${rule}\`, expected a rule id`
          : rule === undefined
            ? 'Unexpected suppression that suppresses nothing, expected a finding to suppress'
            : `Unexpected suppression of \`${rule}\` that suppresses nothing, expected a finding to suppress`,
        place: suppression.place,
        hint: meant === undefined ? 'Delete the comment: nothing it names is reported here' : `Did you mean \`${meant}\`?`
      })
    }
  }

  sortMessages(file)
}

/**
 * Order a file's messages by place, then rule and text (stable under any locale).
 *
 * @param file
 *   The file.
 */
export function sortMessages(file: VFile): void {
  file.messages.sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareText(a.ruleId ?? '', b.ruleId ?? '') || compareText(a.reason, b.reason)
  )
}

/**
 * Configured severities on messages of any rule (the parser's and
 * validation's too): `off` drops them, `warn` and `error` set `fatal`.
 *
 * @param messages
 *   The messages.
 * @param settings
 *   Rule settings.
 */
export function applySeverities(messages: readonly VFileMessage[], settings: RuleSettings): VFileMessage[] {
  const kept: VFileMessage[] = []
  for (const message of messages) {
    const id = message.ruleId ?? ''
    const configured = settings.rules[id]
    let severity = configured === undefined ? undefined : severityOf(configured)
    if (settings.failOnBreach && noticeRules.has(id) && severity !== 'off') severity = 'error'
    if (severity === 'off') continue
    if (severity !== undefined) message.fatal = severity === 'error'
    kept.push(message)
  }

  return kept
}

function startOf(message: VFileMessage): string {
  return `${message.line ?? 0}:${message.column ?? 0}`
}

function endOf(message: VFileMessage): string {
  const place = message.place
  return place && 'end' in place ? `${place.end.line}:${place.end.column}` : ''
}
