/**
 * Property tests of the page lexer (fast-check):
 *
 * 1. on any string, `lexPage` and `parsePage` never throw and every
 *    diagnostic lies inside the file;
 * 2. a generated tree of well-formed shortcode calls, printed to Hugo syntax
 *    by a printer written here (not slamark's), lexes back to the same tree:
 *    names, notations, parameter names, typed values, nesting, comments and
 *    every offset.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {
  createRegistry,
  lexPage,
  type Diagnostic,
  type Notation,
  type ParamQuote,
  type ParamValue,
  type ShortcodeCall
} from '../src/hugo/index.js'
import {parsePage} from '../src/syntax/parse.js'
import {shape, type CallShape} from './support/calls.js'

const bodyNames = ['wrap', 'box-2', 'ns/panel', '9b', 'callout']
const plainNames = ['params', 'x_y', 'dir/leaf', 'café', '7']
const registry = createRegistry({
  shortcodes: Object.fromEntries([
    ...bodyNames.map((name) => [name, true] as const),
    ...plainNames.map((name) => [name, false] as const)
  ])
})

function expectInRange(diagnostics: Diagnostic[], length: number): void {
  for (const item of diagnostics) {
    expect(item.start).toBeGreaterThanOrEqual(0)
    expect(item.end).toBeGreaterThanOrEqual(item.start)
    expect(item.end).toBeLessThanOrEqual(length)
  }
}

/** Calls lie inside the file, and children inside their parent's body. */
function expectNested(calls: ShortcodeCall[], from: number, to: number): void {
  let previous = from
  for (const call of calls) {
    expect(call.start).toBeGreaterThanOrEqual(previous)
    expect(call.end).toBeGreaterThan(call.start)
    expect(call.end).toBeLessThanOrEqual(to)
    previous = call.end
    if (call.children.length > 0) {
      expect(call.innerStart).toBeDefined()
      expect(call.innerEnd).toBeDefined()
      expectNested(call.children, call.innerStart!, call.innerEnd!)
    }
  }
}

describe('lexPage and parsePage on any string', () => {
  const pieces = [
    '{{<',
    '{{%',
    '>}}',
    '%}}',
    '/*',
    '*/',
    '"',
    '\\"',
    '`',
    '\\',
    '=',
    '/',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '\r',
    'wrap',
    'params',
    'callout',
    '/wrap',
    'a=1',
    '.inline',
    '---',
    '+++',
    '{',
    '}',
    '#+',
    '- ',
    '\ufeff',
    '\0',
    '\u00a0'
  ]
  const loneSurrogate = fc.integer({min: 0xd8_00, max: 0xdf_ff}).map((code) => String.fromCharCode(code))
  const biasedUnit = fc.oneof(
    {weight: 6, arbitrary: fc.constantFrom(...pieces)},
    {weight: 3, arbitrary: fc.string({unit: 'binary', maxLength: 3})},
    {weight: 1, arbitrary: loneSurrogate}
  )

  const strings: Array<[string, fc.Arbitrary<string>]> = [
    ['fc.string', fc.string()],
    ['full Unicode strings', fc.string({unit: 'binary'})],
    ['grapheme strings', fc.string({unit: 'grapheme', maxLength: 200})],
    ['strings biased to shortcode syntax', fc.string({unit: biasedUnit, maxLength: 120})],
    [
      'biased strings after front matter',
      fc.string({unit: biasedUnit, maxLength: 80}).map((text) => '---\ntitle: x\n---\n' + text)
    ]
  ]

  it.each(strings)('should never throw on %s', (_title, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (source) => {
        const page = lexPage(source, {registry})
        expectInRange(page.diagnostics, source.length)
        expectNested(page.calls, page.bodyStart, source.length)

        const parsed = parsePage(source, {registry})
        expectInRange(parsed.diagnostics, source.length)
      }),
      {numRuns: 300}
    )
  })
})

// ---------------------------------------------------------------------------
// Generated well-formed pages.

