import {startDevServer} from '../vite/dev.js'
import {asOfOptionProblem} from './as-of-option.js'
import type {CommandContext} from './lint.js'

/** What `slamark dev` reads besides the context. */
export interface DevCommandOptions {
  host: string | undefined
  port: string | undefined
  drafts: boolean
  asOf: string | undefined
  /** Resolves when the server should stop (default: on SIGINT or SIGTERM). */
  stop?: Promise<void> | undefined
}

/**
 * `slamark dev [site | content folder]`: the Vite dev server, on
 * 127.0.0.1 unless `--host` says otherwise; prints its URL and runs until
 * stopped.
 *
 * @param inputs
 *   At most one folder (default: the working folder).
 * @param options
 *   The command's options.
 * @param context
 *   Where to read and write.
 */
export async function devCommand(inputs: readonly string[], options: DevCommandOptions, context: CommandContext): Promise<number> {
  const port = options.port === undefined ? undefined : Number(options.port)
  if (inputs.length > 1 || (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65_536))) {
    context.stderr(`slamark dev: Unexpected ${inputs.length > 1 ? `${inputs.length} folders` : `port \`${options.port}\``}, expected one folder and a port from 0 (any free one) to 65535\n`)
    return 2
  }

  const asOfProblem = asOfOptionProblem('slamark dev', options.asOf)
  if (asOfProblem) {
    context.stderr(asOfProblem)
    return 2
  }

  let server
  try {
    server = await startDevServer({input: inputs[0] ?? '.', cwd: context.cwd, host: options.host, port, drafts: options.drafts, asOf: options.asOf, logLevel: 'warn'})
  } catch (error) {
    context.stderr(`slamark dev: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }

  context.stdout(`slamark dev: serving on ${server.url}\n`)
  await (options.stop ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    }))
  await server.close()
  return 0
}
