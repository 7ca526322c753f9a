import {readFileSync} from 'node:fs'
import AjvDraft04 from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {annotation, escapeData, escapeProperty, githubReport, githubSummary} from '../src/lint/reporters/github.js'
import {sarifReport} from '../src/lint/reporters/sarif.js'
import {lintRules} from '../src/rules/index.js'

// CommonJS default exports, typed as namespaces under `module: node16`.
const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

/** Two pages with findings of a lint rule, a parser rule and a message with a related place. */
function files(): VFile[] {
  const a = new VFile({path: 'content/docs/desk.md', value: '---\ntitle: Desk\n---\n\nSee [x](#nope), 50% off: {{< nosuch >}}\n'})
  const link = a.message('Unexpected fragment `#nope`, expected the id of a heading on this page', {
    place: {start: {line: 5, column: 5}, end: {line: 5, column: 15}},
    ruleId: 'link-fragment-missing',
    source: 'slamark'
  })
  link.fatal = true
  link.note = 'Did you mean `#desk`?'
  const unknown = a.message('Unexpected unknown shortcode `nosuch`, expected one of the site\'s shortcodes', {
    place: {start: {line: 5, column: 29}, end: {line: 5, column: 35}},
    ruleId: 'shortcode-unknown',
    source: 'slamark'
  })
  unknown.fatal = true
  const b = new VFile({path: 'content/b.md', value: 'One\nTwo, three\n'})
  const twice = b.message('Unexpected callout that repeats the callout on line 1, expected each point made once', {
    place: {start: {line: 2, column: 1}, end: {line: 3, column: 1}},
    ruleId: 'duplicate-block',
    source: 'slamark'
  })
  twice.fatal = false
  twice.cause = new VFileMessage('First said here', {place: {start: {line: 1, column: 1}, end: {line: 1, column: 4}}, ruleId: 'duplicate-block', source: 'slamark'})
  return [a, b]
}

describe('sarif reporter', () => {
  const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as object
  const ajv = new Ajv({allErrors: true, strict: false})
  addFormats(ajv)
  const validate = ajv.compile(schema)

  it('should write a log valid against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(sarifReport({files: files(), version: '1.2.3', cwd: '/work/site'}))
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
  })

  it('should reject what the schema forbids, so the check can fail', () => {
    const log = JSON.parse(sarifReport({files: files(), version: '1.2.3', cwd: '/work/site'})) as {runs: Array<{results: Array<Record<string, unknown>>}>}
    log.runs[0]!.results[0]!.level = 'fatal'
    expect(validate(log)).toBe(false)
  })

  it('should describe every lint rule and every reported rule, and place each result', () => {
    const log = JSON.parse(sarifReport({files: files(), version: '1.2.3', cwd: '/work/site'}))
    const run = log.runs[0]
    expect(run.tool.driver.name).toBe('slamark')
    expect(run.tool.driver.version).toBe('1.2.3')
    const ids = run.tool.driver.rules.map((rule: {id: string}) => rule.id)
    for (const rule of lintRules) expect(ids).toContain(rule.id)
    expect(ids).toContain('shortcode-unknown')
    const fragment = run.tool.driver.rules.find((rule: {id: string}) => rule.id === 'link-fragment-missing')
    expect(fragment).toMatchObject({
      name: 'LinkFragmentMissing',
      shortDescription: {text: 'A link to #fragment (on the page, or on another page) that matches no heading id there.'},
      helpUri: 'https://github.com/slamark/slamark#link-fragment-missing',
      defaultConfiguration: {level: 'error'},
      properties: {tags: ['links']}
    })
    expect(run.results.map((result: {ruleId: string; level: string}) => [result.ruleId, result.level])).toEqual([
      ['link-fragment-missing', 'error'],
      ['shortcode-unknown', 'error'],
      ['duplicate-block', 'warning']
    ])
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'content/docs/desk.md', uriBaseId: '%SRCROOT%'},
      region: {startLine: 5, startColumn: 5, endLine: 5, endColumn: 15}
    })
    expect(run.results[0].message.text).toBe('Unexpected fragment `#nope`, expected the id of a heading on this page. Did you mean `#desk`?')
    expect(ids[run.results[0].ruleIndex]).toBe('link-fragment-missing')
    expect(run.results[2].relatedLocations[0].physicalLocation.region).toEqual({startLine: 1, startColumn: 1, endLine: 1, endColumn: 4})
    expect(run.originalUriBaseIds).toEqual({'%SRCROOT%': {uri: 'file:///work/site/'}})
    // Fingerprints stay the same when the file changes elsewhere, and differ by line content.
    const moved = files()
    moved[0]!.value = `${String(moved[0]!.value)}A new last line.\n`
    expect(run.results[0].partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/)
    expect(run.results[0].partialFingerprints).not.toEqual(run.results[1].partialFingerprints)
    const again = JSON.parse(sarifReport({files: moved, version: '1.2.3', cwd: '/work/site'}))
    expect(again.runs[0].results[1].partialFingerprints).toEqual(run.results[1].partialFingerprints)
  })
})

describe('github reporter', () => {
  it('should escape messages and properties as @actions/core does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext')
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25')
  })

  it('should give columns only on one line, the end column inclusive', () => {
    const [a, b] = files()
    expect(annotation({file: a!, message: a!.messages[0]!})).toBe(
      '::error file=content/docs/desk.md,line=5,endLine=5,col=5,endColumn=14,title=slamark link-fragment-missing::Unexpected fragment `#nope`, expected the id of a heading on this page%0ADid you mean `#desk`?'
    )
    expect(annotation({file: b!, message: b!.messages[0]!})).toBe(
      '::warning file=content/b.md,line=2,endLine=3,title=slamark duplicate-block::Unexpected callout that repeats the callout on line 1, expected each point made once'
    )
  })

  it('should put the changed pages first', () => {
    const out = githubReport({files: files(), changed: ['content/b.md'], version: '1', cwd: '/'}).split('\n')
    expect(out[0]).toMatch(/^::warning file=content\/b\.md,/)
    expect(out[1]).toMatch(/^::error file=content\/docs\/desk\.md,/)
  })

  it('should write the whole table to the summary, cut at 1 MiB', () => {
    expect(githubSummary({files: files(), version: '1', cwd: '/'})).toBe(
      [
        '## slamark lint',
        '',
        '2 errors, 1 warning.',
        '',
        '| File | Line | Severity | Rule | Message |',
        '| --- | --: | --- | --- | --- |',
        '| content/docs/desk.md | 5 | error | `link-fragment-missing` | Unexpected fragment `#nope`, expected the id of a heading on this page |',
        "| content/docs/desk.md | 5 | error | `shortcode-unknown` | Unexpected unknown shortcode `nosuch`, expected one of the site's shortcodes |",
        '| content/b.md | 2 | warning | `duplicate-block` | Unexpected callout that repeats the callout on line 1, expected each point made once |',
        ''
      ].join('\n')
    )
    const big = new VFile({path: 'big.md'})
    for (let index = 0; index < 20_000; index++) {
      const message = big.message(`Unexpected finding number ${index} with enough words to make the row long, expected fewer`, {place: {line: index + 1, column: 1}, ruleId: 'x', source: 'slamark'})
      message.fatal = false
    }

    const summary = githubSummary({files: [big], version: '1', cwd: '/'})
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024)
    expect(summary).toMatch(/\n\d+ more findings are left out: GitHub limits a step summary to 1 MiB\. Run `slamark lint` locally to see them all\.\n$/)
  })
})
