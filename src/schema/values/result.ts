import type {ValueRuleId} from './rules.js'

/**
 * A problem with one value, as plain data. There are no offsets: the caller
 * knows where the value is and turns this into a finding or a message.
 */
export interface ValueProblem {
  /** Stable kebab-case rule id, one of `valueRules`. */
  ruleId: string
  /** Human text, worded "Unexpected X, expected Y". */
  reason: string
  /** What to do about it. */
  hint?: string
  /** The offending text, when it helps. */
  actual?: string
  /** Acceptable values (a suggestion first), when they help. */
  expected?: string[]
  /**
   * Where inside the value the problem is, for compound values (working
   * hours: `['mon-fri']` or `['mon-fri', 1]` for the second range of a list),
   * so the caller can point at the part rather than the whole mapping.
   * Absent when the problem is the whole value.
   */
  path?: Array<string | number>
  /** `key` when the problem is the mapping key at `path` rather than its value. */
  at?: 'key'
  /**
   * For a warning about a value that was read despite its spelling: the
   * canonical value that the validated data holds in its place.
   */
  normalized?: string
}

/**
 * What a value parser returns: the parsed value, or the first problem that
 * stops it. Warnings (present only when there are some) do not stop parsing.
 */
export type ValueResult<T> =
  | {ok: true; value: T; warnings?: ValueProblem[]}
  | {ok: false; problem: ValueProblem; warnings?: ValueProblem[]}

/**
 * Build a problem; typing `ruleId` as `ValueRuleId` means an id missing from
 * `valueRules` does not compile.
 */
export function problem(ruleId: ValueRuleId, fields: Omit<ValueProblem, 'ruleId'>): ValueProblem {
  return {ruleId, ...fields}
}

/** A successful result; `warnings` only appears when there are some. */
export function success<T>(value: T, warnings: ValueProblem[] = []): ValueResult<T> {
  return warnings.length > 0 ? {ok: true, value, warnings} : {ok: true, value}
}

/** A failed result; `warnings` only appears when there are some. */
export function failure<T>(found: ValueProblem, warnings: ValueProblem[] = []): ValueResult<T> {
  return warnings.length > 0 ? {ok: false, problem: found, warnings} : {ok: false, problem: found}
}

/**
 * The offending value as text for `actual`: strings as they are, other
 * scalars as YAML would print them, containers by their kind.
 */
export function actualText(input: unknown): string {
  if (typeof input === 'string') return input
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return String(input)
  if (input === null) return 'null'
  if (input === undefined) return 'undefined'
  if (Array.isArray(input)) return 'list'
  // `instanceof` only; a Date is never read (see `time.ts`).
  if (input instanceof Date) return 'Date'
  return typeof input === 'object' ? 'mapping' : typeof input
}

/**
 * The offending value for the "Unexpected X" part of a reason: code spans
 * for text, with the YAML type named for non-strings so that `4` and `"4"`
 * read differently.
 */
export function describe(input: unknown): string {
  if (typeof input === 'string') return input.trim() === '' ? 'empty text' : '`' + input + '`'
  if (typeof input === 'number') return 'number `' + String(input) + '`'
  if (typeof input === 'boolean') return 'boolean `' + String(input) + '`'
  if (input === null || input === undefined) return 'empty value'
  if (Array.isArray(input)) return 'list'
  if (input instanceof Date) return 'JavaScript `Date`'
  return typeof input === 'object' ? 'mapping' : typeof input
}

/** `a`, `` `a` or `b` ``, `` `a`, `b` or `c` ``. */
export function orList(values: readonly string[]): string {
  const quoted = values.map((value) => '`' + value + '`')
  return quoted.length <= 1 ? quoted.join('') : quoted.slice(0, -1).join(', ') + ' or ' + quoted.at(-1)
}
