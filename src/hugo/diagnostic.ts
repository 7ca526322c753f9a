/**
 * A finding of the page lexer or the front-matter reader, as plain data.
 *
 * The lexer and the front-matter reader know nothing of vfile: they report
 * offsets into the whole file, and the syntax layer turns each diagnostic into
 * a vfile message with line and column.
 */
export interface Diagnostic {
  /** Stable kebab-case rule id, e.g. `shortcode-unclosed`. */
  ruleId: string
  /** Human text, worded "Unexpected X, expected Y". */
  reason: string
  /** `error` stops Hugo's build; `warning` does not. */
  severity: 'error' | 'warning'
  /** Offset (UTF-16 code units, 0-based) in the whole file where the problem starts. */
  start: number
  /** Offset just past the problem (exclusive); equals `start` for a point. */
  end: number
  /** What to do about it. */
  hint?: string
  /** Hugo's own wording of the same error, when Hugo reports one. */
  hugo?: string
  /** The offending text, when it helps. */
  actual?: string
  /** Acceptable values, when they help. */
  expected?: string[]
  /**
   * Where Hugo's lexer notices the problem, when that is not `start` (an
   * unclosed body is noticed at the end of the file): decides which error
   * Hugo reports first.
   */
  detectedAt?: number
  /** A second place that explains the first (where a duplicate key was first written). */
  related?: {start: number; end: number; reason: string}
}

/**
 * Create a diagnostic; a small helper so every producer fills the same fields.
 *
 * @param fields
 *   The fields of the diagnostic; `end` defaults to `start`.
 */
export function diagnostic(
  fields: Omit<Diagnostic, 'end'> & {end?: number}
): Diagnostic {
  const {end, ...rest} = fields
  return {...rest, end: end ?? fields.start}
}
