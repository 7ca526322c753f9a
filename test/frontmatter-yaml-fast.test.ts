/**
 * The fast YAML reader (js-yaml) answers only where it agrees with the
 * `yaml` document reader: same value, and no message from the slow one.
 */
import {isDeepStrictEqual} from 'node:util'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {readYamlDocument, parseYamlFrontMatter} from '../src/frontmatter/yaml.js'
import {fastYamlValue} from '../src/frontmatter/yaml-fast.js'
import {detectFrontMatter} from '../src/hugo/front-matter-detect.js'
import {corpusRoot, examplesRoot, markdownPages} from './support/tree.js'

/** Scalars as written: plain, numeric in every notation, special words, quoted with escapes. */
const scalar = fc.constantFrom(
  'word', 'two words', 'x:y', 'http://a.example/b?c=1#d', '4h', '<= 4 business hours', '99.9 %', 'mon-fri', '09:00-17:00', '2024-01-09',
  '2024-01-09T06:30:00-05:00', '12:30', '1:20:30', '0', '-0', '-0.0', '+0', '00', '0755', '09', '12', '+12', '-12', '1_000', '1__0', '0x1F', '0X1f',
  '0x_1', '0o14', '0O14', '0o8', '0b101', '1.', '.5', '+.5', '-.5', '1.0', '1e3', '1E3', '1e+3', '1e-3', '12e03', '1.5e', '.inf', '-.Inf',
  '+.INF', '.nan', '.NaN', 'NaN', 'inf', 'true', 'True', 'TRUE', 'tRue', 'yes', 'on', 'false', 'null', 'Null', 'NULL', 'nULL', '~', '',
  '18446744073709551616', '9007199254740993', '"quoted"', '"esc \\t \\u00e9 \\x41 \\/ \\\\ \\" \\N \\_"', "'single ''quote'''", '""', "''",
  '"1"', "'true'", '"multi\n  line"', "'multi\n\n  line'", 'plain\n  continued', '*alias', '&anchor value', '!!str 1', '!!int "7"',
  '!custom x', '@at', '`tick', '%pct', 'a # comment', 'a#not-comment', 'x\ty', '[a, "b", 1, true, ~]', '[]', '{}', '{a: 1, "b": [2]}',
  '{a: , b: c}', '[x, ]', '|\n  block\n  text\n', '|-\n  kept\n', '|+\n  kept\n\n', '>\n  folded\n  text\n', '>-\n  x\n\n  y\n', '|2\n   indented\n'
)

/** Keys as written. */
const key = fc.constantFrom('title', 'sla', 'id', 'a', 'b', '"quoted key"', "'single'", '1', '0x10', '.5', 'true', 'null', '~', '__proto__', '<<', 'k_1', 'ün')

/** A YAML mapping block, a few levels deep, with comments and blank lines. */
const block: fc.Arbitrary<string> = fc.letrec<{map: string; value: string}>((tie) => ({
  value: fc.oneof({depthSize: 'small', withCrossShrink: true}, scalar, tie('map'), fc.array(scalar, {minLength: 1, maxLength: 3}).map((items) => items.map((item) => `- ${item}`).join('\n'))),
  map: fc
    .array(fc.tuple(key, tie('value'), fc.constantFrom('', ' # note', '\n', '\n# comment\n')), {minLength: 1, maxLength: 4})
    .map((entries) => entries.map(([name, value, after]) => (value.includes('\n') && !/^[|>]/.test(value) ? `${name}:\n${indent(value)}` : `${name}: ${value}`) + after).join('\n'))
})).map

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n')
}

/** The `yaml` reader's answer, when it has one without any message. */
function slow(text: string) {
  const result = readYamlDocument(text, 0)
  return {value: result.value, clean: result.diagnostics.length === 0}
}

describe('fastYamlValue', () => {
  it('gives the value the yaml document gives, and answers only where that reader has nothing to say (fast-check)', () => {
    let answered = 0
    fc.assert(
      fc.property(block, (text) => {
        const fast = fastYamlValue(text)
        if (fast === undefined) return
        answered++
        const full = slow(text)
        expect(full.clean).toBe(true)
        expect(isDeepStrictEqual(fast.value, full.value)).toBe(true)
      }),
      {numRuns: 4000}
    )
    // The generator must reach the fast reader often enough for the property to mean something.
    expect(answered).toBeGreaterThan(400)
  })

  it('leaves to yaml what the two read differently', () => {
    for (const text of ['a: 1_000', 'a: 0b101', 'a: +.5', 'a: -0', 'a: 0x_1', '[a, b]: c', '? x\n: y', '~: x', 'null: x', ': x', '<<: {a: 1}', 'a: &x 1\nb: *x', 'a: !!float 1', '%YAML 1.2\n---\na: 1', 'a: 1\na: 2', '- a', 'a', '# only a comment']) {
      expect([text, fastYamlValue(text)]).toEqual([text, undefined])
    }
  })

  it('answers for plain blocks, empty ones included', () => {
    expect(fastYamlValue('title: "A"\nsla:\n  id: a-1\n  goals: [4h, 1bd]\n')).toEqual({value: {title: 'A', sla: {id: 'a-1', goals: ['4h', '1bd']}}})
    expect(fastYamlValue('  \n')).toEqual({value: null})
  })

  it('gives the same values and positions through parseYamlFrontMatter, the positions built when first asked for', () => {
    const text = 'title: "Hello" # note\nsla:\n  id: abc\n  list:\n    - 1\n    - {a: [x, y]}\n  block: |\n    line\n\n  after: x\n'
    const fast = parseYamlFrontMatter(text, 4)
    const full = readYamlDocument(text, 4)
    expect(fastYamlValue(text)).not.toBe(undefined)
    expect(fast.value).toEqual(full.value)
    for (const path of [[], ['title'], ['sla'], ['sla', 'id'], ['sla', 'list', 1, 'a', 0], ['sla', 'block'], ['sla', 'after'], ['nope']]) {
      expect([path, fast.locate(path)]).toEqual([path, full.locate(path)])
    }
  })

  it('reads every YAML block of the examples and of the getdoks.org corpus as the yaml document does', () => {
    const pages = [...markdownPages(examplesRoot), ...markdownPages(corpusRoot)]
    let blocks = 0
    for (const page of pages) {
      const found = detectFrontMatter(page.source)
      if (found.block?.format !== 'yaml') continue
      blocks++
      const text = found.block.value
      const fast = fastYamlValue(text)
      if (fast === undefined) continue
      expect([page.name, isDeepStrictEqual(fast.value, slow(text).value)]).toEqual([page.name, true])
    }

    expect(blocks).toBeGreaterThan(0)
  })
})
