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
import {yamlBlock} from './support/yaml-blocks.js'

/** The `yaml` reader's answer, when it has one without any message. */
function slow(text: string) {
  const result = readYamlDocument(text, 0)
  return {value: result.value, clean: result.diagnostics.length === 0}
}

describe('fastYamlValue', () => {
  it('gives the value the yaml document gives, and answers only where that reader has nothing to say (fast-check)', () => {
    let answered = 0
    fc.assert(
      fc.property(yamlBlock, (text) => {
        const fast = fastYamlValue(text)
        if (fast === undefined) return
        answered++
        const full = slow(text)
        expect(full.clean).toBe(true)
        expect(isDeepStrictEqual(fast.value, full.value)).toBe(true)
      }),
      {numRuns: 6000}
    )
    // The generator must reach the fast reader often enough for the property to mean something.
    expect(answered).toBeGreaterThan(400)
  })

  it('leaves to yaml what the two read differently', () => {
    for (const text of ['a: 1_000', 'a: 0b101', 'a: +.5', 'a: -0', 'a: 0x_1', '[a, b]: c', '? x\n: y', '~: x', 'null: x', ': x', '<<: {a: 1}', 'a: &x 1\nb: *x', 'a: !!float 1', '%YAML 1.2\n---\na: 1', 'a: |+\n  kept\n  ', 'a: >2+\n   x\n', 'a:\n  - b:\n      - x\n      - \n  - y', 'a: 1\na: 2', '- a', 'a', '# only a comment']) {
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
