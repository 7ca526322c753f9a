/**
 * The build cache: what the last build of a site rendered, so a rebuild
 * renders only the pages that changed and writes only the files that
 * changed.
 *
 * A page's rendering is reused when its text, the data files it read, the
 * pages its links and `relref`s led to, and the site's render settings
 * (slamark's version, "now", the `markup` configuration, the shortcode
 * templates) are the same as last time. A page's output file is left as it is when, besides,
 * everything around its content (the shell, the assets, the navigation's
 * titles) is unchanged and the file is still in the output folder.
 *
 * Layout, under the cache folder: `manifest.json` (hashes, output files,
 * each page's messages and where its rendering is), `renderings/` (the
 * renderings, see `rendering-log.ts`), `index.json` (the site index's facts)
 * and `last-build.json`.
 */
import {randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {LinkLookup} from './links.js'
import type {PlainFile} from '../util/plain-message.js'
import type {RenderedSitePage} from './page-render.js'
import {writeLastBuild, type BuiltAssets} from './last-build.js'
import {RenderingReader, tidyRenderings, type RenderingPlace} from './rendering-log.js'

/** The manifest's format: a manifest of another format is ignored. */
const manifestFormat = 3

/** What the manifest keeps of one page. */
export interface CachedPage {
  /** Hash of the page's text. */
  source: string
  /** The data files it read, with hashes of their text. */
  dependencies: Array<{file: string; hash: string}>
  /** Where its links and `relref`s led. */
  links: LinkLookup[]
  /** Its messages (reported again when the page is not rendered). */
  files: PlainFile[]
  fatal: boolean
  /** Where its rendering is kept, if it is. */
  rendering?: RenderingPlace | undefined
}

/** What the cache keeps of a page's rendering: what its output file is made from. */
export type CachedRendering = Pick<RenderedSitePage, 'html' | 'toc' | 'headings'>

/** The manifest of the last build. */
export interface BuildManifest {
  /** The manifest's own format (3: renderings in logs). */
  format: typeof manifestFormat
  /** Hash of the render settings: when it differs, nothing is reused. */
  settings: string
  /** Hash of what surrounds every page's content: when it differs, every page file is written again. */
  frame: string
  /** Hash of every page's content path and permalink: while it is the same, every link leads where it led. */
  entries: string
  /** Hash of what the list pages, the 404 page and the sitemap are made from. */
  lists: string
  /** The output folder the files were written to. */
  outDir: string
  /** Every file written, by name inside the output folder, with a hash of its content. */
  outputs: Record<string, string>
  pages: Record<string, CachedPage>
}

/** The cache of one site's builds. */
export class PageCache {
  readonly #folder: string
  readonly #previous: BuildManifest | undefined
  readonly #next: BuildManifest
  readonly #startedAt = Date.now()
  /** This build's name, for the logs it writes renderings to. */
  readonly #build = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
  readonly #renderings: string
  #reader: RenderingReader | undefined

  /**
   * @param folder
   *   The cache folder (created when saved).
   * @param hashes
   *   Hashes of this build's render settings, of what surrounds every page's
   *   content, of the site's pages and permalinks, and of what the list pages
   *   are made from.
   * @param outDir
   *   This build's output folder.
   */
  constructor(folder: string, hashes: {settings: string; frame: string; entries: string; lists: string}, outDir: string) {
    this.#folder = folder
    this.#renderings = path.join(folder, 'renderings')
    this.#previous = readManifest(path.join(folder, 'manifest.json'))
    this.#next = {format: manifestFormat, ...hashes, outDir, outputs: {}, pages: {}}
  }

  /**
   * Keep the list pages, the 404 page and the sitemap of the last build as
   * they are, when what they are made from is unchanged and each file is
   * still in the output folder; `false` (nothing kept) otherwise.
   *
   * @param fileNames
   *   Their names inside the output folder.
   * @param outDir
   *   The output folder.
   */
  keepLists(fileNames: readonly string[], outDir: string): boolean {
    const previous = this.#previous
    if (!previous || previous.outDir !== this.#next.outDir || previous.lists !== this.#next.lists) return false
    if (!fileNames.every((fileName) => previous.outputs[fileName] !== undefined && this.unchangedOutput(fileName, previous.outputs[fileName], outDir))) return false
    for (const fileName of fileNames) this.output(fileName, previous.outputs[fileName]!)
    return true
  }

  /** Whether the site's pages have the content paths and permalinks of the last build: links lead where they led. */
  get sameEntries(): boolean {
    return this.#previous !== undefined && this.#previous.entries === this.#next.entries
  }

  /** Whether the last build wrote to the same output folder with the same settings and frame: its files can stay. */
  get sameOutput(): boolean {
    const previous = this.#previous
    return previous !== undefined && previous.outDir === this.#next.outDir && previous.settings === this.#next.settings && previous.frame === this.#next.frame
  }

  /** Whether the last build wrote to the same output folder (its files are known and can be pruned). */
  get knownOutput(): boolean {
    return this.#previous !== undefined && this.#previous.outDir === this.#next.outDir
  }

  /**
   * The last build's record of a page, when its text and data files are unchanged.
   *
   * @param contentPath
   *   The page.
   * @param sourceHash
   *   Hash of its text now.
   * @param hashFile
   *   Hashes a data file's text now (`undefined` when it cannot be read).
   * @param linksHold
   *   Whether the page's links still lead where they led.
   */
  page(contentPath: string, sourceHash: string, hashFile: (file: string) => string | undefined, linksHold: (links: readonly LinkLookup[]) => boolean): CachedPage | undefined {
    const previous = this.#previous
    if (!previous || previous.settings !== this.#next.settings) return undefined
    const cached = previous.pages[contentPath]
    if (!cached || cached.source !== sourceHash || !Array.isArray(cached.links)) return undefined
    return cached.dependencies.every((dependency) => hashFile(dependency.file) === dependency.hash) && linksHold(cached.links) ? cached : undefined
  }

  /**
   * The last build's rendering of a page (see {@link page} for when it holds).
   *
   * @param contentPath
   *   The page.
   */
  rendering(contentPath: string): CachedRendering | undefined {
    const place = this.#previous?.pages[contentPath]?.rendering
    if (!place) return undefined
    this.#reader ??= new RenderingReader(this.#renderings)
    return this.#reader.read(place)
  }

  /**
   * Whether an output file the last build wrote is still there with the same content.
   *
   * @param fileName
   *   Its name inside the output folder.
   * @param hash
   *   Hash of the content it should have.
   * @param outDir
   *   The output folder.
   */
  unchangedOutput(fileName: string, hash: string, outDir: string): boolean {
    return this.#previous?.outputs[fileName] === hash && existsSync(path.join(outDir, fileName))
  }

  /**
   * Remember a page for the next build.
   *
   * @param contentPath
   *   The page.
   * @param record
   *   Its manifest entry.
   */
  keep(contentPath: string, record: CachedPage): void {
    this.#next.pages[contentPath] = record
  }

  /**
   * Where this build's renderings go: the renderer appends each page's
   * rendering to `<this>-<thread>.log` (one log per render thread) and gives
   * back its place, for {@link keep}.
   */
  renderingLog(): string {
    return path.join(this.#renderings, this.#build)
  }

  /**
   * The hash of an output file as the last build wrote it.
   *
   * @param fileName
   *   Its name inside the output folder.
   */
  previousOutput(fileName: string): string | undefined {
    return this.#previous?.outputs[fileName]
  }

  /**
   * Record an output file of this build.
   *
   * @param fileName
   *   Its name inside the output folder.
   * @param hash
   *   Hash of its content.
   */
  output(fileName: string, hash: string): void {
    this.#next.outputs[fileName] = hash
  }

  /** Files the last build wrote to this output folder that this build did not. */
  staleOutputs(): string[] {
    if (!this.knownOutput) return []
    return Object.keys(this.#previous!.outputs).filter((fileName) => !(fileName in this.#next.outputs))
  }

  /**
   * Write the manifest and the record of this build, and drop the renderings
   * of pages that are gone.
   *
   * @param assets
   *   The hashed assets every page loads and the files they are in.
   */
  save(assets: Omit<BuiltAssets, 'key'>): void {
    this.#reader?.close()
    mkdirSync(this.#folder, {recursive: true})
    const places = new Map<string, RenderingPlace>()
    for (const [contentPath, page] of Object.entries(this.#next.pages)) if (page.rendering) places.set(contentPath, page.rendering)
    tidyRenderings(this.#renderings, places, `${this.#build}-tidy.log`)
    for (const [contentPath, page] of Object.entries(this.#next.pages)) page.rendering = places.get(contentPath)
    // Renderings of a manifest before format 3 were a file each.
    if (existsSync(path.join(this.#folder, 'pages'))) rmSync(path.join(this.#folder, 'pages'), {recursive: true, force: true})
    writeFileSync(path.join(this.#folder, 'manifest.json'), JSON.stringify(this.#next))
    // What the assets were made from is added by the build that knows it, once it succeeded.
    writeLastBuild(this.#folder, {outDir: this.#next.outDir, startedAt: this.#startedAt, assets: {key: undefined, ...assets}})
  }
}

function readManifest(file: string): BuildManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as BuildManifest
    return manifest.format === manifestFormat && typeof manifest.pages === 'object' && typeof manifest.outputs === 'object' ? manifest : undefined
  } catch {
    return undefined
  }
}

/**
 * Where the build cache of a site lives: inside the site, under
 * `node_modules/.cache/slamark/build`.
 *
 * @param location
 *   The site (its `root`).
 */
export function defaultCacheDir(location: {root: string}): string {
  return path.join(location.root, 'node_modules', '.cache', 'slamark', 'build')
}

/**
 * The build cache folder for a `cache` option: none for `false`, the folder
 * it names (from the working folder), else {@link defaultCacheDir}.
 *
 * @param location
 *   The site (its `root`).
 * @param cache
 *   The option.
 * @param cwd
 *   The working folder.
 */
export function cacheDirFor(location: {root: string}, cache: string | false | null | undefined, cwd: string): string | undefined {
  return cache === false ? undefined : cache ? path.resolve(cwd, cache) : defaultCacheDir(location)
}
