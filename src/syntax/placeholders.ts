import type {ShortcodeCall, ShortcodeComment} from '../hugo/types.js'
import {PositionMap} from './position-map.js'

/** A placeholder in the parsed text, standing for one shortcode call. */
export interface Placeholder {
  /** The placeholder text, as it appears in the parsed text. */
  text: string
  /** Offset of the placeholder in the parsed text. */
  parsedStart: number
  call: ShortcodeCall
}

/** A region of the source prepared for micromark. */
export interface PreparedRegion {
  /** The text to parse. */
  text: string
  map: PositionMap
  /** Placeholders by their text. */
  placeholders: Map<string, Placeholder>
}

/**
 * The placeholder Hugo itself puts in place of the `n`th shortcode before
 * Goldmark runs (0.111 form): alphanumeric, so it is inert in Markdown and
 * gives heading ids exactly as Hugo's (`hahahugoshortcodes0hbhb-title`).
 *
 * @param ordinal
 *   The ordinal of the call within its region.
 */
export function placeholderText(ordinal: number): string {
  return `HAHAHUGOSHORTCODEs${ordinal}HBHB`
}

/**
 * Prepare the source range `[from, to)` for micromark: each call in `calls`
 * (the top-level calls of that range) becomes one placeholder, as Hugo
 * replaces a whole call (tags and body) before rendering Markdown; each
 * comment becomes its literal text, markers removed.
 *
 * @param source
 *   The whole file.
 * @param from
 *   Start of the region.
 * @param to
 *   End of the region.
 * @param calls
 *   The top-level calls inside the region, in source order.
 * @param comments
 *   The top-level comments inside the region, in source order.
 */
export function prepareRegion(
  source: string,
  from: number,
  to: number,
  calls: readonly ShortcodeCall[],
  comments: readonly ShortcodeComment[]
): PreparedRegion {
  const map = new PositionMap()
  const placeholders = new Map<string, Placeholder>()
  const parts: string[] = []
  let pos = from
  let callIndex = 0
  let commentIndex = 0
  // A page about Hugo may quote a placeholder (`HAHAHUGOSHORTCODEs0HBHB`):
  // never hand out one that is written in the region, or the quote would be
  // taken for the call. Other ordinals stay as Hugo numbers them.
  const written = new Set(source.slice(from, to).match(/HAHAHUGOSHORTCODEs\d+HBHB/g))
  let ordinal = 0

  while (callIndex < calls.length || commentIndex < comments.length) {
    const call = calls[callIndex]
    const comment = comments[commentIndex]

    if (call && (!comment || call.start < comment.start)) {
      take(call.start)
      let text = placeholderText(ordinal++)
      while (written.has(text)) text = placeholderText(ordinal++)
      placeholders.set(text, {text, parsedStart: map.length, call})
      map.replace(call.start, call.end, text.length)
      parts.push(text)
      pos = call.end
      callIndex++
    } else if (comment) {
      take(comment.start)
      // `{{</* x */>}}` reads as `{{< x >}}`: copy around the two markers.
      const innerEnd = comment.end - 5
      copy(comment.start, comment.start + 3)
      copy(comment.start + 5, innerEnd)
      copy(innerEnd + 2, comment.end)
      pos = comment.end
      commentIndex++
    }
  }

  take(to)
  return {text: parts.join(''), map, placeholders}

  function take(until: number): void {
    copy(pos, until)
    pos = until
  }

  function copy(start: number, end: number): void {
    if (end <= start) return
    map.copy(start, end - start)
    parts.push(source.slice(start, end))
  }
}
