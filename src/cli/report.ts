import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {CommandContext} from './lint.js'

/**
 * Print the messages of some files as `slamark lint` prints them (file,
 * line, column, severity, text, rule id, and the hint under each).
 *
 * @param files
 *   Files with messages.
 * @param context
 *   Where to write (stderr) and whether in colour.
 */
export function printMessages(files: readonly VFile[], context: CommandContext): void {
  // Verbose: the hint of each message (a did-you-mean, what to do) is printed under it.
  const report = reporter([...files], {color: context.color, quiet: true, verbose: true})
  if (report) context.stderr(report + '\n')
}
