/**
 * The output folder of a site build: never one that holds the site or its
 * content, emptied (as Vite empties its `outDir`) only when it is empty or
 * an earlier slamark build, and only when the build cache has no record of
 * it (a rebuild keeps unchanged files).
 */
import {readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {readLastBuild} from './last-build.js'

/**
 * Refuse an output folder that holds the site or its content: emptying it
 * would delete them.
 *
 * @param outDir
 *   The output folder.
 * @param root
 *   The site folder.
 * @param contentDir
 *   The content folder.
 */
export function checkOutDir(outDir: string, root: string, contentDir: string): void {
  for (const [folder, what] of [[root, 'site'], [contentDir, 'content folder']] as const) {
    const relative = path.relative(outDir, folder)
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      throw new Error(`Unexpected output folder \`${outDir}\` holding the ${what}, expected a folder of its own such as \`dist\``)
    }
  }
}

/**
 * Whether the build cache recorded what the last build wrote to this output
 * folder (a rebuild: unchanged files stay).
 *
 * @param outDir
 *   The output folder (absolute).
 * @param cacheDir
 *   The build cache folder, if any.
 */
export function knownOutDir(outDir: string, cacheDir: string | undefined): boolean {
  return cacheDir !== undefined && readLastBuild(cacheDir)?.outDir === outDir
}

/**
 * Make an output folder ready for a site build: refused when it holds the
 * site or its content, emptied (as Vite empties its `outDir`) when the
 * cache has no record of what the last build wrote there.
 *
 * @param outDir
 *   The output folder (absolute).
 * @param location
 *   The site.
 * @param cacheDir
 *   The build cache folder, if any.
 * @returns
 *   Whether the cache knows the folder (a rebuild).
 */
export function prepareOutDir(outDir: string, location: {root: string; contentDir: string}, cacheDir: string | undefined): boolean {
  checkOutDir(outDir, location.root, location.contentDir)
  const known = knownOutDir(outDir, cacheDir)
  if (!known) emptyFolder(outDir)
  return known
}

/**
 * Empty an output folder for a build without a record of it, as Vite
 * empties its `outDir`, but only a folder that is empty or holds what a
 * slamark build writes (`404.html`, `sitemap.xml` and slamark's hashed
 * stylesheet): anything else (a package's compiled `dist/`, a folder of
 * other files) is refused rather than deleted.
 *
 * @param folder
 *   The output folder.
 */
export function emptyFolder(folder: string): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }

  if (names.length === 0) return
  const assets = names.includes('assets') ? safeList(path.join(folder, 'assets')) : []
  const built = names.includes('404.html') && names.includes('sitemap.xml') && assets.some((name) => /^slamark-[\w-]+\.css$/.test(name))
  if (!built) {
    throw new Error(
      `Unexpected output folder \`${folder}\` holding files of something other than a slamark build, expected an empty folder or one slamark built (remove it, or choose another with \`--out\`)`
    )
  }

  for (const name of names) rmSync(path.join(folder, name), {recursive: true, force: true})
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}
