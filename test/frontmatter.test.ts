import fc from 'fast-check'
import {parse as parseToml, stringify as stringifyToml} from 'smol-toml'
import {describe, expect, it} from 'vitest'
import type {FrontMatterBlock, FrontMatterFormat} from '../src/hugo/types.js'
import {
  parseFrontMatter,
  type ParsedFrontMatter,
  type ValuePosition
} from '../src/frontmatter/index.js'

/** Delimiter lines of the fenced formats. */
const fences = {yaml: '---', toml: '+++'} as const

/**
 * A page with fenced front matter, and its block as the page lexer would
 * delimit it: the text between the opening line and the closing line.
 */
function fenced(
  format: 'yaml' | 'toml',
  body: string,
  newline = '\n'
): {source: string; block: FrontMatterBlock} {
  const fence = fences[format]
  const open = fence + newline
  const close = fence + newline
  const source = open + body + close + 'Page body.' + newline
  return {
    source,
    block: {
      format,
      start: 0,
      end: open.length + body.length + close.length,
      valueStart: open.length,
      value: body
    }
  }
}

/** A page starting with JSON front matter (the block is the object itself). */
function jsonPage(object: string): {source: string; block: FrontMatterBlock} {
  return {
    source: object + '\n\nPage body.\n',
    block: {format: 'json', start: 0, end: object.length + 1, valueStart: 0, value: object}
  }
}

/** Text of a located value. */
function valueText(source: string, found: ValuePosition | undefined): string | undefined {
  return found && source.slice(found.start, found.end)
}

/** Text of a located value's key. */
function keyText(source: string, found: ValuePosition | undefined): string | undefined {
  return found?.keyStart === undefined
    ? undefined
    : source.slice(found.keyStart, found.keyEnd)
}

/** Rule ids of a result's diagnostics. */
function ruleIds(result: ParsedFrontMatter): string[] {
  return result.diagnostics.map((item) => item.ruleId)
}

