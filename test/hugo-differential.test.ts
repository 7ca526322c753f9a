/**
 * Differential tests: slamark's page lexer against a real Hugo binary.
 *
 * Each case is built as its own page in its own copy of a probe site (see
 * `test/support/hugo.ts`); Hugo's verdict (builds or fails), its error message,
 * and — when it builds — what each probe shortcode printed (name, params with
 * their Go types, `.Inner`) are compared with what `lexPage` says.
 *
 * Runs only when `hugo` is on PATH. The expectations were written against
 * Hugo 0.111.3 (Debian); see docs/hugo-doks-spec.md §1 for the grammar.
 */
import path from 'node:path'
import fs from 'node:fs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createRegistry, lexPage} from '../src/hugo/index.js'
import {
  buildPage,
  createProbeSite,
  expectedNodes,
  frontMatter,
  hugoAvailable,
  hugoVersion,
  lineOf,
  literalText,
  parseProbeOutput,
  probeShortcodes,
  toComparable,
  topLevelComments
} from './support/hugo.js'

interface Case {
  /** Shown in the test name. */
  name: string
  /** The page body (`---\ntitle: x\n---\n` is put before it), or the whole file with `whole`. */
  input: string
  /** `input` is the whole file, front matter included. */
  whole?: true
}

const fence = '```'

