import {distance} from 'fastest-levenshtein'

/**
 * The closest candidate to a misspelt value, or `undefined` when none is
 * close enough to be a likely typo (at most a third of the value's length
 * differs, and at least one character).
 *
 * @param value
 *   What was written.
 * @param candidates
 *   What would have been valid.
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(value.length / 3))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY

  for (const candidate of candidates) {
    const folded = candidate.toLowerCase() === value.toLowerCase() ? 0.5 : distance(value, candidate)
    // Ties go to the alphabetically first candidate, so the hint is deterministic.
    if (folded < bestDistance || (folded === bestDistance && best !== undefined && candidate < best)) {
      best = candidate
      bestDistance = folded
    }
  }

  return bestDistance <= limit ? best : undefined
}
