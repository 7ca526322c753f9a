/**
 * Helpers for the differential tests against a real Hugo binary: build a tiny
 * probe site, run `hugo` on one page, read back what the probe shortcodes
 * printed, and turn slamark's lexed page into the same shape.
 *
 * The probe shortcodes print machine-readable markers:
 *
 * ```
 * @@SC name=<name> named=<bool> params=<b64 key>:<go type>:<b64 value>;…@@
 * @@INNER <b64 .Inner>@@          (wrap, my-sc, callout: the raw `.Inner`)
 * @@RENDERED <b64 html>@@         (callout: its RenderString output, unparsed)
 * @@RAW@@<.Inner as is>@@ENDRAW@@ (raw: nested shortcodes appear in place)
 * @@END@@
 * ```
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {LexedPage, ParamValue, ShortcodeCall, ShortcodeComment, ShortcodeParam} from '../../src/hugo/index.js'
import {innerText as innerTextOf} from '../../src/hugo/index.js'

/** Whether a `hugo` binary is on PATH. */
export const hugoAvailable: boolean = (() => {
  try {
    const result = spawnSync('hugo', ['version'], {encoding: 'utf8', timeout: 10_000})
    return result.status === 0 && /hugo v/i.test(result.stdout)
  } catch {
    return false
  }
})()

/** The version line of the `hugo` on PATH, or `undefined`. */
export function hugoVersion(): string | undefined {
  if (!hugoAvailable) return undefined
  return spawnSync('hugo', ['version'], {encoding: 'utf8'}).stdout.trim()
}

/** What the probe templates are: name → whether the template uses `.Inner`. */
export const probeShortcodes: Record<string, boolean> = {
  params: false,
  wrap: true,
  raw: true,
  callout: true,
  'my-sc': true,
  'dir/sc': false
}

/** How each probe shows its `.Inner`. */
export const probeInnerKind: Record<string, 'none' | 'base64' | 'raw'> = {
  params: 'none',
  wrap: 'base64',
  raw: 'raw',
  callout: 'base64',
  'my-sc': 'base64',
  'dir/sc': 'none'
}

// `{{- -}}` everywhere and no trailing newline: the output is exactly the markers.
function header(name: string): string {
  return (
    `@@SC name=${name} named={{ .IsNamedParams }} params=` +
    '{{- range $k, $v := .Params -}}' +
    '{{ base64Encode (print $k) | safeHTML }}:{{ printf "%T" $v }}:{{ base64Encode (print $v) | safeHTML }};' +
    '{{- end -}}@@'
  )
}

const templates: Record<string, string> = {
  'params.html': `${header('params')}@@END@@`,
  'wrap.html': `${header('wrap')}@@INNER {{ base64Encode .Inner | safeHTML }}@@@@END@@`,
  'my-sc.html': `${header('my-sc')}@@INNER {{ base64Encode .Inner | safeHTML }}@@@@END@@`,
  'dir/sc.html': `${header('dir/sc')}@@END@@`,
  'raw.html': `${header('raw')}<div class="raw">@@RAW@@{{ .Inner }}@@ENDRAW@@</div>@@END@@`,
  // Doks-like: context from `.Get "context"` or `.Get 0`, title and body through RenderString.
  'callout.html': [
    '{{- $context := "note" -}}',
    '{{- if .IsNamedParams -}}{{- $context = .Get "context" | default "note" -}}',
    '{{- else -}}{{- $context = .Get 0 | default "note" -}}{{- end -}}',
    '{{- $title := "" -}}',
    '{{- with .Get "title" -}}{{- $title = . | $.Page.RenderString (dict "display" "block") -}}{{- end -}}',
    '{{- $body := .Inner | .Page.RenderString (dict "display" "block") -}}',
    `${header('callout')}@@INNER {{ base64Encode .Inner | safeHTML }}@@` +
      '@@RENDERED {{ safeHTML (base64Encode (printf `<div class="callout callout-%s"><div class="callout-title">%s</div><div class="callout-body">%s</div></div>` $context $title $body)) }}@@' +
      '@@END@@'
  ].join('\n')
}

const config = `baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
[markup.goldmark.renderer]
unsafe = true
`

/**
 * Create the probe site (config and layouts, no content) in a new temporary
 * folder; returns its path.
 */
