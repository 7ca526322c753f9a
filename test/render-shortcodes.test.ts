/**
 * The Doks shortcode renderers (src/render/shortcodes), one block per
 * shortcode, with expected HTML written from doks-core 1.9's templates and
 * checked against Hugo 0.111 with those templates. Pages go through the page
 * renderer (its ShortcodeContext: RenderString, markdownify, unique ids); the
 * property tests call the renderers directly on calls built by hand.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import type {Paragraph, Root, RootContent} from 'mdast'
import {toHast, type Handler} from 'mdast-util-to-hast'
import {describe, expect, it} from 'vitest'
import {goTypeOf, typed} from '../src/hugo/tag-lexer.js'
import {inlineSvg} from '../src/render/icons.js'
import {renderPage, renderTree} from '../src/render/index.js'
import {shortcodeRenderers} from '../src/render/shortcodes/index.js'
import {goLower, goPrint, goString} from '../src/render/shortcodes/params.js'
import {isSafeUrl, normalizeUrl} from '../src/render/shortcodes/url.js'
import type {RenderOptions, ShortcodeContext, ShortcodeNode} from '../src/render/types.js'
import {parsePage} from '../src/syntax/index.js'
import type {HugoParam, HugoShortcodeData} from '../src/syntax/types.js'
import {compareHtml, formatDifferences} from './support/dom-compare.js'
import {fixturesRoot} from './support/tree.js'

interface Warning {
  ruleId: string
  reason: string
  hint: string | undefined
}

interface Rendered {
  html: string
  warnings: Warning[]
}

/**
 * Render Markdown through the page renderer (`renderTree`, so only the
 * messages of rendering come back, not the parser's).
 */
function render(source: string, options: RenderOptions = {}): Rendered {
  const rendered = renderTree(parsePage(source).tree, source, options)
  const warnings = rendered.messages.map((message) => ({
    ruleId: message.ruleId ?? '',
    reason: message.reason,
    hint: message.note
  }))
  return {html: rendered.html, warnings}
}

/** Assert two fragments are the same DOM (whitespace-only text aside; all other text exactly). */
function expectSameDom(actual: string, expected: string): void {
  expect(formatDifferences(compareHtml(expected, actual))).toBe('')
}

function ruleIds(rendered: Rendered): string[] {
  return rendered.warnings.map((warning) => warning.ruleId)
}

const alertTriangle =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" ' +
  'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="outline/alert-triangle svg-inline callout-icon me-2 mb-3" ' +
  'id="ID" role="img">\n' +
  '  <path stroke="none" d="M0 0h24v24H0z" fill="none"></path>\n' +
  '  <path d="M12 9v4"></path>\n' +
  '  <path d="M10.363 3.591l-8.106 13.534a1.914 1.914 0 0 0 1.636 2.871h16.214a1.914 1.914 0 0 0 1.636 -2.87l-8.106 -13.536a1.914 1.914 0 0 0 -3.274 0"></path>\n' +
  '  <path d="M12 16h.01"></path>\n' +
  '</svg>'

function triangle(id = 'svg-alert-triangle'): string {
  return alertTriangle.replace('id="ID"', `id="${id}"`)
}

