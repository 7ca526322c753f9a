/**
 * The main-thread half of the plain bench scripts: a folder's Markdown
 * files dealt round-robin into one share per worker thread, each share run
 * by the calling script as a worker, and each worker's one reply collected.
 */
import {Worker} from 'node:worker_threads'
import {glob} from 'tinyglobby'

/**
 * Run a script over a folder's Markdown files in worker threads.
 *
 * @param {URL} script
 *   The worker script (the caller's own `import.meta.url`).
 * @param {string} folder
 *   Where the `.md` files are.
 * @param {number} count
 *   How many workers (at least one).
 * @param {Record<string, unknown>} data
 *   More `workerData` for each worker, beside `files`.
 * @returns {Promise<{files: string[], workers: number, replies: unknown[]}>}
 *   The files (sorted), the worker count, and each worker's reply.
 */
export async function runShares(script, folder, count, data) {
  const files = (await glob('**/*.md', {cwd: folder})).sort()
  const workers = Math.max(1, count)
  const shares = Array.from({length: workers}, (_, index) => files.filter((_, file) => file % workers === index))
  const replies = await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(script, {workerData: {...data, files: share}})
          worker.on('message', resolve)
          worker.on('error', reject)
        })
    )
  )
  return {files, workers, replies}
}
