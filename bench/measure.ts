/**
 * Timing helpers for the benchmark: in-process parser timings with warm-up
 * and alternating rounds, per-page timings for the size ladder, and
 * wall-clock timings of child processes.
 *
 * Nothing here asserts a timing; callers only report.
 */

import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import type {CorpusFile} from './corpus.js'

/** Parse one file; the return value is kept alive so the work cannot be skipped. */
export type ParseFunction = (file: CorpusFile) => unknown

/** Something to time: a named parse function. */
export interface Subject {
  /** Label used in the report. */
  name: string
  /** The parse function. */
  parse: ParseFunction
}

/** Timings of one subject over all rounds. */
export interface SubjectTiming {
  /** Label of the subject. */
  name: string
  /** Total time for the whole corpus, per round, in milliseconds. */
  roundsMs: number[]
  /** Median of `roundsMs`. */
  medianMs: number
}

/** Throughput derived from a total time. */
export interface Throughput {
  /** Pages parsed per second. */
  pagesPerSecond: number
  /** Megabytes (10^6 bytes of UTF-8 source) parsed per second. */
  megabytesPerSecond: number
}

/** Per-parse timing of one (usually large) file. */
export interface FileTiming {
  /** Median time of one parse, in milliseconds. */
  msPerParse: number
  /** Time per kilobyte (1024 bytes of UTF-8 source), in microseconds. */
  microsecondsPerKilobyte: number
  /** How many parses each measured batch ran. */
  repetitions: number
}

/** A child process to time as a whole. */
export interface ProcessSpec {
  /** Executable, for example `process.execPath`. */
  command: string
  /** Arguments. */
  args: readonly string[]
  /** Working directory. */
  cwd: string
}

/** Outcome of {@link timeProcess}. */
export interface ProcessTiming {
  /** Wall-clock time from spawn to exit, in milliseconds. */
  wallMs: number
  /** Exit code (`null` when killed by a signal). */
  exitCode: number | null
  /** Everything the process wrote to stdout. */
  stdout: string
  /** Number of lines the process wrote to stderr (kept as a count only). */
  stderrLines: number
  /**
   * The process's peak resident memory in MiB (its `VmHWM` in
   * `/proc/<pid>/status`, read every few milliseconds; all its threads
   * count), or `NaN` where `/proc` is not there.
   */
  peakRssMiB: number
  /** The last lines the process wrote to stderr (for failures). */
  stderrTail: string
}

/** Keeps parse results reachable so no engine can treat the calls as dead. */
let sink: unknown

/**
 * Current time in milliseconds, from the monotonic high-resolution clock.
 *
 * @returns
 *   Milliseconds (fractional).
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

/**
 * Median of a non-empty list.
 *
 * @param values
 *   Numbers.
 * @returns
 *   The median (mean of the two middle values for an even count).
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('Unexpected empty list, expected at least one value')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Parse every file once and return the total time.
 *
 * @param files
 *   Files to parse.
 * @param parse
 *   Parse function.
 * @returns
 *   Total milliseconds.
 */
export function parseAll(files: readonly CorpusFile[], parse: ParseFunction): number {
  const start = now()
  for (const file of files) sink = parse(file)
  return now() - start
}

/**
 * Run each subject over the files `passes` times without recording anything,
 * so that the JIT has compiled the hot paths before measuring.
 *
 * @param subjects
 *   Subjects to warm up.
 * @param files
 *   Files to parse.
 * @param passes
 *   Number of passes per subject (default: `1`).
 */
export function warmUp(subjects: readonly Subject[], files: readonly CorpusFile[], passes = 1): void {
  for (let pass = 0; pass < passes; pass++) {
    for (const subject of subjects) parseAll(files, subject.parse)
  }
}

/**
 * Time every subject over the whole corpus for `rounds` rounds.
 *
 * The machines this runs on are often shared and their speed drifts within
 * seconds, so the subjects are interleaved finely: the corpus is cut into
 * chunks of `chunkSize` files and, chunk by chunk, every subject parses the
 * chunk, in an order that flips from one chunk to the next and from one
 * round to the next (A B, B A, …). A subject's round total is the sum of its
 * chunk times, so both subjects see the same machine conditions.
 *
 * @param subjects
 *   Subjects to time.
 * @param files
 *   Files to parse.
 * @param rounds
 *   Number of rounds.
 * @param chunkSize
 *   Files per chunk (default: `50`).
 * @returns
 *   One timing per subject, in the order given.
 */
