import {actualText, describe, failure, problem, success, type ValueProblem, type ValueResult} from './result.js'

/**
 * How many steps one percent is divided into: values are kept as whole
 * millionths of a percent (`microPercent`), so `99.9%` is `99_900_000`.
 *
 * Why: uptime tiers compare with a strict `<` (sla-domain S12), and binary
 * floats would make `99.9` and `99.90000000000001` different; integers in
 * one fixed scale compare exactly with plain `<`, need no bigint, stay
 * JSON-safe (100 % is 10^8, far below 2^53) and cover "six nines" and more.
 */
export const percentScale = 1_000_000

/** A parsed percentage. */
export interface PercentValue {
  kind: 'percent'
  /** The percentage as a number (`99.9`), for display and rough maths; it equals `microPercent / percentScale`. */
  percent: number
  /** The exact value in millionths of a percent (`99.9%` → `99_900_000`); compare these, not `percent`. */
  microPercent: number
  /** The decimal as written, with `%` and without spaces (`99.90 %` → `99.90%`). */
  text: string
}

/**
 * Where a percentage is used. `objective` and `tier` treat a bare number
 * ≤ 1 as a fraction written by mistake (error); `credit` and `cap` read it
 * as a percentage but warn (default: none of these checks).
 */
export interface PercentContext {
  kind?: 'objective' | 'credit' | 'cap' | 'tier' | null | undefined
}

/** A decimal number split into its digits, exactly as written. */
interface Decimal {
  negative: boolean
  /** Integer digits, at least one. */
  whole: string
  /** Fraction digits, possibly empty. */
  fraction: string
}

const percentText = /^(-?)(\d+)(?:\.(\d+))?\s*%$/
const bareText = /^(-?)(\d+)(?:\.(\d+))?$/
const hundred = 100 * percentScale

/**
 * Parse a percentage (sla-domain §5.3 rule 9): `"99.9%"`, `"99.9 %"`, or a
 * bare number (YAML `99.9`, or the text `"99.9"`) read as a percentage.
 * The range is (0, 100]; at most six decimals. A bare number ≤ 1 is most
 * likely a fraction (`0.999` for 99.9 %): an error for objectives and tiers
 * (with the percentage as suggestion), a warning for credits and caps.
 *
 * @param input
 *   The value as read from front matter.
 * @param context
 *   What the percentage is for, when known.
 */
export function parsePercent(input: unknown, context: PercentContext = {}): ValueResult<PercentValue> {
  let decimal: Decimal | undefined
  let bare = false
  const warnings: ValueProblem[] = []

  if (typeof input === 'number' && Number.isFinite(input)) {
    decimal = decimalOfNumber(input)
    bare = true
  } else if (typeof input === 'string') {
    const text = input.trim()
    const match = percentText.exec(text) ?? bareText.exec(text)
    bare = !text.endsWith('%')
    if (match) decimal = {negative: match[1] === '-', whole: match[2] as string, fraction: match[3] ?? ''}
  }

  if (!decimal) return failure(malformed(input))

  const written = (decimal.negative ? '-' : '') + decimal.whole + (decimal.fraction ? '.' + decimal.fraction : '')
  const actual = actualText(input)
  const zero = /^0*$/.test(decimal.whole + decimal.fraction)

  if (decimal.negative || zero) {
    return failure(
      problem('percent-out-of-range', {
        reason: `Unexpected ${describe(input)}, expected a percentage above 0 % and at most 100 %`,
        actual
      })
    )
  }

  // A fraction check needs the value ≤ 1 and must run before the precision check: `0.9995` is fine as a fraction.
  const atMostOne = Number(decimal.whole) === 0 || (Number(decimal.whole) === 1 && /^0*$/.test(decimal.fraction))
  if (bare && atMostOne && (context.kind === 'objective' || context.kind === 'tier')) {
    const suggestion = format(shift(decimal, 2))
    return failure(
      problem('percent-fraction', {
        reason: `Unexpected ${describe(input)} for ${context.kind === 'tier' ? 'a tier' : 'an objective'}, expected a percentage such as \`${suggestion}\``,
        hint: `A bare number is read as a percentage, so \`${written}\` would mean ${written} %; did you mean \`${suggestion}\`?`,
        actual,
        expected: [suggestion]
      })
    )
  }

  if (bare && atMostOne && (context.kind === 'credit' || context.kind === 'cap')) {
    const fractionAsPercent = format(shift(decimal, 2))
    warnings.push(
      problem('percent-fraction-ambiguous', {
        reason: `Unexpected bare number \`${written}\` for a ${context.kind}, expected a percentage with \`%\``,
        hint: `Read as ${written} %; write \`${written}%\` to keep that, or \`${fractionAsPercent}\` if a fraction was meant`,
        actual,
        expected: [`${written}%`, fractionAsPercent]
      })
    )
  }

  const significant = decimal.fraction.replace(/0+$/, '')
  if (significant.length > 6) {
    return failure(
      problem('percent-too-precise', {
        reason: `Unexpected ${describe(input)} with ${significant.length} decimals, expected at most 6`,
        hint: 'No SLA measures finer than a millionth of a percent; round the value',
        actual
      })
    )
  }

  // More than three integer digits is above 100 % whatever follows; checking first keeps the arithmetic small.
  const whole = decimal.whole.replace(/^0+(?=\d)/, '')
  const microPercent = whole.length > 3 ? Number.POSITIVE_INFINITY : Number(whole) * percentScale + Number(significant.padEnd(6, '0'))

  if (microPercent > hundred) {
    return failure(
      problem('percent-out-of-range', {
        reason: `Unexpected ${describe(input)}, expected a percentage of at most 100 %`,
        ...(context.kind === 'credit' || context.kind === 'cap'
          ? {hint: `A ${context.kind} above 100 % would pay out more than the fee`}
          : {}),
        actual
      })
    )
  }

  return success({kind: 'percent', percent: microPercent / percentScale, microPercent, text: written + '%'}, warnings)
}

