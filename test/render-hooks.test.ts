/**
 * Doks' render hooks (`renderHooks: 'doks'`): the link hook
 * (`render-link.html`) and the code block hooks (`render-codeblock*.html`),
 * and Hugo's `TrimShortHTML` behind `markdownify`. Expected HTML is written
 * from doks-core 1.9's templates and what Hugo 0.111 printed with them
 * (`node --import tsx test/support/hugo-doks-render.ts`); the differential
 * test compares whole pages.
 */
import fc from 'fast-check'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {HugoPageIndex, remarkRender, renderPage} from '../src/render/index.js'
import {remarkHugo} from '../src/syntax/index.js'
import type {LinkTarget, RenderOptions, ResolvedLink} from '../src/render/types.js'

const doks: RenderOptions = {
  markup: {goldmark: {extensions: {linkify: false}, parser: {attribute: {block: true}}, renderer: {unsafe: true}}, highlight: {noClasses: false}},
  renderHooks: 'doks'
}

function html(source: string, options: RenderOptions = {}): string {
  return renderPage(source, {...doks, ...options}).html
}

describe('renderHooks', () => {
  it("defaults to `none`: Goldmark's link and Chroma's block, as Hugo without templates", () => {
    expect(renderPage('[a](https://example.com/)\n').html).toBe('<p><a href="https://example.com/">a</a></p>\n')
    expect(renderPage('```go\nx\n```\n', {markup: {highlight: {noClasses: false}}}).html).toBe(
      '<div class="highlight"><pre tabindex="0" class="chroma"><code class="language-go" data-lang="go"><span class="line"><span class="cl">x\n</span></span></code></pre></div>'
    )
  })

  it('`none` keeps fence attributes on the highlighter wrapper, as Hugo does without a hook', () => {
    expect(renderPage('```js {title="example.js" frame="none"}\nx\n```\n', {markup: {highlight: {noClasses: false}}}).html).toBe(
      '<div class="highlight" title="example.js" frame="none"><pre tabindex="0" class="chroma"><code class="language-js" data-lang="js"><span class="line"><span class="cl">x\n</span></span></code></pre></div>'
    )
  })
})

