/**
 * Goldmark's attribute syntax and Hugo's rules for it (`parser.attribute.title`
 * on by default, `parser.attribute.block` on in Doks). Expected markup is
 * what Hugo 0.111.3 writes (verified on Debian's build).
 */
import {describe, expect, it} from 'vitest'
import {attributeText, parseAttributes, trailingAttributes} from '../src/render/attribute-syntax.js'
import {renderPage} from '../src/render/index.js'
import type {RenderOptions} from '../src/render/types.js'

const blocks: RenderOptions = {markup: {goldmark: {parser: {attribute: {block: true}}}}}
const render = (markdown: string, options: RenderOptions = blocks): string => renderPage(markdown, options).html

describe('parseAttributes (Goldmark 1.5)', () => {
  it('reads ids, classes (merged into the first class) and typed values', () => {
    expect(parseAttributes('{#x .a .b class="c" n=12 f=1.5e3 t=true z=null w=word list=[1, "two"]}', 0)).toEqual({
      attributes: [
        {name: 'id', value: 'x'},
        {name: 'class', value: 'a b c'},
        {name: 'n', value: 12},
        {name: 'f', value: 1500},
        {name: 't', value: true},
        {name: 'z', value: null},
        {name: 'w', value: 'word'},
        {name: 'list', value: [1, 'two']}
      ],
      end: 70
    })
  })

  it('reads JSON-like escapes in strings, spaces and commas between attributes', () => {
    expect(parseAttributes('  { #a , title="a\\"b\\n\\q" }', 0)?.attributes).toEqual([
      {name: 'id', value: 'a'},
      {name: 'title', value: 'a"b\n\\q'}
    ])
  })

  it('refuses what is not an attribute block', () => {
    for (const text of ['{#id with space}', '{.a', 'x {.a}', '{=1}', '{class=1}', '{a=}', '{a="unclosed}', '{a=[1,]}']) {
      expect(parseAttributes(text, 0)).toBeUndefined()
    }
  })

  it('finds the first `{` whose attributes end the line, skipping escaped braces', () => {
    expect(trailingAttributes('Two {#e}{#f}')).toEqual({attributes: [{name: 'id', value: 'f'}], start: 8})
    expect(trailingAttributes('Escaped \\{#d}')).toBeUndefined()
    expect(trailingAttributes('{#c} not at the end')).toBeUndefined()
  })

  it('prints values as Hugo does: numbers as Go’s %v, nothing for null and lists', () => {
    expect([12, 1.5, 1_234_567, 0.000_01, true, false, null, [1], 'x'].map((value) => attributeText(value))).toEqual([
      '12',
      '1.5',
      '1.234567e+06',
      '1e-05',
      'true',
      'false',
      '',
      '',
      'x'
    ])
  })
})

describe('heading attributes', () => {
  it('renders them in order with the automatic id after them, and drops `on…` handlers', () => {
    expect(render('## Head {.c1 foo=bar onclick="x()" ONLOAD="y" data-n=12 flag=true nul=null list=[1,2]}\n', {})).toBe(
      '<h2 class="c1" foo="bar" data-n="12" flag="true" nul="" list="" id="head">Head</h2>\n'
    )
  })

  it('takes an explicit id and reserves it (Hugo 0.111.3)', () => {
    expect(render('## Explicit {#auto}\n\n## Auto\n\n## Auto\n', {})).toBe(
      '<h2 id="auto">Explicit</h2>\n<h2 id="auto-1">Auto</h2>\n<h2 id="auto-2">Auto</h2>\n'
    )
  })

  it('keeps `{…}` as text when `attribute.title` is off', () => {
    expect(render('## Head {#x}\n', {markup: {goldmark: {parser: {attribute: {title: false}}}}})).toBe('<h2 id="head-x">Head {#x}</h2>\n')
  })

  it('strips a closing `#` sequence on either side of the attributes', () => {
    expect(render('## Closed {#a} ##\n\n## After ## {#b}\n', {})).toBe('<h2 id="a">Closed</h2>\n<h2 id="b">After</h2>\n')
  })
})

describe('block attributes (Doks)', () => {
  it('are text with Hugo’s defaults', () => {
    expect(render('Para\n{.x}\n', {})).toBe('<p>Para\n{.x}</p>\n')
  })

  it('give the paragraph before them its attributes and split a paragraph they interrupt', () => {
    expect(render('Para\n{.myclass #myid}\n\nA\n{.x}\nB\n')).toBe('<p class="myclass" id="myid">Para</p>\n<p class="x">A</p>\n<p>B</p>\n')
  })

  it('disappear after a blank line, at the start, after a fence and into tight list items', () => {
    expect(render('{.first}\n\nC\n\n{.after-blank}\n\n```\ncode\n```\n{.code}\n\n- item\n  {.initem}\n')).toBe(
      '<p>C</p>\n<pre tabindex="0"><code>code\n</code></pre><ul>\n<li>item</li>\n</ul>\n'
    )
  })

  it('go to the list or blockquote a lazy line closes, and to a table from a `{…}` row', () => {
    expect(render('> q\n{.bq}\n\n- a\n- b\n{.list}\n\n| a |\n|---|\n| b |\n{.tbl}\n')).toBe(
      '<blockquote class="bq"><p>q</p>\n</blockquote>\n<ul class="list">\n<li>a</li>\n<li>b</li>\n</ul>\n' +
        '<table class="tbl">\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n'
    )
  })

  it('stay inside a blockquote when the line keeps its `>`', () => {
    expect(render('> q\n> {.in}\n')).toBe('<blockquote>\n<p class="in">q</p>\n</blockquote>\n')
  })

  it('apply to headings and rules, keeping attributes a block already has', () => {
    expect(render('# H1\n{.h1attr}\n\n## H {#a .x}\n{#b .y title=t}\n\n---\n{.hr}\n')).toBe(
      '<h1 id="h1" class="h1attr">H1</h1>\n<h2 id="a" class="x" title="t">H</h2>\n<hr class="hr">\n'
    )
  })

  it('keep only what Goldmark’s filter allows for each element, and drop the rest of the line (a number on a paragraph is printed, where Hugo 0.111.3 panics)', () => {
    expect(render('P\n{role=x foo=bar cite=c onclick="x()" data-any=1} tail\n\n> q\n{cite=c align=a}\n\n1. x\n{start=3 reversed=r}\n')).toBe(
      '<p role="x" data-any="1">P</p>\n<blockquote cite="c"><p>q</p>\n</blockquote>\n<ol start="3" reversed="r">\n<li>x</li>\n</ol>\n'
    )
  })
})
