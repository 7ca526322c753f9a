/**
 * A render worker: loads the pipeline when started, warms it up on a page
 * of its own until the pool sends the site's settings (`warm-up.ts`), makes
 * the site's page renderer from them, then renders each page it is sent
 * (keeping the page's rendering in the cache itself, off the main thread).
 */
import {parentPort} from 'node:worker_threads'
import {createSitePageRenderer, type SitePageRenderer} from './page-render.js'
import {renderRequest, type PoolMessage, type RenderResponse} from './pool.js'
import {warmUp} from './warm-up.js'

let render: SitePageRenderer | undefined

parentPort?.on('message', (message: PoolMessage) => {
  if (message.type === 'init') {
    render = createSitePageRenderer(message.settings)
    return
  }

  let response: RenderResponse
  try {
    if (!render) throw new Error('Unexpected page before the site settings, expected an `init` message first')
    response = {id: message.id, result: renderRequest(render, message)}
  } catch (error) {
    // The pipeline reports problems as messages; a throw is a bug, reported with the page.
    response = {id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)}
  }

  parentPort?.postMessage(response)
})

// Once pending messages are handled: when the settings are not among them, the site is still being read.
setImmediate(() => {
  if (!render) warmUp()
})
