import {percentScale} from '../schema/values/index.js'
import {evaluateUptime, type UptimeResult} from './availability.js'
import {creditAt, exactDecimal, formatFixed, microPercentOf, roundHalfUp} from './exact.js'
import {EngineInputError, kindOf, listAt, numberAt, objectAt} from './input.js'

/**
 * Service credits (sla-domain S13): the availability tier's credit plus a
 * credit per breached ticket, then the cap, as a percentage of the monthly
 * fee and as an amount. Percentages are whole millionths of a percent
 * (`microPercent`, see `parsePercent`) and amounts are computed in bigint
 * cents, so no float ever decides a cent.
 */

type Path = ReadonlyArray<string | number>

/** A credit before and after the cap, in millionths of a percent. */
export interface CappedCredit {
  /** The sum of all credits. */
  uncappedMicroPercent: number
  /** The sum, at most the cap. */
  creditMicroPercent: number
}

/**
 * Add credits and apply the cap (S13): tier credit + per-breach credits,
 * then at most `capMicroPercent`.
 *
 * @param credits
 *   The credits of one period (tier and per-breach), in millionths of a percent.
 * @param capMicroPercent
 *   The cap in millionths of a percent, or `undefined` for none.
 */
export function capCredits(credits: readonly number[], capMicroPercent: number | undefined): CappedCredit {
  const uncappedMicroPercent = credits.reduce((sum, credit) => sum + credit, 0)
  return {
    uncappedMicroPercent,
    creditMicroPercent: capMicroPercent === undefined ? uncappedMicroPercent : Math.min(uncappedMicroPercent, capMicroPercent)
  }
}

/**
 * The amount of a credit: `monthlyFee × credit / 100`, computed exactly on
 * the fee's decimal as written (`1234.56`, not its binary float) and rounded
 * half up to cents, as text with exactly two decimals (`"246.91"`).
 *
 * @param monthlyFee
 *   The fee, at least 0.
 * @param creditMicroPercent
 *   The credit in millionths of a percent (10 % is 10,000,000), at least 0.
 */
export function creditAmount(monthlyFee: number, creditMicroPercent: number): string {
  const {digits, scale} = exactDecimal(monthlyFee)
  // fee × credit / (100 × 10^6) in units, × 100 in cents.
  const cents = roundHalfUp(digits * BigInt(creditMicroPercent) * 100n, scale * 100n * BigInt(percentScale))
  return formatFixed(cents, 2)
}

/** Output of the `report` kind. */
export interface ReportResult {
  /** The availability period, as the `uptime` kind gives it. */
  availability: UptimeResult
  /** Share of tickets that met their target, unrounded; `null` without tickets. */
  responseCompliancePercent: number | null
  /** Breached tickets × `perBreachPercent`. */
  responseCreditPercent: number
  /** Tier credit + response credit, before the cap. */
  uncappedCreditPercent: number
  /** The credit after the cap. */
  creditPercent: number
  /** `monthlyFee × creditPercent / 100`, rounded half up to cents, two decimals. */
  creditAmount: string
  currency: string
}

/**
 * Evaluate the `report` kind: in `availability` (the `uptime` input),
 * `ticketOutcomes` (a list of `met` and `breached`), `credits
 * {perBreachPercent?, capPercent?, monthlyFee, currency}`; a missing
 * `perBreachPercent` is 0 and a missing `capPercent` means no cap.
 *
 * @param input
 *   The parsed JSON input.
 * @throws {EngineInputError}
 *   When the input does not have that shape.
 */
export function evaluateReport(input: unknown): ReportResult {
  const data = objectAt(input, [])
  const availability = evaluateUptime(data.availability, ['availability'])
  const outcomes = listAt(data.ticketOutcomes, ['ticketOutcomes']).map((outcome, index) => outcomeAt(outcome, ['ticketOutcomes', index]))
  const credits = objectAt(data.credits, ['credits'])
  const perBreach = credits.perBreachPercent === undefined ? 0 : creditAt(credits.perBreachPercent, ['credits', 'perBreachPercent'], 'credit')
  const cap = credits.capPercent === undefined ? undefined : creditAt(credits.capPercent, ['credits', 'capPercent'], 'cap')
  const monthlyFee = numberAt(credits.monthlyFee, ['credits', 'monthlyFee'], {min: 0})
  const currency = currencyAt(credits.currency, ['credits', 'currency'])

  const breaches = outcomes.filter((outcome) => outcome === 'breached').length
  const responseCredit = breaches * perBreach
  const credit = capCredits([microPercentOf(availability.creditPercent), responseCredit], cap)

  return {
    availability,
    responseCompliancePercent: outcomes.length === 0 ? null : ((outcomes.length - breaches) * 100) / outcomes.length,
    responseCreditPercent: responseCredit / percentScale,
    uncappedCreditPercent: credit.uncappedMicroPercent / percentScale,
    creditPercent: credit.creditMicroPercent / percentScale,
    creditAmount: creditAmount(monthlyFee, credit.creditMicroPercent),
    currency
  }
}

function outcomeAt(value: unknown, path: Path): 'met' | 'breached' {
  if (value === 'met' || value === 'breached') return value
  throw new EngineInputError(`Unexpected ${kindOf(value)}, expected \`met\` or \`breached\``, path)
}

function currencyAt(value: unknown, path: Path): string {
  if (typeof value === 'string' && /^[A-Z]{3}$/.test(value)) return value
  throw new EngineInputError(`Unexpected ${kindOf(value)}, expected a currency code such as \`EUR\``, path)
}
