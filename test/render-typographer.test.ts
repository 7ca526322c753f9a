/**
 * Goldmark's typographer as Hugo 0.111.3 runs it: each row is a page body
 * and the `.Content` Debian's Hugo 0.111.3 wrote for it (one page per row).
 * slamark writes the same bytes, except that a quote the typographer leaves
 * alone is a plain `"` where Goldmark escapes it (`&quot;`), and `>` in
 * text likewise (`&gt;`): the same text once parsed.
 */
import {describe, expect, it} from 'vitest'
import {renderPage} from '../src/render/index.js'
import {typograph, typographicText} from '../src/render/typographer.js'

/** Hugo's bytes with the two escapes slamark's serializer does not make. */
function asSlamarkWrites(hugo: string): string {
  return hugo.replace(/&quot;/g, '"').replace(/&gt;/g, '>')
}

const hugo0111: Array<[string, string]> = [
  ["it's Don't I'm you're we'll they've 'til", "<p>it&rsquo;s Don&rsquo;t I&rsquo;m you&rsquo;re we&rsquo;ll they&rsquo;ve &rsquo;til</p>\n"],
  ["'90s and the '80s. '90", "<p>&rsquo;90s and the &rsquo;80s. &lsquo;90</p>\n"],
  ["'twas 'em 'net rock 'n' roll", "<p>&rsquo;twas &rsquo;em &rsquo;net rock &rsquo;n&rsquo; roll</p>\n"],
  ["the Smiths' car and doin' it", "<p>the Smiths&rsquo; car and doin&rsquo; it</p>\n"],
  ["'single' and \"double\" quotes", "<p>&lsquo;single&rsquo; and &ldquo;double&rdquo; quotes</p>\n"],
  ["\"nested 'single' quotes\" and 'nested \"double\"'", "<p>&ldquo;nested &lsquo;single&rsquo; quotes&rdquo; and &rsquo;nested &ldquo;double&rdquo;&rsquo;</p>\n"],
  ["He said \"hi\". (\"paren\") [\"bracket\"]", "<p>He said &ldquo;hi&rdquo;. (&ldquo;paren&rdquo;) [&ldquo;bracket&rdquo;]</p>\n"],
  ["\"x\"y and x\"y\" and 5' 10\" tall", "<p>&ldquo;x&quot;y and x&quot;y&rdquo; and 5&rsquo; 10&quot; tall</p>\n"],
  ["\"Monitor 21\"\" and 21\"", "<p>&ldquo;Monitor 21&quot;&rdquo; and 21&quot;</p>\n"],
  ["a--b a -- b a---b a----b a-----b a------b -", "<p>a&ndash;b a &ndash; b a&mdash;b a&mdash;-b a&mdash;&ndash;b a&mdash;&mdash;b -</p>\n"],
  ["wait... more.... end..", "<p>wait&hellip; more&hellip;. end..</p>\n"],
  ["<<x>> a<<b>>c >> << <<<", "<p>&laquo;x&raquo; a&laquo;b&raquo;c &raquo; &laquo; &laquo;&lt;</p>\n"],
  ["\\\"escaped\\\" and \\'single\\' and \\-\\- and \\.\\.\\.", "<p>&quot;escaped&quot; and 'single' and -- and ...</p>\n"],
  ["**\"bold\"** *'em'* _\"u\"_", "<p><strong>&ldquo;bold&rdquo;</strong> <em>&rsquo;em&rsquo;</em> <em>&ldquo;u&rdquo;</em></p>\n"],
  ["\"[link](x)\" and [\"text\"](y) and `\"code\"` and `--`", "<p>&ldquo;<a href=\"x\">link</a>&rdquo; and <a href=\"y\">&ldquo;text&rdquo;</a> and <code>&quot;code&quot;</code> and <code>--</code></p>\n"],
  ["\" alone and '' and \"\" and x' and 'x", "<p>&quot; alone and &rsquo;&rsquo; and &quot;&quot; and x&rsquo; and &lsquo;x</p>\n"],
  ["&quot;q&quot; &#39;s&#39; and it’s — pre-typed “quotes” …", "<p>&quot;q&quot; 's' and it’s — pre-typed “quotes” …</p>\n"],
  ["\"multi\nline\" and 'multi\nline'", "<p>&ldquo;multi\nline&rdquo; and &lsquo;multi\nline&rsquo;</p>\n"],
  ["\"'nested'\" and '\"nested\"' and \"\"double\"\"", "<p>&ldquo;&rsquo;nested&rsquo;&rdquo; and &lsquo;&ldquo;nested&rdquo;&rsquo; and &ldquo;&ldquo;double&rdquo;&rdquo;</p>\n"],
  ["x\"\"y 'a' 'b'c' 'd''", "<p>x&quot;&ldquo;y &lsquo;a&rsquo; &lsquo;b&rsquo;c&rsquo; &rsquo;d&rsquo;&rsquo;</p>\n"],
  ["\"Hello,\" she said. 'Yes.' \"No!\" \"What?\"", "<p>&ldquo;Hello,&rdquo; she said. &lsquo;Yes.&rsquo; &ldquo;No!&rdquo; &ldquo;What?&rdquo;</p>\n"],
  ["Unicode “a” and \"émile\" and 'über' and \"日本\"", "<p>Unicode “a” and &ldquo;émile&rdquo; and &lsquo;über&rsquo; and &ldquo;日本&rdquo;</p>\n"],
  ["l'été a'b 1'2 a'1 1'a é'è", "<p>l&rsquo;été a&rsquo;b 1'2 a'1 1&rsquo;a é&rsquo;è</p>\n"],
  ["- item \"q\"\n- 'x'\n\n> \"quoted\"\n> 'block'", "<ul>\n<li>item &ldquo;q&rdquo;</li>\n<li>&lsquo;x&rsquo;</li>\n</ul>\n<blockquote>\n<p>&ldquo;quoted&rdquo;\n&lsquo;block&rsquo;</p>\n</blockquote>\n"],
  ["# \"Head\" it's -- x...", "<h1 id=\"head-its----x\">&ldquo;Head&rdquo; it&rsquo;s &ndash; x&hellip;</h1>\n"],
  ["| \"a\" | it's |\n|---|---|\n| -- | ... |", "<table>\n<thead>\n<tr>\n<th>&ldquo;a&rdquo;</th>\n<th>it&rsquo;s</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>&ndash;</td>\n<td>&hellip;</td>\n</tr>\n</tbody>\n</table>\n"],
  ["www.example.com/a--b and https://x.org/it's--ok...", "<p><a href=\"https://www.example.com/a--b\">www.example.com/a--b</a> and <a href=\"https://x.org/it's--ok\">https://x.org/it's--ok</a>&hellip;</p>\n"],
  ["\"<span>x</span>\" and <b>\"y\"</b>", "<p>&ldquo;<!-- raw HTML omitted -->x<!-- raw HTML omitted -->&rdquo; and <!-- raw HTML omitted -->&ldquo;y&rdquo;<!-- raw HTML omitted --></p>\n"],
  ["'s start and 's\n\n'm and 'd and 't and 're and 've and 'll", "<p>&rsquo;s start and &rsquo;s</p>\n<p>&rsquo;m and &rsquo;d and &rsquo;t and &rsquo;re and &rsquo;ve and &rsquo;ll</p>\n"],
  ["\"'\" and '\"' and \"'x'\"", "<p>&ldquo;&rsquo;&rdquo; and &lsquo;&quot;&rsquo; and &ldquo;&lsquo;x&rsquo;&rdquo;</p>\n"],
  ["a \"b\"c\" d", "<p>a &ldquo;b&quot;c&rdquo; d</p>\n"],
  ["The 'quote's end' here", "<p>The &lsquo;quote&rsquo;s end&rsquo; here</p>\n"],
  ["He's \"the\" one's", "<p>He&rsquo;s &ldquo;the&rdquo; one&rsquo;s</p>\n"],
  ["x -- y --- z -- \n-- start\nend --", "<p>x &ndash; y &mdash; z &ndash;\n&ndash; start\nend &ndash;</p>\n"],
  ["«already» and <<x>> and >>y<<", "<p>«already» and &laquo;x&raquo; and &raquo;y&laquo;</p>\n"],
  ["He said \"hello\n\n'\"'\n", "<p>He said &ldquo;hello</p>\n<p>&lsquo;&rdquo;&rsquo;</p>\n"],
  ["'\"'\n", "<p>&lsquo;&quot;&rsquo;</p>\n"],
  ["# Head \"open\n\n'\"'\n", "<h1 id=\"head-open\">Head &ldquo;open</h1>\n<p>&lsquo;&rdquo;&rsquo;</p>\n"],
  ["- item \"open\n\n'\"'\n", "<ul>\n<li>item &ldquo;open</li>\n</ul>\n<p>&lsquo;&rdquo;&rsquo;</p>\n"],
  ["Para 'open\n\nx'.\n", "<p>Para &lsquo;open</p>\n<p>x&rsquo;.</p>\n"],
  ["Para 'open\n\nx'\n", "<p>Para &lsquo;open</p>\n<p>x&rsquo;</p>\n"]
]

