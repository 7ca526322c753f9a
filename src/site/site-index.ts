/**
 * The site index: every content page of a site with what a site build and
 * cross-page checks need before any page is rendered: its kind, permalink
 * (Hugo's default rules, `slug` and `url` honoured), output file, draft
 * flag, title, weight and date, and the sections that list it. Built once
 * per run from each page's front matter, read with the same readers as the
 * pages themselves (Hugo's detection of YAML, TOML, JSON and Org), only the
 * fields it needs (`front-matter-fields.ts`).
 */
import {realpathSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {detectFrontMatter} from '../hugo/front-matter-detect.js'
import {HugoPageIndex} from '../render/page-index.js'
import {hugoPermalink} from '../render/permalink.js'
import {ruleUrl} from '../syntax/messages.js'
import {compareText} from '../util/sorted.js'
import {readIndexFields} from './front-matter-fields.js'
import {ancestorsOf, fallbackTitle, outputPathOf, parentOf, stem} from './paths.js'
import {readPage, readStampedPage, stampPage} from './read-page.js'
import {sectionsOf} from './sections.js'
import {contentHash} from '../util/content-hash.js'
import type {IndexCache, PageFacts} from './index-cache.js'
import {permalinkDuplicateRuleId} from './rules.js'
import {decodeWeak} from './weak-decode.js'

/** What a content file is to Hugo. */
export type SitePageKind = 'home' | 'section' | 'page' | 'bundle'

/** One content page of the site. */
export interface SitePage {
  /** Its path inside the content folder, with `/` (`docs/sla.md`). */
  contentPath: string
  /** Its absolute path. */
  file: string
  /**
   * `home` (`_index.md` at the top), `section` (a folder's `_index.md`, the
   * section's list page), `page` (any other Markdown file) or `bundle` (a
   * leaf bundle's `index.md`).
   */
  kind: SitePageKind
  /** Its relative permalink (`/docs/sla/`). */
  permalink: string
  /** Where the build writes it, inside the output folder, with `/` (`docs/sla/index.html`). */
  outputPath: string
  /** `draft: true` in its front matter (also as Hugo reads `"true"` or `1`). */
  draft: boolean
  /** Its `title`, else the name of its file or folder. */
  title: string
  /** Its `weight`: `0` when unset (listed after weighted pages). */
  weight: number
  /** Its `date` as epoch milliseconds, when it has a readable one. */
  date: number | undefined
  /**
   * The front matter fields the index reads (`title`, `linkTitle`, `draft`,
   * `weight`, `date`, `lastmod`, `slug`, `url`, `description`, `summary`,
   * `seo`), keys lower-cased as Hugo reads them; `{}` when it has none or
   * they do not parse.
   */
  frontMatter: Record<string, unknown>
  /**
   * The whole file. A page the index cache found unchanged is read when this
   * is first asked for (a rebuild reads only the pages it renders).
   */
  source: string
  /** Hash of its text (`contentHash`), when the index was built with a cache. */
  hash?: string | undefined
  /** The key of the section that lists it (`docs`; `''` for the home page); `undefined` for the home page itself. */
  parent: string | undefined
}

/** A list page: the home page or a section, with or without an `_index.md`. */
export interface SiteSection {
  /** Its folder inside the content folder (`docs`, `docs/guides`; `''` for home). */
  key: string
  /** Its relative permalink. */
  permalink: string
  /** Where the build writes it, inside the output folder. */
  outputPath: string
  /** Its `_index.md`, when it has one. */
  page: SitePage | undefined
  /** Its title (from `_index.md`, else the folder's name). */
  title: string
  /** The regular pages and bundles it lists, in Hugo's default order (weight, date, title, path). */
  pages: SitePage[]
  /** Its sub-sections' keys, in the same order. */
  sections: string[]
}

/** Options of {@link buildSiteIndex}. */
export interface SiteIndexOptions {
  /** Include pages marked `draft` (Hugo's `--buildDrafts`; default `false`). */
  drafts?: boolean | null | undefined
  /** The folder message paths are relative to (default: the process's working folder). */
  cwd?: string | null | undefined
  /** What the last run read from each page (a rebuild reads only the pages that changed); the caller saves it. */
  cache?: IndexCache | null | undefined
}

/** The pages and sections of one site. */
export interface SiteIndex {
  /** The content folder (absolute). */
  contentDir: string
  /** Every page that is built, sorted by content path. */
  pages: SitePage[]
  /** Drafts left out (empty with `drafts`). */
  drafts: SitePage[]
  /** Every list page, sorted by key (home first). */
  sections: SiteSection[]
  /** Hugo's `GetPage` over the built pages: the renderer's `resolveLink`. */
  pageIndex: HugoPageIndex
  /** Files with problems found while indexing (unreadable pages, permalinks used twice). */
  files: VFile[]
  /** A page by content path. */
  page(contentPath: string): SitePage | undefined
}

/**
 * Read the front matter of every page and build the site index.
 *
 * @param contentDir
 *   The content folder.
 * @param contentPaths
 *   Its pages (from `listContentPages`).
 * @param options
 *   Whether drafts are built.
 */
export function buildSiteIndex(contentDir: string, contentPaths: readonly string[], options: SiteIndexOptions = {}): SiteIndex {
  const files: VFile[] = []
  const read: SitePage[] = []
  const cwd = options.cwd ?? process.cwd()
  const realContentDir = realpathSync.native(contentDir)
  const realFolders = new Map([[path.resolve(contentDir), realContentDir]])
  const leafFolders = new Set(contentPaths.filter((item) => stem(item) === 'index').map((item) => parentOf(item)))

  for (const contentPath of [...contentPaths].sort(compareText)) {
    // Markdown inside a leaf bundle is one of its resources, not a page.
    const bundle = stem(contentPath) === 'index'
    if (leafFolders.size > 0 && ancestorsOf(bundle ? parentOf(parentOf(contentPath)) : parentOf(contentPath)).some((folder) => leafFolders.has(folder))) continue
    const file = path.join(contentDir, contentPath)
    // Stamped before it is read: a write after the stamp shows in the next build's stamp.
    const stamp = stampPage(realContentDir, file, realFolders)
    const unchanged = stamp && options.cache?.unchanged(contentPath, stamp)
    if (unchanged) {
      options.cache!.set(contentPath, unchanged.hash, stamp, unchanged.facts)
      read.push(withSourceRead({...unchanged.facts, file, parent: undefined, hash: unchanged.hash}, () => readKnownPage(realContentDir, file, cwd)))
      continue
    }

    const stamped = stamp && readStampedPage(file, stamp)
    const text = stamped === undefined ? readPage(realContentDir, file) : {ok: true as const, text: stamped}
    if (!text.ok) {
      const vfile = new VFile({path: path.relative(cwd, file)})
      const message = vfile.message(text.reason, {ruleId: 'read-error', source: 'slamark'})
      message.fatal = true
      message.note = text.hint
      message.url = ruleUrl('read-error')
      files.push(vfile)
      continue
    }

    if (!options.cache) {
      read.push(pageOf(contentDir, contentPath, text.text))
      continue
    }

    const hash = contentHash(text.text)
    const known = options.cache.get(contentPath, hash)
    const page: SitePage = known ? {...known, file, source: text.text, parent: undefined, hash} : {...pageOf(contentDir, contentPath, text.text), hash}
    // A page read the long way (a link inside the content folder) gets no stamp: it is read each time.
    options.cache.set(contentPath, hash, stamped === undefined ? undefined : stamp, factsOf(page))
    read.push(page)
  }

  const drafts = options.drafts ? [] : read.filter((page) => page.draft)
  const pages = options.drafts ? read : read.filter((page) => !page.draft)
  reportDuplicatePermalinks(pages, contentDir, cwd, files)
  const sections = sectionsOf(pages)
  const byPath = new Map(pages.map((page) => [page.contentPath, page]))
  let pageIndex: HugoPageIndex | undefined
  return {
    contentDir,
    pages,
    drafts,
    sections,
    // Made when first asked for: a site build resolves links in its render workers.
    get pageIndex() {
      pageIndex ??= new HugoPageIndex(pages.map((page) => ({contentPath: page.contentPath, permalink: page.permalink})))
      return pageIndex
    },
    files,
    page: (contentPath) => byPath.get(contentPath)
  }
}

/**
 * One page's index entry from its text.
 *
 * @param contentDir
 *   The content folder.
 * @param contentPath
 *   The page's path inside it.
 * @param source
 *   The whole file.
 */
export function pageOf(contentDir: string, contentPath: string, source: string): SitePage {
  const detected = detectFrontMatter(source)
  // Hugo lower-cases front matter keys: `Draft`, `Slug` and `URL` count too.
  const frontMatter: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(detected.block ? readIndexFields(detected.block) : {})) frontMatter[key.toLowerCase()] = value
  const field = (name: string): unknown => frontMatter[name]

  const name = stem(contentPath)
  const folder = parentOf(contentPath)
  const kind: SitePageKind = name === '_index' ? (folder === '' ? 'home' : 'section') : name === 'index' ? 'bundle' : 'page'
  const permalink = hugoPermalink(contentPath, {slug: field('slug'), url: field('url')})
  const draftValue = field('draft')
  const draft = draftValue === undefined ? false : castBool(draftValue)
  const weightValue = field('weight')
  const weight = weightValue === undefined ? 0 : decodeWeak(weightValue, 'int', 'weight')
  const title = field('title')
  return {
    contentPath,
    file: path.join(contentDir, contentPath),
    kind,
    permalink,
    outputPath: outputPathOf(permalink),
    draft,
    title: typeof title === 'string' && title !== '' ? title : fallbackTitle(kind === 'page' ? name : folder),
    weight: typeof weight === 'number' ? weight : weight.ok ? Number(weight.value) : 0,
    date: dateOf(field('date')),
    frontMatter,
    source,
    // Set by the index, once the sections are known.
    parent: undefined
  }
}

