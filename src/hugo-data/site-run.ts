/**
 * One run over a Hugo site, shared by `slamark build --hugo` and
 * `slamark export`: find the site, read its configuration (Goldmark
 * settings, content folder) and its layouts' shortcodes, then parse,
 * validate and compute every page with `createProcessor`, as `slamark lint`
 * does. With `render`, every SLA page is also rendered as the standalone
 * site renders it and its SLA shortcodes' HTML is cut out for Hugo.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {createRegistry} from '../hugo/registry.js'
import {lexPage} from '../hugo/page.js'
import {createProcessor} from '../pipeline.js'
import {discoverSite, listContentPages, type SiteLocation} from '../site/discover.js'
import {buildSiteIndex, type SitePage} from '../site/site-index.js'
import {dataFilesOf} from '../transform/data-files-report.js'
import {checkSite} from '../transform/site-checks.js'
import {hasFatal} from '../util/has-fatal.js'
import {cutFragments, markFragments} from './fragments.js'
import {pageData, type HugoPageData} from './page-data.js'

/** Options of {@link runSite}. */
export interface SiteRunOptions {
  /** The working folder: the site is found from it, messages name files relative to it. */
  cwd: string
  /** "Now" of every report (an ISO instant); default per page: `sla.asOf`, `SOURCE_DATE_EPOCH`, the clock. */
  asOf?: string | undefined
  /** Hugo's environment, whose `config/<environment>/` applies (default `production`). */
  environment?: string | undefined
  /** Render SLA pages and cut their shortcodes' HTML out (`build --hugo`); reports only without. */
  render: boolean
}

/** One content page after the run. */
export interface SitePageRun {
  page: SitePage
  /** The processed page: messages, `data.sla`, `data.slaReport`. */
  file: VFile
  /** Its Hugo data (with `render`, for a page whose SLA has a report). */
  data?: HugoPageData
}

/** What a run found. */
export interface SiteRun {
  site: SiteLocation
  /** Every page, drafts included (Hugo builds them with `-D`), by content path. */
  pages: SitePageRun[]
  /** Every file with messages to show: configuration files, pages, data files the pages read. */
  reported: VFile[]
  /** Whether any message is an error: nothing may be written. */
  fatal: boolean
}

/**
 * Run every page of the Hugo site at `folder` (with `render`, it must be a
 * site; without, a folder of pages read with Hugo's defaults will do).
 *
 * @param folder
 *   The site or content folder (relative to `options.cwd`).
 * @param options
 *   "Now", the environment, whether to render.
 * @returns
 *   The run, or a reason when `folder` is not a Hugo site.
 */
export async function runSite(folder: string, options: SiteRunOptions): Promise<SiteRun | {problem: string}> {
  const site = discoverSite(folder, {cwd: options.cwd, environment: options.environment})
  if (!site) return {problem: `Unexpected \`${folder}\`, expected the folder of a Hugo site`}
  // Hugo data goes into a site's `data/`; reports can come from a folder of pages too.
  if (site.kind !== 'site' && options.render) {
    return {problem: `Unexpected \`${folder}\`, expected a Hugo site (a folder with a Hugo configuration or a \`content/\` folder), not a folder of pages`}
  }

  const index = buildSiteIndex(site.contentDir, await listContentPages(site.contentDir), {drafts: true, cwd: options.cwd})
  const registry = createRegistry({site: site.root})
  const fragments = new WeakMap<VFile, Map<string, string>>()
  const processor = createProcessor({
    registry,
    root: site.root,
    asOf: options.asOf,
    markup: site.config.markup,
    resolveLink: index.pageIndex.resolveLink,
    breachNotice: 'top',
    onHast(root, context) {
      fragments.set(context.file, cutFragments(root, context))
      return undefined
    }
  })

  const pages: SitePageRun[] = []
  for (const page of index.pages) {
    const file = new VFile({path: path.relative(options.cwd, page.file) || page.file, cwd: options.cwd, value: page.source})
    file.data.contentPath = page.contentPath
    file.data.permalink = page.permalink
    const tree = await processor.run(processor.parse(file), file)
    const run: SitePageRun = {page, file}
    if (options.render && file.data.slaReport) {
      const marked = markFragments(tree)
      processor.stringify(tree, file)
      const sitePath = path.relative(site.root, page.file).split(path.sep).join('/')
      const data = pageData({file, sitePath, calls: lexPage(page.source, {registry}).calls, marked, html: fragments.get(file) ?? new Map()})
      if (data) run.data = data
    }

    pages.push(run)
  }

  const files = pages.map((item) => item.file)
  checkSite(files)
  const reported = [...site.config.files, ...index.files, ...files, ...dataFilesOf(files)]
  const fatal = hasFatal(reported)
  return {site, pages, reported, fatal}
}
