import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rulesDocumentation, rulesTable} from '../src/rules/docs.js'
import {knownRuleIds} from '../src/rules/index.js'
import {ruleSummary} from '../src/rules/index.js'

describe('lint rule documentation', () => {
  it('should keep docs/rules.md as the rules document themselves (node --import tsx scripts/rules-doc.ts)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(rulesDocumentation())
  })

  it('should show the rules table in the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(rulesTable())
  })

  it('should have a one-line summary for every rule id slamark can report', () => {
    const ids = knownRuleIds()
    expect(ids.length).toBeGreaterThan(150)
    expect(ids.filter((id) => !ruleSummary(id)?.endsWith('.'))).toEqual([])
  })
})