describe('YAML front matter', () => {
  const body = [
    'title: "Caution"',
    'description: Guides lead a user through a task.',
    'date: 2023-09-07T16:04:48+02:00',
    'lastmod: 2023-09-07',
    'draft: false',
    'weight: 810',
    'toc: true',
    'tags: [sla, support]',
    'seo:',
    '  title: ""',
    '  noindex: false',
    'sla:',
    '  parties:',
    '    client:',
    '      name: Acme Corp',
    '  hours:',
    '    - mon-fri 09:00-17:00',
    '    - sat 10:00-12:00',
    ''
  ].join('\n')
  const {source, block} = fenced('yaml', body)
  const result = parseFrontMatter(block)

  it('parses values with the core schema (dates stay strings)', () => {
    expect(result.format).toBe('yaml')
    expect(result.diagnostics).toEqual([])
    expect(result.data).toEqual({
      title: 'Caution',
      description: 'Guides lead a user through a task.',
      date: '2023-09-07T16:04:48+02:00',
      lastmod: '2023-09-07',
      draft: false,
      weight: 810,
      toc: true,
      tags: ['sla', 'support'],
      seo: {title: '', noindex: false},
      sla: {
        parties: {client: {name: 'Acme Corp'}},
        hours: ['mon-fri 09:00-17:00', 'sat 10:00-12:00']
      }
    })
  })

  it('locates a quoted value with its quotes, and its key', () => {
    // `---\n` is 4 characters; `title: ` 7 more.
    const found = result.locate(['title'])
    expect(found).toEqual({start: 11, end: 20, keyStart: 4, keyEnd: 9})
    expect(valueText(source, found)).toBe('"Caution"')
  })

  it('locates a date as written', () => {
    // Line 3 starts after `---\n` (4), line 1 (17) and line 2 (48): 69.
    const found = result.locate(['date'])
    expect(found).toEqual({start: 75, end: 100, keyStart: 69, keyEnd: 73})
    expect(valueText(source, found)).toBe('2023-09-07T16:04:48+02:00')
    expect(valueText(source, result.locate(['lastmod']))).toBe('2023-09-07')
  })

  it('locates nested values and sequence items', () => {
    const name = result.locate(['sla', 'parties', 'client', 'name'])
    expect(valueText(source, name)).toBe('Acme Corp')
    expect(keyText(source, name)).toBe('name')
    expect(name?.start).toBe(source.indexOf('Acme Corp'))

    expect(valueText(source, result.locate(['tags']))).toBe('[sla, support]')
    const tag = result.locate(['tags', 1])
    expect(valueText(source, tag)).toBe('support')
    expect(tag?.keyStart).toBeUndefined()
    // A string index works too.
    expect(result.locate(['tags', '1'])).toEqual(tag)

    expect(valueText(source, result.locate(['sla', 'hours', 0]))).toBe('mon-fri 09:00-17:00')
    expect(valueText(source, result.locate(['seo', 'title']))).toBe('""')
    expect(valueText(source, result.locate(['seo']))).toBe('title: ""\n  noindex: false')
  })

  it('gives undefined for paths that do not exist', () => {
    expect(result.locate(['missing'])).toBeUndefined()
    expect(result.locate(['tags', 5])).toBeUndefined()
    expect(result.locate(['title', 'deeper'])).toBeUndefined()
    expect(result.locate(['tags', 'x'])).toBeUndefined()
  })

  it('locates the top-level mapping with an empty path', () => {
    expect(result.locate([])).toEqual({start: 4, end: 4 + body.length - 1})
  })

  it('locates an empty value as a point after the key', () => {
    const {source, block} = fenced('yaml', 'summary:\ntitle: x\n')
    const parsed = parseFrontMatter(block)
    expect(parsed.data).toEqual({summary: null, title: 'x'})
    const found = parsed.locate(['summary'])
    expect(keyText(source, found)).toBe('summary')
    expect(found?.start).toBe(found?.end)
  })

  it('reports a syntax error at its offset in the whole file', () => {
    // Line 3 of the file: `---\n` (4) + `draft: false\n` (13) = 17; the
    // nested mapping starts at `Support`, 7 characters into the line.
    const {block} = fenced('yaml', 'draft: false\ntitle: Support: hours\n')
    const parsed = parseFrontMatter(block)
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toHaveLength(1)
    expect(parsed.diagnostics[0]).toMatchObject({
      ruleId: 'front-matter-yaml',
      severity: 'error',
      start: 24,
      end: 25,
      reason:
        'Unexpected mapping inside the value `Support: hours`, expected a single value after the key'
    })
    expect(parsed.diagnostics[0]?.hint).toContain('title: "Support: hours"')
    expect(parsed.locate(['draft'])).toBeUndefined()
  })

  it('reports a tab used for indentation', () => {
    // `---\n` (4) + `title: x\n` (9) + `seo:\n` (5): the tab is at 18.
    const {block} = fenced('yaml', 'title: x\nseo:\n\ttitle: y\n')
    const parsed = parseFrontMatter(block)
    expect(parsed.diagnostics).toMatchObject([
      {
        ruleId: 'front-matter-yaml',
        start: 18,
        end: 19,
        reason: 'Unexpected tab in indentation, expected spaces'
      }
    ])
  })

  it('reports an unclosed quote at the end of the front matter', () => {
    const {block} = fenced('yaml', "title: 'x\n")
    const parsed = parseFrontMatter(block)
    expect(parsed.diagnostics).toMatchObject([
      {ruleId: 'front-matter-yaml', severity: 'error', reason: "Unexpected end of the front matter, expected a closing `'`"}
    ])
    // The whole text is consumed looking for the quote: 4 + 10.
    expect(parsed.diagnostics[0]?.start).toBe(14)
  })

  it('reports a duplicate key as an error naming both places, and keeps the last value (as Hugo does)', () => {
    const {source, block} = fenced('yaml', 'title: A\ntitle: B\n')
    const parsed = parseFrontMatter(block)
    expect(parsed.data).toEqual({title: 'B'})
    expect(parsed.diagnostics).toEqual([
      {
        ruleId: 'front-matter-duplicate-key',
        severity: 'error',
        reason: 'Unexpected second `title` key, expected each key once in a mapping',
        hint: 'Hugo keeps the last value and silently drops the earlier one: remove one of them.',
        start: 13,
        end: 18,
        actual: 'title',
        related: {start: 4, end: 9, reason: 'first `title` key'}
      }
    ])
    expect(source.slice(4, 9)).toBe('title')
    const found = parsed.locate(['title'])
    expect(found).toEqual({start: 20, end: 21, keyStart: 13, keyEnd: 18})
    expect(valueText(source, found)).toBe('B')
  })

  it('stops an alias bomb quickly with a diagnostic', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (const [from, to] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
      lines.push(`${to}: &${to} [${Array.from({length: 9}, () => '*' + from).join(',')}]`)
    }

    const {source, block} = fenced('yaml', lines.join('\n') + '\n')
    const started = performance.now()
    const parsed = parseFrontMatter(block)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(parsed.data).toEqual({})
    expect(ruleIds(parsed)).toEqual(['front-matter-yaml'])
    const [bomb] = parsed.diagnostics
    expect(bomb?.severity).toBe('error')
    expect(bomb?.reason).toMatch(/^Unexpected expansion of more than 100 aliases/)
    // Located at the first alias of an alias: `*b` on line 3.
    expect(bomb && source.slice(bomb.start, bomb.end)).toBe('*b')
    expect(bomb?.start).toBe(source.indexOf('*b'))
  })

  it('reports an alias to an unknown anchor and an alias inside its own anchor', () => {
    const unknown = parseFrontMatter(fenced('yaml', 'title: *nope\n').block)
    expect(unknown.data).toEqual({})
    expect(unknown.diagnostics).toMatchObject([
      {
        ruleId: 'front-matter-yaml',
        start: 11,
        end: 16,
        reason: 'Unexpected alias `*nope`, expected an anchor `&nope` defined before it'
      }
    ])

    const loop = parseFrontMatter(fenced('yaml', 'a: &a [*a]\n').block)
    expect(loop.data).toEqual({})
    expect(loop.diagnostics).toMatchObject([
      {ruleId: 'front-matter-yaml', start: 11, end: 13}
    ])
  })

  it('follows aliases and merge keys', () => {
    const {source, block} = fenced('yaml', 'base: &base {tier: gold}\nsla:\n  <<: *base\n  copy: *base\n')
    const parsed = parseFrontMatter(block)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.data).toEqual({base: {tier: 'gold'}, sla: {tier: 'gold', copy: {tier: 'gold'}}})
    expect(valueText(source, parsed.locate(['sla', 'copy']))).toBe('*base')
    // A merged key points at where it is written: in the anchored mapping.
    expect(parsed.locate(['sla', 'tier'])).toEqual(parsed.locate(['base', 'tier']))
    expect(valueText(source, parsed.locate(['sla', 'copy', 'tier']))).toBe('gold')
  })

  it('refuses a merge key that does not bring a mapping', () => {
    // `---\n` (4) + `list: &l [1]\n` (13) + `sla:\n` (5) + `  <<: ` (6).
    const parsed = parseFrontMatter(fenced('yaml', 'list: &l [1]\nsla:\n  <<: *l\n').block)
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toMatchObject([
      {
        ruleId: 'front-matter-yaml',
        severity: 'error',
        start: 28,
        end: 30,
        reason: 'Unexpected alias `*l` to something other than a mapping after `<<`, expected a mapping or an alias to one'
      }
    ])
  })

  it('refuses a sequence at the top level', () => {
    const {block} = fenced('yaml', '- a\n- b\n')
    const parsed = parseFrontMatter(block)
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toEqual([
      {
        ruleId: 'front-matter-not-mapping',
        severity: 'error',
        reason: 'Unexpected sequence, expected a mapping of keys to values',
        hint: 'Front matter is a set of named fields: write `title: My page` lines.',
        start: 4,
        end: 11
      }
    ])
    expect(parsed.locate([0])).toBeUndefined()
  })

  it('refuses a scalar at the top level', () => {
    const parsed = parseFrontMatter(fenced('yaml', 'just some text\n').block)
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toMatchObject([
      {
        ruleId: 'front-matter-not-mapping',
        reason: 'Unexpected string "just some text", expected a mapping of keys to values'
      }
    ])
  })

  it('accepts empty and comment-only front matter as no data', () => {
    for (const body of ['', '# nothing yet\n', '~\n']) {
      const parsed = parseFrontMatter(fenced('yaml', body).block)
      expect(parsed.data).toEqual({})
      expect(parsed.diagnostics).toEqual([])
    }
  })

  it('keeps `__proto__` as an ordinary key', () => {
    const parsed = parseFrontMatter(fenced('yaml', '__proto__: {polluted: true}\n').block)
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype)
    expect(Object.hasOwn(parsed.data, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('handles CRLF line endings', () => {
    const {source, block} = fenced('yaml', 'title: x\r\ndate: 2023-09-07\r\n', '\r\n')
    const parsed = parseFrontMatter(block)
    expect(parsed.data).toEqual({title: 'x', date: '2023-09-07'})
    // `---\r\n` (5) + `title: x\r\n` (10) + `date: ` (6).
    expect(parsed.locate(['date'])).toEqual({start: 21, end: 31, keyStart: 15, keyEnd: 19})
    expect(valueText(source, parsed.locate(['date']))).toBe('2023-09-07')
  })
})

describe('TOML front matter', () => {
  const body = [
    'title = "Caution"',
    'date = 2023-09-07T16:04:48+02:00',
    'lastmod = 2023-09-07',
    'published = 2023-09-07 16:04:48',
    'draft = false',
    'weight = 810',
    "tags = ['sla', \"support\"]",
    'seo.title = ""',
    '',
    '[sla]',
    'id = "SLA-1"  # the reference',
    'support = {email = "help@example.com", hours.start = "09:00"}',
    '',
    '[sla.parties.client]',
    'name = "Acme Corp"',
    '',
    '[[sla.services]]',
    'name = "Hosting"',
    '',
    '[[sla.services]]',
    'name = "Backup"',
    ''
  ].join('\n')
  const {source, block} = fenced('toml', body)
  const result = parseFrontMatter(block)

  it('parses values, with dates as the strings written', () => {
    expect(result.format).toBe('toml')
    expect(result.diagnostics).toEqual([])
    expect(result.data).toEqual({
      title: 'Caution',
      date: '2023-09-07T16:04:48+02:00',
      lastmod: '2023-09-07',
      published: '2023-09-07 16:04:48',
      draft: false,
      weight: 810,
      tags: ['sla', 'support'],
      seo: {title: ''},
      sla: {
        id: 'SLA-1',
        support: {email: 'help@example.com', hours: {start: '09:00'}},
        parties: {client: {name: 'Acme Corp'}},
        services: [{name: 'Hosting'}, {name: 'Backup'}]
      }
    })
    // Plain objects, not smol-toml's null-prototype tables.
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype)
  })

  it('locates top-level keys and values', () => {
    // `+++\n` is 4 characters; `title = ` 8 more.
    const title = result.locate(['title'])
    expect(title).toEqual({start: 12, end: 21, keyStart: 4, keyEnd: 9})
    expect(valueText(source, title)).toBe('"Caution"')

    // Line 2 starts at 4 + 18 = 22; `date = ` is 7 characters.
    const date = result.locate(['date'])
    expect(date).toEqual({start: 29, end: 54, keyStart: 22, keyEnd: 26})
    expect(valueText(source, date)).toBe('2023-09-07T16:04:48+02:00')
    expect(valueText(source, result.locate(['published']))).toBe('2023-09-07 16:04:48')
  })

  it('locates array elements', () => {
    expect(valueText(source, result.locate(['tags']))).toBe("['sla', \"support\"]")
    expect(valueText(source, result.locate(['tags', 0]))).toBe("'sla'")
    expect(valueText(source, result.locate(['tags', 1]))).toBe('"support"')
    expect(result.locate(['tags', 2])).toBeUndefined()
  })

  it('locates dotted keys', () => {
    const found = result.locate(['seo', 'title'])
    expect(valueText(source, found)).toBe('""')
    expect(keyText(source, found)).toBe('title')
    expect(found?.keyStart).toBe(source.indexOf('seo.title') + 4)
    // The implied `seo` table points at its first mention.
    expect(keyText(source, result.locate(['seo']))).toBe('seo')
  })

  it('locates keys of a `[sla]` table, the table and an inline table', () => {
    const id = result.locate(['sla', 'id'])
    expect(valueText(source, id)).toBe('"SLA-1"')
    expect(keyText(source, id)).toBe('id')
    expect(id?.start).toBe(source.indexOf('"SLA-1"'))

    const table = result.locate(['sla'])
    expect(keyText(source, table)).toBe('sla')
    expect(table?.keyStart).toBe(source.indexOf('[sla]') + 1)
    expect(valueText(source, table)).toBe(
      '[sla]\nid = "SLA-1"  # the reference\nsupport = {email = "help@example.com", hours.start = "09:00"}'
    )

    expect(valueText(source, result.locate(['sla', 'support']))).toBe(
      '{email = "help@example.com", hours.start = "09:00"}'
    )
    const email = result.locate(['sla', 'support', 'email'])
    expect(valueText(source, email)).toBe('"help@example.com"')
    expect(keyText(source, email)).toBe('email')
    expect(valueText(source, result.locate(['sla', 'support', 'hours', 'start']))).toBe('"09:00"')
  })

  it('locates keys of a nested `[sla.parties.client]` table', () => {
    const name = result.locate(['sla', 'parties', 'client', 'name'])
    expect(valueText(source, name)).toBe('"Acme Corp"')
    expect(name?.start).toBe(source.indexOf('"Acme Corp"'))
    const client = result.locate(['sla', 'parties', 'client'])
    expect(client?.keyStart).toBe(source.indexOf('client]'))
    expect(valueText(source, client)).toBe('[sla.parties.client]\nname = "Acme Corp"')
    // `parties` is only implied by the header.
    expect(valueText(source, result.locate(['sla', 'parties']))).toBe('parties')
  })

  it('locates arrays of tables by index', () => {
    const second = result.locate(['sla', 'services', 1, 'name'])
    expect(valueText(source, second)).toBe('"Backup"')
    expect(second?.start).toBe(source.indexOf('"Backup"'))
    expect(valueText(source, result.locate(['sla', 'services', 0]))).toBe(
      '[[sla.services]]\nname = "Hosting"'
    )
    expect(result.locate(['sla', 'services', 2])).toBeUndefined()
  })

  it('reports a syntax error at its exact offset', () => {
    // `+++\n` (4) + `title = "x"\n` (12) = 16 starts line 2; the bare word
    // starts 14 characters into `description = Hello`.
    const parsed = parseFrontMatter(fenced('toml', 'title = "x"\ndescription = Hello\n').block)
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toEqual([
      {
        ruleId: 'front-matter-toml',
        severity: 'error',
        reason:
          'Unexpected `Hello`, expected a value: a quoted string, number, boolean, date, array or inline table',
        hint: 'Put text in double quotes, e.g. `title = "My page"`.',
        start: 30,
        end: 30
      }
    ])
  })

  it('reports YAML syntax in TOML, with CRLF line endings', () => {
    // `+++\r\n` (5) + `title = "x"\r\n` (13) = 18; the colon is 3 further.
    const parsed = parseFrontMatter(fenced('toml', 'title = "x"\r\nfoo: 1\r\n', '\r\n').block)
    expect(parsed.diagnostics).toMatchObject([
      {
        ruleId: 'front-matter-toml',
        start: 21,
        reason: 'Unexpected `:` after a key, expected `=`'
      }
    ])
  })

  it('reports a key defined twice (TOML and Hugo refuse it)', () => {
    // `+++\n` (4) + `title = "a"\n` (12): the second key starts at 16.
    const parsed = parseFrontMatter(fenced('toml', 'title = "a"\ntitle = "b"\n').block)
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toMatchObject([
      {
        ruleId: 'front-matter-toml',
        severity: 'error',
        start: 16,
        reason: 'Unexpected second definition of `title`, expected each key and table once'
      }
    ])
  })

  it('reports an unclosed string', () => {
    const parsed = parseFrontMatter(fenced('toml', 'title = "Caution\n').block)
    expect(parsed.diagnostics).toMatchObject([
      {ruleId: 'front-matter-toml', reason: 'Unexpected line break in a string, expected a closing quote', start: 20}
    ])
  })

  it('turns big integers into numbers and keeps local times as written', () => {
    const parsed = parseFrontMatter(fenced('toml', 'big = 9007199254740993\nopens = 09:30:00\n').block)
    expect(parsed.data).toEqual({big: 9_007_199_254_740_992, opens: '09:30:00'})
  })
})

