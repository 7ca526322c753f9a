/** A path into the front matter: keys and list indices from the top. */
export type DataPath = ReadonlyArray<string | number>

/**
 * A problem found in front matter data, as plain data: where (a path into
 * the data), which rule, and what to tell the author. The validation plugin
 * turns the path into a position in the file.
 */
export interface Finding {
  /** The offending value. */
  path: DataPath
  /**
   * What to point at: the value (default), its key (an unknown or duplicate
   * key), or the mapping that holds the path (a missing key).
   */
  at?: 'value' | 'key' | 'parent'
  /** Stable kebab-case rule id. */
  ruleId: string
  severity: 'error' | 'warning'
  /** "Unexpected X, expected Y". */
  reason: string
  hint?: string
  actual?: string
  expected?: string[]
  /**
   * The canonical value to validate and keep in place of the written one,
   * when the finding is a warning about a value read despite its spelling.
   */
  normalized?: string
  /** A second place that explains the first (the other duplicate, the start of a cycle). */
  related?: {path: DataPath; reason: string}
}