describe("Doks' link hook", () => {
  it('writes `link link--text` and `rel="external"` for a URL with a scheme, attributes in the template order', () => {
    expect(html('[a](https://example.com/page "With a title")\n')).toBe(
      '<p>\n\n<a class="link link--text" href="https://example.com/page" rel="external" title="With a title">a</a></p>\n'
    )
  })

  it("prints an external URL as Go's url.String does (scheme lower-cased, path and fragment escaped unless validly encoded, query kept)", () => {
    expect(html('[a](HTTP://Example.com/ü) [b](https://x.y/%7e~?q=ü#f%20ü) [c](tel:+31201234567)\n')).toBe(
      '<p>\n\n<a class="link link--text" href="http://Example.com/%C3%BC" rel="external">a</a> ' +
        '\n\n<a class="link link--text" href="https://x.y/%7e~?q=ü#f%20%C3%BC" rel="external">b</a> ' +
        '\n\n<a class="link link--text" href="tel:+31201234567" rel="external">c</a></p>\n'
    )
  })

  it("puts the page's permalink before a same-page fragment: from `contentPath`, or the `permalink` option", () => {
    expect(html('[a](#credits)\n', {contentPath: 'docs/Website Care.md'})).toBe(
      '<p>\n\n<a class="link link--text" href="/docs/website-care/#credits">a</a></p>\n'
    )
    expect(html('[a](#credits)\n', {contentPath: 'docs/x.md', permalink: '/en/care/'})).toBe(
      '<p>\n\n<a class="link link--text" href="/en/care/#credits">a</a></p>\n'
    )
    // The fragment as Go decodes it; without a permalink the fragment alone.
    expect(html('[a](#a%20b)\n')).toBe('<p>\n\n<a class="link link--text" href="#a b">a</a></p>\n')
  })

  it('renders `markdownify` Markdown (details, card) as the home page, RenderString (callout, tab) as the page', () => {
    const source = '{{< details "S" >}}\n[a](#top)\n{{< /details >}}\n\n{{< callout >}}\n[b](#top)\n{{< /callout >}}\n'
    const rendered = html(source, {contentPath: 'docs/sla.md'})
    // Hugo's TrimShortHTML also trims the hook's leading line endings.
    expect(rendered).toContain('<summary>S</summary>\n  <a class="link link--text" href="/#top">a</a></details>')
    expect(rendered).toContain('<p>\n\n<a class="link link--text" href="/docs/sla/#top">b</a></p>')
  })

  it('asks `resolveLink` for page paths and adds the query and the decoded fragment to a page', () => {
    const asked: LinkTarget[] = []
    const resolveLink = (target: LinkTarget): ResolvedLink | undefined => {
      asked.push(target)
      if (target.path === 'b.md') return {url: '/docs/b/', kind: 'page'}
      if (target.path === 'report.pdf') return {url: '/docs/report.pdf', kind: 'resource'}
      return undefined
    }

    expect(html('[a](b.md?x=1&y=2#Part%20two) [r](report.pdf?v=2#p) [m](missing.md#x)\n', {contentPath: 'docs/a.md', resolveLink})).toBe(
      '<p>\n\n<a class="link link--text" href="/docs/b/?x=1&amp;y=2#Part two">a</a> ' +
        '\n\n<a class="link link--text" href="/docs/report.pdf">r</a> ' +
        '\n\n<a class="link link--text" href="missing.md#x">m</a></p>\n'
    )
    expect(asked).toEqual([
      {destination: 'b.md?x=1&y=2#Part%20two', path: 'b.md', from: 'page', contentPath: 'docs/a.md'},
      {destination: 'report.pdf?v=2#p', path: 'report.pdf', from: 'page', contentPath: 'docs/a.md'},
      {destination: 'missing.md#x', path: 'missing.md', from: 'page', contentPath: 'docs/a.md'}
    ])
  })

  it("takes the page from a file's `data.contentPath` in remarkRender, with one resolver for the whole site", () => {
    const index = new HugoPageIndex(['docs/_index.md', 'docs/a.md', 'docs/b.md', 'guide/b.md'])
    const processor = unified().use(remarkHugo).use(remarkRender, {...doks, resolveLink: index.resolveLink}).freeze()
    const render = (contentPath: string): string => {
      const file = new VFile({path: `content/${contentPath}`, value: '[b](b.md) [top](#top)\n'})
      file.data.contentPath = contentPath
      return String(processor.processSync(file).value)
    }

    expect(render('docs/a.md')).toBe('<p>\n\n<a class="link link--text" href="/docs/b/">b</a> \n\n<a class="link link--text" href="/docs/a/#top">top</a></p>\n')
    expect(render('guide/a.md')).toBe('<p>\n\n<a class="link link--text" href="/guide/b/">b</a> \n\n<a class="link link--text" href="/guide/a/#top">top</a></p>\n')
  })

  it('gives `resolveLink` the percent-decoded path, and `from: home` inside markdownify', () => {
    const asked: LinkTarget[] = []
    html('[a](a%20b.md)\n\n{{< details "S" >}}\n[c](c.md)\n{{< /details >}}\n', {resolveLink: (target) => void asked.push(target)})
    expect(asked).toEqual([
      {destination: 'a%20b.md', path: 'a b.md', from: 'page', contentPath: undefined},
      {destination: 'c.md', path: 'c.md', from: 'home', contentPath: undefined}
    ])
  })

  it('keeps an unresolved destination exactly as written: escapes, entities and spaces (staticFallback)', () => {
    expect(html('[a](a\\_b.md) [b](a&amp;b.md) [c](<a b.md>) [d](ü.md) [e](//example.com/x)\n')).toBe(
      '<p>\n\n<a class="link link--text" href="a\\\\_b.md">a</a> ' +
        '\n\n<a class="link link--text" href="a&amp;b.md">b</a> ' +
        '\n\n<a class="link link--text" href="a b.md">c</a> ' +
        '\n\n<a class="link link--text" href="ü.md">d</a> ' +
        '\n\n<a class="link link--text" href="//example.com/x">e</a></p>\n'
    )
  })

  it("prints a title as written, through Go's %q (a backslash doubled, a line break as \\n)", () => {
    expect(html('[a](x.md "Fish &amp; chips") [b](x.md "C:\\\\path") [c](x.md "one\ntwo")\n')).toBe(
      '<p>\n\n<a class="link link--text" href="x.md" title="Fish &amp; chips">a</a> ' +
        '\n\n<a class="link link--text" href="x.md" title="C:\\\\\\\\path">b</a> ' +
        '\n\n<a class="link link--text" href="x.md" title="one\\ntwo">c</a></p>\n'
    )
  })

  it('reads a reference link from its definition as written', () => {
    expect(html('[a][d] [b]\n\n[d]: a\\_b.md "t\\_x"\n[b]:\n  https://x.y/ü\n  (paren title)\n')).toBe(
      '<p>\n\n<a class="link link--text" href="a\\\\_b.md" title="t\\\\_x">a</a> ' +
        '\n\n<a class="link link--text" href="https://x.y/%C3%BC" rel="external" title="paren title">b</a></p>\n'
    )
  })

  it('prints the `abbr` and `dfn` pseudo links as those elements', () => {
    expect(html('[SLA](abbr "Service Level Agreement") and [uptime](dfn "Uptime Ratio")\n')).toBe(
      '<p>\n\n<abbr title="Service Level Agreement">SLA</abbr> and \n\n<dfn id="uptime-ratio">uptime</dfn></p>\n'
    )
  })

  it("prints the template's two line endings before a link, but not into the table of contents", () => {
    const rendered = renderPage('## See [the docs](https://example.com/) here\n', doks)
    expect(rendered.html).toBe('<h2 id="see-the-docs-here">See \n\n<a class="link link--text" href="https://example.com/" rel="external">the docs</a> here</h2>\n')
    expect(rendered.toc).toBe('<nav id="TableOfContents">\n  <ul>\n    <li><a href="#see-the-docs-here">See the docs here</a></li>\n  </ul>\n</nav>')
  })

  it('hooks autolinks and (with linkify) bare URLs too', () => {
    expect(html('<https://autolink.example/>\n')).toBe(
      '<p>\n\n<a class="link link--text" href="https://autolink.example/" rel="external">https://autolink.example/</a></p>\n'
    )
    expect(renderPage('Visit www.example.com now.\n', {renderHooks: 'doks'}).html).toBe(
      '<p>Visit \n\n<a class="link link--text" href="https://www.example.com" rel="external">www.example.com</a> now.</p>\n'
    )
  })

  it("keeps a mailto link plain: no script (Doks writes one that builds the link), Goldmark's markup", () => {
    expect(html('Write to [the desk](mailto:desk@example.com).\n')).toBe('<p>Write to \n\n<a href="mailto:desk@example.com">the desk</a>\n\n  .</p>\n')
    expect(html('Write to [the desk](mailto:desk@example.com).\n')).not.toContain('<script')
  })

  it('leaves out an href whose scheme is not allowed (Doks prints `javascript:` as an external link)', () => {
    expect(html('[x](javascript:alert(1)) [y](JavaScript:alert(2))\n')).toBe(
      '<p>\n\n<a class="link link--text" rel="external">x</a> \n\n<a class="link link--text" rel="external">y</a></p>\n'
    )
    expect(html('[x](javascript:alert(1))\n', {allowedProtocols: ['javascript']})).toContain('href="javascript:alert(1)"')
  })

  it('swaps a ref/relref call in for its placeholder after the hook ran: never resolved again, never external', () => {
    const asked: LinkTarget[] = []
    const rendered = html('[a]({{< relref "b.md" >}}#part) [b]({{< ref "b.md" >}})\n', {
      resolveRef: (reference) => (reference.kind === 'ref' ? 'https://example.org/docs/b/' : '/docs/b/'),
      resolveLink: (target) => void asked.push(target)
    })
    expect(rendered).toBe(
      '<p>\n\n<a class="link link--text" href="/docs/b/#part">a</a> \n\n<a class="link link--text" href="https://example.org/docs/b/">b</a></p>\n'
    )
    expect(asked).toEqual([])
  })

  it('warns about a destination Go cannot parse (Hugo stops the build there) and keeps it', () => {
    const rendered = renderPage('A [link](%zz) here.\n', doks)
    expect(rendered.html).toBe('<p>A \n\n<a class="link link--text" href="%zz">link</a> here.</p>\n')
    expect(rendered.messages.map((message) => [message.ruleId, message.fatal, message.place])).toEqual([
      ['link-destination-invalid', false, {start: {line: 1, column: 3, offset: 2}, end: {line: 1, column: 14, offset: 13}}]
    ])
    expect(rendered.messages[0]!.reason).toBe('Unexpected link destination `%zz` that Go cannot read as a URL, expected a URL or a page path')
  })
})

