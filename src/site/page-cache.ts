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
 * Layout: `manifest.json` (hashes, output files, each page's messages) and
 * `pages/<hash>.json` (one page's rendering), under the cache folder.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {LinkLookup} from './links.js'
import type {PlainFile} from '../util/plain-message.js'
import type {RenderedSitePage} from './page-render.js'

/** The manifest's format: a manifest of another format is ignored. */
const manifestFormat = 2

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
}

/** What the cache keeps of a page's rendering: what its output file is made from. */
export type CachedRendering = Pick<RenderedSitePage, 'html' | 'toc' | 'headings'>

/** The manifest of the last build. */
export interface BuildManifest {
  /** The manifest's own format (2: messages keep their place as vfile's `place`). */
  format: typeof manifestFormat
  /** Hash of the render settings: when it differs, nothing is reused. */
  settings: string
  /** Hash of what surrounds every page's content: when it differs, every page file is written again. */
  frame: string
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

  /**
   * @param folder
   *   The cache folder (created when saved).
   * @param settings
   *   Hash of this build's render settings.
   * @param frame
   *   Hash of what surrounds every page's content in this build.
   * @param outDir
   *   This build's output folder.
   */
  constructor(folder: string, settings: string, frame: string, outDir: string) {
    this.#folder = folder
    this.#previous = readManifest(path.join(folder, 'manifest.json'))
    this.#next = {format: manifestFormat, settings, frame, outDir, outputs: {}, pages: {}}
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
    try {
      return JSON.parse(readFileSync(this.#pageFile(contentPath), 'utf8')) as CachedRendering
    } catch {
      return undefined
    }
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
   * Where a page's rendering is kept (the renderer writes it there, as a
   * {@link CachedRendering}).
   *
   * @param contentPath
   *   The page.
   */
  renderingFile(contentPath: string): string {
    return this.#pageFile(contentPath)
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

  /** Write the manifest, and drop the renderings of pages that are gone. */
  save(): void {
    mkdirSync(this.#folder, {recursive: true})
    for (const contentPath of Object.keys(this.#previous?.pages ?? {})) {
      if (!(contentPath in this.#next.pages)) rmSync(this.#pageFile(contentPath), {force: true})
    }

    writeFileSync(path.join(this.#folder, 'manifest.json'), JSON.stringify(this.#next))
  }

  #pageFile(contentPath: string): string {
    return path.join(this.#folder, 'pages', `${createHash('sha256').update(contentPath).digest('hex').slice(0, 32)}.json`)
  }
}

/**
 * The output folder the last build with this cache wrote to.
 *
 * @param folder
 *   The cache folder.
 */
export function lastOutDir(folder: string): string | undefined {
  return readManifest(path.join(folder, 'manifest.json'))?.outDir
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
