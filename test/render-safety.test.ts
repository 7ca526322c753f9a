/**
 * What the renderer never lets through from content: script URLs, event
 * handler attributes, unescaped text. Where Hugo differs, it is said.
 */
import fc from 'fast-check'
import {fromHtml} from 'hast-util-from-html'
import type {Element, Nodes} from 'hast'
import {describe, expect, it} from 'vitest'
import {createRegistry} from '../src/hugo/registry.js'
import {renderPage} from '../src/render/index.js'
import type {RenderOptions, ShortcodeRenderer} from '../src/render/types.js'

const render = (markdown: string, options: RenderOptions = {}): string => renderPage(markdown, options).html
const unsafe: RenderOptions = {markup: {goldmark: {renderer: {unsafe: true}, parser: {attribute: {block: true}}}}}

describe('link and image URLs', () => {
  it('drop `href` for `javascript:` in any case and with white space or control characters inside', () => {
    const links = [
      '[a](javascript:alert(1))',
      '[a](JAVASCRIPT:alert(1))',
      '[a](JavaScript:alert(1))',
      '[a](java&#9;script:alert(1))',
      '[a](java&#x0A;script:alert(1))',
      '[a](&#1;javascript:alert(1))',
      '[a](<java script:alert(1)>)',
      '[a](  javascript:alert(1)  )',
      '<javascript:alert(1)>',
      '[a][r]\n\n[r]: javascript:alert(1)'
    ]
    for (const link of links) {
      const html = render(`${link}\n`, unsafe)
      expect(html, link).not.toMatch(/href/)
      expect(html, link).toMatch(/^<p><a>/)
    }
  })

  it('drop `src` for `data:` and other schemes not allowed, and keep them when `allowedProtocols` lists them', () => {
    expect(render('![i](data:image/png;base64,AA) [v](vbscript:x) [f](ftp://example.org/f)\n')).toBe('<p><img alt="i"> <a>v</a> <a>f</a></p>\n')
    expect(render('![i](data:image/png;base64,AA) [f](ftp://example.org/f)\n', {allowedProtocols: ['DATA', 'ftp']})).toBe(
      '<p><img src="data:image/png;base64,AA" alt="i"> <a href="ftp://example.org/f">f</a></p>\n'
    )
  })

  it('keep relative, fragment, `http(s)`, `mailto` and `tel` URLs, percent-encoded as Goldmark does', () => {
    expect(render('[a](/x y) [b](#f) [c](https://e.org/ü?a=1&b=2) [d](mailto:a@b.c) [e](tel:+31) [g](a:b/c)\n')).toBe(
      '<p>[a](/x y) <a href="#f">b</a> <a href="https://e.org/%C3%BC?a=1&amp;b=2">c</a> <a href="mailto:a@b.c">d</a> <a href="tel:+31">e</a> <a>g</a></p>\n'
    )
  })
})

describe('attributes and text', () => {
  it('never renders an event handler attribute, whatever its case', () => {
    const html = render('## H {onclick="a()" OnMouseOver="b()"}\n\nP\n{onfocus="c()" class="ok"}\n', unsafe)
    expect(html).toBe('<h2 id="h">H</h2>\n<p class="ok">P</p>\n')
  })

  it('escapes attribute values and text, and omits raw HTML by default', () => {
    // Inside a double-quoted value only `"` and `&` need escaping.
    expect(render('## T {title="\\"><script>x</script>"}\n\nA <script>alert(1)</script> & <b>\n\n`<script>`\n')).toBe(
      '<h2 title="&quot;><script>x</script>" id="t">T</h2>\n<p>A <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> &amp; <!-- raw HTML omitted --></p>\n<p><code>&lt;script></code></p>\n'
    )
  })

  it('omits raw HTML in shortcode bodies too (RenderString follows `unsafe`)', () => {
    const box: ShortcodeRenderer = (node, context) => context.renderBlock(node.type === 'containerDirective' ? node.children : [])
    const page = renderPage('{{< box >}}\n<b>x</b> y\n{{< /box >}}\n', {renderers: {box}, parse: {registry: createRegistry({shortcodes: {box: true}})}})
    expect(page.html).toBe('<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --> y</p>\n')
  })

  it('never lets a `javascript:` URL or an `on…` attribute through, whatever the Markdown', () => {
    const pieces = fc.constantFrom('[a](', 'javascript:', 'JaVaScRiPt:', '&#9;', '\\', ')', '<', '>', '{onclick=x}', '{.c}', '## ', '\n', ' ', 'x', '"', '![i](', 'data:', ']')
    fc.assert(
      fc.property(fc.array(pieces, {maxLength: 30}), (parts) => {
        const html = render(parts.join(''), {markup: {goldmark: {parser: {attribute: {block: true}}}}})
        for (const element of elements(fromHtml(html, {fragment: true}))) {
          for (const [name, value] of Object.entries(element.properties)) {
            expect(name.toLowerCase().startsWith('on')).toBe(false)
            if (name === 'href' || name === 'src') expect(String(value).replace(/[\0-\x20\x7f]/g, '')).not.toMatch(/^(?:javascript|data):/i)
          }
        }
      })
    )
  })
})

function elements(node: Nodes): Element[] {
  const found: Element[] = []
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'element') found.push(current)
    if ('children' in current) stack.push(...current.children)
  }

  return found
}
