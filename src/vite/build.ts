/**
 * `slamark build`: the static site of a site or content folder, through
 * Vite (the plugin in site mode): hashed CSS and JS, one HTML file per page,
 * list pages, `404.html` and `sitemap.xml`, and the site's `static/` files.
 */
import path from 'node:path'
import {build, type LogLevel} from 'vite'
import {requireSite, staticDirOf} from '../site/discover.js'
import type {RenderPool} from '../site/pool.js'
import {cacheDirFor} from '../site/page-cache.js'
import {prepareOutDir} from '../site/out-dir.js'
import {slamark, type SiteBuildReport} from './plugin.js'

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
  // Checked before Vite starts, so a refusal reads as one line rather than as a failed bundle.
  try {
    prepareOutDir(outDir, location, cacheDirFor(location, cache, cwd))
  } catch (error) {
    await options.pool?.close()
    throw error
  }

  let report: SiteBuildReport | undefined
  let error: unknown
  try {
    await build({
      configFile: false,
      root: location.root,
      logLevel: options.logLevel ?? 'silent',
      publicDir: staticDirOf(location),
      build: {outDir, reportCompressedSize: false},
      plugins: [
        slamark({
          content: input,
          site: true,
          drafts: options.drafts,
          asOf: options.asOf,
          cache,
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
  return {...report, outDir, error, fatal: report.fatal || error !== undefined}
}
