/**
 * Hostile and broken input through `parsePage`: every problem is a located
 * diagnostic, nothing throws, deep nesting does not overflow the stack, and
 * the lexer's work grows linearly with the input (counted, not timed).
 */
import type {Nodes, Root} from 'mdast'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {createRegistry, lexPage, type Diagnostic, type ShortcodeCall} from '../src/hugo/index.js'
import {parsePage} from '../src/syntax/parse.js'

const registry = createRegistry({shortcodes: {params: false, wrap: true, raw: true}})

/** A small seeded generator (mulberry32), so every run sees the same "random" input. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d_2b_79_f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

function expectInRange(diagnostics: Diagnostic[], source: string): void {
  for (const item of diagnostics) {
    expect(item.start, item.ruleId).toBeGreaterThanOrEqual(0)
    expect(item.end, item.ruleId).toBeGreaterThanOrEqual(item.start)
    expect(item.end, item.ruleId).toBeLessThanOrEqual(source.length)
  }
}

/** Parse and lex without throwing, and check every diagnostic's range. */
function survive(source: string): void {
  const parsed = parsePage(source, {registry})
  expect(parsed.tree.type).toBe('root')
  expect(parsed.tree.position?.end.offset).toBe(source.length)
  expectInRange(parsed.diagnostics, source)
  expectInRange(lexPage(source, {registry}).diagnostics, source)
}

function point(at: Point): [number, number, number | undefined] {
  return [at.line, at.column, at.offset]
}

function findNode(tree: Root, test: (node: Nodes) => boolean): Nodes {
  let found: Nodes | undefined
  visit(tree, (node) => {
    if (!found && test(node)) found = node
  })
  if (!found) throw new Error('node not found')
  return found
}

describe('parsePage on broken shortcodes', () => {
  interface Row {
    title: string
    source: string
    ruleId: string
    /** 1-based line and column of the diagnostic's start. */
    line: number
    column: number
  }

  const rows: Row[] = [
    {title: 'a body never closed', source: 'Intro\n\n{{< wrap >}}\nBody\n', ruleId: 'shortcode-unclosed', line: 3, column: 1},
    {
      title: 'a mismatched closing tag',
      source: 'Intro\n\n{{< wrap >}}\nx\n{{< /raw >}}\n',
      ruleId: 'shortcode-close-unopened',
      line: 5,
      column: 6
    },
    {
      title: 'a stray closing tag',
      source: 'Intro\n\n{{< wrap >}}x{{< /wrap >}}\n{{< /wrap >}}\n',
      ruleId: 'shortcode-close-unopened',
      line: 4,
      column: 1
    },
    {
      title: 'an unknown shortcode',
      source: 'Intro\n\nSee {{< nosuch a=1 >}} here.\n',
      ruleId: 'shortcode-unknown',
      line: 3,
      column: 9
    },
    {
      title: 'a bad character',
      source: 'Intro\n\n{{< params a=1 ! >}}\n',
      ruleId: 'shortcode-param-unquoted',
      line: 3,
      column: 16
    },
    {
      title: 'a quoted value cut by a newline',
      source: 'Intro\n\n{{< params a="x\ny" >}}\n',
      ruleId: 'shortcode-param-unterminated',
      line: 3,
      column: 14
    },
    {
      title: 'a tag never ended',
      source: 'Intro\n\n{{< params a="x"\n',
      ruleId: 'shortcode-unclosed-tag',
      line: 3,
      column: 1
    },
    {title: 'a tag without a name', source: 'Intro\n{{< >}}\n', ruleId: 'shortcode-name', line: 2, column: 1},
    {
      title: 'a period in a name',
      source: 'Intro\n\n{{< my.sc >}}\n',
      ruleId: 'shortcode-name',
      line: 3,
      column: 7
    },
    {
      title: 'a comment never closed',
      source: 'Intro\n\n  {{</* x >}}\n',
      ruleId: 'shortcode-comment-unclosed',
      line: 3,
      column: 3
    },
    {
      title: 'mixed params over two lines',
      source: 'Intro\n\n{{< params a=1\n  b 2 >}}\n',
      ruleId: 'shortcode-params-mixed',
      line: 4,
      column: 3
    },
    {
      title: 'a newline inside a closing tag',
      source: 'Intro\n\n{{< wrap >}}x{{< /wrap\n>}}\n',
      ruleId: 'shortcode-closing-tag',
      line: 3,
      column: 23
    },
    {
      title: 'a self-closed shortcode without a body',
      source: 'Intro\n\n{{< params />}}\n',
      ruleId: 'shortcode-no-body',
      line: 3,
      column: 1
    },
    {title: 'a list item as the first line', source: '- item\n- two\n', ruleId: 'front-matter-delimiter', line: 1, column: 1}
  ]

  it.each(rows)('should locate $title', (row) => {
    const parsed = parsePage(row.source, {registry})
    const found = parsed.diagnostics.find((item) => item.ruleId === row.ruleId)
    expect(found, JSON.stringify(parsed.diagnostics)).toBeDefined()
    expect(found!.severity).toBe('error')
    const at = parsed.lines.toPoint(found!.start)
    expect([at.line, at.column]).toEqual([row.line, row.column])
    // The rest of the page is still parsed.
    expect(parsed.tree.children.length).toBeGreaterThan(0)
    expect(parsed.tree.position?.end.offset).toBe(row.source.length)
  })
})

