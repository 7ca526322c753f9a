/**
 * How a Hugo shortcode template knows which call it is: `.Ordinal` counts
 * the shortcode calls of its parent (the page, or the shortcode whose body
 * holds it) from 0, whatever their names, and `.Parent` leads outwards. The
 * key of a call is the ordinals from the outermost call in, joined with
 * `.` (`3`, `5.0`); the templates in `layouts/` compute the same key.
 */
import type {ShortcodeCall} from '../hugo/types.js'

/**
 * The Hugo key of every shortcode call of a page, by the offset of its
 * opening `{{`.
 *
 * @param calls
 *   The page's top-level calls (`lexPage(source).calls`), nested calls
 *   as their children.
 */
export function callKeys(calls: readonly ShortcodeCall[]): Map<number, string> {
  const keys = new Map<number, string>()
  // A work list rather than recursion: nesting depth is the author's.
  const pending: Array<{calls: readonly ShortcodeCall[]; prefix: string}> = [{calls, prefix: ''}]
  while (pending.length > 0) {
    const {calls: siblings, prefix} = pending.pop()!
    for (const [ordinal, call] of siblings.entries()) {
      const key = prefix + String(ordinal)
      keys.set(call.start, key)
      if (call.children.length > 0) pending.push({calls: call.children, prefix: key + '.'})
    }
  }

  return keys
}
