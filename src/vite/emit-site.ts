/**
 * The static site in `vite build` (the plugin's `site` mode): the pages
 * rendered and written with the hashed assets Vite made, then the outcome
 * reported: to `onReport` when given, else warnings through `this.warn`;
 * an error fails the build through `this.error`, at its place.
 */
import path from 'node:path'
import type {Rolldown} from 'vite'
import type {RenderPool} from '../site/pool.js'
import {renderSite, type SiteRenderResult} from '../site/render-site.js'
import type {SiteBuildReport, SlamarkViteOptions} from './plugin.js'
import type {SiteState} from './site-state.js'

/** The plugin context calls the site build makes. */
export interface EmitContext {
  warn(message: string): void
  error(error: {message: string; id?: string; loc?: {file: string; line: number; column: number}}): never
}

/** What the site build needs from the plugin. */
export interface EmitSiteOptions {
  site: SiteState
  /** The output folder (absolute). */
  outDir: string
  /** Vite's `base`. */
  base: string
  cwd: string
  /** slamark's version. */
  version: string
  cacheDir: string | undefined
  /** Workers started early, if any. */
  pool: RenderPool | undefined
  options: SlamarkViteOptions
}

/**
 * What a site build did, from what {@link renderSite} gives.
 *
 * @param site
 *   The site.
 * @param result
 *   Its pages' build.
 */
export function siteBuildReport(site: SiteState, result: SiteRenderResult): SiteBuildReport {
  return {
    files: result.files,
    fatal: result.fatal,
    pages: site.index.pages.length,
    rendered: result.rendered,
    reused: result.reused,
    written: result.written.length,
    kept: result.kept.length
  }
}

/**
 * Build the site's pages beside Vite's bundle.
 *
 * @param context
 *   The plugin context.
 * @param bundle
 *   Vite's bundle (its entry's hashed script and stylesheets).
 * @param emit
 *   The site and the plugin's settings.
 * @returns
 *   Files of the last build this one did not write again (gone pages, old assets), to remove.
 */
export async function emitSite(context: EmitContext, bundle: Rolldown.OutputBundle, emit: EmitSiteOptions): Promise<string[]> {
  const {site, options, cwd} = emit
  const assets: {styles: string[]; scripts: string[]} = {styles: [], scripts: []}
  for (const item of Object.values(bundle)) {
    if (item.type !== 'chunk' || !item.isEntry) continue
    assets.scripts.push(emit.base + item.fileName)
    for (const css of (item as {viteMetadata?: {importedCss?: Set<string>}}).viteMetadata?.importedCss ?? []) assets.styles.push(emit.base + css)
  }

  const result = await renderSite({
    location: site.location,
    index: site.index,
    asOf: options.asOf ?? undefined,
    production: true,
    cwd,
    outDir: emit.outDir,
    assets,
    shell: site.shell,
    cacheDir: emit.cacheDir,
    version: emit.version,
    workers: options.workers ?? undefined,
    onProgress: options.onProgress ?? undefined,
    pool: emit.pool,
    assetFiles: Object.keys(bundle),
    meanwhile: site.saveIndex
  })
  const report = siteBuildReport(site, result)
  if (options.onReport) options.onReport(report)
  else for (const item of result.files) for (const message of item.messages) if (message.fatal !== true) context.warn(`${item.path}:${message.line ?? 1}:${message.column ?? 1}: ${message.reason} [${message.ruleId}]`)

  const fatal = result.files.flatMap((item) => item.messages.filter((message) => message.fatal === true).map((message) => ({item, message})))
  if (fatal.length > 0) {
    const {item, message} = fatal[0]!
    const file = path.resolve(cwd, item.path)
    context.error({
      message: `${message.reason} [${message.ruleId}]${fatal.length > 1 ? `\n(${fatal.length - 1} more errors in the site)` : ''}`,
      id: file,
      ...(message.line ? {loc: {file, line: message.line, column: (message.column ?? 1) - 1}} : {})
    })
  }

  return result.stale.filter((name) => !(name in bundle)).map((name) => path.join(emit.outDir, name))
}
