/**
 * What `slamark build --hugo` writes for one SLA page
 * (`data/slamark/<sla-id>.json`): the report, and the HTML of every SLA
 * shortcode call of the page as the standalone renderer renders it, keyed
 * as Hugo's templates find their call (see `call-keys.ts`).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {SlaReport} from '../engine/report.js'
import type {ShortcodeCall} from '../hugo/types.js'
import {lineIndexFor} from '../syntax/line-index.js'
import {slaShortcodeNames} from '../transform/inject/index.js'
import {callKeys} from './call-keys.js'
import type {MarkedFragment} from './fragments.js'

/** The shape of the data file; the templates check it. */
export const hugoDataFormat = 'slamark-hugo/1'

/** One SLA shortcode call of the page, as its template needs it. */
export interface HugoCallData {
  /** The shortcode (`sla-targets`): a template finding another name here knows the data is out of date. */
  name: string
  /** `sla-value`'s path, as written. */
  path?: string
  /** Its HTML; `''` when it shows nothing (see `messages`). */
  html: string
  /** slamark's warnings at the call (`file:line:column: reason [rule]`), which the template repeats with `warnf`. */
  messages: string[]
}

/** The data file of one SLA page. */
export interface HugoPageData {
  format: typeof hugoDataFormat
  slaId: string
  /** The page's file under `content/`. */
  page: string
  /** "Now" of the report. */
  asOf: string
  /** Every SLA shortcode call of the page, by Hugo key (`3`, `5.0`). */
  calls: Record<string, HugoCallData>
  /** `sla-value`'s HTML by path, for a call the page gained since the build (the template warns, then shows this). */
  values: Record<string, string>
  /** The first call's HTML by shortcode name, for the same purpose. */
  sections: Record<string, string>
  /** The breach notice for the top of the page (the `slamark/breach-notice.html` partial); `''` without a breach. */
  breachNotice: string
  /** The engine's report. */
  report: SlaReport
}

/** What {@link pageData} reads. */
export interface PageDataInputs {
  /** The processed page (its messages, `data.slaReport`, `data.contentPath`). */
  file: VFile
  /** The page's path from the site folder, with `/` (`content/docs/sla.md`): messages name it, so the data is the same wherever the build runs. */
  sitePath: string
  /** The page's top-level shortcode calls, as Hugo's lexer finds them. */
  calls: readonly ShortcodeCall[]
  /** The filled nodes, by marker (`markFragments`). */
  marked: ReadonlyMap<string, MarkedFragment>
  /** Their HTML, by marker (`cutFragments`). */
  html: ReadonlyMap<string, string>
}

/**
 * The data file of a page whose SLA has a report; `undefined` otherwise.
 *
 * @param inputs
 *   The page, its calls and its rendered fragments.
 */
export function pageData(inputs: PageDataInputs): HugoPageData | undefined {
  const {file} = inputs
  const report = file.data.slaReport
  if (!report) return undefined

  const byOffset = new Map<number, string>()
  let breachNotice = ''
  for (const [id, fragment] of inputs.marked) {
    const html = inputs.html.get(id) ?? ''
    if (fragment.source === 'breach-notice') breachNotice = html
    else if (fragment.offset !== undefined) byOffset.set(fragment.offset, html)
  }

  const keys = callKeys(inputs.calls)
  const calls: Record<string, HugoCallData> = {}
  const values: Record<string, string> = {}
  const sections: Record<string, string> = {}
  for (const call of slaCalls(inputs.calls)) {
    const key = keys.get(call.start)!
    const html = byOffset.get(call.start) ?? ''
    const data: HugoCallData = {name: call.name, html, messages: messagesAt(file, inputs.sitePath, call.start)}
    if (html === '' && data.messages.length === 0) data.messages.push(keptAsText(inputs.sitePath, call, file))
    if (call.name === 'sla-value') {
      const path = valuePath(call)
      data.path = path
      if (html !== '' && !(path in values)) values[path] = html
    } else if (html !== '' && !(call.name in sections)) {
      sections[call.name] = html
    }

    calls[key] = data
  }

  return {
    format: hugoDataFormat,
    slaId: report.slaId,
    page: file.data.contentPath ?? inputs.sitePath,
    asOf: report.asOf,
    calls,
    values,
    sections,
    breachNotice,
    report
  }
}

/** Every call of slamark's shortcodes, nested ones included, in source order. */
function slaCalls(calls: readonly ShortcodeCall[]): ShortcodeCall[] {
  const found: ShortcodeCall[] = []
  const pending = [...calls].reverse()
  while (pending.length > 0) {
    const call = pending.pop()!
    if (slaShortcodeNames.has(call.name)) found.push(call)
    for (let index = call.children.length - 1; index >= 0; index--) pending.push(call.children[index]!)
  }

  return found
}

/**
 * Why a call without a message shows nothing: slamark keeps it as text
 * (inside code, raw HTML, a link destination, or the body of a shortcode
 * it does not render), where Hugo still runs it.
 */
function keptAsText(where: string, call: ShortcodeCall, file: VFile): string {
  const point = lineIndexFor(file).toPoint(call.start)
  return `${where}:${point.line}:${point.column}: Unexpected \`${call.name}\` where slamark keeps shortcodes as written (code, raw HTML, a link, or a shortcode it does not render), expected it in the page's Markdown: it shows nothing here`
}

/** The path `sla-value` reads: the `path` param, else the first positional one (as the injection reads it). */
function valuePath(call: ShortcodeCall): string {
  const param = call.params.find((item) => item.name === 'path') ?? call.params.find((item) => item.name === undefined)
  return param === undefined ? '' : String(param.value).trim()
}

/** slamark's messages placed at a call, as one line each. */
function messagesAt(file: VFile, where: string, offset: number): string[] {
  return file.messages.filter((message) => startOffset(message) === offset).map((message) => messageLine(where, message))
}

function startOffset(message: VFileMessage): number | undefined {
  const place = message.place
  if (!place) return undefined
  return 'start' in place ? place.start.offset : place.offset
}

/**
 * A message as one line, as Hugo's log shows it: `file:line:column: reason [rule]`.
 *
 * @param file
 *   The path to name.
 * @param message
 *   One of its messages.
 */
export function messageLine(file: string, message: VFileMessage): string {
  const place = message.place
  const point = place ? ('start' in place ? place.start : place) : undefined
  const where = point ? `${file}:${point.line}:${point.column}` : file
  return `${where}: ${message.reason}${message.ruleId ? ` [${message.ruleId}]` : ''}`
}
