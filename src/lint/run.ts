/**
 * One run of `slamark lint`: find the pages, lint those the cache does not
 * hold (over worker threads), run the site checks over every page, and give
 * back the files to report: the pages asked for (with `--changed-since`,
 * the changed pages and those linking into them) and the data files they
 * read.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {VFile} from 'vfile'
import {resolveTargets} from '../cli/files.js'
import {discoverShortcodes} from '../hugo/registry.js'
import {HugoPageIndex} from '../render/page-index.js'
import type {MarkupOptions, RenderOptions} from '../render/types.js'
import {discoverSite, listContentPages} from '../site/discover.js'
import type {SiteConfig} from '../site/config.js'
import {emptyFacts, type LinkFact} from '../rules/facts.js'
import {resolveSiteLink} from '../rules/links.js'
import type {SitePage} from '../rules/rule.js'
import {compareText} from '../util/sorted.js'
import {contentHash} from '../util/content-hash.js'
import {cachedResult, loadCache, saveCache, storeResult} from './cache.js'
import {changedFiles} from './changed.js'
import type {LoadedConfig} from './config.js'
import type {PageInput, PageLinterOptions, PageResult} from './page.js'
import {distinctByPath} from '../transform/data-files-report.js'
import {addPlain, fromPlainFile} from '../util/plain-message.js'
import {applySeverities, checkSite, finishPage, sortMessages, type RuleSettings, type SiteFile} from './site.js'

/** Options of {@link runLint}. */
export interface LintRunOptions {
  cwd: string
  /** Sites, content folders, files or globs (default: the working folder). */
  inputs: readonly string[]
  config: LoadedConfig
  /** "Now" (default: `sla.asOf`, else `SOURCE_DATE_EPOCH`, else the clock). */
  asOf?: string | undefined
  /** SLA notices are errors. */
  failOnBreach?: boolean | undefined
  /** Report only pages changed since this git ref and the pages linking into them. */
  changedSince?: string | undefined
  /** Use and update the cache (default `true`). */
  cache?: boolean | undefined
  /** Threads at most (default: the machine's parallelism). */
  jobs?: number | undefined
  /** slamark's version (part of the cache key). */
  version: string
}

/** What a run found. */
export interface LintRunResult {
  /** The pages reported on, then the data files they read, each with its final messages. */
  files: VFile[]
  /** With `--changed-since`: the changed pages' paths as reported (the rest were selected for linking into them). */
  changed: string[] | undefined
  /** How many pages the site has. */
  pages: number
}

/** Nothing to lint, or the input cannot be used (exit 2). */
export class LintUsageError extends Error {}

interface SitePlan {
  /** Where data files are read from and `layouts/` is. */
  site: string | undefined
  /** The folder content paths start from. */
  contentRoot: string
  /** Every page of the site, absolute. */
  all: string[]
  /** The pages asked for, absolute. */
  selected: Set<string>
  /** The site's Hugo configuration, when there is a site. */
  siteConfig: SiteConfig | undefined
}

/**
 * Lint a site.
 *
 * @param options
 *   What to lint and how.
 */
