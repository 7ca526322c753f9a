import type {VFile} from 'vfile'
import type {SlaReport} from '../../engine/report.js'
import type {Sla} from '../../schema/sla.js'
import {ruleUrl} from '../../syntax/messages.js'
import type {ShortcodeNode} from './nodes.js'

/** What every shortcode module reads: the page, its SLA, the report, and the call being filled. */
export interface InjectContext {
  readonly file: VFile
  readonly sla: Sla
  readonly report: SlaReport
  /** The SLA's zone (`report.timeZone`): every date and time is shown in it. */
  readonly zone: string
  /** The shortcode call being replaced. */
  readonly node: ShortcodeNode
}

/** A problem with a shortcode call, said as slamark says every problem. */
export interface ShortcodeWarning {
  ruleId: string
  /** "Unexpected X, expected Y". */
  reason: string
  hint: string
  actual?: string
  expected?: string[]
}

/**
 * Report a warning at a shortcode call: file, line and column of the call,
 * the rule id and its documentation, the hint as `note`.
 *
 * @param file
 *   The page.
 * @param node
 *   The call.
 * @param warning
 *   What is wrong.
 */
export function warnAt(file: VFile, node: ShortcodeNode, warning: ShortcodeWarning): void {
  const message = file.message(warning.reason, {
    ...(node.position ? {place: node.position} : {}),
    ruleId: warning.ruleId,
    source: 'slamark'
  })
  message.fatal = false
  message.url = ruleUrl(warning.ruleId)
  message.note = warning.hint
  if (warning.actual !== undefined) message.actual = warning.actual
  if (warning.expected !== undefined) message.expected = warning.expected
}