describe('typographer, against Hugo 0.111.3', () => {
  for (const [markdown, html] of hugo0111) {
    it(`renders ${JSON.stringify(markdown)} as Hugo 0.111.3 does`, () => {
      expect(renderPage(markdown, {headingIdInput: 'source'}).html).toBe(asSlamarkWrites(html))
    })
  }

  it('writes named entities for what it replaces and keeps pre-typed characters as they are', () => {
    expect(renderPage('"a" -- b --- c... <<d>> it\'s’ “e” — …\n').html).toBe(
      '<p>&ldquo;a&rdquo; &ndash; b &mdash; c&hellip; &laquo;d&raquo; it&rsquo;s’ “e” — …</p>\n'
    )
  })

  it('takes `<<` before raw HTML is seen, as Goldmark does (Hugo 0.111.3)', () => {
    expect(renderPage('<<x>> a<<b>>c and <<b>x</b>>\n').html).toBe(
      asSlamarkWrites('<p>&laquo;x&raquo; a&laquo;b&raquo;c and &laquo;b&gt;x<!-- raw HTML omitted -->&gt;</p>\n')
    )
  })

  it('never touches code, link destinations or titles', () => {
    expect(renderPage('`"x" -- y` [a\'s](/it\'s--b "it\'s")\n').html).toBe(
      '<p><code>"x" -- y</code> <a href="/it\'s--b" title="it\'s">a&rsquo;s</a></p>\n'
    )
  })

  it('leaves image alt text as written (Hugo 0.111.3 writes the entity names into it, escaped: `alt="&amp;ldquo;a&amp;rdquo;"`)', () => {
    expect(renderPage('![“a” "b"](/x.png)\n').html).toBe('<p><img src="/x.png" alt="“a” &quot;b&quot;"></p>\n')
  })

  it('keeps unclosed quotes open across blocks, as Goldmark 1.5 does (Hugo 0.111.3)', () => {
    expect(renderPage('He said "hello\n\n\'"\'\n').html).toBe('<p>He said &ldquo;hello</p>\n<p>&lsquo;&rdquo;&rsquo;</p>\n')
    expect(renderPage('\'"\'\n').html).toBe('<p>&lsquo;"&rsquo;</p>\n')
  })

  it('is off with `typographer: false` (Hugo 0.111) and `typographer: {disable: true}` (later Hugo)', () => {
    for (const typographer of [false, {disable: true}]) {
      expect(renderPage('"a" -- b\n', {markup: {goldmark: {extensions: {typographer}}}}).html).toBe('<p>"a" -- b</p>\n')
    }
  })
})

