import {compareText} from './sorted.js'
import {isRecord} from './is-record.js'

/**
 * JSON with every object's keys in code point order, two-space indented and
 * ending in a line break: the same text for the same data, whatever order
 * the data was built in, so written files are byte-identical between runs.
 * `undefined` values are left out, as `JSON.stringify` does.
 *
 * @param value
 *   JSON-compatible data (no cycles).
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (isRecord(item) ? sortedCopy(item) : item), 2) + '\n'
}

function sortedCopy(object: Record<string, unknown>): Record<string, unknown> {
  // No prototype: a `__proto__` key in the data stays a key.
  const copy = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(object).sort(compareText)) copy[key] = object[key]
  return copy
}
