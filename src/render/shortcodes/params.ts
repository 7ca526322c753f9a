import type {RootContent} from 'mdast'
import type {HugoParam, HugoShortcodeData} from '../../syntax/types.js'
import type {ShortcodeNode} from '../types.js'

/**
 * Hugo's `.Get key`: a named param by name (the last one written wins, as in
 * Hugo's map), a positional one by index; `undefined` where Hugo gives `nil`
 * or `""` (a name asked of positional params, an index of named ones).
 *
 * @param hugo
 *   The call.
 * @param key
 *   A param name or a 0-based position.
 */
export function getParam(hugo: HugoShortcodeData | undefined, key: string | number): HugoParam | undefined {
  if (!hugo || hugo.params.length === 0) return undefined
  const named = hugo.named !== false
  if (typeof key === 'number') return named ? undefined : hugo.params[key]
  if (!named) return undefined
  for (let index = hugo.params.length - 1; index >= 0; index--) {
    if (hugo.params[index]!.name === key) return hugo.params[index]
  }

  return undefined
}

/**
 * Go template truth (`{{ with }}`, `{{ if }}`): `false`, `0`, `0.0` and `""`
 * are false, a missing param too.
 *
 * @param param
 *   The param, or `undefined` when not given.
 */
export function isTruthy(param: HugoParam | undefined): boolean {
  if (!param) return false
  const value = param.value
  return typeof value === 'string' ? value !== '' : typeof value === 'number' ? value !== 0 : value
}

/**
 * Whether Hugo's `default` keeps the value: booleans are always set (so
 * `context=false` stays `false`), other values when non-zero and non-empty.
 *
 * @param param
 *   The param, or `undefined` when not given.
 */
export function isSet(param: HugoParam | undefined): param is HugoParam {
  if (!param) return false
  return typeof param.value === 'boolean' || isTruthy(param)
}

/**
 * A value as Go's `fmt` prints it (`{{ . }}`, `printf "%v"`): floats in
 * `%g`'s shortest form (`1e+06`, `0.5`, `1e-05`), ints without sign or
 * leading zeros, booleans as `true`/`false`.
 *
 * @param param
 *   The param.
 */
export function goPrint(param: HugoParam): string {
  const value = param.value
  if (param.goType === 'float64' && typeof value === 'number') return formatFloat(value, 'g')
  if (param.goType === 'int') return typeof value === 'number' ? String(value) : BigInt(param.text).toString()
  return String(value)
}

/**
 * A value as Hugo's `cast.ToString` turns it into text (`RenderString`,
 * `markdownify`, `lower`): as {@link goPrint}, but floats never in exponent
 * form (`1000000`, `0.00001`).
 *
 * @param param
 *   The param.
 */
export function goString(param: HugoParam): string {
  const value = param.value
  if (param.goType === 'float64' && typeof value === 'number') return formatFloat(value, 'f')
  return goPrint(param)
}

/**
 * Go's `strings.ToLower`: each code point on its own (no final sigma, `İ` to
 * `i`), never the host locale's rules.
 *
 * @param value
 *   The text.
 */
export function goLower(value: string): string {
  // Plain ASCII is the common case and lowers the same everywhere.
  if (/^[\0-\x7f]*$/.test(value)) return value.toLowerCase()
  let result = ''
  for (const character of value) {
    const lower = character.toLowerCase()
    result += [...lower].length === 1 ? lower : character === '\u0130' ? 'i' : character
  }

  return result
}

// Shortest round-trip digits, as Go's strconv finds them, written as `%g`
// (exponent below -4 or from 6 on, two-digit exponent) or as `%f`.
function formatFloat(value: number, format: 'g' | 'f'): string {
  if (value === 0) return Object.is(value, -0) ? '-0' : '0'
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e')
  const exponent = Number(exponentText)
  const digits = mantissa.replace('.', '')
  const sign = value < 0 ? '-' : ''

  if (format === 'g' && (exponent < -4 || exponent >= 6)) {
    const size = String(Math.abs(exponent)).padStart(2, '0')
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${size}`
  }

  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`
}

/**
 * The parsed body of a call: a block call's children, or the body parsed
 * separately for a call inside a paragraph.
 *
 * @param node
 *   The shortcode node.
 */
export function bodyOf(node: ShortcodeNode): RootContent[] {
  if (node.type === 'containerDirective') return node.children
  return node.data?.hugo?.body?.children ?? []
}

/**
 * Whether Hugo's `.Inner` is non-empty (a body of only a line ending is).
 *
 * @param node
 *   The shortcode node.
 */
export function hasInner(node: ShortcodeNode): boolean {
  const inner = node.data?.hugo?.inner
  if (inner !== undefined) return inner !== ''
  return bodyOf(node).length > 0
}
