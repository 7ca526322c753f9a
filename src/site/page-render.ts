/**
 * Render the pages of one site: one processor (`createProcessor`) with the
 * site's `markup`, Doks' render hooks, links resolved through the site's
 * pages, and one "now" for every page; each page comes back as plain data
 * (HTML, headings, front matter, validated data, the report and its
 * messages), which can cross a worker boundary and go into the cache.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import type {SlaReport} from '../engine/report.js'
import {createProcessor} from '../pipeline.js'
import type {MarkupOptions, RenderedHeading} from '../render/types.js'
import type {FrontMatter} from '../schema/frontmatter.js'
import type {Sla} from '../schema/sla.js'
import {contentHash} from '../util/content-hash.js'
import {SiteLinks, type LinkLookup} from './links.js'
import {hasFatal} from '../util/has-fatal.js'
import {toPlainFile, type PlainFile} from '../util/plain-message.js'

/** What every page of a site is rendered with; plain data, so a worker can receive it. */
export interface SiteRenderSettings {
  /** The site root: data files (`ticketsFile`) are read from here. */
  root: string
  /** The site folder whose `layouts/shortcodes/` templates declare shortcodes, when it has one. */
  site: string | undefined
  /** The content folder. */
  contentDir: string
  /** Hugo's `markup` settings of the site. */
  markup: MarkupOptions
  /**
   * "Now" of the build, an ISO instant; without it each page's own
   * `sla.asOf`, else `SOURCE_DATE_EPOCH`, else the clock.
   */
  asOf: string | undefined
  /** A production build (a fixed `sla.asOf` is then a warning). */
  production: boolean
  /** The built pages' content paths and permalinks: where links and `relref`s lead (not part of the cache key: each page's look-ups are). */
  entries: ReadonlyArray<{contentPath: string; permalink: string}>
  /** The folder message paths are relative to. */
  cwd: string
}

/** One page, rendered. */
export interface RenderedSitePage {
  contentPath: string
  /** `.Content`. */
  html: string
  /** `.TableOfContents`, or `''`. */
  toc: string
  headings: RenderedHeading[]
  /** The front matter as read. */
  frontmatter: Record<string, unknown>
  /** The validated page fields, when valid. */
  page: FrontMatter | undefined
  /** The validated `sla:` data, when valid. */
  sla: Sla | undefined
  /** The engine's report, when the SLA is valid. */
  report: SlaReport | undefined
  /** The page's messages, then those of each data file it read. */
  files: PlainFile[]
  /** The data files it read: absolute path and a hash of the text read. */
  dependencies: Array<{file: string; hash: string}>
  /** Where its links and `relref`s led: it renders the same while they lead there. */
  links: LinkLookup[]
  /** Whether any message is an error. */
  fatal: boolean
}

/** Renders one page of the site from its text. */
export type SitePageRenderer = (contentPath: string, source: string) => RenderedSitePage

/**
 * Make the renderer of a site's pages.
 *
 * @param settings
 *   What every page is rendered with.
 */
export function createSitePageRenderer(settings: SiteRenderSettings): SitePageRenderer {
  const links = new SiteLinks(settings.entries)
  const processor = createProcessor({
    site: settings.site,
    root: settings.root,
    asOf: settings.asOf,
    production: settings.production,
    markup: settings.markup,
    renderHooks: 'doks',
    resolveLink: links.resolveLink,
    resolveRef: links.resolveRef
  })

  return (contentPath, source) => {
    const file = new VFile({path: path.relative(settings.cwd, path.join(settings.contentDir, contentPath)), cwd: settings.cwd, value: source})
    file.data.contentPath = contentPath
    links.begin()
    const html = String(processor.processSync(file).value)
    const dataFiles = file.data.dataFiles ?? []
    const files = [file, ...dataFiles]
    return {
      contentPath,
      html,
      toc: file.data.toc ?? '',
      headings: file.data.headings ?? [],
      frontmatter: file.data.frontmatter ?? {},
      page: file.data.page,
      sla: file.data.sla,
      report: file.data.slaReport,
      files: files.map(toPlainFile),
      dependencies: dataFiles.map((data) => ({file: path.resolve(settings.cwd, data.path), hash: contentHash(String(data.value ?? ''))})),
      links: [...links.recorded()],
      fatal: hasFatal(files)
    }
  }
}
