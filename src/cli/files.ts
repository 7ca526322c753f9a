import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {glob} from 'tinyglobby'

/** What `slamark lint` was asked to check. */
export interface Targets {
  /** Markdown files, absolute, sorted. */
  files: string[]
  /** The Hugo site whose `layouts/` declare shortcodes, when one was found. */
  site?: string
}

/**
 * Resolve the paths given on the command line: a site (a folder holding
 * `content/`), a content folder, single files, or globs. Only Markdown files
 * are taken; `node_modules` and hidden folders are skipped.
 *
 * @param inputs
 *   Paths or globs, relative to `cwd`.
 * @param cwd
 *   The working directory.
 */
export async function resolveTargets(inputs: readonly string[], cwd: string): Promise<Targets> {
  const files = new Set<string>()
  let site: string | undefined

  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const full = path.resolve(cwd, input)

    if (existsSync(full) && statSync(full).isDirectory()) {
      const content = path.join(full, 'content')
      const isSite = existsSync(content) && statSync(content).isDirectory()
      site ??= isSite ? full : existsSync(path.join(full, 'layouts')) ? full : undefined
      for (const file of await markdownIn(isSite ? content : full)) files.add(file)
    } else if (existsSync(full)) {
      files.add(full)
    } else {
      for (const file of await glob(input, {cwd, absolute: true, ignore: ['**/node_modules/**'], dot: false})) {
        if (/\.(md|markdown)$/i.test(file)) files.add(path.resolve(file))
      }
    }
  }

  const targets: Targets = {files: [...files].sort()}
  if (site) targets.site = site
  return targets
}

async function markdownIn(folder: string): Promise<string[]> {
  return glob(['**/*.md', '**/*.markdown'], {cwd: folder, absolute: true, ignore: ['**/node_modules/**']})
}
