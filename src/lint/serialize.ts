/**
 * Messages as plain data, to cross worker threads and sit in the cache, and
 * back: every field slamark's messages carry survives the round trip.
 */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Fix} from '../rules/rule.js'

/** A message as plain data. */
export interface PlainMessage {
  reason: string
  ruleId: string | undefined
  source: string | undefined
  /** `true` error, `false` warning, `undefined` info. */
  fatal: boolean | undefined
  place: Position | undefined
  note?: string
  url?: string
  actual?: string
  expected?: string[]
  fix?: Fix
  hugo?: string
  cause?: {reason: string; place: Position | undefined; file: string | undefined}
}

function placeOf(message: VFileMessage): Position | undefined {
  const place = message.place
  if (!place) return undefined
  return 'start' in place ? {start: {...place.start}, end: {...place.end}} : {start: {...place}, end: {...place}}
}

/**
 * A message as plain data.
 *
 * @param message
 *   The message.
 */
export function toPlain(message: VFileMessage): PlainMessage {
  const plain: PlainMessage = {reason: message.reason, ruleId: message.ruleId, source: message.source, fatal: message.fatal ?? undefined, place: placeOf(message)}
  if (message.note !== undefined) plain.note = message.note
  if (message.url !== undefined) plain.url = message.url
  if (message.actual !== undefined) plain.actual = message.actual
  if (message.expected !== undefined) plain.expected = message.expected
  if (message.fix !== undefined) plain.fix = message.fix
  const hugo = (message as {hugo?: string}).hugo
  if (hugo !== undefined) plain.hugo = hugo
  const cause = message.cause
  if (cause instanceof VFileMessage) plain.cause = {reason: cause.reason, place: placeOf(cause), file: cause.file === '' ? undefined : cause.file}
  return plain
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
  const message = new VFileMessage(plain.reason, {...(plain.place ? {place: plain.place} : {}), ruleId: plain.ruleId, source: plain.source})
  message.file = file.path ?? ''
  message.fatal = plain.fatal
  if (plain.note !== undefined) message.note = plain.note
  if (plain.url !== undefined) message.url = plain.url
  if (plain.actual !== undefined) message.actual = plain.actual
  if (plain.expected !== undefined) message.expected = plain.expected
  if (plain.fix !== undefined) message.fix = plain.fix
  if (plain.hugo !== undefined) (message as {hugo?: string}).hugo = plain.hugo
  if (plain.cause) {
    const cause = new VFileMessage(plain.cause.reason, {...(plain.cause.place ? {place: plain.cause.place} : {}), ruleId: plain.ruleId, source: plain.source})
    if (plain.cause.file !== undefined) cause.file = plain.cause.file
    message.cause = cause
  }

  file.messages.push(message)
  return message
}