describe("Doks' code block hook", () => {
  const frame = (classes: string, title: string, wrapped: string): string =>
    '\n\n\n<div class="expressive-code">\n' +
    `  <figure class="${classes}">\n` +
    '  <figcaption class="header">\n' +
    `    <span class="title">${title}</span>\n` +
    '  </figcaption>\n' +
    `  ${wrapped}\n` +
    '  </figure>\n' +
    '</div>\n'

  it("frames Chroma's block; the last line has no line ending (Hugo hands the hook the code without it)", () => {
    expect(html('```go\na\n\nb\n\n```\n')).toBe(
      frame(
        'frame not-content',
        '',
        '<div class="highlight"><pre tabindex="0" class="chroma"><code class="language-go" data-lang="go">' +
          '<span class="line"><span class="cl">a\n</span></span><span class="line"><span class="cl">\n</span></span>' +
          '<span class="line"><span class="cl">b</span></span></code></pre></div>'
      )
    )
  })

  it('ends the last line with a line ending for lexers that add one (console, diff)', () => {
    expect(html('```console\n$ ls\n```\n')).toContain('<span class="line"><span class="cl">$ ls\n</span></span></code>')
    expect(html('```diff\n+ a\n```\n')).toContain('<span class="line"><span class="cl">+ a\n</span></span></code>')
  })

  it('marks shell languages `is-terminal` unless `frame="none"`, and a title `has-title` with its caption', () => {
    expect(html('```sh {title="install.sh"}\nnpm ci\n```\n')).toBe(
      frame(
        'frame is-terminal has-title not-content',
        'install.sh',
        '<div class="highlight" title="install.sh"><pre tabindex="0" class="chroma"><code class="language-sh" data-lang="sh"><span class="line"><span class="cl">npm ci</span></span></code></pre></div>'
      )
    )
    expect(html('```bash {frame="none"}\nls\n```\n')).toContain('<figure class="frame not-content">')
    expect(html('```bash {frame="none"}\nls\n```\n')).toContain('<div class="highlight" frame="none">')
    // Compared as written: `Bash` is no terminal language.
    expect(html('```Bash\nls\n```\n')).toContain('<figure class="frame not-content">')
  })

  it("shows a title only when Go's `with` takes it (a number yes, `false` no: the wrapper still has it)", () => {
    expect(html('```js {title=5}\nx\n```\n')).toContain('<figure class="frame has-title not-content">\n  <figcaption class="header">\n    <span class="title">5</span>')
    const off = html('```yaml {title=false}\nk: v\n```\n')
    expect(off).toContain('<figure class="frame not-content">')
    expect(off).toContain('<div class="highlight" title="false">')
  })

  it('frames plain and unknown-language blocks around a bare `pre` (their attributes are dropped)', () => {
    expect(html('``` {title="plain.txt"}\nno language\n```\n')).toBe(
      frame('frame has-title not-content', 'plain.txt', '<pre tabindex="0"><code>no language</code></pre>')
    )
    expect(html('```nosuch\nx\n```\n')).toBe(
      frame('frame not-content', '', '<pre tabindex="0"><code class="language-nosuch" data-lang="nosuch">x</code></pre>')
    )
    expect(html('```go\n```\n')).toContain('<code class="language-go" data-lang="go"></code>')
  })

  it("writes a mermaid block as Doks' mermaid hook: `pre.mermaid`, the code escaped", () => {
    expect(html('```mermaid\ngraph TD;\n  A-->B;\n```\n')).toBe('<pre class="mermaid">\n  graph TD;\n  A-->B;\n</pre>\n\n')
  })

  it('leaves indented code and, with `codeFences = false`, every block to Goldmark', () => {
    expect(html('    indented\n')).toBe('<pre><code>indented\n</code></pre>\n')
    expect(html('```go\nx\n```\n', {markup: {highlight: {codeFences: false}}})).toBe('<pre><code class="language-go">x\n</code></pre>\n')
  })

  it('reads fence attributes as written and escapes their values (Hugo writes a `"` raw, making new attributes)', () => {
    const rendered = html('```js {title="x\\" onmouseover=\\"alert(1)"}\nx\n```\n')
    expect(rendered).toContain('<span class="title">x" onmouseover="alert(1)</span>')
    expect(rendered).toContain('<div class="highlight" title="x&quot; onmouseover=&quot;alert(1)">')
    expect(html('```js {onclick="alert(2)"}\nx\n```\n')).toContain('<div class="highlight"><pre')
  })

  it('frames code in list items and block quotes too', () => {
    expect(html('- item\n\n  ```yaml\n  k: v\n  ```\n')).toMatch(/^<ul>\n<li>\n<p>item<\/p>\n+<div class="expressive-code">\n {2}<figure class="frame not-content">/)
    expect(html('> ```text\n> quoted\n> ```\n')).toMatch(/^<blockquote>\n+<div class="expressive-code">\n {2}<figure class="frame not-content">/)
  })
})