describe('JSON front matter', () => {
  const object = [
    '{',
    '  "title": "Caution",',
    '  "date": "2023-09-07T16:04:48+02:00",',
    '  "weight": 810,',
    '  "tags": ["sla", "support"],',
    '  "sla": {"parties": {"client": {"name": "Acme Corp"}}}',
    '}'
  ].join('\n')
  const {source, block} = jsonPage(object)
  const result = parseFrontMatter(block)

  it('parses values', () => {
    expect(result.diagnostics).toEqual([])
    expect(result.data).toEqual({
      title: 'Caution',
      date: '2023-09-07T16:04:48+02:00',
      weight: 810,
      tags: ['sla', 'support'],
      sla: {parties: {client: {name: 'Acme Corp'}}}
    })
  })

  it('locates values and keys (keys with their quotes)', () => {
    // `{\n` (2) + two spaces: the key starts at 4; `"title": ` is 9 long.
    const title = result.locate(['title'])
    expect(title).toEqual({start: 13, end: 22, keyStart: 4, keyEnd: 11})
    expect(valueText(source, title)).toBe('"Caution"')
    expect(keyText(source, title)).toBe('"title"')

    expect(valueText(source, result.locate(['weight']))).toBe('810')
    expect(valueText(source, result.locate(['tags', 1]))).toBe('"support"')
    expect(valueText(source, result.locate(['sla', 'parties', 'client', 'name']))).toBe('"Acme Corp"')
    expect(valueText(source, result.locate(['sla', 'parties']))).toBe('{"client": {"name": "Acme Corp"}}')
    expect(result.locate([])).toEqual({start: 0, end: object.length})
    expect(result.locate(['nope'])).toBeUndefined()
  })

  it('reports a trailing comma at its offset, with Hugo\'s wording', () => {
    const parsed = parseFrontMatter(jsonPage('{"title": "x",\n}').block)
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toEqual([
      {
        ruleId: 'front-matter-json',
        severity: 'error',
        reason: 'Unexpected `}` after a comma, expected another `"key": value`',
        hint: 'JSON does not allow a trailing comma: remove the last `,`.',
        hugo: "unmarshal failed: invalid character '}' looking for beginning of object key string",
        start: 15,
        end: 16
      }
    ])
  })

  it('reports single quotes, a missing comma and an unclosed object', () => {
    const quote = parseFrontMatter(jsonPage("{'title': 'x'}").block)
    expect(quote.diagnostics).toMatchObject([
      {ruleId: 'front-matter-json', start: 1, reason: "Unexpected `'`, expected a key in double quotes"}
    ])

    // `{"a": 1` is 7 characters, then a line break and three spaces: 11.
    const comma = parseFrontMatter(jsonPage('{"a": 1\n   "b": 2}').block)
    expect(comma.diagnostics).toMatchObject([
      {
        start: 11,
        reason: 'Unexpected `"`, expected `,` or `}`',
        hint: 'A comma is missing before this value.',
        hugo: `unmarshal failed: invalid character '"' after object key:value pair`
      }
    ])

    const open = parseFrontMatter(jsonPage('{"a": [1, 2]').block)
    expect(open.diagnostics).toMatchObject([
      {start: 12, end: 12, reason: 'Unexpected end of the front matter, expected `,` or `}`', hugo: 'unmarshal failed: unexpected end of JSON input'}
    ])
  })

  it('reports a duplicate key as an error naming both places, and keeps the last value', () => {
    const {source, block} = jsonPage('{"a": {"x": 1}, "a": {"y": 2}}')
    const parsed = parseFrontMatter(block)
    expect(parsed.data).toEqual({a: {y: 2}})
    expect(parsed.diagnostics).toMatchObject([
      {ruleId: 'front-matter-duplicate-key', severity: 'error', start: 16, end: 19, related: {start: 1, end: 4}}
    ])
    expect(valueText(source, parsed.locate(['a']))).toBe('{"y": 2}')
    expect(parsed.locate(['a', 'x'])).toBeUndefined()
  })

  it('refuses an array at the top level', () => {
    const parsed = parseFrontMatter(jsonPage('["a"]').block)
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toMatchObject([
      {ruleId: 'front-matter-not-mapping', start: 0, end: 5, reason: 'Unexpected array, expected a mapping of keys to values'}
    ])
  })
})

