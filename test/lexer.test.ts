/**
 * Table-driven tests of Hugo's page lexer as `lexPage` reimplements it:
 * every row of spec §1.11, every error of spec §1.8, the front matter
 * detection of spec §3.1, and edge cases of the grammar in §1.2–§1.7.
 *
 * Offsets are worked out by hand from the sources. Most sources start with
 * `A\n` (two characters) because a file whose first character is `{` is read
 * by Hugo as JSON front matter (§3.1), which is tested on its own.
 */
import {describe, expect, it} from 'vitest'
import {
  createRegistry,
  lexPage,
  type Diagnostic,
  type Notation,
  type ParamQuote,
  type ParamValue,
  type ShortcodeCall,
  type ShortcodeRegistry
} from '../src/hugo/index.js'
import {shape, type CallShape, type ParamShape} from './support/calls.js'

/** The probe shortcodes of the spec: `params` ignores `.Inner`, `wrap` and `raw` use it. */
const probes = createRegistry({shortcodes: {params: false, wrap: true, raw: true}})
/** Hugo's, Doks' and slamark's shortcodes (`callout` takes a body). */
const doks = createRegistry()

/** An expected call; omitted fields take the value of a plain `{{< name >}}` call. */
function sc(name: string, start: number, end: number, fields: Partial<CallShape> = {}): CallShape {
  return {
    name,
    notation: '<',
    params: [],
    selfClosed: false,
    takesBody: false,
    closed: true,
    start,
    end,
    children: [],
    comments: [],
    ...fields
  }
}

/** An expected body call (`takesBody`, closed, with its inner range). */
function body(
  name: string,
  start: number,
  end: number,
  inner: [number, number],
  fields: Partial<CallShape> = {}
): CallShape {
  return sc(name, start, end, {takesBody: true, innerStart: inner[0], innerEnd: inner[1], ...fields})
}

/** An expected named parameter. */
function kv(name: string, value: ParamValue, quote: ParamQuote): ParamShape {
  return {name, value, quote}
}

/** An expected positional parameter. */
function pos(value: ParamValue, quote: ParamQuote): ParamShape {
  return {value, quote}
}

function errorsOf(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
}

interface AcceptedRow {
  title: string
  source: string
  registry?: ShortcodeRegistry
  calls: CallShape[]
  /** Top-level comments, as literal text. */
  comments?: string[]
  /** Whether Hugo builds the page, so no error may be reported (default `true`). */
  clean?: boolean
}

interface ErrorRow {
  title: string
  source: string
  registry?: ShortcodeRegistry
  ruleId: string
  /** Hugo 0.111's message, exactly. */
  hugo: string
  /** Where the problem is. */
  start: number
}

function checkAccepted(row: AcceptedRow): void {
  const page = lexPage(row.source, {registry: row.registry ?? probes})
  expect(page.calls.map((call) => shape(call))).toEqual(row.calls)
  expect(page.comments.map((comment) => comment.text)).toEqual(row.comments ?? [])
  if (row.clean !== false) expect(errorsOf(page.diagnostics)).toEqual([])
}

function checkError(row: ErrorRow): void {
  const page = lexPage(row.source, {registry: row.registry ?? probes})
  expect(page.diagnostics).toContainEqual(
    expect.objectContaining({ruleId: row.ruleId, severity: 'error', hugo: row.hugo, start: row.start})
  )
  const found = page.diagnostics.find(
    (diagnostic) => diagnostic.ruleId === row.ruleId && diagnostic.start === row.start && diagnostic.hugo === row.hugo
  )!
  expect(found.reason).toMatch(/^Unexpected /)
  expect(found.end).toBeGreaterThanOrEqual(found.start)
  expect(found.end).toBeLessThanOrEqual(row.source.length)
}

const fence = '```'
const notFound = (name: string): string => `failed to extract shortcode: template for shortcode "${name}" not found`
const mustClose = (name: string): string =>
  `failed to extract shortcode: shortcode "${name}" must be closed or self-closed`
const noInner = (name: string): string =>
  `failed to extract shortcode: shortcode "${name}" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided`
const mixNamed = (name: string): string =>
  `got named parameter '${name}'. Cannot mix named and positional parameters`
const mixPositional = (name: string): string =>
  `got positional parameter '${name}'. Cannot mix named and positional parameters`
const mixQuoted = 'got quoted positional parameter. Cannot mix named and positional parameters'
const badChar = (rune: string): string =>
  `unrecognized character in shortcode action: ${rune}. Note: Parameters with non-alphanumeric args must be quoted`

