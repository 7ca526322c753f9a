import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {describe, expect, it} from 'vitest'
import {stylishReport} from '../src/lint/reporters/stylish.js'

function files(): VFile[] {
  const a = new VFile({path: 'content/b.md'})
  const error = a.message('Unexpected fragment `#x`, expected the id of a heading', {place: {start: {line: 3, column: 5}, end: {line: 3, column: 60}}, ruleId: 'link-fragment-missing', source: 'slamark'})
  error.fatal = true
  error.url = 'https://github.com/slamark/slamark#link-fragment-missing'
  error.note = 'Did you mean `#y`?\nSecond line'
  const warning = a.message('Unexpected second icon — wide ✓ 中文', {place: {line: 9, column: 1}, ruleId: 'svg-id-duplicate', source: 'slamark'})
  warning.fatal = false
  warning.cause = new VFileMessage('First used here', {place: {start: {line: 2, column: 1}, end: {line: 2, column: 9}}, ruleId: 'svg-id-duplicate', source: 'slamark'})
  const b = new VFile({path: 'content/a.md'})
  const info = b.message('A note without a place', {ruleId: 'x', source: 'slamark'})
  info.fatal = undefined
  const clean = new VFile({path: 'content/c.md'})
  return [a, b, clean]
}

describe('stylish reporter', () => {
  for (const color of [false, true]) {
    it(`should print what vfile-reporter prints (color: ${color})`, () => {
      const expected = reporter(files(), {color, quiet: true, verbose: true}) + '\n'
      expect(stylishReport({files: files(), version: '0', cwd: '/'}, color)).toBe(expected)
    })
  }

  it('should print nothing when there is nothing to report', () => {
    expect(stylishReport({files: [new VFile({path: 'a.md'})], version: '0', cwd: '/'}, false)).toBe('')
  })
})
