/**
 * `--reporter stylish` (the default): vfile-reporter's report, with each
 * message's hint under it.
 */
import {reporter} from 'vfile-reporter'
import type {ReportInput} from './common.js'

/**
 * The report as text for a terminal; `''` when there is nothing to say.
 *
 * @param input
 *   The run.
 * @param color
 *   Colour it.
 */
export function stylishReport(input: ReportInput, color: boolean): string {
  const report = reporter([...input.files], {color, quiet: true, verbose: true})
  return report ? report + '\n' : ''
}
