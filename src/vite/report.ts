/**
 * slamark's messages told to Vite: an error through `this.error` (the build
 * stops, the dev server shows its overlay) with the file, a 1-based line and
 * a 0-based column (Rollup's and Vite's convention; vfile's columns are
 * 1-based), from which Vite prints a code frame; warnings through
 * `this.warn`.
 */
import path from 'node:path'
import {placeStart, type PlainFile, type PlainMessage} from '../util/plain-message.js'

/** The plugin context calls used here (Vite's and Rolldown's transform context). */
export interface MessageSink {
  error(error: {message: string; id?: string; loc?: {file: string; line: number; column: number}}, pos?: {line: number; column: number}): never
  warn(warning: {message: string; id?: string}, pos?: {line: number; column: number}): void
}

/**
 * One message as text: the reason, the rule id and the hint; the place when
 * the message is in another file than the module's.
 *
 * @param message
 *   The message.
 * @param file
 *   The file it is in, when not the module's own.
 */
export function messageText(message: PlainMessage, file?: string): string {
  const start = placeStart(message.place)
  const where = file === undefined ? '' : `${file}${start ? `:${start.line}:${start.column}` : ''}: `
  return `${where}${message.reason}${message.ruleId ? ` [${message.ruleId}]` : ''}${message.note ? `\n  ${message.note}` : ''}`
}

/**
 * Report a page's messages: warnings first, then the first error (which
 * throws; the count of the others is in its text).
 *
 * @param sink
 *   The plugin context.
 * @param id
 *   The module id (the page's absolute path).
 * @param files
 *   The page's messages, then its data files'.
 * @param cwd
 *   The folder the stored paths are relative to.
 */
export function reportToVite(sink: MessageSink, id: string, files: readonly PlainFile[], cwd: string): void {
  const errors: Array<{message: PlainMessage; file: string; own: boolean}> = []
  for (const [position, file] of files.entries()) {
    const own = position === 0
    for (const message of file.messages) {
      if (message.fatal === true) {
        errors.push({message, file: file.path, own})
        continue
      }

      const start = own ? placeStart(message.place) : undefined
      sink.warn({message: messageText(message, own ? undefined : file.path), id}, start ? {line: start.line, column: start.column - 1} : undefined)
    }
  }

  const first = errors.find((item) => item.own) ?? errors[0]
  if (!first) return
  const more = errors.length > 1 ? `\n(${errors.length - 1} more ${errors.length === 2 ? 'error' : 'errors'} on this page)` : ''
  const {message, own} = first
  const start = placeStart(message.place)
  const file = own ? id : path.resolve(cwd, first.file)
  sink.error(
    {
      message: messageText(message, own ? undefined : first.file) + more,
      id,
      ...(start ? {loc: {file, line: start.line, column: start.column - 1}} : {})
    },
    own && start ? {line: start.line, column: start.column - 1} : undefined
  )
}
