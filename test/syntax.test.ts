/**
 * The syntax layer (src/syntax) on hand-written fixtures: each
 * `test/fixtures/<case>/input.md` is parsed through unified and compared
 * with `expected.json`, the expected tree in the compact form of
 * `test/support/tree.ts`, written by hand from hugo-doks-spec §1.9–1.11.
 *
 * `UPDATE=1` rewrites the expectations from the parser; only do that after
 * checking every changed position against the input by hand.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Heading, Nodes, Root} from 'mdast'
import type {ContainerDirective, TextDirective} from 'mdast-util-directive'
import {describe, expect, it} from 'vitest'
import {compact, fixtureCases, parse, pos, withoutPositions, type CompactNode} from './support/tree.js'

const cases = fixtureCases()
const update = process.env.UPDATE === '1'

describe('fixtures', () => {
  it('has at least 12 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12)
  })

  for (const item of cases) {
    it(item.name, () => {
      const {tree, file} = parse(item.source, item.path)
      const actual = compact(tree)
      const expectedPath = path.join(item.folder, 'expected.json')
      if (update) fs.writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n')
      const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as CompactNode
      expect(actual).toEqual(expected)
      // Every fixture is a valid Hugo page.
      expect(file.messages.map(String)).toEqual([])
    })
  }
})

/** Load and parse one fixture. */
function load(name: string): {tree: Root; source: string} {
  const item = cases.find((entry) => entry.name === name)
  if (!item) throw new Error(`Missing fixture ${name}`)
  return {tree: parse(item.source, item.path).tree, source: item.source}
}

/** The source text of a node. */
function slice(source: string, node: {position?: Nodes['position']}): string {
  return source.slice(node.position!.start.offset, node.position!.end.offset)
}

function find<T extends Nodes>(tree: Nodes, test: (node: Nodes) => node is T): T[] {
  const found: T[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (test(node)) found.push(node)
    if ('children' in node) stack.push(...[...(node.children as Nodes[])].reverse())
    const body = (node as TextDirective).data?.hugo?.body
    if (body) stack.push(body)
  }

  return found
}

const isCallout = (node: Nodes): node is ContainerDirective => node.type === 'containerDirective' && node.name === 'callout'

