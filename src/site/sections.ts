/**
 * Hugo's sections of a site's pages, and its default order of pages in a
 * list.
 */
import {hugoPermalink} from '../render/permalink.js'
import {compareText} from '../util/sorted.js'
import {fallbackTitle, outputPathOf, parentOf} from './paths.js'
import type {SitePage, SiteSection} from './site-index.js'

/**
 * Hugo's sections: the home page, every top-level folder (with or without
 * `_index.md`), and every deeper folder with an `_index.md`. Each page is
 * listed by the nearest one above it.
 */
export function sectionsOf(pages: SitePage[]): SiteSection[] {
  const keys = new Set<string>([''])
  const indexes = new Map<string, SitePage>()
  for (const page of pages) {
    if (page.kind === 'home' || page.kind === 'section') {
      const key = parentOf(page.contentPath)
      keys.add(key)
      indexes.set(key, page)
    }

    const top = page.contentPath.split('/')[0]!
    const isLeafAtTop = page.kind === 'bundle' && parentOf(page.contentPath) === top
    if (page.contentPath.includes('/') && !isLeafAtTop) keys.add(top)
  }

  const nearest = (folder: string): string => {
    for (let current = folder; current !== ''; current = parentOf(current)) if (keys.has(current)) return current
    return ''
  }

  const sections = new Map<string, SiteSection>()
  for (const key of [...keys].sort(compareText)) {
    const page = indexes.get(key)
    const permalink = page?.permalink ?? hugoPermalink(key === '' ? '_index.md' : `${key}/_index.md`)
    sections.set(key, {key, permalink, outputPath: outputPathOf(permalink), page, title: page?.title ?? fallbackTitle(key), pages: [], sections: []})
  }

  for (const page of pages) {
    if (page.kind === 'home') continue
    const folder = parentOf(page.contentPath)
    const parent = nearest(page.kind === 'page' ? folder : parentOf(folder))
    page.parent = parent
    if (page.kind !== 'section') sections.get(parent)!.pages.push(page)
  }

  for (const section of sections.values()) {
    if (section.key === '') continue
    sections.get(nearest(parentOf(section.key)))!.sections.push(section.key)
  }

  for (const section of sections.values()) {
    section.pages.sort(hugoPageOrder)
    section.sections.sort((a, b) => hugoSectionOrder(sections.get(a)!, sections.get(b)!))
  }

  return [...sections.values()]
}

/**
 * Hugo's default page order: by weight (unweighted last), then newest
 * first, then by title, then by path. Titles are compared by code point,
 * where Hugo uses the language's collation, so the order is the same on
 * every machine.
 */
export function hugoPageOrder(a: SitePage, b: SitePage): number {
  if (a.weight !== b.weight) {
    if (a.weight === 0) return 1
    if (b.weight === 0) return -1
    return a.weight - b.weight
  }

  const dateA = Math.floor((a.date ?? 0) / 1000)
  const dateB = Math.floor((b.date ?? 0) / 1000)
  if (dateA !== dateB) return dateB - dateA
  return compareText(a.title, b.title) || compareText(a.contentPath, b.contentPath)
}

function hugoSectionOrder(a: SiteSection, b: SiteSection): number {
  if (a.page && b.page) return hugoPageOrder(a.page, b.page)
  return compareText(a.title, b.title) || compareText(a.key, b.key)
}
