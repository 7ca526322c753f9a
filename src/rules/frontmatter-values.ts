/**
 * Front matter values as the front matter rules read them: the value at a
 * path with its place, and dates as instants.
 */
import type {VFile} from 'vfile'
import type {KeyPath} from '../frontmatter/types.js'

/** A front matter value with its offsets in the file. */
export interface LocatedValue {
  value: unknown
  start: number
  end: number
}

/**
 * The value at a key path of the page's front matter, with its place;
 * `undefined` when there is none.
 *
 * @param file
 *   The page (after `remarkFrontmatterData`).
 * @param path
 *   Keys down to the value.
 */
export function frontMatterValue(file: VFile, path: KeyPath): LocatedValue | undefined {
  let value: unknown = file.data.frontmatter
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string | number, unknown>)[key]
  }

  const where = value === undefined ? undefined : file.data.frontmatterLocate?.(path)
  return where ? {value, start: where.start, end: where.end} : undefined
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/

/**
 * A front matter date as epoch milliseconds: a date, or a date and time with
 * an optional offset (none: UTC, Hugo's default `timeZone`); `undefined`
 * when it is not a date.
 *
 * @param value
 *   The value as read (YAML and TOML dates stay strings).
 */
export function dateMilliseconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = datePattern.exec(value.trim())
  if (!match) return undefined
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = ''] = match
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Math.round(Number(fraction || '0') * 1000))
  const sign = match[9] === '-' ? -1 : 1
  const offset = match[9] ? sign * (Number(match[10]) * 60 + Number(match[11] ?? '0')) : 0
  return Number.isNaN(utc) ? undefined : utc - offset * 60_000
}
