import {dateOfEpochDays, epochDays, two} from '../util/civil.js'
import {EngineInputError, kindOf} from './input.js'
import {wallToEpoch} from './zone.js'

/**
 * Calendar periods (a month or a quarter) as availability and credits are
 * cut (sla-domain §3.3): labels such as `2024-06` and `2024-Q2`, their days,
 * and their bounds in a zone at their real length.
 */

type Path = ReadonlyArray<string | number>

/** The calendar period availability is measured over. */
export type PeriodWindow = 'month' | 'quarter'

/** A calendar month or quarter (the dates only; the zone turns it into instants). */
export interface Period {
  window: PeriodWindow
  year: number
  /** First month of the period, 1–12 (1, 4, 7 or 10 for quarters). */
  month: number
}

const monthLabel = /^(\d{4})-(0[1-9]|1[0-2])$/
const quarterLabel = /^(\d{4})-Q([1-4])$/

/**
 * Read a period label: `2024-06` (a calendar month) or `2024-Q2` (a calendar
 * quarter).
 *
 * @param value
 *   The input.
 * @param path
 *   Where it is in the whole input.
 */
export function periodAt(value: unknown, path: Path): Period {
  if (typeof value === 'string') {
    const month = monthLabel.exec(value)
    if (month) return {window: 'month', year: Number(month[1]), month: Number(month[2])}
    const quarter = quarterLabel.exec(value)
    if (quarter) return {window: 'quarter', year: Number(quarter[1]), month: Number(quarter[2]) * 3 - 2}
  }

  throw new EngineInputError(`Unexpected ${kindOf(value)}, expected a period such as \`2024-06\` or \`2024-Q2\``, path)
}

/** The label of a period: `2024-06` or `2024-Q2`. */
export function periodLabel(period: Period): string {
  const year = String(period.year).padStart(4, '0')
  return period.window === 'month' ? `${year}-${two(period.month)}` : `${year}-Q${(period.month + 2) / 3}`
}

/**
 * The period of a window that holds a local date.
 *
 * @param window
 *   Month or quarter.
 * @param day
 *   Days since 1970-01-01 (a local date).
 */
export function periodOfDay(window: PeriodWindow, day: number): Period {
  const {year, month} = dateOfEpochDays(day)
  return {window, year, month: window === 'month' ? month : month - ((month - 1) % 3)}
}

/** The period right after `period`. */
export function nextPeriod(period: Period): Period {
  const month = period.month + (period.window === 'month' ? 1 : 3)
  return month > 12 ? {...period, year: period.year + 1, month: month - 12} : {...period, month}
}

/**
 * The local dates of a period: `[first, next)` in days since 1970-01-01.
 *
 * @param period
 *   The period.
 */
export function periodDays(period: Period): [first: number, next: number] {
  const next = nextPeriod(period)
  return [epochDays(period.year, period.month, 1), epochDays(next.year, next.month, 1)]
}

/**
 * The instants of a period in a zone: `[start, end)` in epoch milliseconds,
 * from local midnight of its first day to local midnight of the next
 * period's first day, so a period that contains a DST change has its real
 * length (March in Amsterdam is 743 hours).
 *
 * @param zone
 *   IANA zone in which the period is cut.
 * @param period
 *   The period.
 */
export function periodBounds(zone: string, period: Period): [start: number, end: number] {
  const [first, next] = periodDays(period)
  return [wallToEpoch(zone, first, 0), wallToEpoch(zone, next, 0)]
}
