/**
 * `npm run bench`: parser throughput of slamark's `remarkHugo` against plain
 * remark (GFM + front matter), size growth, and whole-process reference
 * timings, over a corpus generated from `content-examples/`.
 *
 * Options: `--pages=N` (minimum corpus pages, default 2000), `--rounds=N`
 * (default 5), `--tickets=N` (generated tickets for the engine, default
 * 100000), `--site-rounds=N` (runs of each site build, default 3),
 * `--tool-rounds=N` (runs of each whole-process tool, default 3),
 * `--only=parse,render,ladder,tools,engine,build,hugo` (sections to run,
 * default all; `build` times `slamark build` against the plain pipeline and
 * Hugo, `hugo` times `slamark build --hugo` against `hugo` on a site of the
 * corpus). Prints a table and writes `bench/.corpus/results.json`.
 * Timings are reported, never asserted.
 */

import type {Root} from 'mdast'
import {spawnSync} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {remarkFrontmatterData} from '../src/frontmatter/plugin.js'
import {remarkHugo} from '../src/syntax/index.js'
import {remarkValidate} from '../src/transform/remark-validate.js'
import {buildCorpus, type CorpusFile} from './corpus.js'
import {
  alternateRounds,
  median,
  timeFiles,
  timeProcess,
  throughput,
  warmUp,
  type Subject
} from './measure.js'
import {hugoBenchmark} from './hugo.js'
import {processBenchmarks} from './processes.js'
import {renderSubjects} from './render.js'
import {siteBenchmark, summary, type SiteBenchmark} from './site.js'

/** The time ratio slamark/baseline we aim for (reported, not enforced). */
const targetRatio = 1.15
/** The render time ratio slamark/plain pipeline we aim for (reported, not enforced). */
const renderTargetRatio = 1.3

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '..')
const corpusRoot = path.join(here, '.corpus')

const minPages = numberOption('pages', 2000)
const rounds = numberOption('rounds', 5)
const engineTickets = numberOption('tickets', 100_000)
const sections = listOption('only', ['parse', 'render', 'ladder', 'tools', 'engine', 'build', 'hugo'])
const siteRounds = numberOption('site-rounds', 3)
const toolRounds = numberOption('tool-rounds', 3)
/** Targets of the site build (reported, not enforced). */
const siteTargets = {coldOverPlain: 1.25, rebuildOverHugo: 0.3, hmrMs: 50}

const baselineProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze()
const slamarkProcessor = unified().use(remarkHugo).freeze()

const baseline: Subject = {
  name: 'remark-parse + gfm + frontmatter',
  parse: (file: CorpusFile) => baselineProcessor.parse(new VFile({path: file.path, value: file.value}))
}
const slamark: Subject = {
  name: 'slamark remarkHugo',
  parse: (file: CorpusFile) => slamarkProcessor.parse(new VFile({path: file.path, value: file.value}))
}
// The whole read of a page: Markdown and front matter, without and with validation.
const readingProcessor = unified().use(remarkHugo).use(remarkFrontmatterData).freeze()
const slamarkRead: Subject = {
  name: 'slamark parse + front matter',
  parse(file: CorpusFile) {
    const vfile = new VFile({path: file.path, value: file.value})
    return readingProcessor.runSync(readingProcessor.parse(vfile) as Root, vfile)
  }
}
// The same with every position of the front matter made (as the `yaml` document gives them): plain
// YAML is read by js-yaml and its positions made only when a message asks for one, which validation
// does on pages with findings, so validation is also measured against a read that made them.
const slamarkReadPositions: Subject = {
  name: 'slamark parse + front matter with positions',
  parse(file: CorpusFile) {
    const vfile = new VFile({path: file.path, value: file.value})
    const tree = readingProcessor.runSync(readingProcessor.parse(vfile) as Root, vfile)
    vfile.data.frontmatterLocate?.([])
    return tree
  }
}
const validatingProcessor = unified().use(remarkHugo).use(remarkFrontmatterData).use(remarkValidate, {asOf: '2026-01-01T00:00:00Z'}).freeze()
const slamarkValidate: Subject = {
  name: 'slamark parse + validate',
  parse(file: CorpusFile) {
    const vfile = new VFile({path: file.path, value: file.value})
    return validatingProcessor.runSync(validatingProcessor.parse(vfile) as Root, vfile)
  }
}