export function createProbeSite(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-hugo-'))
  const site = path.join(root, 'template')
  fs.mkdirSync(path.join(site, 'layouts', '_default'), {recursive: true})
  fs.writeFileSync(path.join(site, 'config.toml'), config)
  fs.writeFileSync(path.join(site, 'layouts', '_default', 'single.html'), '{{ .Content }}')
  for (const [file, text] of Object.entries(templates)) {
    const full = path.join(site, 'layouts', 'shortcodes', file)
    fs.mkdirSync(path.dirname(full), {recursive: true})
    fs.writeFileSync(full, text)
  }

  return root
}

// `HUGO_*` variables (e.g. `HUGO_ENABLEINLINESHORTCODES`) would change the site's config.
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^HUGO_/i.test(key)))
}

/** What one Hugo build said. */
export type HugoResult =
  | {ok: true; html: string}
  | {ok: false; message: string; line: number; column: number; stderr: string}

/** The front matter every case page starts with. */
export const frontMatter = '---\ntitle: x\n---\n'

/**
 * Build one page, alone in its own copy of the probe site.
 *
 * @param root
 *   The folder made by {@link createProbeSite}.
 * @param slug
 *   A lowercase file-name-safe name for the case.
 * @param source
 *   The whole page (front matter included).
 */
export function buildPage(root: string, slug: string, source: string): HugoResult {
  const site = path.join(root, slug)
  fs.rmSync(site, {recursive: true, force: true})
  fs.cpSync(path.join(root, 'template'), site, {recursive: true})
  fs.mkdirSync(path.join(site, 'content'), {recursive: true})
  const file = path.join(site, 'content', `${slug}.md`)
  fs.writeFileSync(file, source)
  const result = spawnSync(
    'hugo',
    [
      '--quiet',
      '--source',
      site,
      '--destination',
      path.join(site, 'public'),
      '--cacheDir',
      path.join(site, '.cache')
    ],
    {encoding: 'utf8', timeout: 30_000, env: cleanEnv()}
  )

  if (result.error) throw result.error

  const stderr = result.stderr
  if (result.status !== 0) {
    const match = /Error building site: "(.*?):(\d+):(\d+)": ([\s\S]*)$/.exec(stderr)
    if (!match) {
      return {ok: false, message: stderr.trim(), line: 0, column: 0, stderr}
    }

    return {
      ok: false,
      // Messages may hold newlines (`unterminated quoted string …: 'x\n'`); only Hugo's final newline goes.
      message: match[4]!.replace(/\n$/, ''),
      line: Number(match[2]),
      column: Number(match[3]),
      stderr
    }
  }

  const html = fs.readFileSync(path.join(site, 'public', slug, 'index.html'), 'utf8')
  return {ok: true, html}
}

/** A parameter as the probe printed it, typed back into JS. */
export interface ProbeParam {
  /** Named key, or the index of a positional parameter. */
  key: string | number
  /** `<Go type>:<value in canonical form>`, e.g. `int:9007199254740993`, `float64:0.5`. */
  value: string
}

/**
 * One form for a typed value on both sides: Go prints what it parsed, slamark
 * keeps the text it typed, so compare the Go type and the value it denotes
 * (exactly, with BigInt for ints beyond 2^53).
 */
export function canonical(type: string, text: string): string {
  switch (type) {
    case 'int':
      return `int:${BigInt(text).toString()}`
    case 'float64':
      return `float64:${String(Number(text))}`
    case 'bool':
      if (text !== 'true' && text !== 'false') throw new Error(`bad bool ${JSON.stringify(text)}`)
      return `bool:${text}`
    case 'string':
      return `string:${text}`
    default:
      throw new Error(`unexpected Go type ${type} (value ${JSON.stringify(text)})`)
  }
}

/** One shortcode as the probe printed it. */
export interface ProbeNode {
  name: string
  named: boolean
  params: ProbeParam[]
  /**
   * `.Inner` with every nested shortcode's output replaced by U+0000; absent
   * when the probe does not print it.
   */
  inner?: string
  children: ProbeNode[]
}

/** The placeholder standing for a nested shortcode's output in an inner text. */
export const childMark = '\u0000'

const tokenPattern = /@@(SC [^@]*|INNER [A-Za-z0-9+/=]*|RENDERED [A-Za-z0-9+/=]*|RAW|ENDRAW|END)@@/g

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8')
}


