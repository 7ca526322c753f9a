/**
 * What every reporter needs: the run's files, counts, and each message's
 * place in the shape reporters print.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** What a reporter is given. */
export interface ReportInput {
  files: readonly VFile[]
  /** With `--changed-since`: the changed pages' paths (reporters that must choose put them first). */
  changed?: readonly string[] | undefined
  /** slamark's version. */
  version: string
  /** The working folder (paths are relative to it). */
  cwd: string
}

/** A message's place as 1-based lines and columns, the end exclusive. */
export interface Span {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/**
 * A message's span; a message without a place points at the file's start.
 *
 * @param message
 *   The message.
 */
export function spanOf(message: VFileMessage): Span {
  const place = message.place
  if (!place) return {line: 1, column: 1, endLine: 1, endColumn: 1}
  if ('start' in place) return {line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column}
  return {line: place.line, column: place.column, endLine: place.line, endColumn: place.column}
}

/**
 * A message's severity word.
 *
 * @param message
 *   The message.
 */
export function levelOf(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** Errors and warnings over all files. */
export function countMessages(files: readonly VFile[]): {errors: number; warnings: number} {
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }

  return {errors, warnings}
}