log('Building corpus in ' + path.relative(repoRoot, corpusRoot) + ' …')
const corpus = await buildCorpus({
  examplesDir: path.join(repoRoot, 'content-examples'),
  outDir: corpusRoot,
  minPages
})
const corpusBytes = corpus.pages.reduce((sum, file) => sum + file.bytes, 0)

type Timing = ReturnType<typeof alternateRounds>[number]

let parsers: Timing[] = []
let validationShare = Number.NaN
let validationOverPositions = Number.NaN
let ratio = Number.NaN
let roundRatios: number[] = []
let roundRatio = Number.NaN
if (sections.has('parse')) {
  log('Warming up the parsers …')
  // A few hundred pages are enough for the JIT; the rounds then cover everything.
  warmUp([baseline, slamark, slamarkRead, slamarkReadPositions, slamarkValidate], corpus.pages.slice(0, 600), 2)
  log('Timing ' + rounds + ' alternating parser rounds …')
  parsers = alternateRounds([baseline, slamark, slamarkRead, slamarkReadPositions, slamarkValidate], corpus.pages, rounds)
  const [baselineTiming, slamarkTiming, readTiming, positionsTiming, validateTiming] = parsers
  // What validation adds on top of reading the page (Markdown and front matter),
  // per round (same conditions), then the median.
  validationShare = median(validateTiming.roundsMs.map((ms, round) => ms / readTiming.roundsMs[round] - 1))
  validationOverPositions = median(validateTiming.roundsMs.map((ms, round) => ms / positionsTiming.roundsMs[round] - 1))
  ratio = slamarkTiming.medianMs / baselineTiming.medianMs
  // Both subjects ran interleaved within each round, so a round's pair shares
  // the machine's conditions; the median of those ratios is the steadier figure.
  roundRatios = slamarkTiming.roundsMs.map((ms, round) => ms / baselineTiming.roundsMs[round])
  roundRatio = median(roundRatios)
}

let renders: Timing[] = []
let renderRatios: {plain: number; gfm: number; plainRounds: number[]; gfmRounds: number[]} | undefined
if (sections.has('render')) {
  const subjects = renderSubjects()
  log('Warming up the renderers …')
  warmUp(subjects, corpus.pages.slice(0, 600), 2)
  log('Timing ' + rounds + ' alternating render rounds …')
  renders = alternateRounds(subjects, corpus.pages, rounds)
  const [plain, gfm, ours] = renders
  const plainRounds = ours.roundsMs.map((ms, round) => ms / plain.roundsMs[round])
  const gfmRounds = ours.roundsMs.map((ms, round) => ms / gfm.roundsMs[round])
  renderRatios = {plain: median(plainRounds), gfm: median(gfmRounds), plainRounds, gfmRounds}
}

let ladder: Array<{factor: number; bytes: number; slamark: ReturnType<typeof timeFiles>[number]; baseline: ReturnType<typeof timeFiles>[number]}> = []
let growth: {fromFactor: number; toFactor: number; slamark: number; baseline: number} | undefined
if (sections.has('ladder')) {
  log('Timing the size ladder …')
  const ladderSlamark = timeFiles(corpus.ladder, slamark.parse)
  const ladderBaseline = timeFiles(corpus.ladder, baseline.parse)
  ladder = corpus.ladder.map((file, index) => ({
    factor: file.factor,
    bytes: file.bytes,
    slamark: ladderSlamark[index],
    baseline: ladderBaseline[index]
  }))
  const first = ladder[0]
  const last = ladder[ladder.length - 1]
  growth = {
    fromFactor: first.factor,
    toFactor: last.factor,
    slamark: last.slamark.microsecondsPerKilobyte / first.slamark.microsecondsPerKilobyte,
    baseline: last.baseline.microsecondsPerKilobyte / first.baseline.microsecondsPerKilobyte
  }
}

