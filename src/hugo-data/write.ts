/**
 * Write the Hugo data files into the site, and nowhere else: the folder
 * `data/slamark/` must resolve inside the site (a link out of it is
 * refused), each file is written beside its final name and renamed over it
 * (so a link at that name is replaced, never followed), and files of an
 * earlier run whose SLA is gone are removed. Only files that are slamark's
 * (`format` is {@link hugoDataFormat}) are ever removed.
 */
import fs from 'node:fs'
import path from 'node:path'
import {stableJson} from '../util/stable-json.js'
import {compareText} from '../util/sorted.js'
import {hugoDataFormat, type HugoPageData} from './page-data.js'

/** Where the data files go, inside the site. */
export const hugoDataFolder = path.join('data', 'slamark')

/** What {@link writeHugoData} did. */
export interface HugoDataWritten {
  /** The data folder (absolute). */
  folder: string
  /** Files written, relative to the site, sorted. */
  written: string[]
  /** slamark's files of SLAs no page has any more, removed. */
  removed: string[]
}

/**
 * Write one `<sla-id>.json` per page into the site's `data/slamark/`.
 *
 * @param siteRoot
 *   The site folder.
 * @param pages
 *   The data of every SLA page (ids are unique: the run checks them).
 * @throws {Error}
 *   When `data/slamark/` would lead out of the site.
 */
export function writeHugoData(siteRoot: string, pages: readonly HugoPageData[]): HugoDataWritten {
  const folder = dataFolderIn(siteRoot)
  fs.mkdirSync(folder, {recursive: true})
  // Checked again once made: a link put there in between is refused too.
  dataFolderIn(siteRoot)

  const written: string[] = []
  const names = new Set<string>()
  for (const data of [...pages].sort((a, b) => compareText(a.slaId, b.slaId))) {
    const name = `${data.slaId}.json`
    names.add(name)
    const target = path.join(folder, name)
    const temporary = path.join(folder, `.${name}.${process.pid}.tmp`)
    fs.rmSync(temporary, {force: true})
    fs.writeFileSync(temporary, stableJson(data), {flag: 'wx'})
    fs.renameSync(temporary, target)
    written.push(path.join(hugoDataFolder, name))
  }

  const removed: string[] = []
  for (const entry of fs.readdirSync(folder, {withFileTypes: true}).sort((a, b) => compareText(a.name, b.name))) {
    if (!entry.isFile() || !entry.name.endsWith('.json') || names.has(entry.name)) continue
    const file = path.join(folder, entry.name)
    if (!isOurs(file)) continue
    fs.rmSync(file)
    removed.push(path.join(hugoDataFolder, entry.name))
  }

  return {folder, written, removed}
}

/** `data/slamark/` of the site, refusing one that resolves outside it (through a link). */
function dataFolderIn(siteRoot: string): string {
  const root = fs.realpathSync(siteRoot)
  let resolved = root
  for (const segment of ['data', 'slamark']) {
    resolved = path.join(resolved, segment)
    if (!fs.existsSync(resolved)) return path.join(root, hugoDataFolder)
    resolved = fs.realpathSync(resolved)
    const relative = path.relative(root, resolved)
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new Error(`Unexpected \`${path.join(siteRoot, hugoDataFolder)}\` leading to \`${resolved}\`, expected a folder inside the site`)
    }
  }

  return resolved
}

/** Whether a file is one slamark wrote (small, JSON, our format). */
function isOurs(file: string): boolean {
  try {
    if (fs.statSync(file).size > 50 * 1024 * 1024) return false
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {format?: unknown}
    return data.format === hugoDataFormat
  } catch {
    return false
  }
}
