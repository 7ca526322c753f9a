/**
 * Pages rendered on worker threads: the workers start (and load the
 * pipeline) as soon as the pool is made, get the site's settings once the
 * site is read, then take pages one at a time, whichever is free, so a long
 * page does not hold up the rest.
 */
import os from 'node:os'
import path from 'node:path'
import {Worker, threadId} from 'node:worker_threads'
import type {RenderedSitePage, SitePageRenderer, SiteRenderSettings} from './page-render.js'
import {appendRendering, type RenderingPlace} from './rendering-log.js'
import {compiledScriptIn} from '../util/fresh-bundle.js'

/** A page to render. */
export interface RenderRequest {
  type: 'render'
  id: number
  contentPath: string
  source: string
  /** Leave out the front matter, validated data and report (a site build needs only the HTML and messages). */
  lean: boolean
  /** Where to keep the page's rendering, if anywhere: appended to `<cacheLog>-<thread>.log` (see `rendering-log.ts`). */
  cacheLog: string | undefined
}

/** The site's settings, sent to each worker once. */
export interface InitMessage {
  type: 'init'
  settings: SiteRenderSettings
}

/** What the pool sends a worker. */
export type PoolMessage = InitMessage | RenderRequest

/** A rendered page, and where its rendering was kept. */
export interface PooledPage {
  page: RenderedSitePage
  kept: RenderingPlace | undefined
}

/** A worker's answer. */
export type RenderResponse = {id: number; result: PooledPage} | {id: number; error: string}

/** Renders pages, on workers or in this thread. */
export interface RenderPool {
  /** Give the site's settings (once, before the first page). */
  init(settings: SiteRenderSettings): void
  /** Start more workers when this many pages are to be rendered (never fewer). */
  resize(pages: number): void
  /** Render one page. */
  render(contentPath: string, source: string, options: {lean: boolean; cacheLog: string | undefined}): Promise<PooledPage>
  /** Stop the workers. */
  close(): Promise<void>
  /** How many workers render (0: this thread). */
  readonly workers: number
}

/**
 * Each render worker's old-generation heap cap, in MiB. Far above what a
 * worker keeps alive; a declared cap makes V8 grow the heap less eagerly
 * (the 2,000-page benchmark peaked at about 380 MiB with it, 510 without,
 * for a few per cent more time in collections; 128 and 512 gave the same
 * peak as 1,024).
 */
export const workerHeapLimitMb = 1024

/**
 * Each render worker's young generation, in MiB. Pages make much
 * short-lived garbage: with 8 MiB a worker spent about a fifth of its time
 * collecting it. On the 2,000-page benchmark 16 MiB took about a twentieth
 * less CPU time for a peak of about 395 MiB instead of 380; 32 MiB about a
 * tenth less, but peaked at 430 to 460 MiB, too near Hugo's 480.
 */
export const workerYoungGenerationMb = 16

/** With fewer pages than this, one worker renders them all. */
export const minPagesForWorkers = 48

/**
 * Render one requested page, and keep its rendering when asked (in the
 * worker, so the main thread does not serialise every page).
 *
 * @param render
 *   The site's page renderer.
 * @param request
 *   The page.
 */
export function renderRequest(render: SitePageRenderer, request: Omit<RenderRequest, 'type' | 'id'>): PooledPage {
  const result = render(request.contentPath, request.source)
  const kept = request.cacheLog === undefined ? undefined : appendRendering(`${request.cacheLog}-${threadId}.log`, {html: result.html, toc: result.toc, headings: result.headings})
  return {page: request.lean ? {...result, frontmatter: {}, page: undefined, sla: undefined, report: undefined} : result, kept}
}

/**
 * The worker script in a folder of compiled modules: the bundle of
 * `render-worker.js` and all it imports (`render-worker.bundle.js`, made by
 * `npm run build`: one module to load instead of some 600) when it was made
 * from this compile, else `render-worker.js` itself; `undefined` when the
 * folder has neither.
 *
 * @param folder
 *   The folder (a `file:` URL ending in `/`).
 */
export function workerScriptIn(folder: URL): URL | undefined {
  return compiledScriptIn(folder, 'render-worker')
}

/**
 * The worker script: the one beside this module; from the bundle of the
 * build command (`dist/build-bundle/`), the one in `dist/site/`; from the
 * TypeScript sources (tests), the one in `dist/site/` (built by `npm run
 * build`).
 */
function workerScript(): URL | undefined {
  return workerScriptIn(new URL('./', import.meta.url)) ?? workerScriptIn(new URL('../site/', import.meta.url)) ?? workerScriptIn(new URL('../../dist/site/', import.meta.url))
}

