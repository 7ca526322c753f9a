/**
 * slamark's site assets (the stylesheet and script in the package's `site/`
 * folder, bundled by Vite into hashed files) and what a build's assets are
 * made from: a key that changes when they would come out different, so a
 * rebuild whose key is unchanged reuses the last build's files and does not
 * start Vite at all.
 */
import {existsSync, lstatSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {contentHash} from '../util/content-hash.js'
import {compareText} from '../util/sorted.js'
import {stampOf, stampTrusted, type PageStamp} from './read-page.js'
import type {BuiltAssets} from './last-build.js'

/** The site's stylesheet and script, shipped in the package's `site/` folder. */
export const siteAssetsDir: string = fileURLToPath(new URL('../../site/', import.meta.url)).replace(/[\\/]$/, '')

/** The files of {@link siteAssetsDir} the site's entry imports, in order. */
export const siteEntryFiles: readonly string[] = ['slamark.css', 'client.js']

/** What a build's assets and copied static files are made from. */
export interface AssetInputs {
  /** Hash of slamark's and Vite's versions, the entry files' text and the static files' stamps. */
  key: string
  /** The static files, by name inside the static folder (copied to the same name in the output folder), with their stamps. */
  staticFiles: Array<{name: string; stamp: PageStamp}>
}

/**
 * What the assets of a build are made from, or `undefined` when it cannot be
 * told without Vite (a static file that is a link or cannot be read).
 *
 * @param staticDir
 *   The site's `static/` folder, or `false`.
 * @param version
 *   slamark's version.
 */
export function assetInputs(staticDir: string | false, version: string): AssetInputs | undefined {
  const staticFiles: AssetInputs['staticFiles'] = []
  try {
    if (staticDir !== false) {
      for (const entry of readdirSync(staticDir, {recursive: true, withFileTypes: true})) {
        if (entry.isDirectory()) continue
        if (!entry.isFile()) return undefined
        const file = path.join(entry.parentPath, entry.name)
        const name = path.relative(staticDir, file).split(path.sep).join('/')
        staticFiles.push({name, stamp: stampOf(lstatSync(file))})
      }
    }

    staticFiles.sort((a, b) => compareText(a.name, b.name))
    const vite = (createRequire(import.meta.url)('vite/package.json') as {version: string}).version
    const entries = siteEntryFiles.map((name) => readFileSync(path.join(siteAssetsDir, name), 'utf8'))
    return {key: contentHash(version, vite, ...entries, JSON.stringify(staticFiles)), staticFiles}
  } catch {
    return undefined
  }
}

/**
 * The last build's assets, when this build's would be the same and every
 * file is still in the output folder: its hashed files (made from the same
 * inputs) and its copies of static files that have not changed since.
 *
 * @param last
 *   The last build's assets, with when it began.
 * @param inputs
 *   What this build's assets are made from.
 * @param outDir
 *   The output folder, the one the last build wrote.
 */
export function reusableAssets(last: {assets: BuiltAssets | undefined; startedAt: number}, inputs: AssetInputs | undefined, outDir: string): BuiltAssets | undefined {
  const assets = last.assets
  if (!assets || !inputs || assets.key !== inputs.key) return undefined
  // A static file changed in the tick the last build copied it may keep its stamp: Vite copies it again.
  if (!inputs.staticFiles.every((file) => stampTrusted(file.stamp, last.startedAt))) return undefined
  const names = [...assets.files, ...inputs.staticFiles.map((file) => file.name)]
  return names.every((name) => existsSync(path.join(outDir, name))) ? assets : undefined
}
