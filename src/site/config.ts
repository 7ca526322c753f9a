/**
 * A Hugo site's configuration, read and merged as Hugo 0.111 merges it
 * (see `config-files.ts` for which files, in which order): keys are
 * case-insensitive (Hugo lower-cases them), tables are merged key by key and
 * a later value replaces an earlier one. slamark reads the parts that shape
 * its output, `markup` and `contentDir`; every value keeps the file and the
 * place it was written, so a bad value is reported where it is.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {readFormat} from '../frontmatter/index.js'
import type {KeyPath, Locate} from '../frontmatter/types.js'
import type {Diagnostic} from '../hugo/diagnostic.js'
import type {MarkupOptions} from '../render/types.js'
import {lineIndexFor} from '../syntax/line-index.js'
import {report} from '../syntax/messages.js'
import {readDataFile} from '../transform/read-data-file.js'
import {configExtensions, configFolderFiles, rootConfigFile, type ConfigFileEntry} from './config-files.js'
import {decodeMarkup} from './markup.js'
import {configNotMappingRuleId, configUnreadableRuleId, configUnsupportedRuleId} from './rules.js'
import {decodeWeak} from './weak-decode.js'
import {isRecord} from '../util/is-record.js'

/** Options of {@link readSiteConfig}. */
export interface SiteConfigOptions {
  /**
   * Hugo's environment, whose `config/<environment>/` files are merged over
   * `config/_default/` (default `production`, as `hugo` builds;
   * `hugo server` uses `development`).
   */
  environment?: string | null | undefined
  /** The folder message paths are relative to (default: the process's working folder). */
  cwd?: string | null | undefined
}

/** Where a configuration value was written. */
export interface ConfigOrigin {
  /** The configuration file, to report on. */
  file: VFile
  /** Its values' positions. */
  locate: Locate
  /** The value's key path in that file, as written there. */
  path: KeyPath
}

/** A site's configuration, as slamark uses it. */
export interface SiteConfig {
  /** The content folder, relative to the site folder (Hugo's `contentDir`, default `content`). */
  contentDir: string
  /** Hugo's `markup` settings, for the renderer. */
  markup: MarkupOptions
  /**
   * The whole merged configuration as Hugo holds it: keys lower-cased,
   * tables merged, later files winning.
   */
  raw: Record<string, unknown>
  /**
   * The configuration files read, in merge order, each a vfile (path
   * relative to the working folder) with the problems found in it. A fatal
   * message is one Hugo stops the build on.
   */
  files: VFile[]
  /** Where a value of {@link raw} was written (by its lower-cased key path). */
  originOf(path: readonly string[]): ConfigOrigin | undefined
}

/** Settings that move pages or links in ways slamark's build does not follow. */
const unsupportedSettings: Record<string, string> = {
  permalinks: 'Pages are built at Hugo’s default permalinks (`docs/a.md` → `/docs/a/`); set `url` or `slug` in a page’s front matter instead',
  uglyurls: 'Pages are built as `<permalink>/index.html`; remove `uglyURLs`'
}

/**
 * Read a site's configuration files and merge them as Hugo does. Never
 * throws: unreadable files and bad values are messages on the files.
 *
 * @param root
 *   The site folder.
 * @param options
 *   The environment.
 */
