import type {VFile} from 'vfile'
import {VFileMessage, type Options as MessageOptions} from 'vfile-message'
import type {Locate} from '../frontmatter/types.js'
import type {DataPath, Finding} from '../schema/finding.js'
import type {LineIndex} from '../syntax/line-index.js'
import {ruleUrl} from '../syntax/messages.js'

/**
 * Where a finding points in the file: the value at its path, its key, or
 * the mapping that holds it; when the path is not in the file (a value that
 * is missing), the nearest enclosing value that is.
 *
 * @param finding
 *   What was found.
 * @param locate
 *   Front matter positions by path.
 */
export function findingRange(finding: Pick<Finding, 'path' | 'at'>, locate: Locate): {start: number; end: number} | undefined {
  let path: DataPath = finding.at === 'parent' ? finding.path.slice(0, -1) : finding.path

  while (true) {
    const found = locate(path)
    if (found) {
      if (finding.at === 'key' && found.keyStart !== undefined && found.keyEnd !== undefined) {
        return {start: found.keyStart, end: found.keyEnd}
      }

      return {start: found.start, end: found.end}
    }

    if (path.length === 0) return undefined
    path = path.slice(0, -1)
  }
}

/**
 * Report findings on a file as vfile messages per slamark's contract
 * (`ruleId`, `source`, `place`, `url`, `note`, `actual`/`expected`, `fatal`),
 * with the related place, if any, as the message's `cause`.
 *
 * @param file
 *   The file.
 * @param findings
 *   What the schema and rules found.
 * @param locate
 *   Front matter positions by path.
 * @param lines
 *   Offsets to points in the file.
 */
export function reportFindings(file: VFile, findings: readonly Finding[], locate: Locate, lines: LineIndex): void {
  for (const finding of findings) {
    const range = findingRange(finding, locate)
    const place = range ? {start: lines.toPoint(range.start), end: lines.toPoint(range.end)} : undefined
    const options: MessageOptions = {ruleId: finding.ruleId, source: 'slamark'}
    if (place) options.place = place

    if (finding.related) {
      const related = findingRange({path: finding.related.path}, locate)
      const cause = new VFileMessage(finding.related.reason, {
        ...(related ? {place: {start: lines.toPoint(related.start), end: lines.toPoint(related.end)}} : {}),
        ruleId: finding.ruleId,
        source: 'slamark'
      })
      options.cause = cause
    }

    const message = file.message(finding.reason, options)
    message.fatal = finding.severity === 'error'
    message.url = ruleUrl(finding.ruleId)
    if (finding.hint !== undefined) message.note = finding.hint
    if (finding.actual !== undefined) message.actual = finding.actual
    if (finding.expected !== undefined) message.expected = finding.expected
  }
}
