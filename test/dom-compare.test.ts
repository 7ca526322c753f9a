/**
 * The DOM comparer used by the Hugo differential tests: each kind of
 * difference is reported with its path and both values, and nothing but
 * whitespace-only text and attribute order is ignored.
 */
import fc from 'fast-check'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {compareHtml, formatDifferences, parseFragment, plainDifference} from './support/dom-compare.js'

const plain = (expected: string, actual: string) => compareHtml(expected, actual).map(plainDifference)

describe('compareHtml', () => {
  it('finds nothing between trees that differ only in whitespace-only text and attribute order', () => {
    expect(plain('<div class="a" id="b">\n  <p>x</p>\n</div>\n', '<div id="b" class="a"><p>x</p></div>')).toEqual([])
  })

  it('reads entities as the characters they stand for', () => {
    expect(plain('<p>&ldquo;a&rdquo; &ndash; b&hellip;</p>', '<p>“a” – b…</p>')).toEqual([])
  })

  it('reports a changed attribute with both values', () => {
    expect(plain('<div class="callout callout-note"></div>', '<div class="callout callout-tip"></div>')).toEqual([
      {path: 'div.callout', kind: 'attribute', attribute: 'class', expected: 'callout callout-note', actual: 'callout callout-tip'}
    ])
  })

  it('reports an added and a removed attribute', () => {
    expect(plain('<p id="x">t</p>', '<p title="y">t</p>')).toEqual([
      {path: 'p#x', kind: 'attribute', attribute: 'id', expected: 'x'},
      {path: 'p#x', kind: 'attribute', attribute: 'title', actual: 'y'}
    ])
  })

  it('reports a missing element once, not every later sibling as changed', () => {
    expect(plain('<p>one</p><p>two</p><p>three</p>', '<p>one</p><p>three</p>')).toEqual([
      {path: 'p[1]', kind: 'missing', expected: '<p>two</p>'}
    ])
  })

  it('reports an extra element with its path in the actual tree', () => {
    expect(plain('<div class="c"><p>x</p></div>', '<div class="c"><p>x</p><hr></div>')).toEqual([
      {path: 'div.c > hr', kind: 'extra', actual: '<hr>'}
    ])
  })

  it('reports changed text with a path through nested elements', () => {
    const hugo = '<div class="callout"><div class="callout-content"><p>a</p><p>b</p></div></div>'
    const slamark = '<div class="callout"><div class="callout-content"><p>a</p><p>c</p></div></div>'
    expect(plain(hugo, slamark)).toEqual([
      {path: 'div.callout > div.callout-content > p[1] > #text', kind: 'text', expected: 'b', actual: 'c'}
    ])
  })

  it('reports extra text', () => {
    expect(plain('<p><em>x</em></p>', '<p><em>x</em> and more</p>')).toEqual([
      {path: 'p > #text', kind: 'extra', actual: ' and more'}
    ])
  })

  it('compares text exactly, inner whitespace included', () => {
    expect(plain('<p>a\n\n<a href="/x">b</a></p>', '<p>a<a href="/x">b</a></p>')).toEqual([
      {path: 'p > #text', kind: 'text', expected: 'a\n\n', actual: 'a'}
    ])
  })

  it('keeps comments: a dropped raw-HTML placeholder is a difference', () => {
    expect(plain('<p>a <!-- raw HTML omitted -->b</p>', '<p>a b</p>')).toEqual([
      {path: 'p > #text[0]', kind: 'text', expected: 'a ', actual: 'a b'},
      {path: 'p > #comment', kind: 'missing', expected: '<!-- raw HTML omitted -->'},
      {path: 'p > #text[1]', kind: 'missing', expected: 'b'}
    ])
    expect(plain('<!-- x -->', '<!-- y -->')).toEqual([{path: '#comment', kind: 'comment', expected: ' x ', actual: ' y '}])
  })

  it('names SVG attributes as written, and boolean attributes as empty values', () => {
    expect(
      plain(
        '<svg viewBox="0 0 24 24" stroke-width="2"></svg><input disabled type="checkbox">',
        '<svg viewBox="0 0 20 20" stroke-width="1.5"></svg><input type="checkbox" checked>'
      )
    ).toEqual([
      {path: 'svg', kind: 'attribute', attribute: 'stroke-width', expected: '2', actual: '1.5'},
      {path: 'svg', kind: 'attribute', attribute: 'viewBox', expected: '0 0 24 24', actual: '0 0 20 20'},
      {path: 'input', kind: 'attribute', attribute: 'checked', actual: ''},
      {path: 'input', kind: 'attribute', attribute: 'disabled', expected: ''}
    ])
  })

  it('sees the tree a browser builds: a <div> in a <p> closes the paragraph', () => {
    expect(plain('<p><div>x</div></p>', '<p></p><div>x</div><p></p>')).toEqual([])
  })

  it('uses the id in a path when there is one', () => {
    expect(plain('<h2 id="a">A</h2><h2 id="b">B</h2>', '<h2 id="a">A</h2><h2 id="b">C</h2>')).toEqual([
      {path: 'h2#b[1] > #text', kind: 'text', expected: 'B', actual: 'C'}
    ])
  })
})