const processes: ToolTiming[] = []
if (sections.has('tools')) {
  log('Timing external tools, ' + toolRounds + ' rounds …')
  const entries = await processBenchmarks({repoRoot, corpusRoot, pagesFolder: 'pages'})
  for (const entry of entries) processes.push({name: entry.name, wallMs: Number.NaN, runsMs: [], exitCode: null, note: ''})
  // Round by round, every tool in turn: a drift of the machine's speed moves each tool of a round alike.
  for (let round = 0; round < toolRounds; round++) {
    for (const [index, entry] of entries.entries()) {
      await entry.prepare?.()
      const timing = await timeProcess(entry.spec)
      const record = processes[index]!
      record.runsMs.push(timing.wallMs)
      // A failure in any round is the one reported.
      if (record.exitCode === null || record.exitCode === 0) record.exitCode = timing.exitCode
      record.note = entry.describe?.(timing.stdout, timing.stderrLines) ?? ''
    }
  }

  for (const record of processes) record.wallMs = median(record.runsMs)
}

let engine: {tickets: number; cycles: number; ms: number; ticketsPerSecond: number; peakRssMiB: number} | undefined
if (sections.has('engine')) {
  log('Timing the engine on generated tickets …')
  // A process of its own, so its peak memory is the engine's alone.
  const engineRun = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'engine.ts'), `--tickets=${engineTickets}`], {encoding: 'utf8', cwd: repoRoot})
  if (engineRun.status !== 0) throw new Error('Unexpected failure of bench/engine.ts, expected a JSON line: ' + engineRun.stderr)
  engine = JSON.parse(engineRun.stdout) as typeof engine
}

let site: SiteBenchmark | undefined
if (sections.has('build')) {
  log('Timing the site builds (slamark build, the plain pipeline, hugo) …')
  site = await siteBenchmark({repoRoot, corpusRoot, pagesDir: corpus.pagesDir, pages: corpus.pages.length, rounds: siteRounds, log})
}

let hugo: Awaited<ReturnType<typeof hugoBenchmark>> | undefined
if (sections.has('hugo')) {
  log('Timing slamark build --hugo and hugo on a site of the corpus …')
  hugo = await hugoBenchmark({repoRoot, corpusRoot, pagesFolder: 'pages', rounds: Math.min(rounds, 3)})
}

const hugoNote =
  hugo === undefined
    ? 'hugo: slamark build --hugo not timed (--only without hugo)'
    : 'skipped' in hugo
      ? hugo.skipped
      : `Hugo site of ${hugo.pages} corpus pages (Doks and slamark templates, ${hugo.dataFiles} SLA data files): slamark build --hugo ${hugo.slamarkMs.map((ms) => formatNumber(ms, 0)).join(' ')} ms, ` +
        `hugo ${hugo.hugoMs.map((ms) => formatNumber(ms, 0)).join(' ')} ms per round; slamark/hugo ${formatNumber(hugo.ratio, 2)} (median of per-round ratios); hugo wrote ${hugo.hugoStderrLines} stderr lines`

// Report.
const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const lines: string[] = []
lines.push(
  '',
  `slamark bench: node ${process.version}, ${process.platform} ${process.arch}, ${cpu}`,
  `corpus: ${corpus.pages.length} pages from ${corpus.examples.length} examples, ${formatNumber(corpusBytes / 1e6, 2)} MB`,
  `rounds: ${rounds}, subjects interleaved per 50-page chunk in alternating order, median of per-round totals, after a warm-up`,
  ''
)
const timingRows = (timings: readonly Timing[]) =>
  timings.map((timing) => {
    const rate = throughput(corpus.pages, timing.medianMs)
    return [
      timing.name,
      formatNumber(timing.medianMs, 1),
      formatNumber(rate.pagesPerSecond, 0),
      formatNumber(rate.megabytesPerSecond, 2),
      timing.roundsMs.map((ms) => formatNumber(ms, 0)).join(' ')
    ]
  })
