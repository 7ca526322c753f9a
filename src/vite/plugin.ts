/**
 * The Vite plugin (`slamark/vite`): content pages as modules, their
 * messages in Vite's terminal and overlay, live pages in the dev server, and
 * (with `site: true`) the static site emitted by `vite build`.
 */
import {rmSync} from 'node:fs'
import path from 'node:path'
import {searchForWorkspaceRoot, type Plugin, type ResolvedConfig, type ViteDevServer} from 'vite'
import type {VFile} from 'vfile'
import {discoverSite, type SiteLocation} from '../site/discover.js'
import {prepareOutDir} from '../site/out-dir.js'
import {buildPool} from '../site/build-workers.js'
import {cacheDirFor} from '../site/page-cache.js'
import type {RenderPool} from '../site/pool.js'
import {emitSite} from './emit-site.js'
import {pageModuleCode} from './module.js'
import {reportToVite} from './report.js'
import {loadSiteState, refreshPage, type SiteState} from './site-state.js'
import {devPagesMiddleware} from './dev-pages.js'
import {slamarkVersion} from '../util/version.js'
import {siteAssetsDir, siteEntryFiles} from '../site/site-assets.js'

/** Options of {@link slamark}. */
export interface SlamarkViteOptions {
  /** The site (a folder with `content/` or a Hugo configuration) or content folder; default: Vite's `root`. */
  content?: string | null | undefined
  /** Emit the static site in `vite build`: one HTML page per content page, list pages, `404.html`, `sitemap.xml` (default `false`). */
  site?: boolean | null | undefined
  /** Build pages marked `draft` (default `false`). */
  drafts?: boolean | null | undefined
  /** "Now" of the build, an ISO instant (default: each page's `sla.asOf`, else `SOURCE_DATE_EPOCH`, else the clock). */
  asOf?: string | null | undefined
  /** The rebuild cache folder, or `false` for none (default: `node_modules/.cache/slamark/build` in the site). */
  cache?: string | false | null | undefined
  /** The folder message paths (and a relative `cache`) are relative to (default: the process's working folder). */
  cwd?: string | null | undefined
  /** Render workers for the site build (default: the machine's available parallelism). */
  workers?: number | null | undefined
  /** A render pool whose workers were started earlier (`createRenderPool`); the plugin closes it. */
  pool?: RenderPool | null | undefined
  /** Called after each page of the site build. */
  onProgress?: ((done: number, total: number) => void) | null | undefined
  /**
   * Called with every file that has messages once the site is built; when
   * given, warnings are left to it rather than printed by Vite (an error
   * still fails the build).
   */
  onReport?: ((report: SiteBuildReport) => void) | null | undefined
}

/** What the site build did. */
export interface SiteBuildReport {
  /** Files with messages: configuration, layout, pages and the data files they read. */
  files: VFile[]
  /** Whether any message is an error. */
  fatal: boolean
  /** Content pages built, rendered now and reused from the cache; files written and left unchanged. */
  pages: number
  rendered: number
  reused: number
  written: number
  kept: number
}

export {siteAssetsDir}
const entryId = 'virtual:slamark/entry'

/**
 * The slamark Vite plugin.
 *
 * @param options
 *   Where the content is, and the site build's settings.
 */
