/**
 * `slamark dev`: the Vite dev server over a site or content folder, on
 * 127.0.0.1 by default: every page at its permalink, re-rendered on each
 * edit and updated in the browser without a reload.
 */
import path from 'node:path'
import {createServer, type LogLevel, type ViteDevServer} from 'vite'
import {requireSite, staticDirOf} from '../site/discover.js'
import {slamark} from './plugin.js'

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** The site or content folder. */
  input: string
  /** The address to listen on (default `127.0.0.1`: this machine only). */
  host?: string | null | undefined
  /** The port (default `5173`; the next free one when taken, unless `strictPort`). */
  port?: number | null | undefined
  strictPort?: boolean | null | undefined
  /** The working folder (default: the process's). */
  cwd?: string | null | undefined
  /** Show pages marked `draft`. */
  drafts?: boolean | null | undefined
  /** "Now", an ISO instant (default: each page's `sla.asOf`, else the clock). */
  asOf?: string | null | undefined
  /** Vite's log level (default `info`). */
  logLevel?: LogLevel | null | undefined
}

/** A running dev server. */
export interface DevServer {
  /** Vite's server. */
  server: ViteDevServer
  /** The URL it answers on (`http://127.0.0.1:5173/`). */
  url: string
  /** Stop it. */
  close(): Promise<void>
}

/**
 * Start the dev server.
 *
 * @param options
 *   The input and where to listen.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const cwd = options.cwd ?? process.cwd()
  const input = path.resolve(cwd, options.input)
  const location = requireSite(options.input, {cwd, environment: 'development'})
  const server = await createServer({
    configFile: false,
    root: location.root,
    appType: 'custom',
    logLevel: options.logLevel ?? 'info',
    publicDir: staticDirOf(location),
    server: {host: options.host ?? '127.0.0.1', port: options.port ?? 5173, strictPort: options.strictPort ?? false},
    plugins: [slamark({content: input, drafts: options.drafts, asOf: options.asOf})]
  })
  await server.listen()
  const url = server.resolvedUrls?.local[0] ?? `http://${options.host ?? '127.0.0.1'}:${server.config.server.port}/`
  return {server, url, close: () => server.close()}
}
