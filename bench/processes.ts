/**
 * Whole-process tools timed over the corpus folder, for reference.
 *
 * Each entry of {@link processBenchmarks} is spawned once and its wall time
 * reported: markdownlint-cli2 (the linter people use today) and `slamark lint`.
 */

import {appendFile, readFile, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import type {ProcessSpec} from './measure.js'

/** A tool to spawn over the corpus. */
export interface ProcessBenchmark {
  /** Label used in the report, with the version when known. */
  name: string
  /** What to spawn. */
  spec: ProcessSpec
  /** Writes any config file the run needs; called once before timing. */
  prepare?: () => Promise<void>
  /**
   * Turns the process output into a short note for the report
   * (for example how many files were checked).
   */
  describe?: (stdout: string, stderrLines: number) => string
}

/** Where the tools run. */
export interface ProcessContext {
  /** Repository root (where `node_modules` is). */
  repoRoot: string
  /** The corpus folder; tools run with it as working directory. */
  corpusRoot: string
  /** Corpus sub-folder with the cycled pages, relative to `corpusRoot`. */
  pagesFolder: string
}

/**
 * markdownlint-cli2 over the cycled pages, with its default configuration
 * (every rule enabled), run through its package `bin` with the current Node.
 *
 * @param context
 *   Repository and corpus locations.
 * @returns
 *   The benchmark entry.
 */
export async function markdownlintCli2(context: ProcessContext): Promise<ProcessBenchmark> {
  const manifestPath = await packageManifest(context.repoRoot, 'markdownlint-cli2')
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    version: string
    bin: string | Record<string, string>
  }
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['markdownlint-cli2']
  const configPath = path.join(context.corpusRoot, '.markdownlint-cli2.jsonc')

  return {
    name: 'markdownlint-cli2 ' + manifest.version,
    spec: {
      command: process.execPath,
      args: [path.join(path.dirname(manifestPath), bin), context.pagesFolder + '/**/*.md'],
      cwd: context.corpusRoot
    },
    async prepare() {
      // `default: true` enables every rule; nothing is turned off.
      await writeFile(configPath, JSON.stringify({config: {default: true}}, null, 2) + '\n')
    },
    describe(stdout, stderrLines) {
      const files = /Linting: (\d+) file/.exec(stdout)?.[1] ?? '?'
      const issues = /Summary: (\d+) error/.exec(stdout)?.[1] ?? String(stderrLines)
      return files + ' files, ' + issues + ' issues reported'
    }
  }
}

/**
 * Find a dependency's `package.json`, even when its `exports` hide that file:
 * resolve the package's main entry, then walk up to the manifest.
 *
 * @param repoRoot
 *   Folder to resolve from.
 * @param name
 *   Package name.
 * @returns
 *   Absolute path of the package's `package.json`.
 */
async function packageManifest(repoRoot: string, name: string): Promise<string> {
  const require = createRequire(path.join(repoRoot, 'package.json'))
  let folder = path.dirname(require.resolve(name))
  for (;;) {
    const candidate = path.join(folder, 'package.json')
    try {
      const manifest = JSON.parse(await readFile(candidate, 'utf8')) as {name?: string}
      if (manifest.name === name) return candidate
    } catch {
      // No manifest at this level: keep walking up.
    }

    const parent = path.dirname(folder)
    if (parent === folder) throw new Error('Cannot find `package.json` of `' + name + '`')
    folder = parent
  }
}

/**
 * The command-line tools to time over the corpus.
 *
 * @param context
 *   Repository and corpus locations.
 * @returns
 *   The entries, in report order.
 */
export async function processBenchmarks(context: ProcessContext): Promise<ProcessBenchmark[]> {
  return [await markdownlintCli2(context), slamarkLint(context), slamarkLintWarm(context), parseOnly(context, 'slamark'), parseOnly(context, 'remark')]
}

/** The threads of the parse-only runs: as many as `slamark lint` uses on an idle machine. */
const parseThreads = Math.max(1, availableParallelism())

/**
 * Parsing alone, over the same pages and threads as lint (`bench/parse-only.js`):
 * a floor under lint's cold run, which parses every page and then does
 * everything else. `slamark` is lint's own parser; `remark` is plain
 * remark-parse with GFM and front matter, the parser the architecture
 * builds on.
 *
 * @param context
 *   Repository and corpus locations.
 * @param parser
 *   Which parser.
 * @returns
 *   The benchmark entry.
 */
export function parseOnly(context: ProcessContext, parser: 'slamark' | 'remark'): ProcessBenchmark {
  return {
    name: parser === 'slamark' ? 'parse only: slamark' : 'parse only: remark-parse + gfm + frontmatter',
    spec: {
      command: process.execPath,
      args: [path.join(context.repoRoot, 'bench', 'parse-only.js'), context.pagesFolder, String(parseThreads), parser],
      cwd: context.corpusRoot
    },
    describe(stdout) {
      const result = JSON.parse(stdout || '{}') as {pages?: number; workers?: number}
      return `${result.pages ?? '?'} pages on ${result.workers ?? '?'} threads, nothing but the parse`
    }
  }
}

/** The fixed "now" of both lint runs, so SLA pages without their own `asOf` can be cached. */
const lintAsOf = '2026-12-01T00:00:00Z'

/** The lint cache of runs in the corpus folder (the nearest folder with `package.json` is the repository). */
function lintCacheFolder(context: ProcessContext): string {
  return path.join(context.repoRoot, 'node_modules', '.cache', 'slamark', 'lint')
}

/**
 * `slamark lint` over the same pages, run from the built `bin` as a user
 * runs it (build first: `npm run build`).
 *
 * @param context
 *   Repository and corpus locations.
 * @returns
 *   The benchmark entry.
 */
export function slamarkLint(context: ProcessContext): ProcessBenchmark {
  return {
    name: 'slamark lint',
    spec: {
      command: process.execPath,
      args: [path.join(context.repoRoot, 'bin', 'slamark.js'), 'lint', '--no-color', '--as-of', lintAsOf, context.pagesFolder],
      cwd: context.corpusRoot
    },
    async prepare() {
      // Cold: no cache from an earlier run.
      await rm(lintCacheFolder(context), {recursive: true, force: true})
    },
    describe(_stdout, stderrLines) {
      return 'cold cache; ' + (stderrLines === 0 ? 'no messages' : stderrLines + ' report lines')
    }
  }
}

/**
 * `slamark lint` again over the same pages after one page changed: the
 * cache of the cold run holds every other page.
 *
 * @param context
 *   Repository and corpus locations.
 * @returns
 *   The benchmark entry.
 */
export function slamarkLintWarm(context: ProcessContext): ProcessBenchmark {
  const cold = slamarkLint(context)
  return {
    name: 'slamark lint (warm)',
    spec: cold.spec,
    async prepare() {
      await appendFile(path.join(context.corpusRoot, context.pagesFolder, 'set-0001', 'docs', 'support-desk-sla.md'), '\nOne more line, changed for the warm run.\n')
    },
    describe(_stdout, stderrLines) {
      return 'one page changed since the cold run; ' + (stderrLines === 0 ? 'no messages' : stderrLines + ' report lines')
    }
  }
}
