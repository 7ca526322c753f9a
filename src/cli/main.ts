import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import type {CommandContext} from './lint.js'

const usage = `Usage: slamark <command> [options]

Commands:
  lint [site | folder | file | glob ...]   check pages; exit 1 on errors
  schema [--out file]                      print the front matter JSON Schema
  eval <kind>                              evaluate one JSON object on stdin with the engine
                                           (kinds: ticket, dueAfter, timeline, uptime, report, kpis)
  build [site | content folder]            build the static site (--out dist); exit 1 on errors
  dev [site | content folder]              serve the site with live pages (127.0.0.1)

Options:
  -h, --help       show this help
  -v, --version    show the version
  --no-color       plain output
  -o, --out FILE   write to a file instead of stdout (schema); the output folder (build)
  --drafts         build or serve pages marked draft (build, dev)
  --as-of INSTANT  "now" of the build, e.g. 2026-11-22T12:00:00Z (build, dev)
  --no-cache       render every page, ignoring the last build (build)
  --host, --port   where the dev server listens (dev; default 127.0.0.1:5173)
`

/**
 * Run the command line; returns the exit code (0 ok, 1 errors found,
 * 2 bad usage or a failure of the tool itself).
 *
 * @param argv
 *   Arguments after the program name.
 * @param context
 *   Where to read and write.
 */
export async function main(argv: readonly string[], context: CommandContext & {interactive?: boolean}): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        out: {type: 'string', short: 'o'},
        drafts: {type: 'boolean'},
        'as-of': {type: 'string'},
        'no-cache': {type: 'boolean'},
        host: {type: 'string'},
        port: {type: 'string'}
      }
    })
  } catch (error) {
    context.stderr(`slamark: ${(error as Error).message}\n\n${usage}`)
    return 2
  }

  const {values, positionals} = parsed
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
    context.stdout(pkg.version + '\n')
    return 0
  }

  const [command, ...rest] = positionals
  if (values.help || command === undefined) {
    context.stdout(usage)
    return command === undefined && !values.help ? 2 : 0
  }

  const color = values['no-color'] ? false : (values.color ?? context.color)

  // Each command's modules are loaded when it runs: `slamark build` starts without the linter's.
  if (command === 'lint') return (await import('./lint.js')).lint(rest, {...context, color})
  if (command === 'schema') return (await import('./schema.js')).schema(rest, {...context, color, out: values.out})
  if (command === 'eval') return (await import('./eval.js')).evalCommand(rest, {...context, color})
  if (command === 'build') {
    const options = {out: values.out, drafts: values.drafts === true, asOf: values['as-of'], cache: values['no-cache'] !== true, interactive: context.interactive === true}
    // Loaded when used: the site build's main thread does without the rest of the CLI's modules.
    return (await import('./build.js')).buildCommand(rest, options, {...context, color})
  }

  if (command === 'dev') {
    const options = {host: values.host, port: values.port, drafts: values.drafts === true, asOf: values['as-of']}
    return (await import('./dev.js')).devCommand(rest, options, {...context, color})
  }

  context.stderr(`slamark: Unexpected command \`${command}\`, expected \`lint\`, \`schema\`, \`eval\`, \`build\` or \`dev\`\n\n${usage}`)
  return 2
}
