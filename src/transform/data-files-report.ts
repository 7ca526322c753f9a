import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareText} from '../util/sorted.js'

/**
 * The data files the pages read, one per path: a holidays file shared by ten
 * pages is reported once, with every distinct message any page found in it
 * (pages with other terms or hours may find different things).
 *
 * @param pages
 *   The linted pages.
 */
export function dataFilesOf(pages: readonly VFile[]): VFile[] {
  const byPath = new Map<string, {file: VFile; seen: Set<string>}>()

  for (const page of pages) {
    for (const data of page.data.dataFiles ?? []) {
      const known = byPath.get(data.path)
      if (!known) {
        byPath.set(data.path, {file: data, seen: new Set(data.messages.map(messageKey))})
        continue
      }

      for (const message of data.messages) {
        const key = messageKey(message)
        if (known.seen.has(key)) continue
        known.seen.add(key)
        known.file.messages.push(message)
      }
    }
  }

  return [...byPath.values()].map((item) => item.file).sort((a, b) => compareText(a.path, b.path))
}

/** What makes two messages the same: place, rule and text. */
function messageKey(message: VFileMessage): string {
  const place = message.place && 'start' in message.place ? message.place.start : message.place
  return [place?.line, place?.column, message.ruleId, message.reason].join('\u0000')
}
