import {appendFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {reporter as vfileReporter} from 'vfile-reporter'
import {GitError} from '../lint/changed.js'
import {ConfigError, loadConfig} from '../lint/config.js'
import {applyFixes} from '../lint/fix.js'
import {countMessages, type ReportInput} from '../lint/reporters/common.js'
import {githubReport, githubSummary} from '../lint/reporters/github.js'
import {jsonReport} from '../lint/reporters/json.js'
import {sarifReport} from '../lint/reporters/sarif.js'
import {stylishReport} from '../lint/reporters/stylish.js'
import {LintUsageError, runLint, type LintRunOptions} from '../lint/run.js'
import {slamarkVersion} from '../util/version.js'
import {asOfOptionProblem} from './as-of-option.js'

/** What a command needs from its host: where it runs and where it writes. */
export interface CommandContext {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Colour the report (default: when stderr is a TTY). */
  color: boolean
  /** The whole of standard input as text, refusing more than `maxBytes` (commands that read it). */
  stdin?: ((maxBytes: number) => Promise<string>) | undefined
}

/** The options of `slamark lint`, as parsed from the command line. */
export interface LintFlags {
  reporter?: string | undefined
  'max-warnings'?: string | undefined
  'changed-since'?: string | undefined
  fix?: boolean | undefined
  'fail-on-breach'?: boolean | undefined
  'as-of'?: string | undefined
  config?: string | undefined
  'no-cache'?: boolean | undefined
  jobs?: string | undefined
}

const reporters = ['stylish', 'json', 'github', 'sarif'] as const
/** `--fix` passes at most: each pass may enable fixes that overlapped. */
const maxFixPasses = 10

/**
 * `slamark lint [paths or globs]`: lint a site's pages and print the report.
 * Returns the exit code: 0 clean or warnings only, 1 errors (or more warnings
 * than `--max-warnings`), 2 when the tool could not do its job (bad usage, a
 * bad configuration, nothing to lint, git failing).
 *
 * @param inputs
 *   Sites, content folders, files or globs.
 * @param context
 *   Where to read and write.
 * @param flags
 *   Command-line options.
 */
export async function lint(inputs: readonly string[], context: CommandContext, flags: LintFlags = {}): Promise<number> {
  const usage = (reason: string) => {
    context.stderr(`slamark lint: ${reason}\n`)
    return 2
  }

  const reporter = flags.reporter ?? 'stylish'
  if (!(reporters as readonly string[]).includes(reporter)) {
    return usage(`Unexpected reporter \`${reporter}\`, expected ${reporters.map((name) => `\`${name}\``).join(', ')}`)
  }

  const maxWarnings = flags['max-warnings'] === undefined ? undefined : Number(flags['max-warnings'])
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    return usage(`Unexpected \`--max-warnings\` \`${flags['max-warnings']}\`, expected a whole number of at least 0`)
  }

  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs)
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return usage(`Unexpected \`--jobs\` \`${flags.jobs}\`, expected a whole number of at least 1`)
  const asOf = flags['as-of']
  const asOfProblem = asOfOptionProblem('slamark lint', asOf)
  if (asOfProblem) {
    context.stderr(asOfProblem)
    return 2
  }

  let config
  try {
    config = loadConfig(context.cwd, flags.config)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    context.stderr(vfileReporter([error.file], {color: context.color, verbose: true}) + '\n')
    return 2
  }

  const version = slamarkVersion()
  const options: LintRunOptions = {
    cwd: context.cwd,
    inputs,
    config,
    asOf,
    failOnBreach: flags['fail-on-breach'] === true ? true : undefined,
    changedSince: flags['changed-since'],
    cache: flags['no-cache'] !== true,
    jobs,
    version
  }

  let result
  try {
    if (flags.fix) await fixFiles(options)
    result = await runLint(options)
  } catch (error) {
    if (error instanceof LintUsageError) return usage(error.message)
    if (error instanceof GitError) return usage(`Unexpected git failure for \`--changed-since ${flags['changed-since'] ?? ''}\` (${error.message}), expected a git repository and a known ref`)
    // Anything else is a failure of the tool (a worker that died, a disk that failed): exit 2, not 1.
    return usage(`Unexpected failure (${error instanceof Error ? error.message : String(error)}), expected the run to finish; this is likely a bug in slamark`)
  }

  const report: ReportInput = {files: result.files, changed: result.changed, version, cwd: context.cwd}
  if (reporter === 'stylish') context.stderr(stylishReport(report, context.color))
  else if (reporter === 'json') context.stdout(jsonReport(report))
  else if (reporter === 'sarif') context.stdout(sarifReport(report))
  else {
    context.stdout(githubReport(report))
    const summary = process.env.GITHUB_STEP_SUMMARY
    if (summary) await appendFile(summary, githubSummary(report))
  }

  const {errors, warnings} = countMessages(result.files)
  if (errors > 0) return 1
  const limit = maxWarnings ?? config.config.maxWarnings
  if (limit !== undefined && warnings > limit) {
    context.stderr(`slamark lint: Unexpected ${warnings} warnings, expected at most ${limit} (\`--max-warnings\`)\n`)
    return 1
  }

  return 0
}

/**
 * Apply the certain fixes until none is left (or {@link maxFixPasses}),
 * writing each changed page.
 */
async function fixFiles(options: LintRunOptions): Promise<void> {
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const result = await runLint(options)
    let applied = 0
    for (const file of result.files) {
      const fixes = file.messages.flatMap((message) => (message.fix ? [message.fix] : []))
      if (fixes.length === 0 || typeof file.value !== 'string') continue
      const fixed = applyFixes(file.value, fixes)
      if (fixed.applied === 0) continue
      await writeFile(path.resolve(options.cwd, file.path), fixed.text)
      applied += fixed.applied
    }

    if (applied === 0) return
  }
}