function parseHeader(text: string): Omit<ProbeNode, 'children'> {
  const match = /^SC name=(\S+) named=(true|false) params=(.*)$/s.exec(text)
  if (!match || !(match[1]! in probeInnerKind)) throw new Error(`bad probe header: ${text}`)
  const params: ProbeParam[] = []
  for (const entry of match[3]!.split(';')) {
    if (entry === '') continue
    const [key, type, value] = entry.split(':')
    if (key === undefined || type === undefined || value === undefined) throw new Error(`bad probe param: ${entry}`)
    const decodedKey = decode(key)
    params.push({
      key: match[2] === 'true' ? decodedKey : Number(decodedKey),
      value: canonical(type, decode(value))
    })
  }

  return {name: match[1]!, named: match[2] === 'true', params}
}

/**
 * Read the probe output of a text (a page's HTML or a decoded `.Inner`).
 * Returns the shortcodes found at the top level (with their nested ones) and
 * the text with each of them replaced by {@link childMark}.
 *
 * @param text
 *   HTML or inner text.
 */
export function parseProbeOutput(text: string): {nodes: ProbeNode[]; text: string} {
  const tokens = [...text.matchAll(tokenPattern)]
  let index = 0

  const node = (): {node: ProbeNode; end: number} => {
    const first = tokens[index]!
    const result: ProbeNode = {...parseHeader(first[1]!), children: []}
    index++

    while (index < tokens.length) {
      const token = tokens[index]!
      const kind = token[1]!

      if (kind.startsWith('INNER ')) {
        const sub = parseProbeOutput(decode(kind.slice(6)))
        result.inner = sub.text
        result.children.push(...sub.nodes)
        index++
      } else if (kind.startsWith('RENDERED ')) {
        index++
      } else if (kind === 'RAW') {
        index++
        let last = token.index + token[0].length
        let inner = ''
        while (tokens[index]?.[1]!.startsWith('SC ')) {
          const child = tokens[index]!
          inner += text.slice(last, child.index) + childMark
          const done = node()
          result.children.push(done.node)
          last = done.end
        }

        const end = tokens[index]
        if (end?.[1] !== 'ENDRAW') throw new Error(`raw output of ${result.name} not ended in: ${text}`)
        result.inner = inner + text.slice(last, end.index)
        index++
      } else if (kind === 'END') {
        index++
        const printsInner = (probeInnerKind[result.name] ?? 'none') !== 'none'
        if (printsInner !== (result.inner !== undefined)) {
          throw new Error(`probe output of ${result.name} ${printsInner ? 'lacks' : 'has'} an inner in: ${text}`)
        }

        return {node: result, end: token.index + token[0].length}
      } else {
        throw new Error(`unexpected ${kind} inside ${result.name} in: ${text}`)
      }
    }

    throw new Error(`unended probe output of ${result.name} in: ${text}`)
  }

  const nodes: ProbeNode[] = []
  let rest = ''
  let last = 0
  while (index < tokens.length) {
    const token = tokens[index]!
    if (!token[1]!.startsWith('SC ')) throw new Error(`unexpected ${token[1]} at top level in: ${text}`)
    rest += text.slice(last, token.index) + childMark
    const done = node()
    nodes.push(done.node)
    last = done.end
  }

  rest += text.slice(last)
  // A marker the pattern did not match (e.g. escaped by html/template) must not go unnoticed.
  if (rest.includes('@@')) throw new Error(`unparsed probe marker in: ${text}`)
  return {nodes, text: rest}
}

/** What slamark's lexer says one call will print through the probes. */
export interface ExpectedNode {
  name: string
  named: boolean
  params: ProbeParam[]
  /** The text Hugo's `.Inner` holds, children replaced by {@link childMark}. */
  inner: string
  /**
   * Whether `inner` can be compared exactly: false where Hugo renders the
   * inner Markdown (a `{{% %}}` call nested in another one) or where the
   * probe's output goes through Markdown (a `raw` in `{{% %}}` at the top).
   */
  exactInner: boolean
  children: ExpectedNode[]
}

