/**
 * Half-open intervals of instants, `[from, to)` in epoch milliseconds, as
 * plain numbers: the set algebra behind pauses (sla-domain S6: the union of
 * recorded pauses counts once) and behind clipping them to a ticket's life.
 * Every function returns a new sorted list of disjoint, non-empty intervals
 * that do not touch (touching ones are merged); an interval that comes out
 * unchanged may be the one passed in (intervals are read-only).
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
  const sorted = Array.from(intervals)
  let kept = 0
  for (const interval of sorted) if (interval[1] > interval[0]) sorted[kept++] = interval
  if (kept < sorted.length) sorted.length = kept
  // Pauses are mostly written in order; sorting copies the list even then.
  if (!inOrder(sorted)) sorted.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  // An interval that merges with none is kept as it is (intervals are read-only).
  const result = new Array<Interval>(kept)
  let count = 0
  for (const interval of sorted) {
    const last = result[count - 1]
    if (last && interval[0] <= last[1]) {
      if (interval[1] > last[1]) result[count - 1] = [last[0], interval[1]]
    } else {
      result[count++] = interval
    }
  }

  if (count < result.length) result.length = count
  return result
}

/** Whether intervals are in the order {@link unionIntervals} sorts them: by start, then by end. */
function inOrder(intervals: readonly Interval[]): boolean {
  for (let index = 1; index < intervals.length; index++) {
    const interval = intervals[index]!
    const previous = intervals[index - 1]!
    if (interval[0] < previous[0] || (interval[0] === previous[0] && interval[1] < previous[1])) return false
  }

  return true
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
  const result = new Array<Interval>(union.length)
  let count = 0
  for (const interval of union) {
    const clippedStart = Math.max(interval[0], from)
    const clippedEnd = Math.min(interval[1], to)
    if (clippedEnd <= clippedStart) continue
    result[count++] = clippedStart === interval[0] && clippedEnd === interval[1] ? interval : [clippedStart, clippedEnd]
  }

  if (count < result.length) result.length = count
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
  for (const interval of union) {
    if (interval[0] >= to) break
    const overlap = Math.min(interval[1], to) - Math.max(interval[0], from)
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
  for (const interval of union) {
    if (interval[0] > instant) return false
    if (instant < interval[1]) return true
  }

  return false
}
