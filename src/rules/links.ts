/**
 * Where a page's links lead, as Hugo and Doks resolve them: Markdown links
 * through Doks' link hook (`GetPage` from the page, then from the root),
 * `ref`/`relref` as Hugo's `ref` (also by a page's file name alone when
 * that is unique), a bare `#fragment` to the page itself (the home page in
 * `details` and `card` bodies, which Doks renders with `markdownify`).
 */
import {didYouMean} from '../util/did-you-mean.js'
import type {LinkFact} from './facts.js'
import type {SiteContext, SitePage} from './rule.js'

/** Where a link leads. */
export type LinkTarget =
  | {kind: 'page'; page: SitePage}
  /** A path the site has no page for, which is certainly a page path (`.md`, or a `ref`). */
  | {kind: 'missing'}
  /** A path that may name a static file or an alias: not checked. */
  | {kind: 'unknown'}

const contentFile = /\.(?:md|markdown)$/i

/**
 * Resolve a link of `page`.
 *
 * @param link
 *   The link.
 * @param page
 *   The page it is on.
 * @param site
 *   The site.
 */
export function resolveSiteLink(link: LinkFact, page: SitePage, site: Pick<SiteContext<unknown>, 'index' | 'page' | 'pages'>): LinkTarget {
  if (link.path === '') {
    const home = link.from === 'home' ? site.index.getPage('/', undefined) : undefined
    const target = link.from === 'home' ? (home?.contentPath === undefined ? undefined : site.page(home.contentPath)) : page
    return target ? {kind: 'page', page: target} : {kind: 'unknown'}
  }

  const from = link.from === 'home' ? undefined : page.contentPath
  const found = site.index.getPage(link.path, from) ?? site.index.getPage(link.path.replace(/\/+$/, ''), from)
  const target = found?.contentPath === undefined ? undefined : site.page(found.contentPath)
  if (target) return {kind: 'page', page: target}
  if (found) return {kind: 'unknown'}

  if (link.kind !== 'link') {
    // `ref` also finds a page by its file name alone, when only one page has it.
    const name = baseName(link.path).toLowerCase()
    const named = site.pages.filter((item) => baseName(item.contentPath).toLowerCase() === name || baseName(item.contentPath).toLowerCase() === `${name}.md`)
    if (named.length === 1) return {kind: 'page', page: named[0]!}
    return {kind: 'missing'}
  }

  return contentFile.test(link.path) ? {kind: 'missing'} : {kind: 'unknown'}
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/**
 * The page a missing path most likely meant, as a path to write: by the
 * closest file name.
 *
 * @param path
 *   The path as written.
 * @param pages
 *   The site's pages.
 */
export function suggestPage(path: string, pages: readonly SitePage[]): string | undefined {
  const names = new Map<string, string>()
  for (const page of pages) names.set(baseName(page.contentPath).replace(contentFile, '').toLowerCase(), page.contentPath)
  const wanted = baseName(path).replace(contentFile, '').toLowerCase()
  const best = didYouMean(wanted, names.keys()) ?? closestByWords(wanted, [...names.keys()])
  return best === undefined ? undefined : `/${names.get(best)!}`
}

/**
 * The anchor a missing fragment most likely meant: a near spelling, else the
 * one sharing most of its words (`time-tracking-and-billing` →
 * `tracking-time-and-billing-clarity`).
 *
 * @param fragment
 *   The fragment as written.
 * @param anchors
 *   The page's anchors.
 */
export function suggestAnchor(fragment: string, anchors: readonly string[]): string | undefined {
  return didYouMean(fragment, anchors) ?? closestByWords(fragment, anchors)
}

// The candidate whose hyphen- or space-separated words overlap most with the
// value's (Dice's coefficient of the word sets), when at least half do.
function closestByWords(value: string, candidates: readonly string[]): string | undefined {
  const words = (text: string) => new Set(text.toLowerCase().split(/[-_\s/.]+/).filter((word) => word.length > 1))
  const wanted = words(value)
  let best: string | undefined
  let bestScore = 0.5
  for (const candidate of candidates) {
    const have = words(candidate)
    let common = 0
    for (const word of wanted) if (have.has(word)) common++
    const score = wanted.size + have.size === 0 ? 0 : (2 * common) / (wanted.size + have.size)
    if (score > bestScore || (score === bestScore && best !== undefined && candidate < best)) {
      best = candidate
      bestScore = score
    }
  }

  return best
}

/** Whether a fragment is one browsers handle without an element (`#top`, `#`). */
export function isBuiltinFragment(fragment: string): boolean {
  return fragment === '' || fragment.toLowerCase() === 'top'
}
