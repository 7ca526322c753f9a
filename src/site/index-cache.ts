/**
 * What the site index read from each page last time: a rebuild neither reads
 * nor hashes a page whose file is stamped as it was (size, times, inode; see
 * `read-page.ts`), and reads the front matter only of pages whose text
 * changed; and the list of pages, taken again only when a folder of the
 * content tree changed. Kept as `index.json` in the build cache folder.
 */
import {lstatSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {sameStamp, stampOf, stampTrusted, type PageStamp} from './read-page.js'
import type {SitePage} from './site-index.js'

/** A page's index entry without what is read from disk each time. */
export type PageFacts = Omit<SitePage, 'file' | 'source' | 'parent' | 'hash'>

/** The cache file's format: a file of another format is ignored. */
const indexFormat = 3

interface IndexCacheEntry {
  /** Hash of the page's text. */
  hash: string
  /** The file's stamp before its text was read, when it had a plain one. */
  stamp: PageStamp | undefined
  facts: PageFacts
}

/** The pages a run listed, and the stamps of the folders it looked into. */
interface Listing {
  pages: string[]
  folders: Record<string, PageStamp>
}

interface IndexCacheFile {
  format: typeof indexFormat
  /** When the run that wrote the file began looking at pages (ms since the epoch). */
  checkedAt: number
  pages: Record<string, IndexCacheEntry>
  listing?: Listing | undefined
}

/** The index cache of one site. */
export class IndexCache {
  readonly #file: string
  readonly #previous: IndexCacheFile | undefined
  readonly #next: IndexCacheFile

  /**
   * @param folder
   *   The build cache folder.
   * @param now
   *   The time this run begins looking at pages (ms since the epoch; default: the clock).
   */
  constructor(folder: string, now: number = Date.now()) {
    this.#file = path.join(folder, 'index.json')
    let previous: IndexCacheFile | undefined
    try {
      previous = JSON.parse(readFileSync(this.#file, 'utf8')) as IndexCacheFile
    } catch {
      previous = undefined
    }

    const valid = previous?.format === indexFormat && typeof previous.pages === 'object' && previous.pages !== null && typeof previous.checkedAt === 'number'
    this.#previous = valid ? previous : undefined
    this.#next = {format: indexFormat, checkedAt: now, pages: {}}
  }

  /**
   * A page's hash and facts from last time, when its file is stamped as it
   * was then, and was last changed well before that run looked at it.
   *
   * @param contentPath
   *   The page.
   * @param stamp
   *   Its file's stamp now.
   */
  unchanged(contentPath: string, stamp: PageStamp): {hash: string; facts: PageFacts} | undefined {
    const entry = this.#previous?.pages[contentPath]
    if (!entry?.stamp || !sameStamp(entry.stamp, stamp) || !stampTrusted(stamp, this.#previous!.checkedAt)) return undefined
    return entry
  }

  /**
   * The content pages the last run listed, when no folder it looked into has
   * changed since (adding, removing or renaming an entry changes its folder's
   * times), and each last changed well before that run began.
   *
   * @param contentDir
   *   The content folder.
   */
  listedPages(contentDir: string): string[] | undefined {
    const listing = this.#previous?.listing
    if (!listing || !Array.isArray(listing.pages)) return undefined
    for (const [folder, recorded] of Object.entries(listing.folders)) {
      const stamp = folderStamp(path.join(contentDir, folder))
      if (!stamp || !sameStamp(stamp, recorded) || !stampTrusted(stamp, this.#previous!.checkedAt)) return undefined
    }

    return listing.pages
  }

  /**
   * Remember this run's listing with the stamps of its folders (not when
   * one is a link: what changes in the folder it leads to does not change
   * the link).
   *
   * @param contentDir
   *   The content folder.
   * @param listing
   *   The pages, and the folders listed (`''` for the content folder).
   */
  setListing(contentDir: string, listing: {pages: string[]; folders: string[]}): void {
    const folders: Record<string, PageStamp> = {}
    for (const folder of listing.folders) {
      const stamp = folderStamp(path.join(contentDir, folder))
      if (!stamp) return
      folders[folder] = stamp
    }

    this.#next.listing = {pages: listing.pages, folders}
  }

  /**
   * A page's facts from last time, when its text is the same.
   *
   * @param contentPath
   *   The page.
   * @param hash
   *   Hash of its text now.
   */
  get(contentPath: string, hash: string): PageFacts | undefined {
    const entry = this.#previous?.pages[contentPath]
    return entry?.hash === hash ? entry.facts : undefined
  }

  /**
   * Remember a page's facts.
   *
   * @param contentPath
   *   The page.
   * @param hash
   *   Hash of its text.
   * @param stamp
   *   Its file's stamp taken before the text was read, if it had one.
   * @param facts
   *   What the index read.
   */
  set(contentPath: string, hash: string, stamp: PageStamp | undefined, facts: PageFacts): void {
    this.#next.pages[contentPath] = {hash, stamp, facts}
  }

  /** Keep the last run's listing: this run found it unchanged. */
  keepListing(): void {
    this.#next.listing = this.#previous?.listing
  }

  /** Write the facts of this run's pages (pages gone are forgotten). */
  save(): void {
    mkdirSync(path.dirname(this.#file), {recursive: true})
    writeFileSync(this.#file, JSON.stringify(this.#next))
  }
}

/** A folder's stamp, or `undefined` for a link or a folder that is gone. */
function folderStamp(folder: string): PageStamp | undefined {
  try {
    const stats = lstatSync(folder)
    return stats.isDirectory() ? stampOf(stats) : undefined
  } catch {
    return undefined
  }
}