/** A parameter as generated: how to print it and what Hugo makes of it. */
interface GenParam {
  key?: string
  /** The value as written (quotes included). */
  printed: string
  value: ParamValue
  quote: ParamQuote
}

interface GenCall {
  kind: 'call'
  name: string
  body: boolean
  notation: Notation
  named: boolean
  params: GenParam[]
  /** `tight` (`k=v`), `after` (`k= v`) or `around` (`k = v`, valid when every param does it). */
  spacing: 'tight' | 'after' | 'around'
  /** Whitespace after `{{<`, between items, before `>}}`. */
  lead: string
  gaps: string[]
  tail: string
  /** For body shortcodes: written `{{< x />}}` (self-closed) or with a body. */
  selfClose: boolean
  slash: string
  items: GenItem[]
  closeNotation: Notation
  closeLead: string
  closeGap: string
  closeTail: string
}

interface GenComment {
  kind: 'comment'
  notation: Notation
  inner: string
}

interface GenText {
  kind: 'text'
  text: string
}

type GenItem = GenCall | GenComment | GenText

/** What the lexer should give back for a call. */


const join = (parts: string[]): string => parts.join('')

/** Whitespace allowed between the items of an opening tag. */
const gap = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', ' \n  ')
const optionalGap = fc.constantFrom('', ' ', '\n', '\t')
/** Whitespace allowed after the name of a closing tag: spaces and tabs only. */
const closeTail = fc.constantFrom('', ' ', '\t', '   ')

/** Text between calls: never `{{<` or `{{%`, whatever the order of the pieces. */
const text = fc
  .array(
    fc.constantFrom('a', 'Word', ' ', '\n', '\r\n', '}}', '>}}', '%}}', '{{ .Title }}', '{ x }', 'a < b', '50 %', '*', '#', 'é', '"', '`', '/'),
    {maxLength: 6}
  )
  .map(join)

// Values.

const valueChars = ['a', 'Z', '0', '9', ' ', '_', '-', '.', ',', ':', '!', '?', '#', '/', '@', '&', '*', '+', "'", '<', '>', '%', '{{<', '>}}', '{{%', 'é', '€', '😀']

/** A double-quoted value without `"`: backslashes are kept, but none may end it or come before a backtick. */
const quotedPlain = fc
  .array(fc.constantFrom(...valueChars, '\\', '\\n', 'x\\\\y'), {maxLength: 8})
  .map(join)
  .filter((value) => !value.endsWith('\\'))
  .map((value): Omit<GenParam, 'key'> => ({printed: `"${value}"`, value, quote: 'double'}))

/** A double-quoted value with `"` in it, written `\"`: then every backslash is dropped, so there are none. */
const quotedWithQuotes = fc
  .tuple(fc.array(fc.constantFrom(...valueChars), {maxLength: 4}), fc.array(fc.constantFrom(...valueChars), {maxLength: 4}))
  .map(([before, after]): Omit<GenParam, 'key'> => {
    const value = `${join(before)}"${join(after)}`
    return {printed: `"${value.replaceAll('"', '\\"')}"`, value, quote: 'double'}
  })

/** A backtick value: anything but a backtick, newlines included, verbatim. */
const raw = fc
  .array(fc.constantFrom(...valueChars, '\n', '"', '\\', '\\"'), {maxLength: 8})
  .map(join)
  .map((value): Omit<GenParam, 'key'> => ({printed: `\`${value}\``, value, quote: 'raw'}))

/** `\"x\"`: quotes written escaped from the start. */
const escapedQuoted = fc
  .array(fc.constantFrom('a', 'b', '1', ' ', '-', 'é'), {minLength: 1, maxLength: 5})
  .map(join)
  .map((value): Omit<GenParam, 'key'> => ({printed: `\\"${value}\\"`, value, quote: 'double'}))