/**
 * Write millionths of a percent as the shortest decimal percentage:
 * `99_900_000` → `99.9%`.
 *
 * @param microPercent
 *   Whole millionths of a percent.
 */
export function formatPercent(microPercent: number): string {
  const whole = Math.floor(microPercent / percentScale)
  const fraction = String(microPercent % percentScale).padStart(6, '0').replace(/0+$/, '')
  return `${whole}${fraction ? '.' + fraction : ''}%`
}

function malformed(input: unknown): ValueProblem {
  const suggestion = typeof input === 'string' ? suggest(input) : undefined
  return problem('percent-malformed', {
    reason: `Unexpected ${describe(input)}, expected a percentage such as \`99.9%\``,
    ...(suggestion ? {hint: `Did you mean \`${suggestion}\`?`} : {}),
    actual: actualText(input),
    expected: suggestion ? [suggestion] : ['99.9%']
  })
}

/** Common near-misses: a decimal comma, the word `percent`, `.5%`. */
function suggest(input: string): string | undefined {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/\s*(?:percent|per cent|pct)$/, '%')
    .replace(/^(\d*),(\d+)/, '$1.$2')
    .replace(/^\./, '0.')
    .replace(/\s+/g, '')
  const fixed = text.endsWith('%') ? text : undefined
  return fixed && fixed !== input && percentText.test(fixed) ? fixed : undefined
}

/**
 * The decimal digits of a number as JavaScript prints it, which for a YAML
 * number is the shortest text that reads back to the same value (`99.9`,
 * not `99.900000000000006`); exponents (`1e-7`) are expanded.
 */
function decimalOfNumber(value: number): Decimal {
  const [mantissa, exponentText] = String(Math.abs(value)).split('e') as [string, string | undefined]
  const [whole, fraction = ''] = mantissa.split('.') as [string, string | undefined]
  return shift({negative: value < 0, whole, fraction}, Number(exponentText ?? 0))
}

/** Multiply a decimal by 10^places (negative: divide) by moving the point. */
function shift(decimal: Decimal, places: number): Decimal {
  const digits = decimal.whole + decimal.fraction
  const point = decimal.whole.length + places
  const padded = point > digits.length ? digits.padEnd(point, '0') : point < 0 ? '0'.repeat(-point) + digits : digits
  const at = Math.max(point, 0)
  return {
    negative: decimal.negative,
    whole: padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0',
    fraction: padded.slice(at)
  }
}

/** A decimal as a percentage text: `99.9%`. */
function format(decimal: Decimal): string {
  const fraction = decimal.fraction.replace(/0+$/, '')
  return `${decimal.negative ? '-' : ''}${decimal.whole}${fraction ? '.' + fraction : ''}%`
}
