import {parseArgs} from 'node:util'
import {commandOptionProblem} from './command-options.js'
import {slamarkVersion} from '../util/version.js'
import {freshBundle} from '../util/fresh-bundle.js'
import type {CommandContext} from './lint.js'

const usage = `Usage: slamark <command> [options]

Commands:
  lint [site | folder | file | glob ...]   check pages; exit 1 on errors
  schema [--out file]                      print the front matter JSON Schema
  eval <kind>                              evaluate one JSON object on stdin with the engine
                                           (kinds: ticket, dueAfter, timeline, uptime, report, kpis)
  build [site | content folder]            build the static site (--out dist); exit 1 on errors
  build --hugo [site]                      lint a Hugo site, write data/slamark/<sla-id>.json for
                                           slamark's Hugo templates; exit 1 on errors
  dev [site | content folder]              serve the site with live pages (127.0.0.1)
  export --format F [site] [--out file]    the site's SLAs as openslo (YAML), ics or json

Options:
  -h, --help       show this help
  -v, --version    show the version
  --no-color       plain output
  -o, --out FILE   write to a file instead of stdout (schema, export); the output folder (build)
  --as-of INSTANT  "now" of the reports (lint, build, dev, export), e.g. 2026-11-22T12:00:00+01:00
                   (default: sla.asOf, SOURCE_DATE_EPOCH, the clock)
  --environment E  Hugo's environment whose config/E/ applies (build --hugo, export; default production)
  --no-cache       neither read nor write the cache (lint, build)

Build and dev options:
  --drafts         build or serve pages marked draft
  --host, --port   where the dev server listens (dev; default 127.0.0.1:5173)

Lint options:
  --reporter NAME        stylish (default), json, github or sarif
  --max-warnings N       exit 1 when there are more than N warnings
  --changed-since REF    only pages changed since the git REF, and pages linking to them
  --fix                  apply the certain fixes (icon names, context case, blank lines)
  --fail-on-breach       SLA breaches and other notices are errors
  --config FILE          the configuration (default: slamark.config.json or .yaml, upward)
  --jobs N               threads at most (default: the cores not busy with other work)
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
        // Site commands (build, build --hugo, dev, export).
        hugo: {type: 'boolean'},
        format: {type: 'string', short: 'f'},
        'as-of': {type: 'string'},
        environment: {type: 'string'},
        'no-cache': {type: 'boolean'},
        drafts: {type: 'boolean'},
        host: {type: 'string'},
        port: {type: 'string'},
        // slamark lint
        reporter: {type: 'string'},
        'max-warnings': {type: 'string'},
        'changed-since': {type: 'string'},
        fix: {type: 'boolean'},
        'fail-on-breach': {type: 'boolean'},
        config: {type: 'string'},
        jobs: {type: 'string'}
      }
    })
  } catch (error) {
    context.stderr(`slamark: ${(error as Error).message}\n\n${usage}`)
    return 2
  }

  const {values, positionals} = parsed
  if (values.version) {
    context.stdout(slamarkVersion() + '\n')
    return 0
  }

  const [command, ...rest] = positionals
  if (values.help || command === undefined) {
    context.stdout(usage)
    return command === undefined && !values.help ? 2 : 0
  }

  const optionProblem = commandOptionProblem(command === 'build' && values.hugo ? 'build --hugo' : command, values)
  if (optionProblem) {
    context.stderr(optionProblem)
    return 2
  }

  const color = values['no-color'] ? false : (values.color ?? context.color)

  // Each command's modules are loaded when it runs: `slamark build` starts without the linter's.
  if (command === 'lint') {
    // From the bundle `npm run build` makes of the lint chain (a few files load far sooner than some 600 modules).
    const bundle = freshBundle(new URL('../lint-bundle/lint.js', import.meta.url), new URL('lint.js', import.meta.url))
    const {lint} = bundle ? ((await import(bundle.href)) as typeof import('./lint.js')) : await import('./lint.js')
    return lint(rest, {...context, color}, values)
  }
  if (command === 'schema') return (await import('./schema.js')).schema(rest, {...context, color, out: values.out})
  if (command === 'eval') return (await import('./eval.js')).evalCommand(rest, {...context, color})

  const site = {...context, color, asOf: values['as-of'], environment: values.environment}
  if (command === 'build' && values.hugo) return (await import('./build-hugo.js')).buildHugo(rest, site)
  if (command === 'build') {
    const options = {out: values.out, drafts: values.drafts === true, asOf: values['as-of'], cache: values['no-cache'] !== true, interactive: context.interactive === true}
    // Loaded when used: the site build's main thread does without the rest of the CLI's modules.
    return (await import('./build.js')).buildCommand(rest, options, {...context, color})
  }

  if (command === 'dev') {
    const options = {host: values.host, port: values.port, drafts: values.drafts === true, asOf: values['as-of']}
    return (await import('./dev.js')).devCommand(rest, options, {...context, color})
  }

  if (command === 'export') return (await import('./export.js')).exportCommand(rest, {...site, format: values.format, out: values.out})

  context.stderr(`slamark: Unexpected command \`${command}\`, expected \`lint\`, \`schema\`, \`eval\`, \`build\`, \`dev\` or \`export\`\n\n${usage}`)
  return 2
}
