import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/lint/fix.js'
import {createPageLinter} from '../src/lint/page.js'
import {addPlain} from '../src/util/plain-message.js'
import {checkSite, finishPage, type SiteFile} from '../src/lint/site.js'
import {knownRuleIds, lintRules} from '../src/rules/index.js'
import type {LintRule, RuleExample, RuleSetting} from '../src/rules/rule.js'

/** Lint an example page (`example.md`) with the other pages of its site; every rule at its default, the rule under test with the example's options. */
async function lintExample(rule: LintRule<any>, example: RuleExample, input = example.input) {
  const rules: Record<string, RuleSetting> = {}
  if (example.options !== undefined) rules[rule.id] = [rule.severity, example.options]
  const linter = createPageLinter({cwd: '/site', rules, ...(example.asOf ? {asOf: example.asOf} : {})})
  const sources: Record<string, string> = {...example.site, 'example.md': input}
  const pages: SiteFile[] = []
  for (const [contentPath, source] of Object.entries(sources)) {
    const result = await linter({path: contentPath, contentPath, source})
    const file = new VFile({path: contentPath, value: source})
    for (const message of result.messages) addPlain(file, message)
    pages.push({file, contentPath, facts: result.facts})
  }

  const settings = {rules, failOnBreach: false}
  checkSite(pages, settings)
  const page = pages.find((item) => item.contentPath === 'example.md')!
  finishPage(page, settings)
  return page.file.messages.filter((message) => message.ruleId === rule.id)
}

function line(message: {place?: unknown; reason: string}): string {
  const place = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
  return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}: ${message.reason}`
}

describe('lint rules: the documented examples', () => {
  for (const rule of lintRules) {
    describe(rule.id, () => {
      it('should document why, what and at least one ok and one not-ok example', () => {
        expect(rule.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/)
        expect(rule.summary.length).toBeGreaterThan(20)
        expect(rule.why.length).toBeGreaterThan(80)
        expect(rule.examples.some((example) => example.title.startsWith('ok') && example.output.length === 0)).toBe(true)
        expect(rule.examples.some((example) => example.title.startsWith('not ok') && example.output.length > 0)).toBe(true)
        if (rule.fixable) expect(rule.examples.some((example) => example.fixed !== undefined)).toBe(true)
      })

      for (const example of rule.examples) {
        it(`should give the documented messages: ${example.title}`, async () => {
          const messages = await lintExample(rule, example)
          expect(messages.map(line)).toEqual(example.output)
          for (const message of messages) {
            expect(message.reason).toMatch(/^Unexpected .+, expected /)
            expect(message.fatal).toBe(rule.severity === 'error')
            expect(message.source).toBe('slamark')
            expect(message.url).toBe(`https://github.com/slamark/slamark#${rule.id}`)
          }
        })

        if (example.fixed !== undefined) {
          it(`should fix with certainty, once: ${example.title}`, async () => {
            const messages = await lintExample(rule, example)
            const fixed = applyFixes(example.input, messages.flatMap((message) => (message.fix ? [message.fix] : [])))
            expect(fixed.text).toBe(example.fixed)
            // Idempotent: the fixed page has nothing left to fix for this rule.
            const again = await lintExample(rule, example, fixed.text)
            expect(again.filter((message) => message.fix)).toEqual([])
            expect(applyFixes(fixed.text, again.flatMap((message) => (message.fix ? [message.fix] : []))).text).toBe(fixed.text)
          })
        }
      }
    })
  }

  it('should know every lint rule id among the catalogue', () => {
    const known = new Set(knownRuleIds())
    expect(lintRules.filter((rule) => !known.has(rule.id))).toEqual([])
  })
})
