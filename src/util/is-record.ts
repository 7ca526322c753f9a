/**
 * Whether a parsed value is a mapping of keys to values (a plain object: a
 * YAML mapping, a TOML table, a JSON object), not `null` or a list.
 *
 * @param value
 *   Any parsed value.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