describe('difference nodes', () => {
  it('give the paired containers down to the difference, and both parents of a missing node', () => {
    const [difference] = compareHtml('<div class="a"><p>x</p><hr></div>', '<div class="a"><p>x</p></div>')
    const tags = difference!.nodes.ancestors.map((pair) => [pair.expected.type, pair.actual.type])
    expect(tags).toEqual([
      ['root', 'root'],
      ['element', 'element']
    ])
    const parents = [difference!.nodes.expectedParent, difference!.nodes.actualParent]
    expect(parents.map((parent) => (parent?.type === 'element' ? parent.tagName : parent?.type))).toEqual(['div', 'div'])
    expect(difference!.nodes.expected).toMatchObject({type: 'element', tagName: 'hr'})
    expect(difference!.nodes.actual).toBeUndefined()
  })
})

describe('formatDifferences', () => {
  it('writes one line per difference, naming the sides', () => {
    const differences = compareHtml('<p class="a">x</p><hr>', '<p class="b">y</p><br>')
    expect(formatDifferences(differences, {expected: 'hugo', actual: 'slamark'})).toBe(
      [
        'p.a: attribute class "a" → "b"',
        'p.a > #text: text "x" → "y"',
        'hr: only in hugo: <hr>',
        'br: only in slamark: <br>'
      ].join('\n')
    )
  })
})

// Small random fragments: a few tags, attributes and texts, nested up to three levels.
const text = fc.constantFrom('a', 'b', 'x y', '“q”')
const fragment: fc.Arbitrary<string> = fc.letrec<{node: string; nodes: string}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small'},
    text,
    fc.constantFrom('<!-- c -->', '<br>'),
    fc
      .tuple(fc.constantFrom('div', 'span', 'em', 'section'), fc.constantFrom('', ' class="k"', ' id="i"', ' title="t" class="k"'), tie('nodes'))
      .map(([tag, attributes, inner]) => `<${tag}${attributes}>${inner}</${tag}>`)
  ),
  nodes: fc.array(tie('node'), {maxLength: 3}).map((parts) => parts.join(''))
})).nodes

describe('compareHtml properties', () => {
  it('finds no difference between a fragment and itself', () => {
    fc.assert(fc.property(fragment, (html) => compareHtml(html, html).length === 0))
  })

  it('is symmetric: two fragments differ one way exactly when they differ the other way', () => {
    // Counts of missing and extra nodes are not symmetric in general: when two pairings of
    // children weigh the same (`<div></div><section></section>` against the two swapped), each
    // direction may keep a different one. Whether a difference exists does not depend on that.
    fc.assert(fc.property(fragment, fragment, (a, b) => (compareHtml(a, b).length === 0) === (compareHtml(b, a).length === 0)))
  })

  it('reports a missing element one way as an extra element the other way', () => {
    const forward = compareHtml('<div><p>a</p><ul></ul></div>', '<div><p>a</p></div>')
    const backward = compareHtml('<div><p>a</p></div>', '<div><p>a</p><ul></ul></div>')
    expect(forward.map((difference) => difference.kind)).toEqual(['missing'])
    expect(backward.map((difference) => difference.kind)).toEqual(['extra'])
  })

  it('reports a difference exactly when the parsed trees serialise differently', () => {
    // The generator makes no whitespace-only text and writes attributes in one order per tag,
    // so here "same tree" and "same serialisation" coincide.
    const serialised = (html: string) => toHtml(parseFragment(html))
    fc.assert(fc.property(fragment, fragment, (a, b) => (compareHtml(a, b).length === 0) === (serialised(a) === serialised(b))))
  })
})
