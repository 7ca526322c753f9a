/**
 * The renderer against Goldmark as Hugo 0.111.3 (Debian's `hugo`) renders
 * `.Content` and `.TableOfContents`.
 *
 * `test/fixtures/render/goldmark/<config>/<name>.md` are pages; next to each,
 * `<name>.hugo.html` and `<name>.hugo-toc.html` are what Hugo 0.111.3 wrote
 * for it (a site whose `single.html` prints `{{ .Content }}` and
 * `{{ .TableOfContents }}`), with the markup settings of the folder:
 * `hugo-defaults` (none), `doks` (Doks' `markup.toml`), `options` (the
 * settings in {@link configurations}). Both sides are compared as HTML
 * trees with their white space, serialized the same way: the only
 * difference allowed is how characters are escaped (Goldmark writes
 * `&quot;` and `&gt;` in text, hast-util-to-html leaves them).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {renderPage} from '../src/render/index.js'
import type {RenderOptions} from '../src/render/types.js'
import {fixturesRoot} from './support/tree.js'

const root = path.join(fixturesRoot, 'render', 'goldmark')

/** Doks' `config/_default/markup.toml` (the parts that shape `.Content`). */
const doks: RenderOptions = {
  markup: {
    goldmark: {extensions: {linkify: false}, parser: {attribute: {block: true, title: true}}, renderer: {unsafe: true}},
    highlight: {noClasses: false, tabWidth: 2}
  }
}

const configurations: Record<string, RenderOptions> = {
  'hugo-defaults': {},
  doks,
  options: {
    markup: {
      goldmark: {
        extensions: {typographer: false, linkifyProtocol: 'http'},
        parser: {autoHeadingID: false},
        renderer: {hardWraps: true, xhtml: true}
      },
      tableOfContents: {startLevel: 1, endLevel: 4, ordered: true}
    }
  }
}

/** HTML as a tree, serialized one way: equal trees give equal text. */
function normalized(html: string): string {
  return toHtml(fromHtml(html, {fragment: true}))
}

function render(markdown: string, options: RenderOptions = {}): string {
  return renderPage(markdown, options).html
}

describe('Goldmark fixtures (Hugo 0.111.3)', () => {
  for (const [folder, options] of Object.entries(configurations)) {
    const names = fs.readdirSync(path.join(root, folder)).filter((name) => name.endsWith('.md')).sort()
    it(`has fixtures for ${folder}`, () => {
      expect(names.length).toBeGreaterThan(0)
    })

    for (const name of names) {
      it(`${folder}/${name}: .Content and .TableOfContents as Hugo 0.111.3 renders them`, () => {
        const base = path.join(root, folder, name.replace(/\.md$/, ''))
        const source = `---\ntitle: Fixture\n---\n${fs.readFileSync(`${base}.md`, 'utf8')}`
        const page = renderPage(source, {...options, headingIdInput: 'source'})
        expect(normalized(page.html)).toBe(normalized(fs.readFileSync(`${base}.hugo.html`, 'utf8')))
        const toc = fs.readFileSync(`${base}.hugo-toc.html`, 'utf8')
        // Hugo prints an empty nav for a page without headings in range; slamark gives ''.
        expect(page.toc).toBe(toc === '<nav id="TableOfContents"></nav>' ? '' : toc)
      })
    }
  }
})

