/**
 * Differential tests: slamark's front matter readers against a real Hugo
 * binary, where Hugo decides the answer and we promise the same data: Org
 * keywords (lists, repeated keys) and the plain values of YAML, TOML and
 * JSON. Dates are left out on purpose: Hugo turns them into Go times, we
 * keep them as written (see the README's design notes).
 *
 * All cases are pages of one site, built once; each page prints its params
 * as JSON. Runs only when `hugo` is on PATH (expectations written against
 * Hugo 0.111.3, Debian).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseFrontMatter} from '../src/frontmatter/index.js'
import {detectFrontMatter} from '../src/hugo/front-matter-detect.js'
import {cleanEnv, hugoAvailable} from './support/hugo.js'

interface Case {
  name: string
  /** The page, front matter and a line of body. */
  source: string
  /** What Hugo must print for these keys (lower case, as Hugo stores them). */
  expected: Record<string, unknown>
}

const cases: Case[] = [
  {name: 'org text and list keywords', source: '#+title: Support\n#+tags[]: sla support\n\nBody\n', expected: {title: 'Support', tags: ['sla', 'support']}},
  {name: 'org tags, categories and aliases are lists without []', source: '#+title: T\n#+tags: a b\n#+categories: c\n#+aliases: /x /y\n#+series: s t\n\nBody\n', expected: {tags: ['a', 'b'], categories: ['c'], aliases: ['/x', '/y'], series: 's t'}},
  {name: 'org repeated text key joins lines', source: '#+title: One\n#+TITLE: Two\n#+summary: a\n#+summary: b\n\nBody\n', expected: {title: 'One\nTwo', summary: 'a\nb'}},
  {name: 'org repeated list key appends words', source: '#+title: T\n#+tags[]: a b\n#+TAGS[]: c\n#+categories: x\n#+categories: y z\n\nBody\n', expected: {tags: ['a', 'b', 'c'], categories: ['x', 'y', 'z']}},
  {name: 'org upper-case keys are lower-cased', source: '#+TITLE: Upper\n#+Description: Mixed\n\nBody\n', expected: {title: 'Upper', description: 'Mixed'}},
  {name: 'yaml scalars and lists', source: '---\ntitle: "Y"\nweight: 3\nratio: 1.5\ntoc: true\ntags: [a, b]\nseo:\n  title: S\n---\nBody\n', expected: {title: 'Y', weight: 3, ratio: 1.5, toc: true, tags: ['a', 'b'], seo: {title: 'S'}}},
  {name: 'yaml duplicate key keeps the last', source: '---\ntitle: A\ntitle: B\n---\nBody\n', expected: {title: 'B'}},
  {name: 'toml scalars and tables', source: '+++\ntitle = "T"\nweight = 2\n[seo]\ntitle = "S"\nnoindex = false\n+++\nBody\n', expected: {title: 'T', weight: 2, seo: {title: 'S', noindex: false}}},
  {name: 'json object', source: '{\n  "title": "J",\n  "weight": 7,\n  "tags": ["x"]\n}\nBody\n', expected: {title: 'J', weight: 7, tags: ['x']}}
]

/** Hugo stores param keys in lower case; compare like with like. */
function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.toLowerCase(), lowerKeys(item)]))
  }

  return value
}

function ours(source: string): Record<string, unknown> {
  const {block} = detectFrontMatter(source)
  if (!block) throw new Error('no front matter detected')
  return lowerKeys(parseFrontMatter(block).data) as Record<string, unknown>
}

describe.runIf(hugoAvailable)('front matter data matches Hugo', () => {
  let root: string
  const printed = new Map<string, Record<string, unknown>>()

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-frontmatter-'))
    fs.mkdirSync(path.join(root, 'layouts', '_default'), {recursive: true})
    fs.mkdirSync(path.join(root, 'content'), {recursive: true})
    fs.writeFileSync(path.join(root, 'hugo.toml'), 'baseURL = "http://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    fs.writeFileSync(path.join(root, 'layouts', '_default', 'single.html'), '{{ .Params | jsonify }}')
    fs.writeFileSync(path.join(root, 'layouts', '_default', 'list.html'), '')
    cases.forEach((item, index) => fs.writeFileSync(path.join(root, 'content', `case-${index}.md`), item.source))
    const result = spawnSync('hugo', ['--quiet', '--source', root, '--cacheDir', path.join(root, '.cache')], {
      encoding: 'utf8',
      timeout: 60_000,
      env: cleanEnv()
    })
    if (result.status !== 0) throw new Error(`hugo failed: ${result.stderr}`)
    cases.forEach((_, index) => {
      const html = fs.readFileSync(path.join(root, 'public', `case-${index}`, 'index.html'), 'utf8')
      printed.set(String(index), JSON.parse(html) as Record<string, unknown>)
    })
  }, 90_000)

  afterAll(() => {
    if (root) fs.rmSync(root, {recursive: true, force: true})
  })

  cases.forEach((item, index) => {
    it(item.name, () => {
      const hugo = printed.get(String(index))!
      const mine = ours(item.source)
      for (const [key, value] of Object.entries(item.expected)) {
        expect(hugo[key], `hugo ${key}`).toEqual(value)
        expect(mine[key], `slamark ${key}`).toEqual(value)
      }
    })
  })
})

describe.runIf(!hugoAvailable)('front matter data matches Hugo (hugo missing)', () => {
  it('says that the differential tests did not run', () => {
    // Stated, not skipped silently: without `hugo` on PATH these comparisons cannot run.
    expect(hugoAvailable).toBe(false)
  })
})
