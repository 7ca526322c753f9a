/**
 * A worker thread of `slamark lint`: builds one page linter from its
 * `workerData` and lints the batches of pages it is sent, replying with the
 * results in the same order.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {createPageLinter, type PageInput, type PageLinterOptions} from './page.js'

const lint = createPageLinter(workerData as PageLinterOptions)

parentPort?.on('message', async (batch: {id: number; pages: PageInput[]}) => {
  const results = []
  for (const page of batch.pages) results.push(await lint(page))
  parentPort?.postMessage({id: batch.id, results})
})