describe('lexPage: spec §1.11 quick reference', () => {
  const accepted: AcceptedRow[] = [
    {
      title: 'callout with context, title and icon',
      source: 'A\n{{< callout context="caution" title="Caution" icon="outline/alert-triangle" >}}Be careful.{{< /callout >}}',
      calls: [
        body('callout', 2, 108, [81, 92], {
          named: true,
          params: [
            kv('context', 'caution', 'double'),
            kv('title', 'Caution', 'double'),
            kv('icon', 'outline/alert-triangle', 'double')
          ]
        })
      ]
    },
    {
      title: 'callout without params',
      source: 'A\n{{< callout >}}Note{{< /callout >}}',
      calls: [body('callout', 2, 37, [17, 21])]
    },
    {
      title: 'callout with a positional context',
      source: 'A\n{{< callout tip >}}Tip body{{< /callout >}}',
      calls: [body('callout', 2, 45, [21, 29], {named: false, params: [pos('tip', 'none')]})]
    },
    {
      title: 'callout with unquoted named values',
      source: 'A\n{{< callout context=caution title=Caution icon=outline/alert-triangle >}}x{{< /callout >}}',
      calls: [
        body('callout', 2, 92, [75, 76], {
          named: true,
          params: [
            kv('context', 'caution', 'none'),
            kv('title', 'Caution', 'none'),
            kv('icon', 'outline/alert-triangle', 'none')
          ]
        })
      ]
    },
    {
      title: 'callout with title=2024 (an int)',
      source: 'A\n{{< callout title=2024 >}}x{{< /callout >}}',
      calls: [body('callout', 2, 45, [28, 29], {named: true, params: [kv('title', 2024, 'none')]})]
    },
    {
      title: 'callout with title=true (a bool)',
      source: 'A\n{{< callout title=true >}}x{{< /callout >}}',
      calls: [body('callout', 2, 45, [28, 29], {named: true, params: [kv('title', true, 'none')]})]
    },
    {
      title: 'self-closed callout with a title only',
      source: 'A\n{{< callout context="note" title="Only title" />}}',
      calls: [
        sc('callout', 2, 52, {
          takesBody: true,
          selfClosed: true,
          named: true,
          params: [kv('context', 'note', 'double'), kv('title', 'Only title', 'double')]
        })
      ]
    },
    {
      title: 'callout with an empty body',
      source: 'A\n{{< callout >}}{{< /callout >}}',
      calls: [body('callout', 2, 33, [17, 17])]
    },
    {
      title: 'callout closed by a tag indented one space',
      source: 'A\n{{< callout >}}\nOne\n {{< /callout >}}',
      calls: [body('callout', 2, 39, [17, 23])]
    },
    {
      title: 'callout closed by a tag indented two spaces',
      source: 'A\n{{< callout >}}\nOne\n  {{< /callout >}}',
      calls: [body('callout', 2, 40, [17, 24])]
    },
    {
      // The row's error comes from the missing closing tag: a single-quoted
      // value without a space in it is an ordinary unquoted value, quotes kept.
      title: "callout with context='note' and a closing tag (quotes are kept)",
      source: "A\n{{< callout context='note' >}}x{{< /callout >}}",
      calls: [body('callout', 2, 49, [32, 33], {named: true, params: [kv('context', "'note'", 'none')]})]
    },
    {
      title: 'callout without spaces next to the delimiters',
      source: 'A\n{{<callout context="note">}}x{{</callout>}}',
      calls: [body('callout', 2, 45, [30, 31], {named: true, params: [kv('context', 'note', 'double')]})]
    },
    {
      title: 'callout with a multi-line opening tag',
      source: 'A\n{{< callout\n  context="note"\n>}}x{{< /callout >}}',
      calls: [body('callout', 2, 51, [34, 35], {named: true, params: [kv('context', 'note', 'double')]})]
    },
    {
      title: 'callout in % notation',
      source: 'A\n{{% callout %}}\nA *note*.\n{{% /callout %}}',
      calls: [body('callout', 2, 44, [17, 28], {notation: '%'})]
    },
    {
      title: 'comment in normal text (literal)',
      source: 'A\nUse `{{</* callout */>}}` in normal text.',
      calls: [],
      comments: ['{{< callout >}}']
    },
    {
      // Hugo fails on this page, but inside the callout template: its
      // `RenderString` parses the unescaped comment again (§1.7). The page
      // lexer's part is to keep the comment on the callout, where a rule can
      // find it; so only the structure is checked here.
      title: 'comment inside a callout body (stays on the callout)',
      source: 'A\n{{< callout >}}\nUse `{{</* callout */>}}` here.\n{{< /callout >}}',
      calls: [body('callout', 2, 66, [17, 50], {comments: ['{{< callout >}}']})],
      clean: false
    }
  ]

  const errors: ErrorRow[] = [
    {
      title: 'callout never closed',
      source: 'A\n{{< callout context="note" >}}',
      ruleId: 'shortcode-unclosed',
      hugo: mustClose('callout'),
      start: 2
    },
    {
      title: "callout with context='note' never closed",
      source: "A\n{{< callout context='note' >}}",
      ruleId: 'shortcode-unclosed',
      hugo: mustClose('callout'),
      start: 2
    },
    {
      title: 'single quotes around a value with a space (mixing)',
      source: "A\n{{< callout context='note tip' >}}x{{< /callout >}}",
      ruleId: 'shortcode-params-mixed',
      hugo: mixPositional('tip'),
      start: 28
    },
    {
      title: 'callout mixing named and quoted positional',
      source: 'A\n{{< callout context="note" "x" >}}x{{< /callout >}}',
      ruleId: 'shortcode-params-mixed',
      hugo: mixQuoted,
      start: 29
    },
    {
      title: 'newline before the end of a closing tag',
      source: 'A\n{{< callout >}}x{{< /callout\n>}}',
      ruleId: 'shortcode-closing-tag',
      hugo: 'unclosed shortcode',
      start: 30
    }
  ]

  it.each(accepted)('should lex $title', (row) => {
    checkAccepted({registry: doks, ...row})
  })

  it.each(errors)('should report $title', (row) => {
    checkError({registry: doks, ...row})
  })

  it('should give a comment its offsets and literal text', () => {
    const page = lexPage('A\nUse `{{</* callout */>}}` in normal text.', {registry: doks})
    expect(page.comments).toEqual([
      {kind: 'comment', notation: '<', start: 7, end: 26, text: '{{< callout >}}'}
    ])
    expect(page.diagnostics).toEqual([])
  })
})

