/**
 * The site build benchmark: the corpus built as a site by `slamark build`
 * (cold, then again after one page changed), by the plain unified pipeline
 * on as many worker threads (`plain-site.js`), and by Debian's Hugo with
 * Doks' shortcode templates; each a process of its own, timed from spawn to
 * exit with its peak memory. Then the dev server's update time (`hmr.ts`).
 * Reported, never asserted.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {writeHugoDoksSite} from '../test/support/hugo-doks-site.js'
import {median, timeProcess, type ProcessTiming} from './measure.js'

/** One subject's runs. */
export interface SiteSubject {
  name: string
  /** Wall time of each run, in ms. */
  wallMs: number[]
  /** Peak memory of each run, in MiB. */
  peakRssMiB: number[]
  /** What the last run said (pages built, a failure). */
  note: string
  /** Whether every run exited with 0. */
  ok: boolean
}

/** The dev server's update times. */
export interface HmrTiming {
  edits: number
  /** Median time from writing the page to Vite's HMR update, in ms. */
  updateMs: number
  /** Median time from writing the page to its re-rendered module being served, in ms. */
  moduleMs: number
}

/** What the site benchmark measured. */
export interface SiteBenchmark {
  workers: number
  pages: number
  cold: SiteSubject
  rebuild: SiteSubject
  plain: SiteSubject
  hugo: SiteSubject | undefined
  hugoSkipped: string | undefined
  hmr: HmrTiming | undefined
}

/** Where the benchmark reads and writes. */
export interface SiteBenchContext {
  repoRoot: string
  /** The corpus folder (`bench/.corpus`). */
  corpusRoot: string
  /** The corpus pages, a content folder (`bench/.corpus/pages`). */
  pagesDir: string
  /** How many pages it holds. */
  pages: number
  /** Runs of each build. */
  rounds: number
  /** Progress messages. */
  log: (message: string) => void
}

const asOf = '2026-01-01T00:00:00Z'

// Hugo's page: the title, the content and the table of contents, as slamark's shell holds them.
const hugoLayout =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>' +
  '<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main><aside>{{ .TableOfContents }}</aside></body></html>'

/**
 * Run the site benchmark.
 *
 * @param context
 *   The corpus and the number of rounds.
 */
export async function siteBenchmark(context: SiteBenchContext): Promise<SiteBenchmark> {
  const work = path.join(context.corpusRoot, 'site')
  rmSync(work, {recursive: true, force: true})
  mkdirSync(work, {recursive: true})
  const workers = os.availableParallelism()
  const cacheDir = path.join(context.pagesDir, 'node_modules', '.cache', 'slamark')
  const bin = path.join(context.repoRoot, 'bin', 'slamark.js')
  const slamarkOut = path.join(work, 'slamark')
  const slamarkBuild = {command: process.execPath, args: [bin, 'build', context.pagesDir, '--out', slamarkOut, '--as-of', asOf, '--no-color'], cwd: context.repoRoot}
  const plainBuild = {
    command: process.execPath,
    args: [path.join(context.repoRoot, 'bench', 'plain-site.js'), context.pagesDir, path.join(work, 'plain'), String(workers)],
    cwd: context.repoRoot
  }

  const hugoSite = path.join(work, 'hugo-site')
  const hugoSkipped = prepareHugoSite(hugoSite, context.pagesDir, context.repoRoot)
  const hugoBuild = {command: 'hugo', args: ['--source', hugoSite, '--destination', path.join(work, 'hugo'), '--cacheDir', path.join(work, 'hugo-cache'), '--quiet'], cwd: hugoSite}

  const cold = subject('slamark build (cold)')
  const plain = subject(`plain pipeline, ${workers} worker threads`)
  const hugo = hugoSkipped === undefined ? subject(hugoVersionLine()) : undefined
  const rebuild = subject('slamark build (one page changed)')
  const changed = path.join(context.pagesDir, 'set-0001', 'docs', 'website-care-sla.md')
  const original = readFileSync(changed, 'utf8')

  try {
    for (let round = 0; round < context.rounds; round++) {
      context.log(`Site build round ${round + 1} of ${context.rounds} …`)
      // The order turns each round, so no build always runs after the same one.
      const order = [
        async () => {
          rmSync(slamarkOut, {recursive: true, force: true})
          rmSync(cacheDir, {recursive: true, force: true})
          record(cold, await timeProcess(slamarkBuild), (timing) => timing.stdout.trim())
          writeFileSync(changed, original.replace('## What the care plan covers', `## What the care plan covers (edit ${round})`))
          record(rebuild, await timeProcess(slamarkBuild), (timing) => timing.stdout.trim())
          writeFileSync(changed, original)
        },
        async () => {
          rmSync(path.join(work, 'plain'), {recursive: true, force: true})
          record(plain, await timeProcess(plainBuild), (timing) => timing.stdout.trim())
        },
        async () => {
          if (!hugo) return
          rmSync(path.join(work, 'hugo'), {recursive: true, force: true})
          record(hugo, await timeProcess(hugoBuild), () => `${context.pages} pages`)
        }
      ]
      for (let step = 0; step < order.length; step++) await order[(step + round) % order.length]!()
    }
  } finally {
    writeFileSync(changed, original)
  }

  context.log('Timing the dev server’s updates …')
  const hmrRun = spawnSync(process.execPath, ['--import', 'tsx', path.join(context.repoRoot, 'bench', 'hmr.ts'), context.pagesDir, '15'], {
    cwd: context.repoRoot,
    encoding: 'utf8',
    timeout: 300_000
  })
  const hmr = hmrRun.status === 0 ? (JSON.parse(hmrRun.stdout.trim().split('\n').at(-1)!) as HmrTiming) : undefined
  if (!hmr) context.log(`bench/hmr.ts failed: ${hmrRun.stderr.slice(-1000)}`)
  return {workers, pages: context.pages, cold, rebuild, plain, hugo, hugoSkipped, hmr}
}

