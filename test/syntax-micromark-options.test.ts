import fc from 'fast-check'
import type {Root} from 'mdast'
import {directiveFromMarkdown} from 'mdast-util-directive'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {directive} from 'micromark-extension-directive'
import {gfm} from 'micromark-extension-gfm'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../src/syntax/markdown.js'
import {nextLineMayBeDelimiterRow} from '../src/syntax/table-guard.js'

// The same Markdown with every GFM construct and the literal autolink transform run on every tree, as remark-gfm runs it.
const containerOnly = {flow: {58: [directive().flow![58]].flat().filter((construct) => construct && 'concrete' in construct && construct.concrete)}}
const stock = (text: string): Root =>
  fromMarkdown(text, {
    extensions: [gfm({singleTilde: false}), containerOnly as never],
    mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()]
  })

const stockWithoutDirectives = (text: string): Root =>
  fromMarkdown(text, {extensions: [gfm({singleTilde: false})], mdastExtensions: [gfmFromMarkdown()]})

/** The links of a tree, as `url` → text. */
function links(tree: Root): Array<[string, string]> {
  const found: Array<[string, string]> = []
  const walk = (node: {type: string; url?: string; children?: unknown[]; value?: string}): void => {
    if (node.type === 'link') {
      const text = (node.children as Array<{value?: string}>).map((child) => child.value ?? '').join('')
      found.push([node.url!, text])
    }

    for (const child of (node.children ?? []) as Array<typeof node>) walk(child)
  }

  walk(tree)
  return found
}

describe('parseMarkdown with constructs trimmed per text', () => {
  it('links URLs and emails in text, also when a character reference spells the `@`', () => {
    const tree = parseMarkdown('See https://example.com/a, www.example.org and ops&#64;example.com.\n\n> Mail mailto:desk@example.net\n')

    expect(links(tree)).toEqual([
      ['https://example.com/a', 'https://example.com/a'],
      ['http://www.example.org', 'www.example.org'],
      ['mailto:ops@example.com', 'ops@example.com'],
      ['mailto:desk@example.net', 'desk@example.net']
    ])
  })

  it('leaves text without a candidate as the micromark tokens made it', () => {
    const tree = parseMarkdown('Plain *text* with example.com and a@ sign.\n')

    expect(links(tree)).toEqual([])
    expect(tree).toEqual(stock('Plain *text* with example.com and a@ sign.\n'))
  })

  it('parses a table whose only marker is an alignment colon, and tables with pipes', () => {
    expect(parseMarkdown('a\n:-\n').children.map((node) => node.type)).toEqual(['table'])
    expect(parseMarkdown('a | b\n--|--\n').children.map((node) => node.type)).toEqual(['table'])
    expect(parseMarkdown('a\n-\n').children.map((node) => node.type)).toEqual(['heading'])
  })

  it('gives the tree remark-gfm gives, whether or not the text has candidates (fast-check)', () => {
    const piece = fc.constantFrom(
      'word', ' ', ' ', '\n', '\n\n', '*em*', '`code`', '[link](https://a.example)', '<https://b.example>',
      'https://example.com/path?q=1).', 'http://x.y', 'http:/', 'htt', 'www.example.org', 'www', 'ww.', 'WwW.', '.', '@', 'a@b.co',
      'mailto:m@e.org', 'xmpp:u@h.net/r', 'HTTPS://UPPER.EXAMPLE', '&#64;', 'x&#x40;y.zz', '- ', '> ', '# ', '1. ',
      '| a | b |\n| - | - |\n| c | d |', 'a | b\n--|--', '|', ':-', '-:', ':', '-', '---', ':--:', '\n:-\n', '\n-:|\n',
      '[ref]\n\n[ref]: https://r.example', ':::note\nbody www.in.directive\n:::\n', '~~s~~', '_', '(', ')', '[^1]', '\n\n[^1]: note',
      '- [ ] task', '    code', '\t', '\\', '\r\n', '\r', '> | a |\n> |---|', '  |-|', '\t-|-', '- a | b\n  --|--', '|-', '-|'
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 24}), (pieces) => {
        const text = pieces.join('')
        expect(parseMarkdown(text)).toEqual(stock(text))
        expect(parseMarkdown(text, {directives: false})).toEqual(stockWithoutDirectives(text))
      }),
      {numRuns: 3000}
    )
  })
})

describe('nextLineMayBeDelimiterRow', () => {
  it('accepts a next line shaped as a delimiter row behind container prefixes, and nothing else', () => {
    const cases: Array<[string, boolean]> = [
      ['a | b\n--|--\n', true],
      ['a\n:-', true],
      ['a\r\n| - |', true],
      ['a\r| :-: |', true],
      ['> a | b\n> --- | ---', true],
      ['- a | b\n  \t-|-', true],
      ['a | b\n', false],
      ['a | b', false],
      ['a | b\nc | d', false],
      ['a\n|:|', false],
      ['a\n- item', false],
      ['a\n\n--|--', false]
    ]
    for (const [text, expected] of cases) expect([text, nextLineMayBeDelimiterRow(text, 0)]).toEqual([text, expected])
  })
})
