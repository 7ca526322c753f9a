/**
 * A page's messages as plain JSON and back: what crosses from a render
 * worker to the main thread and what the build cache keeps, so a page
 * rendered last time reports the same warnings as one rendered now.
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

/** One message, as plain data. */
export interface StoredMessage {
  reason: string
  ruleId: string | undefined
  source: string | undefined
  fatal: boolean | null | undefined
  start: {line: number; column: number; offset?: number | undefined} | undefined
  end: {line: number; column: number; offset?: number | undefined} | undefined
  note: string | undefined
  url: string | undefined
  actual: string | undefined
  expected: string[] | undefined
  cause: StoredMessage | undefined
  /** The file a related message (a `cause`) is in, when it is another. */
  file: string | undefined
}

/** A file's messages, as plain data. */
export interface StoredFile {
  /** The file's path as messages print it. */
  path: string
  messages: StoredMessage[]
}

function storeMessage(message: VFileMessage): StoredMessage {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : undefined
  const point = (item: typeof start) => (item ? {line: item.line, column: item.column, ...(item.offset === undefined ? {} : {offset: item.offset})} : undefined)
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    start: point(start),
    end: point(end),
    note: message.note,
    url: message.url,
    actual: message.actual,
    expected: message.expected,
    cause: message.cause instanceof VFileMessage ? storeMessage(message.cause) : undefined,
    file: message.file || undefined
  }
}

/**
 * A file's messages as plain data.
 *
 * @param file
 *   A page or data file.
 */
export function storeFile(file: VFile): StoredFile {
  return {path: file.path, messages: file.messages.map(storeMessage)}
}

function reviveMessage(stored: StoredMessage): VFileMessage {
  const place = stored.start ? (stored.end ? {start: stored.start, end: stored.end} : stored.start) : undefined
  const message = new VFileMessage(stored.reason, {
    ...(place ? {place} : {}),
    ...(stored.ruleId ? {ruleId: stored.ruleId} : {}),
    ...(stored.source ? {source: stored.source} : {}),
    ...(stored.cause ? {cause: reviveMessage(stored.cause)} : {})
  })
  message.fatal = stored.fatal
  if (stored.note !== undefined) message.note = stored.note
  if (stored.url !== undefined) message.url = stored.url
  if (stored.actual !== undefined) message.actual = stored.actual
  if (stored.expected !== undefined) message.expected = stored.expected
  if (stored.file !== undefined) message.file = stored.file
  return message
}

/**
 * A vfile holding stored messages again, for vfile-reporter.
 *
 * @param stored
 *   From {@link storeFile}.
 * @param value
 *   The file's text, when known (for code frames).
 */
export function reviveFile(stored: StoredFile, value?: string): VFile {
  const file = new VFile({path: stored.path, ...(value === undefined ? {} : {value})})
  for (const item of stored.messages) {
    const message = reviveMessage(item)
    message.file = file.path
    file.messages.push(message)
  }

  return file
}

/**
 * Whether any message of the files is an error.
 *
 * @param files
 *   Files with messages.
 */
export function hasFatal(files: ReadonlyArray<{messages: ReadonlyArray<{fatal?: boolean | null | undefined}>}>): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}
