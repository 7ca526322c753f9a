/**
 * The parts of a built page around its content, as HTML for the shell's
 * slots: the head (title, description, styles and scripts), the site's name,
 * the page navigation, the table of contents, the footer, the list pages'
 * content, the 404 page and `sitemap.xml`. Built as hast and printed by
 * hast-util-to-html, so every title and URL is escaped.
 */
import type {ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {SiteIndex, SitePage, SiteSection} from './site-index.js'
import type {SlotName} from './shell.js'

/** The most links one navigation list shows (a section of 2,000 pages links to its list page instead). */
export const navLimit = 40

/** The assets every page loads, by URL. */
export interface PageAssets {
  styles: readonly string[]
  scripts: readonly string[]
  /** More head HTML (the dev server's client). */
  head?: string | undefined
}

/** What the shell of one page is filled with, apart from the content. */
export interface PageFrame {
  /** The page's title (the `<h1>`). */
  title: string
  /** `<title>`: `seo.title`, else the title. */
  documentTitle: string
  description: string | undefined
  noindex: boolean
  /** The page's permalink (marked as the current page in the navigation). */
  permalink: string
  /** The key of the section it belongs to (whose pages the navigation lists). */
  section: string
  /** `.TableOfContents`, or `''`. */
  toc: string
}

const print = (nodes: ElementContent[]): string => toHtml({type: 'root', children: nodes}, {characterReferences: {useNamedReferences: true}})

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function seoField(page: SitePage | undefined, name: string): unknown {
  const seo = page?.frontMatter['seo']
  return typeof seo === 'object' && seo !== null ? (seo as Record<string, unknown>)[name] : undefined
}

/**
 * The frame of a content page or list page.
 *
 * @param page
 *   The page (`undefined` for a section without `_index.md`).
 * @param title
 *   Its title.
 * @param permalink
 *   Its permalink.
 * @param section
 *   The section it is listed in (a list page: itself).
 * @param toc
 *   Its table of contents.
 */
export function frameOf(page: SitePage | undefined, title: string, permalink: string, section: string, toc: string): PageFrame {
  return {
    title,
    documentTitle: text(seoField(page, 'title')) ?? title,
    description: text(seoField(page, 'description')) ?? text(page?.frontMatter['description']),
    noindex: seoField(page, 'noindex') === true,
    permalink,
    section,
    toc
  }
}

/**
 * The slot values of one page (all but `content`).
 *
 * @param frame
 *   The page's frame.
 * @param index
 *   The site.
 * @param siteTitle
 *   The site's name.
 * @param assets
 *   The hashed styles and scripts.
 */
export function frameSlots(frame: PageFrame, index: SiteIndex, siteTitle: string, assets: PageAssets): Partial<Record<SlotName, string>> {
  const head: ElementContent[] = [h('title', frame.documentTitle === siteTitle ? siteTitle : `${frame.documentTitle} – ${siteTitle}`)]
  if (frame.description) head.push(h('meta', {name: 'description', content: frame.description}))
  if (frame.noindex) head.push(h('meta', {name: 'robots', content: 'noindex'}))
  // No favicon of its own: an empty one, so browsers do not ask for `/favicon.ico`.
  head.push(h('link', {rel: 'icon', href: 'data:,'}))
  for (const style of assets.styles) head.push(h('link', {rel: 'stylesheet', href: style}))
  for (const script of assets.scripts) head.push(h('script', {type: 'module', src: script}))
  return {
    head: print(head) + (assets.head ?? ''),
    brand: print([h('a.site-brand', {href: '/'}, siteTitle)]),
    nav: navigation(index, frame),
    title: print([{type: 'text', value: frame.title}]),
    toc: frame.toc === '' ? '' : print([h('h2.toc-title', 'On this page')]) + frame.toc,
    footer: print([h('p', ['Built with ', h('a', {href: 'https://github.com/slamark/slamark'}, 'slamark'), '.'])])
  }
}

function link(title: string, permalink: string): ElementContent {
  return h('a', {href: permalink}, title)
}

/** Up to {@link navLimit} items around the current one, then a link to the whole list. */
function capped<T>(items: readonly T[], isCurrent: (item: T) => boolean): T[] {
  if (items.length <= navLimit) return [...items]
  const at = Math.max(0, items.findIndex(isCurrent))
  const start = Math.min(Math.max(0, at - navLimit / 2), items.length - navLimit)
  return items.slice(start, start + navLimit)
}

/**
 * The navigation: the home page, the top-level sections, and the pages and
 * sub-sections of the page's own section (each list capped at
 * {@link navLimit}, with a link to the full list), the current page's links
 * marked `aria-current`. Pages of one section share one navigation but for
 * that mark: it is built once per section (and window of a long list), and
 * the mark put in by text.
 */
function navigation(index: SiteIndex, frame: PageFrame): string {
  let site = navigations.get(index)
  if (!site) {
    site = {sections: new Map(index.sections.map((section) => [section.key, section])), built: new Map()}
    navigations.set(index, site)
  }

  const {sections, built} = site
  const own = sections.get(frame.section)
  const entries = own ? listEntries(own, sections) : []
  const window = entries.length > navLimit ? capped(entries, (entry) => entry.permalink === frame.permalink)[0]?.permalink : ''
  const key = `${frame.section}\u0000${window}`
  let html = built.get(key)
  if (html === undefined) {
    html = navigationHtml(sections, frame.section, frame.permalink)
    built.set(key, html)
  }

  const plain = print([h('a', {href: frame.permalink})]).replace('</a>', '')
  const marked = print([h('a', {href: frame.permalink, 'aria-current': 'page'})]).replace('</a>', '')
  return html.replaceAll(plain, marked)
}

/** Navigation built so far, by site. */
const navigations = new WeakMap<SiteIndex, {sections: Map<string, SiteSection>; built: Map<string, string>}>()

/**
 * Forget the navigation built for a site whose titles changed (the dev
 * server, after an edit).
 *
 * @param index
 *   The site.
 */
export function navigationChanged(index: SiteIndex): void {
  navigations.delete(index)
}

/** The navigation of a section, no link marked as current (`current` only picks the window of a long list). */
function navigationHtml(sections: Map<string, SiteSection>, sectionKey: string, current: string): string {
  const home = sections.get('')!
  const top = capped(home.sections, (key) => sectionKey === key || sectionKey.startsWith(`${key}/`))
  const items: ElementContent[] = [h('li', [link(home.title, home.permalink)])]
  for (const key of top) {
    const section = sections.get(key)!
    const open = sectionKey === key || sectionKey.startsWith(`${key}/`)
    items.push(h('li', [link(section.title, section.permalink), ...(open ? [sectionList(sections.get(sectionKey) ?? section, sections, current)] : [])]))
  }

  if (top.length < home.sections.length) items.push(h('li.nav-more', [h('a', {href: home.permalink}, `All ${home.sections.length} sections`)]))
  const own = home.pages.length > 0 && sectionKey === '' ? [sectionList(home, sections, current)] : []
  return print([h('ul.nav-sections', items), ...own])
}

function listEntries(section: SiteSection, sections: Map<string, SiteSection>): Array<{title: string; permalink: string}> {
  return [...section.sections.map((key) => sections.get(key)!), ...section.pages]
}

function sectionList(section: SiteSection, sections: Map<string, SiteSection>, current: string): ElementContent {
  const entries = listEntries(section, sections)
  const shown = capped(entries, (entry) => entry.permalink === current)
  const items = shown.map((entry) => h('li', [link(entry.title, entry.permalink)]))
  if (shown.length < entries.length) items.push(h('li.nav-more', [h('a', {href: section.permalink}, `All ${entries.length} pages`)]))
  return h('ul.nav-pages', items)
}

/**
 * What a list page shows after its `_index.md` content: its sub-sections
 * and pages, each with its description.
 *
 * @param section
 *   The section.
 * @param index
 *   The site.
 */
export function listContent(section: SiteSection, index: SiteIndex): string {
  const sections = new Map(index.sections.map((item) => [item.key, item]))
  const entry = (title: string, permalink: string, page: SitePage | undefined): ElementContent => {
    const description = text(page?.frontMatter['description']) ?? text(page?.frontMatter['summary'])
    return h('li.list-entry', [h('a.list-entry-title', {href: permalink}, title), ...(description ? [h('p.list-entry-description', description)] : [])])
  }

  const nodes: ElementContent[] = []
  if (section.sections.length > 0) {
    nodes.push(h('ul.list-sections', section.sections.map((key) => {
      const child = sections.get(key)!
      return entry(child.title, child.permalink, child.page)
    })))
  }

  if (section.pages.length > 0) nodes.push(h('ul.list-pages', section.pages.map((page) => entry(page.title, page.permalink, page))))
  return nodes.length === 0 ? '' : print([h('nav.section-list', {'aria-label': 'In this section'}, nodes)])
}

/** The content of the 404 page. */
export function notFoundContent(): string {
  return print([h('p', ['There is no page at this address. ', h('a', {href: '/'}, 'Go to the home page'), '.'])])
}

/**
 * `sitemap.xml`: every built page and list page except those marked
 * `seo.noindex`, with `lastmod` when the page has one.
 *
 * @param entries
 *   Permalinks with their pages.
 * @param baseUrl
 *   The site's `baseURL`: locations are absolute with it, root-relative without.
 */
export function sitemapXml(entries: ReadonlyArray<{permalink: string; page: SitePage | undefined}>, baseUrl: string | undefined): string {
  const base = baseUrl?.replace(/\/+$/, '') ?? ''
  const escape = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
  let xml = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
  for (const {permalink, page} of entries) {
    if (seoField(page, 'noindex') === true) continue
    const lastmod = text(page?.frontMatter['lastmod'] ?? page?.frontMatter['date'])
    xml += `  <url>\n    <loc>${escape(base + permalink)}</loc>\n${lastmod ? `    <lastmod>${escape(lastmod)}</lastmod>\n` : ''}  </url>\n`
  }

  return xml + '</urlset>\n'
}
