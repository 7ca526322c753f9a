/** Schemes kept in every URL a shortcode prints. */
const safeSchemes = new Set(['http', 'https', 'mailto', 'tel'])

// Browsers ignore these in a scheme (`java\tscript:`) and before it.
const ignoredInScheme = /[\0-\x20\x7f]/g

/**
 * Whether a URL from a page may be printed: a relative URL, or one whose
 * scheme is `http`, `https`, `mailto`, `tel` or listed in `allowed`. As in
 * Go's `html/template`, a `:` before any `/` marks a scheme, so `javascript:`,
 * `data:`, `vbscript:` and `C:\x` are refused.
 *
 * @param url
 *   The URL as written.
 * @param allowed
 *   Extra schemes (`RenderOptions.allowedProtocols`), lower case.
 */
export function isSafeUrl(url: string, allowed: readonly string[] = []): boolean {
  const compact = url.replace(ignoredInScheme, '')
  const colon = compact.indexOf(':')
  if (colon === -1) return true
  const before = compact.slice(0, colon)
  if (before.includes('/')) return true
  const scheme = before.toLowerCase()
  return safeSchemes.has(scheme) || allowed.some((item) => item.toLowerCase() === scheme)
}

const encoder = new TextEncoder()

// Bytes Go's URL normaliser keeps: reserved and unreserved characters, `%`.
function isKept(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    '!#$&*+,/:;=?@[]-._~%'.includes(String.fromCharCode(byte))
  )
}

/**
 * A URL as Go's `html/template` prints it in an `href`: every byte outside
 * RFC 3986's reserved and unreserved sets (spaces, quotes, `<`, non-ASCII)
 * percent-encoded in lower-case hex (`a b` → `a%20b`, `é` → `%c3%a9`);
 * existing escapes stay.
 *
 * @param url
 *   A URL that {@link isSafeUrl} accepted.
 */
export function normalizeUrl(url: string): string {
  // Most URLs need nothing; skip the byte walk for them.
  if (/^[A-Za-z0-9!#$&*+,/:;=?@[\]\-._~%]*$/.test(url)) return url
  let result = ''
  for (const byte of encoder.encode(url)) {
    result += isKept(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`
  }

  return result
}