if (parsers.length > 0) {
  lines.push(
    ...table(['parser', 'median ms', 'pages/s', 'MB/s', 'per-round ms'], timingRows(parsers)),
    '',
    `validation adds ${formatNumber(validationShare * 100, 1)} % on top of parsing Markdown and front matter, the positions of messages included (median of per-round ratios; target ≤ 10 %)`,
    `validation adds ${formatNumber(validationOverPositions * 100, 1)} % on top of parsing Markdown and front matter with every position made (median of per-round ratios)`,
    `time ratio slamark/baseline: ${formatNumber(ratio, 3)} (ratio of medians), ` +
      `${formatNumber(roundRatio, 3)} (median of per-round ratios: ` +
      `${roundRatios.map((value) => formatNumber(value, 3)).join(' ')}); target ≤ ${targetRatio}`,
    ''
  )
}
if (renderRatios) {
  lines.push(
    ...table(['render to HTML', 'median ms', 'pages/s', 'MB/s', 'per-round ms'], timingRows(renders)),
    '',
    `render time ratio slamark/plain remark-parse + remark-rehype + rehype-stringify: ${formatNumber(renderRatios.plain, 3)} ` +
      `(median of per-round ratios: ${renderRatios.plainRounds.map((value) => formatNumber(value, 3)).join(' ')}); target ≤ ${renderTargetRatio}`,
    `render time ratio slamark/plain with gfm + frontmatter: ${formatNumber(renderRatios.gfm, 3)} ` +
      `(median of per-round ratios: ${renderRatios.gfmRounds.map((value) => formatNumber(value, 3)).join(' ')})`,
    ''
  )
}
if (growth) {
  lines.push(
    `size ladder: body of ${corpus.ladderSource} repeated`,
    ...table(
      ['page', 'KB', 'slamark ms', 'slamark µs/KB', 'baseline ms', 'baseline µs/KB'],
      ladder.map((row) => [
        row.factor + 'x',
        formatNumber(row.bytes / 1024, 1),
        formatNumber(row.slamark.msPerParse, 3),
        formatNumber(row.slamark.microsecondsPerKilobyte, 1),
        formatNumber(row.baseline.msPerParse, 3),
        formatNumber(row.baseline.microsecondsPerKilobyte, 1)
      ])
    ),
    '',
    `time per KB growth ${growth.toFactor}x/${growth.fromFactor}x: slamark ${formatNumber(growth.slamark, 2)}, ` +
      `baseline ${formatNumber(growth.baseline, 2)} (1.00 = linear)`,
    ''
  )
}
if (processes.length > 0) {
  lines.push(
    `external tools over the same pages (${toolRounds} rounds, each tool in turn; median wall time incl. process start):`,
    ...table(
      ['tool', 'wall ms', 'rounds ms', 'exit', 'note'],
      processes.map((entry) => [entry.name, formatNumber(entry.wallMs, 0), entry.runsMs.map((ms) => formatNumber(ms, 0)).join(' '), String(entry.exitCode), entry.note])
    ),
    ...lintRatio(processes),
    ''
  )
}
if (hugo !== undefined) lines.push(hugoNote, '')
if (engine) {
  lines.push(
    `engine: ${formatNumber(engine.tickets, 0)} generated tickets (${formatNumber(engine.cycles, 0)} target cycles, pauses and priority changes, two business calendars) in ` +
      `${formatNumber(engine.ms, 0)} ms: ${formatNumber(engine.ticketsPerSecond, 0)} tickets/s, peak memory ${formatNumber(engine.peakRssMiB, 0)} MiB (target: 100,000 in under 1 s)`,
    ''
  )
}
if (site) lines.push(...siteReport(site), '')
console.log(lines.join('\n'))