/** An unquoted int, written as Hugo accepts it; named values may start with `+` or zeros. */
function unquotedInt(named: boolean): fc.Arbitrary<Omit<GenParam, 'key'>> {
  return fc
    .tuple(fc.integer({min: -100_000, max: 100_000}), fc.constantFrom('plain', 'plus', 'zeros'))
    .map(([number, form]) => {
      let printed = String(number)
      if (named && form === 'plus' && number >= 0) printed = `+${number}`
      if (form === 'zeros' && number >= 0) printed = `00${number}`
      // `+ 0`: the generator must never expect a negative zero from an int.
      return {printed, value: number + 0, quote: 'none' as const}
    })
}

/** An unquoted decimal; only named values may start with `.`, `+` or `-.`. */
function unquotedFloat(named: boolean): fc.Arbitrary<Omit<GenParam, 'key'>> {
  return fc
    .tuple(
      fc.constantFrom('', '-', ...(named ? ['+'] : [])),
      fc.constantFrom('0', '1', '12', '305', ...(named ? [''] : [])),
      fc.constantFrom('0', '5', '25', '125', '001')
    )
    .map(([sign, whole, fraction]) => {
      const printed = `${sign}${whole}.${fraction}`
      return {printed, value: Number.parseFloat(printed), quote: 'none' as const}
    })
}

const unquotedBool = fc
  .boolean()
  .map((value): Omit<GenParam, 'key'> => ({printed: String(value), value, quote: 'none'}))

/** An unquoted named value that stays a string: up to the next space, so punctuation is fine. */
const unquotedNamedString = fc
  .tuple(
    fc.constantFrom('a', 'x', 'Z', 'yes', 'http', 'café'),
    fc.array(fc.constantFrom('a', '1', '-', '_', '.', '/', ':', '#', '?', '=', ',', '@', '"', '>', '}}', '%'), {maxLength: 6})
  )
  .map(([head, rest]) => head + join(rest))
  .filter((value) => value !== 'true' && value !== 'false')
  .map((value): Omit<GenParam, 'key'> => ({printed: value, value, quote: 'none'}))

/** An unquoted positional value that stays a string: letters, digits, `_`, `-` and `.` only. */
const unquotedPositionalString = fc
  .tuple(
    fc.constantFrom('a', 'foo', 'Z', 'café', '_u', '-x', '1.2.3', '0x10', '1e3'),
    fc.array(fc.constantFrom('a', '1', '-', '_', '.', 'é'), {maxLength: 4})
  )
  .map(([head, rest]) => head + join(rest))
  .filter((value) => !/^(?:true|false|[-+]?\d+|[-+]?\d*\.\d+)$/.test(value))
  .map((value): Omit<GenParam, 'key'> => ({printed: value, value, quote: 'none'}))

const namedValue = fc.oneof(
  quotedPlain,
  quotedWithQuotes,
  raw,
  escapedQuoted,
  unquotedInt(true),
  unquotedFloat(true),
  unquotedBool,
  unquotedNamedString
)

const positionalValue = fc.oneof(
  quotedPlain,
  quotedWithQuotes,
  raw,
  escapedQuoted,
  unquotedInt(false),
  unquotedFloat(false),
  unquotedBool,
  unquotedPositionalString
)

const key = fc.oneof(
  fc.constantFrom('context', 'title', 'Title', '1', 'a-b.c', 'clé', '_x'),
  fc.stringMatching(/^[a-z0-9_][a-z0-9_.-]{0,5}$/)
)

const params = fc.oneof(
  fc.constant({named: false, params: [] as GenParam[]}),
  fc
    .array(fc.tuple(key, namedValue), {minLength: 1, maxLength: 4})
    .map(([...pairs]) => ({named: true, params: pairs.map(([name, value]): GenParam => ({key: name, ...value}))})),
  fc.array(positionalValue, {minLength: 1, maxLength: 4}).map((values) => ({named: false, params: values as GenParam[]}))
)

const comment = fc
  .record({
    notation: fc.constantFrom<Notation>('<', '%'),
    // No `*`, so the first `*/` is the closing one; and no leading `/`, which
    // would put that `*/` right after the opening `/*` (Hugo then says
    // `comment must be closed`).
    inner: fc
      .array(fc.constantFrom(' ', 'callout', 'x', ' a="1" ', '\n', '/wrap', '{{<', '>}}', '%}}', '/'), {maxLength: 5})
      .map(join)
      .filter((value) => !value.startsWith('/'))
  })
  .map((fields): GenComment => ({kind: 'comment', ...fields}))