export async function runLint(options: LintRunOptions): Promise<LintRunResult> {
  const {cwd, config} = options
  const plan = await planSite(options)
  if (plan.selected.size === 0) {
    throw new LintUsageError(`Unexpected empty selection, expected Markdown files in ${options.inputs.join(', ') || '.'}`)
  }

  const settings: RuleSettings = {rules: config.config.rules ?? {}, failOnBreach: options.failOnBreach ?? config.config.failOnBreach ?? false}
  const render: RenderOptions = {}
  // The site's own `markup` settings, with slamark.config's on top.
  const markup = mergeMarkup(plan.siteConfig?.markup, config.config.markup)
  if (markup) render.markup = markup
  if (config.config.headingIdInput) render.headingIdInput = config.config.headingIdInput
  const linterOptions: PageLinterOptions = {
    cwd,
    root: plan.site ?? cwd,
    rules: settings.rules,
    render,
    failOnBreach: settings.failOnBreach
  }
  if (plan.site) linterOptions.site = plan.site
  if (config.config.shortcodes) linterOptions.shortcodes = config.config.shortcodes
  if (options.asOf) linterOptions.asOf = options.asOf

  // Read every page (the site checks need them all), then lint what the cache does not hold.
  // Read one after the other: for thousands of small files, a plain read each beats as many promises.
  const pages = plan.all.map((full) => {
    const input: PageInput = {path: path.relative(cwd, full) || full, contentPath: contentPathOf(full, plan), source: ''}
    let readError: string | undefined
    try {
      input.source = readFileSync(full, 'utf8')
    } catch (error) {
      readError = String(error)
    }

    return {full, input, hash: contentHash(input.source), readError}
  })

  // The "now" a result depends on: none without an SLA; `--as-of` when given; the page's own `sla.asOf`; else the run's.
  const runNow = process.env.SOURCE_DATE_EPOCH ? `epoch:${process.env.SOURCE_DATE_EPOCH}` : `clock:${Date.now()}`
  const asOfKey = (result: PageResult) => (!result.usesAsOf ? '' : (options.asOf ?? (result.ownAsOf ? 'page' : runNow)))
  const key = contentHash(
    // "Now" is not part of the key: only results that use it depend on it (checked per entry).
    JSON.stringify({version: options.version, config: config.config, options: {...linterOptions, asOf: undefined}, shortcodes: plan.site ? discoverShortcodes(plan.site) : {}})
  )
  const cache = options.cache === false ? undefined : await loadCache(cwd, key)
  const hashOf = async (file: string) => {
    try {
      return contentHash(await readFile(path.resolve(cwd, file), 'utf8'))
    } catch {
      return undefined
    }
  }

  const results: Array<PageResult | undefined> = await Promise.all(
    pages.map(async (page) =>
      page.readError === undefined && cache ? cachedResult(cache, {...page.input, hash: page.hash}, asOfKey, hashOf) : undefined
    )
  )
  const missing = pages.filter((page, index) => results[index] === undefined && page.readError === undefined)
  if (missing.length > 0) {
    const {lintPages} = await import('./pool.js')
    const fresh = await lintPages(
      missing.map((page) => page.input),
      linterOptions,
      options.jobs
    )
    const byPath = new Map(fresh.map((result) => [result.path, result]))
    pages.forEach((page, index) => {
      const result = byPath.get(page.input.path)
      if (!result) return
      results[index] = result
      if (cache) storeResult(cache, {hash: page.hash, contentPath: page.input.contentPath, asOf: asOfKey(result)}, result)
    })
  }

  if (cache) {
    // Pages that are gone (deleted, renamed, now ignored) leave the cache.
    const present = new Set(pages.map((page) => page.input.path))
    for (const key of cache.entries.keys()) {
      if (present.has(key)) continue
      cache.entries.delete(key)
      cache.changed = true
    }

    await saveCache(cache)
  }

  const siteFiles: SiteFile[] = pages.map((page, index) => {
    const file = new VFile({path: page.input.path, cwd, value: page.input.source})
    const result = results[index]
    if (page.readError !== undefined || !result) {
      const message = file.message(`Unexpected error reading the file, expected a readable file: ${page.readError ?? 'no result'}`, {ruleId: 'read-error', source: 'slamark'})
      message.fatal = true
      return {file, contentPath: page.input.contentPath, facts: emptyFacts()}
    }

    for (const message of result.messages) addPlain(file, message)
    return {file, contentPath: page.input.contentPath, facts: result.facts}
  })

  checkSite(siteFiles, settings)

  let changed: string[] | undefined
  let reported = siteFiles.filter((_page, index) => plan.selected.has(pages[index]!.full))
  if (options.changedSince !== undefined) {
    const selection = selectChanged(siteFiles, pages.map((page) => page.full), plan, changedFiles(cwd, options.changedSince))
    reported = reported.filter((page) => selection.selected.has(page))
    changed = selection.changed.map((page) => page.file.path)
  }

  for (const page of reported) finishPage(page, settings)
  const reportedIndexes = new Set(reported.map((page) => siteFiles.indexOf(page)))
  const dataFiles = dataFilesOf(results.filter((_result, index) => reportedIndexes.has(index)), cwd)
  for (const file of dataFiles) {
    file.messages = applySeverities(file.messages, settings)
    sortMessages(file)
  }

  const configFiles = (plan.siteConfig?.files ?? []).filter((file) => file.messages.length > 0)
  return {files: [...configFiles, ...reported.map((page) => page.file), ...dataFiles], changed, pages: siteFiles.length}
}

/** Two `markup` settings merged table by table, the second winning. */
function mergeMarkup(base: MarkupOptions | undefined, over: MarkupOptions | undefined): MarkupOptions | undefined {
  if (!base || Object.keys(base).length === 0) return over
  if (!over) return base
  const goldmark = {...base.goldmark, ...over.goldmark}
  for (const table of ['extensions', 'parser', 'renderer'] as const) {
    if (base.goldmark?.[table] || over.goldmark?.[table]) Object.assign(goldmark, {[table]: {...base.goldmark?.[table], ...over.goldmark?.[table]}})
  }

  return {...base, ...over, goldmark, tableOfContents: {...base.tableOfContents, ...over.tableOfContents}, highlight: {...base.highlight, ...over.highlight}}
}