describe('Org front matter', () => {
  it('reads `#+key: value` lines as strings, with positions', () => {
    const value = '#+title: Support hours\n#+TAGS[]: sla support\n#+draft:\n'
    const source = value + '\nPage body.\n'
    const parsed = parseFrontMatter({format: 'org', start: 0, end: value.length, valueStart: 0, value})
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.data).toEqual({title: 'Support hours', tags: ['sla', 'support'], draft: ''})
    const title = parsed.locate(['title'])
    expect(title).toEqual({start: 9, end: 22, keyStart: 2, keyEnd: 7})
    expect(valueText(source, parsed.locate(['tags', 1]))).toBe('support')
    expect(keyText(source, parsed.locate(['tags']))).toBe('TAGS[]')
  })

  it('reports a repeated text key as an error naming both places, and joins the lines as Hugo does', () => {
    const value = '#+title: One\n#+Title: Two\n'
    const parsed = parseFrontMatter({format: 'org', start: 0, end: value.length, valueStart: 0, value})
    expect(parsed.data).toEqual({title: 'One\nTwo'})
    expect(parsed.locate(['title'])).toEqual({start: 9, end: 25, keyStart: 2, keyEnd: 7})
    expect(parsed.diagnostics).toMatchObject([
      {
        ruleId: 'front-matter-duplicate-key',
        severity: 'error',
        reason: 'Unexpected second `#+title`, expected each key once',
        start: 15,
        end: 20,
        related: {start: 2, end: 7, reason: 'first `#+title` key'}
      }
    ])
  })

  it('warns about a repeated list key, whose words Hugo appends', () => {
    const value = '#+tags[]: a b\n#+TAGS[]: c\n#+aliases: /x\n'
    const parsed = parseFrontMatter({format: 'org', start: 0, end: value.length, valueStart: 0, value})
    expect(parsed.data).toEqual({tags: ['a', 'b', 'c'], aliases: ['/x']})
    expect(value.slice(parsed.locate(['tags', 2])!.start, parsed.locate(['tags', 2])!.end)).toBe('c')
    expect(value.slice(parsed.locate(['tags', 0])!.start, parsed.locate(['tags', 0])!.end)).toBe('a')
    expect(parsed.diagnostics).toMatchObject([
      {ruleId: 'front-matter-duplicate-key', severity: 'warning', start: 16, end: 22, related: {start: 2, end: 8}}
    ])
  })

  it('warns about lines Hugo ignores', () => {
    const value = '#+title: x\n#+title:x\n'
    const parsed = parseFrontMatter({format: 'org', start: 0, end: value.length, valueStart: 0, value})
    expect(parsed.data).toEqual({title: 'x'})
    expect(parsed.diagnostics).toMatchObject([
      {ruleId: 'front-matter-org', severity: 'warning', start: 11, end: 20}
    ])
  })
})

