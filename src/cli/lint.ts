import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {createProcessor} from '../pipeline.js'
import {dataFilesOf} from '../transform/data-files-report.js'
import {checkSite} from '../transform/site-checks.js'
import {resolveTargets} from './files.js'
import {printMessages} from './report.js'

/** What a command needs from its host: where it runs and where it writes. */
export interface CommandContext {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Colour the report (default: when stderr is a TTY). */
  color: boolean
  /** The whole of standard input as text, refusing more than `maxBytes` (commands that read it). */
  stdin?: ((maxBytes: number) => Promise<string>) | undefined
}

/**
 * `slamark lint [site or files]`: parse every page, print every message with
 * file, line and column, and return the exit code: 1 when any message is an
 * error, else 0.
 *
 * @param inputs
 *   Sites, content folders, files or globs.
 * @param context
 *   Where to read and write.
 */
export async function lint(inputs: readonly string[], context: CommandContext): Promise<number> {
  const targets = await resolveTargets(inputs, context.cwd)

  if (targets.files.length === 0) {
    context.stderr(`slamark lint: Unexpected empty selection, expected Markdown files in ${inputs.join(', ') || '.'}\n`)
    return 2
  }

  // Data files (`ticketsFile`, `holidaysFile`) are read from the site, else from the working folder.
  const processor = createProcessor({site: targets.site, root: targets.site ?? context.cwd})
  const files: VFile[] = []

  for (const full of targets.files) {
    const file = new VFile({path: path.relative(context.cwd, full) || full, cwd: context.cwd})
    try {
      file.value = await readFile(full, 'utf8')
      await processor.run(processor.parse(file), file)
    } catch (error) {
      // Parsing never throws; reading can (permissions, a folder named *.md).
      const message = file.message(`Unexpected error reading the file, expected a readable file: ${String(error)}`, {
        ruleId: 'read-error',
        source: 'slamark'
      })
      message.fatal = true
    }

    files.push(file)
  }

  checkSite(files)
  const all = [...files, ...dataFilesOf(files)]
  printMessages(all, context)
  const fatal = all.some((file) => file.messages.some((message) => message.fatal === true))
  return fatal ? 1 : 0
}
