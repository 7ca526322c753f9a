import {frontMatterJsonSchema} from '../schema/json-schema.js'
import type {CommandContext} from './lint.js'
import {writeOutput} from './output.js'

/** Options of `slamark schema`. */
export interface SchemaOptions {
  /** File to write instead of stdout (relative to `cwd`). */
  out?: string | undefined
}

/**
 * `slamark schema [--out file]`: print the JSON Schema of page front matter,
 * or write it to a file. Returns 0, or 2 for bad usage or a file that
 * cannot be written.
 *
 * @param inputs
 *   Positional arguments after the command (none are accepted).
 * @param context
 *   Where to read and write, and the options.
 */
export async function schema(inputs: readonly string[], context: CommandContext & SchemaOptions): Promise<number> {
  if (inputs.length > 0) {
    context.stderr(`slamark schema: Unexpected argument \`${inputs[0]}\`, expected no arguments (use \`--out <file>\` to write a file)\n`)
    return 2
  }

  return writeOutput('slamark schema', JSON.stringify(frontMatterJsonSchema(), null, 2) + '\n', context)
}
