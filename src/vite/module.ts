/**
 * A content page as a JavaScript module: the same exports for every page
 * (Rolldown refuses an import of a name a module does not export), as JSON
 * literals, so nothing of the page is ever evaluated as code.
 */
import type {SlaReport} from '../engine/report.js'
import type {RenderedHeading} from '../render/types.js'
import type {FrontMatter} from '../schema/frontmatter.js'
import type {Sla} from '../schema/sla.js'
import {placeEnd, placeStart, type PlainFile} from '../util/plain-message.js'
import type {RenderedSitePage} from '../site/page-render.js'

/** One message of a page (or of a data file it read), as a page module exports it. */
export interface PageDiagnostic {
  /** The file, relative to the working folder. */
  file: string
  /** 1-based line and column of the start, and of the end, when known. */
  line: number | undefined
  column: number | undefined
  endLine: number | undefined
  endColumn: number | undefined
  ruleId: string | undefined
  severity: 'error' | 'warning'
  reason: string
  /** The hint. */
  note: string | undefined
  /** The rule's documentation. */
  url: string | undefined
}

/** What every content page module exports (`import {html} from './docs/sla.md'`). */
export interface PageModule {
  /** The front matter as read. */
  frontmatter: Record<string, unknown>
  /** The validated page fields, `null` when the front matter has errors. */
  page: FrontMatter | null
  /** The validated `sla:` data, `null` when the page has none or it has errors. */
  sla: Sla | null
  /** The engine's report of the SLA, `null` without a valid SLA. */
  report: SlaReport | null
  /** The page's content, as Hugo's `.Content`. */
  html: string
  /** Its headings with Hugo's ids. */
  headings: RenderedHeading[]
  /** Every message about the page and the data files it read. */
  diagnostics: PageDiagnostic[]
  /** Hugo's `.TableOfContents`, or `''`. */
  toc: string
  /** Its title (`title`, else its file name). */
  title: string
  /** Its permalink (`/docs/sla/`). */
  permalink: string
  /** Its path inside the content folder (`docs/sla.md`). */
  contentPath: string
}

/**
 * A page's messages as plain objects.
 *
 * @param files
 *   The page's messages, then its data files'.
 */
export function diagnosticsOf(files: readonly PlainFile[]): PageDiagnostic[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      line: placeStart(message.place)?.line,
      column: placeStart(message.place)?.column,
      endLine: placeEnd(message.place)?.line,
      endColumn: placeEnd(message.place)?.column,
      ruleId: message.ruleId,
      severity: message.fatal === true ? ('error' as const) : ('warning' as const),
      reason: message.reason,
      note: message.note,
      url: message.url
    }))
  )
}

/**
 * The module of a rendered page.
 *
 * @param rendered
 *   The page, rendered.
 * @param facts
 *   Its title and permalink (from the site index).
 * @param hot
 *   Add the development server's update hook: a re-rendered page replaces
 *   its old content in the browser (site script) instead of reloading.
 */
export function pageModuleCode(rendered: RenderedSitePage, facts: {title: string; permalink: string}, hot: boolean): string {
  const exports: PageModule = {
    frontmatter: rendered.frontmatter,
    page: rendered.page ?? null,
    sla: rendered.sla ?? null,
    report: rendered.report ?? null,
    html: rendered.html,
    headings: rendered.headings,
    diagnostics: diagnosticsOf(rendered.files),
    toc: rendered.toc,
    title: facts.title,
    permalink: facts.permalink,
    contentPath: rendered.contentPath
  }
  // `JSON.parse` of a string literal: parsed faster than an object literal, and never code.
  const lines = Object.entries(exports).map(([name, value]) => `export const ${name} = JSON.parse(${JSON.stringify(JSON.stringify(value))})`)
  lines.push(`export default {${Object.keys(exports).join(', ')}}`)
  if (hot) {
    lines.push(
      'if (import.meta.hot) {',
      '  import.meta.hot.accept((next) => {',
      "    if (next) globalThis.dispatchEvent(new CustomEvent('slamark:page-update', {detail: next.default}))",
      '  })',
      '}'
    )
  }

  return lines.join('\n') + '\n'
}
