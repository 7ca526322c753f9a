import {exportEntries, type ExportEntry} from '../export/entries.js'
import {calendarIcs} from '../export/ics.js'
import {reportsJson} from '../export/json.js'
import {openSloYaml} from '../export/openslo.js'
import {didYouMean} from '../util/did-you-mean.js'
import type {CommandContext} from './lint.js'
import {writeOutput} from './output.js'
import {startSiteCommand, type SiteCommandOptions} from './site-options.js'

/** Options of `slamark export`. */
export interface ExportCommandOptions extends SiteCommandOptions {
  /** `openslo`, `ics` or `json`. */
  format?: string | undefined
  /** File to write instead of stdout (relative to `cwd`). */
  out?: string | undefined
}

/** Each export format and what writes it. */
const formats: Readonly<Record<string, (entries: readonly ExportEntry[]) => string>> = {
  openslo: openSloYaml,
  ics: calendarIcs,
  json: reportsJson
}

/**
 * `slamark export --format openslo|ics|json [site] [--out file]`: lint the
 * Hugo site as `build --hugo` does (errors are printed and stop the export
 * with exit 1), then write every SLA as OpenSLO v1 documents (YAML), an
 * iCalendar file of milestone due dates and holidays, or the reports as
 * JSON. Exit 2 for bad usage.
 *
 * @param args
 *   The site folder (default: the working folder).
 * @param context
 *   Where to read and write, the format, "now" and Hugo's environment.
 */
export async function exportCommand(args: readonly string[], context: CommandContext & ExportCommandOptions): Promise<number> {
  const command = 'slamark export'
  const names = Object.keys(formats)
  const write = context.format === undefined ? undefined : formats[context.format]
  if (write === undefined || !Object.hasOwn(formats, context.format!)) {
    const near = context.format === undefined ? undefined : didYouMean(context.format, names)
    context.stderr(
      `${command}: Unexpected ${context.format === undefined ? 'export without `--format`' : `format \`${context.format}\``}, expected \`--format\` ${names.map((name) => '`' + name + '`').join(', ')}` +
        (near === undefined ? '' : ` (did you mean \`${near}\`?)`) +
        '\n'
    )
    return 2
  }

  const run = await startSiteCommand(command, args, context, {render: false, made: 'exported'})
  if (typeof run === 'number') return run
  return writeOutput(command, write(exportEntries(run.pages)), context)
}