describe('positions match the data', () => {
  /** Every path in some data, with the value found there. */
  function entries(
    value: unknown,
    path: Array<string | number> = [],
    found: Array<[Array<string | number>, unknown]> = []
  ): Array<[Array<string | number>, unknown]> {
    found.push([path, value])
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) entries(item, [...path, index], found)
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) entries(item, [...path, key], found)
    }

    return found
  }

  const key = fc.oneof(
    fc.string({maxLength: 6}),
    fc.constantFrom('sla', 'a.b', 'x y', '"q"', "it's", '#', '=', '[t]')
  )
  const scalar = fc.oneof(
    fc.string({maxLength: 10}),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom('line\nbreak', '"""', "'''", 'back\\slash')
  )
  const {tree} = fc.letrec((tie) => ({
    tree: fc.oneof({depthSize: 'small'}, scalar, tie('list'), tie('table')),
    list: fc.array(tie('tree'), {maxLength: 3}),
    table: fc.dictionary(key, tie('tree'), {maxKeys: 3})
  }))
  const data = fc
    .dictionary(key, tree, {minKeys: 1, maxKeys: 4})
    .filter((value) => !JSON.stringify(value).includes('__proto__'))

  it('locates every value written by a TOML or JSON serializer, at text that parses back to it', () => {
    fc.assert(
      fc.property(data, fc.constantFrom('toml', 'json') , fc.nat({max: 4}), (value, format, indent) => {
        const text = format === 'toml'
          ? stringifyToml(value)
          : JSON.stringify(value, undefined, indent)
        const valueStart = 5
        const source = '+++\n' + ' ' + text
        const parsed = parseFrontMatter({format, start: 0, end: source.length, valueStart, value: text})
        expect(parsed.diagnostics).toEqual([])
        expect(parsed.data).toEqual(value)

        for (const [path, item] of entries(parsed.data).slice(1)) {
          const found = parsed.locate(path)
          expect(found, JSON.stringify(path)).toBeDefined()
          if (!found || (typeof item === 'object' && item !== null)) continue
          const written = source.slice(found.start, found.end)
          const back = format === 'json'
            ? (JSON.parse(written) as unknown)
            : parseToml('x = ' + written)['x']
          expect(back).toEqual(item)
        }
      }),
      {numRuns: 300}
    )
  })
})