describe('lexPage: spec §1.8 errors', () => {
  const rows: ErrorRow[] = [
    {title: 'an unknown shortcode', source: 'A\n{{< nosuch >}}', ruleId: 'shortcode-unknown', hugo: notFound('nosuch'), start: 6},
    {title: 'a tag without a name', source: 'A\n{{< >}}', ruleId: 'shortcode-name', hugo: 'shortcode has no name', start: 2},
    {
      title: 'an opening tag that never reaches >}}',
      source: 'A\n{{< params a="x"',
      ruleId: 'shortcode-unclosed-tag',
      hugo: 'unclosed shortcode action',
      start: 2
    },
    {
      title: 'junk after the name of a closing tag',
      source: 'A\n{{< wrap >}}x{{< /wrap x >}}',
      ruleId: 'shortcode-closing-tag',
      hugo: 'unclosed shortcode',
      start: 25
    },
    {
      title: 'params in a closing tag',
      source: 'A\n{{< wrap >}}x{{< /wrap a="1" >}}',
      ruleId: 'shortcode-closing-tag',
      hugo: 'unclosed shortcode',
      start: 25
    },
    {
      title: 'a newline before >}} of a closing tag',
      source: 'A\n{{< wrap >}}x{{< /wrap\n>}}',
      ruleId: 'shortcode-closing-tag',
      hugo: 'unclosed shortcode',
      start: 24
    },
    {
      title: 'a CRLF before >}} of a closing tag',
      source: 'A\n{{< wrap >}}x{{< /wrap\r\n>}}',
      ruleId: 'shortcode-closing-tag',
      hugo: 'unclosed shortcode',
      start: 24
    },
    {
      title: 'a body never closed',
      source: 'A\n{{< wrap >}}x',
      ruleId: 'shortcode-unclosed',
      hugo: mustClose('wrap'),
      start: 2
    },
    {
      title: 'a closing tag on a template without .Inner',
      source: 'A\n{{< params >}}x{{< /params >}}',
      ruleId: 'shortcode-close-unopened',
      hugo: noInner('params'),
      start: 17
    },
    {
      // Hugo 0.111 names the token after the `/`, here the right delimiter.
      title: 'self-closing a template without .Inner',
      source: 'A\n{{< params />}}',
      ruleId: 'shortcode-no-body',
      hugo: noInner('>}}'),
      start: 2
    },
    {
      title: 'self-closing a template without .Inner in % notation',
      source: 'A\n{{% params /%}}',
      ruleId: 'shortcode-no-body',
      hugo: noInner('%}}'),
      start: 2
    },
    {
      title: 'a wrong closing name',
      source: 'A\n{{< wrap >}}x{{< /raw >}}',
      ruleId: 'shortcode-close-unopened',
      hugo: "closing tag for shortcode 'raw' does not match start tag",
      start: 20
    },
    {
      title: 'a closing tag with none open',
      source: 'A\n{{< /wrap >}}',
      ruleId: 'shortcode-close-unopened',
      hugo: 'got closing shortcode, but none is open',
      start: 6
    },
    {
      title: 'a named param after a quoted positional one',
      source: 'A\n{{< params "x" b="y" >}}',
      ruleId: 'shortcode-params-mixed',
      hugo: mixNamed('b'),
      start: 17
    },
    {
      title: 'a named param after an unquoted positional one',
      source: 'A\n{{< params x b=y >}}',
      ruleId: 'shortcode-params-mixed',
      hugo: mixNamed('b'),
      start: 15
    },
    {
      title: 'a positional param after a named one',
      source: 'A\n{{< params a=x y >}}',
      ruleId: 'shortcode-params-mixed',
      hugo: mixPositional('y'),
      start: 17
    },
    {
      title: 'a quoted positional param after a named one',
      source: 'A\n{{< params a="x" "y" >}}',
      ruleId: 'shortcode-params-mixed',
      hugo: mixQuoted,
      start: 19
    },
    {
      title: 'a bad character',
      source: 'A\n{{< params ! >}}',
      ruleId: 'shortcode-param-unquoted',
      hugo: badChar("U+0021 '!'"),
      start: 13
    },
    {
      title: 'a double-quoted value cut by a newline',
      source: 'A\n{{< params a="x\ny" >}}',
      ruleId: 'shortcode-param-unterminated',
      hugo: "unterminated quoted string in shortcode parameter-argument: 'x\n'",
      start: 15
    },
    {
      title: 'a double-quoted value cut by the end of the file',
      source: 'A\n{{< params a="abc',
      ruleId: 'shortcode-param-unterminated',
      hugo: "unterminated quoted string in shortcode parameter-argument: 'abc'",
      start: 15
    },
    {
      title: 'a backtick value never closed',
      source: 'A\n{{< params a=`x >}}',
      ruleId: 'shortcode-param-unterminated',
      hugo: "unterminated raw string in shortcode parameter-argument: 'x >}}'",
      start: 15
    },
    {
      title: 'an escaped backtick starting a positional param',
      source: 'A\n{{< params \\`x` >}}',
      ruleId: 'shortcode-param-escape',
      hugo: 'unrecognized escape character',
      start: 13
    },
    {
      title: 'an escaped backtick in a double-quoted value',
      source: 'A\n{{< params a="x\\`y" >}}',
      ruleId: 'shortcode-param-escape',
      hugo: 'unrecognized escape character',
      start: 17
    },
    {
      title: 'an escaped backtick as a named value',
      source: 'A\n{{< params a=\\`x` >}}',
      ruleId: 'shortcode-param-escape',
      hugo: 'unrecognized escape character',
      start: 15
    },
    {
      title: 'a period in a name',
      source: 'A\n{{< my.sc >}}',
      ruleId: 'shortcode-name',
      hugo: 'period in shortcode name only allowed for inline identifiers',
      start: 8
    },
    {
      title: 'a comment never closed',
      source: 'A\n{{</* callout >}}',
      ruleId: 'shortcode-comment-unclosed',
      hugo: 'comment must be closed',
      start: 2
    },
    {
      title: 'a comment closed with the other delimiter',
      source: 'A\n{{</* x */%}}',
      ruleId: 'shortcode-comment-unclosed',
      hugo: 'comment must be closed',
      start: 2
    },
    {
      title: 'an empty comment',
      source: 'A\n{{</*/>}}',
      ruleId: 'shortcode-comment-unclosed',
      hugo: 'comment must be closed',
      start: 2
    }
  ]

  it.each(rows)('should report $title', (row) => {
    checkError(row)
  })

  it('should report the unknown shortcode with Doks names too', () => {
    checkError({
      title: 'nosuch',
      source: 'A\n\n{{< nosuch >}}\n',
      registry: doks,
      ruleId: 'shortcode-unknown',
      hugo: notFound('nosuch'),
      start: 7
    })
  })
})

