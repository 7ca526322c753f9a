/**
 * Read the text of a data file a page names: its tickets (`sla.ticketsFile`)
 * or a calendar's holidays (`holidaysFile`), as the list of entries the page
 * could have written inline, each with a position in the file.
 *
 * YAML, JSON and TOML go through the front matter readers, so they are read
 * exactly as front matter is (core schema, duplicate keys, alias limits) and
 * every value has a position; iCalendar holidays go through `ics.ts`. The
 * entries themselves are not checked here: they join the page's `sla` data
 * and the schema checks them as it checks inline ones.
 */

import {diagnostic, type Diagnostic} from '../hugo/diagnostic.js'
import type {FrontMatterFormat} from '../hugo/types.js'
import {didYouMean} from '../util/did-you-mean.js'
import {expandIcs, readIcs, type RecurrenceWindow} from './ics.js'
import {readFormat} from './index.js'
import {dataFileShapeRuleId} from './rules.js'
import type {FormatResult, KeyPath, Locate} from './types.js'

/** What a data file holds: a ticket list or a holiday list. */
export type DataFileKind = 'tickets' | 'holidays'

/** The extensions read for each kind, lower case with the dot. */
export const dataFileExtensions: Readonly<Record<DataFileKind, readonly string[]>> = {
  tickets: ['.yaml', '.yml', '.json', '.toml'],
  holidays: ['.ics', '.yaml', '.yml', '.json', '.toml']
}

/** The entries of a data file, for one page. */
export interface DataFileEntries {
  /** The list, as inline `tickets` or `holidays` would hold it; `undefined` when the file is unusable. */
  entries: unknown[] | undefined
  /** Where a path inside the list (`[index, ...keys]`, `[]` for the list) is in the file. */
  locate: Locate
  /** Problems found while making the entries (too many repeats). */
  diagnostics: Diagnostic[]
}

/** A data file read once, to give entries to every page that names it. */
export interface ParsedDataFile {
  /** Problems of the text itself: syntax, and a top level of the wrong shape. */
  diagnostics: Diagnostic[]
  /**
   * The entries for a page.
   *
   * @param window
   *   Days between which yearly iCalendar repeats are expanded (the page's
   *   term); other formats ignore it.
   */
  entries(window?: RecurrenceWindow): DataFileEntries
}

/** The front matter reader of each data extension. */
const formats: Readonly<Record<string, FrontMatterFormat>> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.toml': 'toml'
}

/** How to write the list in each format, for hints. */
const listExamples: Readonly<Record<DataFileKind, Partial<Record<FrontMatterFormat, string>>>> = {
  tickets: {
    yaml: 'a list of `- id: T-101` items, or `tickets:` with that list under it',
    json: 'an array of ticket objects, or `{"tickets": [...]}`',
    toml: '`[[tickets]]` tables (TOML has no top-level list)'
  },
  holidays: {
    yaml: 'a list of `- 2024-12-25` items, or `holidays:` with that list under it',
    json: 'an array such as `["2024-12-25"]`, or `{"holidays": [...]}`',
    toml: '`holidays = ["2024-12-25"]`, or `[[holidays]]` tables with `date` and `name`'
  }
}

/**
 * Read a data file's text.
 *
 * @param kind
 *   What the page expects the file to hold.
 * @param extension
 *   The file's extension, lower case with the dot; one of
 *   {@link dataFileExtensions} for the kind.
 * @param text
 *   The whole file.
 * @returns
 *   Diagnostics of the text (offsets in the file, all inside it) and the
 *   entries. Never throws.
 */
export function parseDataFile(kind: DataFileKind, extension: string, text: string): ParsedDataFile {
  if (extension === '.ics') {
    const calendar = readIcs(text)
    return {
      diagnostics: calendar.diagnostics,
      entries(window) {
        const {holidays, diagnostics} = expandIcs(calendar.events, window)
        return {
          entries: holidays.map((holiday) => (holiday.name === undefined ? holiday.date : {date: holiday.date, name: holiday.name})),
          locate(path: KeyPath) {
            const holiday = path.length > 0 ? holidays[Number(path[0])] : undefined
            return holiday ? {start: holiday.start, end: holiday.end} : undefined
          },
          diagnostics
        }
      }
    }
  }

  const format = formats[extension] ?? 'yaml'
  const result = readFormat(format, text, 0, 'data file')
  const {list, base, diagnostics} = listOf(kind, format, result)
  const found: DataFileEntries = {
    entries: list,
    locate: (path) => (list ? result.locate([...base, ...path]) : undefined),
    diagnostics: []
  }
  return {diagnostics: [...result.diagnostics, ...diagnostics], entries: () => found}
}

/**
 * Find the list in a data file: the top-level list, or the list under the
 * kind's key (`tickets:`, `holidays:`) of a top-level mapping. An empty file
 * is an empty list.
 *
 * @param kind
 *   Which list.
 * @param format
 *   The file's format, for hints.
 * @param result
 *   What the reader gave.
 */
function listOf(
  kind: DataFileKind,
  format: FrontMatterFormat,
  result: FormatResult
): {list: unknown[] | undefined; base: KeyPath; diagnostics: Diagnostic[]} {
  const {value} = result
  const diagnostics: Diagnostic[] = []
  const hint = `Write ${listExamples[kind][format] ?? 'a list'}`
  const shape = (reason: string, path: KeyPath, at: 'value' | 'key' = 'value', itemHint = hint): void => {
    const where = result.locate(path)
    const start = (at === 'key' ? where?.keyStart : undefined) ?? where?.start ?? 0
    const end = (at === 'key' ? where?.keyEnd : undefined) ?? where?.end ?? start
    diagnostics.push(diagnostic({ruleId: dataFileShapeRuleId, severity: 'error', reason, hint: itemHint, start, end}))
  }

  // A syntax error, already reported.
  if (value === undefined) return {list: undefined, base: [], diagnostics}
  if (value === null) return {list: [], base: [], diagnostics}
  if (Array.isArray(value)) return {list: value, base: [], diagnostics}

  if (typeof value !== 'object') {
    shape(`Unexpected ${kindOf(value)} at the top of a ${kind} file, expected a list of ${kind} or a mapping with \`${kind}\``, [])
    return {list: undefined, base: [], diagnostics}
  }

  const keys = Object.keys(value)
  let misspelt = false
  for (const key of keys) {
    if (key === kind) continue
    const suggestion = didYouMean(key, [kind])
    misspelt ||= suggestion !== undefined
    shape(`Unexpected key \`${key}\` in a ${kind} file, expected only \`${kind}\``, [key], 'key', suggestion === undefined ? hint : `Did you mean \`${suggestion}\`?`)
  }

  if (!keys.includes(kind)) {
    // A misspelt `tickets` is one mistake, reported at its key above.
    if (keys.length > 0 && !misspelt) shape(`Unexpected mapping without \`${kind}\`, expected a list of ${kind} or a mapping with \`${kind}\``, [])
    return {list: keys.length === 0 ? [] : undefined, base: [], diagnostics}
  }

  const list = (value as Record<string, unknown>)[kind]
  if (!Array.isArray(list)) {
    shape(`Unexpected ${kindOf(list)} for \`${kind}\`, expected a list of ${kind}`, [kind])
    return {list: undefined, base: [], diagnostics}
  }

  return {list, base: [kind], diagnostics}
}

/**
 * What a value is, in words, for "Unexpected X".
 *
 * @param value
 *   A parsed value.
 */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty value'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : `text \`${value.length > 40 ? value.slice(0, 40) + '…' : value}\``
  return typeof value === 'object' ? 'mapping' : `${typeof value} \`${String(value)}\``
}
