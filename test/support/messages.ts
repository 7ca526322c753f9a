/**
 * Compact forms of vfile messages for hand-written expectations.
 */
import type {VFile} from 'vfile'

/**
 * A file's messages as `line:column-line:column ruleId severity`, in the
 * order they were reported (none for a missing file).
 *
 * @param file
 *   The file.
 */
export function brief(file: VFile | undefined): string[] {
  return (file?.messages ?? []).map((message) => {
    const place = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
    return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}`
  })
}

/**
 * Order {@link brief} strings by where they start.
 *
 * @param a
 *   One message.
 * @param b
 *   The other.
 */
export function byPlace(a: string, b: string): number {
  const [al, ac] = a.split(/[:-]/).map(Number)
  const [bl, bc] = b.split(/[:-]/).map(Number)
  return al! - bl! || ac! - bc!
}
