/**
 * Bad or hostile input never makes the renderer throw.
 */
import fc from 'fast-check'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {renderPage} from '../src/render/index.js'
import type {RenderOptions, ShortcodeRenderer} from '../src/render/types.js'

const configurations: RenderOptions[] = [
  {},
  {markup: {goldmark: {extensions: {linkify: false}, parser: {attribute: {block: true}}, renderer: {unsafe: true}}, highlight: {noClasses: false}}},
  {
    headingIdInput: 'source',
    markup: {
      goldmark: {
        extensions: {table: false, strikethrough: false, taskList: false, footnote: false, definitionList: false, typographer: false},
        parser: {autoHeadingID: false, attribute: {title: false}},
        renderer: {hardWraps: true, xhtml: true}
      }
    }
  }
]

const token = fc.constantFrom(
  '# ', '## ', '\n', '\n\n', '> ', '- ', '1. ', '    ', '```', '~~~', '`', '*', '_', '~~', '[', ']', '(', ')', '![', '<', '>', '<b>', '</b>', '<!--', '-->',
  '{', '}', '{#id}', '{.c}', '"', "'", '--', '...', '<<', '>>', ':', ': ', '|', '|---|', '[^1]', '[^1]: ', '\\', '&amp;', '&#', 'www.x.com', 'a@b.c',
  'https://x.y', '{{< callout >}}', '{{< /callout >}}', '{{< details "s" >}}', '{{< /details >}}', '{{% x %}}', '{{< relref "a.md" >}}', ':::note',
  ':::', '[!NOTE]', 'text', 'é', '😄', '\t', '\r\n', '---', '+++', 'İ'
)

describe('robustness', () => {
  it('renders any mix of Markdown, shortcodes and attributes without throwing', () => {
    fc.assert(
      fc.property(fc.array(token, {maxLength: 60}), fc.constantFrom(...configurations), (tokens, options) => {
        const page = renderPage(tokens.join(''), options)
        expect(typeof page.html).toBe('string')
        expect(typeof page.toc).toBe('string')
      }),
      {numRuns: 400}
    )
  })

  it('never gives two headings of a page the same automatic id', () => {
    const heading = fc.constantFrom('## A', '## a', '## A-1', '## !!', '## heading', '### A', '# Heading 1', '## A {.c}')
    fc.assert(
      fc.property(fc.array(heading, {maxLength: 20}), (headings) => {
        const ids = renderPage(headings.join('\n\n')).headings.map((item) => item.id)
        expect(new Set(ids).size).toBe(ids.length)
      })
    )
  })

  it('parses a plain title without the parser exactly as the parser would', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zé0-9][A-Za-zé0-9 ,.;:?!'"()/’–—-]{0,30}$/), (title) => {
        let viaParam = ''
        const probe: ShortcodeRenderer = (_node, context) => {
          viaParam = toHtml(fromHtml(toHtml({type: 'root', children: context.renderBlock(context.parseMarkdown(title).children)}, {allowDangerousHtml: true}), {fragment: true}))
          return []
        }

        renderPage('{{< probe >}}\n', {renderers: {probe}})
        expect(viaParam).toBe(toHtml(fromHtml(renderPage(title).html.replace(/\n$/, ''), {fragment: true})))
      })
    )
  })

  it('reports nesting too deep to render instead of throwing', () => {
    for (const depth of [3000, 20_000]) {
      const page = renderPage(`${'> '.repeat(depth)}x\n`)
      expect(page.html).toBe('')
      expect(page.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['render-too-deep', true]])
    }
  })

  it('handles a long line of quotes and dashes', () => {
    const html = renderPage(`${'"a\' -- '.repeat(20_000)}\n`).html
    expect(html.startsWith('<p>&ldquo;a&rsquo; &ndash; ')).toBe(true)
    expect(html.endsWith('&ndash;</p>\n')).toBe(true)
  })
})
