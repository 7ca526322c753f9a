import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Diagnostic} from '../hugo/diagnostic.js'
import type {LineIndex} from './line-index.js'

/** Where each rule is documented: the README's section of that id. */
export function ruleUrl(ruleId: string): string {
  return `https://github.com/slamark/slamark#${ruleId}`
}

/**
 * Report a diagnostic on a file as a vfile message, per slamark's message
 * contract: `ruleId`, `source: 'slamark'`, `place`, `url`, `note` (the hint),
 * `actual`/`expected`, `fatal: true` for errors and `false` for warnings.
 *
 * @param file
 *   The file to report on.
 * @param item
 *   The diagnostic.
 * @param lines
 *   Offsets to points in `file`.
 */
export function report(file: VFile, item: Diagnostic, lines: LineIndex): void {
  const message = file.message(item.reason, {
    place: {start: lines.toPoint(item.start), end: lines.toPoint(Math.max(item.start, item.end))},
    ruleId: item.ruleId,
    source: 'slamark'
  })
  message.fatal = item.severity === 'error'
  message.url = ruleUrl(item.ruleId)
  if (item.hint !== undefined) message.note = item.hint
  if (item.actual !== undefined) message.actual = item.actual
  if (item.expected !== undefined) message.expected = item.expected
  if (item.hugo !== undefined) (message as {hugo?: string}).hugo = item.hugo
  if (item.related) {
    message.cause = new VFileMessage(item.related.reason, {
      place: {start: lines.toPoint(item.related.start), end: lines.toPoint(item.related.end)},
      ruleId: item.ruleId,
      source: 'slamark'
    })
  }
}
