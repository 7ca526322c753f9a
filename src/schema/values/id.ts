import {actualText, describe, failure, problem, success, type ValueResult} from './result.js'

/** RFC 1123 label in lower case: 1–63 of `a-z`, `0-9`, `-`, no hyphen at either end. */
const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/**
 * Check an SLA id (sla-domain §5.2 `id`): a lower-case RFC 1123 label, so it
 * works unchanged in URLs, file names (`data/slamark/<id>.json`) and
 * OpenSLO `metadata.name`. A number (`id: 2024` in YAML) is refused, with
 * the quoted text as suggestion: ids are text, and `007` would lose its
 * zeros. On failure the slug of the value is suggested when there is one
 * (`Acme Care 2024` → `acme-care-2024`).
 *
 * @param input
 *   The value as read from front matter.
 * @returns
 *   The id as written when valid.
 */
export function checkSlaId(input: unknown): ValueResult<string> {
  if (typeof input === 'string' && label.test(input)) return success(input)

  const slug = typeof input === 'string' || typeof input === 'number' ? slugify(String(input)) : ''
  const suggestion = slug !== '' && label.test(slug) ? slug : undefined
  const why =
    typeof input !== 'string'
      ? 'ids are text'
      : input === ''
        ? 'at least one character'
        : input.length > 63
        ? 'at most 63 characters'
        : /^-|-$/.test(input)
          ? 'no hyphen at the start or end'
          : 'only lower-case letters, digits and hyphens'

  return failure(
    problem('sla-id-invalid', {
      reason: `Unexpected ${input === '' ? 'empty id' : 'id ' + describe(input)}, expected a lower-case slug of letters, digits and hyphens (RFC 1123 label): ${why}`,
      hint:
        typeof input === 'number' && suggestion
          ? `Quote the number so it stays text: \`"${suggestion}"\``
          : suggestion
            ? `Did you mean \`${suggestion}\`?`
            : 'Use lower-case letters, digits and hyphens, such as `acme-care-2024`',
      actual: actualText(input),
      ...(suggestion ? {expected: [suggestion]} : {})
    })
  )
}

/**
 * The slug of a text: accents removed, lower case, every run of other
 * characters a single hyphen, no hyphen at either end, at most 63
 * characters.
 */
function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '')
}