describe('lexPage: delimiters, whitespace and names (§1.2, §1.3)', () => {
  const names = createRegistry({shortcodes: {'dir/sc-name': false, '9lives': true}})

  const accepted: AcceptedRow[] = [
    {
      title: '{{< >}} opening with a {{% %}} closing',
      source: 'A\n{{< wrap >}}x{{% /wrap %}}',
      calls: [body('wrap', 2, 28, [14, 15])]
    },
    {
      title: '{{% %}} opening with a {{< >}} closing (the opening decides)',
      source: 'A\n{{% wrap %}}x{{< /wrap >}}',
      calls: [body('wrap', 2, 28, [14, 15], {notation: '%'})]
    },
    {
      title: 'tabs inside tags and spaces around the slash of a closing tag',
      source: 'A\n{{<\twrap\ta="1"\t>}}x{{<   /   wrap   >}}',
      calls: [body('wrap', 2, 41, [20, 21], {named: true, params: [kv('a', '1', 'double')]})]
    },
    {
      title: 'a newline between {{< and the slash of a closing tag',
      source: 'A\n{{< wrap >}}x{{<\n/wrap >}}',
      calls: [body('wrap', 2, 28, [14, 15])]
    },
    {
      title: 'a tab after the name of a closing tag',
      source: 'A\n{{< wrap >}}x{{< /wrap\t>}}',
      calls: [body('wrap', 2, 28, [14, 15])]
    },
    {
      title: 'CRLF line endings inside a multi-line opening tag',
      source: 'A\n{{< wrap\r\n  a=1\r\n>}}x{{< /wrap >}}',
      calls: [body('wrap', 2, 36, [22, 23], {named: true, params: [kv('a', 1, 'none')]})]
    },
    {
      title: 'names with a slash, a hyphen and a leading digit',
      source: 'A\n{{< dir/sc-name a=1 >}} {{< 9lives >}}x{{< /9lives >}}',
      registry: names,
      calls: [
        sc('dir/sc-name', 2, 25, {named: true, params: [kv('a', 1, 'none')]}),
        body('9lives', 26, 56, [40, 41])
      ]
    },
    {
      title: 'an .inline shortcode',
      source: 'A\n{{< time.inline >}}{{ now.Year }}{{< /time.inline >}}',
      calls: [body('time.inline', 2, 55, [21, 35])]
    },
    {
      title: 'plain {{ }} as text',
      source: 'Title: {{ .Title }} and {{ not a shortcode }}.',
      calls: []
    },
    {
      title: 'shortcodes inside a code fence and inline code (still found)',
      source: `A\n${fence}\n{{< params a=1 >}}\n${fence}\nUse \`{{< params >}}\` here.`,
      calls: [sc('params', 6, 24, {named: true, params: [kv('a', 1, 'none')]}), sc('params', 34, 48)]
    },
    {
      title: 'a shortcode inside an indented code block',
      source: 'A\n\n    {{< params >}}\n',
      calls: [sc('params', 7, 21)]
    }
  ]

  const errors: ErrorRow[] = [
    {
      title: '{{< closed by %}}',
      source: 'A\n{{< wrap %}}x{{< /wrap >}}',
      ruleId: 'shortcode-param-unquoted',
      hugo: badChar("U+0025 '%'"),
      start: 11
    },
    {
      title: '{{% closed by >}}',
      source: 'A\n{{% wrap >}}x{{% /wrap %}}',
      ruleId: 'shortcode-param-unquoted',
      hugo: badChar("U+003E '>'"),
      start: 11
    },
    {
      title: 'a no-break space before a param',
      source: 'A\n{{< params\u00a0a="x" >}}',
      ruleId: 'shortcode-param-unquoted',
      hugo: badChar('U+00A0'),
      start: 12
    },
    {
      title: 'an ideographic space before a param (not printed by Go)',
      source: 'A\n{{< params\u3000a=1 >}}',
      ruleId: 'shortcode-param-unquoted',
      hugo: badChar('U+3000'),
      start: 12
    },
    {
      title: 'a name that differs in case (names are case-sensitive)',
      source: 'A\n{{< Wrap >}}x{{< /Wrap >}}',
      ruleId: 'shortcode-unknown',
      hugo: notFound('Wrap'),
      start: 6
    },
    {
      title: 'an unknown name starting with a digit',
      source: 'A\n{{< 9x >}}',
      ruleId: 'shortcode-unknown',
      hugo: notFound('9x'),
      start: 6
    },
    {
      title: '.inline not followed by a space',
      source: 'A\n{{< time.inline>}}',
      ruleId: 'shortcode-name',
      hugo: 'period in shortcode name only allowed for inline identifiers',
      start: 10
    },
    {
      title: 'a shortcode nested in an .inline one',
      source: 'A\n{{< a.inline >}}{{< params >}}{{< /a.inline >}}',
      ruleId: 'shortcode-inline-nesting',
      hugo: 'inline shortcodes do not support nesting',
      start: 18
    },
    {
      title: 'a closing tag with a spaced /* (not a comment)',
      source: 'A\n{{< /* callout */ >}}',
      ruleId: 'shortcode-close-unopened',
      hugo: 'got closing shortcode, but none is open',
      start: 6
    }
  ]

  it.each(accepted)('should lex $title', (row) => {
    checkAccepted(row)
  })

  it.each(errors)('should report $title', (row) => {
    checkError(row)
  })

  it('should mark an .inline call as inline and a plain one as not', () => {
    const page = lexPage('A\n{{< time.inline >}}{{ now.Year }}{{< /time.inline >}} {{< params >}}', {registry: probes})
    expect(page.calls.map((call) => [call.name, call.inline])).toEqual([
      ['time.inline', true],
      ['params', false]
    ])
  })
})

