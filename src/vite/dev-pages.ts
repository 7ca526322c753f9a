/**
 * The dev server's pages: a request for a permalink gets the page rendered
 * now, in the shell, with Vite's client, the site's script and the page's
 * own module, whose updates replace the content in place (see `module.ts`).
 */
import {readFile} from 'node:fs/promises'
import type {IncomingMessage, ServerResponse} from 'node:http'
import path from 'node:path'
import type {Connect, ResolvedConfig, ViteDevServer} from 'vite'
import {fillShell} from '../site/shell.js'
import {frameOf, frameSlots, listContent} from '../site/site-html.js'
import {siteTitleOf} from '../site/render-site.js'
import type {SiteState} from './site-state.js'

/**
 * The URL the dev server serves a file's module at.
 *
 * @param config
 *   Vite's configuration.
 * @param file
 *   An absolute path.
 */
export function moduleUrl(config: ResolvedConfig, file: string): string {
  const relative = path.relative(config.root, file)
  const url = relative.startsWith('..') || path.isAbsolute(relative) ? `/@fs${file.split(path.sep).join('/')}` : `/${relative.split(path.sep).join('/')}`
  return `${config.base.replace(/\/$/, '')}${url}`
}

const escapeAttribute = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

/**
 * The middleware.
 *
 * @param server
 *   The dev server.
 * @param siteState
 *   The site, read on first use.
 * @param config
 *   Vite's resolved configuration.
 */
export function devPagesMiddleware(server: ViteDevServer, siteState: () => Promise<SiteState>, config: () => ResolvedConfig): Connect.NextHandleFunction {
  return (request: IncomingMessage, response: ServerResponse, next: Connect.NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next()
    let pathname: string
    try {
      pathname = decodeURI(new URL(request.url ?? '/', 'http://localhost').pathname)
    } catch {
      return next()
    }

    serve(server, siteState, config(), pathname, request, response).then(
      (served) => {
        if (!served) next()
      },
      (error: unknown) => next(error)
    )
  }
}

async function serve(
  server: ViteDevServer,
  siteState: () => Promise<SiteState>,
  config: ResolvedConfig,
  pathname: string,
  request: IncomingMessage,
  response: ServerResponse
): Promise<boolean> {
  const site = await siteState()
  const base = config.base.replace(/\/$/, '')
  const permalink = pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname
  const found = site.byPermalink.get(permalink) ?? site.byPermalink.get(encodeURI(permalink))
  if (!found) return false

  const {page, section} = found
  const siteTitle = siteTitleOf(site.location, site.index)
  const scripts = [`${base}/@id/__x00__virtual:slamark/entry`]
  let content = ''
  let toc = ''
  if (page) {
    const source = await readFile(page.file, 'utf8')
    const rendered = (await site.renderer())(page.contentPath, source)
    toc = rendered.toc
    content = `<div data-slamark-page="${escapeAttribute(page.contentPath)}">${rendered.html}</div>`
    // The page's own module: its updates replace the content above; its errors show in Vite's overlay.
    scripts.push(`${moduleUrl(config, page.file)}?import`)
  }

  if (section) content += listContent(section, site.index)
  const title = section?.title ?? page!.title
  const sectionKey = section?.key ?? page!.parent ?? ''
  const frame = frameOf(page, title, permalink, sectionKey, toc)
  const slots = frameSlots(frame, site.index, siteTitle, {styles: [], scripts})
  const html = await server.transformIndexHtml(request.url ?? permalink, fillShell(site.shell, {...slots, content}))
  response.statusCode = 200
  response.setHeader('Content-Type', 'text/html; charset=utf-8')
  response.end(request.method === 'HEAD' ? undefined : html)
  return true
}
