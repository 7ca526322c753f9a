/**
 * The lint cache: each page's result by its content hash, under
 * `node_modules/.cache/slamark/lint/`. An entry is used only when the page's
 * text, slamark's version, the configuration (rules, markup, the site's
 * shortcode templates), the data files it read and, for an SLA page that
 * takes "now" from the run, the run's `asOf` are all unchanged. Results
 * across pages (links, anchors, drafts, duplicate ids) are never cached:
 * the site checks run on every run over the facts of all pages, so a page
 * whose link target changed is re-checked although it did not change.
 */
import {existsSync} from 'node:fs'
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {contentHash} from '../util/content-hash.js'
import type {PageResult} from './page.js'

/** The cache file's format (2: messages as `util/plain-message`'s plain data); a file of another format is ignored. */
const cacheFormat = 2

/** One cached page. */
export interface CacheEntry {
  hash: string
  contentPath: string
  /** The run's "now" the result used (`''`: the result does not depend on it). */
  asOf: string
  result: PageResult
}

/** The cache of one configuration. */
export interface LintCache {
  /** Where it is stored. */
  file: string
  /** What every entry depends on: slamark's version and the configuration. */
  key: string
  entries: Map<string, CacheEntry>
  /** Whether anything was added since it was read. */
  changed: boolean
}

/**
 * The folder the cache lives under: the nearest folder from the working
 * folder up that has `node_modules` or `package.json`, else the working
 * folder.
 *
 * @param cwd
 *   The working folder.
 */
export function cacheFolder(cwd: string): string {
  let folder = path.resolve(cwd)
  for (;;) {
    if (existsSync(path.join(folder, 'node_modules')) || existsSync(path.join(folder, 'package.json'))) break
    const parent = path.dirname(folder)
    if (parent === folder) {
      folder = path.resolve(cwd)
      break
    }

    folder = parent
  }

  return path.join(folder, 'node_modules', '.cache', 'slamark', 'lint')
}

/**
 * Read the cache for a key; an unreadable cache, or one of another format
 * or key, is empty.
 *
 * @param cwd
 *   The working folder.
 * @param key
 *   Version and configuration, hashed.
 */
export async function loadCache(cwd: string, key: string): Promise<LintCache> {
  // One file per working folder: runs from different folders do not evict each other.
  const file = path.join(cacheFolder(cwd), `cache-${contentHash(path.resolve(cwd)).slice(0, 12)}.json`)
  const cache: LintCache = {file, key, entries: new Map(), changed: false}
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as {format?: number; key?: string; entries?: Record<string, CacheEntry>}
    if (stored.format === cacheFormat && stored.key === key && stored.entries) cache.entries = new Map(Object.entries(stored.entries))
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }

  return cache
}

/**
 * Write the cache when it changed (atomically: a reader never sees half a
 * file).
 *
 * @param cache
 *   The cache.
 */
export async function saveCache(cache: LintCache): Promise<void> {
  if (!cache.changed) return
  await mkdir(path.dirname(cache.file), {recursive: true})
  const temporary = `${cache.file}.${process.pid}.tmp`
  await writeFile(temporary, JSON.stringify({format: cacheFormat, key: cache.key, entries: Object.fromEntries(cache.entries)}))
  await rename(temporary, cache.file)
}

/**
 * The cached result of a page, when it still holds.
 *
 * @param cache
 *   The cache.
 * @param page
 *   The page's path, content path and hash.
 * @param asOfKey
 *   The "now" a result depends on in this run (`''`: none).
 * @param hashOf
 *   The current hash of a dependency (a data file), `undefined` when unreadable.
 */
export async function cachedResult(
  cache: LintCache,
  page: {path: string; contentPath: string; hash: string},
  asOfKey: (result: PageResult) => string,
  hashOf: (file: string) => Promise<string | undefined>
): Promise<PageResult | undefined> {
  const entry = cache.entries.get(page.path)
  if (!entry || entry.hash !== page.hash || entry.contentPath !== page.contentPath) return undefined
  // A result that depends on "now" holds only for the same "now"; the clock is never the same.
  const asOf = asOfKey(entry.result)
  if (entry.asOf !== asOf || asOf.startsWith('clock')) return undefined
  for (const dependency of entry.result.dependencies) {
    if ((await hashOf(dependency.path)) !== dependency.hash) return undefined
  }

  return entry.result
}

/**
 * Remember a page's result.
 *
 * @param cache
 *   The cache.
 * @param page
 *   The page's hash, content path and the "now" its result depends on (`''`: none).
 * @param result
 *   Its result.
 */
export function storeResult(cache: LintCache, page: {hash: string; contentPath: string; asOf: string}, result: PageResult): void {
  cache.entries.set(result.path, {hash: page.hash, contentPath: page.contentPath, asOf: page.asOf, result})
  cache.changed = true
}