const cases: Case[] = [
  // Spec §1.11, row by row.
  {
    name: '1.11 callout with context, title and icon',
    input:
      '{{< callout context="caution" title="Caution" icon="outline/alert-triangle" >}}\nBe careful.\n{{< /callout >}}\n'
  },
  {name: '1.11 callout without params', input: '{{< callout >}}\nA note.\n{{< /callout >}}\n'},
  {name: '1.11 callout with a positional context', input: '{{< callout tip >}}Tip body{{< /callout >}}\n'},
  {
    name: '1.11 callout with unquoted named values',
    input: '{{< callout context=caution title=Caution icon=outline/alert-triangle >}}\nBody\n{{< /callout >}}\n'
  },
  {name: '1.11 callout with title=2024 (int)', input: '{{< callout title=2024 >}}\nBody\n{{< /callout >}}\n'},
  {name: '1.11 callout with title=true (bool)', input: '{{< callout title=true >}}\nBody\n{{< /callout >}}\n'},
  {name: '1.11 self-closed callout', input: '{{< callout context="note" title="Only title" />}}\n'},
  {name: '1.11 callout with an empty body', input: '{{< callout >}}{{< /callout >}}\n'},
  {
    name: '1.11 callout with indented closing tags',
    input: '{{< callout >}}\nOne\n {{< /callout >}}\n\n{{< callout >}}\nTwo\n  {{< /callout >}}\n'
  },
  {name: '1.11 callout never closed', input: 'Intro.\n\n{{< callout context="note" >}}\nBody\n'},
  {name: '1.11 callout with a single-quoted value', input: "{{< callout context='note' >}}\nx\n{{< /callout >}}\n"},
  {name: '1.11 callout mixing named and positional', input: '{{< callout context="note" "x" >}}\nx\n{{< /callout >}}\n'},
  {name: '1.11 callout without spaces', input: '{{<callout context="note">}}x{{</callout>}}\n'},
  {name: '1.11 callout with a multi-line opening tag', input: '{{< callout\n  context="note"\n>}}x{{< /callout >}}\n'},
  {name: '1.11 callout with a newline in the closing tag', input: '{{< callout >}}x{{< /callout\n>}}\n'},
  {name: '1.11 callout in % notation', input: '{{% callout %}}\nA *note*.\n{{% /callout %}}\n'},
  {name: '1.11 comment in normal text', input: 'Use `{{</* callout */>}}` in normal text.\n'},
  {name: '1.11 comment inside a callout body', input: '{{< callout >}}\nUse `{{</* callout */>}}` here.\n{{< /callout >}}\n'},

  // Spec §1.8, one per error.
  {name: '1.8 unknown shortcode', input: 'Text.\n\n{{< nosuch >}}\n'},
  {name: '1.8 tag without a name', input: '{{< >}}\n'},
  {name: '1.8 opening tag never ended', input: 'Text {{< params a="x"\n'},
  {name: '1.8 closing tag with params', input: '{{< wrap >}}x{{< /wrap a="1" >}}\n'},
  {name: '1.8 closing tag with junk', input: '{{< wrap >}}x{{< /wrap x >}}\n'},
  {name: '1.8 body never closed', input: '{{< wrap >}}x\n'},
  {name: '1.8 closing tag on a template without .Inner', input: '{{< params >}}x{{< /params >}}\n'},
  {name: '1.8 self-closing a template without .Inner', input: '{{< params />}}\n'},
  {name: '1.8 self-closing a template without .Inner in % notation', input: '{{% params /%}}\n'},
  {name: '1.8 wrong closing name', input: '{{< wrap >}}x{{< /raw >}}\n'},
  {name: '1.8 close with none open', input: '{{< /wrap >}}\n'},
  {name: '1.8 named after quoted positional', input: '{{< params "x" b="y" >}}\n'},
  {name: '1.8 named after unquoted positional', input: '{{< params x b=y >}}\n'},
  {name: '1.8 positional after named', input: '{{< params a=x y >}}\n'},
  {name: '1.8 quoted positional after named', input: '{{< params a="x" "y" >}}\n'},
  {name: '1.8 bad character', input: '{{< params ! >}}\n'},
  {name: '1.8 unterminated double quote', input: '{{< params a="x\ny" >}}\n'},
  {name: '1.8 unterminated backtick', input: '{{< params a=`x >}}\n'},
  {name: '1.8 escaped backtick as a positional', input: '{{< params \\`x` >}}\n'},
  {name: '1.8 escaped backtick in a quoted value', input: '{{< params a="x\\`y" >}}\n'},
  {name: '1.8 period in a name', input: '{{< params.x >}}\n'},
  {name: '1.8 comment never closed', input: '{{</* callout >}}\n'},
  {name: '1.8 comment closed with the other delimiter', input: '{{</* x */%}}\n'},

  // Delimiters and notations (§1.2).
  {name: 'right delimiter % after {{<', input: '{{< wrap %}}x{{< /wrap >}}\n'},
  {name: 'right delimiter > after {{%', input: '{{% wrap >}}x{{% /wrap %}}\n'},
  {name: '{{< >}} opening with a {{% %}} closing', input: '{{< wrap >}}x{{% /wrap %}}\n'},
  {name: '{{% %}} opening with a {{< >}} closing', input: '{{% wrap %}}x{{< /wrap >}}\n'},
  {name: 'no whitespace next to delimiters', input: '{{<params a="x">}}\n'},
  {name: 'tabs inside a tag', input: '{{<\tparams\ta="x"\t>}}\n'},

  // Whitespace and newlines in tags (§1.3).
  {name: 'multi-line opening tag with several params', input: '{{< wrap\n  a="1"\n  b="2"\n>}}body{{< /wrap >}}\n'},
  {name: 'multi-line opening tag with CRLF', input: '{{< wrap\r\n  a="1"\r\n>}}body{{< /wrap >}}\n'},
  {name: 'spaces around the slash of a closing tag', input: '{{< wrap >}}x{{<   /   wrap   >}}\n'},
  {name: 'newline before the slash of a closing tag', input: '{{< wrap >}}x{{<\n/wrap >}}\n'},
  {name: 'tab after the name of a closing tag', input: '{{< wrap >}}x{{< /wrap\t>}}\n'},
  {name: 'NBSP before a param', input: '{{< params\u00a0a="x" >}}\n'},
  {name: 'NBSP after an unquoted value', input: '{{< params a=x\u00a0b=y >}}\n'},

  // Names (§1.3).
  {name: 'name with a slash', input: '{{< dir/sc a="1" >}}\n'},
  {name: 'name with a hyphen', input: '{{< my-sc >}}x{{< /my-sc >}}\n'},
  {name: 'names are case-sensitive', input: '{{< Wrap >}}x{{< /Wrap >}}\n'},
  {name: 'unknown name starting with a digit', input: '{{< 9x >}}\n'},
  {name: 'unknown non-ASCII name', input: '{{< café >}}\n'},
  {name: 'unknown name with a closing tag', input: '{{< nosuch >}}x{{< /nosuch >}}\n'},
  {name: '.inline name (disabled by default)', input: 'Year: {{< time.inline >}}{{ now.Year }}{{< /time.inline >}}.\n'},
  {name: 'shortcode nested in an .inline one', input: '{{< a.inline >}}{{< params >}}{{< /a.inline >}}\n'},

  // Named vs positional (§1.4).
  {name: 'named params', input: '{{< params a="x" b="y" >}}\n'},
  {name: 'positional params', input: '{{< params "x" "y" z >}}\n'},
  {name: 'spaces around = for the first param', input: '{{< params a = "x" >}}\n'},
  {name: 'spaces around = for the second param', input: '{{< params a = "x"   b=  "y" >}}\n'},
  {name: 'single quotes', input: "{{< params a='x y' >}}\n"},
  {name: 'keys: digit, case, dot and hyphen', input: '{{< params 1="a" Title="X" a-b.c="y" >}}\n'},
  {name: 'duplicate keys (last wins)', input: '{{< params a="1" b="2" a="3" >}}\n'},
  {name: 'non-ASCII key', input: '{{< params clé="v" >}}\n'},
  {name: 'no space between params', input: '{{< params a="x"b="y" >}}\n'},

  // Values (§1.4).
  {name: 'double-quoted value with \\" drops every backslash', input: '{{< params a="x \\"y\\" back\\\\slash \\n end" >}}\n'},
  {name: 'double-quoted value without \\" keeps backslashes', input: '{{< params a="back\\\\slash" b="tab\\tx" >}}\n'},
  {name: 'positional double-quoted value with \\"', input: '{{< params "a \\"b\\" c" >}}\n'},
  {name: 'double-quoted value ending in a backslash', input: '{{< params a="x\\" >}}\n'},
  {name: 'raw value across lines', input: '{{< params a=`line1\nline2 "q" \\n` >}}\n'},
  {name: 'positional raw value', input: '{{< params `a b` `c\nd` >}}\n'},
  {name: 'unquoted named values with punctuation', input: '{{< params a=foo/bar b=http://x.y/z?q=1 c=a,b d=#x >}}\n'},
  {name: 'unquoted value swallowing >}} at the end of the file', input: '{{< params a=foo>}}\n'},
  {name: 'unquoted value swallowing >}} before more text', input: '{{< params a=foo>}}\n\nText.\n'},
  {name: 'empty unquoted value at the end of the file', input: '{{< params a= >}}\n'},
  {name: 'empty unquoted value before more text', input: '{{< params a= >}}\n\nText.\n'},
  {name: 'empty unquoted value at the very end', input: '{{< params a='},
  {name: 'unquoted positional values', input: '{{< params foo-bar 1.2.3 café under_score >}}\n'},
  {name: 'unquoted positional with a slash', input: '{{< params foo/bar >}}\n'},
  {name: 'escaped-quote positional', input: '{{< params \\"x\\" >}}\n'},
  {name: 'escaped-quote named value', input: '{{< params a=\\"x\\" >}}\n'},
  {
    name: 'typing of unquoted named values',
    input: '{{< params a=true b=false c=42 d=+4 e=-3 f=.5 g=1.5 h=0x10 i=1e3 j=yes k=1.2.3 l=True m=-.25 >}}\n'
  },
  {name: 'typing of unquoted positional values', input: '{{< params true false 42 -3 1.5 0x10 1e3 yes 1.2.3 -0.5 007 >}}\n'},
  {name: 'unquoted positional +4 (+ is not allowed)', input: '{{< params +4 >}}\n'},
  {name: 'unquoted positional .5 (. cannot start it)', input: '{{< params .5 >}}\n'},
  {name: 'typing of big and padded integers', input: '{{< params b=99999999999999999999 c=00012 d=+.5 e=9223372036854775808 >}}\n'},
  {name: 'typing of an integer above 2^53', input: '{{< params a=9007199254740993 >}}\n'},
  {name: 'typing of the largest int64', input: '{{< params a=9223372036854775807 >}}\n'},
  {name: 'quoted and raw values stay strings', input: '{{< params a="true" b="42" c=`1.5` >}}\n'},
  {name: 'empty values', input: '{{< params a="" b=`` >}} and {{< params "" >}}\n'},
  {name: 'raw value keeps backslashes and quotes', input: '{{< params a=`x\\"y` >}}\n'},
  {name: 'unterminated positional raw value', input: '{{< params `abc >}}\n'},

  // Self-closing and closing (§1.5).
  {name: 'self-closing forms', input: '{{< wrap />}} {{< wrap / >}}\n\n{{% wrap /%}} {{% wrap / %}}\n'},
  {name: '{{<wrap/>}} reads the slash as part of the name', input: '{{<wrap/>}}\n'},
  {name: 'self-closed, then a closing tag', input: '{{< wrap />}}x{{< /wrap >}}\n'},
  {name: 'params after the self-closing slash (0.111)', input: '{{< params / a="1" >}}\n'},
  {name: 'params after the self-closing slash on a body shortcode', input: '{{< wrap / a="1" >}}\n'},
  {name: 'body text is raw source', input: '{{< wrap >}}\n## H\nSome **bold**\n{{< /wrap >}}\n'},

  // Nesting (§1.6).
  {name: 'same-name nesting', input: '{{< wrap n="1" >}}A {{< wrap n="2" >}}B{{< /wrap >}} C{{< /wrap >}}\n'},
  {name: 'nesting of different shortcodes', input: '{{< wrap >}}A {{< raw >}}B {{< params x >}}{{< /raw >}} C{{< /wrap >}}\n'},
  {name: 'set-based re-pairing', input: '{{< wrap >}}A {{< raw >}}B{{< /wrap >}} C{{< /raw >}}\n'},
  {name: 'stray second closing tag', input: '{{< wrap >}}x{{< /wrap >}} {{< /wrap >}}\n'},
  {name: 'inner closed, outer never closed', input: '{{< wrap >}}{{< wrap >}}x{{< /wrap >}}\n'},
  {name: 'closing with the name of an earlier shortcode', input: '{{< params >}} {{< wrap >}}x{{< /params >}}\n'},
  {name: 'nameless closing tag closes the open shortcode', input: '{{< wrap >}}x{{< / >}} y\n'},
  {name: 'nameless closing tags, nested', input: '{{< wrap >}}a{{< raw >}}b{{< / >}}c{{% / %}}\n'},
  {name: 'nameless closing tag with nothing open', input: '{{< wrap >}}x{{< /wrap >}} {{< / >}}\n'},
  {name: 'nameless closing tag before any name', input: '{{< / >}}\n'},
  {name: 'tag without a name after a named one', input: '{{< params >}} {{< >}}\n'},
  {name: 'lexer error inside an unclosed body', input: '{{< wrap >}}x {{< params ! >}}\n'},
  {name: 'unknown shortcode inside an unclosed body', input: '{{< wrap >}}x {{< nosuch >}}\n'},
  {name: 'unknown shortcode before a lexer error', input: '{{< nosuch >}} {{< params ! >}}\n'},
  {name: 'closing an unknown name while another is open', input: '{{< wrap >}}x{{< /nosuch >}}\n'},
  {name: '{{% %}} nested in {{< >}}', input: '{{< wrap >}}A {{% wrap %}}**b**{{% /wrap %}} C{{< /wrap >}}\n'},
  {name: '{{% %}} raw at the top level', input: '{{% raw %}}\nx *y*\n{{% /raw %}}\n'},
  {name: 'nesting three deep', input: '{{< raw >}}1 {{< wrap >}}2 {{< my-sc >}}3{{< /my-sc >}}{{< /wrap >}}{{< /raw >}}\n'},
  {name: 'several shortcodes on one line', input: 'A {{< params 1 >}} B {{< params 2 >}} C {{< dir/sc >}}\n'},

  // Comments (§1.7).
  {name: 'comment {{</* */>}} in a code span', input: 'Write `{{</* callout context="note" */>}}` to start.\n'},
  {name: 'comment {{%/* */%}} in a code fence', input: `${fence}\n{{%/* wrap */%}}\n  body\n{{%/* /wrap */%}}\n${fence}\n`},
  {name: 'multi-line comment in a code fence', input: `${fence}\n{{</* callout\n  context="note"\n*/>}}\n${fence}\n`},
  {name: 'comment in prose (typographer)', input: 'Say {{</* params a="x" */>}} here.\n'},
  {name: 'comment {{%/* */%}} in a code span', input: 'Use `{{%/* params */%}}` here.\n'},
  {name: 'comment inside a body', input: '{{< wrap >}}See {{</* params */>}}.{{< /wrap >}}\n'},
  {name: 'spaced /* is not a comment', input: '{{< /* callout */ >}}\n'},

  // Markdown context is ignored (§1.1).
  {name: 'shortcode in a code fence', input: `${fence}\n{{< params a="x" >}}\n${fence}\n`},
  {name: 'shortcode in inline code', input: 'Use `{{< params a="x" >}}` here.\n'},
  {name: 'shortcode in an indented code block', input: 'Text.\n\n    {{< params a="x" >}}\n'},
  {name: 'plain {{ }} is text', input: 'Title: {{ .Title }} and {{ not a shortcode }}.\n'},

  // Front matter (§3.1): where the body starts.
  {name: 'TOML front matter', input: '+++\ntitle = "x"\n+++\n{{< params a=1 >}}\n', whole: true},
  {name: 'JSON front matter', input: '{"title": "x"}\n{{< params c=3 >}}\n', whole: true},
  {name: 'Org front matter', input: '#+title: x\n{{< params b=2 >}}\n', whole: true},
  {name: 'BOM and leading blank lines', input: '\ufeff\n\n---\ntitle: x\n---\n{{< params >}}\n', whole: true},
  {name: 'YAML closed by "--- rest"', input: '---\ntitle: x\n--- {{< params a="1" >}}\n', whole: true},
  {name: 'shortcode in front matter is not run', input: '---\ntitle: "{{< nosuch >}}"\n---\n{{< params >}}\n', whole: true},
  {name: 'no front matter', input: 'Just text {{< params >}}\n', whole: true},
  {name: 'heading first (no front matter)', input: '# Heading {{< params >}}\n', whole: true},
  {name: 'file starting with a shortcode', input: '{{< params >}}\n', whole: true},
  {name: 'file starting with a list item', input: '- item {{< params >}}\n', whole: true},
  {name: 'file starting with +', input: '+ x {{< params >}}\n', whole: true},
  {name: 'YAML front matter never closed', input: '---\ntitle: x\n{{< params >}}\n', whole: true}
]