describe('callout', () => {
  it('prints the Doks markup byte for byte (template whitespace included)', () => {
    const {html, warnings} = render(
      '{{< callout context="caution" title="Caution" icon="outline/alert-triangle" >}}\n' +
        '### Plan for delays\n\nLate answers move dates.\n' +
        '{{< /callout >}}\n'
    )
    expect(html).toBe(
      '<div class="callout callout-caution d-flex flex-row mt-4 mb-4 pt-4 pe-4 pb-2 ps-3">\n' +
        `  ${triangle()}\n` +
        '  <div class="callout-content">\n' +
        '    <div class="callout-title">\n' +
        '        <p>Caution</p>\n' +
        '      </div>\n' +
        '    <div class="callout-body">\n' +
        '      <h3 id="plan-for-delays">Plan for delays</h3>\n<p>Late answers move dates.</p>\n' +
        '    </div>\n' +
        '  </div>\n' +
        '</div>\n'
    )
    expect(warnings).toEqual([])
  })

  it('renders the title as Markdown, block-level, and types params as Hugo does', () => {
    const cases: Array<[string, string | undefined]> = [
      ['title="**Heads** `up`"', '<p><strong>Heads</strong> <code>up</code></p>'],
      ['title=2024', '<p>2024</p>'],
      ['title=1000000.0', '<p>1000000</p>'],
      ['title=0.00001', '<p>0.00001</p>'],
      ['title=true', '<p>true</p>'],
      ['title=false', undefined],
      ['title=0', undefined],
      ['title=""', undefined]
    ]
    for (const [param, title] of cases) {
      const {html} = render(`{{< callout ${param} >}}\nBody\n{{< /callout >}}\n`)
      const titleDiv = title === undefined ? '' : `<div class="callout-title">${title}</div>`
      expectSameDom(
        html,
        '<div class="callout callout-note d-flex flex-row mt-4 mb-4 pt-4 pe-4 pb-2 ps-3">' +
          `<div class="callout-content">${titleDiv}<div class="callout-body"><p>Body</p></div></div></div>`
      )
    }
  })

  it('reads the context named or positional, defaults to note, keeps `false`, and places it verbatim', () => {
    const classOf = (call: string): string => {
      const root = fromHtml(render(`${call}\nx\n{{< /callout >}}\n`).html, {fragment: true})
      return ((root.children[0] as Element).properties.className as string[]).slice(0, -8).join(' ')
    }

    expect(classOf('{{< callout >}}')).toBe('callout callout-note')
    expect(classOf('{{< callout "danger" >}}')).toBe('callout callout-danger')
    expect(classOf('{{< callout context="tip" >}}')).toBe('callout callout-tip')
    expect(classOf('{{< callout context="Caution" >}}')).toBe('callout callout-Caution')
    expect(classOf('{{< callout context="tip extra" >}}')).toBe('callout callout-tip extra')
    expect(classOf('{{< callout context=false >}}')).toBe('callout callout-false')
    expect(classOf('{{< callout context=0 >}}')).toBe('callout callout-note')
    expect(classOf('{{< callout context=7 >}}')).toBe('callout callout-7')
    expect(classOf('{{< callout context=1000000.0 >}}')).toBe('callout callout-1e+06')
    // Positional calls have no title or icon (`.Get "title"` is nil).
    expect(render('{{< callout "tip" "Title" >}}\nx\n{{< /callout >}}\n').html).not.toContain('callout-title')
  })

  it('escapes a hostile context and title', () => {
    const {html} = render('{{< callout context="x\\"><script>alert(1)</script>" title="a &amp; \\"b\\"" >}}\nx\n{{< /callout >}}\n')
    const root = fromHtml(html, {fragment: true})
    const callout = root.children[0] as Element
    // The value stays inside the quoted attribute: one element, no script.
    expect(root.children.filter((child) => child.type === 'element')).toHaveLength(1)
    expect(html.startsWith('<div class="callout callout-x&quot;><script>alert(1)</script> d-flex')).toBe(true)
    expect(callout.properties.className).toEqual(['callout', 'callout-x"><script>alert(1)</script>', 'd-flex', 'flex-row', 'mt-4', 'mb-4', 'pt-4', 'pe-4', 'pb-2', 'ps-3'])
    // The title is Markdown: the entity decoded, the quotes curled by the typographer, nothing else.
    expect(html).toContain('<div class="callout-title">\n        <p>a &amp; &ldquo;b&rdquo;</p>\n      </div>')
  })

  it('renders directive callouts and GitHub alerts with the same markup', () => {
    const expected = (id: string, title: string): string =>
      '<div class="callout callout-caution d-flex flex-row mt-4 mb-4 pt-4 pe-4 pb-2 ps-3">' +
      triangle(id) +
      `<div class="callout-content"><div class="callout-title"><p>${title}</p></div>` +
      '<div class="callout-body"><p>Body text.</p></div></div></div>'

    const {html, warnings} = render(
      ':::caution[Mind *this*]\nBody text.\n:::\n\n> [!WARNING]\n> Body text.\n\n' +
        '{{< callout context="caution" title="Caution" icon="outline/alert-triangle" >}}\nBody text.\n{{< /callout >}}\n'
    )
    expectSameDom(
      html,
      expected('svg-alert-triangle', 'Mind <em>this</em>') +
        expected('svg-alert-triangle-1', 'Warning') +
        expected('svg-alert-triangle-2', 'Caution')
    )
    expect(warnings).toEqual([])
  })

  it('reads an inline callout (inside a paragraph) from its params', () => {
    const {html} = render('Before {{< callout context="tip" title=false >}}inline body{{< /callout >}} after.\n')
    // The page renderer closes the paragraph around the block (Hugo prints a `<div>` inside the `<p>`).
    expectSameDom(
      html,
      '<p>Before</p><div class="callout callout-tip d-flex flex-row mt-4 mb-4 pt-4 pe-4 pb-2 ps-3">' +
        '<div class="callout-content"><div class="callout-body"><p>inline body</p></div></div></div><p>after.</p>'
    )
  })

  it('prints no icon for a Tabler 2 name, a `.svg` name or a path, and says why', () => {
    const page = [
      'alert-triangle',
      'outline/alert-triangle.svg',
      '../../etc/passwd',
      'https://example.org/x.svg',
      'outline/no-such-icon'
    ]
      .map((icon) => `{{< callout icon="${icon}" >}}\nx\n{{< /callout >}}\n`)
      .join('\n')
    const rendered = render(`${page}\n{{< callout icon=5 >}}\nx\n{{< /callout >}}\n`)
    expect(rendered.html).not.toContain('<svg')
    expect(rendered.warnings.map(({ruleId, reason, hint}) => ({ruleId, reason, hint}))).toEqual([
      {
        ruleId: 'icon-unknown',
        reason: 'Unexpected icon `alert-triangle`, expected a Tabler 3 icon name such as `outline/info-circle`',
        hint: 'Tabler 3 (Doks 1.5 and later) keeps icons by variant: write `outline/alert-triangle` (or `filled/alert-triangle`); Doks prints no icon here'
      },
      {
        ruleId: 'icon-unknown',
        reason: 'Unexpected icon `outline/alert-triangle.svg`, expected a Tabler 3 icon name such as `outline/info-circle`',
        hint: 'Doks looks the icon up as `outline/alert-triangle.svg.svg`; write `outline/alert-triangle` without `.svg`'
      },
      {
        ruleId: 'icon-path-refused',
        reason: 'Unexpected icon path `../../etc/passwd`, expected a Tabler icon name such as `outline/info-circle`',
        hint: 'Icons come from the @tabler/icons package only; paths and URLs are never read'
      },
      {
        ruleId: 'icon-path-refused',
        reason: 'Unexpected icon path `https://example.org/x.svg`, expected a Tabler icon name such as `outline/info-circle`',
        hint: 'Icons come from the @tabler/icons package only; paths and URLs are never read'
      },
      {
        ruleId: 'icon-unknown',
        reason: 'Unexpected icon `outline/no-such-icon`, expected a Tabler 3 icon name such as `outline/info-circle`',
        hint: 'Doks prints no icon for a name Tabler does not have; pick one from https://tabler.io/icons'
      },
      {
        ruleId: 'icon-unknown',
        reason: 'Unexpected icon `5` (int), expected a quoted Tabler icon name such as `outline/info-circle`',
        hint: 'Doks cannot look up a value that is not text and fails the build; quote the name'
      }
    ])
  })

  it('cuts a huge icon name short in its message', () => {
    const name = 'x'.repeat(10_000)
    const rendered = render(`{{< callout icon="${name}" >}}\nx\n{{< /callout >}}\n`)
    expect(rendered.warnings[0]!.reason).toBe(
      `Unexpected icon \`${'x'.repeat(60)}…\`, expected a Tabler 3 icon name such as \`outline/info-circle\``
    )
  })
})

