/**
 * `.TableOfContents` as Hugo 0.111.3 builds it (`markup/tableofcontents`):
 * expected strings are Hugo's output for the same headings (verified on
 * Debian's build), except where noted.
 */
import {describe, expect, it} from 'vitest'
import {createRegistry} from '../src/hugo/registry.js'
import {renderPage} from '../src/render/index.js'
import {buildToc} from '../src/render/toc.js'
import type {RenderOptions, ShortcodeRenderer} from '../src/render/types.js'

const toc = (markdown: string, options: RenderOptions = {}): string => renderPage(markdown, options).toc

describe('table of contents (Hugo 0.111.3)', () => {
  it('nests levels 2 to 3, with an empty item where a level is skipped and h4 left out', () => {
    expect(toc('## A\n\n#### B\n\n### C\n\n## D\n')).toBe(
      '<nav id="TableOfContents">\n  <ul>\n    <li><a href="#a">A</a>\n      <ul>\n        <li></li>\n        <li><a href="#c">C</a></li>\n      </ul>\n    </li>\n    <li><a href="#d">D</a></li>\n  </ul>\n</nav>'
    )
  })

  it('opens an empty item for an h3 before the first h2', () => {
    expect(toc('### C first\n\n## A\n\n### A1\n')).toBe(
      '<nav id="TableOfContents">\n  <ul>\n    <li>\n      <ul>\n        <li><a href="#c-first">C first</a></li>\n      </ul>\n    </li>\n    <li><a href="#a">A</a>\n      <ul>\n        <li><a href="#a1">A1</a></li>\n      </ul>\n    </li>\n  </ul>\n</nav>'
    )
  })

  it('starts a new list at every h1', () => {
    expect(toc('# T\n\n## A\n\n# U\n\n## B\n\n### B1\n')).toBe(
      '<nav id="TableOfContents">\n  <ul>\n    <li><a href="#a">A</a></li>\n  </ul>\n\n  <ul>\n    <li><a href="#b">B</a>\n      <ul>\n        <li><a href="#b1">B1</a></li>\n      </ul>\n    </li>\n  </ul>\n</nav>'
    )
  })

  it('writes the headings’ own markup, entities included', () => {
    expect(toc('## *Em* `code` **b** it\'s\n')).toBe(
      '<nav id="TableOfContents">\n  <ul>\n    <li><a href="#em-code-b-its"><em>Em</em> <code>code</code> <strong>b</strong> it&rsquo;s</a></li>\n  </ul>\n</nav>'
    )
  })

  it('drops strike-through and footnote references as Hugo does, and (unlike Hugo) unwraps links', () => {
    // Hugo 0.111.3 nests the link's `<a>` inside the entry's `<a>`, which is not valid HTML.
    expect(toc('## ~~s~~ [l](/x) note[^1]\n\n[^1]: n\n')).toBe(
      '<nav id="TableOfContents">\n  <ul>\n    <li><a href="#s-l-note">s l note</a></li>\n  </ul>\n</nav>'
    )
  })

  it('is empty when no heading is in range, or with `toc: false` in the front matter (Hugo prints an empty nav)', () => {
    expect(toc('# Only h1\n\n#### And h4\n')).toBe('')
    expect(toc('---\ntoc: false\n---\n## A\n')).toBe('')
    expect(toc('+++\ntoc = false\n+++\n## A\n')).toBe('')
    expect(toc('---\ntoc: true\n---\n## A\n')).toBe('<nav id="TableOfContents">\n  <ul>\n    <li><a href="#a">A</a></li>\n  </ul>\n</nav>')
  })

  it('follows `startLevel`, `endLevel` (-1: all) and `ordered`', () => {
    expect(toc('# T\n\n#### D\n', {markup: {tableOfContents: {startLevel: 1, endLevel: -1, ordered: true}}})).toBe(
      '<nav id="TableOfContents">\n  <ol>\n    <li><a href="#t">T</a>\n      <ol>\n        <li>\n          <ol>\n            <li>\n              <ol>\n                <li><a href="#d">D</a></li>\n              </ol>\n            </li>\n          </ol>\n        </li>\n      </ol>\n    </li>\n  </ol>\n</nav>'
    )
  })

  it('leaves out headings rendered inside shortcode bodies, which have their own ids (hugo-doks-spec §1.10)', () => {
    const body: ShortcodeRenderer = (node, context) => context.renderBlock(node.type === 'containerDirective' ? node.children : [])
    const page = renderPage('## Setup\n\n{{< box >}}\n## Setup\n{{< /box >}}\n\n## Setup\n', {
      renderers: {box: body},
      parse: {registry: createRegistry({shortcodes: {box: true}})}
    })
    expect(page.html).toBe('<h2 id="setup">Setup</h2>\n<h2 id="setup">Setup</h2>\n<h2 id="setup-1">Setup</h2>\n')
    expect(page.headings.map((heading) => heading.id)).toEqual(['setup', 'setup-1'])
    expect(page.toc).toBe('<nav id="TableOfContents">\n  <ul>\n    <li><a href="#setup">Setup</a></li>\n    <li><a href="#setup-1">Setup</a></li>\n  </ul>\n</nav>')
  })

  it('leaves a shortcode out of the entry’s text (Hugo prints its placeholder there)', () => {
    expect(toc('## {{< sla-value "x" >}} Title\n')).toBe(
      '<nav id="TableOfContents">\n  <ul>\n    <li><a href="#hahahugoshortcodes0hbhb-title">Title</a></li>\n  </ul>\n</nav>'
    )
  })
})

describe('buildToc', () => {
  it('writes an item without id or text as an empty `<li>`, and escapes an id', () => {
    expect(buildToc([{level: 2, id: '', title: ''}, {level: 2, id: 'a"b', title: 'X'}], {startLevel: 2, endLevel: 3, ordered: false})).toBe(
      '<nav id="TableOfContents">\n  <ul>\n    <li></li>\n    <li><a href="#a&quot;b">X</a></li>\n  </ul>\n</nav>'
    )
  })

  it('writes `href="#"` for a heading without id (Hugo 0.111.3 with autoHeadingID off)', () => {
    expect(buildToc([{level: 2, id: '', title: 'B'}], {startLevel: 2, endLevel: 3, ordered: false})).toBe(
      '<nav id="TableOfContents">\n  <ul>\n    <li><a href="#">B</a></li>\n  </ul>\n</nav>'
    )
  })
})