describe('typograph()', () => {
  const run = (value: string) =>
    typograph({value, before: (index) => (index > 0 ? value.codePointAt(index - 1)! : 10), tail: '', counter: {single: 0, double: 0}})

  it('returns text and replacements in order', () => {
    expect(run('it\'s -- ok').pieces).toEqual(['it', {entity: '&rsquo;', character: '\u2019'}, 's ', {entity: '&ndash;', character: '\u2013'}, ' ok'])
  })

  it('gives the replaced text for ids and plain text', () => {
    expect(typographicText(run('"Don\'t" -- go...').pieces)).toBe('\u201CDon\u2019t\u201D \u2013 go\u2026')
  })

  it('reports a replacement that runs past the node (the `<` of `<<` in the next node)', () => {
    const value = 'a <'
    const result = typograph({value, before: (index) => (index > 0 ? value.codePointAt(index - 1)! : 10), tail: '<x>>', counter: {single: 0, double: 0}})
    expect(result).toEqual({pieces: ['a ', {entity: '&laquo;', character: '\u00AB'}], overrun: 1})
  })

  it('counts a line in UTF-8 bytes, as Go does (Hugo 0.111.3: `x\'«` closes, `x\'.` stays)', () => {
    // `'«` is three bytes, `'.` two: Goldmark's possessive rule wants more than two.
    expect(typographicText(run("x'«").pieces)).toBe('x\u2019«')
    expect(typographicText(run("x'.").pieces)).toBe("x'.")
  })
})
