import {resolveAsOf} from '../engine/as-of.js'

/**
 * The problem with an `--as-of` value, or `undefined` when it is an instant
 * with an offset, as `sla.asOf` is. Every command checks it the same way:
 * a value the engine cannot read would silently give way to the clock, and
 * the output would change from one run to the next.
 *
 * @param command
 *   The command, as messages name it (`slamark build`).
 * @param value
 *   The option as given.
 */
export function asOfOptionProblem(command: string, value: string | undefined): string | undefined {
  if (value === undefined || resolveAsOf({option: value}).source === 'option') return undefined
  return `${command}: Unexpected \`--as-of\` \`${value}\`, expected an instant with an offset, such as \`2026-03-01T09:00:00+01:00\`\n`
}
