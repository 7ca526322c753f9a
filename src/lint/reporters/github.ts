/**
 * `--reporter github`: GitHub Actions workflow commands, so findings show as
 * annotations on the pull request's files. GitHub shows at most 10 error and
 * 10 warning annotations per step (and drops the rest silently), so the
 * changed pages' findings go first, the ones over the limit are printed as
 * plain log lines with one notice saying how many, and the whole table goes
 * to the step summary (`$GITHUB_STEP_SUMMARY`) when it is set.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {countMessages, levelOf, spanOf, type ReportInput} from './common.js'

/** Annotations GitHub shows per step, per kind. */
export const annotationLimit = 10
/** GitHub refuses a step summary over 1 MiB. */
const summaryLimit = 1024 * 1024

/**
 * A workflow command's message, escaped as `@actions/core` escapes it.
 *
 * @param value
 *   The text.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/**
 * A workflow command's property value, escaped as `@actions/core` escapes it.
 *
 * @param value
 *   The text.
 */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** One finding with its file. */
interface Finding {
  file: VFile
  message: VFileMessage
}

/**
 * The findings in the order they are annotated: the changed pages first
 * (in the order given), then the others; within a file, by place.
 */
function ordered(input: ReportInput): Finding[] {
  const rank = new Map((input.changed ?? []).map((path, index) => [path, index]))
  const files = [...input.files].sort((a, b) => (rank.get(a.path) ?? rank.size) - (rank.get(b.path) ?? rank.size))
  return files.flatMap((file) => file.messages.map((message) => ({file, message})))
}

/**
 * The workflow command of one finding.
 *
 * @param finding
 *   The finding.
 */
export function annotation(finding: Finding): string {
  const {file, message} = finding
  const span = spanOf(message)
  const properties = [`file=${escapeProperty(file.path)}`, `line=${span.line}`, `endLine=${span.endLine}`]
  // Columns only on one line (the runner checks), and the end column inclusive.
  if (span.line === span.endLine) {
    properties.push(`col=${span.column}`, `endColumn=${Math.max(span.column, span.endColumn - 1)}`)
  }

  properties.push(`title=${escapeProperty(`slamark ${message.ruleId ?? ''}`.trim())}`)
  const text = message.note === undefined ? message.reason : `${message.reason}\n${message.note}`
  return `::${levelOf(message) === 'info' ? 'notice' : levelOf(message)} ${properties.join(',')}::${escapeData(text)}`
}

/**
 * The report as workflow commands (and plain lines for what is over the
 * limits).
 *
 * @param input
 *   The run.
 */
export function githubReport(input: ReportInput): string {
  const lines: string[] = []
  const shown = {error: 0, warning: 0, info: 0}
  let over = 0
  for (const finding of ordered(input)) {
    const level = levelOf(finding.message)
    if (shown[level] < annotationLimit) {
      shown[level]++
      lines.push(annotation(finding))
      continue
    }

    over++
    const span = spanOf(finding.message)
    lines.push(`${finding.file.path}:${span.line}:${span.column}: ${level} ${finding.message.reason} (${finding.message.ruleId ?? ''})`)
  }

  if (over > 0) {
    lines.push(`::notice title=slamark::${escapeData(`${over} more findings than GitHub shows as annotations; see the lines above and the step summary`)}`)
  }

  const {errors, warnings} = countMessages(input.files)
  lines.push(`slamark: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`)
  return lines.join('\n') + '\n'
}

/**
 * The step summary: counts and a table of every finding (cut to GitHub's
 * size limit, saying so).
 *
 * @param input
 *   The run.
 */
export function githubSummary(input: ReportInput): string {
  const {errors, warnings} = countMessages(input.files)
  const head = [`## slamark lint`, '', `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`, '']
  const findings = ordered(input)
  if (findings.length === 0) return head.join('\n') + '\n'
  const rows = ['| File | Line | Severity | Rule | Message |', '| --- | --: | --- | --- | --- |']
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
  let size = Buffer.byteLength(head.join('\n') + rows.join('\n'))
  let cut = 0
  for (const [index, {file, message}] of findings.entries()) {
    const span = spanOf(message)
    const row = `| ${cell(file.path)} | ${span.line} | ${levelOf(message)} | \`${message.ruleId ?? ''}\` | ${cell(message.reason)} |`
    // Leave room for the closing line.
    if (size + Buffer.byteLength(row) + 200 > summaryLimit) {
      cut = findings.length - index
      break
    }

    size += Buffer.byteLength(row) + 1
    rows.push(row)
  }

  if (cut > 0) rows.push('', `${cut} more findings are left out: GitHub limits a step summary to 1 MiB. Run \`slamark lint\` locally to see them all.`)
  return [...head, ...rows].join('\n') + '\n'
}
