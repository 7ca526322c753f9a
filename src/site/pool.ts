/**
 * Pages rendered on worker threads: one renderer per worker, pages handed
 * out one at a time to whichever worker is free, so a long page does not
 * hold up the rest. Small sites render on the calling thread (starting a
 * worker costs more than a few pages).
 */
import {existsSync} from 'node:fs'
import os from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {createSitePageRenderer, type RenderedSitePage, type SiteRenderSettings} from './page-render.js'

/** A page to render, sent to a worker. */
export interface RenderRequest {
  id: number
  contentPath: string
  source: string
}

/** A worker's answer. */
export type RenderResponse = {id: number; result: RenderedSitePage} | {id: number; error: string}

/** Renders pages, on workers or in this thread. */
export interface RenderPool {
  /** Render one page. */
  render(contentPath: string, source: string): Promise<RenderedSitePage>
  /** Stop the workers. */
  close(): Promise<void>
  /** How many workers render (0: this thread). */
  readonly workers: number
}

/** Fewer pages than this render on the calling thread. */
export const minPagesForWorkers = 48

/**
 * The worker script: the compiled `render-worker.js` beside this module, or,
 * when this module runs from the TypeScript sources (tests), the one in
 * `dist/` (built by `npm run build`).
 */
function workerScript(): URL | undefined {
  const beside = new URL('render-worker.js', import.meta.url)
  if (existsSync(fileURLToPath(beside))) return beside
  const built = new URL('../../dist/site/render-worker.js', import.meta.url)
  return existsSync(fileURLToPath(built)) ? built : undefined
}

/**
 * A pool for a site's pages.
 *
 * @param settings
 *   What every page is rendered with.
 * @param pages
 *   How many pages there are to render (decides whether workers pay off).
 * @param workers
 *   How many workers (default: the machine's available parallelism).
 */
export function createRenderPool(settings: SiteRenderSettings, pages: number, workers?: number): RenderPool {
  const script = workerScript()
  const count = Math.max(0, Math.min(workers ?? os.availableParallelism(), Math.ceil(pages / 8)))
  if (!script || pages < minPagesForWorkers || count === 0) return localPool(settings)

  const threads = Array.from({length: count}, () => new Worker(script, {workerData: settings}))
  const idle = [...threads]
  const queue: RenderRequest[] = []
  const waiting = new Map<number, {resolve: (page: RenderedSitePage) => void; reject: (error: Error) => void; worker: Worker}>()
  let next = 0

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!
      const request = queue.shift()!
      waiting.get(request.id)!.worker = worker
      worker.postMessage(request)
    }
  }

  for (const worker of threads) {
    worker.on('message', (response: RenderResponse) => {
      const pending = waiting.get(response.id)
      waiting.delete(response.id)
      idle.push(worker)
      dispatch()
      if (!pending) return
      if ('result' in response) pending.resolve(response.result)
      else pending.reject(new Error(response.error))
    })
    worker.on('error', (error) => {
      for (const [id, pending] of waiting) {
        if (pending.worker !== worker) continue
        waiting.delete(id)
        pending.reject(error)
      }
    })
  }

  return {
    workers: count,
    render(contentPath, source) {
      const id = next++
      return new Promise((resolve, reject) => {
        waiting.set(id, {resolve, reject, worker: threads[0]!})
        queue.push({id, contentPath, source})
        dispatch()
      })
    },
    async close() {
      await Promise.all(threads.map((worker) => worker.terminate()))
    }
  }
}

function localPool(settings: SiteRenderSettings): RenderPool {
  const render = createSitePageRenderer(settings)
  return {
    workers: 0,
    render: async (contentPath, source) => render(contentPath, source),
    close: async () => {}
  }
}
