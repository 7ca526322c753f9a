/**
 * Start a site build's render workers before anything else is loaded: they
 * load the pipeline (the slowest part of starting) while the main thread
 * loads the rest and reads the site. Light on imports on purpose: the site's
 * modules are loaded once the first worker is on its way.
 */
import path from 'node:path'
import type {SiteLocation} from './discover.js'
import {createRenderPool, type RenderPool} from './pool.js'

/**
 * The render pool for a build of `input` into `outDir`: one worker at once,
 * then as many as a first build of all its pages needs when the cache does
 * not know the output folder (a rebuild adds more once it knows how many
 * pages changed).
 *
 * @param options
 *   The input, the output folder, the cache and the working folder.
 * @returns
 *   The pool, or `undefined` (its worker stopped) when the input is not a folder.
 */
export async function startBuildWorkers(options: {input: string; outDir: string; cwd: string; cache?: string | false | null | undefined; workers?: number | null | undefined}): Promise<RenderPool | undefined> {
  const pool = createRenderPool(1, options.workers ?? undefined)
  const [{discoverSite}, {knownOutDir}, {cacheDirFor}] = await Promise.all([import('./discover.js'), import('./out-dir.js'), import('./page-cache.js')])
  const location = discoverSite(path.resolve(options.cwd, options.input), {cwd: options.cwd})
  if (!location) {
    await pool.close()
    return undefined
  }

  const known = knownOutDir(path.resolve(options.cwd, options.outDir), cacheDirFor(location, options.cache, options.cwd))
  if (!known) pool.resize(await pagesOf(location))
  return pool
}

/**
 * The render pool of a build: as many workers as a first build of all the
 * site's pages needs, one for a rebuild (more start once it is known how
 * many pages changed).
 *
 * @param location
 *   The site.
 * @param known
 *   Whether the cache knows the output folder (a rebuild).
 * @param workers
 *   The most workers (default: the machine's available parallelism).
 */
export async function buildPool(location: SiteLocation, known: boolean, workers: number | null | undefined): Promise<RenderPool> {
  return createRenderPool(known ? 1 : await pagesOf(location), workers ?? undefined)
}

async function pagesOf(location: SiteLocation): Promise<number> {
  const {listContentPages} = await import('./discover.js')
  return (await listContentPages(location.contentDir)).length
}
