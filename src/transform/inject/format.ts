import {exactDecimal, formatFixed, roundHalfUp} from '../../engine/exact.js'
import {formatInstant} from '../../engine/zone.js'
import {formatPercent, parseInstant, type Comparator, type DurationValue} from '../../schema/values/index.js'

/**
 * Words and numbers for people, written by hand so that the same value gives
 * the same text under any process time zone and locale: no `Intl`, no
 * `toLocaleString`, no `Date`. English, day-month-year dates, `.` as the
 * decimal point and `,` between thousands.
 */

/** Full month names, January first. */
export const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December'
] as const

/**
 * A number with at most `maxDecimals` decimals, rounded half up on the
 * decimal the number stands for (`0.125` → `0.13`, where binary rounding
 * would give `0.12`), trailing zeros dropped, thousands grouped with `,`.
 *
 * @param value
 *   A finite number.
 * @param maxDecimals
 *   Most digits after the point (default 2).
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value)
  const {digits, scale} = exactDecimal(Math.abs(value))
  const rounded = roundHalfUp(digits * 10n ** BigInt(maxDecimals), scale)
  const fixed = maxDecimals === 0 ? rounded.toString() : formatFixed(rounded, maxDecimals)
  const [whole, fraction = ''] = fixed.split('.') as [string, string?]
  const kept = fraction.replace(/0+$/, '')
  const text = groupThousands(whole) + (kept ? '.' + kept : '')
  return value < 0 && rounded !== 0n ? '-' + text : text
}

/**
 * Digits grouped by three with `,`: `1234567` → `1,234,567`.
 *
 * @param digits
 *   Decimal digits of a whole number, no sign.
 */
export function groupThousands(digits: string): string {
  let grouped = ''
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3)
    grouped = digits.slice(start, end) + (grouped ? ',' + grouped : '')
  }

  return grouped
}

/**
 * A count with its noun: `1 business day`, `3 business days`.
 *
 * @param count
 *   How many.
 * @param singular
 *   The noun for one; the plural adds `s`.
 */
