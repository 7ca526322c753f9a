/**
 * A site's Hugo configuration (`src/site/config.ts`): which files are read,
 * how they merge, how `markup` values decode, and the messages for bad
 * files. Where Hugo defines the answer, `hugo config` (Debian's Hugo 0.111)
 * prints its merged view of the same files, and a page rendered by Hugo
 * with those settings is compared with slamark's rendering.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {renderPage} from '../src/render/index.js'
import {readSiteConfig} from '../src/site/index.js'
import {folderWith} from './support/folders.js'
import {cleanEnv, hugoAvailable, hugoVersion} from './support/hugo.js'

/** A file's messages as the fields a reader sees. */
function messageShapes(file: VFile): Array<{line: number | undefined; column: number | undefined; ruleId: string | undefined; fatal: boolean | null | undefined; reason: string}> {
  return file.messages.map((message) => ({line: message.line, column: message.column, ruleId: message.ruleId, fatal: message.fatal, reason: message.reason}))
}

/** A fresh site folder (with an empty `content/`) holding the given files. */
function siteWith(files: Record<string, string>): string {
  return folderWith({'content/.keep': '', ...files}, 'slamark-site-config-')
}

/**
 * Go's `%v` of a value read from a configuration file: `map[a:1 b:map[c:true]]`,
 * keys sorted, as `hugo config` prints a table.
 */
function goPrint(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `map[${entries.map(([key, item]) => `${key}:${goPrint(item)}`).join(' ')}]`
  }

  return String(value)
}

/** What `hugo config` prints for `markup` and `contentDir`. */
function hugoConfig(root: string, environment = 'production'): {markup: string | undefined; contentDir: string} {
  const result = spawnSync('hugo', ['config', '--source', root, '--environment', environment], {encoding: 'utf8', env: cleanEnv(), timeout: 60_000})
  if (result.status !== 0) throw new Error(`hugo config failed: ${result.stderr}${result.stdout}`)
  const markup = /^markup\s*[=:]\s*(map\[.*\])$/m.exec(result.stdout)?.[1]
  if (!/^builddrafts\s*[=:]/m.test(result.stdout)) throw new Error(`no configuration in hugo config output:\n${result.stdout}`)
  // `contentdir` is printed only when a file sets it.
  const contentDir = /^contentdir\s*[=:]\s*"?([^"\n]*)"?$/m.exec(result.stdout)?.[1] ?? 'content'
  return {markup, contentDir}
}

