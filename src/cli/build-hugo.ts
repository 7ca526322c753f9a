import path from 'node:path'
import {writeHugoData} from '../hugo-data/write.js'
import type {HugoPageData} from '../hugo-data/page-data.js'
import type {CommandContext} from './lint.js'
import {startSiteCommand, type SiteCommandOptions} from './site-options.js'

/**
 * `slamark build --hugo [site]`: lint every page of a Hugo site; on errors
 * print them and stop (exit 1) before anything is written; else compute
 * every SLA page's report and write `data/slamark/<sla-id>.json` (the
 * report and the SLA shortcodes' HTML) for the Hugo templates in
 * `layouts/`. Exit 2 for bad usage.
 *
 * @param args
 *   The site folder (default: the working folder).
 * @param context
 *   Where to read and write, "now" and Hugo's environment.
 */
export async function buildHugo(args: readonly string[], context: CommandContext & SiteCommandOptions): Promise<number> {
  const command = 'slamark build --hugo'
  const run = await startSiteCommand(command, args, context, {render: true, made: 'written'})
  if (typeof run === 'number') return run

  const pages = run.pages.map((page) => page.data).filter((data): data is HugoPageData => data !== undefined)
  let result
  try {
    result = writeHugoData(run.site.root, pages)
  } catch (error) {
    context.stderr(`${command}: ${(error as Error).message}\n`)
    return 1
  }

  const where = path.relative(context.cwd, result.folder) || '.'
  context.stdout(`slamark: ${pages.length} SLA data file${pages.length === 1 ? '' : 's'} in ${where}${result.removed.length > 0 ? `, ${result.removed.length} of SLAs no page has any more removed` : ''}\n`)
  return 0
}