export function alternateRounds(
  subjects: readonly Subject[],
  files: readonly CorpusFile[],
  rounds: number,
  chunkSize = 50
): SubjectTiming[] {
  const times = subjects.map(() => [] as number[])
  let flip = false
  for (let round = 0; round < rounds; round++) {
    const totals = subjects.map(() => 0)
    for (let start = 0; start < files.length; start += chunkSize) {
      const chunk = files.slice(start, start + chunkSize)
      const order = subjects.map((_, index) => index)
      if (flip) order.reverse()
      flip = !flip
      for (const index of order) totals[index] += parseAll(chunk, subjects[index].parse)
    }

    for (const [index, total] of totals.entries()) times[index].push(total)
  }

  return subjects.map((subject, index) => ({
    name: subject.name,
    roundsMs: times[index],
    medianMs: median(times[index])
  }))
}

/**
 * Throughput for a total time over a set of files.
 *
 * @param files
 *   The files that were parsed.
 * @param totalMs
 *   Time taken for all of them.
 * @returns
 *   Pages and megabytes per second.
 */
export function throughput(files: readonly CorpusFile[], totalMs: number): Throughput {
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0)
  const seconds = totalMs / 1000
  return {pagesPerSecond: files.length / seconds, megabytesPerSecond: bytes / 1e6 / seconds}
}

/**
 * Time repeated parses of several files (the size ladder), interleaved: in
 * each of `batches` batches every file is parsed enough times to fill about
 * `batchMs`, in an order that flips between batches. The result per file is
 * the median per-parse time over the batches. Interleaving keeps a slow
 * moment of the machine from landing on one size only.
 *
 * @param files
 *   Files to parse.
 * @param parse
 *   Parse function.
 * @param options
 *   Batch count (default: `7`) and target batch length in ms (default: `150`).
 * @returns
 *   One timing per file, in the order given.
 */
export function timeFiles(
  files: readonly CorpusFile[],
  parse: ParseFunction,
  options: {batches?: number; batchMs?: number} = {}
): FileTiming[] {
  const batches = options.batches ?? 7
  const batchMs = options.batchMs ?? 150

  // Warm-up, and an estimate of how many parses fill a batch for each file.
  const repetitions = files.map((file) => {
    let count = 1
    for (;;) {
      const start = now()
      for (let index = 0; index < count; index++) sink = parse(file)
      const elapsed = now() - start
      if (elapsed >= batchMs / 4) return Math.max(1, Math.round((count * batchMs) / elapsed))
      count *= 2
    }
  })

  const perParse = files.map(() => [] as number[])
  const order = files.map((_, index) => index)
  for (let batch = 0; batch < batches; batch++) {
    for (const index of order) {
      const start = now()
      for (let count = 0; count < repetitions[index]; count++) sink = parse(files[index])
      perParse[index].push((now() - start) / repetitions[index])
    }

    order.reverse()
  }

  return files.map((file, index) => {
    const msPerParse = median(perParse[index])
    return {
      msPerParse,
      microsecondsPerKilobyte: (msPerParse * 1000) / (file.bytes / 1024),
      repetitions: repetitions[index]
    }
  })
}

/**
 * Run a child process to completion and time it from spawn to exit, with
 * its peak memory. A non-zero exit code is not an error (linters exit 1 when
 * they find issues).
 *
 * @param spec
 *   What to run.
 * @returns
 *   Wall time, exit code, stdout and the number of stderr lines.
 */
export function timeProcess(spec: ProcessSpec): Promise<ProcessTiming> {
  return new Promise((resolve, reject) => {
    const start = now()
    const child = spawn(spec.command, [...spec.args], {cwd: spec.cwd, stdio: ['ignore', 'pipe', 'pipe']})
    const stdout: Buffer[] = []
    let stderrLines = 0
    let stderrTail = ''
    let peakKiB = Number.NaN
    // The high-water mark only grows: the last reading before exit is the peak (but for the last few ms).
    const poll = setInterval(() => {
      const kib = highWaterMarkKiB(child.pid)
      if (kib !== undefined) peakKiB = Number.isNaN(peakKiB) ? kib : Math.max(peakKiB, kib)
    }, 5)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) stderrLines++
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000)
    })
    child.on('error', (error) => {
      clearInterval(poll)
      reject(error)
    })
    child.on('close', (exitCode) => {
      clearInterval(poll)
      resolve({wallMs: now() - start, exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderrLines, peakRssMiB: peakKiB / 1024, stderrTail})
    })
  })
}

/**
 * A process's resident memory high-water mark, from `/proc`.
 *
 * @param pid
 *   The process.
 * @returns
 *   KiB, or `undefined` when it cannot be read (the process is gone, no `/proc`).
 */
function highWaterMarkKiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

/**
 * The last parse result, so callers can show that work happened; mainly here
 * so the module-level sink is observably used.
 *
 * @returns
 *   Whatever the last parse returned.
 */
export function lastResult(): unknown {
  return sink
}