const slugs = new Map(cases.map((item, index) => [item, `case-${String(index + 1).padStart(3, '0')}`]))
// Filled from the probe site's own templates, as `slamark lint <site>` does.
let registry = createRegistry({shortcodes: probeShortcodes})

if (!hugoAvailable) console.warn('hugo not on PATH: skipping the differential tests against Hugo')

describe.skipIf(!hugoAvailable)('hugo differential', () => {
  let root = ''

  beforeAll(() => {
    root = createProbeSite()
    registry = createRegistry({site: path.join(root, 'template')})
    // Discovery must agree with what the probes were written to be.
    for (const [name, body] of Object.entries(probeShortcodes)) {
      if (registry.get(name)?.body !== body) throw new Error(`discovery read ${name} wrong`)
    }
    console.info(`differential tests against ${hugoVersion() ?? 'hugo'} (${cases.length} cases)`)
  })

  afterAll(() => {
    if (root) fs.rmSync(root, {recursive: true, force: true})
  })

  it('should have unique case names', () => {
    expect(new Set(cases.map((item) => item.name)).size).toBe(cases.length)
  })

  for (const item of cases) {
    it(`should match Hugo on ${item.name}`, () => {
      const source = item.whole ? item.input : frontMatter + item.input
      const hugo = buildPage(root, slugs.get(item)!, source)
      const page = lexPage(source, {registry})
      const errors = page.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
      const input = JSON.stringify(item.input)

      if (!hugo.ok) {
        expect(
          errors.map((diagnostic) => diagnostic.hugo ?? diagnostic.reason),
          `Hugo fails on ${input} with: ${hugo.message}`
        ).not.toEqual([])
        // The error Hugo stops at, in the order Hugo meets errors.
        const first = page.hugoError!
        expect(first, `slamark names the error Hugo stops at on ${input}`).toBeDefined()
        if (hugo.message.startsWith('failed to render shortcode')) {
          // Render-time errors quote template paths and positions; compare the
          // shortcode named and the error RenderString met inside the body.
          const inner = first.hugo!.slice(first.hugo!.indexOf('error calling RenderString: ') + 28)
          expect(hugo.message.startsWith(first.hugo!.slice(0, first.hugo!.indexOf(':'))), `render error on ${input}`).toBe(true)
          expect(hugo.message.endsWith(inner), `render error on ${input}: ${hugo.message}`).toBe(true)
          return
        }

        expect(first.hugo, `first error of slamark on ${input}`).toBe(hugo.message)
        // Lexer errors are reported at 1:1 in 0.111; extraction errors carry the shortcode's line.
        if (hugo.line !== 1 || hugo.column !== 1) {
          expect(lineOf(source, first.start), `line of the error on ${input}`).toBe(hugo.line)
        }

        return
      }

      expect(
        errors.map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.hugo ?? diagnostic.reason}`),
        `Hugo builds ${input}`
      ).toEqual([])

      const output = parseProbeOutput(hugo.html)
      const compared = toComparable(expectedNodes(source, page.calls), output.nodes)
      expect(compared.actual, `shortcodes Hugo ran for ${input}`).toEqual(compared.expected)

      // Comments become literal text.
      const text = literalText(output.text)
      let from = 0
      for (const comment of topLevelComments(page)) {
        const at = text.indexOf(comment.text, from)
        expect(at, `literal ${JSON.stringify(comment.text)} in ${JSON.stringify(hugo.html)}`).toBeGreaterThan(-1)
        from = at + comment.text.length
      }
    })
  }
})
