/**
 * Shortcode params as the rules need them: found by name (or position, as
 * Doks' templates read them), and the exact range of a value's text, for
 * messages and fixes that touch the value and nothing else.
 */
import type {HugoParam, HugoShortcodeData} from '../syntax/types.js'

/**
 * A param as a Doks template reads it: by name when the call has named
 * params, else the positional one at `position` (when given).
 *
 * @param hugo
 *   The call.
 * @param name
 *   The param's name.
 * @param position
 *   Its position when the call is positional.
 */
export function paramOf(hugo: HugoShortcodeData, name: string, position?: number): HugoParam | undefined {
  if (hugo.named === false) return position === undefined ? undefined : hugo.params.filter((item) => item.name === undefined)[position]
  return hugo.params.find((item) => item.name === name)
}

/**
 * The offsets of a param's value text, quotes left out: what a fix
 * replaces.
 *
 * @param param
 *   The param.
 */
export function valueRange(param: HugoParam): {start: number; end: number} {
  const quoted = param.quote === 'double' || param.quote === 'raw'
  return quoted ? {start: param.valueStart + 1, end: param.end - 1} : {start: param.valueStart, end: param.end}
}