describe('details', () => {
  it('prints the summary and the body through markdownify (a lone paragraph unwrapped)', () => {
    const {html, warnings} = render('{{< details "Sum *x*" >}}\nBody **b**\n{{< /details >}}\n')
    expect(html).toBe('<details>\n  <summary>Sum <em>x</em></summary>\n  Body <strong>b</strong></details>\n')
    expect(warnings).toEqual([])
  })

  it('keeps `open` and several paragraphs', () => {
    const {html} = render('{{< details "Two" "open" >}}\nPara 1\n\nPara 2\n{{< /details >}}\n')
    expectSameDom(html, '<details open><summary>Two</summary><p>Para 1</p><p>Para 2</p></details>')
  })

  it('refuses any other attribute string (Doks prints ZgotmplZ there)', () => {
    for (const attribute of ['onclick=alert(1)', 'open class=\\"x\\"', 'style', '\\"><script>']) {
      const rendered = render(`{{< details "S" "${attribute}" >}}\nb\n{{< /details >}}\n`)
      expect(rendered.html).toBe('<details>\n  <summary>S</summary>\n  b</details>\n')
      expect(ruleIds(rendered)).toEqual(['details-attribute-refused'])
    }
  })

  it('warns about a missing summary or body and still renders', () => {
    const noSummary = render('{{< details >}}\nOnly the body\n{{< /details >}}\n')
    expect(noSummary.html).toBe('<details>\n  Only the body</details>\n')
    expect(ruleIds(noSummary)).toEqual(['details-summary-missing'])

    const named = render('{{< details summary="S" >}}\nb\n{{< /details >}}\n')
    expect(ruleIds(named)).toEqual(['details-summary-missing'])

    const noBody = render('{{< details "S" />}}\n')
    expect(noBody.html).toBe('<details>\n  <summary>S</summary>\n  </details>\n')
    expect(ruleIds(noBody)).toEqual(['details-body-missing'])
  })
})

