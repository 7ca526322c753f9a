import type {CommandContext} from './lint.js'
import type {SiteCommandOptions} from './site-options.js'

/** Options of `slamark export`. */
export interface ExportCommandOptions extends SiteCommandOptions {
  format?: string | undefined
  out?: string | undefined
}

/**
 * `slamark export` (placeholder while the exports are written).
 *
 * @param _args
 *   The site folder.
 * @param context
 *   Where to write.
 */
export async function exportCommand(_args: readonly string[], context: CommandContext & ExportCommandOptions): Promise<number> {
  context.stderr('slamark export: not yet\n')
  return 2
}