/** A call at `depth` (0 at the top); body calls below depth 4 may hold calls. */
function call(depth: number): fc.Arbitrary<GenCall> {
  const items: fc.Arbitrary<GenItem[]> =
    depth >= 3
      ? fc.array(fc.oneof(text.map((value): GenText => ({kind: 'text', text: value})), comment), {maxLength: 3})
      : fc.array(
          fc.oneof(
            {weight: 2, arbitrary: text.map((value): GenText => ({kind: 'text', text: value}))},
            {weight: 1, arbitrary: comment},
            {weight: 3, arbitrary: call(depth + 1)}
          ),
          {maxLength: 4}
        )

  return fc
    .record({
      body: fc.boolean(),
      bodyName: fc.constantFrom(...bodyNames),
      plainName: fc.constantFrom(...plainNames),
      notation: fc.constantFrom<Notation>('<', '%'),
      params,
      spacing: fc.constantFrom('tight', 'after', 'around'),
      lead: optionalGap,
      gaps: fc.array(gap, {minLength: 6, maxLength: 6}),
      tail: optionalGap,
      // One body call in four is self-closed, so most bodies hold something.
      selfClose: fc.integer({min: 0, max: 3}).map((value) => value === 0),
      slash: fc.constantFrom('/', '/ ', '/\n'),
      items,
      closeNotation: fc.constantFrom<Notation>('<', '%'),
      closeLead: fc.constantFrom('', ' ', '   ', '\n'),
      closeGap: fc.constantFrom('', ' ', '\t'),
      closeTail
    })
    .map(
      (fields): GenCall => ({
        kind: 'call',
        name: fields.body ? fields.bodyName : fields.plainName,
        body: fields.body,
        notation: fields.notation,
        named: fields.params.named,
        params: fields.params.params,
        spacing: fields.spacing as GenCall['spacing'],
        lead: fields.lead,
        gaps: fields.gaps,
        tail: fields.tail,
        selfClose: fields.body && fields.selfClose,
        slash: fields.slash,
        items: fields.body && !fields.selfClose ? fields.items : [],
        closeNotation: fields.closeNotation,
        closeLead: fields.closeLead,
        closeGap: fields.closeGap,
        closeTail: fields.closeTail
      })
    )
}

const page = fc.array(
  fc.oneof(
    {weight: 2, arbitrary: text.map((value): GenText => ({kind: 'text', text: value}))},
    {weight: 1, arbitrary: comment},
    {weight: 3, arbitrary: call(0)}
  ),
  {maxLength: 5}
)

/**
 * Print generated items to Hugo syntax, recording where each call and
 * comment lands, so the expected tree carries exact offsets.
 */
