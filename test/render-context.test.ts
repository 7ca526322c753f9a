/**
 * How shortcode nodes reach their renderers and what the ShortcodeContext
 * gives them (the Doks renderers themselves are tested in
 * `render-shortcodes*.test.ts`). The renderers here are small test ones,
 * passed with the `renderers` option.
 */
import type {ElementContent} from 'hast'
import {describe, expect, it} from 'vitest'
import {createRegistry} from '../src/hugo/registry.js'
import {renderPage} from '../src/render/index.js'
import type {RenderOptions, ShortcodeContext, ShortcodeRenderer} from '../src/render/types.js'

const registry = createRegistry({shortcodes: {box: true, inline: false, tag: false, outer: true, inner: true, crash: false, md: true, mdi: true}})

/** `<div class="box">` around its body, rendered as `RenderString` does. */
const box: ShortcodeRenderer = (node, context) => [
  {type: 'element', tagName: 'div', properties: {className: ['box']}, children: context.renderBlock(bodyOf(node))}
]
const tag: ShortcodeRenderer = (_node, context) => [{type: 'element', tagName: 'span', properties: {id: context.uniqueId('tag')}, children: []}]

function bodyOf(node: Parameters<ShortcodeRenderer>[0]) {
  return node.type === 'containerDirective' ? node.children : (node.data?.hugo?.body?.children ?? [])
}

function options(renderers: Record<string, ShortcodeRenderer>, extra: RenderOptions = {}): RenderOptions {
  return {renderers, parse: {registry}, ...extra}
}

describe('placement (hugo-doks-spec §1.9)', () => {
  it('renders a shortcode alone in its paragraph at block level', () => {
    expect(renderPage('Before.\n\n{{< box >}}\nInside *body*.\n{{< /box >}}\n\nAfter.\n', options({box})).html).toBe(
      '<p>Before.</p>\n<div class="box"><p>Inside <em>body</em>.</p></div>\n<p>After.</p>\n'
    )
  })

  it('closes the paragraph around block output inside a sentence (Hugo leaves the `<div>` inside `<p>`)', () => {
    expect(renderPage('Before {{< box >}}x{{< /box >}} after.\n', options({box})).html).toBe(
      '<p>Before</p>\n<div class="box"><p>x</p></div>\n<p>after.</p>\n'
    )
  })

  it('keeps phrasing output inside the sentence', () => {
    expect(renderPage('A {{< tag >}} b {{< tag >}}.\n', options({tag})).html).toBe('<p>A <span id="tag"></span> b <span id="tag-1"></span>.</p>\n')
  })

  it('renders a directive callout (`:::note`) with the callout renderer, as the Doks shortcode it stands for', () => {
    const seen: ShortcodeContext[] = []
    const callout: ShortcodeRenderer = (node, context) => {
      seen.push(context)
      return box(node, context)
    }
    expect(renderPage(':::note\nBody.\n:::\n', options({callout})).html).toBe('<div class="box"><p>Body.</p></div>\n')
    expect(seen[0]?.hugo).toMatchObject({name: 'callout', named: true, placement: 'block', params: [{name: 'context', value: 'note'}, {name: 'title', value: 'Note'}, {name: 'icon', value: 'outline/info-circle'}]})
  })
})

