import type {ShortcodeContext} from '../types.js'

/** A warning a renderer reports: stable rule id, "Unexpected X, expected Y", a hint. */
export interface RenderWarning {
  ruleId: string
  reason: string
  hint: string
}

/**
 * Report a warning through the context (an object, so every rule id is
 * spelled `ruleId: '…'` where the README check finds it).
 *
 * @param context
 *   The shortcode's context.
 * @param warning
 *   What to report.
 */
export function report(context: ShortcodeContext, warning: RenderWarning): void {
  context.warn(warning.reason, warning.ruleId, warning.hint)
}

const longest = 60

/**
 * A value from a page quoted for a message: in backticks, line endings
 * shown as `\n`, cut after 60 characters so a huge value cannot flood the
 * report.
 *
 * @param value
 *   The value as written.
 */
export function quoted(value: string): string {
  const shown = value.length > longest ? `${value.slice(0, longest)}…` : value
  return `\`${shown.replace(/\r\n|\r|\n/g, '\\n').replace(/`/g, "'")}\``
}