/**
 * How many workers pay off for a number of pages: one for a few pages (it
 * loads the pipeline beside the main thread's work), else up to `most`,
 * one per eight pages.
 *
 * @param pages
 *   Pages to render.
 * @param most
 *   The most workers.
 */
function workersFor(pages: number, most: number): number {
  if (pages === 0) return 0
  return pages < minPagesForWorkers ? 1 : Math.max(1, Math.min(most, Math.ceil(pages / 8)))
}

/**
 * A pool for a site's pages. Its workers start at once; the main thread
 * never loads the pipeline (unless there is no compiled worker script, when
 * pages render on the calling thread).
 *
 * @param pages
 *   How many pages there are to render, as far as known (more workers can be added with `resize`).
 * @param workers
 *   The most workers (default: the machine's available parallelism).
 * @param heapLimitMb
 *   The old-generation heap cap of each worker (default {@link workerHeapLimitMb};
 *   `undefined`: none), a worker over it being replaced by one without.
 */
export function createRenderPool(pages: number, workers?: number, heapLimitMb: number | undefined = workerHeapLimitMb): RenderPool {
  const script = workerScript()
  const most = Math.max(1, workers ?? os.availableParallelism())
  if (!script) return localPool()

  const threads: Worker[] = []
  const idle: Worker[] = []
  const queue: RenderRequest[] = []
  const waiting = new Map<number, {request: RenderRequest; resolve: (page: PooledPage) => void; reject: (error: Error) => void; worker: Worker | undefined}>()
  let settings: SiteRenderSettings | undefined
  let next = 0
  let closed = false

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!
      const request = queue.shift()!
      waiting.get(request.id)!.worker = worker
      worker.postMessage(request)
    }
  }

  const start = (limited: boolean): void => {
    // A page's garbage is small and short-lived, and V8 lets a heap grow far past what is live:
    // a bounded young generation and a declared old-generation cap keep each worker's peak memory
    // down. A worker that runs out of that memory (an enormous page) is replaced by one without
    // the cap.
    const limits = limited ? {maxYoungGenerationSizeMb: workerYoungGenerationMb, maxOldGenerationSizeMb: heapLimitMb} : {maxYoungGenerationSizeMb: workerYoungGenerationMb}
    const worker = new Worker(script, {resourceLimits: limits})
    threads.push(worker)
    idle.push(worker)
    if (settings) worker.postMessage({type: 'init', settings} satisfies InitMessage)
    worker.on('message', (response: RenderResponse) => {
      const pending = waiting.get(response.id)
      waiting.delete(response.id)
      idle.push(worker)
      dispatch()
      if (!pending) return
      if ('result' in response) pending.resolve(response.result)
      else pending.reject(new Error(response.error))
    })
    worker.on('error', (error: Error & {code?: string}) => {
      threads.splice(threads.indexOf(worker), 1)
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1)
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      for (const [id, pending] of waiting) {
        if (pending.worker !== worker) continue
        if (outOfMemory && limited) {
          // Again, on a worker without the cap.
          pending.worker = undefined
          queue.unshift(pending.request)
        } else {
          waiting.delete(id)
          pending.reject(error)
        }
      }

      if (!closed) start(!outOfMemory && limited)
      dispatch()
    })
  }

  const resize = (count: number): void => {
    while (threads.length < workersFor(count, most)) start(heapLimitMb !== undefined)
    // Pages already waiting go to the new workers at once.
    dispatch()
  }

  resize(pages)
  return {
    get workers() {
      return threads.length
    },
    init(given) {
      settings = given
      for (const worker of threads) worker.postMessage({type: 'init', settings} satisfies InitMessage)
    },
    resize,
    render(contentPath, source, options) {
      if (threads.length === 0) resize(1)
      const id = next++
      return new Promise((resolve, reject) => {
        const request: RenderRequest = {type: 'render', id, contentPath, source, ...options}
        waiting.set(id, {request, resolve, reject, worker: undefined})
        queue.push(request)
        dispatch()
      })
    },
    async close() {
      closed = true
      await Promise.all(threads.map((worker) => worker.terminate()))
    }
  }
}

function localPool(): RenderPool {
  let render: Promise<SitePageRenderer> | undefined
  return {
    workers: 0,
    init(settings) {
      // Loaded here, not at the top: a build with workers never loads the pipeline on the main thread.
      render = import('./page-render.js').then((module) => module.createSitePageRenderer(settings))
    },
    resize() {},
    async render(contentPath, source, options) {
      if (!render) throw new Error('Unexpected page before the site settings, expected `init` first')
      return renderRequest(await render, {contentPath, source, ...options})
    },
    close: async () => {}
  }
}
