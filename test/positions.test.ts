/**
 * Position invariants (see `checkPositions` in test/support/tree.ts) on
 * every node of every fixture, every content example and every page of the
 * getdoks.org corpus, plus a few pages built here for shapes the others
 * lack (nesting, alerts in lists, entities, CRLF everywhere, tabs).
 */
import type {Parent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {checkPositions, corpusRoot, examplesRoot, fixtureCases, markdownPages, parse, type Page} from './support/tree.js'
import {describeExamplesAndCorpus} from './support/page-suites.js'

const fixtures = fixtureCases()
const examples = markdownPages(examplesRoot)
const corpus = markdownPages(corpusRoot)

/** Small pages for shapes the fixtures and corpora may not have. */
const extra: Record<string, string> = {
  'nested callout in step in list': [
    'Intro',
    '',
    '- Item',
    '',
    '  {{< steps >}}',
    '',
    '  {{< step >}}',
    '  {{< callout context="danger" >}}',
    '  Deep &amp; **bold** \\*text\\*.',
    '  {{< /callout >}}',
    '  {{< /step >}}',
    '',
    '  {{< /steps >}}',
    ''
  ].join('\n'),
  'alert inside list and quote': 'Intro\n\n- > [!TIP]\n  > Use the portal.\n\n> > [!WARNING] Careful\n> > Two levels.\n',
  'entities and escapes around a shortcode': 'A &copy; B &#169; C \\{{< sla-value "x" >}} &lt;done&gt;\n',
  'crlf with inline callout': 'Line one\r\n{{< callout >}}\r\nBody *here*\r\n{{< /callout >}}\r\nLine three\r\n',
  'lone CR line endings': 'One\r{{< sla-value "a" >}}\r\rTwo {{< sla-value "b" >}}\r',
  'tabs and spaces before a closing tag': '{{< callout >}}\n\tTabbed.\n\t{{< /callout >}}\n'.replace(/^/, 'Intro\n\n'),
  'multi-line opening tag': 'Intro\n\n{{< callout\n  context="note"\n  title=`Two\nlines`\n>}}\nBody.\n{{< /callout >}}\n',
  'comment inside a body': 'Intro\n\n{{< details "More" >}}\nWrite {{</* sla-value "x" */>}} for a value.\n{{< /details >}}\n',
  'html with a shortcode': 'Intro\n\n<div title="{{< sla-value "x" >}}">\n\n</div>\n\n<span>{{< sla-value "y" >}}</span>\n',
  'table with shortcodes': 'Intro\n\n| a | b |\n| - | - |\n| {{< sla-value "x" >}} | `{{< sla-value "y" >}}` |\n',
  'percent notation body': 'Intro\n\n{{% details "Open" %}}\n## Inside\n\nText.\n{{% /details %}}\n',
  'unclosed and mismatched': 'Intro\n\n{{< callout >}}\nopen\n\n{{< tab "x" >}}\n{{< /tabs >}}\n',
  'footnotes and definitions in a body': 'Intro\n\n{{< callout >}}\nA note[^1].\n\n[^1]: The footnote.\n{{< /callout >}}\n',
  'directive callout with nested list': ':::danger[Stop **now**]\n- a\n- b {{< sla-value "x" >}}\n:::\n',
  'alert titles in Markdown': 'Intro\n\n> [!NOTE] Read *this* {{< sla-value "x" >}}\n> Body {{< sla-value "y" >}}.\n\n> [!TIP]\nlazy *line*\n',
  'placeholder look-alikes written in the page':
    'Hugo writes HAHAHUGOSHORTCODEs0HBHB for {{< sla-value "x" >}}.\n\nHAHAHUGOSHORTCODEs1HBHB\n\n{{< sla-targets >}}\n\n`HAHAHUGOSHORTCODEs2HBHB` {{< sla-value "y" >}}\n',
  'shortcodes in definition and footnote labels': 'Intro\n\n[{{< sla-value "x" >}}]: /url\n\n[^{{< sla-value "y" >}}]: Note.\n',
  'alert with CRLF': 'Intro\r\n\r\n> [!WARNING] Careful\r\n> Body.\r\n',
  'shortcode in directive attribute and label':
    'Intro\n\n:::callout{title="A {{< sla-value "x" >}}"}\nBody.\n:::\n\n:::tip[B {{< sla-value "y" >}}]\nBody.\n:::\n'
}

function run(pages: Page[]): void {
  for (const page of pages) {
    it(page.name, () => {
      const {tree} = parse(page.source, page.path)
      expect(checkPositions(tree, page.source)).toEqual([])
    })
  }
}

describe('the checker itself', () => {
  // A checker that never fails proves nothing: break a good tree on purpose.
  const source = 'Intro\n\n{{< callout >}}\nBody *text*.\n{{< /callout >}}\n'

  it('accepts the untouched tree', () => {
    expect(checkPositions(parse(source).tree, source)).toEqual([])
  })

  it('catches a column that disagrees with the offset', () => {
    const {tree} = parse(source)
    tree.children[0]!.position!.start.column = 2
    expect(checkPositions(tree, source).join('\n')).toMatch(/does not match offset/)
  })

  it('catches a child outside its parent and a slice that is not the text', () => {
    const {tree} = parse(source)
    const callout = tree.children[1] as Parent
    const paragraph = callout.children[0] as Parent
    const text = paragraph.children[0]!
    text.position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 6, offset: 5}}
    const problems = checkPositions(tree, source).join('\n')
    expect(problems).toMatch(/outside its parent/)
    expect(problems).toMatch(/cannot be read out of/)
  })

  it('catches overlapping siblings and a shortcode slice that is not the call', () => {
    const {tree} = parse(source)
    const callout = tree.children[1]!
    callout.position!.start = {line: 1, column: 3, offset: 2}
    const problems = checkPositions(tree, source).join('\n')
    expect(problems).toMatch(/before its previous sibling ends/)
    expect(problems).toMatch(/is not the call/)
  })
})

describe('fixtures', () => {
  run(fixtures)
})

describe('extra shapes', () => {
  run(Object.entries(extra).map(([name, source]) => ({name, path: `${name}.md`, source})))
})

describeExamplesAndCorpus('positions', examples, corpus, run)