function subject(name: string): SiteSubject {
  return {name, wallMs: [], peakRssMiB: [], note: '', ok: true}
}

function record(target: SiteSubject, timing: ProcessTiming, describe: (timing: ProcessTiming) => string): void {
  target.wallMs.push(timing.wallMs)
  target.peakRssMiB.push(timing.peakRssMiB)
  target.ok &&= timing.exitCode === 0
  target.note = timing.exitCode === 0 ? describe(timing) : `exit ${timing.exitCode}: ${timing.stderrTail.trim().split('\n').slice(-3).join(' ')}`
}

/**
 * The median of a subject's wall times and peaks.
 *
 * @param target
 *   The subject.
 */
export function summary(target: SiteSubject): {wallMs: number; peakRssMiB: number} {
  return {wallMs: median(target.wallMs), peakRssMiB: median(target.peakRssMiB)}
}

function hugoVersionLine(): string {
  const result = spawnSync('hugo', ['version'], {encoding: 'utf8'})
  return `hugo ${/v[\d.]+/.exec(result.stdout)?.[0] ?? ''} with Doks’ shortcodes`.replace('  ', ' ')
}

/**
 * A Hugo site of the corpus: Doks' shortcode templates (the callout and the
 * rest) and render hooks, Tabler's icons, Doks' `markup` settings, the same
 * pages, and empty templates for slamark's own SLA shortcodes (Hugo stops at
 * a shortcode without a template; the Hugo integration that fills them is
 * not part of this benchmark, so Hugo does less work on those calls).
 *
 * @param site
 *   The folder to write.
 * @param pagesDir
 *   The corpus pages.
 * @param repoRoot
 *   Where `node_modules` is.
 * @returns
 *   Why Hugo is skipped, or `undefined`.
 */
function prepareHugoSite(site: string, pagesDir: string, repoRoot: string): string | undefined {
  if (spawnSync('hugo', ['version'], {encoding: 'utf8'}).status !== 0) return 'hugo not on PATH (Debian: apt-get install hugo)'
  if (!existsSync(path.join(repoRoot, 'node_modules', '@thulite', 'doks-core'))) return 'the @thulite/doks-core dev dependency is not installed'
  writeHugoDoksSite(site, {layout: hugoLayout, disableKinds: ['taxonomy', 'term']})
  for (const name of ['sla-timeline', 'sla-breaches', 'sla-targets', 'sla-value']) writeFileSync(path.join(site, 'layouts', 'shortcodes', `${name}.html`), '')
  cpSync(pagesDir, path.join(site, 'content'), {recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`)})
  return undefined
}
