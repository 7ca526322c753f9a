/**
 * Half-open intervals of instants, `[from, to)` in epoch milliseconds, as
 * plain numbers: the set algebra behind pauses (sla-domain S6: the union of
 * recorded pauses counts once) and behind clipping them to a ticket's life.
 * Every function returns a new sorted list of disjoint, non-empty intervals
 * that do not touch (touching ones are merged).
 */

/** `[from, to)` in epoch milliseconds; `to` may be `Infinity` for an open end. */
export type Interval = readonly [from: number, to: number]

/**
 * The union of intervals: sorted, overlapping and touching ones merged,
 * empty ones (`to <= from`) dropped.
 *
 * @param intervals
 *   Intervals in any order, possibly overlapping.
 */
export function unionIntervals(intervals: Iterable<Interval>): Interval[] {
  const sorted = [...intervals].filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const result: Array<[number, number]> = []
  for (const [from, to] of sorted) {
    const last = result[result.length - 1]
    if (last && from <= last[1]) {
      if (to > last[1]) last[1] = to
    } else {
      result.push([from, to])
    }
  }

  return result
}

/**
 * The parts of a union that lie in `[from, to)`.
 *
 * @param union
 *   Sorted disjoint intervals (a {@link unionIntervals} result).
 * @param from
 *   Start of the range.
 * @param to
 *   End of the range (excluded).
 */
export function clipIntervals(union: readonly Interval[], from: number, to: number): Interval[] {
  const result: Interval[] = []
  for (const [start, end] of union) {
    const clippedStart = Math.max(start, from)
    const clippedEnd = Math.min(end, to)
    if (clippedEnd > clippedStart) result.push([clippedStart, clippedEnd])
  }

  return result
}

/**
 * The parts of `union` not covered by `removed`.
 *
 * @param union
 *   Sorted disjoint intervals.
 * @param removed
 *   Sorted disjoint intervals to take away.
 */
export function subtractIntervals(union: readonly Interval[], removed: readonly Interval[]): Interval[] {
  const result: Interval[] = []
  let index = 0
  for (const [from, to] of union) {
    let cursor = from
    // Removed intervals that end before this one starts can never matter again.
    while (index < removed.length && removed[index]![1] <= from) index++
    for (let scan = index; scan < removed.length && removed[scan]![0] < to; scan++) {
      const [cutFrom, cutTo] = removed[scan]!
      if (cutFrom > cursor) result.push([cursor, cutFrom])
      cursor = Math.max(cursor, cutTo)
    }

    if (to > cursor) result.push([cursor, to])
  }

  return result
}

/**
 * How much of `[from, to)` a union covers, in milliseconds.
 *
 * @param union
 *   Sorted disjoint intervals.
 * @param from
 *   Start of the range.
 * @param to
 *   End of the range (excluded).
 */
export function coveredLength(union: readonly Interval[], from: number, to: number): number {
  let total = 0
  for (const [start, end] of union) {
    if (start >= to) break
    const overlap = Math.min(end, to) - Math.max(start, from)
    if (overlap > 0) total += overlap
  }

  return total
}

/**
 * Whether an instant lies in one of the intervals.
 *
 * @param union
 *   Sorted disjoint intervals.
 * @param instant
 *   Epoch milliseconds.
 */
export function covers(union: readonly Interval[], instant: number): boolean {
  for (const [from, to] of union) {
    if (from > instant) return false
    if (instant < to) return true
  }

  return false
}
