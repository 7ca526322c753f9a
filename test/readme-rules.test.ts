import {readFileSync} from 'node:fs'
import {glob} from 'tinyglobby'
import {describe, expect, it} from 'vitest'
import {cliRuleSummaries, lintRules} from '../src/rules/index.js'
import {valueRules} from '../src/schema/values/rules.js'

/** Every rule id the source can emit, found in the code itself. */
async function emittedRuleIds(): Promise<string[]> {
  const ids = new Set<string>([...Object.keys(valueRules), ...lintRules.map((rule) => rule.id), ...Object.keys(cliRuleSummaries)])
  for (const file of await glob('src/**/*.ts')) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/ruleId: '([a-z0-9-]+)'/g)) ids.add(match[1]!)
    for (const match of text.matchAll(/RuleId = '([a-z0-9-]+)'/g)) ids.add(match[1]!)
    for (const match of text.matchAll(/\b(?:error|warn)\(\s*\[[^\]]*\],\s*'([a-z0-9-]+)'/g)) ids.add(match[1]!)
  }

  // Built from the kind of reference (`unknown-${kind}`) and from zod issue codes.
  for (const kind of ['calendar', 'priority', 'pause-reason', 'target', 'milestone']) ids.add(`unknown-${kind}`)
  for (const id of ['frontmatter-unknown-key', 'frontmatter-missing-key', 'frontmatter-enum', 'frontmatter-type', 'frontmatter-format', 'frontmatter-exclusive-keys', 'frontmatter-range', 'frontmatter-invalid', 'sla-schema-missing', 'sla-schema-unknown', 'sla-id-missing']) ids.add(id)
  return [...ids].sort()
}

describe('README', () => {
  it('should document every rule id the code can emit', async () => {
    const readme = readFileSync('README.md', 'utf8')
    const ids = await emittedRuleIds()
    expect(ids.length).toBeGreaterThan(80)
    expect(ids.filter((id) => !readme.includes('`' + id + '`'))).toEqual([])
  })
})
