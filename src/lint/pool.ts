/**
 * Lint many pages over the machine's cores: worker threads, each with its
 * own page linter, take batches from a shared queue (so a slow page does not
 * hold up a whole share). Few pages, one core, or a run from the sources
 * (tests) lint in this thread.
 */
import {availableParallelism, loadavg} from 'node:os'
import {Worker} from 'node:worker_threads'
import {compiledScriptIn} from '../util/fresh-bundle.js'
import {createPageLinter, type PageInput, type PageLinterOptions, type PageResult} from './page.js'

/** Below this many pages, starting workers costs more than it saves. */
const minimumForWorkers = 48
const batchSize = 16

/**
 * The threads to use by default: the cores other work leaves free (by the
 * load average of the last minute), at least one. On a machine shared with
 * other busy processes a second thread only competes with them and with
 * the first, and each thread compiles the whole chain again.
 */
export function defaultJobs(): number {
  const cores = availableParallelism()
  const free = Math.round(cores - (loadavg()[0] ?? 0))
  return Math.max(1, Math.min(cores, free + 1))
}

/**
 * Lint pages, in parallel where it pays.
 *
 * @param pages
 *   The pages.
 * @param options
 *   The page linter's options (plain data).
 * @param jobs
 *   How many threads at most (default: {@link defaultJobs}).
 * @returns
 *   The results, in the order of `pages`.
 */
export async function lintPages(pages: readonly PageInput[], options: PageLinterOptions, jobs?: number): Promise<PageResult[]> {
  const threads = Math.min(jobs ?? defaultJobs(), Math.ceil(pages.length / batchSize))
  const script = workerScript()
  // Workers run the built JavaScript; from the TypeScript sources (tests) the pages are linted here.
  if (pages.length < minimumForWorkers || threads < 2 || !script) {
    const lint = createPageLinter(options)
    const results: PageResult[] = []
    for (const page of pages) results.push(await lint(page))
    return results
  }

  const results: PageResult[] = new Array(pages.length)
  let next = 0
  const workers = Array.from({length: threads}, () => new Worker(script, {workerData: options}))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= pages.length) {
                resolve()
                return
              }

              const id = next
              next += batchSize
              worker.postMessage({id, pages: pages.slice(id, id + batchSize)})
            }

            worker.on('message', (reply: {id: number; results: PageResult[]}) => {
              reply.results.forEach((result, offset) => {
                results[reply.id + offset] = result
              })
              send()
            })
            worker.on('error', reject)
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`Unexpected exit of a lint worker with code ${code}, expected it to finish its pages`))
            })
            send()
          })
      )
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }

  return results
}

/**
 * The worker script: the bundle of `worker.js` and all it imports
 * (`worker.bundle.js`, made by `npm run build`) when it was made from this
 * compile, else `worker.js` itself; found beside this module, or in
 * `dist/lint/` from the lint command's bundle (`dist/lint-bundle/`).
 * `undefined` from the TypeScript sources.
 */
function workerScript(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined
  return compiledScriptIn(new URL('./', import.meta.url), 'worker') ?? compiledScriptIn(new URL('../lint/', import.meta.url), 'worker')
}
