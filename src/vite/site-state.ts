/**
 * What the plugin knows of the site, made on first use and made again when
 * the site changes shape: where it is, its pages, the page renderer (one
 * processor for every page) and the shell.
 */
import path from 'node:path'
import {listContent, listContentPages, requireSite, type SiteLocation} from '../site/discover.js'
import {IndexCache} from '../site/index-cache.js'
import type {SitePageRenderer} from '../site/page-render.js'
import {renderSettingsOf} from '../site/render-site.js'
import {loadShell, type PageShell} from '../site/shell.js'
import {navigationChanged} from '../site/site-html.js'
import {buildSiteIndex, pageOf, type SiteIndex, type SitePage, type SiteSection} from '../site/site-index.js'

/** Options the site state is made from. */
export interface SiteStateOptions {
  /** The site or content folder (absolute). */
  input: string
  /** Include drafts. */
  drafts: boolean
  /** "Now" of the build, when fixed. */
  asOf: string | undefined
  /** A production build. */
  production: boolean
  /** Hugo's environment (`production` or `development`). */
  environment: string
  /** The folder message paths are relative to. */
  cwd: string
  /** The build cache folder of a site, when the index is to be cached there. */
  cacheDir?: ((location: SiteLocation) => string | undefined) | undefined
}

/** The site, its pages and its renderer. */
export interface SiteState {
  location: SiteLocation
  index: SiteIndex
  shell: PageShell
  /** Renders one page (made on first use; the pipeline is loaded then, not before). */
  renderer(): Promise<SitePageRenderer>
  /** A page or list page by permalink. */
  byPermalink: Map<string, {page: SitePage | undefined; section: SiteSection | undefined}>
  /** A page by absolute file path. */
  byFile: Map<string, SitePage>
  /** Save what the index read for the next build, when it is cached (a build does it while its workers render). */
  saveIndex(): void
}

/**
 * Read the site.
 *
 * @param options
 *   Where it is and how it is built.
 */
export async function loadSiteState(options: SiteStateOptions): Promise<SiteState> {
  const location = requireSite(options.input, {environment: options.environment, cwd: options.cwd})
  const cacheDir = options.cacheDir?.(location)
  const cache = cacheDir === undefined ? undefined : new IndexCache(cacheDir)
  const index = buildSiteIndex(location.contentDir, await contentPagesOf(location.contentDir, cache), {drafts: options.drafts, cwd: options.cwd, cache})
  const byPermalink = new Map<string, {page: SitePage | undefined; section: SiteSection | undefined}>()
  for (const page of index.pages) if (page.kind === 'page' || page.kind === 'bundle') byPermalink.set(page.permalink, {page, section: undefined})
  for (const section of index.sections) byPermalink.set(section.permalink, {page: section.page, section})
  let renderer: Promise<SitePageRenderer> | undefined
  return {
    location,
    index,
    shell: loadShell(location.kind === 'site' ? location.root : undefined, options.cwd),
    byPermalink,
    byFile: new Map(index.pages.map((page) => [path.resolve(page.file), page])),
    saveIndex: () => cache?.save(),
    renderer() {
      renderer ??= import('../site/page-render.js').then(({createSitePageRenderer}) => createSitePageRenderer(renderSettingsOf(location, index, options)))
      return renderer
    }
  }
}

/**
 * Read an edited page's index facts again. Its title, weight and
 * description are updated in place; when its permalink or draft flag
 * changed, links to it change on other pages, and the caller reads the whole
 * site again.
 *
 * @param site
 *   The site.
 * @param file
 *   The page's absolute path.
 * @param text
 *   Its new text.
 */
export function refreshPage(site: SiteState, file: string, text: string): 'same-links' | 'links-changed' {
  const known = site.byFile.get(file)
  if (!known) return 'links-changed'
  const fresh = pageOf(site.location.contentDir, known.contentPath, text)
  if (fresh.permalink !== known.permalink || fresh.draft !== known.draft) return 'links-changed'
  Object.assign(known, {title: fresh.title, weight: fresh.weight, date: fresh.date, frontMatter: fresh.frontMatter, source: fresh.source})
  navigationChanged(site.index)
  return 'same-links'
}

/**
 * The content pages: the last build's list when the cache vouches for it,
 * else listed (and recorded for the next build).
 *
 * @param contentDir
 *   The content folder.
 * @param cache
 *   The index cache, if any.
 */
async function contentPagesOf(contentDir: string, cache: IndexCache | undefined): Promise<string[]> {
  if (!cache) return listContentPages(contentDir)
  const listed = cache.listedPages(contentDir)
  if (listed) {
    cache.keepListing()
    return listed
  }

  const listing = await listContent(contentDir)
  cache.setListing(contentDir, listing)
  return listing.pages
}
