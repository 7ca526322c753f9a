import {createHash} from 'node:crypto'

/**
 * A hash of texts, for cache keys: what lint's cache and the site build's
 * caches compare (a page's text, a data file's, the settings).
 *
 * @param parts
 *   Texts, hashed in order with separators.
 */
export function contentHash(...parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\u0000')
  return hash.digest('base64url')
}
