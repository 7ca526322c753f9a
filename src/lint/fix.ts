/**
 * `--fix`: apply the certain fixes the rules attached to their messages,
 * each an edit of a few characters; fixes that overlap an earlier one wait
 * for the next pass.
 */
import type {Fix} from '../rules/rule.js'

/**
 * Apply fixes to a text.
 *
 * @param text
 *   The file's text.
 * @param fixes
 *   The fixes (offsets into `text`).
 * @returns
 *   The new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): {text: string; applied: number} {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)
  const chosen: Fix[] = []
  let reached = -1
  for (const fix of sorted) {
    // Two insertions at one place, or an edit inside another, are not certain together.
    if (fix.start < reached || (fix.start === reached && chosen.at(-1)?.start === fix.start)) continue
    if (text.slice(fix.start, fix.end) === fix.text) continue
    chosen.push(fix)
    reached = fix.end
  }

  let result = text
  for (let index = chosen.length - 1; index >= 0; index--) {
    const fix = chosen[index]!
    result = result.slice(0, fix.start) + fix.text + result.slice(fix.end)
  }

  return {text: result, applied: chosen.length}
}
