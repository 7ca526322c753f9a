/**
 * A render worker: makes the site's page renderer from `workerData` (the
 * site's render settings) and renders each page the pool sends it.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {createSitePageRenderer, type SiteRenderSettings} from './page-render.js'
import type {RenderRequest, RenderResponse} from './pool.js'

const render = createSitePageRenderer(workerData as SiteRenderSettings)

parentPort?.on('message', (request: RenderRequest) => {
  let response: RenderResponse
  try {
    response = {id: request.id, result: render(request.contentPath, request.source)}
  } catch (error) {
    // The pipeline reports problems as messages; a throw is a bug, reported with the page.
    response = {id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)}
  }

  parentPort?.postMessage(response)
})
