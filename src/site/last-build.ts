/**
 * What the last build of a site wrote: its output folder, when it began,
 * and the hashed assets Vite made for it. Kept apart from the manifest, in
 * `last-build.json` in the build cache folder, and small, so a build reads
 * it first: whether it is a rebuild, and whether Vite has anything to do.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** The file's format: a file of another format is ignored. */
const lastBuildFormat = 1

/** The hashed assets of a build. */
export interface BuiltAssets {
  /** What they were made from (`assetInputs`), once the build that made them succeeded. */
  key: string | undefined
  /** The stylesheets and scripts every page loads, by URL. */
  styles: string[]
  scripts: string[]
  /** The files Vite wrote, by name inside the output folder. */
  files: string[]
}

/** What `last-build.json` holds. */
export interface LastBuild {
  format: typeof lastBuildFormat
  /** The output folder (absolute). */
  outDir: string
  /** When the build began (ms since the epoch). */
  startedAt: number
  assets: BuiltAssets | undefined
}

/**
 * The record of the last build with a cache folder.
 *
 * @param cacheDir
 *   The build cache folder.
 */
export function readLastBuild(cacheDir: string): LastBuild | undefined {
  try {
    const last = JSON.parse(readFileSync(path.join(cacheDir, 'last-build.json'), 'utf8')) as LastBuild
    return last.format === lastBuildFormat && typeof last.outDir === 'string' && typeof last.startedAt === 'number' ? last : undefined
  } catch {
    return undefined
  }
}

/**
 * Record a build.
 *
 * @param cacheDir
 *   The build cache folder.
 * @param build
 *   Its output folder, start and assets.
 */
export function writeLastBuild(cacheDir: string, build: Omit<LastBuild, 'format'>): void {
  mkdirSync(cacheDir, {recursive: true})
  writeFileSync(path.join(cacheDir, 'last-build.json'), JSON.stringify({format: lastBuildFormat, ...build} satisfies LastBuild))
}