const resultsPath = path.join(corpusRoot, 'results.json')
await writeFile(
  resultsPath,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      environment: {node: process.version, platform: process.platform, arch: process.arch, cpu},
      corpus: {
        pages: corpus.pages.length,
        bytes: corpusBytes,
        examples: corpus.examples,
        ladderSource: corpus.ladderSource
      },
      rounds,
      sections: [...sections],
      parsers: parsers.map((timing) => ({...timing, ...throughput(corpus.pages, timing.medianMs)})),
      ratio: {slamarkOverBaseline: ratio, perRound: roundRatios, medianOfRounds: roundRatio, target: targetRatio},
      validation: {share: validationShare, overPositions: validationOverPositions, target: 0.1},
      render: {
        subjects: renders.map((timing) => ({...timing, ...throughput(corpus.pages, timing.medianMs)})),
        ratios: renderRatios ?? null,
        target: renderTargetRatio
      },
      ladder,
      growth: growth ?? null,
      processes,
      engine: engine ?? null,
      hugo: hugo ?? null,
      site: site ?? null
    },
    null,
    2
  ) + '\n'
)
log('Wrote ' + path.relative(repoRoot, resultsPath))

/**
 * Read a `--name=a,b` list option from the command line.
 *
 * @param name
 *   Option name.
 * @param all
 *   Every allowed value, also the default.
 * @returns
 *   The chosen values.
 */
function listOption(name: string, all: readonly string[]): Set<string> {
  const prefix = '--' + name + '='
  const raw = process.argv.find((argument) => argument.startsWith(prefix))?.slice(prefix.length)
  if (raw === undefined) return new Set(all)
  const values = raw.split(',').filter(Boolean)
  const unknown = values.filter((value) => !all.includes(value))
  if (unknown.length > 0 || values.length === 0) {
    throw new Error('Unexpected `--' + name + '` value `' + raw + '`, expected some of ' + all.join(', '))
  }

  return new Set(values)
}

/**
 * Read a `--name=N` option from the command line.
 *
 * @param name
 *   Option name.
 * @param fallback
 *   Value when absent.
 * @returns
 *   The positive integer given, or `fallback`.
 */
function numberOption(name: string, fallback: number): number {
  const prefix = '--' + name + '='
  const raw = process.argv.find((argument) => argument.startsWith(prefix))?.slice(prefix.length)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    throw new Error('Invalid `--' + name + '` `' + raw + '`, expected a positive integer')
  }

  return value
}

/**
 * Format a number with fixed decimals and thousands separators.
 *
 * @param value
 *   Number.
 * @param decimals
 *   Decimals.
 * @returns
 *   Formatted text (always `en-US` style, whatever the locale).
 */
function formatNumber(value: number, decimals: number): string {
  return value.toLocaleString('en-US', {minimumFractionDigits: decimals, maximumFractionDigits: decimals})
}

/**
 * Lay out rows as an aligned text table (numbers right-aligned).
 *
 * @param header
 *   Column titles.
 * @param rows
 *   Cells.
 * @returns
 *   Lines.
 */
function table(header: readonly string[], rows: readonly string[][]): string[] {
  const all = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)))
  const numeric = /^[\d.,]+x?$/
  const format = (row: readonly string[]) =>
    row
      .map((cell, column) => (numeric.test(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd()
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format)]
}

/**
 * Progress message on stderr, so stdout holds only the report.
 *
 * @param message
 *   Text.
 */
function log(message: string): void {
  console.error(message)
}

/** One whole-process tool's runs. */
interface ToolTiming {
  name: string
  /** Median of `runsMs`. */
  wallMs: number
  /** Wall time of each round. */
  runsMs: number[]
  /** The first failing exit code, else 0. */
  exitCode: number | null
  note: string
}

/**
 * The wall-time ratios of `slamark lint` and of parsing alone to
 * markdownlint-cli2, when they ran: the median of the per-round ratios.
 *
 * @param processes
 *   The timed tools.
 * @returns
 *   Report lines.
 */