describe('lexPage: parameters (§1.4)', () => {
  const accepted: AcceptedRow[] = [
    {
      title: 'spaces around = for the first param',
      source: 'A\n{{< params a = "x" >}}',
      calls: [sc('params', 2, 24, {named: true, params: [kv('a', 'x', 'double')]})]
    },
    {
      title: 'a value with \\" drops every backslash',
      source: 'A\n{{< params "x \\"y\\" back\\\\slash" >}}',
      calls: [sc('params', 2, 38, {named: false, params: [pos('x "y" backslash', 'double')]})]
    },
    {
      title: 'a value without \\" keeps its backslashes',
      source: 'A\n{{< params "back\\\\slash" >}}',
      calls: [sc('params', 2, 30, {named: false, params: [pos('back\\\\slash', 'double')]})]
    },
    {
      title: 'a backtick value across lines, verbatim',
      source: 'A\n{{< params a=`line1\nline2 "q"` >}}',
      calls: [sc('params', 2, 36, {named: true, params: [kv('a', 'line1\nline2 "q"', 'raw')]})]
    },
    {
      title: 'positional backtick values',
      source: 'A\n{{< params `a b` `c\nd` >}}',
      calls: [sc('params', 2, 28, {named: false, params: [pos('a b', 'raw'), pos('c\nd', 'raw')]})]
    },
    {
      title: 'empty double-quoted and backtick values',
      source: 'A\n{{< params a="" b=`` >}}',
      calls: [sc('params', 2, 26, {named: true, params: [kv('a', '', 'double'), kv('b', '', 'raw')]})]
    },
    {
      title: 'an empty positional value',
      source: 'A\n{{< params "" >}}',
      calls: [sc('params', 2, 19, {named: false, params: [pos('', 'double')]})]
    },
    {
      title: 'an escaped-quote positional value',
      source: 'A\n{{< params \\"x\\" >}}',
      calls: [sc('params', 2, 22, {named: false, params: [pos('x', 'double')]})]
    },
    {
      title: 'unquoted named values with punctuation',
      source: 'A\n{{< params a=foo/bar b=http://x.y/z?q=1 c=a,b d=#x >}}',
      calls: [
        sc('params', 2, 56, {
          named: true,
          params: [
            kv('a', 'foo/bar', 'none'),
            kv('b', 'http://x.y/z?q=1', 'none'),
            kv('c', 'a,b', 'none'),
            kv('d', '#x', 'none')
          ]
        })
      ]
    },
    {
      title: 'unquoted positional values with hyphens, dots and letters',
      source: 'A\n{{< params foo-bar 1.2.3 café >}}',
      calls: [
        sc('params', 2, 35, {
          named: false,
          params: [pos('foo-bar', 'none'), pos('1.2.3', 'none'), pos('café', 'none')]
        })
      ]
    },
    {
      title: 'typing of unquoted named values (quoted and raw stay strings)',
      source:
        'A\n{{< params a=true b=false c=4 d=+4 e=-3 f=0.5 g=.5 h=0x10 i=1e3 j=yes k=1.2.3 l="4" m=`true` >}}',
      calls: [
        sc('params', 2, 98, {
          named: true,
          params: [
            kv('a', true, 'none'),
            kv('b', false, 'none'),
            kv('c', 4, 'none'),
            kv('d', 4, 'none'),
            kv('e', -3, 'none'),
            kv('f', 0.5, 'none'),
            kv('g', 0.5, 'none'),
            kv('h', '0x10', 'none'),
            kv('i', '1e3', 'none'),
            kv('j', 'yes', 'none'),
            kv('k', '1.2.3', 'none'),
            kv('l', '4', 'double'),
            kv('m', 'true', 'raw')
          ]
        })
      ]
    },
    {
      title: 'typing of unquoted positional values',
      source: 'A\n{{< params true 42 -3 1.5 0x10 yes 007 >}}',
      calls: [
        sc('params', 2, 44, {
          named: false,
          params: [
            pos(true, 'none'),
            pos(42, 'none'),
            pos(-3, 'none'),
            pos(1.5, 'none'),
            pos('0x10', 'none'),
            pos('yes', 'none'),
            pos(7, 'none')
          ]
        })
      ]
    },
    {
      title: 'an integer too big for Go (kept as a string)',
      source: 'A\n{{< params a=99999999999999999999 >}}',
      calls: [sc('params', 2, 39, {named: true, params: [kv('a', '99999999999999999999', 'none')]})]
    },
    {
      title: 'keys: a digit, case kept, a duplicate',
      source: 'A\n{{< params 1="a" Title="X" a="1" a="2" >}}',
      calls: [
        sc('params', 2, 44, {
          named: true,
          params: [kv('1', 'a', 'double'), kv('Title', 'X', 'double'), kv('a', '1', 'double'), kv('a', '2', 'double')]
        })
      ]
    }
  ]

  const errors: ErrorRow[] = [
    {
      title: 'spaces around = for the second param',
      source: 'A\n{{< params a = "x"   b=  "y" >}}',
      ruleId: 'shortcode-params-mixed',
      hugo: mixNamed('b'),
      start: 23
    },
    {
      title: "single quotes around a value with a space",
      source: "A\n{{< params a='x y' >}}",
      ruleId: 'shortcode-params-mixed',
      hugo: mixPositional('y'),
      start: 18
    },
    {
      title: 'a value ending in a backslash (swallows the quote)',
      source: 'A\n{{< params a="x\\\\" >}}',
      ruleId: 'shortcode-param-unterminated',
      hugo: 'unterminated quoted string in shortcode parameter-argument: \'x\\\\" >}}\'',
      start: 15
    },
    {
      title: 'an unquoted value swallowing >}}',
      source: 'A\n{{< params a=foo>}}\n',
      ruleId: 'shortcode-unclosed-tag',
      hugo: 'unclosed shortcode action',
      start: 2
    },
    {
      title: 'an empty unquoted value',
      source: 'A\n{{< params a= >}}\n',
      ruleId: 'shortcode-unclosed-tag',
      hugo: 'unclosed shortcode action',
      start: 2
    },
    {
      title: 'a positional value with a slash (read as a self-closing slash)',
      source: 'A\n{{< params foo/bar >}}',
      ruleId: 'shortcode-no-body',
      hugo: noInner('bar'),
      start: 2
    },
    {
      title: 'params after a self-closing slash (Hugo 0.111 names the param)',
      source: 'A\n{{< params / a="1" >}}',
      ruleId: 'shortcode-no-body',
      hugo: noInner('a'),
      start: 2
    },
    {
      title: 'a positional value starting with +',
      source: 'A\n{{< params +4 >}}',
      ruleId: 'shortcode-param-unquoted',
      hugo: badChar("U+002B '+'"),
      start: 13
    }
  ]

  it.each(accepted)('should lex $title', (row) => {
    checkAccepted(row)
  })

  it.each(errors)('should report $title', (row) => {
    checkError(row)
  })

  it('should give each typed value its JavaScript type', () => {
    const page = lexPage('A\n{{< params a=true b=4 c=0.5 d=0x10 e="4" f=`false` >}}', {registry: probes})
    expect(page.calls[0]!.params.map((param) => [param.name, typeof param.value, param.value])).toEqual([
      ['a', 'boolean', true],
      ['b', 'number', 4],
      ['c', 'number', 0.5],
      ['d', 'string', '0x10'],
      ['e', 'string', '4'],
      ['f', 'string', 'false']
    ])
  })

  it('should type -0 as the int 0 and -0.0 as the float -0, as Go does', () => {
    const page = lexPage('A\n{{< params a=-0 b=-0.0 >}}', {registry: probes})
    const [int, float] = page.calls[0]!.params.map((param) => param.value)
    expect(Object.is(int, 0)).toBe(true)
    expect(Object.is(float, -0)).toBe(true)
  })

  it('should give param offsets: key, value and end', () => {
    const page = lexPage('A\n{{< params a="x" b=`y` c=z >}}', {registry: probes})
    expect(page.calls[0]!.params.map((param) => [param.start, param.valueStart, param.end])).toEqual([
      [13, 15, 18],
      [19, 21, 24],
      [25, 27, 28]
    ])
  })
})

