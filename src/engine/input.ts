import {checkTimeZone, offsetInstantMilliseconds, parseDate, parseInstant, parseWorkingHours, type ValueResult} from '../schema/values/index.js'
import {createCalendar, type Calendar} from './calendar.js'

/**
 * Reading the plain JSON inputs of the engine's contract (`evaluate`,
 * `slamark eval`): each reader returns the value or throws an
 * {@link EngineInputError} that says where and what was expected. Unknown
 * fields are ignored, as the contract says.
 */

/** Bad input to an engine function: `path` says where, the message what was expected. */
export class EngineInputError extends Error {
  /** Where in the input the problem is (`['calendar', 'hours', 'mon-fri']`). */
  readonly path: ReadonlyArray<string | number>

  /**
   * @param message
   *   "Unexpected X, expected Y".
   * @param path
   *   Where in the input.
   */
  constructor(message: string, path: ReadonlyArray<string | number>) {
    super(path.length > 0 ? `${message} (at \`${path.join('.')}\`)` : message)
    this.name = 'EngineInputError'
    this.path = path
  }
}

/** A JSON object, or an error at `path`. */
export function objectAt(value: unknown, path: ReadonlyArray<string | number>): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
  throw new EngineInputError(`Unexpected ${kindOf(value)}, expected an object`, path)
}

/** A JSON array (a missing one is empty), or an error at `path`. */
export function listAt(value: unknown, path: ReadonlyArray<string | number>): unknown[] {
  if (value === undefined || value === null) return []
  if (Array.isArray(value)) return value
  throw new EngineInputError(`Unexpected ${kindOf(value)}, expected a list`, path)
}

/** A finite number, or an error at `path`. */
export function numberAt(value: unknown, path: ReadonlyArray<string | number>, {min, integer}: {min?: number; integer?: boolean} = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EngineInputError(`Unexpected ${kindOf(value)}, expected a number`, path)
  }

  if (integer && !Number.isInteger(value)) throw new EngineInputError(`Unexpected ${value}, expected a whole number`, path)
  if (min !== undefined && value < min) throw new EngineInputError(`Unexpected ${value}, expected at least ${min}`, path)
  return value
}

/** A value parser's result, or an error at `path` with the parser's reason. */
export function valueAt<T>(result: ValueResult<T>, path: ReadonlyArray<string | number>): T {
  if (result.ok) return result.value
  throw new EngineInputError(result.problem.reason, path)
}

/**
 * An instant as epoch milliseconds. Values without an offset are read in
 * `zone` (Temporal `compatible`); the contract's instants carry offsets.
 */
export function instantAt(value: unknown, zone: string, path: ReadonlyArray<string | number>): number {
  if (typeof value === 'string') {
    const fast = offsetInstantMilliseconds(value)
    if (fast !== undefined) return fast
  }

  return valueAt(parseInstant(value, zone), path).epochMilliseconds
}

/** A `YYYY-MM-DD` date, as written. */
export function dateAt(value: unknown, path: ReadonlyArray<string | number>): string {
  return valueAt(parseDate(value), path).text
}

/**
 * The contract's calendar: `{timeZone, hours, holidays}`, `hours` either
 * `"24x7"` or a mapping of day keys to `HH:MM-HH:MM` ranges, holidays dates
 * or `{date, name}`.
 *
 * @param value
 *   The input.
 * @param path
 *   Where it is in the whole input.
 */
export function calendarAt(value: unknown, path: ReadonlyArray<string | number> = ['calendar']): Calendar {
  const input = objectAt(value, path)
  const timeZone = valueAt(checkTimeZone(input.timeZone), [...path, 'timeZone'])
  const week = input.hours === '24x7' ? null : valueAt(parseWorkingHours(input.hours), [...path, 'hours'])
  const holidays = listAt(input.holidays, [...path, 'holidays']).map((holiday, index) => {
    const where = [...path, 'holidays', index]
    return typeof holiday === 'object' && holiday !== null && !Array.isArray(holiday)
      ? dateAt((holiday as Record<string, unknown>).date, [...where, 'date'])
      : dateAt(holiday, where)
  })
  return createCalendar(timeZone, week, holidays)
}

/** The JSON kind of a value, for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `text \`${value.length > 40 ? value.slice(0, 40) + '…' : value}\``
  return `${typeof value} \`${String(value)}\``
}