describe('block markup, byte for byte as Goldmark writes it (Hugo 0.111.3)', () => {
  it('writes tables with `style="text-align:…"` and unaligned padding cells', () => {
    expect(render('| A | B |\n|:-:|--:|\n| 1 | 2 |\n| 3 |\n')).toBe(
      '<table>\n<thead>\n<tr>\n<th style="text-align:center">A</th>\n<th style="text-align:right">B</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td style="text-align:center">1</td>\n<td style="text-align:right">2</td>\n</tr>\n' +
        '<tr>\n<td style="text-align:center">3</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n'
    )
  })

  it('writes task list checkboxes with empty attribute values and no classes', () => {
    expect(render('- [ ] todo\n- [x] done\n')).toBe(
      '<ul>\n<li><input disabled="" type="checkbox"> todo</li>\n<li><input checked="" disabled="" type="checkbox"> done</li>\n</ul>\n'
    )
  })

  it('writes strikethrough as `<del>` (two tildes only), hard breaks as `<br>`, `<hr>` and images without a slash', () => {
    expect(render('~~s~~ ~t~\n\na  \nb\\\nc\n\n---\n\n![x](/y.png "t")\n')).toBe(
      '<p><del>s</del> ~t~</p>\n<p>a<br>\nb<br>\nc</p>\n<hr>\n<p><img src="/y.png" alt="x" title="t"></p>\n'
    )
  })

  it('keeps a stand-alone image in its paragraph unless wrapStandAloneImageWithinParagraph is off', () => {
    expect(render('![x](/y.png)\n')).toBe('<p><img src="/y.png" alt="x"></p>\n')
    expect(render('![x](/y.png)\n', {markup: {goldmark: {parser: {wrapStandAloneImageWithinParagraph: false}}}})).toBe('<img src="/y.png" alt="x">\n')
  })

  it('writes a plain fence as `<pre tabindex="0">` with no line ending after it, and indented code as `<pre><code>`', () => {
    expect(render('```\na <b>\n```\n\n    indented\n\npara\n')).toBe(
      '<pre tabindex="0"><code>a &lt;b>\n</code></pre><pre><code>indented\n</code></pre>\n<p>para</p>\n'
    )
  })

  it('writes a fence in a language Chroma does not know as plain `pre` with `language-x` and `data-lang` (Hugo 0.111.3)', () => {
    expect(render('```sla-terms\nx\n```\n')).toBe('<pre tabindex="0"><code class="language-sla-terms" data-lang="sla-terms">x\n</code></pre>')
  })

  it('wraps a known language in Chroma’s structure with its inline Monokai style by default (no token colouring)', () => {
    expect(render('```go\nfunc x() {}\n\nreturn\n```\n')).toBe(
      '<div class="highlight"><pre tabindex="0" style="color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;">' +
        '<code class="language-go" data-lang="go">' +
        '<span style="display:flex;"><span>func x() {}\n</span></span>' +
        '<span style="display:flex;"><span>\n</span></span>' +
        '<span style="display:flex;"><span>return\n</span></span></code></pre></div>'
    )
  })

  it('uses Chroma’s classes with Doks’ `noClasses = false`, and puts `{…}` attributes on the wrapper but highlighting options', () => {
    expect(render('```YAML {title="a.yaml" .x #y linenos=false hl_lines=1 onclick="z()"}\na: 1\n```\n', doks)).toBe(
      '<div class="highlight x" title="a.yaml" id="y"><pre tabindex="0" class="chroma"><code class="language-YAML" data-lang="YAML">' +
        '<span class="line"><span class="cl">a: 1\n</span></span></code></pre></div>'
    )
  })

  it('writes an empty known-language fence without line spans, and tabWidth into the inline style', () => {
    expect(render('```go\n```\n', {markup: {highlight: {tabWidth: 2}}})).toBe(
      '<div class="highlight"><pre tabindex="0" style="color:#f8f8f2;background-color:#272822;-moz-tab-size:2;-o-tab-size:2;tab-size:2;"><code class="language-go" data-lang="go"></code></pre></div>'
    )
  })

  it('writes Goldmark’s plain fences when highlighting of fences is off', () => {
    expect(render('```go\nx\n```\n', {markup: {highlight: {codeFences: false}}})).toBe('<pre><code class="language-go">x\n</code></pre>\n')
  })

  it('keeps the line ending after a fence out of lists and quotes too', () => {
    expect(render('- ```\n  x\n  ```\n- after\n\n> ```\n> y\n> ```\n')).toBe(
      '<ul>\n<li>\n<pre tabindex="0"><code>x\n</code></pre></li>\n<li>after</li>\n</ul>\n<blockquote>\n<pre tabindex="0"><code>y\n</code></pre></blockquote>\n'
    )
  })

  it('writes definition lists (Goldmark’s definitionList extension), tight and loose', () => {
    expect(render('Term\n: Definition\n\nLoose\n\n: Def\n')).toBe(
      '<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n<dt>Loose</dt>\n<dd>\n<p>Def</p>\n</dd>\n</dl>\n'
    )
    expect(render('Term\n: Definition\n', {markup: {goldmark: {extensions: {definitionList: false}}}})).toBe('<p>Term\n: Definition</p>\n')
  })

  it('writes a footnote section with Goldmark’s ids, classes and one back link per reference', () => {
    expect(render('A[^n] b[^n] c[^2].\n\n[^n]: Note.\n[^2]:\n    > quoted\n')).toBe(
      '<p>A<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>' +
        ' b<sup id="fnref1:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>' +
        ' c<sup id="fnref:2"><a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup>.</p>\n' +
        '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n' +
        '<li id="fn:1">\n<p>Note.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>' +
        '&#160;<a href="#fnref1:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>\n</li>\n' +
        '<li id="fn:2">\n<blockquote>\n<p>quoted</p>\n</blockquote>\n&#160;<a href="#fnref:2" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></li>\n' +
        '</ol>\n</div>\n'
    )
  })

  it('leaves footnote syntax as text with the footnote extension off', () => {
    expect(render('A[^n].\n\n[^n]: Note.\n', {markup: {goldmark: {extensions: {footnote: false}}}})).toBe('<p>A[^n].</p>\n')
  })

  it('renders strikethrough and task markers as text with those extensions off', () => {
    const off: RenderOptions = {markup: {goldmark: {extensions: {strikethrough: false, taskList: false}}}}
    expect(render('~~s~~\n\n- [x] done\n', off)).toBe('<p>~~s~~</p>\n<ul>\n<li>[x] done</li>\n</ul>\n')
  })

  it('writes XHTML void elements with `hardWraps` making every soft break a `<br />`', () => {
    expect(render('a\nb\n\n---\n', {markup: {goldmark: {renderer: {hardWraps: true, xhtml: true}}}})).toBe('<p>a<br />\nb</p>\n<hr />\n')
  })
})

