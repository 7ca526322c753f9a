import {describe, expect, it} from 'vitest'
import {applySuppressions, parseSuppressions} from '../src/rules/suppressions.js'
import {parsePage} from '../src/syntax/parse.js'

function suppressions(source: string) {
  return parseSuppressions(parsePage(source).tree, source)
}

const message = (line: number, ruleId: string) => ({line, ruleId})

describe('suppression comments', () => {
  it('should read the three kinds, with ids separated by commas or spaces, in page and front matter', () => {
    const source = [
      '---',
      'title: T',
      '# slamark-disable-next-line lastmod-before-date',
      'lastmod: 2026-01-01',
      '---',
      '',
      '<!-- slamark-disable duplicate-block, svg-id-duplicate -->',
      '',
      'Text <!-- slamark-disable-next-line --> inline.',
      '',
      '',
      'Next line that is not blank.',
      '<!-- slamark-enable duplicate-block -->',
      ''
    ].join('\n')
    expect(suppressions(source).map((item) => [item.kind, item.rules, item.place.start.line, item.line])).toEqual([
      ['disable-next-line', ['lastmod-before-date'], 3, 4],
      ['disable', ['duplicate-block', 'svg-id-duplicate'], 7, 7],
      ['disable-next-line', [], 9, 12],
      ['enable', ['duplicate-block'], 13, 13]
    ])
  })

  it('should drop what they cover and name the ones that covered nothing', () => {
    const source = [
      'One.',
      '<!-- slamark-disable duplicate-block -->',
      'Two.',
      '<!-- slamark-enable duplicate-block -->',
      'Three.',
      '<!-- slamark-disable-next-line link-fragment-missing, draft-linked -->',
      'Four.',
      '<!-- slamark-disable -->',
      'Five.',
      ''
    ].join('\n')
    const found = suppressions(source)
    const {kept, unused} = applySuppressions(
      [message(1, 'duplicate-block'), message(3, 'duplicate-block'), message(5, 'duplicate-block'), message(7, 'link-fragment-missing'), message(9, 'anything')],
      found
    )
    expect(kept).toEqual([message(1, 'duplicate-block'), message(5, 'duplicate-block')])
    expect(unused.map((item) => [item.suppression.place.start.line, item.rule])).toEqual([[6, 'draft-linked']])
  })

  it('should leave a page without comments alone', () => {
    expect(suppressions('Plain text, no comments about slamark.\n')).toEqual([])
    const messages = [message(1, 'x')]
    expect(applySuppressions(messages, [])).toEqual({kept: messages, unused: []})
  })
})
