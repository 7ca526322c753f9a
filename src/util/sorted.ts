/**
 * The index of the last value at or before `target` in an ascending array
 * (binary search); `0` when every value is after it.
 *
 * @param values
 *   Ascending numbers.
 * @param target
 *   The number to place.
 */
export function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0
  let high = values.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (values[middle]! <= target) low = middle
    else high = middle - 1
  }

  return low
}

/**
 * Order two texts by code point: the same order under every locale, where
 * `localeCompare` follows the host's.
 *
 * @param a
 *   One text.
 * @param b
 *   The other.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