describe('parseFrontMatter never throws', () => {
  it('reports an unknown format as an internal error at the block start', () => {
    const parsed = parseFrontMatter({
      format: 'xml' as FrontMatterFormat,
      start: 0,
      end: 10,
      valueStart: 4,
      value: '<a/>'
    })
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toMatchObject([
      {ruleId: 'front-matter-internal', severity: 'error', start: 4, end: 4}
    ])
  })

  // Characters that matter to the three syntaxes, so that random text often
  // gets deep into the parsers rather than failing on the first character.
  const syntax = fc.constantFrom(
    ...'{}[]()"\'\\:=,.#&*!|>-+? \t\n\r0123456789abcxyzé😀'.split(''),
    '\\u',
    '"""',
    '---',
    'true',
    'null',
    '2023-09-07',
    '&a',
    '*a',
    '<<'
  )
  const text = fc.oneof(
    fc.string(),
    fc.string({unit: 'grapheme'}),
    fc.string({unit: syntax, maxLength: 60})
  )
  const formats: FrontMatterFormat[] = ['yaml', 'toml', 'json', 'org']

  it('keeps every diagnostic inside the block, for any text in any format', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.nat({max: 50}),
        text,
        fc.array(fc.oneof(fc.string({maxLength: 3}), fc.nat({max: 3})), {maxLength: 3}),
        (format, valueStart, value, path) => {
          const block: FrontMatterBlock = {
            format,
            start: 0,
            end: valueStart + value.length,
            valueStart,
            value
          }
          const parsed = parseFrontMatter(block)
          for (const item of parsed.diagnostics) {
            expect(item.start).toBeGreaterThanOrEqual(valueStart)
            expect(item.end).toBeGreaterThanOrEqual(item.start)
            expect(item.end).toBeLessThanOrEqual(valueStart + value.length)
            expect(item.reason).toMatch(/^Unexpected [\s\S]+, expected /)
          }

          expect(() => JSON.stringify(parsed.data)).not.toThrow()
          const found = parsed.locate(path)
          if (found) {
            expect(found.start).toBeGreaterThanOrEqual(valueStart)
            expect(found.end).toBeLessThanOrEqual(valueStart + value.length)
          }
        }
      ),
      {numRuns: 2000}
    )
  })
})
