import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createProcessor, remarkHugo, remarkRender} from '../src/index.js'

const page = '---\ntitle: Care\n---\n## What’s covered\n\nIt\'s "all" -- see {{< youtube x >}}.\n'

describe('createProcessor', () => {
  it('compiles to HTML by default, with the headings and table of contents on the file', async () => {
    const file = await createProcessor().process(new VFile({path: 'care.md', value: page}))
    expect(String(file)).toBe('<h2 id="whats-covered">What’s covered</h2>\n<p>It&rsquo;s &ldquo;all&rdquo; &ndash; see .</p>\n')
    expect(file.data.headings).toEqual([{depth: 2, id: 'whats-covered', text: 'What’s covered'}])
    expect(file.data.toc).toBe('<nav id="TableOfContents">\n  <ul>\n    <li><a href="#whats-covered">What’s covered</a></li>\n  </ul>\n</nav>')
    expect(file.data.frontmatter).toEqual({title: 'Care'})
    expect(file.messages.map((message) => [message.ruleId, message.file, message.line])).toEqual([['shortcode-not-rendered', 'care.md', 6]])
  })

  it('passes renderer options through (Doks’ markup, renderers, heading id input)', async () => {
    const processor = createProcessor({
      markup: {goldmark: {renderer: {unsafe: true}, extensions: {linkify: false}}},
      headingIdInput: 'source',
      renderers: {youtube: () => [{type: 'text', value: 'VIDEO'}]}
    })
    const file = await processor.process(new VFile({path: 'care.md', value: `${page}\n<i>kept</i> www.example.com\n`}))
    expect(String(file)).toBe(
      '<h2 id="whats-covered">What’s covered</h2>\n<p>It&rsquo;s &ldquo;all&rdquo; &ndash; see VIDEO.</p>\n<p><i>kept</i> www.example.com</p>\n'
    )
  })

  it('writes Hugo Markdown back with `output: markdown`', async () => {
    const file = await createProcessor({output: 'markdown'}).process(new VFile({path: 'care.md', value: page}))
    expect(String(file)).toBe('---\ntitle: Care\n---\n\n## What’s covered\n\nIt\'s "all" -- see {{< youtube x >}}.\n')
    expect(file.data.toc).toBeUndefined()
  })

  it('reads the shortcodes of the site registry for the strings it parses', async () => {
    const file = await createProcessor({shortcodes: {pill: false}, renderers: {pill: () => [{type: 'text', value: 'P'}]}}).process(
      new VFile({value: 'A {{< pill >}} b.\n'})
    )
    expect(String(file)).toBe('<p>A P b.</p>\n')
    expect(file.messages).toEqual([])
  })
})

describe('remarkRender', () => {
  it('is a compiler after remarkHugo that reads `toc: false` from the source when no front matter plugin ran', async () => {
    const file = await unified().use(remarkHugo).use(remarkRender).process(new VFile({value: '---\ntoc: false\n---\n## A\n'}))
    expect(String(file)).toBe('<h2 id="a">A</h2>\n')
    expect(file.data.toc).toBe('')
    expect(file.data.headings).toEqual([{depth: 2, id: 'a', text: 'A'}])
  })
})
