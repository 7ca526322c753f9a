import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseFrontMatter} from '../src/frontmatter/index.js'
import {detectFrontMatter} from '../src/hugo/front-matter-detect.js'
import {LineIndex} from '../src/syntax/line-index.js'
import {findingRange, reportFindings} from '../src/transform/report-findings.js'

const source = [
  '---',
  'title: Demo',
  'sla:',
  '  schema: 1',
  '  targets:',
  '    reply:',
  '      calendar: ofice',
  '      goals: {P1: 1h, P9: 2h}',
  '---',
  'Body.',
  ''
].join('\n')

function setup() {
  const {block} = detectFrontMatter(source)
  const parsed = parseFrontMatter(block!)
  return {locate: parsed.locate, lines: new LineIndex(source)}
}

describe('findingRange', () => {
  it('should point at the value, the key, or the nearest enclosing value', () => {
    const {locate} = setup()
    const value = findingRange({path: ['sla', 'targets', 'reply', 'calendar']}, locate)!
    expect(source.slice(value.start, value.end)).toBe('ofice')
    const key = findingRange({path: ['sla', 'targets', 'reply', 'goals', 'P9'], at: 'key'}, locate)!
    expect(source.slice(key.start, key.end)).toBe('P9')
    // A missing value: the mapping that should hold it.
    const missing = findingRange({path: ['sla', 'id'], at: 'parent'}, locate)!
    expect(source.slice(missing.start, missing.start + 9)).toBe('schema: 1')
    const deeper = findingRange({path: ['sla', 'targets', 'reply', 'measure']}, locate)!
    expect(source.slice(deeper.start, deeper.start + 8)).toBe('calendar')
  })
})

describe('reportFindings', () => {
  it('should report a located vfile message with the contract fields and a related cause', () => {
    const {locate, lines} = setup()
    const file = new VFile({path: 'demo.md', value: source})
    reportFindings(
      file,
      [
        {
          path: ['sla', 'targets', 'reply', 'calendar'],
          ruleId: 'unknown-calendar',
          severity: 'error',
          reason: 'Unexpected calendar `ofice`, expected one of `office`, `24x7`',
          hint: 'Did you mean `office`?',
          actual: 'ofice',
          expected: ['office'],
          related: {path: ['sla', 'targets', 'reply', 'goals'], reason: 'goals here'}
        }
      ],
      locate,
      lines
    )
    const [message] = file.messages
    expect(message!.reason).toBe('Unexpected calendar `ofice`, expected one of `office`, `24x7`')
    expect(message!.place).toEqual({start: {line: 7, column: 17, offset: 71}, end: {line: 7, column: 22, offset: 76}})
    expect(message!.ruleId).toBe('unknown-calendar')
    expect(message!.source).toBe('slamark')
    expect(message!.fatal).toBe(true)
    expect(message!.note).toBe('Did you mean `office`?')
    expect(message!.expected).toEqual(['office'])
    expect(message!.url).toBe('https://github.com/slamark/slamark#unknown-calendar')
    const cause = message!.cause as {place?: {start: {line: number}}; reason: string}
    expect(cause.reason).toBe('goals here')
    expect(cause.place?.start.line).toBe(8)
  })
})
