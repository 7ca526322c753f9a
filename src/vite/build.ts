/**
 * `slamark build`: the static site of a site or content folder, through
 * Vite (the plugin in site mode): hashed CSS and JS, one HTML file per page,
 * list pages, `404.html` and `sitemap.xml`, and the site's `static/` files.
 * A rebuild whose assets would come out as they did (same stylesheet,
 * script, static files, slamark and Vite) reuses the last build's and builds
 * the pages without loading Vite.
 */
import {rmSync} from 'node:fs'
import path from 'node:path'
import type {LogLevel} from 'vite'
import {requireSite, staticDirOf, type SiteLocation} from '../site/discover.js'
import {readLastBuild, writeLastBuild, type BuiltAssets} from '../site/last-build.js'
import type {RenderPool} from '../site/pool.js'
import {cacheDirFor} from '../site/page-cache.js'
import {prepareOutDir} from '../site/out-dir.js'
import {renderSite} from '../site/render-site.js'
import {assetInputs, reusableAssets} from '../site/site-assets.js'
import {slamarkVersion} from '../util/version.js'
import {siteBuildReport} from './emit-site.js'
import type {SiteBuildReport} from './plugin.js'
import {loadSiteState} from './site-state.js'

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** The site or content folder. */
  input: string
  /** The output folder (default `dist`, from the working folder). */
  outDir?: string | null | undefined
  /** The working folder (paths and messages are relative to it; default: the process's). */
  cwd?: string | null | undefined
  /** Build pages marked `draft`. */
  drafts?: boolean | null | undefined
  /** "Now" of the build, an ISO instant. */
  asOf?: string | null | undefined
  /** The rebuild cache folder, or `false` for none. */
  cache?: string | false | null | undefined
  /** Render workers (default: the machine's available parallelism). */
  workers?: number | null | undefined
  /** Called after each page. */
  onProgress?: ((done: number, total: number) => void) | null | undefined
  /** Vite's log level (default `silent`: the report says what matters). */
  logLevel?: LogLevel | null | undefined
  /** A render pool whose workers were started earlier (see {@link startBuildWorkers}); closed by the build. */
  pool?: RenderPool | null | undefined
}

/** What {@link buildSite} did. */
export interface BuildSiteResult extends SiteBuildReport {
  /** The output folder (absolute). */
  outDir: string
  /** Vite's error when the build failed (an error on a page, or Vite's own). */
  error: unknown
}

/**
 * Build the static site.
 *
 * @param options
 *   The input, the output folder and the build's settings.
 * @returns
 *   What was built, with every message; `fatal` when the build failed.
 *   Throws only when the input is not a folder or the build failed before
 *   any page was built.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const cwd = options.cwd ?? process.cwd()
  const input = path.resolve(cwd, options.input)
  const location = requireSite(options.input, {cwd})
  const outDir = path.resolve(cwd, options.outDir ?? 'dist')
  const cache = options.cache === undefined || options.cache === null ? undefined : options.cache === false ? false : path.resolve(cwd, options.cache)
  const cacheDir = cacheDirFor(location, cache, cwd)
  // Checked before Vite starts, so a refusal reads as one line rather than as a failed bundle.
  let known: boolean
  try {
    known = prepareOutDir(outDir, location, cacheDir)
  } catch (error) {
    await options.pool?.close()
    throw error
  }

  const inputs = cacheDir === undefined ? undefined : assetInputs(staticDirOf(location), slamarkVersion())
  const last = known && cacheDir !== undefined ? readLastBuild(cacheDir) : undefined
  const assets = last && reusableAssets(last, inputs, outDir)
  const result =
    assets && cacheDir !== undefined ? await buildPages(options, {location, input, outDir, cwd, cacheDir, assets}) : await buildWithVite(options, {location, input, outDir, cwd, cache})
  // The assets are known to match their inputs once a build made them without failing.
  const recorded = cacheDir === undefined || result.fatal ? undefined : readLastBuild(cacheDir)
  if (recorded?.assets && inputs) writeLastBuild(cacheDir!, {...recorded, assets: {...recorded.assets, key: inputs.key}})
  return result
}

/** Where a build reads and writes. */
interface BuildPlace {
  location: SiteLocation
  /** The site or content folder as given, absolute. */
  input: string
  outDir: string
  cwd: string
}

/**
 * Build through Vite: the assets bundled, the pages emitted by the plugin.
 *
 * @param options
 *   The build's options.
 * @param place
 *   The site, the output folder and the cache option.
 */
async function buildWithVite(options: BuildSiteOptions, place: BuildPlace & {cache: string | false | undefined}): Promise<BuildSiteResult> {
  const [{build}, {slamark}] = await Promise.all([import('vite'), import('./plugin.js')])
  let report: SiteBuildReport | undefined
  let error: unknown
  try {
    await build({
      configFile: false,
      root: place.location.root,
      logLevel: options.logLevel ?? 'silent',
      publicDir: staticDirOf(place.location),
      build: {outDir: place.outDir, reportCompressedSize: false},
      plugins: [
        slamark({
          content: place.input,
          site: true,
          drafts: options.drafts,
          asOf: options.asOf,
          cache: place.cache,
          cwd: place.cwd,
          workers: options.workers,
          pool: options.pool,
          onProgress: options.onProgress,
          onReport: (result) => {
            report = result
          }
        })
      ]
    })
  } catch (caught) {
    error = caught
  } finally {
    // The plugin closes the workers; a build that failed before reaching them must too (closing twice is harmless).
    await options.pool?.close()
  }

  if (!report) throw error
  return {...report, outDir: place.outDir, error, fatal: report.fatal || error !== undefined}
}

/**
 * Build the pages with the last build's assets, as the plugin builds them
 * in Vite (the same site state, render and report), without Vite.
 *
 * @param options
 *   The build's options.
 * @param place
 *   The site, the output folder, the cache folder and the assets to reuse.
 */
async function buildPages(options: BuildSiteOptions, place: BuildPlace & {cacheDir: string; assets: BuiltAssets}): Promise<BuildSiteResult> {
  try {
    const site = await loadSiteState({
      input: place.input,
      drafts: options.drafts === true,
      asOf: options.asOf ?? undefined,
      production: true,
      environment: 'production',
      cwd: place.cwd,
      cacheDir: () => place.cacheDir
    })
    const result = await renderSite({
      location: site.location,
      index: site.index,
      asOf: options.asOf ?? undefined,
      production: true,
      cwd: place.cwd,
      outDir: place.outDir,
      assets: {styles: place.assets.styles, scripts: place.assets.scripts},
      shell: site.shell,
      cacheDir: place.cacheDir,
      version: slamarkVersion(),
      workers: options.workers ?? undefined,
      onProgress: options.onProgress ?? undefined,
      pool: options.pool ?? undefined,
      assetFiles: place.assets.files,
      meanwhile: site.saveIndex
    })
    // As Vite would: a failed build leaves the last build's files in place.
    if (!result.fatal) for (const name of result.stale) rmSync(path.join(place.outDir, name), {force: true})
    return {...siteBuildReport(site, result), outDir: place.outDir, error: undefined}
  } finally {
    await options.pool?.close()
  }
}
