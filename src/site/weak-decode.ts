/**
 * Hugo decodes its configuration with mapstructure's `WeakDecode`: a
 * setting written with another type is converted when Go can convert it
 * (`unsafe = "true"` and `unsafe = 1` are both `true`) and stops the build
 * otherwise (`unsafe = "yes"`). These are the same conversions, so a value
 * means in slamark what it means in Hugo.
 */
import type {Diagnostic} from '../hugo/diagnostic.js'
import {configValueTypeRuleId} from './rules.js'
import {isRecord} from '../util/is-record.js'

/** The Go type a setting decodes into. */
export type WeakType = 'bool' | 'int' | 'string'

/** A decoded value, or why Hugo cannot decode it (offsets to be filled in). */
export type WeakResult = {ok: true; value: boolean | number | string} | {ok: false; problem: Diagnostic}

// Go's `strconv.ParseBool`.
const goBooleans: Record<string, boolean> = {
  1: true, t: true, T: true, TRUE: true, true: true, True: true,
  0: false, f: false, F: false, FALSE: false, false: false, False: false
}

// Go's `strconv.ParseInt(s, 0, 64)`: a sign, then decimal, `0x`, `0o`, `0b` or a leading-`0` octal, with `_` between digits.
const goInteger = /^[+-]?(?:0[xX](?:_?[\dA-Fa-f])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?[0-7])*|[1-9](?:_?\d)*)$/

function parseGoInteger(text: string): number | undefined {
  if (!goInteger.test(text)) return undefined
  const negative = text.startsWith('-')
  let digits = text.replace(/^[+-]/, '').replaceAll('_', '')
  let radix = 10
  if (/^0[xX]/.test(digits)) [radix, digits] = [16, digits.slice(2)]
  else if (/^0[oO]/.test(digits)) [radix, digits] = [8, digits.slice(2)]
  else if (/^0[bB]/.test(digits)) [radix, digits] = [2, digits.slice(2)]
  else if (digits.length > 1 && digits.startsWith('0')) radix = 8
  const value = Number.parseInt(digits, radix)
  return negative ? -value : value
}

const typeNames: Record<WeakType, string> = {bool: 'a boolean (`true` or `false`)', int: 'a whole number', string: 'text'}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'list'
  if (isRecord(value)) return 'table'
  if (typeof value === 'string') return `text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``
  return `${typeof value === 'bigint' ? 'number' : typeof value} \`${String(value)}\``
}

/**
 * Decode a setting as mapstructure's `WeakDecode` does.
 *
 * @param value
 *   The value as read (TOML integers beyond 2^53 are `bigint`s).
 * @param type
 *   The Go type of the setting.
 * @param name
 *   The setting's name as documented (`markup.goldmark.renderer.unsafe`), for the message.
 */
export function decodeWeak(value: unknown, type: WeakType, name: string): WeakResult {
  const number = typeof value === 'bigint' ? Number(value) : value
  let decoded: boolean | number | string | undefined
  if (type === 'bool') {
    if (typeof number === 'boolean') decoded = number
    else if (typeof number === 'number') decoded = number !== 0
    else if (typeof number === 'string') decoded = number === '' ? false : goBooleans[number]
  } else if (type === 'int') {
    if (typeof number === 'number') decoded = Math.trunc(number)
    else if (typeof number === 'boolean') decoded = number ? 1 : 0
    else if (typeof number === 'string') decoded = number === '' ? 0 : parseGoInteger(number)
  } else if (typeof number === 'string') {
    decoded = number
  } else if (typeof number === 'boolean') {
    decoded = number ? '1' : '0'
  } else if (typeof number === 'number') {
    decoded = typeof value === 'bigint' ? value.toString() : String(number)
  }

  if (decoded !== undefined && !(typeof decoded === 'number' && !Number.isFinite(decoded))) return {ok: true, value: decoded}
  return {
    ok: false,
    problem: {
      ruleId: configValueTypeRuleId,
      severity: 'error',
      reason: `Unexpected ${describe(value)} for \`${name}\`, expected ${typeNames[type]}`,
      hint:
        type === 'bool'
          ? 'Hugo reads `true`, `false`, `1`, `0` (also quoted) and stops the build on anything else'
          : `Hugo cannot read this as ${typeNames[type]} and stops the build`,
      start: 0,
      end: 0
    }
  }
}
