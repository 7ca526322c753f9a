/**
 * `--reporter stylish` (the default): vfile-reporter's report, line for line
 * (a heading per file, aligned `place  severity  reason  rule  source`
 * rows, the related place, url and hint under each, and the totals).
 *
 * vfile-reporter measures every cell with `string-width`, which took about
 * 0.6 s for the 3,700 findings of the benchmark corpus, more than a warm
 * lint run may take in all; this prints the same text measuring ASCII cells
 * by their length and only the others with `string-width`.
 */
import stringWidth from 'string-width'
import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {compareText} from '../../util/sorted.js'
import {countMessages, type ReportInput} from './common.js'

interface Style {
  bold: string
  normal: string
  underline: string
  noUnderline: string
  red: string
  cyan: string
  green: string
  yellow: string
  reset: string
}

type Row = string | string[]

const eol = /\r?\n|\r/
// Printable ASCII only: its width is its length.
const ascii = /^[\x20-\x7e]*$/

function width(text: string): number {
  return ascii.test(text) ? text.length : stringWidth(text)
}

function label(message: VFileMessage): string {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** `code` spans of a reason in cyan, the reason in bold, as vfile-reporter does. */
function formatReason(style: Style, reason: string): string {
  if (style.bold === '') return reason
  return style.bold + reason.replace(/(`+)([^]*?)\1/g, (code) => style.cyan + code + style.reset) + style.normal
}

function messageRows(style: Style, message: VFileMessage): Row[] {
  let reason = message.stack || message.message
  const rest: Row[] = []
  const match = eol.exec(reason)
  if (match) {
    rest.push(...reason.slice(match.index + 1).split(eol))
    reason = reason.slice(0, match.index)
  }

  const kind = label(message)
  const row = [
    stringifyPosition(message.place),
    (kind === 'error' ? style.red : style.yellow) + kind + style.reset,
    formatReason(style, reason),
    message.ruleId || '',
    message.source || ''
  ]

  if (message.cause instanceof VFileMessage) {
    const cause = messageRows(style, message.cause)
    const head = cause[0]!
    if (typeof head === 'string') cause[0] = `    ${head}`
    else head[0] = `    ${head[0]}`
    rest.push(`  ${style.bold}[cause]${style.normal}:`, ...cause)
  }

  if (message.url) rest.push(`  ${style.bold}[url]${style.normal}:`, `    ${message.url}`)
  if (message.note) rest.push(`  ${style.bold}[note]${style.normal}:`, ...message.note.split(eol).map((line) => `    ${line}`))
  return [row, ...rest]
}

function fileLine(style: Style, file: VFile): string {
  const {errors, warnings} = countMessages([file])
  const colour = errors ? style.red : file.messages.length > 0 ? style.yellow : style.green
  return style.underline + colour + (file.history[0] ?? file.path) + style.reset + style.noUnderline
}

function byline(style: Style, errors: number, warnings: number, total: number): string {
  let result = ''
  if (errors) result = `${style.red}✖${style.reset} ${errors} ${errors === 1 ? 'error' : 'errors'}`
  if (warnings) result = `${result ? result + ', ' : ''}${style.yellow}⚠${style.reset} ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`
  if (total !== errors && total !== warnings) result = `${total} messages (${result})`
  return result
}

/**
 * The report as text for a terminal; `''` when there is nothing to say.
 *
 * @param input
 *   The run.
 * @param color
 *   Colour it.
 */
export function stylishReport(input: ReportInput, color: boolean): string {
  const style: Style = color
    ? {bold: '\u001B[1m', normal: '\u001B[22m', underline: '\u001B[4m', noUnderline: '\u001B[24m', red: '\u001B[31m', cyan: '\u001B[36m', green: '\u001B[32m', yellow: '\u001B[33m', reset: '\u001B[39m'}
    : {bold: '', normal: '', underline: '', noUnderline: '', red: '', cyan: '', green: '', yellow: '', reset: ''}
  const rows: Row[] = []
  let lastWasMessage = false
  let total = 0
  for (const file of [...input.files].sort((a, b) => compareText(a.path, b.path))) {
    if (file.messages.length === 0) continue
    if (lastWasMessage) rows.push('')
    rows.push(fileLine(style, file))
    for (const message of file.messages) {
      total++
      rows.push(...messageRows(style, message))
    }

    lastWasMessage = true
  }

  if (rows.length === 0) return ''
  const {errors, warnings} = countMessages(input.files)
  if (errors || warnings) rows.push('', byline(style, errors, warnings, total))

  const sizes: number[] = []
  const widths = new Map<string[], number[]>()
  for (const row of rows) {
    if (typeof row === 'string') continue
    const cells = row.map(width)
    widths.set(row, cells)
    cells.forEach((size, index) => {
      if (size > (sizes[index] ?? 0)) sizes[index] = size
    })
  }

  const lines = rows.map((row) => {
    if (typeof row === 'string') return row.trimEnd()
    const cells = widths.get(row)!
    return row.map((cell, index) => cell + ' '.repeat((sizes[index] ?? 0) + 1 - cells[index]!)).join('').trimEnd()
  })
  return lines.join('\n') + '\n'
}
