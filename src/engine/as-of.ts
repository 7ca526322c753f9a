import {Temporal} from 'temporal-polyfill'

/** Where "now" came from. */
export type AsOfSource = 'option' | 'sla' | 'source-date-epoch' | 'clock'

/** The instant a build treats as "now". */
export interface AsOf {
  /** The instant, as an ISO string in UTC (`2024-10-04T07:00:00Z`). */
  instant: string
  source: AsOfSource
}

/** Inputs of {@link resolveAsOf}; the environment and clock are passed in so tests stay deterministic. */
export interface AsOfInputs {
  /** The `asOf` option of the build. */
  option?: string | null | undefined
  /** `sla.asOf` from the page. */
  sla?: unknown
  /** `process.env.SOURCE_DATE_EPOCH` (seconds since the epoch). */
  sourceDateEpoch?: string | null | undefined
  /** The current time in epoch milliseconds (default: `Date.now()`, the only clock read). */
  now?: (() => number) | null | undefined
}

/**
 * Resolve "now" for a build: the option, else `sla.asOf`, else
 * `SOURCE_DATE_EPOCH`, else the clock, so builds are reproducible. Values
 * that do not parse are skipped (validation reports them).
 *
 * @param inputs
 *   The candidates, most specific first.
 */
export function resolveAsOf(inputs: AsOfInputs): AsOf {
  const option = toInstant(inputs.option)
  if (option) return {instant: option, source: 'option'}
  const sla = toInstant(inputs.sla)
  if (sla) return {instant: sla, source: 'sla'}
  if (inputs.sourceDateEpoch && /^\d+$/.test(inputs.sourceDateEpoch)) {
    return {instant: Temporal.Instant.fromEpochMilliseconds(Number(inputs.sourceDateEpoch) * 1000).toString(), source: 'source-date-epoch'}
  }

  const now = inputs.now ?? Date.now
  return {instant: Temporal.Instant.fromEpochMilliseconds(now()).toString(), source: 'clock'}
}

function toInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    return Temporal.Instant.from(value.replace(' ', 'T')).toString()
  } catch {
    return undefined
  }
}