const plans =
  '{{< tabs "plans" >}}\n{{< tab "Basic" >}}\nReplies within **one** day.\n{{< /tab >}}\n' +
  '{{< tab "Plus Two" >}}\n\nFour hours.\n\nSecond.\n\n{{< /tab >}}\n{{< /tabs >}}\n'

function plansHtml(group: string, navId: string, contentId: string): string {
  const button = (index: number, key: string, name: string): string =>
    `<button data-toggle-tab="${key}" class="nav-link${index === 0 ? ' active' : ''}" id="${group}-${index}-tab" ` +
    `data-bs-toggle="tab" data-bs-target="#${group}-${index}" type="button" role="tab" aria-controls="${group}-${index}" ` +
    `aria-selected="true">\n      ${name}</button>`
  const pane = (index: number, key: string, content: string): string =>
    `<div data-pane="${key}" class="tab-pane fade${index === 0 ? ' show active' : ''}" id="${group}-${index}" role="tabpanel" ` +
    `aria-labelledby="${group}-${index}-tab" tabindex="0">\n      ${content}</div>`
  return (
    `<nav><div class="nav nav-tabs" id="${navId}" role="tablist">` +
    button(0, 'basic', 'Basic') +
    button(1, 'plus two', 'Plus Two') +
    `</div></nav><div class="tab-content" id="${contentId}">` +
    pane(0, 'basic', 'Replies within <strong>one</strong> day.') +
    pane(1, 'plus two', '<p>Four hours.</p><p>Second.</p>') +
    '</div>'
  )
}

describe('tabs and tab', () => {
  it('prints buttons and panes, the first active, each pane through RenderString (inline)', () => {
    const {html, warnings} = render(plans)
    expectSameDom(html, plansHtml('tabs-plans', 'nav-tab', 'nav-tabContent'))
    expect(warnings).toEqual([])
  })

  it('makes the ids of a second group with the same id unique (Doks repeats them)', () => {
    const {html} = render(`${plans}\n${plans}`)
    expectSameDom(
      html,
      // `tabs-plans-1` is taken by the first group's second pane.
      plansHtml('tabs-plans', 'nav-tab', 'nav-tabContent') + plansHtml('tabs-plans-2', 'nav-tab-1', 'nav-tabContent-1')
    )
  })

  it('prints labels as Go prints them and lower-cases the data keys as Go does', () => {
    const {html} = render(
      '{{< tabs "n" >}}\n{{< tab 2024 >}}\na\n{{< /tab >}}\n{{< tab 1000000.0 >}}\nb\n{{< /tab >}}\n' +
        '{{< tab "İSTANBUL Σ" >}}\nc\n{{< /tab >}}\n{{< /tabs >}}\n'
    )
    const buttons = (fromHtml(html, {fragment: true}).children[0] as Element).children
      .flatMap((child) => (child.type === 'element' ? child.children : []))
      .filter((child): child is Element => child.type === 'element')
    expect(buttons.map((button) => [button.properties.dataToggleTab, toHtml(button.children)])).toEqual([
      ['2024', '\n      2024'],
      ['1000000', '\n      1e+06'],
      ['istanbul σ', '\n      İSTANBUL Σ']
    ])
  })

  it('joins the words of a group id with hyphens, so the ids are valid', () => {
    const {html} = render('{{< tabs "x y" >}}\n{{< tab "One" >}}\n1\n{{< /tab >}}\n{{< /tabs >}}\n')
    expect(html).toContain('id="tabs-x-y-0-tab"')
    expect(html).toContain('aria-controls="tabs-x-y-0"')
  })

  it('warns about a missing group id, a missing label and content outside a tab', () => {
    const rendered = render('{{< tabs >}}\nLoose **text**\n{{< tab >}}\nno name\n{{< /tab >}}\n{{< /tabs >}}\n')
    expect(ruleIds(rendered)).toEqual(['tabs-content-outside-tab', 'tabs-id-missing', 'tab-label-missing'])
    expect(rendered.html).not.toContain('Loose')
    expectSameDom(
      rendered.html,
      '<nav><div class="nav nav-tabs" id="nav-tab" role="tablist">' +
        '<button data-toggle-tab="" class="nav-link active" id="tabs-0-tab" data-bs-toggle="tab" data-bs-target="#tabs-0" ' +
        'type="button" role="tab" aria-controls="tabs-0" aria-selected="true"></button></div></nav>' +
        '<div class="tab-content" id="nav-tabContent"><div data-pane="" class="tab-pane fade show active" id="tabs-0" ' +
        'role="tabpanel" aria-labelledby="tabs-0-tab" tabindex="0">\n      no name</div></div>'
    )
  })

  it('warns about a tab outside tabs and prints nothing for it', () => {
    const alone = render('{{< tab "A" >}}\nlost\n{{< /tab >}}\n')
    expect(alone.html).toBe('')
    expect(ruleIds(alone)).toEqual(['tab-outside-tabs'])

    const elsewhere = render('{{< callout >}}\n{{< tab "A" >}}\nlost\n{{< /tab >}}\n{{< /callout >}}\n')
    expect(elsewhere.html).not.toContain('lost')
    expect(ruleIds(elsewhere)).toEqual(['tab-outside-tabs'])
  })
})

