/**
 * The site index's front matter read (`src/site/front-matter-fields.ts`):
 * the fields it cuts out of a YAML block are the fields the whole reader
 * gives, for generated front matter and for the YAML that must take the
 * whole reader (anchors, aliases, merge keys, tags, flow and complex keys).
 */
import fc from 'fast-check'
import {stringify} from 'yaml'
import {describe, expect, it} from 'vitest'
import {parseFrontMatter} from '../src/frontmatter/index.js'
import {detectFrontMatter} from '../src/hugo/index.js'
import {indexKeys, readIndexFields} from '../src/site/front-matter-fields.js'

/** The fields the whole reader gives for the index keys. */
function whole(source: string): Record<string, unknown> {
  const block = detectFrontMatter(source).block
  if (!block) return {}
  const data = parseFrontMatter(block).data
  return Object.fromEntries(Object.entries(data).filter(([key]) => indexKeys.has(key.toLowerCase())))
}

function fields(source: string): Record<string, unknown> {
  const block = detectFrontMatter(source).block
  return block ? readIndexFields(block) : {}
}

describe('readIndexFields', () => {
  it('gives the same fields as the whole reader for generated YAML front matter', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom('2026-01-02', '2026-01-02T10:00:00+01:00', 'true', 'null', '~', '0x1f', '1e3', '# not a comment', 'a: b', '- x', '&anchor', '*alias', '"quoted"', "it's"),
      fc.integer(),
      fc.double({noNaN: true}),
      fc.boolean(),
      fc.constant(null)
    )
    const value = fc.oneof(scalar, fc.array(scalar, {maxLength: 3}), fc.dictionary(fc.constantFrom('title', 'noindex', 'a', 'b c'), scalar, {maxKeys: 3}))
    const key = fc.oneof(fc.constantFrom(...indexKeys, 'Title', 'DRAFT', 'sla', 'params', 'tags', 'x-y', 'weight2'), fc.string({minLength: 1, maxLength: 8}))
    fc.assert(
      fc.property(fc.dictionary(key, value, {maxKeys: 8}), fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'QUOTE_SINGLE') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'QUOTE_SINGLE'>, (data, style) => {
        const text = stringify(data, {defaultStringType: style, lineWidth: 20})
        const source = `---\n${text}---\nBody.\n`
        expect(fields(source)).toEqual(whole(source))
      }),
      {numRuns: 400}
    )
  })

  it('reads only the index keys, keeping their case, from block scalars, comments and nested tables', () => {
    const source = [
      '---',
      '# A comment at the top',
      'Title: "Support desk"',
      'description: >',
      '  Two lines',
      '  folded.',
      'sla:',
      '  id: desk',
      '  targets: {a: 1}',
      'seo:',
      '  noindex: true # hidden',
      "'weight': 3",
      '---',
      'Body.'
    ].join('\n')
    expect(fields(source)).toEqual({Title: 'Support desk', description: 'Two lines folded.\n', seo: {noindex: true}, weight: 3})
    expect(fields(source)).toEqual(whole(source))
  })

  it('takes the whole reader where entries can depend on each other, with the same result', () => {
    const cases = [
      '---\nbase: &base\n  noindex: true\nseo: *base\n---\n',
      '---\ndefaults: &d {title: From anchor}\n<<: *d\ndraft: true\n---\n',
      '---\ntitle: !!str 12\n---\n',
      '---\n{title: Flow, draft: true}\n---\n',
      '---\n? title\n: Complex key\n---\n',
      '---\n"ti\\x74le": Escaped key\n---\n',
      '+++\ntitle = "TOML"\ndraft = true\n[sla]\nid = "x"\n+++\n',
      '{"title": "JSON", "weight": 2, "sla": {}}\n',
      '#+title: Org\n#+draft: true\n'
    ]
    for (const source of cases) expect(fields(source), source).toEqual(whole(source))
    expect(fields(cases[0]!)).toEqual({seo: {noindex: true}})
    expect(fields(cases[1]!)).toEqual({title: 'From anchor', draft: true})
    expect(fields(cases[6]!)).toEqual({title: 'TOML', draft: true})
  })

  it('gives `{}` for front matter that does not parse', () => {
    expect(fields('---\ntitle: [unclosed\n---\n')).toEqual({})
  })
})
