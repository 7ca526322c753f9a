import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {compareText} from '../util/sorted.js'

/** What {@link distinctByPath} needs of a message: where, which rule, what. */
export interface MessageIdentity {
  place?: Point | Position | null | undefined
  ruleId?: string | null | undefined
  reason: string
}

/**
 * The messages found in data files, one entry per path in code-point order,
 * each distinct message once: a holidays file shared by ten pages is
 * reported once, with every message any page found in it (pages with other
 * terms or hours may find different things).
 *
 * @param files
 *   Each page's data files, in page order.
 * @param messagesOf
 *   A file's messages.
 * @returns
 *   Per path, the first file given for it and the distinct messages.
 */
export function distinctByPath<File extends {path: string}, Message extends MessageIdentity>(
  files: Iterable<File>,
  messagesOf: (file: File) => readonly Message[]
): Array<{file: File; messages: Message[]}> {
  const byPath = new Map<string, {file: File; messages: Message[]; seen: Set<string>}>()

  for (const file of files) {
    let known = byPath.get(file.path)
    if (!known) {
      known = {file, messages: [], seen: new Set()}
      byPath.set(file.path, known)
    }

    for (const message of messagesOf(file)) {
      const key = messageKey(message)
      if (known.seen.has(key)) continue
      known.seen.add(key)
      known.messages.push(message)
    }
  }

  return [...byPath.values()].sort((a, b) => compareText(a.file.path, b.file.path)).map(({file, messages}) => ({file, messages}))
}

/**
 * The data files the pages read, one per path, holding the distinct messages
 * of every page's copy of it (see {@link distinctByPath}).
 *
 * @param pages
 *   The linted pages.
 */
export function dataFilesOf(pages: readonly VFile[]): VFile[] {
  return distinctByPath(pages.flatMap((page) => page.data.dataFiles ?? []), (file) => file.messages).map(({file, messages}) => {
    file.messages = messages
    return file
  })
}

/** What makes two messages the same: place, rule and text. */
function messageKey(message: MessageIdentity): string {
  const place = message.place && 'start' in message.place ? message.place.start : message.place
  return [place?.line, place?.column, message.ruleId, message.reason].join('\u0000')
}