describe('steps and step', () => {
  it('prints an ordered list, each step through RenderString (inline)', () => {
    const {html, warnings} = render(
      '{{< steps >}}\n\n{{< step >}}\nReport the outage.\n{{< /step >}}\n\n' +
        '{{< step >}}\nWe confirm.\n\nTwo paras.\n{{< /step >}}\n\n{{< /steps >}}\n'
    )
    expect(html).toBe(
      '<ol role="list" class="thulite-steps">\n  \n\n' +
        '<li>\n  Report the outage.\n</li>\n\n' +
        '<li>\n  <p>We confirm.</p>\n<p>Two paras.</p>\n</li>\n\n\n</ol>\n'
    )
    expect(warnings).toEqual([])
  })

  it('takes steps run together in one paragraph too', () => {
    const {html} = render('{{< steps >}}\n{{< step >}}\none\n{{< /step >}}\n{{< step >}}\ntwo\n{{< /step >}}\n{{< /steps >}}\n')
    expectSameDom(html, '<ol role="list" class="thulite-steps"><li>\n  one\n</li><li>\n  two\n</li></ol>')
  })

  it('leaves out content between steps (invalid inside `<ol>`), with a warning', () => {
    const rendered = render('{{< steps >}}\nLoose **text**\n{{< step >}}\ns\n{{< /step >}}\n<!-- a note -->\n{{< /steps >}}\n')
    expectSameDom(rendered.html, '<ol role="list" class="thulite-steps"><li>\n  s\n</li></ol>')
    expect(ruleIds(rendered)).toEqual(['steps-content-outside-step'])
  })

  it('puts a step outside steps in a list of its own, with a warning', () => {
    const rendered = render('{{< step >}}\nalone\n{{< /step >}}\n')
    expectSameDom(rendered.html, '<ol role="list" class="thulite-steps"><li>\n  alone\n</li></ol>')
    expect(ruleIds(rendered)).toEqual(['step-outside-steps'])
  })
})

const arrow =
  '<svg xmlns="http://www.w3.org/2000/svg" class="icon icon-tabler icon-tabler-arrow-right" width="20" height="20" viewBox="0 0 24 24" ' +
  'stroke-width="2" stroke="currentColor" fill="none" stroke-linecap="round" stroke-linejoin="round">' +
  '<path stroke="none" d="M0 0h24v24H0z" fill="none"></path><path d="M5 12l14 0"></path><path d="M13 18l6 -6"></path>' +
  '<path d="M13 6l6 6"></path></svg>'

function linkCard(link: string, extra = '', description = ''): string {
  return (
    `<div class="card text-end w-100${extra}"><div class="card-body d-flex"><div class="d-flex flex-column me-auto text-start">` +
    `<h5 class="card-title my-0">${link}</h5>${description}</div>` +
    `<div class="d-flex flex-column justify-content-center">${arrow}</div></div></div>`
  )
}

const nav = (inner: string): string => `<div class="card-nav d-flex flex-column flex-sm-row">${inner}</div>`