describe('lexPage: closing, nesting and pairing (§1.5, §1.6)', () => {
  const accepted: AcceptedRow[] = [
    {
      title: 'a self-closed body shortcode written {{< wrap / >}}',
      source: 'A\n{{< wrap / >}}',
      calls: [sc('wrap', 2, 16, {takesBody: true, selfClosed: true})]
    },
    {
      title: 'self-closing forms in both notations',
      source: 'A\n{{< wrap />}} {{% wrap /%}}',
      calls: [
        sc('wrap', 2, 15, {takesBody: true, selfClosed: true}),
        sc('wrap', 16, 29, {takesBody: true, selfClosed: true, notation: '%'})
      ]
    },
    {
      title: 'same-name nesting',
      source: 'A\n{{< wrap n="1" >}}A {{< wrap n="2" >}}B{{< /wrap >}} C{{< /wrap >}}',
      calls: [
        body('wrap', 2, 69, [20, 56], {
          named: true,
          params: [kv('n', '1', 'double')],
          children: [body('wrap', 22, 54, [40, 41], {named: true, params: [kv('n', '2', 'double')]})]
        })
      ]
    },
    {
      title: 'set-based re-pairing: the first closing tag ends the innermost call',
      source: 'A\n{{< wrap >}}A {{< raw >}}B{{< /wrap >}} C{{< /raw >}}',
      calls: [body('wrap', 2, 55, [14, 43], {children: [body('raw', 16, 41, [27, 28])]})]
    },
    {
      title: 'three levels with a non-body shortcode inside',
      source: 'A\n{{< raw >}}1 {{< wrap >}}2 {{< params x >}}{{< /wrap >}}{{< /raw >}}',
      calls: [
        body('raw', 2, 70, [13, 58], {
          children: [
            body('wrap', 15, 58, [27, 45], {children: [sc('params', 29, 45, {named: false, params: [pos('x', 'none')]})]})
          ]
        })
      ]
    },
    {
      title: 'a closing tag with the name of an earlier shortcode (closes the open one)',
      source: 'A\n{{< raw >}}{{< /raw >}}{{< wrap >}}x{{< /raw >}}',
      calls: [body('raw', 2, 25, [13, 13]), body('wrap', 25, 50, [37, 38])]
    },
    {
      title: 'an unknown name with a closing tag (body inferred) and a did-you-mean',
      source: 'A\n{{< calout >}}x{{< /calout >}}',
      registry: doks,
      calls: [body('calout', 2, 32, [16, 17])],
      clean: false
    },
    {
      title: 'an inner call closed, the outer never closed (both kept, flat)',
      source: 'A\n{{< wrap >}}{{< wrap >}}x{{< /wrap >}}',
      calls: [sc('wrap', 2, 14, {takesBody: true, closed: false, innerStart: 14, innerEnd: 14}), body('wrap', 14, 40, [26, 27])],
      clean: false
    }
  ]

  const errors: ErrorRow[] = [
    {
      title: 'a stray second closing tag',
      source: 'A\n{{< wrap >}}A{{< /wrap >}}{{< /wrap >}}',
      ruleId: 'shortcode-close-unopened',
      hugo: noInner('wrap'),
      start: 28
    },
    {
      title: 'a self-closed non-body shortcode {{< x / >}}',
      source: 'A\n{{< x / >}}',
      ruleId: 'shortcode-no-body',
      hugo: noInner('>}}'),
      start: 2
    },
    {
      title: 'the outer call of the flat recovery',
      source: 'A\n{{< wrap >}}{{< wrap >}}x{{< /wrap >}}',
      ruleId: 'shortcode-unclosed',
      hugo: mustClose('wrap'),
      start: 2
    }
  ]

  it.each(accepted)('should lex $title', (row) => {
    checkAccepted(row)
  })

  it.each(errors)('should report $title', (row) => {
    checkError(row)
  })

  it('should warn, not fail, on set-based re-pairing', () => {
    const page = lexPage('A\n{{< wrap >}}A {{< raw >}}B{{< /wrap >}} C{{< /raw >}}', {registry: probes})
    expect(page.diagnostics.map((item) => [item.ruleId, item.severity, item.start, item.end])).toEqual([
      ['shortcode-close-order', 'warning', 28, 41],
      ['shortcode-close-order', 'warning', 43, 55]
    ])
  })

  it('should suggest `callout` for `calout`', () => {
    const page = lexPage('A\n{{< calout >}}x{{< /calout >}}', {registry: doks})
    expect(page.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'shortcode-unknown',
        severity: 'error',
        hugo: notFound('calout'),
        start: 6,
        end: 12,
        actual: 'calout',
        expected: ['callout'],
        hint: 'Did you mean `callout`?'
      })
    ])
  })

  it('should set depths of nested calls', () => {
    const page = lexPage('A\n{{< wrap >}}{{< raw >}}{{< wrap >}}{{< /wrap >}}{{< /raw >}}{{< /wrap >}}', {registry: probes})
    const outer = page.calls[0]!
    expect([outer.depth, outer.children[0]!.depth, outer.children[0]!.children[0]!.depth]).toEqual([0, 1, 2])
  })
})

