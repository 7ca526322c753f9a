/**
 * The pure functions behind Doks' link hook: Hugo's default permalinks
 * (`hugoPermalink`), its `GetPage` look-up (`HugoPageIndex`), the port of
 * Go's `net/url` and Go's `%q` quoting. Expected values are what Hugo 0.111
 * printed for the same paths and links (`.RelPermalink` of each content
 * file; the hrefs Doks' hook wrote in a probe site of these pages).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {goQuoteInner} from '../src/render/go-text.js'
import {goUrlString, parseGoUrl} from '../src/render/go-url.js'
import {HugoPageIndex} from '../src/render/page-index.js'
import {hugoPermalink} from '../src/render/permalink.js'

describe('hugoPermalink', () => {
  it('maps content files to Hugo 0.111 default permalinks (lower-cased, sanitised, escaped)', () => {
    const cases: Array<[string, string]> = [
      ['_index.md', '/'],
      ['docs/_index.md', '/docs/'],
      ['docs/sub/c.md', '/docs/sub/c/'],
      ['docs/Bundle/index.md', '/docs/bundle/'],
      ['Docs Area/My Page.md', '/docs-area/my-page/'],
      ['Top Dir/inner/p.md', '/top-dir/inner/p/'],
      ['docs/a  b.md', '/docs/a-b/'],
      ['docs/tab\tx.md', '/docs/tab-x/'],
      ['docs/x(1).md', '/docs/x1/'],
      ['docs/a?b.md', '/docs/ab/'],
      ['docs/emoji😀.md', '/docs/emoji/'],
      ['docs/a#b.md', '/docs/a#b/'],
      ['docs/a+b.md', '/docs/a+b/'],
      ['docs/a~b.md', '/docs/a~b/'],
      ['docs/under_score.md', '/docs/under_score/'],
      ['docs/dots.v1.2.md', '/docs/dots.v1.2/'],
      ['docs/x.markdown', '/docs/x/'],
      ['docs/h.html', '/docs/h/'],
      ['docs/Ünïcode Ä.md', '/docs/%C3%BCn%C3%AFcode-%C3%A4/']
    ]
    expect(cases.map(([path]) => [path, hugoPermalink(path)])).toEqual(cases)
  })

  it('takes `slug` (sanitised, not on sections) and `url` (as written) from front matter', () => {
    expect(hugoPermalink('docs/s1.md', {slug: 'My Slug!'})).toBe('/docs/my-slug/')
    expect(hugoPermalink('docs/s5.md', {slug: 'a/b'})).toBe('/docs/a/b/')
    expect(hugoPermalink('docs/b/index.md', {slug: 'Bund'})).toBe('/docs/bund/')
    expect(hugoPermalink('docs/_index.md', {slug: 'sect'})).toBe('/docs/')
    expect(hugoPermalink('docs/s6.md', {slug: ''})).toBe('/docs/s6/')
    expect(hugoPermalink('docs/s2.md', {url: '/About Us/'})).toBe('/About%20Us/')
    expect(hugoPermalink('docs/s3.md', {url: 'foo/bar.html'})).toBe('/foo/bar.html')
    expect(hugoPermalink('docs/s4.md', {url: '/x/Ünï'})).toBe('/x/%C3%9Cn%C3%AF/')
    expect(hugoPermalink('docs/s7.md', {slug: 7})).toBe('/docs/s7/')
  })

  it('always gives a path between slashes, with no upper-case ASCII letter outside percent escapes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({minLength: 1}), {minLength: 1, maxLength: 4}), (segments) => {
        const permalink = hugoPermalink(`${segments.join('/')}.md`)
        expect(permalink.startsWith('/') && permalink.endsWith('/')).toBe(true)
        // Escapes such as `%EF%BF%BD` are upper case, as Go's url package writes them.
        expect(permalink.replaceAll(/%[\dA-F]{2}/g, '')).not.toMatch(/[A-Z]/)
        expect(permalink).not.toMatch(/[\s"<>]/)
      }),
      {numRuns: 300}
    )
  })
})

describe('HugoPageIndex (GetPage as Doks\' link hook calls it)', () => {
  const index = new HugoPageIndex([
    'links.md',
    'docs/_index.md',
    'docs/a.md',
    'docs/b.md',
    'docs/sub/c.md',
    'docs/bundle/index.md',
    'docs/bundle/notes.md',
    'other/a.md'
  ])
  const resolve = (from: string | undefined, path: string): string | undefined =>
    index.resolveLink({destination: path, path, from: from === undefined ? 'home' : 'page', contentPath: from})?.url

  it('resolves from a regular page: its folder first, then the content root; extension and case ignored', () => {
    const cases: Array<[string, string | undefined]> = [
      ['b.md', '/docs/b/'],
      ['b', '/docs/b/'],
      ['./b.md', '/docs/b/'],
      ['../docs/b.md', '/docs/b/'],
      ['/docs/b.md', '/docs/b/'],
      ['/docs/b/', '/docs/b/'],
      ['docs/b.md', '/docs/b/'],
      ['B.md', '/docs/b/'],
      ['/DOCS/B/', '/docs/b/'],
      ['b.html', '/docs/b/'],
      ['c.md', undefined],
      ['sub/c.md', '/docs/sub/c/'],
      ['sub', undefined],
      ['sub/', undefined],
      ['docs/sub/c.md', '/docs/sub/c/'],
      ['bundle', '/docs/bundle/'],
      ['bundle/index.md', '/docs/bundle/'],
      ['bundle/', '/docs/bundle/'],
      ['bundle/notes.md', undefined],
      ['/docs/', '/docs/'],
      ['/docs/_index.md', '/docs/'],
      ['_index.md', '/docs/'],
      ['index.md', undefined],
      ['.', '/docs/'],
      ['./', '/docs/'],
      ['/', '/'],
      ['../', '/'],
      ['../../x', undefined],
      ['x.md', undefined],
      ['../other/a.md', '/other/a/'],
      ['/other/a', '/other/a/'],
      ['other/a.md', '/other/a/'],
      ['links.md', '/links/'],
      ['links', '/links/'],
      ['/links.md', '/links/'],
      ['a', '/docs/a/']
    ]
    expect(cases.map(([path]) => [path, resolve('docs/a.md', path)])).toEqual(cases)
  })

  it('resolves from a section, a leaf bundle (its parent folder unless going up), the root and the home page', () => {
    expect(['a.md', 'b', 'sub/c.md', 'c.md', 'bundle'].map((path) => resolve('docs/_index.md', path))).toEqual([
      '/docs/a/',
      '/docs/b/',
      '/docs/sub/c/',
      undefined,
      '/docs/bundle/'
    ])
    expect(['a.md', '../a.md', 'index.md', 'b', 'bundle', '../bundle/', '#x'].map((path) => resolve('docs/bundle/index.md', path))).toEqual([
      '/docs/a/',
      '/docs/a/',
      undefined,
      '/docs/b/',
      '/docs/bundle/',
      '/docs/bundle/',
      undefined
    ])
    expect(['docs/a.md', 'a.md', '/docs/b/', 'docs', 'bundle', '/docs/bundle/index.md', 'other'].map((path) => resolve('links.md', path))).toEqual([
      '/docs/a/',
      undefined,
      '/docs/b/',
      '/docs/',
      undefined,
      '/docs/bundle/',
      '/other/'
    ])
    expect(['a.md', '../docs/a.md', 'b.md'].map((path) => resolve('other/a.md', path))).toEqual(['/other/a/', '/docs/a/', undefined])
    expect(['docs/a.md', 'a.md', 'links'].map((path) => resolve(undefined, path))).toEqual(['/docs/a/', undefined, '/links/'])
  })

  it('reports what it found and keeps given permalinks', () => {
    const moved = new HugoPageIndex(['docs/_index.md', {contentPath: 'docs/x.md', permalink: '/elsewhere/'}])
    expect(moved.getPage('x.md', 'docs/_index.md')).toEqual({kind: 'page', contentPath: 'docs/x.md', permalink: '/elsewhere/'})
    expect(moved.getPage('/', undefined)).toEqual({kind: 'home', contentPath: undefined, permalink: '/'})
    expect(moved.getPage('/docs/', undefined)).toEqual({kind: 'section', contentPath: 'docs/_index.md', permalink: '/docs/'})
  })
})

describe("Go's url.Parse and URL.String", () => {
  it('prints URLs as Hugo printed them in the hook', () => {
    const cases: Array<[string, string]> = [
      ['HTTP://Example.com/ü', 'http://Example.com/%C3%BC'],
      ['https://x.y/%7e~ü?a=%20ü#f%20ü', 'https://x.y/~~%C3%BC?a=%20ü#f%20%C3%BC'],
      ['https://x.y/%7e~?q=1', 'https://x.y/%7e~?q=1'],
      ['https://example.com/a#ü', 'https://example.com/a#%C3%BC'],
      ['https://example.com/?q=ü', 'https://example.com/?q=ü'],
      ['HtTpS://x.y', 'https://x.y'],
      ['https://x.y/a\\_b?q=a&amp;b', 'https://x.y/a%5C_b?q=a&amp;b'],
      ['https://x.y:8080/p', 'https://x.y:8080/p'],
      ['https://user:pa%20ss@x.y/', 'https://user:pa%20ss@x.y/'],
      ['mailto:x@y.z?subject=Hi', 'mailto:x@y.z?subject=Hi'],
      ['javascript:alert(1)', 'javascript:alert(1)'],
      ['b.md#', 'b.md'],
      ['b.md?', 'b.md?'],
      ['?q=1', '?q=1'],
      ['', ''],
      ['./a:b', './a:b'],
      ['//example.com/x', '//example.com/x']
    ]
    expect(cases.map(([raw]) => [raw, goUrlString(parseGoUrl(raw)!)])).toEqual(cases)
  })

  it('decodes the path and fragment and keeps the query raw', () => {
    expect(parseGoUrl('a%20b.md?x=1&y=%20#Part%20two')).toEqual({
      scheme: '',
      opaque: '',
      userinfo: undefined,
      host: '',
      hasAuthority: false,
      path: 'a b.md',
      rawPath: '',
      rawQuery: 'x=1&y=%20',
      forceQuery: false,
      fragment: 'Part two',
      rawFragment: 'Part%20two'
    })
    expect(parseGoUrl('//example.com/x')).toMatchObject({scheme: '', host: 'example.com', hasAuthority: true, path: '/x'})
  })

  it('refuses what Go refuses', () => {
    expect(['%zz', 'a%2', ':x', '1a:b', 'a b:c', 'https://x y/', 'a\u0001b', '#%zz'].map((raw) => parseGoUrl(raw))).toEqual(
      new Array(8).fill(undefined)
    )
  })

  it('prints a URL that reads back as itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({withFragments: true, withQueryParameters: true}), fc.string()), (raw) => {
        const parsed = parseGoUrl(raw)
        if (!parsed) return
        const printed = goUrlString(parsed)
        expect(goUrlString(parseGoUrl(printed)!)).toBe(printed)
      }),
      {numRuns: 500}
    )
  })
})

describe("Go's %q (goQuoteInner)", () => {
  it('escapes quotes, backslashes and unprintable characters; keeps printable Unicode', () => {
    expect(goQuoteInner('say "hi" a\\b')).toBe('say \\"hi\\" a\\\\b')
    expect(goQuoteInner('one\ntwo\tthree\r\u0007')).toBe('one\\ntwo\\tthree\\r\\a')
    expect(goQuoteInner('\u0001\u007f')).toBe('\\x01\\x7f')
    expect(goQuoteInner('a\u00a0b\u200dc\u{e0001}')).toBe('a\\u00a0b\\u200dc\\U000e0001')
    expect(goQuoteInner('ü € 😀 日本')).toBe('ü € 😀 日本')
  })

  it('reads back as the text (JSON and Go agree on these escapes)', () => {
    const characters = fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', '\t', '\r', 'ü', '😀', '/', '<', '&')
    fc.assert(
      fc.property(fc.array(characters).map((parts) => parts.join('')), (text) => {
        expect(JSON.parse(`"${goQuoteInner(text)}"`)).toBe(text)
      }),
      {numRuns: 300}
    )
  })
})
