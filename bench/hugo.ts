/**
 * The Hugo integration, timed: a Hugo site of the corpus pages with Doks'
 * templates and slamark's (mounted as the README says for Hugo before
 * 0.146), then `slamark build --hugo` and `hugo` over it, alternating, a few
 * rounds each. Reports what the prebuild step costs next to Hugo's own build
 * of the same site, measured in the same run. Needs Debian's `hugo`.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {assembleHugoDoksSite} from '../test/support/hugo-doks-site.js'
import {median, timeProcess} from './measure.js'

/** What the section measured. */
export interface HugoBenchmark {
  pages: number
  /** Wall times of `slamark build --hugo`, per round. */
  slamarkMs: number[]
  /** Wall times of `hugo`, per round. */
  hugoMs: number[]
  /** Median of per-round ratios slamark/hugo. */
  ratio: number
  /** Lines Hugo wrote to stderr (its warnings) in the last round: 0 expected. */
  hugoStderrLines: number
  /** SLA data files written. */
  dataFiles: number
}

/**
 * Time `slamark build --hugo` and `hugo` on a site of the corpus pages.
 *
 * @param options
 *   Repository and corpus folders, the pages' sub-folder and the rounds.
 * @returns
 *   The timings, or why the section did not run.
 */
export async function hugoBenchmark(options: {repoRoot: string; corpusRoot: string; pagesFolder: string; rounds: number}): Promise<HugoBenchmark | {skipped: string}> {
  const version = spawnSync('hugo', ['version'], {encoding: 'utf8'})
  if (version.status !== 0) return {skipped: 'hugo: not on PATH, the Hugo integration was not timed'}

  const root = path.join(options.corpusRoot, 'hugo-site')
  fs.rmSync(root, {recursive: true, force: true})
  fs.mkdirSync(root, {recursive: true})
  const layouts = path.join(options.repoRoot, 'layouts')
  const mounts = [
    ...['sla-breaches', 'sla-targets', 'sla-timeline', 'sla-value'].map((name) => ({
      source: path.join(layouts, '_shortcodes', `${name}.html`),
      target: `layouts/shortcodes/${name}.html`
    })),
    {source: path.join(layouts, '_partials', 'slamark'), target: 'layouts/partials/slamark'}
  ]
  assembleHugoDoksSite(root, {mounts, pageTop: '{{ partial "slamark/breach-notice.html" . }}'})
  fs.cpSync(path.join(options.corpusRoot, options.pagesFolder), path.join(root, 'content'), {recursive: true})
  const pages = (fs.readdirSync(path.join(root, 'content'), {recursive: true}) as string[]).filter((name) => name.endsWith('.md')).length

  const slamark = {
    command: process.execPath,
    args: [path.join(options.repoRoot, 'bin', 'slamark.js'), 'build', '--hugo', root, '--as-of', '2026-11-22T12:00:00+01:00', '--no-color'],
    cwd: root
  }
  const hugo = {command: 'hugo', args: ['--source', root, '--destination', path.join(root, 'public'), '--cacheDir', path.join(root, '.cache')], cwd: root}
  const slamarkMs: number[] = []
  const hugoMs: number[] = []
  let hugoStderrLines = 0
  for (let round = 0; round < options.rounds; round++) {
    const built = await timeProcess(slamark)
    if (built.exitCode !== 0) throw new Error(`Unexpected exit ${built.exitCode} of slamark build --hugo on the corpus site, expected 0`)
    const site = await timeProcess(hugo)
    if (site.exitCode !== 0) throw new Error(`Unexpected exit ${site.exitCode} of hugo on the corpus site, expected 0`)
    hugoStderrLines = site.stderrLines
    slamarkMs.push(built.wallMs)
    hugoMs.push(site.wallMs)
  }

  return {
    pages,
    slamarkMs,
    hugoMs,
    ratio: median(slamarkMs.map((ms, index) => ms / hugoMs[index]!)),
    hugoStderrLines,
    dataFiles: fs.readdirSync(path.join(root, 'data', 'slamark')).length
  }
}