describe('parsePage on a 10 MB page', () => {
  const fence = '```'

  // Lists and GFM tables are left out: micromark's own handling of many of
  // them in one document grows faster than linearly, which is not what this
  // test is about (the page lexer and the shortcode restoring are).
  function section(index: number): string {
    return [
      `## Section ${index} {{< params n=${index} >}}`,
      '',
      `Availability target of tier ${index % 7} is **99.${index % 10}%** each [month](https://example.com/${index}), with a reply within ${index % 24} hours; see {{< params "inline" >}} below.`,
      '',
      `Write \`{{< params >}}\` in code, or {{</* callout */>}} to show a tag.`,
      '',
      `{{< callout context="note" title="Note ${index}" >}}`,
      `Callout body ${index} with *emphasis* and {{< params x >}}.`,
      '{{< /callout >}}',
      '',
      `${fence}yaml`,
      `key: ${index} # {{< params >}}`,
      fence,
      '',
      ''
    ].join('\n')
  }

  const parts = ['---\ntitle: Big\n---\n\n']
  let size = parts[0]!.length
  while (size < 10 * 1024 * 1024) {
    const text = section(parts.length - 1)
    parts.push(text)
    size += text.length
  }

  const sections = parts.length - 1
  const source = parts.join('')

  it('should lex it completely', () => {
    expect(source.length).toBeGreaterThanOrEqual(10 * 1024 * 1024)
    const page = lexPage(source, {registry: createRegistry({shortcodes: {params: false}})})
    expect(page.diagnostics).toEqual([])
    // Heading, paragraph, inline code, callout and code fence: five per section.
    expect(page.calls.length).toBe(sections * 5)
    expect(page.comments.length).toBe(sections)
  })

  it('should parse it without throwing, with every callout in place', {timeout: 600_000}, () => {
    const parsed = parsePage(source, {registry: createRegistry({shortcodes: {params: false}})})
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.tree.position?.end.offset).toBe(source.length)

    let callouts = 0
    let last: Nodes | undefined
    visit(parsed.tree, 'containerDirective', (node) => {
      if (node.name === 'callout') {
        callouts++
        last = node
      }
    })
    expect(callouts).toBe(sections)

    const lastCall = parsed.page.calls.filter((call) => call.name === 'callout').at(-1)!
    const lineOfLast = source.slice(0, lastCall.start).split('\n').length
    expect(point(last!.position!.start)).toEqual([lineOfLast, 1, lastCall.start])
  })
})