describe('link-card and card-grid', () => {
  it('prints a link card in a card-nav when alone, normalising the href as Go does', () => {
    const {html, warnings} = render(
      '{{< link-card title="Hello" href="/docs/a b?x=1&y=é" description="Desc" target="_blank" rel="noopener" class="x y" >}}\n'
    )
    expectSameDom(
      html,
      nav(
        linkCard(
          '<a href="/docs/a%20b?x=1&#x26;y=%c3%a9" target="_blank" class="stretched-link text-reset text-decoration-none" rel="noopener">Hello</a>',
          ' x y',
          '<p class="card-text mt-1">Desc</p>'
        )
      )
    )
    expect(warnings).toEqual([])
  })

  it('prints cards inside card-grid without their own card-nav', () => {
    const {html} = render(
      '{{< card-grid >}}\n{{< link-card title="A" href="/a/" >}}\n{{< link-card title="B" href="/b/" >}}\n{{< /card-grid >}}\n'
    )
    const link = (title: string, href: string): string =>
      `<a href="${href}" class="stretched-link text-reset text-decoration-none">${title}</a>`
    expectSameDom(html, nav(linkCard(link('A', '/a/')) + linkCard(link('B', '/b/'))))
  })

  it('prints typed values as Go prints them', () => {
    const {html} = render('{{< link-card title=1000000.0 href=12 description=0.5 target=false >}}\n')
    expectSameDom(
      html,
      nav(
        linkCard(
          '<a href="12" class="stretched-link text-reset text-decoration-none">1e+06</a>',
          '',
          '<p class="card-text mt-1">0.5</p>'
        )
      )
    )
  })

  it('escapes hostile titles and descriptions', () => {
    const {html} = render('{{< link-card title="<img src=x onerror=alert(1)>" href="/" description="\\"><script>x</script>" >}}\n')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script')
    expect(html).toContain('<a href="/" class="stretched-link text-reset text-decoration-none">&lt;img src=x onerror=alert(1)></a>')
    expect(html).toContain('<p class="card-text mt-1">">&lt;script>x&lt;/script></p>')
  })

  it('drops script and data URLs (Doks prints #ZgotmplZ) unless their scheme is allowed', () => {
    const hrefs = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x']
    for (const href of hrefs) {
      const rendered = render(`{{< link-card title="T" href="${href}" >}}\n`)
      expect(rendered.html).not.toContain('href=')
      expect(ruleIds(rendered)).toEqual(['link-card-href-refused'])
    }

    expect(render('{{< link-card title="T" href="ftp://example.org/f" >}}\n', {allowedProtocols: ['ftp']}).html).toContain(
      'href="ftp://example.org/f"'
    )
    for (const href of ['https://example.org/', 'mailto:a@example.org', 'tel:+1', '/a:b', '#x', '../up/']) {
      expect(render(`{{< link-card title="T" href="${href}" >}}\n`).warnings).toEqual([])
    }
  })

  it('warns about a missing href (Doks prints href="") and about positional params', () => {
    const missing = render('{{< link-card title="T" >}}\n')
    expect(missing.html).toContain('<a href="" class="stretched-link')
    expect(ruleIds(missing)).toEqual(['link-card-href-missing'])

    const positional = render('{{< link-card "T" "/x/" >}}\n')
    expect(ruleIds(positional)).toEqual(['link-card-positional', 'link-card-href-missing'])
  })

  it('prints Markdown around the cards of a card-grid as its source, as Doks does, with a warning', () => {
    const rendered = render('{{< card-grid >}}\nLoose **text**\n{{< link-card title="A" href="/a/" >}}\n{{< /card-grid >}}\n')
    expect(rendered.html).toContain('\nLoose **text**\n')
    expect(ruleIds(rendered)).toEqual(['card-grid-content-outside-card'])
  })
})

function rocket(id: string, color: string): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-linecap="round" ' +
    `stroke-linejoin="round" class="outline/rocket svg-inline svg-inline-custom mt-0 me-3 card-icon icon-${color}" ` +
    `height="1.875rem" id="${id}" role="img" stroke-width="1.5" width="1.875rem">` +
    '<path stroke="none" d="M0 0h24v24H0z" fill="none"></path>' +
    '<path d="M4 13a8 8 0 0 1 7 7a6 6 0 0 0 3 -5a9 9 0 0 0 6 -8a3 3 0 0 0 -3 -3a9 9 0 0 0 -8 6a6 6 0 0 0 -5 3"></path>' +
    '<path d="M7 14a6 6 0 0 0 -3 6a6 6 0 0 0 6 -3"></path>' +
    '<path d="M14 9a1 1 0 1 0 2 0a1 1 0 1 0 -2 0"></path></svg>'
  )
}

