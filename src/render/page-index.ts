/**
 * The pages of a Hugo site as `.Page.GetPage` finds them (Hugo 0.111's
 * `getContentNode`), for resolving the page paths of Markdown links as
 * Doks' link hook does: case-insensitive, with or without the file
 * extension, relative to the linking page's folder first (a leaf bundle's
 * parent folder, unless the path starts with `..`), then from the content
 * root. No look-up by bare file name (that is `ref`'s, not `GetPage`'s).
 */
import {hugoPermalink} from './permalink.js'
import type {LinkTarget, ResolvedLink} from './types.js'

/** A page `GetPage` found. */
export interface IndexedPage {
  kind: 'home' | 'section' | 'page'
  /** Its file under `content/`; `undefined` for a section or home page without an `_index` file. */
  contentPath: string | undefined
  /** Its relative permalink. */
  permalink: string
}

/** A content file for {@link HugoPageIndex}: its path, or its path and permalink (when `slug` or `url` moved it). */
export type IndexEntry = string | {contentPath: string; permalink: string}

const extension = /\.[^./]*$/

// Hugo's tree keys: lower case, `/`-separated, no extension.
const keyOf = (path: string): string => path.toLowerCase()

/** Go's `path.Join("/", …)` then `Clean`: `.` and `..` resolved, no trailing `/`. */
function cleanAbsolute(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }

  return `/${parts.join('/')}`
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/** The pages of one site, built once; look-ups are map reads. */
export class HugoPageIndex {
  /** Sections by key with a trailing slash (`/`, `/docs/`). */
  readonly #sections = new Map<string, IndexedPage>()
  /** Regular pages and leaf bundles by key (`/docs/sla`). */
  readonly #pages = new Map<string, IndexedPage>()
  /** Section keys, longest first, for the longest-prefix search. */
  readonly #sectionKeys: string[]

  /**
   * @param entries
   *   Every content file of the site (paths inside `content/`, with `/`).
   */
  constructor(entries: Iterable<IndexEntry>) {
    const files = [...entries].map((entry) =>
      typeof entry === 'string' ? {contentPath: entry, permalink: hugoPermalink(entry)} : entry
    )
    const leafFolders = new Set<string>()
    for (const {contentPath} of files) {
      if (baseName(contentPath).replace(extension, '') === 'index') leafFolders.add(keyOf(parentOf(contentPath)))
    }

    this.#sections.set('/', {kind: 'home', contentPath: undefined, permalink: '/'})
    for (const {contentPath, permalink} of files) {
      const folder = keyOf(parentOf(contentPath))
      const name = baseName(contentPath).replace(extension, '')
      // Hugo makes a section of every top-level folder, `_index` or not (unless it is a leaf bundle).
      const top = folder.split('/')[0]!
      if (top !== '' && !leafFolders.has(top) && !this.#sections.has(`/${top}/`)) {
        this.#sections.set(`/${top}/`, {kind: 'section', contentPath: undefined, permalink: hugoPermalink(`${top}/_index.md`)})
      }

      if (name === '_index') {
        const key = folder === '' ? '/' : `/${folder}/`
        this.#sections.set(key, {kind: folder === '' ? 'home' : 'section', contentPath, permalink})
        continue
      }

      // Files inside a leaf bundle are its resources, not pages.
      const owner = name === 'index' ? parentOf(folder) : folder
      if ([...ancestors(owner)].some((ancestor) => leafFolders.has(ancestor))) continue
      const key = name === 'index' ? `/${folder}` : `/${folder === '' ? '' : `${folder}/`}${keyOf(name)}`
      this.#pages.set(key, {kind: 'page', contentPath, permalink})
    }

    this.#sectionKeys = [...this.#sections.keys()].sort((a, b) => b.length - a.length)
  }

  /**
   * Hugo's `.Page.GetPage ref`, called from the page at `from`.
   *
   * @param ref
   *   A page path (`../sla.md`, `/docs/sla`, `sla`).
   * @param from
   *   The calling page's content path; `undefined` for the home page.
   */
  getPage(ref: string, from: string | undefined): IndexedPage | undefined {
    const wanted = keyOf(ref.trim().replace(/\\/g, '/')) || '/'
    let absolute = wanted
    if (!wanted.startsWith('/')) {
      let base = from === undefined ? '' : keyOf(parentOf(from.replace(/\\/g, '/')))
      const leaf = from !== undefined && baseName(from).replace(extension, '') === 'index'
      // A leaf bundle's relative links start from its parent folder, unless they go up explicitly.
      if (leaf && !wanted.startsWith('..')) base = parentOf(base)
      absolute = cleanAbsolute(`${base}/${wanted}`)
    }

    const found = this.#sectionOrPage(absolute)
    if (found || wanted.startsWith('/')) return found
    // "Many people will have `post/foo.md` in their content files": from the root.
    return this.#sectionOrPage(`/${wanted}`)
  }

  /**
   * The renderer's `resolveLink` option: a link's page found as Doks' link
   * hook finds it (`GetPage` of the path, then of the path without its
   * trailing `/`), from the rendered page (`contentPath`) or, for
   * `markdownify`, the home page.
   */
  readonly resolveLink = (target: LinkTarget): ResolvedLink | undefined => {
    const from = target.from === 'home' ? undefined : target.contentPath
    const page = this.getPage(target.path, from) ?? this.getPage(target.path.replace(/\/+$/, ''), from)
    return page && {url: page.permalink, kind: 'page'}
  }

  /** Hugo's `getSectionOrPage`: a section by its folder, else a page by its path without extension. */
  #sectionOrPage(ref: string): IndexedPage | undefined {
    const withSlash = ref.endsWith('/') ? ref : `${ref}/`
    const sectionKey = this.#sectionKeys.find((key) => withSlash.startsWith(key))!
    const section = this.#sections.get(sectionKey)!
    if (sectionKey === withSlash) return section
    const file = ref.slice(sectionKey.length).replace(/^\//, '')
    if (section.contentPath !== undefined && baseName(section.contentPath).toLowerCase() === file) return section
    const dot = file.lastIndexOf('.')
    let name = dot > file.lastIndexOf('/') ? file.slice(0, dot) : file
    name = name.replace(/\/_?index$/, '')
    return this.#pages.get(`${sectionKey}${name}`)
  }
}

function* ancestors(folder: string): Generator<string> {
  let current = folder
  while (current !== '') {
    yield current
    current = parentOf(current)
  }
}