describe('shortcodes without a renderer', () => {
  it('render nothing and warn at the call', () => {
    const page = renderPage('Text {{< youtube abc >}} here.\n\n{{< figure src="x" >}}\n')
    expect(page.html).toBe('<p>Text  here.</p>\n')
    expect(page.messages.map((message) => [message.ruleId, message.source, message.fatal, message.line, message.column])).toEqual([
      ['shortcode-not-rendered', 'slamark', false, 1, 6],
      ['shortcode-not-rendered', 'slamark', false, 3, 1]
    ])
    expect(page.messages[0]?.reason).toMatch(/^Unexpected shortcode `youtube` in rendering, expected one slamark renders \(`callout`, /)
    expect(page.messages[0]?.url).toBe('https://github.com/slamark/slamark#shortcode-not-rendered')
  })

  it('render nothing, and warn, when their renderer fails', () => {
    const crash: ShortcodeRenderer = () => {
      throw new Error('boom')
    }
    const page = renderPage('A {{< crash >}} b.\n', options({crash}))
    expect(page.html).toBe('<p>A  b.</p>\n')
    expect(page.messages.map((message) => [message.ruleId, message.reason])).toEqual([
      ['shortcode-render-failed', 'Unexpected failure rendering shortcode `crash` (Error: boom), expected its HTML']
    ])
  })
})

describe('ref and relref', () => {
  const resolveRef: RenderOptions['resolveRef'] = ({kind, path}) => (path === 'missing.md' ? undefined : `${kind === 'ref' ? 'https://example.org' : ''}/docs/${path.replace(/\.md$/, '')}/`)

  it('resolve in a link destination and in a reference definition', () => {
    expect(renderPage('[A]({{< relref "a.md" >}}) [B][b] [C]({{< ref "c.md" >}})\n\n[b]: {{< relref "b.md" >}}\n', {resolveRef}).html).toBe(
      '<p><a href="/docs/a/">A</a> <a href="/docs/b/">B</a> <a href="https://example.org/docs/c/">C</a></p>\n'
    )
  })

  it('keep the destination as written without a resolver, or when it resolves nothing', () => {
    const link = '<a href="%7B%7B%3C%20relref%20%22missing.md%22%20%3E%7D%7D">M</a>'
    expect(renderPage('[M]({{< relref "missing.md" >}})\n', {resolveRef}).html).toBe(`<p>${link}</p>\n`)
    expect(renderPage('[M]({{< relref "missing.md" >}})\n').html).toBe(`<p>${link}</p>\n`)
  })

  it('print the permalink in text', () => {
    expect(renderPage('See {{< relref "a.md" >}}.\n', {resolveRef}).html).toBe('<p>See /docs/a/.</p>\n')
  })
})

describe('calls kept as source in code and raw HTML', () => {
  it('run where Hugo runs them: their output replaces the call inside the code (hugo-doks-spec §1.1)', () => {
    expect(renderPage('`x {{< tag >}} y`\n\n```\n{{< tag >}}\n```\n', options({tag})).html).toBe(
      '<p><code>x <span id="tag"></span> y</code></p>\n<pre tabindex="0"><code><span id="tag-1"></span>\n</code></pre>'
    )
  })

  it('run inside raw HTML that is kept (`unsafe`), and vanish with it when omitted', () => {
    const unsafe = options({tag}, {markup: {goldmark: {renderer: {unsafe: true}}}})
    expect(renderPage('<div>{{< tag >}}</div>\n', unsafe).html).toBe('<div><span id="tag"></span></div>\n')
    expect(renderPage('<div>{{< tag >}}</div>\n', options({tag})).html).toBe('<!-- raw HTML omitted -->\n')
  })
})

describe('ShortcodeContext', () => {
  it('renderBlock: a document of its own, with its own heading ids and footnote numbers', () => {
    const page = renderPage('## Setup\n\nPage[^1].\n\n{{< box >}}\n## Setup\n\nBody[^1].\n\n[^1]: In the body.\n{{< /box >}}\n\n[^1]: On the page.\n', options({box}))
    expect(page.html).toBe(
      '<h2 id="setup">Setup</h2>\n<p>Page<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>\n' +
        '<div class="box"><h2 id="setup">Setup</h2>\n<p>Body<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>\n' +
        '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n<li id="fn:1">\n<p>In the body.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div></div>\n' +
        '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n<li id="fn:1">\n<p>On the page.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n'
    )
  })

  it('renderInline: a lone paragraph unwrapped (markdownify), several blocks kept (Hugo 0.111.3)', () => {
    const mdi: ShortcodeRenderer = (node, context) => context.renderInline(bodyOf(node))
    expect(renderPage('{{< mdi >}}One *line*{{< /mdi >}}\n\n{{< mdi >}}Two\n\nparas{{< /mdi >}}\n\n{{< mdi >}}Lead:\n\n- item{{< /mdi >}}\n', options({mdi})).html).toBe(
      'One <em>line</em>\n<p>Two</p>\n<p>paras</p>\n<p>Lead:</p>\n<ul>\n<li>item</li>\n</ul>\n'
    )
  })

  it('parseMarkdown: a string as a document of its own, front matter never read from it', () => {
    const render = (title: string): string => {
      const titled: ShortcodeRenderer = (_node, context) => context.renderBlock(context.parseMarkdown(title).children)
      return renderPage('{{< titled >}}\n', options({titled})).html
    }
    expect(render('**Heads** `up`')).toBe('<p><strong>Heads</strong> <code>up</code></p>\n')
    expect(render('Plain title, it\'s fine')).toBe('<p>Plain title, it&rsquo;s fine</p>\n')
    expect(render('---\nx\n---')).toBe('<hr>\n<h2 id="x">x</h2>\n')
    expect(render('1. item')).toBe('<ol>\n<li>item</li>\n</ol>\n')
  })

  it('uniqueId: unique over the whole page, across shortcodes and bodies', () => {
    expect(renderPage('{{< tag >}}\n\n{{< box >}}\n{{< tag >}}\n{{< /box >}}\n\n{{< tag >}}\n', options({tag, box})).html).toBe(
      '<span id="tag"></span>\n<div class="box"><span id="tag-1"></span></div>\n<span id="tag-2"></span>\n'
    )
  })

  it('parent: the enclosing call of a nested one', () => {
    const parents: Array<string | undefined> = []
    const record: ShortcodeRenderer = (node, context) => {
      parents.push(context.parent?.name)
      return context.renderBlock(bodyOf(node))
    }
    renderPage('{{< outer >}}\n{{< inner >}}\nx\n{{< /inner >}}\n{{< /outer >}}\n', options({outer: record, inner: record}))
    expect(parents).toEqual([undefined, 'outer'])
  })

  it('warn: a message on the page at the call', () => {
    const warning: ShortcodeRenderer = (_node, context) => {
      context.warn('Unexpected x, expected y', 'test-rule', 'A hint')
      return []
    }
    const [message] = renderPage('Text\n\n  {{< tag >}}\n', options({tag: warning})).messages
    expect({...message?.place, ruleId: message?.ruleId, source: message?.source, note: message?.note, fatal: message?.fatal}).toEqual({
      start: {line: 3, column: 3, offset: 8},
      end: {line: 3, column: 14, offset: 19},
      ruleId: 'test-rule',
      source: 'slamark',
      note: 'A hint',
      fatal: false
    })
  })

  it('icon: Tabler icons through inline-svg', () => {
    let icon: ElementContent | undefined
    const probe: ShortcodeRenderer = (_node, context) => {
      icon = context.icon('outline/alert-triangle', {class: 'x'})
      return []
    }
    renderPage('{{< tag >}}\n', options({tag: probe}))
    expect(icon).toMatchObject({type: 'element', tagName: 'svg', properties: {id: 'svg-alert-triangle'}})
  })
})