describe('lexPage: comments (§1.7)', () => {
  const accepted: AcceptedRow[] = [
    {
      title: 'a comment with params (inner spaces kept)',
      source: 'A\n{{</* callout context="note" */>}}',
      calls: [],
      comments: ['{{< callout context="note" >}}']
    },
    {
      title: 'a multi-line comment in % notation',
      source: 'A\n{{%/* wrap\n  a="1"\n*/%}}',
      calls: [],
      comments: ['{{% wrap\n  a="1"\n%}}']
    },
    {
      title: 'a comment inside a code fence',
      source: `A\n${fence}\n{{</* params */>}}\n${fence}`,
      calls: [],
      comments: ['{{< params >}}']
    },
    {
      title: 'a comment inside a body',
      source: 'A\n{{< wrap >}}See {{</* params */>}}.{{< /wrap >}}',
      calls: [body('wrap', 2, 50, [14, 37], {comments: ['{{< params >}}']})]
    },
    {
      title: 'a comment that looks like a closing tag',
      source: 'A\n{{</* /wrap */>}}',
      calls: [],
      comments: ['{{< /wrap >}}']
    }
  ]

  it.each(accepted)('should lex $title', (row) => {
    checkAccepted(row)
  })
})

describe('lexPage: front matter detection (§3.1)', () => {
  interface FrontRow {
    title: string
    source: string
    format: 'yaml' | 'toml' | 'json' | 'org'
    start: number
    end: number
    valueStart: number
    value: string
    bom?: boolean
  }

  const found: FrontRow[] = [
    {
      title: 'YAML',
      source: '---\ntitle: X\n---\nBody',
      format: 'yaml',
      start: 0,
      end: 17,
      valueStart: 4,
      value: 'title: X\n'
    },
    {
      title: 'TOML',
      source: "+++\ntitle = 'X'\n+++\nBody",
      format: 'toml',
      start: 0,
      end: 20,
      valueStart: 4,
      value: "title = 'X'\n"
    },
    {
      title: 'JSON with braces and an escaped quote in strings',
      source: '{"title": "X {a}", "b": "\\"}"}\nBody',
      format: 'json',
      start: 0,
      end: 31,
      valueStart: 0,
      value: '{"title": "X {a}", "b": "\\"}"}'
    },
    {
      title: 'Org keywords',
      source: '#+title: X\n#+date: 2024\nBody',
      format: 'org',
      start: 0,
      end: 24,
      valueStart: 0,
      value: '#+title: X\n#+date: 2024\n'
    },
    {
      title: 'YAML after a BOM',
      source: '\ufeff---\ntitle: X\n---\nBody',
      format: 'yaml',
      start: 1,
      end: 18,
      valueStart: 5,
      value: 'title: X\n',
      bom: true
    },
    {
      title: 'YAML after leading blank lines and spaces',
      source: '\n\n  ---\ntitle: X\n---\nBody',
      format: 'yaml',
      start: 4,
      end: 21,
      valueStart: 8,
      value: 'title: X\n'
    },
    {
      title: 'YAML with CRLF line endings',
      source: '---\r\ntitle: X\r\n---\r\nBody',
      format: 'yaml',
      start: 0,
      end: 20,
      valueStart: 5,
      value: 'title: X\r\n'
    },
    {
      title: 'YAML closed by a longer dash line (the rest goes to the body)',
      source: '---   \ntitle: X\n----\nrest',
      format: 'yaml',
      start: 0,
      end: 19,
      valueStart: 3,
      value: '   \ntitle: X\n'
    },
    {
      title: 'empty YAML',
      source: '---\n---\n',
      format: 'yaml',
      start: 0,
      end: 8,
      valueStart: 4,
      value: ''
    }
  ]

  it.each(found)('should detect $title', (row) => {
    const page = lexPage(row.source)
    expect(page.frontMatter).toEqual({
      format: row.format,
      start: row.start,
      end: row.end,
      valueStart: row.valueStart,
      value: row.value
    })
    expect(page.bodyStart).toBe(row.end)
    expect(page.bom).toBe(row.bom ?? false)
    expect(page.diagnostics).toEqual([])
  })

  const none: Array<{title: string; source: string; bodyStart: number; bom: boolean}> = [
    {title: 'a heading first', source: '# Heading\n{{< params >}}', bodyStart: 0, bom: false},
    {title: 'plain text after a BOM', source: '\ufeffText', bodyStart: 1, bom: true},
    {title: 'an empty file', source: '', bodyStart: 0, bom: false}
  ]

  it.each(none)('should find no front matter with $title', (row) => {
    const page = lexPage(row.source, {registry: probes})
    expect(page.frontMatter).toBeUndefined()
    expect(page.bodyStart).toBe(row.bodyStart)
    expect(page.bom).toBe(row.bom)
    expect(page.diagnostics).toEqual([])
  })

  const errors: ErrorRow[] = [
    {
      title: 'a list item first (invalid YAML delimiter)',
      source: '- item\n- two',
      ruleId: 'front-matter-delimiter',
      hugo: 'invalid YAML delimiter',
      start: 0
    },
    {
      title: 'a + first (invalid TOML delimiter)',
      source: '+ x',
      ruleId: 'front-matter-delimiter',
      hugo: 'invalid TOML delimiter',
      start: 0
    },
    {
      title: 'a shortcode first (read as JSON)',
      source: '{{< callout >}}x{{< /callout >}}',
      ruleId: 'front-matter-shortcode-first',
      hugo: "unmarshal failed: invalid character '{' looking for beginning of object key string",
      start: 0
    },
    {
      title: 'a shortcode first after blank lines',
      source: '\n\n{{< params >}}\n',
      ruleId: 'front-matter-shortcode-first',
      hugo: "unmarshal failed: invalid character '{' looking for beginning of object key string",
      start: 2
    },
    {
      title: 'YAML never closed',
      source: '---\ntitle: X\n',
      ruleId: 'front-matter-unclosed',
      hugo: 'EOF looking for end YAML front matter delimiter',
      start: 0
    },
    {
      title: 'YAML with ... (not a Hugo delimiter)',
      source: '---\ntitle: X\n...\nBody',
      ruleId: 'front-matter-unclosed',
      hugo: 'EOF looking for end YAML front matter delimiter',
      start: 0
    },
    {
      title: 'TOML never closed',
      source: '+++\ntitle = 1\n',
      ruleId: 'front-matter-unclosed',
      hugo: 'EOF looking for end TOML front matter delimiter',
      start: 0
    },
    {
      title: 'JSON never closed',
      source: '{"a": 1\n',
      ruleId: 'front-matter-unclosed',
      hugo: 'unexpected EOF parsing JSON front matter',
      start: 0
    }
  ]

  it.each(errors)('should report $title', (row) => {
    checkError(row)
    expect(lexPage(row.source, {registry: probes}).frontMatter).toBeUndefined()
  })

  it('should refuse ---js front matter (never executed)', () => {
    const page = lexPage('---js\nmodule.exports = {}\n---\nBody')
    expect(page.frontMatter).toBeUndefined()
    expect(page.bodyStart).toBe(0)
    expect(page.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'front-matter-language',
        severity: 'error',
        start: 0,
        actual: 'js',
        expected: ['yaml', 'toml', 'json']
      })
    ])
    expect(page.diagnostics[0]!.reason).toMatch(/^Unexpected /)
  })

  it('should still lex the shortcodes of a page that starts with one', () => {
    const page = lexPage('{{< callout >}}x{{< /callout >}}')
    expect(page.calls.map((call) => shape(call))).toEqual([body('callout', 0, 32, [15, 16])])
  })

  it('should not run shortcodes in front matter', () => {
    const page = lexPage('---\ntitle: "{{< nosuch >}}"\n---\n{{< params >}}\n', {registry: probes})
    expect(page.calls.map((call) => shape(call))).toEqual([sc('params', 32, 46)])
    expect(page.diagnostics).toEqual([])
  })

  it('should lex a CRLF page with front matter at the right offsets', () => {
    const page = lexPage('---\r\ntitle: X\r\n---\r\nBody {{< params >}}\r\n', {registry: probes})
    expect(page.bodyStart).toBe(20)
    expect(page.calls.map((call) => shape(call))).toEqual([sc('params', 25, 39)])
  })
})
