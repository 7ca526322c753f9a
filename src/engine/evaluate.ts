import {evaluateUptime} from './availability.js'
import {evaluateReport} from './credits.js'
import {evaluateDueAfter} from './due-after.js'
import {EngineInputError} from './input.js'
import {evaluateKpis} from './kpis.js'
import {evaluateTimeline} from './milestones.js'
import {evaluateTicket} from './ticket-clock.js'

/**
 * The engine's JSON contract, for users who hold ticket exports rather than
 * pages: one function per kind, plain JSON in and out. `slamark eval <kind>`
 * is this function on stdin and stdout.
 */
export const evaluationKinds = {
  ticket: evaluateTicket,
  dueAfter: evaluateDueAfter,
  timeline: evaluateTimeline,
  uptime: evaluateUptime,
  report: evaluateReport,
  kpis: evaluateKpis
} as const

/** A kind of evaluation: `ticket`, `dueAfter`, `timeline`, `uptime`, `report` or `kpis`. */
export type EvaluationKind = keyof typeof evaluationKinds

/** What {@link evaluate} returns for a kind. */
export type EvaluationResult<Kind extends EvaluationKind> = ReturnType<(typeof evaluationKinds)[Kind]>

/**
 * Evaluate one JSON input of the contract (see the README's Engine section
 * for every kind's fields). Unknown input fields are ignored.
 *
 * @param kind
 *   What to evaluate.
 * @param input
 *   The input object, as parsed JSON.
 * @throws {EngineInputError}
 *   When the kind is unknown or the input does not fit it; the message says
 *   where and what was expected.
 */
export function evaluate<Kind extends EvaluationKind>(kind: Kind, input: unknown): EvaluationResult<Kind> {
  if (!isEvaluationKind(kind)) {
    throw new EngineInputError(
      `Unexpected kind \`${String(kind)}\`, expected one of ${Object.keys(evaluationKinds).map((name) => '`' + name + '`').join(', ')}`,
      []
    )
  }

  return evaluationKinds[kind](input) as EvaluationResult<Kind>
}

/**
 * Whether a name is a kind of evaluation.
 *
 * @param name
 *   A name, such as a command-line argument.
 */
export function isEvaluationKind(name: string): name is EvaluationKind {
  return Object.hasOwn(evaluationKinds, name)
}