describe('raw HTML (Hugo 0.111.3, `renderer.unsafe`)', () => {
  it('omits every raw block and inline tag by default, keeping the text between tags', () => {
    expect(render('<div>\nblock\n</div>\n\nInline <span class="x">span</span> and <!-- c -->\n')).toBe(
      '<!-- raw HTML omitted -->\n<p>Inline <!-- raw HTML omitted -->span<!-- raw HTML omitted --> and <!-- raw HTML omitted --></p>\n'
    )
  })

  it('keeps raw HTML verbatim with `unsafe: true`', () => {
    expect(render('<div class="box">\nblock\n</div>\n\nInline <span class="x">span</span>.\n', doks)).toBe(
      '<div class="box">\nblock\n</div>\n<p>Inline <span class="x">span</span>.</p>\n'
    )
  })

  it('links `<https://…>` autolinks whatever `unsafe` says: they are not HTML', () => {
    expect(render('<https://auto.example>\n')).toBe('<p><a href="https://auto.example">https://auto.example</a></p>\n')
  })
})

describe('linkify (Hugo 0.111.3: on, `https`; Doks: off)', () => {
  it('links bare URLs, `www.` with `linkifyProtocol`, and e-mail addresses', () => {
    expect(render('www.example.com, https://x.org/a and user@example.com\n')).toBe(
      '<p><a href="https://www.example.com">www.example.com</a>, <a href="https://x.org/a">https://x.org/a</a> and <a href="mailto:user@example.com">user@example.com</a></p>\n'
    )
    expect(render('www.example.com\n', {markup: {goldmark: {extensions: {linkifyProtocol: 'http'}}}})).toBe(
      '<p><a href="http://www.example.com">www.example.com</a></p>\n'
    )
  })

  it('leaves them as text (typographer included) when off', () => {
    expect(render('www.example.com/a--b and user@example.com\n', doks)).toBe('<p>www.example.com/a&ndash;b and user@example.com</p>\n')
  })

  it('never runs the typographer inside a linked URL', () => {
    expect(render('https://x.org/it\'s--ok...\n')).toBe('<p><a href="https://x.org/it\'s--ok">https://x.org/it\'s--ok</a>&hellip;</p>\n')
  })
})