describe('parsePage on deep nesting', () => {
  const depth = 10_000
  const prefix = 'Intro\n\n'
  const open = '{{< wrap >}}'

  it('should parse 10,000 nested shortcodes and warn about the depth', () => {
    const source = prefix + open.repeat(depth) + 'core' + '{{< /wrap >}}'.repeat(depth) + '\n'
    const parsed = parsePage(source, {registry})

    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'shortcode-nesting-depth',
        severity: 'warning',
        // The first call past the default limit of 64 levels.
        start: prefix.length + 64 * open.length,
        end: prefix.length + 65 * open.length
      })
    ])

    // The lexer kept the whole chain, each call closed by its own tag.
    let call: ShortcodeCall | undefined = parsed.page.calls[0]
    let levels = 0
    while (call) {
      expect(call.closed).toBe(true)
      expect(call.depth).toBe(levels)
      levels++
      call = call.children[0]
    }

    expect(levels).toBe(depth)
    expect(parsed.page.calls.length).toBe(1)
  })

  it('should honour a smaller maxDepth', () => {
    const source = prefix + open.repeat(10) + '{{< /wrap >}}'.repeat(10)
    const parsed = parsePage(source, {registry, maxDepth: 3})
    expect(parsed.diagnostics.map((item) => [item.ruleId, item.start])).toEqual([
      ['shortcode-nesting-depth', prefix.length + 3 * open.length]
    ])
  })

  it('should parse 10,000 unclosed shortcodes, each reported', () => {
    const source = prefix + open.repeat(depth) + '\n'
    const parsed = parsePage(source, {registry})
    const unclosed = parsed.diagnostics.filter((item) => item.ruleId === 'shortcode-unclosed')
    expect(unclosed.length).toBe(depth)
    // Recovery flattens the chain: every call is a top-level call without a body.
    expect(parsed.page.calls.length).toBe(depth)
    expect(parsed.page.calls.every((call) => !call.closed && call.children.length === 0)).toBe(true)
    expect(parsed.page.calls.map((call) => call.start).slice(0, 3)).toEqual([7, 19, 31])
  })

  it('should lex 200,000 unclosed shortcodes without overflowing the stack', () => {
    const source = prefix + open.repeat(200_000)
    const page = lexPage(source, {registry})
    expect(page.calls.length).toBe(200_000)
    expect(page.diagnostics.length).toBe(200_000)
  })

  it('should parse 200,000 shortcodes in one paragraph without overflowing the stack', () => {
    const source = prefix + 'Text '.concat('{{< sla-value "x" >}} '.repeat(200_000)) + '\n'
    const parsed = parsePage(source)
    const paragraph = parsed.tree.children.at(-1)!
    const shortcodes = (paragraph as {children: Array<{type: string}>}).children.filter(
      (node) => node.type === 'textDirective'
    )
    expect(shortcodes.length).toBe(200_000)
    expect(parsed.diagnostics).toEqual([])
  })
})