function print(items: GenItem[], prefix: string): {source: string; calls: CallShape[]; comments: string[]} {
  const out: string[] = [prefix]
  let length = prefix.length

  const write = (value: string): void => {
    out.push(value)
    length += value.length
  }

  const right = (notation: Notation): string => (notation === '<' ? '>}}' : '%}}')

  function printItems(list: GenItem[], calls: CallShape[], comments: string[]): void {
    for (const item of list) {
      if (item.kind === 'text') {
        write(item.text)
      } else if (item.kind === 'comment') {
        write(`{{${item.notation}/*${item.inner}*/${right(item.notation)}`)
        comments.push(`{{${item.notation}${item.inner}${right(item.notation)}`)
      } else {
        calls.push(printCall(item))
      }
    }
  }

  function printCall(item: GenCall): CallShape {
    const start = length
    write(`{{${item.notation}${item.lead}${item.name}`)

    item.params.forEach((param, index) => {
      write(item.gaps[index % item.gaps.length]!)
      if (param.key === undefined) {
        write(param.printed)
      } else if (item.spacing === 'tight') {
        write(`${param.key}=${param.printed}`)
      } else if (item.spacing === 'after') {
        write(`${param.key}= ${param.printed}`)
      } else {
        write(`${param.key} = ${param.printed}`)
      }
    })

    // An unquoted value runs to the next space, and a `/` right after a name
    // or a value would be read as part of it: both need a space after them.
    const last = item.params.at(-1)
    const needsSpace = item.selfClose || (last !== undefined && last.quote === 'none')
    if (item.selfClose) write(' ' + item.slash)
    write((needsSpace && item.tail === '' ? ' ' : item.tail) + right(item.notation))

    const result: CallShape = {
      name: item.name,
      notation: item.notation,
      params: item.params.map((param) =>
        param.key === undefined
          ? {value: param.value, quote: param.quote}
          : {name: param.key, value: param.value, quote: param.quote}
      ),
      selfClosed: item.selfClose,
      takesBody: item.body,
      closed: true,
      start,
      end: length,
      children: [],
      comments: []
    }
    if (item.params.length > 0) result.named = item.named

    if (item.body && !item.selfClose) {
      result.innerStart = length
      printItems(item.items, result.children, result.comments)
      result.innerEnd = length
      write(
        `{{${item.closeNotation}${item.closeLead}/${item.closeGap}${item.name}${item.closeTail}${right(item.closeNotation)}`
      )
      result.end = length
    }

    return result
  }

  const calls: CallShape[] = []
  const comments: string[] = []
  printItems(items, calls, comments)
  return {source: out.join(''), calls, comments}
}

describe('lexPage on generated well-formed pages', () => {
  it('should lex a printed tree back to the same tree', () => {
    // Each prefix with where the body starts: plain text has no front matter.
    const prefixes = fc.constantFrom<[string, number]>(['Intro\n', 0], ['---\ntitle: x\n---\n', 17], ['+++\n+++\n', 8])
    fc.assert(
      fc.property(page, prefixes, (items, [prefix, bodyStart]) => {
        const expected = print(items, prefix)
        const lexed = lexPage(expected.source, {registry})
        expect(lexed.diagnostics).toEqual([])
        expect(lexed.bodyStart).toBe(bodyStart)
        expect(lexed.calls.map((item) => shape(item))).toEqual(expected.calls)
        expect(lexed.comments.map((item) => item.text)).toEqual(expected.comments)
      }),
      {numRuns: 500}
    )
  })

  it('should give parsePage no diagnostics on a printed tree', () => {
    fc.assert(
      fc.property(page, (items) => {
        const expected = print(items, 'Intro\n\n')
        const parsed = parsePage(expected.source, {registry})
        expect(parsed.diagnostics).toEqual([])
        expect(parsed.page.calls.length).toBe(expected.calls.length)
      }),
      {numRuns: 150}
    )
  })

  it('should print what the spec says for a known tree (printer check)', () => {
    const printed = print(
      [
        {kind: 'text', text: 'x '},
        {
          kind: 'call',
          name: 'wrap',
          body: true,
          notation: '<',
          named: true,
          params: [{key: 'a', printed: '"1"', value: '1', quote: 'double'}],
          spacing: 'tight',
          lead: ' ',
          gaps: [' '],
          tail: ' ',
          selfClose: false,
          slash: '/',
          items: [{kind: 'comment', notation: '%', inner: ' c '}],
          closeNotation: '%',
          closeLead: ' ',
          closeGap: '',
          closeTail: ' '
        }
      ],
      'Intro\n'
    )
    expect(printed.source).toBe('Intro\nx {{< wrap a="1" >}}{{%/* c */%}}{{% /wrap %}}')
    expect(printed.calls).toEqual([
      {
        name: 'wrap',
        notation: '<',
        params: [{name: 'a', value: '1', quote: 'double'}],
        named: true,
        selfClosed: false,
        takesBody: true,
        closed: true,
        start: 8,
        end: 52,
        innerStart: 26,
        innerEnd: 39,
        children: [],
        comments: ['{{% c %}}']
      }
    ])
  })
})
