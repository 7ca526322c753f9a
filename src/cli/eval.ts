import {EngineInputError} from '../engine/input.js'
import {evaluate, evaluationKinds, isEvaluationKind} from '../engine/evaluate.js'
import {didYouMean} from '../util/did-you-mean.js'
import type {CommandContext} from './lint.js'

/** Largest input read from stdin: an export of many tickets fits, a runaway pipe does not. */
const maxInputBytes = 64 * 1024 * 1024

/**
 * `slamark eval <kind>`: read one JSON object on stdin, write the engine's
 * result as JSON on stdout. Exit 0 on success, 2 with a message on stderr
 * for an unknown kind or bad input.
 *
 * @param args
 *   The kind.
 * @param context
 *   Where to read and write; `stdin` gives the whole input.
 */
export async function evalCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const kinds = Object.keys(evaluationKinds)
  const [kind, ...extra] = args
  if (kind === undefined || extra.length > 0 || !isEvaluationKind(kind)) {
    const suggestion = kind === undefined ? undefined : didYouMean(kind, kinds)
    const written = kind === undefined ? 'no kind' : extra.length > 0 ? `arguments \`${args.join(' ')}\`` : `kind \`${kind}\``
    context.stderr(
      `slamark eval: Unexpected ${written}, expected one of ${kinds.map((name) => '`' + name + '`').join(', ')}` +
        (suggestion && extra.length === 0 ? ` (did you mean \`${suggestion}\`?)` : '') +
        '\n'
    )
    return 2
  }

  let input: unknown
  try {
    input = JSON.parse(context.stdin ? await context.stdin(maxInputBytes) : '')
  } catch (error) {
    context.stderr(`slamark eval: Unexpected input, expected one JSON object on stdin: ${(error as Error).message}\n`)
    return 2
  }

  try {
    context.stdout(JSON.stringify(evaluate(kind, input), null, 2) + '\n')
    return 0
  } catch (error) {
    if (error instanceof EngineInputError) {
      context.stderr(`slamark eval ${kind}: ${error.message}\n`)
      return 2
    }

    throw error
  }
}
