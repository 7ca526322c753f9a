/**
 * Which configuration files Hugo 0.111 reads for a site, in the order it
 * merges them (checked against `hugo config` in `test/site-config.test.ts`):
 *
 * 1. one root file: the first of `hugo.toml`, `hugo.yaml`, `hugo.yml`,
 *    `hugo.json`, then `config.toml` … `config.json` (the others are not
 *    read at all);
 * 2. every file of `config/_default/`, then of `config/<environment>/`, each
 *    folder in lexical order, each merged over what came before.
 *
 * Inside a configuration folder, `hugo.*` and `config.*` hold top-level
 * keys and any other file holds the table named after it (`markup.toml` is
 * the `markup` table). Names with a language part (`menus.en.toml`) are
 * language settings, which slamark does not read.
 */
import {readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {compareText} from '../util/sorted.js'

/** Extensions of configuration files, in the order Hugo tries them. */
export const configExtensions: readonly string[] = ['toml', 'yaml', 'yml', 'json']

/** Base names of a site's root configuration file, in the order Hugo tries them. */
export const rootConfigNames: readonly string[] = ['hugo', 'config']

/** One configuration file to read. */
export interface ConfigFileEntry {
  /** Absolute path. */
  path: string
  /** Path from the site folder, with `/` (`config/_default/markup.toml`). */
  relative: string
  /** The format, from the extension. */
  format: 'toml' | 'yaml' | 'json'
  /** The top-level table the file's contents go into; `[]` for the root. */
  table: string[]
}

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * Whether a path is a folder (links followed); `false` when it does not exist.
 *
 * @param folder
 *   A path.
 */
export const isFolder = (folder: string): boolean => {
  try {
    return statSync(folder).isDirectory()
  } catch {
    return false
  }
}

function formatOf(extension: string): ConfigFileEntry['format'] {
  return extension === 'json' ? 'json' : extension === 'toml' ? 'toml' : 'yaml'
}

/**
 * The site's root configuration file (`hugo.toml`, else `hugo.yaml`, …,
 * else `config.json`), if it has one.
 *
 * @param root
 *   The site folder.
 */
export function rootConfigFile(root: string): ConfigFileEntry | undefined {
  for (const name of rootConfigNames) {
    for (const extension of configExtensions) {
      const relative = `${name}.${extension}`
      const file = path.join(root, relative)
      if (isFile(file)) return {path: file, relative, format: formatOf(extension), table: []}
    }
  }

  return undefined
}

/**
 * The files of `config/_default/` and then `config/<environment>/`, in the
 * order Hugo merges them.
 *
 * @param root
 *   The site folder.
 * @param environment
 *   Hugo's environment (`production` for a build, `development` for the
 *   server).
 */
export function configFolderFiles(root: string, environment: string): ConfigFileEntry[] {
  const entries: ConfigFileEntry[] = []
  const folders = environment === '_default' ? ['_default'] : ['_default', environment]
  for (const folderName of folders) {
    const folder = path.join(root, 'config', folderName)
    if (!isFolder(folder)) continue
    // Go's directory walk visits names in byte order; later files win.
    for (const name of readdirSync(folder).sort(compareText)) {
      const match = /^([^.]+)\.([^.]+)$/.exec(name)
      if (!match || !configExtensions.includes(match[2]!.toLowerCase())) continue
      const file = path.join(folder, name)
      if (!isFile(file)) continue
      const base = match[1]!.toLowerCase()
      entries.push({
        path: file,
        relative: `config/${folderName}/${name}`,
        format: formatOf(match[2]!.toLowerCase()),
        table: rootConfigNames.includes(base) ? [] : [base]
      })
    }
  }

  return entries
}

/**
 * Whether a folder looks like a Hugo site's configuration: a root file or a
 * `config/_default/` folder.
 *
 * @param root
 *   A folder.
 */
export function hasHugoConfig(root: string): boolean {
  return rootConfigFile(root) !== undefined || isFolder(path.join(root, 'config', '_default'))
}