describe('markdownify and inline RenderString (Hugo 0.111 TrimShortHTML)', () => {
  const details = (body: string): string => renderPage(`{{< details "S" >}}\n${body}\n{{< /details >}}\n`, doks).html

  it('unwraps output that is one paragraph', () => {
    expect(details('Just *one* paragraph.')).toBe('<details>\n  <summary>S</summary>\n  Just <em>one</em> paragraph.</details>\n')
  })

  it('keeps the paragraph when a list follows it (its last end tag is not `</p>`)', () => {
    expect(details('Intro.\n\n- one\n- two')).toBe('<details>\n  <summary>S</summary>\n  <p>Intro.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul></details>\n')
  })

  it('keeps a paragraph that ends the output after other blocks (Hugo cuts only its `</p>`, which the browser adds back)', () => {
    expect(details('- one\n\nOutro.')).toBe('<details>\n  <summary>S</summary>\n  <ul>\n<li>one</li>\n</ul>\n<p>Outro.</p></details>\n')
  })

  it('a paragraph then a rule: the start tag cut, the stray `</p>` an empty paragraph, as the browser reads Hugo', () => {
    expect(details('Above.\n\n---')).toBe('<details>\n  <summary>S</summary>\n  Above.<p></p>\n<hr></details>\n')
  })

  it('counts `<progress` (and `<pre`) as a paragraph, as Hugo\'s byte search does', () => {
    expect(details('Done: <progress value="1" max="2">half</progress>')).toBe(
      '<details>\n  <summary>S</summary>\n  <p>Done: <progress value="1" max="2">half</progress></p></details>\n'
    )
  })

  it('keeps a paragraph with attributes (Hugo looks for `<p>` exactly)', () => {
    expect(details('Classy.\n{.note}')).toBe('<details>\n  <summary>S</summary>\n  <p class="note">Classy.</p></details>\n')
  })
})

describe('hooks on any input', () => {
  const piece = fc.constantFrom(
    '[a](', '](', ')', '(', '<', '>', '"', "'", '\\', '%', '%zz', '#', '?', ':', '//', 'javascript:', 'mailto:', 'abbr', 'dfn',
    'https://x.y/', ' ', '\n', '`', '```', '{title="', '}', '[^1]', '[r]: ', '{{< relref "a.md" >}}', 'ü', '&amp;', '&'
  )

  it('never throws, never writes a script or a script URL', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 30}).map((parts) => parts.join('')), (source) => {
        const rendered = renderPage(source, {...doks, contentPath: 'docs/x.md', resolveLink: () => ({url: '/p/', kind: 'page'})})
        expect(rendered.html).not.toMatch(/<script|href="\s*javascript:/i)
      }),
      {numRuns: 400}
    )
  })
})
