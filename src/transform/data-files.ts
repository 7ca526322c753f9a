/**
 * Load the data files a page's `sla:` names (`ticketsFile`, and each
 * calendar's `holidaysFile`) and merge their entries into a copy of the
 * front matter, so that the schema, the value checks and the reference
 * checks see them exactly as if they were written inline (sla-domain §5.2).
 *
 * Each file read becomes a vfile of its own, with its own messages and
 * positions, so that a finding on a merged entry can be reported in the data
 * file rather than on the page (see `data-findings.ts`).
 */

import path from 'node:path'
import {VFile} from 'vfile'
import {dataFileExtensions, parseDataFile, type DataFileKind, type ParsedDataFile} from '../frontmatter/data-file.js'
import type {RecurrenceWindow} from '../frontmatter/ics.js'
import {setOwn} from '../frontmatter/plain.js'
import type {Locate} from '../frontmatter/types.js'
import type {DataPath, Finding} from '../schema/finding.js'
import {datePattern} from '../schema/sla.js'
import {LineIndex, lineIndexFor} from '../syntax/line-index.js'
import {report} from '../syntax/messages.js'
import {readDataFile} from './read-data-file.js'
import {isRecord} from '../util/is-record.js'

/** Parsed data files of one processor, by file, so pages that share a file parse it once. */
export type DataFileCache = Map<string, {text: string; parsed: ParsedDataFile; lines: LineIndex}>

/** A data file merged into a page's data. */
export interface LoadedDataFile {
  /** The file: its text, its own messages, a path given as the page's is (relative to `cwd`, or absolute). */
  file: VFile
  /** What it holds. */
  kind: DataFileKind
  /** Its path as the page gives it. */
  written: string
  /** Path of the `ticketsFile` or `holidaysFile` value on the page. */
  reference: DataPath
  /** Path of the list its entries joined: `['sla', 'tickets']`, or a calendar's `holidays`. */
  target: DataPath
  /** Index in that list of the file's first entry (after the inline holidays). */
  first: number
  /** Whether the file gives the whole list (tickets), so that the list itself is in the file too. */
  whole: boolean
  /** Where a path inside the file's entries (`[index, ...keys]`, `[]` the list) is in the file. */
  locate: Locate
  /** Offsets to points in the file. */
  lines: LineIndex
}

/** Options of {@link loadDataFiles}. */
export interface LoadDataFilesOptions {
  /** The site root, which data file paths are read from. */
  root: string
  /** Parsed files of the processor. */
  cache: DataFileCache
  /** "Now" of the build, an ISO instant: the years iCalendar repeats cover when the term is open. */
  asOf: string
}

/** What {@link loadDataFiles} gives. */
export interface LoadedData {
  /** The front matter with the files' entries merged in (the input itself when no file was merged). */
  data: Record<string, unknown>
  /** Files that could not be read, as findings at their `ticketsFile` or `holidaysFile` value. */
  findings: Finding[]
  /** The files read, in the order the page names them. */
  files: LoadedDataFile[]
}

/**
 * A fresh cache of parsed data files, for one processor.
 */
export function createDataFileCache(): DataFileCache {
  return new Map()
}

/**
 * Read the data files a page names and merge them into a copy of its front
 * matter: the tickets as `sla.tickets` (without `ticketsFile`, which may not
 * stand beside it), the holidays after the calendar's inline `holidays`.
 * A `ticketsFile` next to inline `tickets` is not read: the schema reports
 * the pair.
 *
 * @param data
 *   The page's front matter.
 * @param page
 *   The page, for its `cwd` and the form of its path.
 * @param options
 *   Root, cache and "now".
 */
export function loadDataFiles(data: Record<string, unknown>, page: VFile, options: LoadDataFilesOptions): LoadedData {
  const result: LoadedData = {data, findings: [], files: []}
  const sla = data.sla
  if (!isRecord(sla)) return result

  let merged: Record<string, unknown> | undefined
  let calendars: Record<string, unknown> | undefined
  let window: RecurrenceWindow | undefined

  const load = (kind: DataFileKind, written: unknown, reference: DataPath, target: DataPath, first: number): unknown[] | undefined => {
    if (typeof written !== 'string' || written.trim() === '') return undefined
    const read = readDataFile(options.root, written, dataFileExtensions[kind])
    if (!read.ok) {
      result.findings.push({path: reference, ruleId: read.ruleId, severity: 'error', reason: read.reason, hint: read.hint, actual: written})
      return undefined
    }

    const key = [kind, read.real, read.extension].join('\u0000')
    let cached = options.cache.get(key)
    if (cached?.text !== read.text) {
      cached = {text: read.text, parsed: parseDataFile(kind, read.extension, read.text), lines: new LineIndex(read.text)}
      options.cache.set(key, cached)
    }

    window ??= repeatWindow(sla, options.asOf)
    const entries = cached.parsed.entries(window)
    const shown = page.path && path.isAbsolute(page.path) ? read.absolute : path.relative(page.cwd, read.absolute) || read.absolute
    const file = new VFile({path: shown, cwd: page.cwd, value: read.text})
    const lines = lineIndexFor(file, cached.lines)
    for (const item of [...cached.parsed.diagnostics, ...entries.diagnostics]) report(file, item, lines)
    result.files.push({file, kind, written, reference, target, first, whole: kind === 'tickets', locate: entries.locate, lines})
    return entries.entries
  }

  const tickets = sla.tickets === undefined ? load('tickets', sla.ticketsFile, ['sla', 'ticketsFile'], ['sla', 'tickets'], 0) : undefined
  if (tickets) {
    merged = {...sla, tickets}
    delete merged.ticketsFile
  }

  for (const [name, calendar] of Object.entries(isRecord(sla.calendars) ? sla.calendars : {})) {
    // Inline holidays of the wrong type are the schema's to report; nothing to append to.
    if (!isRecord(calendar) || (calendar.holidays !== undefined && !Array.isArray(calendar.holidays))) continue
    const inline = (calendar.holidays as unknown[] | undefined) ?? []
    const base = ['sla', 'calendars', name]
    const holidays = load('holidays', calendar.holidaysFile, [...base, 'holidaysFile'], [...base, 'holidays'], inline.length)
    if (!holidays) continue
    calendars ??= {...(sla.calendars as Record<string, unknown>)}
    // `setOwn`: a calendar may be named `__proto__` in untrusted front matter.
    setOwn(calendars, name, {...calendar, holidays: [...inline, ...holidays]})
  }

  if (calendars) merged = {...(merged ?? sla), calendars}
  if (merged) result.data = {...data, sla: merged}
  return result
}

/**
 * The days over which yearly iCalendar repeats are expanded for a page: its
 * term; without a start, from the year before "now"; without an end, to the
 * end of the year after "now" (or after the start, when that is later).
 *
 * @param sla
 *   The page's `sla` data.
 * @param asOf
 *   "Now", an ISO instant.
 */
function repeatWindow(sla: Record<string, unknown>, asOf: string): RecurrenceWindow {
  const effective = isRecord(sla.effective) ? sla.effective : {}
  const parsed = Number.parseInt(asOf.slice(0, 4), 10)
  const now = Number.isFinite(parsed) ? parsed : 1970
  const date = (value: unknown): string | undefined => (typeof value === 'string' && datePattern.test(value) ? value : undefined)
  const from = date(effective.from) ?? `${String(now - 1).padStart(4, '0')}-01-01`
  const to = date(effective.to) ?? `${String(Math.max(now, Number(from.slice(0, 4))) + 1).padStart(4, '0')}-12-31`
  return {from, to}
}
