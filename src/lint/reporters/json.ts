/**
 * `--reporter json`: one JSON document, every file with its messages, each
 * with rule, severity, place (end exclusive), text, hint, fix and related
 * place. Stable field order, for tools that diff it.
 */
import {VFileMessage} from 'vfile-message'
import {countMessages, levelOf, spanOf, type ReportInput} from './common.js'

/**
 * The report as JSON text.
 *
 * @param input
 *   The run.
 */
export function jsonReport(input: ReportInput): string {
  const files = input.files.map((file) => ({
    path: file.path,
    messages: file.messages.map((message) => {
      const entry: Record<string, unknown> = {ruleId: message.ruleId ?? null, severity: levelOf(message), ...spanOf(message), message: message.reason}
      if (message.note !== undefined) entry.hint = message.note
      if (message.url !== undefined) entry.url = message.url
      if (message.actual !== undefined) entry.actual = message.actual
      if (message.expected !== undefined) entry.expected = message.expected
      if (message.fix !== undefined) entry.fix = message.fix
      if (message.cause instanceof VFileMessage) {
        entry.related = {message: message.cause.reason, path: message.cause.file || file.path, ...spanOf(message.cause)}
      }

      return entry
    })
  }))
  const {errors, warnings} = countMessages(input.files)
  return JSON.stringify({version: input.version, errors, warnings, files}, null, 2) + '\n'
}
