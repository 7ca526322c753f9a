/**
 * Build a site's pages: every content page rendered (on worker threads for
 * large sites, reused from the cache when unchanged), put in the page
 * shell, plus the list pages, the 404 page and `sitemap.xml`, each written
 * into the output folder as soon as it is made (only when its content
 * changed). Returns what was written and every message.
 */
import {readFileSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {discoverShortcodes} from '../hugo/registry.js'
import {distinctByPath} from '../transform/data-files-report.js'
import {hasFatal} from '../util/has-fatal.js'
import {fromPlainFile, type PlainFile} from '../util/plain-message.js'
import {compareText} from '../util/sorted.js'
import {PageCache, type CachedRendering} from './page-cache.js'
import {contentHash} from '../util/content-hash.js'
import {SiteLinks, type LinkLookup} from './links.js'
import type {SiteRenderSettings} from './page-render.js'
import {createRenderPool, type RenderPool} from './pool.js'
import {fillShell, type PageShell} from './shell.js'
import {frameOf, frameSlots, listContent, notFoundContent, sitemapXml, type PageAssets} from './site-html.js'
import type {SiteLocation} from './discover.js'
import type {SiteIndex, SitePage, SiteSection} from './site-index.js'

/** What {@link renderSite} builds from. */
export interface SiteRenderJob {
  location: SiteLocation
  index: SiteIndex
  /** "Now" of the build, an ISO instant (`undefined`: each page's `sla.asOf`, else `SOURCE_DATE_EPOCH`, else the clock). */
  asOf: string | undefined
  /** A production build (a fixed `sla.asOf` is then a warning). */
  production: boolean
  /** The folder message paths are relative to. */
  cwd: string
  /** The output folder (absolute); pages are written there as they are built. */
  outDir: string
  /** The hashed styles and scripts every page loads. */
  assets: PageAssets
  /** The page shell. */
  shell: PageShell
  /** The cache folder; `undefined` builds without a cache. */
  cacheDir: string | undefined
  /** slamark's version (part of every cache key). */
  version: string
  /** A pool made earlier (its workers start loading while the site is read); closed when done. */
  pool?: RenderPool | undefined
  /** Render workers, when no pool is given (default: the machine's available parallelism). */
  workers?: number | undefined
  /** Called after each page. */
  onProgress?: ((done: number, total: number) => void) | undefined
  /** Files the bundler writes into the output folder (hashed assets), recorded so a later build can remove them once unused. */
  assetFiles?: readonly string[] | undefined
  /** Work for this thread while the workers render (the site index's cache is saved then). */
  meanwhile?: (() => void) | undefined
}

/** What {@link renderSite} built. */
export interface SiteRenderResult {
  /** Files written (new or changed), by name inside the output folder. */
  written: string[]
  /** Files of the last build left as they are (unchanged). */
  kept: string[]
  /** Files of the last build to delete (pages gone, old assets). */
  stale: string[]
  /** Every file with messages: configuration, layout, pages and the data files they read. */
  files: VFile[]
  /** Whether any message is an error (the build fails). */
  fatal: boolean
  /** Pages rendered now and pages whose last rendering was reused. */
  rendered: number
  reused: number
}

/**
 * The site's title: `title` of its configuration, else the home page's.
 *
 * @param location
 *   The site.
 * @param index
 *   Its pages.
 */
export function siteTitleOf(location: SiteLocation, index: SiteIndex): string {
  const configured = location.config.raw['title']
  if (typeof configured === 'string' && configured.trim() !== '') return configured
  return index.sections.find((section) => section.key === '')?.page?.title ?? 'Home'
}

/**
 * The settings every page of a site is rendered with.
 *
 * @param location
 *   The site.
 * @param index
 *   Its pages.
 * @param job
 *   "Now", production, the working folder.
 */
export function renderSettingsOf(location: SiteLocation, index: SiteIndex, job: {asOf: string | undefined; production: boolean; cwd: string}): SiteRenderSettings {
  return {
    root: location.root,
    site: location.layoutsDir === undefined ? undefined : location.root,
    contentDir: location.contentDir,
    markup: location.config.markup,
    asOf: job.asOf,
    production: job.production,
    entries: index.pages.map((page) => ({contentPath: page.contentPath, permalink: page.permalink})),
    cwd: job.cwd
  }
}

/**
 * Build every page of a site into the output folder.
 *
 * @param job
 *   The site, its index, "now", the output folder, the assets and the cache.
 */
export async function renderSite(job: SiteRenderJob): Promise<SiteRenderResult> {
  const {location, index} = job
  const settings = renderSettingsOf(location, index, job)
  // Workers started early make the site's renderer while the cache is read and checked; each
  // page that needs rendering goes to them as soon as that is known.
  let pool = job.pool
  pool?.init(settings)
  const siteTitle = siteTitleOf(location, index)
  const shortcodes = settings.site === undefined ? {} : discoverShortcodes(settings.site)
  // Without a fixed "now", pages with an SLA change with the clock: their renderings are reused only within the same second.
  const now = job.asOf ?? process.env['SOURCE_DATE_EPOCH'] ?? new Date().toISOString().slice(0, 19)
  // Every page's permalink is not part of it: each page's link look-ups are checked instead.
  const settingsHash = contentHash(job.version, now, JSON.stringify({...settings, entries: undefined, cwd: undefined}), JSON.stringify(shortcodes))
  // Made when a page's links are to be checked: not when the site's pages are where they were.
  let links: SiteLinks | undefined
  const navigation = {
    sections: index.sections.map((section) => [section.key, section.title, section.permalink, section.sections, section.pages.map((page) => page.permalink)]),
    pages: index.pages.map((page) => [page.permalink, page.title, page.parent, page.frontMatter['seo'], page.frontMatter['description']])
  }
  const frameHash = contentHash(settingsHash, job.shell.parts.join('\u0001'), job.shell.slots.join(), JSON.stringify(job.assets), siteTitle, JSON.stringify(navigation))
  const entriesHash = contentHash(JSON.stringify(settings.entries))
  const baseUrl = location.config.raw['baseurl']
  // The list pages and the sitemap: the frame, and every index fact of every page (summaries, dates, kinds).
  const listsHash = contentHash(
    frameHash,
    String(baseUrl),
    JSON.stringify(index.pages.map((page) => [page.contentPath, page.kind, page.frontMatter])),
    JSON.stringify(index.sections.map((section) => section.page?.contentPath ?? ''))
  )
  const cache = job.cacheDir === undefined ? undefined : new PageCache(job.cacheDir, {settings: settingsHash, frame: frameHash, entries: entriesHash, lists: listsHash}, job.outDir)
  // Where every page's links and `relref`s lead depends on the pages' paths and permalinks only.
  const linksHold = (lookups: readonly LinkLookup[], contentPath: string): boolean =>
    cache!.sameEntries || lookups.length === 0 || (links ??= new SiteLinks(settings.entries)).stillResolve(lookups, contentPath)
  const writer = createWriter(job.outDir)

  const kept: string[] = []
  const pageFiles = new Map<string, PlainFile[]>()
  const write = (fileName: string, source: string): void => {
    const hash = contentHash(source)
    cache?.output(fileName, hash)
    if (cache?.unchangedOutput(fileName, hash, job.outDir)) kept.push(fileName)
    else writer.write(fileName, source)
  }

  const sections = new Map(index.sections.map((section) => [section.key, section]))
  const framed = (page: SitePage | undefined, title: string, permalink: string, sectionKey: string, rendering: CachedRendering | undefined, extra: string): string => {
    const frame = frameOf(page, title, permalink, sectionKey, rendering?.toc ?? '')
    return fillShell(job.shell, {...frameSlots(frame, index, siteTitle, job.assets), content: (rendering?.html ?? '') + extra})
  }

  const sectionOf = (page: SitePage): SiteSection | undefined =>
    page.kind === 'home' ? sections.get('') : page.kind === 'section' ? sections.get(page.contentPath.slice(0, page.contentPath.lastIndexOf('/'))) : undefined
  const outputName = (page: SitePage): string => sectionOf(page)?.outputPath ?? page.outputPath
  const output = (page: SitePage, rendering: CachedRendering): void => {
    const section = sectionOf(page)
    if (section) write(section.outputPath, framed(page, section.title, section.permalink, section.key, rendering, listContent(section, index)))
    else write(page.outputPath, framed(page, page.title, page.permalink, page.parent ?? '', rendering, ''))
  }

  // Which pages need rendering: the rest are reused, and left alone when their file is unchanged.
  const hashes = new Map<string, string | undefined>()
  const hashFile = (file: string): string | undefined => {
    if (!hashes.has(file)) {
      try {
        hashes.set(file, contentHash(readFileSync(file, 'utf8')))
      } catch {
        hashes.set(file, undefined)
      }
    }

    return hashes.get(file)
  }

  let reused = 0
  let done = 0
  const total = index.pages.length
  const toRender: SitePage[] = []
  const renders: Array<Promise<void>> = []
  const render = (page: SitePage, sourceHash: string): void => {
    if (!pool) {
      pool = createRenderPool(1, job.workers)
      pool.init(settings)
    }

    toRender.push(page)
    renders.push(
      pool.render(page.contentPath, page.source, {lean: true, cacheLog: cache?.renderingLog()}).then(({page: rendered, kept}) => {
        output(page, rendered)
        pageFiles.set(page.contentPath, rendered.files)
        cache?.keep(page.contentPath, {source: sourceHash, dependencies: rendered.dependencies, links: rendered.links, files: rendered.files, fatal: rendered.fatal, rendering: kept})
        job.onProgress?.(++done, total)
      })
    )
  }

  // Each page's text is hashed once: to look it up, and to keep it when rendered now.
  for (const page of index.pages) {
    const sourceHash = cache === undefined ? '' : (page.hash ?? contentHash(page.source))
    const cached = cache?.page(page.contentPath, sourceHash, hashFile, (lookups) => linksHold(lookups, page.contentPath))
    if (!cached) {
      render(page, sourceHash)
      continue
    }

    const fileName = outputName(page)
    const previous = cache!.previousOutput(fileName)
    if (previous !== undefined && cache!.sameOutput && cache!.unchangedOutput(fileName, previous, job.outDir)) {
      // Same text, same surroundings, file still there: nothing to do.
      cache!.output(fileName, previous)
      kept.push(fileName)
    } else {
      const rendering = cache!.rendering(page.contentPath)
      if (!rendering) {
        render(page, sourceHash)
        continue
      }

      output(page, rendering)
    }

    cache!.keep(page.contentPath, cached)
    pageFiles.set(page.contentPath, cached.files)
    reused++
    job.onProgress?.(++done, total)
  }

  // More workers for many pages (a first build, or a change every page sees).
  pool?.resize(toRender.length)
  const rendering = Promise.all(renders)

  try {
    // While the workers render: list pages of sections without `_index.md`, the 404 page and the
    // sitemap, unless all they are made from is as it was and the files are still there.
    const listNames = [...index.sections.filter((section) => !section.page).map((section) => section.outputPath), '404.html', 'sitemap.xml']
    if (!cache?.keepLists(listNames, job.outDir)) {
      for (const section of index.sections) {
        if (section.page) continue
        write(section.outputPath, framed(undefined, section.title, section.permalink, section.key, undefined, listContent(section, index)))
      }

      write('404.html', framed(undefined, 'Page not found', '/404.html', '', {html: notFoundContent(), toc: '', headings: []}, ''))
      const listed = [
        ...index.sections.map((section) => ({permalink: section.permalink, page: section.page})),
        ...index.pages.filter((page) => page.kind === 'page' || page.kind === 'bundle').map((page) => ({permalink: page.permalink, page}))
      ].sort((a, b) => compareText(a.permalink, b.permalink))
      write('sitemap.xml', sitemapXml(listed, typeof baseUrl === 'string' ? baseUrl : undefined))
    } else kept.push(...listNames)

    job.meanwhile?.()
    await rendering
  } catch (error) {
    await pool?.close()
    throw error
  }

  // The workers stop while the rest is done here.
  const closing = pool?.close()
  const written = await writer.done()

  const files = [...location.config.files, job.shell.file, ...index.files, ...pageMessages(index, pageFiles, new Set(toRender.map((page) => page.contentPath)))].filter((file) => file.messages.length > 0)
  const fatal = hasFatal(files)
  for (const fileName of job.assetFiles ?? []) cache?.output(fileName, '')
  const stale = cache?.staleOutputs() ?? []
  cache?.save({styles: [...job.assets.styles], scripts: [...job.assets.scripts], files: [...(job.assetFiles ?? [])]})
  await closing
  return {written: written.sort(compareText), kept, stale, files, fatal, rendered: toRender.length, reused}
}

/**
 * Writes files into the output folder as they come, a few at a time, so a
 * large site is never held in memory whole.
 *
 * @param outDir
 *   The output folder.
 */
function createWriter(outDir: string): {write(fileName: string, source: string): void; done(): Promise<string[]>} {
  const written: string[] = []
  const folders = new Map<string, Promise<unknown>>()
  const pending = new Set<Promise<void>>()
  let failure: unknown
  const folder = (name: string): Promise<unknown> => {
    let made = folders.get(name)
    if (!made) {
      made = mkdir(name, {recursive: true})
      folders.set(name, made)
    }

    return made
  }

  return {
    write(fileName, source) {
      const target = path.join(outDir, fileName)
      const job: Promise<void> = folder(path.dirname(target))
        .then(() => writeFile(target, source))
        .then(
          () => {
            written.push(fileName)
          },
          (error: unknown) => {
            failure ??= error
          }
        )
        .finally(() => pending.delete(job))
      pending.add(job)
    },
    async done() {
      while (pending.size > 0) await Promise.all([...pending])
      if (failure) throw failure
      return written
    }
  }
}

/**
 * The pages' messages, in page order, then each data file once with every
 * distinct message any page found in it. The pages rendered now keep their
 * text (for code frames); a page reused from the last build is not read for it.
 */
function pageMessages(index: SiteIndex, pageFiles: Map<string, PlainFile[]>, renderedNow: ReadonlySet<string>): VFile[] {
  const pages: VFile[] = []
  const read: PlainFile[] = []
  for (const page of index.pages) {
    const [own, ...dataFiles] = pageFiles.get(page.contentPath) ?? []
    if (own) pages.push(fromPlainFile(own, renderedNow.has(page.contentPath) ? {value: page.source} : {}))
    read.push(...dataFiles)
  }

  return [...pages, ...distinctByPath(read, (file) => file.messages).map(({file, messages}) => fromPlainFile({path: file.path, messages}))]
}