function card(heading: string, text?: string): string {
  return (
    '<div class="card card-box w-100"><div class="card-body">' +
    `<div class="d-flex align-items-center">${heading}</div>` +
    (text === undefined ? '' : `<div class="card-text">\n        ${text}\n      </div>`) +
    '</div></div>'
  )
}

describe('card', () => {
  it('prints the icon with Doks card attributes, the title and the body through markdownify', () => {
    const {html, warnings} = render('{{< card title="Card" icon="outline/rocket" color="purple" >}}\nCard *text*.\n{{< /card >}}\n')
    expectSameDom(html, nav(card(`${rocket('svg-rocket', 'purple')}<span class="card-title h4 mt-0">Card</span>`, 'Card <em>text</em>.')))
    expect(warnings).toEqual([])
  })

  it('falls back to yellow for other colours, prints no card-text without a body, and no card-nav inside a grid', () => {
    const {html} = render(
      '{{< card title="Two" icon="outline/rocket" color="pink" />}}\n\n' +
        '{{< card-grid >}}\n{{< card title=2024 color=3 >}}\nText\n{{< /card >}}\n{{< /card-grid >}}\n'
    )
    expectSameDom(
      html,
      nav(card(`${rocket('svg-rocket', 'yellow')}<span class="card-title h4 mt-0">Two</span>`)) +
        nav(card('<span class="card-title h4 mt-0">2024</span>', 'Text'))
    )
  })

  it('escapes a hostile title', () => {
    const {html} = render('{{< card title="<b>x</b>" >}}\nt\n{{< /card >}}\n')
    expect(html).toContain('<span class="card-title h4 mt-0">&lt;b>x&lt;/b></span>')
  })
})

/** A param as the lexer types it. */
function param(text: string, quote: 'double' | 'none' = 'none'): HugoParam {
  const position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}
  return {text, value: typed(text, quote), goType: goTypeOf(text, quote), quote, start: 0, end: 1, valueStart: 0, position}
}

describe('Go values as templates print them', () => {
  it('prints floats as fmt (%v) and as cast.ToString do', () => {
    const cases: Array<[string, string, string]> = [
      ['1000000.0', '1e+06', '1000000'],
      ['123456.0', '123456', '123456'],
      ['1234567.5', '1.2345675e+06', '1234567.5'],
      ['0.0001', '0.0001', '0.0001'],
      ['0.00001', '1e-05', '0.00001'],
      ['-0.0', '-0', '-0'],
      ['.5', '0.5', '0.5'],
      ['1e5', '1e5', '1e5']
    ]
    for (const [text, printed, cast] of cases) expect([text, goPrint(param(text)), goString(param(text))]).toEqual([text, printed, cast])
  })

  it('prints ints without sign or leading zeros, beyond 2^53 exactly', () => {
    expect(goPrint(param('+007'))).toBe('7')
    expect(goPrint(param('9007199254740993'))).toBe('9007199254740993')
    expect(goPrint(param('-9223372036854775808'))).toBe('-9223372036854775808')
    expect(goPrint(param('true'))).toBe('true')
    expect(goPrint(param('007', 'double'))).toBe('007')
  })

  it('reads back every float it prints', () => {
    fc.assert(
      fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), (value) => {
        const text = Math.abs(value).toFixed(20).replace(/0+$/, '').replace(/\.$/, '.0')
        const written = param(value < 0 ? `-${text}` : text)
        fc.pre(written.goType === 'float64')
        expect(Number(goPrint(written))).toBe(written.value)
        expect(Number(goString(written))).toBe(written.value)
        expect(goString(written)).not.toMatch(/e/)
      })
    )
  })

  it('lower-cases as Go does, whatever the host locale', () => {
    expect(goLower('Plus Two')).toBe('plus two')
    expect(goLower('İSTANBUL ΟΔΟΣ')).toBe('istanbul οδοσ')
  })
})

describe('link URLs', () => {
  it('percent-encodes as Go html/template does and keeps valid escapes', () => {
    expect(normalizeUrl('/a b/é?q="x"&r=<y>')).toBe('/a%20b/%c3%a9?q=%22x%22&r=%3cy%3e')
    expect(normalizeUrl('/already%20encoded/')).toBe('/already%20encoded/')
    expect(normalizeUrl("/it's (here)")).toBe('/it%27s%20%28here%29')
  })

  it('accepts relative URLs and safe schemes only', () => {
    expect(['/x', 'x/y', '#f', '?q=1', 'https://e.org', 'HTTP://e.org', 'mailto:a@e.org', 'tel:1', '/a:b'].map((url) => isSafeUrl(url))).toEqual(
      [true, true, true, true, true, true, true, true, true]
    )
    expect(['javascript:x', ' javascript:x', 'java\nscript:x', 'data:x', 'vbscript:x', 'C:\\x', 'ftp://e.org'].map((url) => isSafeUrl(url))).toEqual(
      [false, false, false, false, false, false, false]
    )
    expect(isSafeUrl('FTP://e.org', ['ftp'])).toBe(true)
  })
})

