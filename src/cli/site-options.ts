import {asOfOptionProblem} from './as-of-option.js'
import {runSite, type SiteRun} from '../hugo-data/site-run.js'
import type {CommandContext} from './lint.js'
import {printMessages} from './report.js'

/** Options the site commands (`build --hugo`, `export`) share. */
export interface SiteCommandOptions {
  /** "Now" of every report, an ISO instant. */
  asOf?: string | undefined
  /** Hugo's environment (`config/<environment>/`). */
  environment?: string | undefined
}

/**
 * The start of a site command: check the arguments (one site folder,
 * default `.`; a valid `--as-of`), run every page of the site, print every
 * message as `slamark lint` does, and stop on errors. Returns the run, or
 * the exit code to stop with: 2 for bad usage, 1 when the site has errors
 * (nothing is written then).
 *
 * @param command
 *   The command as the user typed it, for messages.
 * @param args
 *   Positional arguments.
 * @param context
 *   Where to read and write, the shared options.
 * @param run
 *   Whether pages are rendered for Hugo, and what the command would have
 *   made (`written`, `exported`), for the message on errors.
 */
export async function startSiteCommand(
  command: string,
  args: readonly string[],
  context: CommandContext & SiteCommandOptions,
  run: {render: boolean; made: string}
): Promise<SiteRun | number> {
  if (args.length > 1) {
    context.stderr(`${command}: Unexpected arguments \`${args.join(' ')}\`, expected one site folder\n`)
    return 2
  }

  const asOfProblem = asOfOptionProblem(command, context.asOf)
  if (asOfProblem) {
    context.stderr(asOfProblem)
    return 2
  }

  const result = await runSite(args[0] ?? '.', {cwd: context.cwd, asOf: context.asOf, environment: context.environment, render: run.render})
  if ('problem' in result) {
    context.stderr(`${command}: ${result.problem}\n`)
    return 2
  }

  printMessages(result.reported, context)
  if (result.fatal) {
    context.stderr(`${command}: Unexpected errors in the site, expected none: nothing was ${run.made}; fix them and run it again\n`)
    return 1
  }

  return result
}