/** The site and its pages: the content folder's Markdown files, and the files asked for. */
async function planSite(options: LintRunOptions): Promise<SitePlan> {
  const {cwd} = options
  const targets = await resolveTargets(options.inputs, cwd)
  const inputs = options.inputs.length > 0 ? options.inputs : ['.']
  const folders = inputs.map((input) => path.resolve(cwd, input)).filter((full) => existsSync(full) && statSync(full).isDirectory())
  // The site is the one around the first folder given, else around the working folder (files and globs).
  const found = discoverSite(folders[0] ?? cwd, {cwd})
  const location = found?.kind === 'site' ? found : folders.length === 0 ? undefined : found
  const site = location?.kind === 'site' ? location.root : targets.site
  const contentRoot = location?.contentDir ?? cwd

  const ignored = new Set<string>()
  if (options.config.config.ignores && options.config.config.ignores.length > 0) {
    for (const file of await glob(options.config.config.ignores, {cwd: options.config.root, absolute: true, dot: true})) ignored.add(path.resolve(file))
  }

  const everything = new Set((await listContentPages(contentRoot)).map((file) => path.join(contentRoot, file)))
  // A site folder given stands for its content folder (`contentDir`), not every Markdown file in it.
  const asked = folders.some((folder) => folder === location?.root && location.kind === 'site')
    ? [...everything, ...targets.files.filter((file) => !file.startsWith(location!.root + path.sep))]
    : targets.files
  for (const file of asked) everything.add(file)
  const all = [...everything].map((file) => path.resolve(file)).filter((file) => !ignored.has(file)).sort(compareText)
  const selected = new Set(asked.map((file) => path.resolve(file)).filter((file) => !ignored.has(file)))
  return {site, contentRoot, all, selected, siteConfig: location?.kind === 'site' ? location.config : undefined}
}

function contentPathOf(full: string, plan: SitePlan): string {
  const relative = path.relative(plan.contentRoot, full)
  return (relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(full) : relative).split(path.sep).join('/')
}

/**
 * The pages `--changed-since` reports: the changed pages, and every page
 * with a link into a changed or deleted page.
 */
function selectChanged(files: readonly SiteFile[], fulls: readonly string[], plan: SitePlan, git: {changed: Set<string>; deleted: Set<string>}) {
  const changed = files.filter((_file, index) => git.changed.has(fulls[index]!))
  const changedPaths = new Set(changed.map((page) => page.contentPath))
  const deletedPaths = [...git.deleted].map((full) => path.relative(plan.contentRoot, full).split(path.sep).join('/')).filter((item) => !item.startsWith('..') && /\.(?:md|markdown)$/i.test(item))
  const sitePages: SitePage[] = files.map((file) => ({path: file.file.path, contentPath: file.contentPath, facts: file.facts}))
  const byContentPath = new Map(sitePages.map((page) => [page.contentPath, page]))
  const entries = sitePages.map((page) => ({contentPath: page.contentPath, permalink: page.facts.permalink}))
  // The site as it was: deleted pages still there, so links into them can be found.
  const withDeleted = new HugoPageIndex([...entries, ...deletedPaths])
  const index = new HugoPageIndex(entries)
  const site = {index, pages: sitePages, page: (contentPath: string) => byContentPath.get(contentPath)}

  const leadsInto = (link: LinkFact, page: SitePage): boolean => {
    if (link.path === '') return false
    const target = resolveSiteLink(link, page, site)
    if (target.kind === 'page') return changedPaths.has(target.page.contentPath) && target.page !== page
    const before = withDeleted.getPage(link.path, link.from === 'home' ? undefined : page.contentPath)
    return before?.contentPath !== undefined && deletedPaths.includes(before.contentPath)
  }

  const selected = new Set<SiteFile>(changed)
  files.forEach((file, index) => {
    if (file.facts.links.some((link) => leadsInto(link, sitePages[index]!))) selected.add(file)
  })
  return {changed, selected}
}

/** The data files the pages read, one per path, with every distinct message any page found in it. */
function dataFilesOf(results: ReadonlyArray<PageResult | undefined>, cwd: string): VFile[] {
  return distinctByPath(results.flatMap((result) => result?.dataFiles ?? []), (data) => data.messages).map(({file, messages}) => fromPlainFile({path: file.path, messages}, {cwd}))
}