/** A call built by hand, with any params (any types), for the property tests. */
function call(name: string, params: Array<{name: string; text: string; quote: 'double' | 'none'}>): Root {
  const position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}
  const hugoParams: HugoParam[] = params.map((param) => ({
    name: param.name,
    text: param.text,
    value: typed(param.text, param.quote),
    goType: goTypeOf(param.text, param.quote),
    quote: param.quote,
    start: 0,
    end: 1,
    valueStart: 0,
    position
  }))
  const hugo: HugoShortcodeData = {
    name,
    notation: '<',
    params: hugoParams,
    named: true,
    selfClosed: false,
    takesBody: true,
    closed: true,
    inline: false,
    placement: 'block',
    open: position
  }
  return {
    type: 'root',
    children: [{type: 'containerDirective', name, attributes: {}, children: [], data: {hugo}}]
  }
}

describe('bad params never break the HTML', () => {
  const value = fc.oneof(
    fc.string(),
    fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>', '"><script>x</script>', '../../etc/passwd', '0', 'false', '1e5', '-0.0'),
    fc.string({minLength: 5000, maxLength: 6000})
  )
  const param = fc.record({
    name: fc.constantFrom('title', 'href', 'description', 'target', 'rel', 'class', 'icon', 'color', 'context'),
    text: value,
    quote: fc.constantFrom('double' as const, 'none' as const)
  })

  it('renders every Doks shortcode with any params without throwing, escaped, with safe links only', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(shortcodeRenderers)), fc.array(param, {maxLength: 6}), (name, params) => {
        const tree = call(name, params)
        const html = renderBuilt(tree)
        const root = fromHtml(html, {fragment: true})
        const stack: Array<ElementContent | HastRoot> = [root]
        while (stack.length > 0) {
          const node = stack.pop()!
          if (node.type === 'element') {
            expect(['script', 'img', 'iframe', 'object', 'style']).not.toContain(node.tagName)
            for (const key of Object.keys(node.properties)) expect(key.startsWith('on')).toBe(false)
            const href = node.properties.href
            if (typeof href === 'string') expect(/^\s*(javascript|data|vbscript):/i.test(href)).toBe(false)
          }

          if ('children' in node) stack.push(...(node.children as ElementContent[]))
        }
      }),
      {numRuns: 300}
    )
  })
})

/** Render a tree built by {@link call} (a call with an empty body, no parent). */
function renderBuilt(tree: Root): string {
  const warnings: Warning[] = []
  const taken = new Set<string>()
  const shortcode: Handler = (_state, node: ShortcodeNode) => {
    const renderer = shortcodeRenderers[node.name]!
    const context: ShortcodeContext = {
      hugo: node.data!.hugo!,
      parent: undefined,
      renderBlock: () => [],
      renderInline: () => [],
      markdownify: () => [],
      parseMarkdown: (text) => parsePage(text).tree,
      icon: inlineSvg,
      uniqueId: (base) => {
        let id = base
        for (let count = 1; taken.has(id); count++) id = `${base}-${count}`
        taken.add(id)
        return id
      },
      warn: (reason, ruleId, hint) => warnings.push({ruleId, reason, hint}),
      options: {}
    }
    return renderer(node, context)
  }

  const root = toHast(tree, {handlers: {containerDirective: shortcode}}) as HastRoot
  return toHtml(root)
}

describe('fixtures (test/fixtures/render/shortcodes)', () => {
  const folder = path.join(fixturesRoot, 'render', 'shortcodes')
  const cases = fs.readdirSync(folder).filter((name) => fs.existsSync(path.join(folder, name, 'input.md'))).sort()

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(3)
  })

  it.each(cases)('%s renders as expected.html', (name) => {
    const input = fs.readFileSync(path.join(folder, name, 'input.md'), 'utf8')
    const expected = fs.readFileSync(path.join(folder, name, 'expected.html'), 'utf8')
    const rendered = renderPage(input)
    expect(rendered.messages.map((message) => message.ruleId)).toEqual([])
    expectSameDom(rendered.html, expected)
  })
})
