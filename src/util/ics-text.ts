/**
 * iCalendar (RFC 5545) text, both ways: the escaping of `TEXT` values
 * (§3.3.11) and the folding of content lines (§3.1). The reader of holiday
 * files and the calendar export share it.
 */

/**
 * Unescape a `TEXT` value: `\\`, `\;`, `\,`, and `\n` or `\N` for a line
 * break; any other backslash is kept as written.
 *
 * @param value
 *   The raw value.
 */
export function unescapeIcsText(value: string): string {
  return value.replaceAll(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char))
}

/**
 * Escape a `TEXT` value, the inverse of {@link unescapeIcsText}: `\`, `;`
 * and `,` get a backslash, a line break (any of CRLF, LF, CR) becomes `\n`.
 *
 * @param value
 *   The text.
 */
export function escapeIcsText(value: string): string {
  return value.replaceAll(/[\\;,]/g, (char) => '\\' + char).replaceAll(/\r\n|\r|\n/g, '\\n')
}

/** Longest content line, in octets, before the line break (RFC 5545 §3.1). */
export const icsLineOctets = 75

/**
 * A content line folded as RFC 5545 §3.1 asks: no line longer than 75
 * octets of UTF-8, each continuation starting with one space, never
 * splitting a character; every line ends with CRLF.
 *
 * @param line
 *   One content line, without its line break.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  // The first line holds 75 octets; a continuation 74 after its leading space.
  let limit = icsLineOctets
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = icsLineOctets - 1
    }

    current += char
    octets += size
  }

  parts.push(current)
  return parts.join('\r\n ') + '\r\n'
}
