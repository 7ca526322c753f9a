import path from 'node:path'
import {VFile} from 'vfile'
import {startBuildWorkers} from '../site/build-workers.js'
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

/** The most warnings a build prints (every error is printed). */
const warningLimit = 100

/**
 * The files to report: every error, and the first `limit` warnings in file order.
 *
 * @param files
 *   Files with messages.
 * @param limit
 *   How many warnings to keep.
 */
function firstWarnings(files: readonly VFile[], limit: number): {files: VFile[]; left: number} {
  let kept = 0
  let left = 0
  const result: VFile[] = []
  for (const file of files) {
    const messages = file.messages.filter((message) => {
      if (message.fatal === true) return true
      if (kept < limit) return ++kept > 0
      left++
      return false
    })
    if (messages.length === 0) continue
    const copy = new VFile({path: file.path, value: file.value})
    copy.messages = messages
    result.push(copy)
  }

  return {files: result, left}
}

/**
 * `slamark build [site | content folder] --out dist` (its modules; see
 * `build.ts` for how they are loaded): the static site through Vite.
 * Prints every message with file, line and column, then where the site is;
 * returns 1 when a page has an error (the site is not complete), 2 for bad
 * usage, else 0.
 *
 * @param inputs
 *   At most one folder (default: the working folder).
 * @param options
 *   The command's options.
 * @param context
 *   Where to read and write.
 */
export async function siteBuildCommand(inputs: readonly string[], options: BuildCommandOptions, context: CommandContext): Promise<number> {
  if (inputs.length > 1) {
    context.stderr(`slamark build: Unexpected ${inputs.length} folders, expected one site or content folder\n`)
    return 2
  }

  const started = performance.now()
  let reporting: Promise<[typeof import('vfile-reporter'), typeof import('../util/has-fatal.js')]> | undefined
  const loadReporter = () => (reporting ??= Promise.all([import('vfile-reporter'), import('../util/has-fatal.js')]))
  let shown = false
  let result
  const outDir = options.out ?? 'dist'
  // The workers start loading the pipeline first: the rest of the build's modules are loaded meanwhile.
  const pool = await startBuildWorkers({input: inputs[0] ?? '.', outDir, cwd: context.cwd, ...(options.cache ? {} : {cache: false})})
  const {asOfOptionProblem} = await import('./as-of-option.js')
  const asOfProblem = asOfOptionProblem('slamark build', options.asOf)
  if (asOfProblem) {
    await pool?.close()
    context.stderr(asOfProblem)
    return 2
  }

  try {
    const {buildSite} = await import('../vite/build.js')
    result = await buildSite({
      pool,
      input: inputs[0] ?? '.',
      outDir,
      cwd: context.cwd,
      drafts: options.drafts,
      asOf: options.asOf,
      ...(options.cache ? {} : {cache: false}),
      onProgress(done, total) {
        // The reporter loads once the first page is done: the main thread then mostly waits for the render workers.
        loadReporter()
        if (!options.interactive || total < progressFrom || (done % 25 !== 0 && done !== total)) return
        shown = true
        context.stderr(`\rslamark build: ${done} of ${total} pages`)
      }
    })
  } catch (error) {
    await pool?.close()
    context.stderr(`${shown ? '\n' : ''}slamark build: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }

  if (shown) context.stderr('\n')
  const [{reporter}, {hasFatal}] = await loadReporter()
  const {files, left} = firstWarnings(result.files, warningLimit)
  const report = reporter(files, {color: context.color, quiet: true})
  if (report) context.stderr(report + '\n')
  if (left > 0) context.stderr(`slamark build: ${left} more ${left === 1 ? 'warning' : 'warnings'} not shown; \`slamark lint\` lists every message\n`)
  const where = path.relative(context.cwd, result.outDir) || '.'
  if (result.fatal) {
    // Vite's own failure (not a page's message) is printed as Vite gives it.
    if (!hasFatal(result.files)) {
      context.stderr(`slamark build: ${result.error instanceof Error ? result.error.message : String(result.error)}\n`)
    }

    context.stderr(`slamark build: failed; ${where} is not complete\n`)
    return 1
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  context.stdout(`Built ${result.pages} pages (${result.rendered} rendered, ${result.reused} reused from the last build) in ${seconds} s: ${path.join(where, 'index.html')}\n`)
  return 0
}