function compareKeys(a: string, b: string): number {
  // Go sorts map keys by bytes.
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/**
 * The params as Hugo's `.Params` holds them: positional ones by index,
 * named ones as a map (the last duplicate wins), which `range` visits in
 * key order.
 *
 * @param params
 *   slamark's params.
 */
export function hugoParams(params: ShortcodeParam[]): ProbeParam[] {
  if (params.length === 0) return []
  if (params[0]!.name === undefined) {
    return params.map((param, index) => ({key: index, value: canonical(param.goType, param.text)}))
  }

  const map = new Map<string, string>()
  for (const param of params) map.set(param.name ?? '', canonical(param.goType, param.text))
  return [...map.keys()].sort(compareKeys).map((key) => ({key, value: map.get(key)!}))
}

function innerText(source: string, call: ShortcodeCall): string {
  // Inline shortcodes print nothing; any other nested call prints its probe output.
  return innerTextOf(source, call, (child) => (child.inline ? '' : childMark))
}

/**
 * Turn slamark's calls into what the probes print for them. Inline
 * shortcodes are disabled in Hugo's default config and print nothing.
 *
 * @param source
 *   The whole page.
 * @param calls
 *   Calls from `lexPage`.
 */
export function expectedNodes(source: string, calls: ShortcodeCall[]): ExpectedNode[] {
  const walk = (list: ShortcodeCall[], depth: number, outputLiteral: boolean | undefined): ExpectedNode[] =>
    list
      .filter((call) => !call.inline)
      .map((call) => {
        const kind = probeInnerKind[call.name] ?? 'none'
        // Where the probe's own output lands verbatim: in a parent's `.Inner`,
        // or in the HTML for a top-level `{{< >}}`.
        const literal = outputLiteral ?? call.notation === '<'
        const innerIsSource = !(call.notation === '%' && depth > 0)
        const exactInner = kind === 'raw' ? literal && innerIsSource : innerIsSource
        return {
          name: call.name,
          named: call.named ?? false,
          params: hugoParams(call.params),
          inner: innerText(source, call),
          exactInner,
          children: walk(call.children, depth + 1, kind === 'raw' ? literal : true)
        }
      })
  return walk(calls, 0, undefined)
}

/** A node in the shape both sides are compared in. */
export interface ComparedNode {
  name: string
  named: boolean
  params: ProbeParam[]
  /** The exact inner text, `{empty: boolean}` where only emptiness is comparable, or `null` when not printed. */
  inner: string | {empty: boolean} | null
  children: ComparedNode[]
}

/**
 * Put both trees into one comparable shape, pairing nodes by document order:
 * the inner is compared exactly where it can be, by emptiness (after trimming)
 * where Hugo rendered it as Markdown, and not at all where the probe does not
 * print it (`params`, `dir/sc`).
 *
 * @param expected
 *   From {@link expectedNodes}.
 * @param actual
 *   From {@link parseProbeOutput}.
 */
export function toComparable(
  expected: ExpectedNode[],
  actual: ProbeNode[]
): {expected: ComparedNode[]; actual: ComparedNode[]} {
  const exp: ComparedNode[] = []
  const act: ComparedNode[] = []
  const count = Math.max(expected.length, actual.length)

  for (let index = 0; index < count; index++) {
    const e = expected[index]
    const a = actual[index]
    const printsInner = a ? a.inner !== undefined : (probeInnerKind[e!.name] ?? 'none') !== 'none'
    const exact = e ? e.exactInner : true
    const shape = (inner: string | undefined): ComparedNode['inner'] => {
      if (!printsInner) return null
      if (inner === undefined) return null
      return exact ? inner : {empty: inner.trim() === ''}
    }

    const children = toComparable(e?.children ?? [], a?.children ?? [])
    if (e) {
      exp.push({
        name: e.name,
        named: e.named,
        params: e.params,
        inner: shape(e.inner),
        children: children.expected
      })
    }

    if (a) {
      act.push({
        name: a.name,
        named: a.named,
        params: a.params,
        inner: shape(a.inner),
        children: children.actual
      })
    }
  }

  return {expected: exp, actual: act}
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  // Goldmark's typographer, undone.
  ldquo: '"',
  rdquo: '"',
  lsquo: "'",
  rsquo: "'",
  laquo: '<<',
  raquo: '>>',
  hellip: '...',
  ndash: '--',
  mdash: '---'
}

/**
 * Decode the entities of rendered HTML and undo Goldmark's typographer, so
 * literal source text can be looked for in it.
 *
 * @param html
 *   Rendered HTML.
 */
export function literalText(html: string): string {
  return html.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10))
    return entities[name] ?? all
  })
}

/**
 * The comments of a page that end up in the page's HTML as is: the top-level
 * ones (comments in a body are checked as part of that body's `.Inner`).
 *
 * @param page
 *   From `lexPage`.
 */
export function topLevelComments(page: LexedPage): ShortcodeComment[] {
  return page.comments
}

/**
 * 1-based line of an offset.
 *
 * @param source
 *   The whole page.
 * @param offset
 *   UTF-16 offset.
 */
export function lineOf(source: string, offset: number): number {
  let line = 1
  for (let index = 0; index < offset && index < source.length; index++) if (source.charCodeAt(index) === 10) line++
  return line
}