export function readSiteConfig(root: string, options: SiteConfigOptions = {}): SiteConfig {
  const entries: ConfigFileEntry[] = []
  const main = rootConfigFile(root)
  if (main) entries.push(main)
  entries.push(...configFolderFiles(root, options.environment ?? 'production'))

  const raw: Record<string, unknown> = {}
  const origins = new Map<string, ConfigOrigin>()
  const files: VFile[] = []

  for (const entry of entries) {
    const file = new VFile({path: path.relative(options.cwd ?? process.cwd(), entry.path) || entry.path})
    files.push(file)
    const read = readDataFile(root, entry.relative, configExtensions.map((extension) => `.${extension}`))
    if (!read.ok) {
      const message = file.message(read.reason, {ruleId: configUnreadableRuleId, source: 'slamark'})
      message.fatal = true
      message.note = read.hint
      continue
    }

    file.value = read.text
    const lines = lineIndexFor(file)
    const result = readFormat(entry.format, read.text, 0, 'configuration')
    for (const item of result.diagnostics) report(file, item, lines)
    if (result.value === undefined || result.value === null) continue
    if (!isRecord(result.value)) {
      report(file, notMapping(result.value, result.locate), lines)
      continue
    }

    mergeInto(raw, entry.table, result.value, [], {file, locate: result.locate}, origins)
  }

  const originOf = (keys: readonly string[]): ConfigOrigin | undefined => origins.get(keys.join('\u0000'))
  const problems: Array<{path: string[]; item: Diagnostic}> = []
  const markup = decodeMarkup(raw['markup'], (keys, item) => problems.push({path: ['markup', ...keys], item}))

  let contentDir = 'content'
  if (raw['contentdir'] !== undefined) {
    const decoded = decodeWeak(raw['contentdir'], 'string', 'contentDir')
    if (decoded.ok && decoded.value !== '') contentDir = decoded.value as string
    else if (!decoded.ok) problems.push({path: ['contentdir'], item: decoded.problem})
  }

  for (const [key, hint] of Object.entries(unsupportedSettings)) {
    if (raw[key] === undefined || raw[key] === false) continue
    problems.push({
      path: [key],
      item: {
        ruleId: configUnsupportedRuleId,
        severity: 'warning',
        reason: `Unexpected \`${key === 'uglyurls' ? 'uglyURLs' : key}\` setting, expected Hugo’s default URLs, which slamark builds`,
        hint,
        start: 0,
        end: 0
      }
    })
  }

  for (const {path: keys, item} of problems) reportAt(originOf(keys), item)
  for (const file of files) file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  return {contentDir, markup, raw, files, originOf}
}

/** The configuration of a site without configuration files: Hugo's defaults. */
export function defaultSiteConfig(): SiteConfig {
  return {contentDir: 'content', markup: {}, raw: {}, files: [], originOf: () => undefined}
}

/**
 * Report a problem with a merged value on the file that wrote it, at the
 * value (or its key when the value has no place of its own).
 *
 * @param origin
 *   Where the value was written.
 * @param item
 *   The problem; its offsets are replaced by the value's.
 */
function reportAt(origin: ConfigOrigin | undefined, item: Diagnostic): void {
  if (!origin) return
  const where = origin.locate(origin.path)
  const start = where?.start ?? 0
  report(origin.file, {...item, start, end: where?.end ?? start}, lineIndexFor(origin.file))
}

function notMapping(value: unknown, locate: Locate): Diagnostic {
  const where = locate([])
  return {
    ruleId: configNotMappingRuleId,
    severity: 'error',
    reason: `Unexpected ${Array.isArray(value) ? 'list' : typeof value}, expected a mapping of settings`,
    hint: 'A configuration file holds named settings (`baseURL = "…"`, `[markup]` tables)',
    start: where?.start ?? 0,
    end: where?.end ?? 0
  }
}

/**
 * Merge a file's table into the configuration as Hugo's `Params.Set` does:
 * keys lower-cased, tables merged, anything else replaced.
 *
 * @param target
 *   The merged configuration.
 * @param at
 *   Where the file's table goes (`['markup']` for `markup.toml`).
 * @param value
 *   The file's table.
 * @param written
 *   Its key path in the file, as written.
 * @param source
 *   The file.
 * @param origins
 *   Origins by lower-cased key path, updated.
 */
function mergeInto(
  target: Record<string, unknown>,
  at: readonly string[],
  value: Record<string, unknown>,
  written: KeyPath,
  source: {file: VFile; locate: Locate},
  origins: Map<string, ConfigOrigin>
): void {
  let table = target
  for (const key of at) {
    if (!isRecord(table[key])) table[key] = {}
    table = table[key] as Record<string, unknown>
  }

  for (const [key, item] of Object.entries(value)) {
    const lower = key.toLowerCase()
    const keys = [...at, lower]
    const itemWritten = [...written, key]
    origins.set(keys.join('\u0000'), {...source, path: itemWritten})
    if (isRecord(item)) {
      if (!isRecord(table[lower])) table[lower] = {}
      mergeInto(target, keys, item, itemWritten, source, origins)
    } else {
      table[lower] = item
    }
  }
}
