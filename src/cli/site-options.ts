import {resolveAsOf} from '../engine/as-of.js'
import type {CommandContext} from './lint.js'

/** Options the site commands (`build --hugo`, `export`) share. */
export interface SiteCommandOptions {
  /** "Now" of every report, an ISO instant. */
  asOf?: string | undefined
  /** Hugo's environment (`config/<environment>/`). */
  environment?: string | undefined
}

/**
 * The site folder of a site command (one, default `.`) and a checked
 * `--as-of`; `undefined` after printing why not.
 *
 * @param command
 *   The command as the user typed it, for messages.
 * @param args
 *   Positional arguments.
 * @param options
 *   The shared options.
 * @param context
 *   Where to write.
 */
export function siteArguments(command: string, args: readonly string[], options: SiteCommandOptions, context: CommandContext): string | undefined {
  if (args.length > 1) {
    context.stderr(`${command}: Unexpected arguments \`${args.join(' ')}\`, expected one site folder\n`)
    return undefined
  }

  if (options.asOf !== undefined && resolveAsOf({option: options.asOf}).source !== 'option') {
    context.stderr(`${command}: Unexpected --as-of \`${options.asOf}\`, expected an ISO instant such as 2026-11-22T12:00:00+01:00\n`)
    return undefined
  }

  return args[0] ?? '.'
}
