import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {CommandContext} from './lint.js'

/**
 * Print a command's result, or write it to the `--out` file (relative to
 * the working folder). Returns 0, or 2 for an empty `--out` or a file that
 * cannot be written.
 *
 * @param command
 *   The command as typed (`slamark schema`), for messages.
 * @param text
 *   The result.
 * @param context
 *   Where to write, and `out`.
 */
export async function writeOutput(command: string, text: string, context: CommandContext & {out?: string | undefined}): Promise<number> {
  if (context.out === undefined) {
    context.stdout(text)
    return 0
  }

  if (context.out === '') {
    context.stderr(`${command}: Unexpected empty \`--out\`, expected a file name\n`)
    return 2
  }

  try {
    await writeFile(path.resolve(context.cwd, context.out), text)
  } catch (error) {
    context.stderr(`${command}: Unexpected error writing \`${context.out}\`, expected a writable file: ${String(error)}\n`)
    return 2
  }

  return 0
}
