/**
 * Decide what a folder given on the command line is: a Hugo site (a folder
 * with a Hugo configuration or a `content/` folder, maybe `layouts/`) or a
 * content folder itself, and find its content pages.
 */
import path from 'node:path'
import {glob} from 'tinyglobby'
import {compareText} from '../util/sorted.js'
import {defaultSiteConfig, readSiteConfig, type SiteConfig, type SiteConfigOptions} from './config.js'
import {hasHugoConfig, isFolder} from './config-files.js'

/** A site, or a content folder standing alone. */
export interface SiteLocation {
  /**
   * `site`: a folder with a Hugo configuration or a `content/` folder (or a
   * site's content folder, given directly); `content`: a folder of pages
   * with no site around it.
   */
  kind: 'site' | 'content'
  /** The site folder, or the content folder itself: where data files (`ticketsFile`) are read from. */
  root: string
  /** The content folder (absolute): permalinks are counted from here. */
  contentDir: string
  /** The site's `layouts/` folder (absolute), when it has one. */
  layoutsDir: string | undefined
  /** The site's configuration (defaults, without files, for a content folder). */
  config: SiteConfig
}

/**
 * Find the site of a folder. A folder with a Hugo configuration file (or
 * `config/_default/`) or a `content/` folder is a site, its content folder
 * being the configuration's `contentDir`; a folder that is the content
 * folder of the site around it is that site; any other folder is a content
 * folder on its own, read with Hugo's default settings.
 *
 * @param folder
 *   The folder (absolute, or relative to the working folder).
 * @param options
 *   The configuration's environment and the folder messages are relative to.
 * @returns
 *   The site, or `undefined` when `folder` is not a folder.
 */
export function discoverSite(folder: string, options: SiteConfigOptions = {}): SiteLocation | undefined {
  const full = path.resolve(options.cwd ?? process.cwd(), folder)
  if (!isFolder(full)) return undefined

  if (hasHugoConfig(full) || isFolder(path.join(full, 'content'))) return siteAt(full, options)

  // `my-site/content` given directly: the site around it applies (its markup, layouts, data root).
  const parent = path.dirname(full)
  if (parent !== full && (hasHugoConfig(parent) || isFolder(path.join(parent, 'content')))) {
    const site = siteAt(parent, options)
    if (site.contentDir === full) return site
  }

  return {kind: 'content', root: full, contentDir: full, layoutsDir: undefined, config: defaultSiteConfig()}
}

/**
 * The site of a folder a command or the plugin was given; an error naming
 * the folder when it is not one.
 *
 * @param folder
 *   The folder as given (absolute, or relative to the working folder).
 * @param options
 *   The configuration's environment and the folder messages are relative to.
 */
export function requireSite(folder: string, options: SiteConfigOptions = {}): SiteLocation {
  const location = discoverSite(folder, options)
  if (!location) throw new Error(`Unexpected \`${folder}\`, expected a folder: a Hugo site or a content folder`)
  return location
}

/**
 * The site's `static/` folder, copied into the output as it is (as Vite
 * copies `public/`); `false` when it has none.
 *
 * @param location
 *   The site.
 */
export function staticDirOf(location: SiteLocation): string | false {
  const folder = path.join(location.root, 'static')
  return isFolder(folder) ? folder : false
}

function siteAt(root: string, options: SiteConfigOptions): SiteLocation {
  const config = readSiteConfig(root, options)
  const layouts = path.join(root, 'layouts')
  return {
    kind: 'site',
    root,
    contentDir: path.resolve(root, config.contentDir),
    layoutsDir: isFolder(layouts) ? layouts : undefined,
    config
  }
}

/**
 * The content pages of a content folder, as paths inside it with `/`,
 * sorted: Markdown files (`.md`, `.markdown`), leaving out what Hugo leaves
 * out (names starting with `.` or `#`, or ending with `~`) and
 * `node_modules`.
 *
 * @param contentDir
 *   The content folder.
 */
export async function listContentPages(contentDir: string): Promise<string[]> {
  return (await listContent(contentDir)).pages
}

/**
 * The content pages of a content folder (see {@link listContentPages}) and
 * every folder the listing looked into (`''` for the content folder itself),
 * whose stamps tell a later build whether the list can have changed.
 *
 * @param contentDir
 *   The content folder.
 */
export async function listContent(contentDir: string): Promise<{pages: string[]; folders: string[]}> {
  // One walk for both: the folder pattern brings every entry, so pages are picked by their extension.
  const found = await glob(['**/*.md', '**/*.markdown', '**/'], {cwd: contentDir, ignore: ['**/node_modules/**'], dot: false, onlyFiles: false})
  const pages: string[] = []
  const folders = ['']
  for (const entry of found) {
    if (entry.endsWith('/')) folders.push(entry.slice(0, -1))
    else if (/\.(?:md|markdown)$/.test(entry) && !entry.split('/').some((segment) => segment.startsWith('#') || segment.endsWith('~'))) pages.push(entry)
  }

  return {pages: pages.sort(compareText), folders}
}