export function formatCount(count: number, singular: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : singular + 's'}`
}

/**
 * Minutes as hours and minutes: `135` → `2 h 15 min`, `240` → `4 h`,
 * `45` → `45 min`, `22.5` → `22.5 min`; negative values get a `-`.
 *
 * @param minutes
 *   A finite number of minutes (fractions are kept to two decimals).
 */
export function formatMinutes(minutes: number): string {
  // Round first, so 59.999 minutes reads `1 h`, never `60 min`.
  const hundredths = Math.round(Math.abs(minutes) * 100)
  if (minutes < 0 && hundredths > 0) return '-' + formatMinutes(-minutes)
  const hours = Math.floor(hundredths / 6000)
  const rest = (hundredths - hours * 6000) / 100
  if (hours === 0) return `${formatNumber(rest)} min`
  return rest === 0 ? `${formatNumber(hours)} h` : `${formatNumber(hours)} h ${formatNumber(rest)} min`
}

/** What a duration is measured on: working time of a business calendar, or round the clock. */
export type CalendarKind = 'business' | '24x7'

/**
 * A duration in words as the SLA means it: `4h` on a business calendar is
 * `4 business hours`, on a 24x7 calendar `4 hours`; `1h30m` is `1 business
 * hour and 30 minutes`; `2bd` is `2 business days`; `2d` is `2 days` and
 * `2w` (when written so) `2 weeks`. Without a known calendar, elapsed time
 * reads as plain hours and minutes.
 *
 * @param value
 *   The parsed duration.
 * @param calendar
 *   The calendar kind it is measured on, when known.
 * @param written
 *   The duration as written, to keep weeks as weeks.
 */
export function formatDurationWords(value: DurationValue, calendar?: CalendarKind | null, written?: string): string {
  if (value.kind === 'business-days') return formatCount(value.days, 'business day')
  if (value.kind === 'calendar-days') {
    const weeks = written !== undefined && /^\s*\d+w\s*$/.test(written)
    return weeks ? formatCount(value.days / 7, 'week') : formatCount(value.days, 'day')
  }

  const business = calendar === 'business'
  const hours = Math.floor(value.minutes / 60)
  const minutes = value.minutes % 60
  const parts: string[] = []
  if (hours > 0) parts.push(formatCount(hours, business ? 'business hour' : 'hour'))
  if (minutes > 0 || hours === 0) parts.push(formatCount(minutes, business && hours === 0 ? 'business minute' : 'minute'))
  return parts.join(' and ')
}

/**
 * A percentage the engine computed (a float such as `66.66666666666667`)
 * for display: `66.67 %`, `100 %`.
 *
 * @param percent
 *   The percentage.
 * @param maxDecimals
 *   Most digits after the point (default 2).
 */
export function formatPercentValue(percent: number, maxDecimals = 2): string {
  return `${formatNumber(percent, maxDecimals)} %`
}

/**
 * A percentage kept exactly as the SLA states it: `99.95%` stays
 * `99.95 %`, never rounded (an objective or tier is a contract term).
 *
 * @param microPercent
 *   Whole millionths of a percent (see `parsePercent`).
 */
export function formatExactPercent(microPercent: number): string {
  return formatPercent(microPercent).replace(/%$/, ' %')
}

const comparatorWords: Readonly<Record<Comparator, string>> = {
  '>=': 'at least',
  '>': 'more than',
  '<=': 'at most',
  '<': 'less than'
}

/**
 * An objective's comparator in words: `>=` → `at least`.
 *
 * @param comparator
 *   The comparator.
 */
export function comparatorInWords(comparator: Comparator): string {
  return comparatorWords[comparator]
}

/**
 * A date for people: `2026-10-17` → `17 October 2026`.
 *
 * @param date
 *   `YYYY-MM-DD` (as validated; anything else is returned as it is).
 */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  const month = monthNames[Number(match[2]) - 1]
  return month === undefined ? date : `${Number(match[3])} ${month} ${Number(match[1])}`
}

/**
 * Two dates as one range: `28–30 April 2026`, `28 April – 2 May 2026`,
 * `30 December 2026 – 2 January 2027`, or one date when both are the same.
 *
 * @param from
 *   First day, `YYYY-MM-DD`.
 * @param to
 *   Last day, `YYYY-MM-DD`.
 */
export function formatDateRange(from: string, to: string): string {
  if (from === to) return formatDate(from)
  const first = formatDate(from).split(' ')
  const second = formatDate(to).split(' ')
  if (first.length !== 3 || second.length !== 3) return `${formatDate(from)} – ${formatDate(to)}`
  const [fromDay, fromMonth, fromYear] = first as [string, string, string]
  const [toDay, toMonth, toYear] = second as [string, string, string]
  if (fromYear !== toYear) return `${formatDate(from)} – ${formatDate(to)}`
  if (fromMonth !== toMonth) return `${fromDay} ${fromMonth} – ${toDay} ${toMonth} ${toYear}`
  return `${fromDay}–${toDay} ${toMonth} ${toYear}`
}

/**
 * How a time zone reads after a clock time: `Europe/Berlin` → `Berlin
 * time`, `America/Argentina/Buenos_Aires` → `Buenos Aires time`; `UTC` and
 * `Etc/…` zones by their name (`UTC`, `GMT+1`).
 *
 * @param zone
 *   An IANA zone name.
 */
export function zoneLabel(zone: string): string {
  if (zone === 'UTC' || zone === 'GMT') return zone
  if (zone.startsWith('Etc/')) return zone.slice(4)
  const city = zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ')
  return `${city} time`
}

/** An instant shown in a zone: the text for people and the ISO value for `<time datetime>`. */
export interface ZonedText {
  /** `17 October 2026, 13:00 Berlin time`. */
  text: string
  /** `2026-10-17T13:00:00+02:00`: the instant with the zone's offset. */
  iso: string
}

/**
 * An instant in `zone` for people: `17 October 2026, 13:00 Berlin time`
 * (seconds only when there are some), with the ISO form for machines.
 *
 * @param zone
 *   The IANA zone to show the wall-clock time of.
 * @param epochMs
 *   The instant.
 */
export function formatInstantIn(zone: string, epochMs: number): ZonedText {
  const iso = formatInstant(zone, epochMs)
  const date = formatDate(iso.slice(0, 10))
  const seconds = iso.slice(17, 19)
  const clock = iso.slice(11, 16) + (seconds === '00' ? '' : ':' + seconds)
  return {text: `${date}, ${clock} ${zoneLabel(zone)}`, iso}
}

/**
 * An ISO instant (with or without an offset, as the SLA and the report
 * write them) shown in `zone`; `undefined` when the text is not an instant.
 *
 * @param value
 *   The instant as text; one without an offset is read in `zone`.
 * @param zone
 *   The zone to read and show it in.
 */
export function formatInstantText(value: string, zone: string): ZonedText | undefined {
  const read = parseInstant(value, zone)
  return read.ok ? formatInstantIn(zone, read.value.epochMilliseconds) : undefined
}

/**
 * A period label of the engine for people: `2026-02` → `February 2026`,
 * `2026-Q1` → `Q1 2026`.
 *
 * @param period
 *   A month (`YYYY-MM`) or quarter (`YYYY-Qn`) label.
 */
export function formatPeriod(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period)
  if (month) {
    const name = monthNames[Number(month[2]) - 1]
    return name === undefined ? period : `${name} ${month[1]}`
  }

  const quarter = /^(\d{4})-(Q[1-4])$/.exec(period)
  return quarter ? `${quarter[2]} ${quarter[1]}` : period
}

/**
 * A money amount with its currency code: `("1200.00", "EUR")` →
 * `EUR 1,200.00`. The code, not a symbol: `$` alone does not say which
 * dollar.
 *
 * @param amount
 *   A decimal text such as the engine's `creditAmount` (`"60.00"`).
 * @param currency
 *   An ISO 4217 code, or `null` when the SLA gives none.
 */
export function formatMoney(amount: string, currency: string | null): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount)
  const text = match ? `${match[1]}${groupThousands(match[2]!)}${match[3] ?? ''}` : amount
  return currency ? `${currency} ${text}` : text
}

/**
 * An id for people: `first-response` → `First response`.
 *
 * @param id
 *   A kebab-case or snake_case name.
 */
export function humanize(id: string): string {
  const words = id.replaceAll(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