describe('callout bodies (seed page a shape)', () => {
  it('parses a callout body as its own document, heading included', () => {
    const {tree, source} = load('callout-heading-body')
    const [callout] = find(tree, isCallout)
    expect(callout).toBeDefined()
    const heading = callout!.children[0] as Heading
    expect(heading.type).toBe('heading')
    expect(heading.depth).toBe(3)
    // The callout body's heading is at line 9 column 1, an offset in the whole file.
    expect(heading.position!.start).toEqual({line: 9, column: 1, offset: source.indexOf('### When')})
    expect(slice(source, heading)).toBe('### When feedback stalls')
    // The callout spans its opening tag to its closing tag.
    expect(slice(source, callout!)).toMatch(/^\{\{< callout context="caution"[\s\S]*\{\{< \/callout >\}\}$/)
    expect(callout!.data?.hugo?.inner?.startsWith('\n### When feedback stalls\n')).toBe(true)
  })

  it('keeps the page headings outside the callout at the top level', () => {
    const {tree} = load('callout-heading-body')
    expect(tree.children.filter((node) => node.type === 'heading').map((node) => pos(node.position))).toEqual([
      '6:1-6:19',
      '16:1-16:11'
    ])
  })
})

describe('closing tags indented under a list item (seed page b shape)', () => {
  it('reads both callouts as block nodes, the closing tag in each node', () => {
    const {tree, source} = load('two-callouts-indented-close')
    const callouts = find(tree, isCallout)
    expect(callouts).toHaveLength(2)
    expect(callouts.map((node) => node.data?.hugo?.placement)).toEqual(['block', 'block'])
    // One space, then two spaces, before the closing tag.
    expect(callouts.map((node) => node.data?.hugo?.close?.start.column)).toEqual([2, 3])
    expect(callouts.map((node) => slice(source, node).endsWith('{{< /callout >}}'))).toEqual([true, true])
    // The list under each callout ends on its last item's line, not on the closing tag's line.
    expect(callouts.map((node) => node.children.at(-1)?.type)).toEqual(['list', 'list'])
    expect(callouts.map((node) => node.children.at(-1)?.position?.end.line)).toEqual([6, 16])
  })
})

describe('placement', () => {
  it('makes a callout directly under a paragraph line an inline node with a parsed body', () => {
    const {tree} = load('callout-after-paragraph')
    const paragraph = tree.children[0]!
    expect(paragraph.type).toBe('paragraph')
    const inline = (paragraph as {children: Nodes[]}).children[1] as TextDirective
    expect(inline.type).toBe('textDirective')
    expect(inline.data?.hugo?.placement).toBe('inline')
    const body = inline.data?.hugo?.body
    expect(body?.type).toBe('root')
    expect(body?.children[0]?.type).toBe('paragraph')
    expect(body?.children[0]?.position?.start).toMatchObject({line: 3, column: 1})
  })

  it('reads a body indented four spaces as code, as Doks renders .Inner', () => {
    const {tree} = load('callout-indented-four')
    const [callout] = find(tree, isCallout)
    expect(callout?.children.map((node) => node.type)).toEqual(['code'])
    expect(callout?.children[0]).toMatchObject({value: 'Attach the order number.'})
    // As remark-parse on the same body: an indented code block that ends the
    // document takes the whitespace-only line before the closing tag into its
    // position (micromark's behaviour, not the position map's), so it ends at 5:5.
    expect(pos(callout?.children[0]?.position)).toBe('4:1-5:5')
  })

  it('keeps a callout in an indented code block as source', () => {
    const {tree} = load('callout-indented-four')
    const code = tree.children.at(-1)!
    expect(code.type).toBe('code')
    expect(code.data?.shortcodes?.map((item) => [item.name, item.placement, item.closed])).toEqual([['callout', 'code', true]])
  })

  it('gives nested calls their own placement inside the body', () => {
    const {tree} = load('nested-tabs-steps')
    const names = (node: Nodes): string[] =>
      find(node, (child): child is TextDirective | ContainerDirective => Boolean((child as TextDirective).data?.hugo)).map(
        (child) => `${child.name}:${child.data!.hugo!.placement}`
      )
    // Tabs written line after line share one paragraph; steps between blank lines are blocks.
    expect(names(tree.children[1]!)).toEqual(['tabs:block', 'tab:inline', 'tab:inline'])
    expect(names(tree.children[2]!)).toEqual(['steps:block', 'step:block', 'step:block'])
  })

  it('marks shortcodes in link destinations and definitions as links', () => {
    const {tree} = load('link-destinations')
    const embedded = find(tree, (node): node is Nodes => Boolean(node.data?.shortcodes)).flatMap((node) =>
      node.data!.shortcodes!.map((item) => `${node.type}:${item.name}:${item.placement}`)
    )
    expect(embedded).toEqual(['link:relref:link', 'link:ref:link', 'image:relref:link', 'definition:relref:link'])
  })

  it('keeps the typed params of a shortcode kept in a link', () => {
    const {tree} = load('link-destinations')
    const [definition] = find(tree, (node): node is Nodes => node.type === 'definition')
    expect(definition?.data?.shortcodes?.[0]?.params.map((param) => [param.value, param.quote])).toEqual([
      ['terms.md', 'double']
    ])
  })
})

describe('self-closing and positional callouts', () => {
  it('reads a self-closing callout with a title and no body', () => {
    const {tree} = load('self-closing-positional')
    const [first, positional, tight, unquoted] = find(tree, isCallout)
    expect(first?.data?.hugo?.selfClosed).toBe(true)
    expect(first?.children).toEqual([])
    expect(first?.data?.callout).toEqual({syntax: 'hugo-shortcode', context: 'note', title: 'Only a title'})
    // `{{< callout tip >}}`: the context is the first positional param; Doks then reads no title or icon.
    expect(positional?.data?.hugo?.named).toBe(false)
    expect(positional?.data?.callout).toEqual({syntax: 'hugo-shortcode', context: 'tip'})
    expect(tight?.data?.callout?.context).toBe('danger')
    // Unquoted `title=2024` is typed as an int, as Hugo types it.
    expect(unquoted?.data?.hugo?.params.find((param) => param.name === 'title')?.value).toBe(2024)
  })
})

describe('comments and code', () => {
  it('turns `{{</* */>}}` into literal shortcode text in prose and in code', () => {
    const {tree} = load('shortcode-comments')
    expect(find(tree, (node): node is Nodes => Boolean((node as TextDirective).data?.hugo))).toEqual([])
    const [paragraph, code, last] = tree.children
    expect((paragraph as {children: Nodes[]}).children[0]).toMatchObject({
      value: 'Write {{< callout context="note" >}} to start a callout.'
    })
    expect(code).toMatchObject({type: 'code', value: '{{< callout >}}\nBody.\n{{< /callout >}}'})
    expect(code?.data?.shortcodes).toBeUndefined()
    expect((last as {children: Nodes[]}).children[1]).toMatchObject({type: 'inlineCode', value: '{{% sla-value "mttr" %}}'})
  })

  it('keeps real shortcodes in code as source and lists them', () => {
    const {tree, source} = load('shortcodes-in-code')
    const kept = find(tree, (node): node is Nodes => Boolean(node.data?.shortcodes))
    expect(kept.map((node) => node.type)).toEqual(['inlineCode', 'code', 'inlineCode', 'inlineCode'])
    for (const node of kept) {
      for (const item of node.data!.shortcodes!) {
        expect(source.slice(item.position.start.offset, item.position.end.offset)).toBe(item.raw)
        expect((node as {value: string}).value).toContain(item.raw)
      }
    }
  })
})

describe('headings', () => {
  it('keeps a shortcode in a heading as an inline node', () => {
    const {tree} = load('heading-shortcodes')
    const headings = tree.children as Heading[]
    expect(headings.map((node) => [node.type, node.depth])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['heading', 2]
    ])
    expect(headings.map((node) => node.children.map((child) => child.type).join(','))).toEqual([
      'text,textDirective',
      'textDirective,text',
      'text,textDirective'
    ])
    expect((headings[2]!.children[1] as TextDirective).data?.hugo?.notation).toBe('%')
  })
})

describe('callout syntaxes', () => {
  /** A callout without what legitimately differs between syntaxes. */
  const comparable = (node: ContainerDirective): unknown => {
    const {syntax: _syntax, alert: _alert, ...callout} = node.data!.callout!
    return withoutPositions({type: node.type, name: node.name, attributes: node.attributes, children: node.children, callout})
  }

  it('normalises the shortcode, the GitHub alert and the directive to the same node', () => {
    const {tree} = load('directive-and-alert')
    const [shortcode, alert, directive] = find(tree, isCallout)
    expect(shortcode?.data?.callout?.syntax).toBe('hugo-shortcode')
    expect(alert?.data?.callout?.syntax).toBe('gfm-alert')
    expect(directive?.data?.callout?.syntax).toBe('directive')
    // The alert and the shortcode callout are the same node apart from
    // positions, `data.hugo` and the syntax (and alert keyword) in `data.callout`.
    expect(comparable(alert!)).toEqual(comparable(shortcode!))
    expect(comparable(directive!)).toEqual(comparable(shortcode!))
  })

  it('reads a custom alert title and a `:::callout{…}` directive', () => {
    const {tree} = load('directive-and-alert')
    const [, , , directive, alert] = find(tree, isCallout)
    expect(directive?.data?.callout).toMatchObject({syntax: 'directive', context: 'tip', title: 'Good to know'})
    expect(alert?.data?.callout).toMatchObject({syntax: 'gfm-alert', context: 'note', title: 'Heads up', alert: 'NOTE'})
    // The body starts after the marker line, past the `> ` prefix.
    expect(alert?.children[0]?.position?.start).toMatchObject({line: 19, column: 3})
  })
})

describe('callout titles written in Markdown (regressions)', () => {
  it('takes the whole marker line of an alert as its title, past the first text node', () => {
    const source = 'Intro\n\n> [!NOTE] Read *this* first\n> Reports arrive monthly.\n'
    const {tree} = parse(source)
    const [alert] = find(tree, isCallout)
    expect(alert?.data?.callout?.title).toBe('Read *this* first')
    // The body is only what follows the marker line, and lies inside the alert.
    expect(alert?.children).toHaveLength(1)
    expect(slice(source, alert!.children[0]!)).toBe('Reports arrive monthly.')
    expect(alert?.children[0]?.position?.start).toMatchObject({line: 4, column: 3})
  })

  it('reads an alert with CRLF line endings', () => {
    const source = 'Intro\r\n\r\n> [!TIP]\r\n> Use the portal.\r\n'
    const [alert] = find(parse(source).tree, isCallout)
    expect(alert?.data?.callout).toMatchObject({syntax: 'gfm-alert', context: 'tip', title: 'Tip'})
    expect(slice(source, alert!.children[0]!)).toBe('Use the portal.')
  })

  it('lists a shortcode written in an alert title and keeps it as source', () => {
    const source = 'Intro\n\n> [!NOTE] Uptime {{< sla-value "uptime" >}}\n> Body.\n'
    const [alert] = find(parse(source).tree, isCallout)
    expect(alert?.data?.callout?.title).toBe('Uptime {{< sla-value "uptime" >}}')
    expect(alert?.data?.shortcodes?.map((item) => [item.name, item.raw, pos(item.position)])).toEqual([
      ['sla-value', '{{< sla-value "uptime" >}}', '3:18-3:44']
    ])
  })

  it('puts back a shortcode written in a directive attribute instead of a placeholder', () => {
    const source = 'Intro\n\n:::callout{title="Uptime {{< sla-value "uptime" >}}"}\nBody.\n:::\n'
    const [callout] = find(parse(source).tree, isCallout)
    expect(callout?.attributes?.title).toBe('Uptime {{< sla-value "uptime" >}}')
    expect(callout?.data?.callout?.title).toBe('Uptime {{< sla-value "uptime" >}}')
    expect(callout?.data?.shortcodes?.map((item) => [item.name, item.placement])).toEqual([['sla-value', 'inline']])
  })

  it('gives the same title and list for a shortcode in a directive label', () => {
    const source = 'Intro\n\n:::note[Uptime {{< sla-value "uptime" >}}]\nBody.\n:::\n'
    const [callout] = find(parse(source).tree, isCallout)
    expect(callout?.data?.callout?.title).toBe('Uptime {{< sla-value "uptime" >}}')
    expect(callout?.children.map((node) => node.type)).toEqual(['paragraph'])
    expect(callout?.data?.shortcodes?.map((item) => pos(item.position))).toEqual(['3:16-3:42'])
  })
})

describe('front matter and line endings', () => {
  it('reads YAML and TOML front matter as the first node', () => {
    expect(load('callout-heading-body').tree.children[0]?.type).toBe('yaml')
    const toml = load('toml-front-matter').tree.children[0]
    expect(toml).toMatchObject({type: 'toml', value: 'title = "Hosting SLA"\nweight = 30'})
  })

  it('counts a CRLF as one line ending and keeps offsets exact', () => {
    const {tree, source} = load('crlf-line-endings')
    expect(source.includes('\r\n')).toBe(true)
    const [callout] = find(tree, isCallout)
    const heading = callout!.children[0]!
    expect(heading.position?.start).toEqual({line: 8, column: 1, offset: source.indexOf('### Inside')})
    expect(slice(source, heading)).toBe('### Inside')
    const value = find(tree, (node): node is TextDirective => node.type === 'textDirective')[0]
    expect(slice(source, value!)).toBe('{{< sla-value "p1" >}}')
  })
})

describe('messages', () => {
  it('reports a page that starts with a shortcode, as Hugo reads `{` as JSON front matter', () => {
    const {file} = parse('{{< sla-targets >}}\n')
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]?.place).toMatchObject({start: {line: 1, column: 1}})
  })

  it('reports an unclosed callout on the file, with a position, without throwing', () => {
    const {file} = parse('Text\n\n{{< callout >}}\nNever closed.\n')
    const fatal = file.messages.filter((message) => message.fatal)
    expect(fatal).toHaveLength(1)
    expect(fatal[0]?.place).toMatchObject({start: {line: 3, column: 1}})
    expect(fatal[0]?.source).toBe('slamark')
  })
})
