/**
 * What the site index read from each page last time, by the hash of the
 * page's text: a rebuild reads the front matter of the pages that changed
 * only. Kept as `index.json` in the build cache folder.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {SitePage} from './site-index.js'

/** A page's index entry without what is read from disk each time. */
export type PageFacts = Omit<SitePage, 'file' | 'source' | 'parent'>

interface IndexCacheFile {
  format: 1
  pages: Record<string, {hash: string; facts: PageFacts}>
}

/** The index cache of one site. */
export class IndexCache {
  readonly #file: string
  readonly #previous: IndexCacheFile['pages']
  readonly #next: IndexCacheFile['pages'] = {}

  /**
   * @param folder
   *   The build cache folder.
   */
  constructor(folder: string) {
    this.#file = path.join(folder, 'index.json')
    let previous: IndexCacheFile | undefined
    try {
      previous = JSON.parse(readFileSync(this.#file, 'utf8')) as IndexCacheFile
    } catch {
      previous = undefined
    }

    this.#previous = previous?.format === 1 && typeof previous.pages === 'object' ? previous.pages : {}
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
    const entry = this.#previous[contentPath]
    return entry?.hash === hash ? entry.facts : undefined
  }

  /**
   * Remember a page's facts.
   *
   * @param contentPath
   *   The page.
   * @param hash
   *   Hash of its text.
   * @param facts
   *   What the index read.
   */
  set(contentPath: string, hash: string, facts: PageFacts): void {
    this.#next[contentPath] = {hash, facts}
  }

  /** Write the facts of this run's pages (pages gone are forgotten). */
  save(): void {
    mkdirSync(path.dirname(this.#file), {recursive: true})
    writeFileSync(this.#file, JSON.stringify({format: 1, pages: this.#next} satisfies IndexCacheFile))
  }
}