describe('readSiteConfig: files and merging', () => {
  it('reads the first root file only (hugo.* before config.*, toml, yaml, yml, json) and merges config/_default then the environment over it', () => {
    const root = siteWith({
      'hugo.yaml': 'markup:\n  goldmark:\n    renderer:\n      hardWraps: true\n',
      'hugo.json': '{"markup": {"goldmark": {"renderer": {"xhtml": true}}}}',
      'config.toml': '[markup.goldmark.renderer]\nunsafe = true\n',
      'config/_default/hugo.toml': 'contentDir = "pages"\n[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n',
      'config/_default/markup.toml': '[goldmark.parser]\nautoHeadingID = false\n[tableOfContents]\nendLevel = 4\n',
      'config/production/markup.toml': '[goldmark.parser]\nautoHeadingIDType = "github-ascii"\n',
      'config/development/markup.toml': '[highlight]\nnoClasses = false\n'
    })
    const production = readSiteConfig(root)
    expect(production.files.map((file) => path.relative(root, file.path))).toEqual([
      'hugo.yaml',
      'config/_default/hugo.toml',
      'config/_default/markup.toml',
      'config/production/markup.toml'
    ])
    expect(production.contentDir).toBe('pages')
    expect(production.markup).toEqual({
      goldmark: {renderer: {hardWraps: true}, parser: {autoHeadingIDType: 'github-ascii', autoHeadingID: false}},
      tableOfContents: {endLevel: 4}
    })
    const development = readSiteConfig(root, {environment: 'development'})
    expect(development.markup).toEqual({
      goldmark: {renderer: {hardWraps: true}, parser: {autoHeadingIDType: 'blackfriday', autoHeadingID: false}},
      tableOfContents: {endLevel: 4},
      highlight: {noClasses: false}
    })
  })

  it('lower-cases keys and merges tables key by key, later files winning', () => {
    const root = siteWith({
      'config.toml': '[Markup.Goldmark.Renderer]\nUnsafe = true\nXHTML = true\n',
      'config/_default/markup.yaml': 'goldmark:\n  renderer:\n    unsafe: false\n'
    })
    const config = readSiteConfig(root)
    expect(config.raw['markup']).toEqual({goldmark: {renderer: {unsafe: false, xhtml: true}}})
    expect(config.markup).toEqual({goldmark: {renderer: {unsafe: false, xhtml: true}}})
    // Each value is traced to the file and key that wrote it.
    const origin = config.originOf(['markup', 'goldmark', 'renderer', 'xhtml'])
    expect(origin && [path.basename(origin.file.path), origin.path]).toEqual(['config.toml', ['Markup', 'Goldmark', 'Renderer', 'XHTML']])
  })

  it('decodes values as Hugo does (`"true"` and `1` are true, `"12"` is 12) and keeps Hugo’s defaults for missing keys', () => {
    const root = siteWith({
      'hugo.toml':
        '[markup.goldmark.renderer]\nunsafe = "true"\nhardWraps = 0\n[markup.goldmark.extensions]\ntypographer = "false"\nlinkifyProtocol = "http"\n' +
        '[markup.tableOfContents]\nstartLevel = "1"\nendLevel = 6.0\nordered = 1\n[markup.highlight]\ntabWidth = "0x8"\n'
    })
    expect(readSiteConfig(root).markup).toEqual({
      goldmark: {renderer: {unsafe: true, hardWraps: false}, extensions: {typographer: false, linkifyProtocol: 'http'}},
      tableOfContents: {startLevel: 1, endLevel: 6, ordered: true},
      highlight: {tabWidth: 8}
    })
    expect(readSiteConfig(siteWith({})).markup).toEqual({})
  })

  it('reports bad values at their place, with rule ids, as Hugo would stop or fall back', () => {
    const root = siteWith({
      'hugo.toml': 'baseURL = "https://example.org/"\npermalinks = {docs = "/:slug/"}\n[markup.goldmark.renderer]\nunsafe = "yes"\n',
      'config/_default/markup.yaml': 'goldmark:\n  parser:\n    autoHeadingIDType: gitlab\ntableOfContents: 3\n'
    })
    const config = readSiteConfig(root)
    expect(config.markup).toEqual({goldmark: {renderer: {}, parser: {}}})
    expect(config.files.map((file) => [path.basename(file.path), messageShapes(file)])).toEqual([
      [
        'hugo.toml',
        [
          {
            line: 2,
            column: 14,
            ruleId: 'config-unsupported',
            fatal: false,
            reason: 'Unexpected `permalinks` setting, expected Hugo’s default URLs, which slamark builds'
          },
          {
            line: 4,
            column: 10,
            ruleId: 'config-value-type',
            fatal: true,
            reason: 'Unexpected text `yes` for `markup.goldmark.renderer.unsafe`, expected a boolean (`true` or `false`)'
          }
        ]
      ],
      [
        'markup.yaml',
        [
          {
            line: 3,
            column: 24,
            ruleId: 'config-value-unknown',
            fatal: false,
            reason: 'Unexpected `gitlab` for `markup.goldmark.parser.autoHeadingIDType`, expected `github`, `github-ascii`, `blackfriday`'
          },
          {
            line: 4,
            column: 18,
            ruleId: 'config-value-type',
            fatal: true,
            reason: 'Unexpected number for `markup.tableOfContents`, expected a table of settings'
          }
        ]
      ]
    ])
  })

  it('reports syntax errors with the readers’ rule ids, and files that are not tables or not readable', () => {
    const root = siteWith({
      'hugo.toml': '[markup\nunsafe = true\n',
      'config/_default/markup.json': '[1, 2]',
      'config/_default/params.yaml': 'a: [\n'
    })
    fs.writeFileSync(path.join(root, 'config', '_default', 'z.toml'), Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xff, 0x22, 0x0a]))
    const config = readSiteConfig(root)
    expect(config.files.map((file) => [path.basename(file.path), file.messages.map((message) => [message.line, message.ruleId, message.fatal])])).toEqual([
      ['hugo.toml', [[1, 'front-matter-toml', true]]],
      ['markup.json', [[1, 'config-not-mapping', true]]],
      ['params.yaml', [[2, 'front-matter-yaml', true]]],
      ['z.toml', [[undefined, 'config-unreadable', true]]]
    ])
    expect(config.markup).toEqual({})
  })
})