describe('parsePage on binary garbage', () => {
  const fragments = ['{{<', '{{%', '>}}', '%}}', '/*', '*/', '"', '`', '\\', '=', '/', '\n', '\r\n', '\0', '\ud800', '\udfff', '\ufeff']

  function bytes(next: () => number, length: number): Uint8Array {
    const result = new Uint8Array(length)
    for (let index = 0; index < length; index++) result[index] = Math.floor(next() * 256)
    return result
  }

  it('should survive random bytes decoded as latin1 and as UTF-8', () => {
    const next = random(0x5eed)
    for (let round = 0; round < 60; round++) {
      const buffer = Buffer.from(bytes(next, Math.floor(next() * 3000)))
      survive(buffer.toString('latin1'))
      survive(buffer.toString('utf8'))
    }
  })

  it('should survive random bytes mixed with shortcode delimiters', () => {
    const next = random(42)
    for (let round = 0; round < 80; round++) {
      const pieces: string[] = []
      const count = Math.floor(next() * 200)
      for (let index = 0; index < count; index++) {
        pieces.push(
          next() < 0.5
            ? fragments[Math.floor(next() * fragments.length)]!
            : Buffer.from(bytes(next, Math.floor(next() * 8))).toString('latin1')
        )
      }

      survive(pieces.join(''))
      survive('---\n' + pieces.join(''))
    }
  })

  const fixed: Array<[string, string]> = [
    ['NUL bytes everywhere', '\0{{<\0params\0>}}\0\n{{< params a="\0" >}}\0'],
    ['NUL bytes only', '\0'.repeat(1000)],
    ['a lone high surrogate as a param', 'A\n{{< params \ud800 >}}'],
    ['a lone low surrogate as a name', 'A\n{{< \udc00 >}}'],
    ['a lone surrogate in a quoted value', 'A\n{{< params a="\ud800" >}}'],
    ['a lone surrogate in an unquoted value', 'A\n{{< params a=\udfff >}}'],
    ['a lone surrogate in a body', 'A\n{{< wrap >}}\udfff{{< /wrap >}}'],
    ['a lone surrogate before front matter', '\ud800---\ntitle: x\n---\n'],
    ['a high surrogate at the very end', 'A\n{{< params a="x" \ud83d'],
    ['a BOM inside a tag', 'A\n{{< params \ufeff >}}'],
    ['only delimiters', '{{<{{%>}}%}}{{</*/*/>}}'.repeat(50)],
    ['an unclosed raw value over many lines', 'A\n{{< params a=`' + 'line\n'.repeat(500)],
    ['JSON front matter full of braces', '{'.repeat(500) + '}'.repeat(499)]
  ]

  it.each(fixed)('should survive %s', (_title, source) => {
    survive(source)
  })
})

describe('parsePage positions with CRLF and a BOM', () => {
  it('should give lines and columns in a CRLF file', () => {
    const source =
      '---\r\ntitle: X\r\n---\r\n\r\n# Title\r\n\r\nText {{< params a=1 >}} end.\r\n\r\n{{< callout >}}\r\nBody\r\n{{< /callout >}}\r\n'
    const parsed = parsePage(source, {registry})
    expect(parsed.diagnostics).toEqual([])

    const yaml = findNode(parsed.tree, (node) => node.type === 'yaml')
    expect([point(yaml.position!.start), point(yaml.position!.end)]).toEqual([
      [1, 1, 0],
      [3, 4, 18]
    ])

    const heading = findNode(parsed.tree, (node) => node.type === 'heading')
    expect([point(heading.position!.start), point(heading.position!.end)]).toEqual([
      [5, 1, 22],
      [5, 8, 29]
    ])

    const inline = findNode(parsed.tree, (node) => node.type === 'textDirective')
    expect([point(inline.position!.start), point(inline.position!.end)]).toEqual([
      [7, 6, 38],
      [7, 24, 56]
    ])
    const param = (inline as Extract<Nodes, {type: 'textDirective'}>).data!.hugo!.params[0]!
    expect([point(param.position.start), point(param.position.end)]).toEqual([
      [7, 17, 49],
      [7, 20, 52]
    ])

    const callout = findNode(parsed.tree, (node) => node.type === 'containerDirective')
    expect([point(callout.position!.start), point(callout.position!.end)]).toEqual([
      [9, 1, 65],
      [11, 17, 104]
    ])

    const body = findNode(parsed.tree, (node) => node.type === 'text' && node.value === 'Body')
    expect([point(body.position!.start), point(body.position!.end)]).toEqual([
      [10, 1, 82],
      [10, 5, 86]
    ])
  })

  it('should keep offsets into the file when it starts with a BOM and front matter', () => {
    const source = '\ufeff---\ntitle: X\n---\nText {{< params >}}\n'
    const parsed = parsePage(source, {registry})
    expect(parsed.page.bom).toBe(true)
    expect(parsed.diagnostics).toEqual([])

    const yaml = findNode(parsed.tree, (node) => node.type === 'yaml')
    expect(yaml.position!.start.offset).toBe(1)

    const text = findNode(parsed.tree, (node) => node.type === 'text')
    expect(point(text.position!.start)).toEqual([4, 1, 18])

    const inline = findNode(parsed.tree, (node) => node.type === 'textDirective')
    const {start, end} = inline.position!
    expect([start.offset, end.offset]).toEqual([23, 37])
    expect(source.slice(start.offset, end.offset)).toBe('{{< params >}}')
  })

  it('should keep offsets into the file when it starts with a BOM and text', () => {
    const source = '\ufeffHello {{< params >}}\n'
    const parsed = parsePage(source, {registry})
    expect(parsed.page.bodyStart).toBe(1)

    const text = findNode(parsed.tree, (node) => node.type === 'text')
    expect([text.position!.start.offset, text.position!.end.offset]).toEqual([1, 7])

    const inline = findNode(parsed.tree, (node) => node.type === 'textDirective')
    expect(source.slice(inline.position!.start.offset, inline.position!.end.offset)).toBe('{{< params >}}')
  })
})

