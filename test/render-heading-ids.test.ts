/**
 * Hugo's heading ids (`markup/goldmark/autoid.go`, hugo-doks-spec §2.4): the
 * pure algorithm, the per-document de-duplication, and which text feeds it
 * (Hugo 0.111: the raw source of the last line; 0.144 and later: plain text).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {HeadingIdCounter, hugoHeadingId} from '../src/render/heading-ids.js'
import {renderPage} from '../src/render/index.js'

describe('hugoHeadingId', () => {
  // [input text, id]: the ids Hugo 0.111.3 gives (verified) for text that is the same in both input models.
  const table: Array<[string, string]> = [
    ['Hello World', 'hello-world'],
    ['Don’t panic', 'dont-panic'],
    ['"Quoted" and \'single\'', 'quoted-and-single'],
    ['Ünïcödé Straße', 'ünïcödé-straße'],
    ['日本語の見出し', '日本語の見出し'],
    ['Привет, мир!', 'привет-мир'],
    ['café & crème', 'café--crème'],
    ['C++ / C# & .NET', 'c--c--net'],
    ['1. Numbered heading', '1-numbered-heading'],
    ['2023-09-07 release', '2023-09-07-release'],
    ['Emoji 😄 smile :smile:', 'emoji--smile-smile'],
    ['x² and ½ and Ⅻ', 'x-and--and-'],
    ['!!!', 'heading'],
    ['Combining e\u0301', 'combining-e'],
    ['İstanbul', 'istanbul'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['What’s included in your SLA', 'whats-included-in-your-sla'],
    ['  Trimmed\u00a0', 'trimmed'],
    ['snake_case and tab\there', 'snake_case-and-tabhere'],
    ['--- a -- b ---', '----a----b----']
  ]

  for (const [text, id] of table) {
    it(`gives ${JSON.stringify(id)} for ${JSON.stringify(text)} (Hugo 0.111.3)`, () => {
      expect(hugoHeadingId(text)).toBe(id)
    })
  }

  it('gives the raw-line ids of Hugo 0.111.3 (markup leaks in)', () => {
    expect(hugoHeadingId('A -- B --- C...')).toBe('a----b-----c')
    expect(hugoHeadingId('[Link text](https://example.com) here')).toBe('link-texthttpsexamplecom-here')
    expect(hugoHeadingId('Image ![alt text](x.png) heading')).toBe('image-alt-textxpng-heading')
    expect(hugoHeadingId('Raw <span>html</span> inside')).toBe('raw-spanhtmlspan-inside')
    expect(hugoHeadingId('Entity &amp; &copy; &#169;')).toBe('entity-amp-copy-169')
  })

  it('strips accents and drops the rest of non-ASCII for github-ascii', () => {
    expect(hugoHeadingId('Ünïcödé Straße', 'github-ascii')).toBe('unicode-strae')
    expect(hugoHeadingId('Café crème', 'github-ascii')).toBe('cafe-creme')
    expect(hugoHeadingId('日本語の見出し', 'github-ascii')).toBe('heading')
  })

  it('joins words with one hyphen for blackfriday (Hugo’s legacy ids)', () => {
    expect(hugoHeadingId('Ünïcödé Straße', 'blackfriday')).toBe('ünïcödé-straße')
    expect(hugoHeadingId('  A -- B!!  ', 'blackfriday')).toBe('a-b')
  })

  it('gives `id` for an empty id of something other than a heading', () => {
    expect(hugoHeadingId('!!!', 'github', 'other')).toBe('id')
  })

  it('only ever gives letters, decimal digits, `_` and `-`, never an empty id', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 40}), (text) => {
        const id = hugoHeadingId(text)
        expect(id).toMatch(/^[\p{L}\p{Nd}_-]+$/u)
        expect(hugoHeadingId(id)).toBe(id)
      })
    )
  })

  it('only ever gives ASCII for github-ascii', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 40}), (text) => {
        expect(hugoHeadingId(text, 'github-ascii')).toMatch(/^[a-z0-9_-]+$/)
      })
    )
  })
})

describe('HeadingIdCounter', () => {
  it('appends -1, -2 … and skips ids already taken (Hugo 0.111.3)', () => {
    const ids = new HeadingIdCounter()
    expect(['Hello World', 'Hello World', 'Hello World', 'hello-world-1', '!!!', '!!!', 'heading'].map((text) => ids.next(text))).toEqual([
      'hello-world',
      'hello-world-1',
      'hello-world-2',
      'hello-world-1-1',
      'heading',
      'heading-1',
      'heading-2'
    ])
  })

  it('reserves an explicit id as written, even a repeated one, and later automatic ids avoid it', () => {
    const ids = new HeadingIdCounter()
    expect(ids.next('Auto')).toBe('auto')
    expect(ids.reserve('auto')).toBe('auto')
    expect(ids.next('Auto')).toBe('auto-1')
    expect(ids.has('auto-1')).toBe(true)
  })

  it('never gives the same automatic id twice, nor one already reserved', () => {
    const step = fc.oneof(
      fc.record({kind: fc.constant('auto' as const), text: fc.constantFrom('A', 'a', 'A-1', 'a 1', '!!', 'heading', 'Heading 1', 'b')}),
      fc.record({kind: fc.constant('explicit' as const), text: fc.constantFrom('a', 'a-1', 'heading', 'heading-1', 'b-2')})
    )
    fc.assert(
      fc.property(fc.array(step, {maxLength: 30}), (steps) => {
        const ids = new HeadingIdCounter()
        const seen = new Set<string>()
        for (const {kind, text} of steps) {
          if (kind === 'explicit') {
            seen.add(ids.reserve(text))
            continue
          }

          const id = ids.next(text)
          expect(seen.has(id)).toBe(false)
          expect(id.startsWith(hugoHeadingId(text))).toBe(true)
          seen.add(id)
        }
      })
    )
  })
})

describe('heading ids on a page', () => {
  const ids = (markdown: string, headingIdInput?: 'source' | 'plain-text') =>
    renderPage(markdown, headingIdInput ? {headingIdInput} : {}).headings.map((heading) => heading.id)

  it('takes the raw last line with `headingIdInput: source` (Hugo 0.111.3)', () => {
    expect(ids('## A -- B --- C...\n## [Link text](https://example.com) here\n## Raw <span>html</span> inside\n## Heading[^1]\n\n[^1]: x\n', 'source')).toEqual([
      'a----b-----c',
      'link-texthttpsexamplecom-here',
      'raw-spanhtmlspan-inside',
      'heading1'
    ])
  })

  it('takes the plain text by default (Hugo 0.144 and later)', () => {
    expect(ids('## A -- B --- C...\n## [Link text](https://example.com) here\n## Image ![alt text](x.png) heading\n## Raw <span>html</span> inside\n')).toEqual([
      'a--b--c',
      'link-text-here',
      'image-alt-text-heading',
      'raw-html-inside'
    ])
  })

  it('takes the last line of a setext heading', () => {
    expect(ids('First line\nsecond *line*\n---\n')).toEqual(['second-line'])
    expect(ids('> First line\n> second line\n> ---\n', 'source')).toEqual(['second-line'])
  })

  it('gives an empty heading `heading` in 0.111 and no id from 0.144 on', () => {
    expect(renderPage('##\n', {headingIdInput: 'source'}).html).toBe('<h2 id="heading"></h2>\n')
    expect(renderPage('##\n').html).toBe('<h2></h2>\n')
  })

  it('counts a shortcode as the placeholder Hugo puts in its place (hugo-doks-spec §1.9)', () => {
    expect(ids('## {{< sla-value "x" >}} Title\n\n## Title {{< sla-value "y" >}}\n', 'source')).toEqual([
      'hahahugoshortcodes0hbhb-title',
      'title-hahahugoshortcodes1hbhb'
    ])
    expect(ids('## {{< sla-value "x" >}} Title\n')).toEqual(['hahahugoshortcodes0hbhb-title'])
  })

  it('gives headings no id with `autoHeadingID: false`, except explicit ones', () => {
    expect(renderPage('## A\n\n## B {#b}\n', {markup: {goldmark: {parser: {autoHeadingID: false}}}}).html).toBe('<h2>A</h2>\n<h2 id="b">B</h2>\n')
  })

  it('uses github-ascii ids when configured', () => {
    expect(ids('## Ünïcödé Straße\n', undefined)).toEqual(['ünïcödé-straße'])
    expect(renderPage('## Ünïcödé Straße\n', {markup: {goldmark: {parser: {autoHeadingIDType: 'github-ascii'}}}}).headings[0]?.id).toBe('unicode-strae')
  })

  it('lists every heading with its level, id and plain text', () => {
    expect(renderPage('# One\n\n## It\'s *two*\n').headings).toEqual([
      {depth: 1, id: 'one', text: 'One'},
      {depth: 2, id: 'its-two', text: 'It’s two'}
    ])
  })
})
