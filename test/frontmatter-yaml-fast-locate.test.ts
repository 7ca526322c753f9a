/**
 * Positions from js-yaml's node spans: wherever the span locator answers,
 * its answer is the `yaml` document's; where it cannot be sure it says so,
 * and the front matter reader asks the document.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fastYamlLocator} from '../src/frontmatter/yaml-fast-locate.js'
import {fastYamlValue} from '../src/frontmatter/yaml-fast.js'
import {parseYamlFrontMatter, readYamlDocument} from '../src/frontmatter/yaml.js'
import {detectFrontMatter} from '../src/hugo/front-matter-detect.js'
import {corpusRoot, examplesRoot, markdownPages} from './support/tree.js'
import {keyPaths, yamlBlock} from './support/yaml-blocks.js'

describe('fastYamlLocator', () => {
  it('gives the yaml document\'s position for every path it answers (fast-check, LF and CRLF)', () => {
    let answered = 0
    fc.assert(
      fc.property(yamlBlock, (text) => {
        const fast = fastYamlValue(text)
        if (fast === undefined) return
        const full = readYamlDocument(text, 3)
        const locate = fastYamlLocator(text, 3)
        for (const path of [...keyPaths(fast.value), ['nope'], ['sla', 'nope', 0], ['title', 99]]) {
          const found = locate(path)
          if (found === 'unsure') continue
          answered++
          expect({text, path, found}).toEqual({text, path, found: full.locate(path)})
        }
      }),
      {numRuns: 8000}
    )
    // The generator must reach the span locator often enough for the property to mean something.
    expect(answered).toBeGreaterThan(3000)
  })

  it('places values, keys and flow items exactly', () => {
    const text = 'title: "Hi" # c\nsla:\n  id: x-1\n  goals: [4h, {p1: 1bd}]\n  list:\n    - a\n    - b: c\n  5: five\n'
    const locate = fastYamlLocator(text, 10)
    const at = (path: Array<string | number>) => {
      const found = locate(path)
      return found === undefined || found === 'unsure' ? found : text.slice(found.start - 10, found.end - 10)
    }

    expect(locate(['title'])).toEqual({start: 17, end: 21, keyStart: 10, keyEnd: 15})
    expect(at(['sla', 'id'])).toBe('x-1')
    expect(at(['sla', 'goals'])).toBe('[4h, {p1: 1bd}]')
    expect(at(['sla', 'goals', 1, 'p1'])).toBe('1bd')
    expect(at(['sla', 'list'])).toBe('- a\n    - b: c')
    expect(at(['sla', 'list', '1', 'b'])).toBe('c')
    expect(at(['sla', 5])).toBe('five')
    expect(at(['sla'])).toBe('id: x-1\n  goals: [4h, {p1: 1bd}]\n  list:\n    - a\n    - b: c\n  5: five')
    expect(locate(['sla', 'list', 2])).toBe(undefined)
    expect(locate(['title', 'deeper'])).toBe(undefined)
    expect(locate(['missing'])).toBe(undefined)
  })

  it('says when it cannot be sure: the whole block, empty values and items, comments yaml may count in, a byte order mark', () => {
    expect(fastYamlLocator('a: 1\n', 0)([])).toBe('unsure')
    expect(fastYamlLocator('a:\nb: 1\n', 0)(['a'])).toBe('unsure')
    expect(fastYamlLocator('{a, b: 1}', 0)(['a'])).toBe('unsure')
    expect(fastYamlLocator('a:\n  - x\n  -\n', 0)(['a'])).toBe('unsure')
    expect(fastYamlLocator('a:\n  - x\n  -\n', 0)(['a', 1])).toBe('unsure')
    expect(fastYamlLocator('a:\n  b: 1\n    # deeper\nc: 2\n', 0)(['a'])).toBe('unsure')
    expect(fastYamlLocator('\uFEFFa: 1\n', 0)(['a'])).toBe('unsure')
    // A comment at the collection's own indentation is not its own: answered.
    expect(fastYamlLocator('a:\n  b: 1\n  # same\nc: 2\n', 0)(['a'])).toEqual({start: 5, end: 9, keyStart: 0, keyEnd: 1})
  })

  it('leaves nothing to the yaml document on the examples and the getdoks.org corpus, and agrees with it there', () => {
    const pages = [...markdownPages(examplesRoot), ...markdownPages(corpusRoot)]
    let paths = 0
    for (const page of pages) {
      const block = detectFrontMatter(page.source).block
      if (block?.format !== 'yaml') continue
      const fast = fastYamlValue(block.value)
      if (fast === undefined) continue
      const locate = fastYamlLocator(block.value, 0)
      const full = readYamlDocument(block.value, 0)
      for (const path of keyPaths(fast.value).slice(1)) {
        paths++
        expect([page.name, path, locate(path)]).toEqual([page.name, path, full.locate(path)])
      }
    }

    expect(paths).toBeGreaterThan(500)
  })

  it('serves parseYamlFrontMatter, which asks the yaml document where the spans are unsure', () => {
    const text = 'a:\nb:\n  - x\n  -\n'
    const read = parseYamlFrontMatter(text, 4)
    const full = readYamlDocument(text, 4)
    for (const path of [['a'], ['b'], ['b', 0], ['b', 1], []]) expect([path, read.locate(path)]).toEqual([path, full.locate(path)])
  })
})
