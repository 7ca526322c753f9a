import {parseObjective, parsePercent, percentScale, type Comparator, type PercentContext} from '../schema/values/index.js'
import {EngineInputError, valueAt} from './input.js'

/**
 * Exact percentages and decimals for the engine's measures (uptime, KPIs,
 * credits): integers and bigints, so no float ever decides a pass, a tier
 * or a cent.
 */

type Path = ReadonlyArray<string | number>

/** `microPercent` of the exact ratio: part / whole × 100 × `percentScale`. */
export const microPercentPerUnit = 100n * BigInt(percentScale)

/** A percentage objective: the measured value must compare to `microPercent` with `comparator`. */
export interface PercentObjective {
  comparator: Comparator
  microPercent: number
}


/**
 * A percentage in exact millionths of a percent (`"99.9%"` and `99.9` →
 * 99,900,000), or an error at `path`.
 *
 * @param value
 *   The input.
 * @param path
 *   Where it is.
 * @param kind
 *   What the percentage is for (see `parsePercent`).
 */
export function percentAt(value: unknown, path: Path, kind: PercentContext['kind']): number {
  return valueAt(parsePercent(value, {kind}), path).microPercent
}

/**
 * Like {@link percentAt}, but `0` (or `"0%"`) is allowed and gives 0: a
 * credit or cap of nothing is a valid, if unusual, contract.
 */
export function creditAt(value: unknown, path: Path, kind: PercentContext['kind']): number {
  if (value === 0 || (typeof value === 'string' && /^0+(?:\.0+)?\s*%?$/.test(value.trim()))) return 0
  return percentAt(value, path, kind)
}

/**
 * A percentage objective: `99.9`, `"99.9%"` (meaning `>=`) or `">= 80%"`,
 * `"> 80%"`, `"<= 5%"`, `"< 5%"` (see `parseObjective`); a duration
 * objective is refused here.
 *
 * @param value
 *   The input.
 * @param path
 *   Where it is.
 */
export function objectiveAt(value: unknown, path: Path): PercentObjective {
  const objective = valueAt(parseObjective(value), path)
  if (objective.value.kind !== 'percent') {
    throw new EngineInputError(`Unexpected duration objective \`${String(value)}\`, expected a percentage such as \`>= 80%\``, path)
  }

  return {comparator: objective.comparator, microPercent: objective.value.microPercent}
}

/**
 * Whether the exact percentage `part / whole × 100` meets an objective,
 * compared in integers (no float ever decides a pass or a breach).
 *
 * @param part
 *   Numerator (satisfied responses, up time).
 * @param whole
 *   Denominator, above 0.
 * @param objective
 *   What the percentage must compare to.
 */
export function meetsObjective(part: bigint, whole: bigint, objective: PercentObjective): boolean {
  const left = part * microPercentPerUnit
  const right = BigInt(objective.microPercent) * whole
  switch (objective.comparator) {
    case '>=':
      return left >= right
    case '>':
      return left > right
    case '<=':
      return left <= right
    case '<':
      return left < right
  }
}

/**
 * `numerator / denominator` rounded half up to an integer, for non-negative
 * values.
 *
 * @param numerator
 *   At least 0.
 * @param denominator
 *   Above 0.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator)
}

/**
 * A non-negative integer count of 10^-decimals units as a fixed-point text:
 * `formatFixed(9990n, 2)` is `"99.90"`.
 *
 * @param scaled
 *   The value × 10^decimals, at least 0.
 * @param decimals
 *   Digits after the point, at least 1.
 */
export function formatFixed(scaled: bigint, decimals: number): string {
  const text = scaled.toString().padStart(decimals + 1, '0')
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`
}

/**
 * The decimal a JavaScript number stands for, as written in JSON or YAML:
 * `digits / scale` exactly, from the shortest text that reads back to the
 * number (`0.1` is 1/10, not the binary float's 0.1000000000000000055…).
 *
 * @param value
 *   A finite number, at least 0.
 */
export function exactDecimal(value: number): {digits: bigint; scale: bigint} {
  const [mantissa, exponent = '0'] = String(value).split('e') as [string, string?]
  const [whole, fraction = ''] = mantissa.split('.') as [string, string?]
  let digits = BigInt(whole + fraction)
  const places = fraction.length - Number(exponent)
  if (places < 0) digits *= 10n ** BigInt(-places)
  return {digits, scale: 10n ** BigInt(Math.max(places, 0))}
}

/**
 * A percentage given out by the engine (`creditPercent: 12.5`) back in
 * exact millionths of a percent. Such numbers come from whole millionths
 * divided by 10^6, so multiplying and rounding to the nearest integer gives
 * the millionths back exactly.
 *
 * @param percent
 *   A percentage with at most six decimals, such as an `AvailabilityPeriod`'s `creditPercent`.
 */
export function microPercentOf(percent: number): number {
  return Math.round(percent * percentScale)
}
