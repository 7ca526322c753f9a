/**
 * A render worker: loads the pipeline when started, makes the site's page
 * renderer when the pool sends the site's settings, then renders each page
 * it is sent (writing the page's cache entry itself, off the main thread).
 */
import {parentPort} from 'node:worker_threads'
import {createSitePageRenderer, type SitePageRenderer} from './page-render.js'
import {renderRequest, type PoolMessage, type RenderResponse} from './pool.js'

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