describe('lexPage work grows linearly', () => {
  /**
   * Run `task` while counting the lexer's work on strings and arrays:
   * characters scanned by `indexOf` and copied by `slice`, single-character
   * reads, prefix tests and pushed items. Deterministic, unlike a timing:
   * linear code does four times the work on four times the input, quadratic
   * code about sixteen times.
   */
  function countWork(task: () => void): number {
    const strings = String.prototype
    const arrays = Array.prototype
    const {indexOf, startsWith, codePointAt, charAt, charCodeAt, slice} = strings
    const push = arrays.push
    let work = 0

    strings.indexOf = function (this: string, needle: string, from?: number) {
      const found = indexOf.call(this, needle, from)
      work += (found === -1 ? this.length : found) - Math.max(0, from ?? 0) + 1
      return found
    }

    strings.startsWith = function (this: string, search: string, at?: number) {
      work++
      return startsWith.call(this, search, at)
    }

    strings.codePointAt = function (this: string, at: number) {
      work++
      return codePointAt.call(this, at)
    }

    strings.charAt = function (this: string, at: number) {
      work++
      return charAt.call(this, at)
    }

    strings.charCodeAt = function (this: string, at: number) {
      work++
      return charCodeAt.call(this, at)
    }

    strings.slice = function (this: string, start?: number, end?: number) {
      const result = slice.call(this, start, end)
      work += result.length + 1
      return result
    }

    arrays.push = function (this: unknown[], ...items: unknown[]) {
      work += items.length
      return push.apply(this, items)
    }

    try {
      task()
    } finally {
      Object.assign(strings, {indexOf, startsWith, codePointAt, charAt, charCodeAt, slice})
      arrays.push = push
    }

    return work
  }

  const inputs: Array<[string, (count: number) => string]> = [
    [
      'a well-formed page',
      (count) =>
        '---\ntitle: x\n---\n' +
        'Text {{< params a="1" >}} and {{< wrap n=2 >}}body {{</* c */>}}{{< /wrap >}}\n\n'.repeat(count)
    ],
    ['deeply nested calls', (count) => 'A\n' + '{{< wrap >}}'.repeat(count) + '{{< /wrap >}}'.repeat(count)],
    ['many broken tags', (count) => 'A\n' + 'x {{< a! >}}\n'.repeat(count)],
    ['many unclosed comments', (count) => 'A\n' + 'x {{</* '.repeat(count)],
    ['unquoted values that run to the end of the file', (count) => 'A\n' + 'x{{<p a='.repeat(count)],
    ['many unclosed body shortcodes', (count) => 'A\n' + '{{< wrap >}}'.repeat(count)],
    ['many wrong closing names', (count) => 'A\n' + '{{< wrap >}}x{{< /raw >}}\n'.repeat(count)],
    ['many unknown shortcodes', (count) => 'A\n' + '{{< calout >}}x\n'.repeat(count)],
    ['long multi-line raw values', (count) => 'A\n' + '{{< params a=`x\ny` >}}\n'.repeat(count)]
  ]

  it.each(inputs)('should do linear work on %s', (_title, make) => {
    const small = countWork(() => lexPage(make(500), {registry}))
    const large = countWork(() => lexPage(make(2000), {registry}))
    expect(small).toBeGreaterThan(0)
    expect(large / small).toBeLessThan(5)
  })
})