describe('readSiteConfig against `hugo config`', () => {
  if (!hugoAvailable) {
    it.skip('needs hugo on PATH (Debian: apt-get install hugo)', () => {})
    console.warn('hugo not on PATH: the configuration differential tests against Hugo did not run')
    return
  }

  console.info(`configuration differential tests against ${hugoVersion()}`)

  const settings: Array<[string, string, fc.Arbitrary<unknown>]> = [
    ['goldmark.renderer', 'unsafe', fc.boolean()],
    ['goldmark.renderer', 'hardWraps', fc.constantFrom(true, false, 'true', 1)],
    ['goldmark.parser', 'autoHeadingIDType', fc.constantFrom('github', 'blackfriday', 'github-ascii')],
    ['tableOfContents', 'endLevel', fc.integer({min: 1, max: 6})],
    ['highlight', 'noClasses', fc.boolean()]
  ]
  const rootNames = ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', 'config.yml', 'config.json']
  const folderNames = ['config/_default/hugo.toml', 'config/_default/config.yaml', 'config/_default/markup.toml', 'config/_default/markup.json', 'config/production/markup.yaml']

  /** A file setting some of the settings, in its format, keys in mixed case. */
  function fileText(name: string, values: Array<[string, string, unknown, boolean]>): string {
    const inMarkup = !name.includes('markup.')
    const tree: Record<string, any> = {}
    for (const [table, key, value, upper] of values) {
      let node = tree
      for (const part of [...(inMarkup ? ['markup'] : []), ...table.split('.')]) node = node[upper ? part.toUpperCase() : part] ??= {}
      node[upper ? key.toUpperCase() : key] = value
    }

    if (name.endsWith('.json')) return JSON.stringify(tree)
    if (name.endsWith('.toml')) return toToml(tree, [])
    return toYaml(tree, '')
  }

  function toToml(tree: Record<string, any>, at: string[]): string {
    let text = ''
    const tables: Array<[string, Record<string, any>]> = []
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'object') tables.push([key, value])
      else text += `${key} = ${JSON.stringify(value)}\n`
    }

    for (const [key, value] of tables) {
      const inner = toToml(value, [...at, key])
      text += Object.values(value).some((item) => typeof item !== 'object') ? `[${[...at, key].join('.')}]\n${inner}` : inner
    }

    return text
  }

  function toYaml(tree: Record<string, any>, indent: string): string {
    return Object.entries(tree)
      .map(([key, value]) => (typeof value === 'object' ? `${indent}${key}:\n${toYaml(value, indent + '  ')}` : `${indent}${key}: ${JSON.stringify(value)}\n`))
      .join('')
  }

  it('merges the same files into the same `markup` and `contentDir` as Hugo (random sites)', () => {
    const setting = fc
      .constantFrom(...settings)
      .chain(([table, key, value]) => fc.tuple(fc.constant(table), fc.constant(key), value))
    fc.assert(
      fc.property(
        fc.subarray([...rootNames, ...folderNames], {minLength: 1, maxLength: 4}),
        // Keys in one case per file: `markup` and `MARKUP` in one file collide, and Hugo keeps either at random.
        fc.array(fc.tuple(fc.array(setting, {minLength: 1, maxLength: 3}), fc.boolean()), {minLength: 4, maxLength: 4}),
        fc.option(fc.constantFrom('pages', 'docs-content'), {nil: undefined}),
        (names, fileSettings, contentDir) => {
          const files: Record<string, string> = {}
          names.forEach((name, index) => {
            const [chosen, upper] = fileSettings[index]!
            files[name] = fileText(name, chosen.map(([table, key, value]) => [table, key, value, upper]))
          })
          const first = names.find((name) => !name.includes('markup.'))
          if (contentDir !== undefined && first) {
            const text = files[first]!
            files[first] = first.endsWith('.json')
              ? JSON.stringify({...JSON.parse(text), contentDir})
              : first.endsWith('.toml')
                ? `contentDir = "${contentDir}"\n${text}`
                : `contentDir: ${contentDir}\n${text}`
          }

          const root = siteWith(files)
          const hugo = hugoConfig(root)
          const ours = readSiteConfig(root)
          expect(ours.raw['markup'] === undefined ? undefined : goPrint(ours.raw['markup'])).toBe(hugo.markup)
          expect(ours.contentDir).toBe(hugo.contentDir)
          for (const file of ours.files) expect(file.messages).toEqual([])
        }
      ),
      {numRuns: 30, seed: 20261206}
    )
  })

  it('renders a page as Hugo does with the site’s merged markup settings', () => {
    const page = '---\ntitle: Probe\n---\n## Héading one\n\nLine one\nline two -- dash\n\n<b>raw</b>\n\n### Deeper\n'
    const root = siteWith({
      'hugo.toml': 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]\n[markup.goldmark.renderer]\nunsafe = true\n',
      'config/_default/markup.toml': '[goldmark.renderer]\nhardWraps = "1"\n[goldmark.extensions]\ntypographer = false\n[goldmark.parser]\nautoHeadingIDType = "github-ascii"\n',
      'layouts/_default/single.html': '{{ .Content }}',
      'content/probe.md': page
    })
    const result = spawnSync('hugo', ['--source', root, '--quiet'], {encoding: 'utf8', env: cleanEnv(), timeout: 60_000})
    expect(result.status, result.stderr).toBe(0)
    const hugoHtml = fs.readFileSync(path.join(root, 'public', 'probe', 'index.html'), 'utf8')
    const ours = renderPage(page, {markup: readSiteConfig(root).markup}).html
    expect(hugoHtml).toBe(
      '<h2 id="heading-one">Héading one</h2>\n<p>Line one<br>\nline two -- dash</p>\n<p><b>raw</b></p>\n<h3 id="deeper">Deeper</h3>\n'
    )
    expect(ours).toBe(hugoHtml)
  })
})