function lintRatio(processes: readonly ToolTiming[]): string[] {
  const byName = (name: string) => processes.find((entry) => entry.name === name)
  const ours = byName('slamark lint')
  const warm = byName('slamark lint (warm)')
  const theirs = processes.find((entry) => entry.name.startsWith('markdownlint-cli2'))
  if (!ours || !theirs) return []
  const ratio = (a: ToolTiming, b: ToolTiming) => {
    const rounds = a.runsMs.map((ms, round) => ms / b.runsMs[round]!)
    return `${formatNumber(median(rounds), 3)} (rounds ${rounds.map((value) => formatNumber(value, 2)).join(' ')})`
  }

  const lines = [`wall time ratio slamark lint (cold)/markdownlint-cli2: ${ratio(ours, theirs)} (target ≤ 0.5)`]
  if (warm) lines.push(`wall time ratio slamark lint warm (one page changed)/cold: ${ratio(warm, ours)} (target ≤ 0.1)`)
  for (const floor of ['parse only: slamark', 'parse only: remark-parse + gfm + frontmatter']) {
    const entry = byName(floor)
    if (entry) lines.push(`wall time ratio ${floor}/markdownlint-cli2: ${ratio(entry, theirs)} (a floor under lint's cold run)`)
  }

  return lines
}

/**
 * The site build's part of the report: each build's median wall time and
 * peak memory, and the ratios against the targets.
 *
 * @param site
 *   What the site benchmark measured.
 * @returns
 *   Lines.
 */
function siteReport(site: SiteBenchmark): string[] {
  const rows = [site.cold, site.rebuild, site.plain, ...(site.hugo ? [site.hugo] : [])].map((subject) => {
    const {wallMs, peakRssMiB} = summary(subject)
    return [subject.name, formatNumber(wallMs, 0), formatNumber(peakRssMiB, 0), subject.wallMs.map((ms) => formatNumber(ms, 0)).join(' '), subject.ok ? subject.note : `FAILED ${subject.note}`]
  })
  const cold = summary(site.cold)
  const rebuild = summary(site.rebuild)
  const plain = summary(site.plain)
  const hugo = site.hugo ? summary(site.hugo) : undefined
  // Per-round ratios: the builds of one round ran back to back, under the same load.
  const perRound = (a: readonly number[], b: readonly number[]): string => a.map((value, index) => formatNumber(value / b[index]!, 2)).join(' ')
  const lines = [
    `site build: ${formatNumber(site.pages, 0)} corpus pages, ${site.workers} worker threads, ${site.cold.wallMs.length} rounds (median; each a process, wall time from spawn to exit, peak resident memory)`,
    ...table(['build', 'wall ms', 'peak MiB', 'per-round ms', 'note'], rows),
    '',
    `cold build / plain pipeline: ${formatNumber(cold.wallMs / plain.wallMs, 2)} (per round: ${perRound(site.cold.wallMs, site.plain.wallMs)}); target ≤ ${siteTargets.coldOverPlain}`
  ]
  if (hugo) {
    lines.push(
      `rebuild after one change / hugo full build: ${formatNumber(rebuild.wallMs / hugo.wallMs, 2)} (per round: ${perRound(site.rebuild.wallMs, site.hugo!.wallMs)}); target ≤ ${siteTargets.rebuildOverHugo}`,
      `cold build / hugo full build: ${formatNumber(cold.wallMs / hugo.wallMs, 2)} (per round: ${perRound(site.cold.wallMs, site.hugo!.wallMs)})`,
      `peak memory slamark build / hugo: ${formatNumber(cold.peakRssMiB / hugo.peakRssMiB, 2)} (${formatNumber(cold.peakRssMiB, 0)} / ${formatNumber(hugo.peakRssMiB, 0)} MiB); target ≤ 1`
    )
  } else {
    lines.push(`hugo: skipped (${site.hugoSkipped})`)
  }

  lines.push(
    site.hmr
      ? `dev server, page edit → HMR update: ${formatNumber(site.hmr.updateMs, 1)} ms, → re-rendered module served: ${formatNumber(site.hmr.moduleMs, 1)} ms (median of ${site.hmr.edits} edits); target < ${siteTargets.hmrMs} ms`
      : 'dev server update time: not measured (bench/hmr.ts failed)'
  )
  return lines
}
