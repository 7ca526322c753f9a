import path from 'node:path'
import {reporter} from 'vfile-reporter'
import {buildSite} from '../vite/build.js'
import type {CommandContext} from './lint.js'

/** What `slamark build` reads besides the context. */
export interface BuildCommandOptions {
  /** `--out`: the output folder (default `dist`). */
  out: string | undefined
  /** `--drafts`: build pages marked `draft`. */
  drafts: boolean
  /** `--as-of`: "now" of the build. */
  asOf: string | undefined
  /** `--no-cache`: render every page. */
  cache: boolean
  /** Show a progress line (stderr is a terminal). */
  interactive: boolean
}

/** Sites with fewer pages build without a progress line. */
const progressFrom = 200

/**
 * `slamark build [site | content folder] --out dist`: the static site
 * through Vite. Prints every message with file, line and column, then where
 * the site is; returns 1 when a page has an error (the site is not
 * complete), 2 for bad usage, else 0.
 *
 * @param inputs
 *   At most one folder (default: the working folder).
 * @param options
 *   The command's options.
 * @param context
 *   Where to read and write.
 */
export async function buildCommand(inputs: readonly string[], options: BuildCommandOptions, context: CommandContext): Promise<number> {
  if (inputs.length > 1) {
    context.stderr(`slamark build: Unexpected ${inputs.length} folders, expected one site or content folder\n`)
    return 2
  }

  const started = performance.now()
  let shown = false
  let result
  try {
    result = await buildSite({
      input: inputs[0] ?? '.',
      outDir: options.out,
      cwd: context.cwd,
      drafts: options.drafts,
      asOf: options.asOf,
      ...(options.cache ? {} : {cache: false}),
      onProgress: options.interactive
        ? (done, total) => {
            if (total < progressFrom || (done % 25 !== 0 && done !== total)) return
            shown = true
            context.stderr(`\rslamark build: ${done} of ${total} pages`)
          }
        : undefined
    })
  } catch (error) {
    context.stderr(`${shown ? '\n' : ''}slamark build: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }

  if (shown) context.stderr('\n')
  const report = reporter(result.files, {color: context.color, quiet: true, verbose: true})
  if (report) context.stderr(report + '\n')
  const where = path.relative(context.cwd, result.outDir) || '.'
  if (result.fatal) {
    // Vite's own failure (not a page's message) is printed as Vite gives it.
    if (!result.files.some((file) => file.messages.some((message) => message.fatal === true))) {
      context.stderr(`slamark build: ${result.error instanceof Error ? result.error.message : String(result.error)}\n`)
    }

    context.stderr(`slamark build: failed; ${where} is not complete\n`)
    return 1
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  context.stdout(`Built ${result.pages} pages (${result.rendered} rendered, ${result.reused} reused from the last build) in ${seconds} s: ${path.join(where, 'index.html')}\n`)
  return 0
}