export function slamark(options: SlamarkViteOptions = {}): Plugin {
  let config: ResolvedConfig
  let state: Promise<SiteState> | undefined
  // Files of the last build that this one did not write again, removed once the bundle is written.
  let staleFiles: string[] = []
  // The site build's render workers, started early.
  let pool: RenderPool | undefined
  // Pages by the data files they read (`ticketsFile`, `holidaysFile`): an edit of one updates them.
  const readers = new Map<string, Set<string>>()
  const cwd = options.cwd ?? process.cwd()
  const input = (): string => path.resolve(config.root, options.content ?? '.')
  const siteState = (): Promise<SiteState> => {
    state ??= loadSiteState({
      input: input(),
      drafts: options.drafts === true,
      asOf: options.asOf ?? undefined,
      production: config.command === 'build',
      environment: config.command === 'build' ? 'production' : 'development',
      cwd,
      ...(options.site && config.command === 'build' ? {cacheDir: (location: SiteLocation) => cacheDirOf(location)} : {})
    })
    return state
  }

  const cacheDirOf = (location: SiteLocation): string | undefined => cacheDirFor(location, options.cache, cwd)
  const inContent = async (file: string): Promise<SiteState | undefined> => {
    const site = await siteState()
    const relative = path.relative(site.location.contentDir, file)
    return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : site
  }

  return {
    name: 'slamark',
    enforce: 'pre',

    config(user) {
      // The site's script and stylesheet live in the package; giving `allow` replaces Vite's default, so that is kept.
      const root = path.resolve(user.root ?? process.cwd())
      const allow = [...(user.server?.fs?.allow ? [] : [searchForWorkspaceRoot(root)]), path.resolve(root, options.content ?? '.'), siteAssetsDir]
      if (!options.site) return {server: {fs: {allow}}}
      // Vite 8 bundles with Rolldown (`rolldownOptions`), Vite 7 with Rollup (`rollupOptions`).
      const bundler = 'rolldownVersion' in this.meta ? 'rolldownOptions' : 'rollupOptions'
      const given = (user.build as Record<string, {input?: unknown} | undefined> | undefined)?.[bundler]?.input
      return {
        appType: 'custom',
        server: {fs: {allow}},
        build: {
          // Pages are written by this plugin; a rebuild leaves unchanged files as they are.
          emptyOutDir: false,
          ...(given ? {} : {[bundler]: {input: {slamark: entryId}}})
        }
      }
    },

    configResolved(resolved) {
      config = resolved
    },

    resolveId: {
      filter: {id: /^virtual:slamark\/entry$/},
      handler(id) {
        return id === entryId ? `\0${entryId}` : undefined
      }
    },

    load: {
      filter: {id: /^\0virtual:slamark\/entry$/},
      handler() {
        return siteEntryFiles.map((name) => `import ${JSON.stringify(path.join(siteAssetsDir, name))}\n`).join('')
      }
    },

    transform: {
      filter: {id: /\.(?:md|markdown)(?:\?.*)?$/},
      async handler(code, id) {
        const file = id.replace(/\?.*$/, '')
        const site = await inContent(file)
        const page = site?.byFile.get(file)
        if (!site) return undefined
        const contentPath = path.relative(site.location.contentDir, file).split(path.sep).join('/')
        const rendered = (await site.renderer())(contentPath, code)
        for (const dependency of rendered.dependencies) {
          const pages = readers.get(dependency.file) ?? new Set<string>()
          pages.add(file)
          readers.set(dependency.file, pages)
        }

        reportToVite(this, file, rendered.files, cwd)
        const facts = page ?? {title: contentPath, permalink: ''}
        return {code: pageModuleCode(rendered, facts, config.command === 'serve'), map: null}
      }
    },

    configureServer(server: ViteDevServer) {
      server.middlewares.use(devPagesMiddleware(server, siteState, () => config))
    },

    async hotUpdate({type, file, read}) {
      if (this.environment.name !== 'client') return undefined
      const absolute = path.resolve(file)
      const pagesReading = readers.get(absolute)
      if (pagesReading) {
        // A data file: the pages that read it render again and update like an edited page.
        return [...pagesReading].flatMap((page) => [...(this.environment.moduleGraph.getModulesByFile(page) ?? [])])
      }

      const site = await siteState()
      const relative = path.relative(site.location.root, absolute).split(path.sep).join('/')
      const isPage = /\.(?:md|markdown)$/i.test(absolute) && (await inContent(absolute)) !== undefined
      const shapesSite = /^(?:hugo|config)\.(?:toml|ya?ml|json)$|^config\/|^layouts\//.test(relative)
      if ((isPage && type !== 'update') || shapesSite) {
        // A page added or removed, the configuration or a layout changed: every page may look different.
        state = undefined
        this.environment.hot.send({type: 'full-reload'})
        return []
      }

      // The edited page's module updates by itself; when its permalink or draft flag moved, other pages' links did too.
      if (isPage && refreshPage(site, absolute, await read()) === 'links-changed') state = undefined
      return undefined
    },

    async buildStart() {
      if (!options.site || config.command !== 'build') return
      const located = discoverSite(input(), {cwd})
      if (!located) return
      const known = prepareOutDir(path.resolve(config.root, config.build.outDir), located, cacheDirOf(located))
      // The workers load the pipeline while the site is read and Vite bundles the assets: as many as a
      // first build needs, one for a rebuild (more start once it is known how many pages changed).
      pool = options.pool ?? (await buildPool(located, known, options.workers))
      // The site is read while Rolldown bundles the assets; `generateBundle` waits for it (and reports its failure).
      siteState().catch(() => {})
    },

    async generateBundle(_output, bundle) {
      if (!options.site) return
      const workers = pool
      pool = undefined
      const site = await siteState()
      const outDir = path.resolve(config.root, config.build.outDir)
      staleFiles = await emitSite(this, bundle, {site, outDir, base: config.base, cwd, version: slamarkVersion(), cacheDir: cacheDirOf(site.location), pool: workers, options})
    },

    writeBundle() {
      for (const file of staleFiles) rmSync(file, {force: true})
      staleFiles = []
    },

    async buildEnd(error) {
      // Workers of a build that failed before its pages stop here (`generateBundle` closes them otherwise).
      if (!error) return
      await pool?.close()
      pool = undefined
    },

    closeBundle() {
      // The next build (watch mode) reads the site again.
      state = undefined
    }
  }
}