/** What the index cache keeps of a page: all but what is read from disk each time. */
function factsOf(page: SitePage): PageFacts {
  const {contentPath, kind, permalink, outputPath, draft, title, weight, date, frontMatter} = page
  return {contentPath, kind, permalink, outputPath, draft, title, weight, date, frontMatter}
}

/**
 * A page whose text is read when first asked for (and can be set, as the dev
 * server does after an edit).
 */
function withSourceRead(page: Omit<SitePage, 'source'>, read: () => string): SitePage {
  let text: string | undefined
  return Object.defineProperty(page, 'source', {
    enumerable: true,
    configurable: true,
    get: () => (text ??= read()),
    set: (value: string) => {
      text = value
    }
  }) as SitePage
}

/**
 * The text of a page the index cache vouched for. It was readable a moment
 * ago; a page made unreadable while the site is built stops the build with
 * what went wrong.
 */
function readKnownPage(realContentDir: string, file: string, cwd: string): string {
  const text = readPage(realContentDir, file)
  if (!text.ok) throw new Error(`${path.relative(cwd, file)}: ${text.reason}`)
  return text.text
}

// Hugo's `cast.ToBool`: booleans, numbers other than 0, and `strconv.ParseBool` strings; anything else is false.
function castBool(value: unknown): boolean {
  const decoded = decodeWeak(value, 'bool', 'draft')
  return decoded.ok && decoded.value === true
}

function dateOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value.trim())
  if (!match) return undefined
  // A date without an offset is in the site's zone, UTC by default (never the host's).
  const zone = match[3] === undefined ? 'Z' : match[3].length === 5 ? `${match[3].slice(0, 3)}:${match[3].slice(3)}` : match[3]
  const time = Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}${zone.toUpperCase()}`)
  return Number.isNaN(time) ? undefined : time
}

function reportDuplicatePermalinks(pages: readonly SitePage[], contentDir: string, cwd: string, files: VFile[]): void {
  const first = new Map<string, SitePage>()
  for (const page of pages) {
    const earlier = first.get(page.outputPath)
    if (!earlier) {
      first.set(page.outputPath, page)
      continue
    }

    const file = new VFile({path: path.relative(cwd, path.join(contentDir, page.contentPath)), value: page.source})
    const message = file.message(
      `Unexpected permalink \`${page.permalink}\` already used by \`${earlier.contentPath}\`, expected one page per permalink`,
      {ruleId: permalinkDuplicateRuleId, source: 'slamark'}
    )
    message.fatal = false
    message.note = 'Hugo writes both pages to the same file and the later one wins; give one of them its own `slug` or `url`'
    message.url = ruleUrl(permalinkDuplicateRuleId)
    files.push(file)
  }
}
