/**
 * Messages as plain data, and back: what crosses worker threads (lint's and
 * the site build's) and what their caches keep, so a message from a worker
 * or from the last run reports exactly as one made now. Every field
 * slamark's messages carry survives the round trip: a point stays a point, a
 * range a range (offsets included), and the related place (`cause`) keeps
 * its own file.
 */
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Fix} from '../rules/rule.js'

/** A message as plain data. */
export interface PlainMessage {
  reason: string
  ruleId: string | undefined
  source: string | undefined
  /** `true` error, `false` warning, `undefined` info. */
  fatal: boolean | undefined
  /** A range or a point, as the message had it. */
  place: Position | Point | undefined
  /** The file the message names, when it has one (a `cause` in another file than its message). */
  file?: string
  note?: string
  url?: string
  actual?: string
  expected?: string[]
  fix?: Fix
  /** Hugo's own wording of a problem Hugo reports too. */
  hugo?: string
  /** The related place ("first used here"). */
  cause?: PlainMessage
}

/** A file's messages as plain data. */
export interface PlainFile {
  /** The file's path as messages print it. */
  path: string
  messages: PlainMessage[]
}

function copyPlace(place: Position | Point): Position | Point {
  return 'start' in place ? {start: {...place.start}, end: {...place.end}} : {...place}
}

/**
 * A message as plain data.
 *
 * @param message
 *   The message.
 */
export function toPlain(message: VFileMessage): PlainMessage {
  const plain: PlainMessage = {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal ?? undefined,
    place: message.place ? copyPlace(message.place) : undefined
  }
  if (message.file) plain.file = message.file
  if (message.note !== undefined) plain.note = message.note
  if (message.url !== undefined) plain.url = message.url
  if (message.actual !== undefined) plain.actual = message.actual
  if (message.expected !== undefined) plain.expected = message.expected
  if (message.fix !== undefined) plain.fix = message.fix
  const hugo = (message as {hugo?: string}).hugo
  if (hugo !== undefined) plain.hugo = hugo
  if (message.cause instanceof VFileMessage) plain.cause = toPlain(message.cause)
  return plain
}

/**
 * A message again from plain data.
 *
 * @param plain
 *   From {@link toPlain}.
 */
export function fromPlain(plain: PlainMessage): VFileMessage {
  const cause = plain.cause ? fromPlain(plain.cause) : undefined
  // A message's `stack` is set to '' by its constructor: the stack `Error` would walk for it first
  // is not walked (a build revives thousands of messages from its cache).
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = new VFileMessage(plain.reason, {
      ...(plain.place ? {place: plain.place} : {}),
      ...(plain.ruleId ? {ruleId: plain.ruleId} : {}),
      ...(plain.source ? {source: plain.source} : {}),
      ...(cause ? {cause} : {})
    })
  } finally {
    Error.stackTraceLimit = limit
  }

  message.fatal = plain.fatal
  if (plain.file !== undefined) message.file = plain.file
  if (plain.note !== undefined) message.note = plain.note
  if (plain.url !== undefined) message.url = plain.url
  if (plain.actual !== undefined) message.actual = plain.actual
  if (plain.expected !== undefined) message.expected = plain.expected
  if (plain.fix !== undefined) message.fix = plain.fix
  if (plain.hugo !== undefined) (message as {hugo?: string}).hugo = plain.hugo
  return message
}

/**
 * Put a plain message back on a file.
 *
 * @param file
 *   The file it is about.
 * @param plain
 *   The message.
 */
export function addPlain(file: VFile, plain: PlainMessage): VFileMessage {
  const message = fromPlain(plain)
  message.file = file.path ?? ''
  file.messages.push(message)
  return message
}

/**
 * A file's messages as plain data.
 *
 * @param file
 *   A page or data file.
 */
export function toPlainFile(file: VFile): PlainFile {
  return {path: file.path, messages: file.messages.map(toPlain)}
}

/**
 * A vfile holding plain messages again, for reporters.
 *
 * @param plain
 *   From {@link toPlainFile}.
 * @param options
 *   The file's text, when known (for code frames), and the folder its path is relative to.
 */
export function fromPlainFile(plain: PlainFile, options: {value?: string | undefined; cwd?: string | undefined} = {}): VFile {
  const file = new VFile({path: plain.path, ...(options.value === undefined ? {} : {value: options.value}), ...(options.cwd === undefined ? {} : {cwd: options.cwd})})
  for (const message of plain.messages) addPlain(file, message)
  return file
}

/**
 * Where a place starts: the start of a range, or the point.
 *
 * @param place
 *   A message's place.
 */
export function placeStart(place: Position | Point | null | undefined): Point | undefined {
  return place ? ('start' in place ? place.start : place) : undefined
}

/**
 * Where a place ends: the end of a range; a point has none.
 *
 * @param place
 *   A message's place.
 */
export function placeEnd(place: Position | Point | null | undefined): Point | undefined {
  return place && 'end' in place ? place.end : undefined
}
