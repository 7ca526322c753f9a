/**
 * Print what Hugo 0.111 with Doks' templates makes of a Markdown file:
 *
 * ```sh
 * node --import tsx test/support/hugo-doks-render.ts <file.md> [--hugo-defaults] [--no-render-hooks] [--as <content/path.md>]
 * ```
 *
 * `--hugo-defaults` uses Hugo's own markup settings instead of Doks';
 * `--no-render-hooks` leaves out Doks' link and code block render hooks;
 * `--as` sets the path inside `content/` (default: the file's base name), which
 * matters for `_index.md` and for links. Prints `.Content`, then
 * `.TableOfContents`, then Hugo's warnings, each under a `==>` heading.
 */
import fs from 'node:fs'
import path from 'node:path'
import {hugoAvailable} from './hugo.js'
import {buildWithHugoDoks, hugoDefaultMarkup} from './hugo-doks-site.js'

const usage =
  'usage: node --import tsx test/support/hugo-doks-render.ts <file.md> [--hugo-defaults] [--no-render-hooks] [--as <content/path.md>]'

function main(argv: string[]): number {
  const files: string[] = []
  let hugoDefaults = false
  let renderHooks = true
  let contentPath: string | undefined
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    if (argument === '--hugo-defaults') hugoDefaults = true
    else if (argument === '--no-render-hooks') renderHooks = false
    else if (argument === '--as') contentPath = argv[++index]
    else if (argument.startsWith('--')) {
      console.error(`unknown option ${argument}\n${usage}`)
      return 2
    } else files.push(argument)
  }

  if (files.length !== 1 || (contentPath !== undefined && contentPath === '')) {
    console.error(usage)
    return 2
  }

  if (!hugoAvailable) {
    console.error('hugo is not on PATH (Debian: apt-get install hugo)')
    return 1
  }

  const file = files[0]!
  const target = contentPath ?? path.basename(file)
  const build = buildWithHugoDoks(
    {[target]: fs.readFileSync(file, 'utf8')},
    hugoDefaults ? {markup: hugoDefaultMarkup, renderHooks} : {renderHooks}
  )
  const page = build.pages[target]!
  process.stdout.write(`==> content\n${page.html}\n==> toc\n${page.toc}\n`)
  if (build.warnings.length > 0) process.stdout.write(`==> warnings\n${build.warnings.join('\n')}\n`)
  return 0
}

process.exitCode = main(process.argv.slice(2))
