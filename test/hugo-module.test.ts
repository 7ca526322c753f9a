/**
 * The Hugo module end to end: a Hugo site made of `content-examples/`,
 * slamark's `layouts/` (mounted as the README tells Hugo before 0.146 to
 * mount them: `_shortcodes` → `layouts/shortcodes`, `_partials` →
 * `layouts/partials`) and Doks' templates (`@thulite/doks-core`), with a
 * page layout that calls the breach notice partial before `.Content`.
 * `slamark build --hugo` writes the data files, then Debian's Hugo 0.111
 * builds the site: Hugo must finish without an error or a warning, and
 * every SLA shortcode's HTML (and the notice) must equal, as DOM trees,
 * what the standalone renderer (`createProcessor`) gives for the same page,
 * markup and "now".
 *
 * Runs only when `hugo` is on PATH (CI installs it); says so when skipped.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Element, Parents} from 'hast'
import {parse as parseToml} from 'smol-toml'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {parseFrontMatter} from '../src/frontmatter/index.js'
import {detectFrontMatter, lexPage} from '../src/hugo/index.js'
import type {ShortcodeCall} from '../src/hugo/index.js'
import {createProcessor} from '../src/pipeline.js'
import {compareTrees, formatDifferences, parseFragment} from './support/dom-compare.js'
import {hugoAvailable, hugoVersion} from './support/hugo.js'
import {assembleHugoDoksSite, doksMarkup, runHugoDoksSite, type HugoDoksBuild} from './support/hugo-doks-site.js'
import {examplesRoot, projectRoot} from './support/tree.js'

const asOf = '2026-11-22T12:00:00+01:00'
const slaClasses = ['sla-timeline', 'sla-targets', 'sla-breaches', 'sla-value', 'sla-breach-notice']

/**
 * slamark's layouts mounted exactly as the README tells a site on Hugo
 * before 0.146 (its `module.toml` block), with `node_modules/slamark`
 * standing for this checkout.
 */
function readmeMounts(heading: string): Array<{source: string; target: string}> {
  const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8')
  const block = new RegExp('```toml\\n\\s*## ' + heading.replaceAll(/[()]/g, '\\$&') + '\\n([\\s\\S]*?)```').exec(readme)
  if (!block) throw new Error(`no \`## ${heading}\` TOML block in the README`)
  const {mounts} = parseToml(block[1]!.replaceAll(/^ {3}/gm, '')) as {mounts: Array<{source: string; target: string}>}
  return mounts.map((mount) => ({source: path.join(projectRoot, mount.source.replace(/^node_modules\/slamark\//, '')), target: mount.target}))
}

const oldHugoMounts = readmeMounts('slamark (Hugo before 0.146)')

const pageTop = '{{ partial "slamark/breach-notice.html" . }}'

/** Run the CLI in this process; its exit code and output. */
async function cli(args: string[], cwd = process.cwd()) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {cwd, color: false, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text)})
  return {code, stdout, stderr}
}

/** The outermost elements of an HTML fragment that carry one of slamark's classes, in document order. */
function slaElements(html: string): Element[] {
  const found: Element[] = []
  const visit = (parent: Parents): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      const classes = Array.isArray(child.properties.className) ? child.properties.className.map(String) : []
      if (classes.some((name) => slaClasses.includes(name))) found.push(child)
      else visit(child)
    }
  }

  visit(parseFragment(html))
  return found
}

function classOf(element: Element): string {
  return (element.properties.className as string[]).find((name) => slaClasses.includes(name))!
}

/** The `sla-*` calls of a page, nested ones included, in source order. */
function slaCalls(source: string): string[] {
  const names: string[] = []
  const visit = (calls: ShortcodeCall[]): void => {
    for (const call of calls) {
      if (call.name.startsWith('sla-')) names.push(call.name)
      visit(call.children)
    }
  }

  visit(lexPage(source).calls)
  return names
}

/** Whether a page's front matter has an `sla` block. */
function hasSla(source: string): boolean {
  const block = detectFrontMatter(source).block
  return block !== undefined && Object.hasOwn(parseFrontMatter(block).data, 'sla')
}

function examplePages(): Record<string, string> {
  const pages: Record<string, string> = {}
  for (const file of (fs.readdirSync(examplesRoot, {recursive: true}) as string[]).map((item) => item.split(path.sep).join('/')).sort()) {
    if (file.endsWith('.md')) pages[file] = fs.readFileSync(path.join(examplesRoot, file), 'utf8')
  }

  return pages
}

function writePages(root: string, pages: Record<string, string>): void {
  for (const [contentPath, source] of Object.entries(pages)) {
    const file = path.join(root, 'content', contentPath)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, source)
  }
}

/** The standalone renderer's HTML of a page, with the site's markup and the notice at the top. */
async function standalone(contentPath: string, source: string, root: string): Promise<string> {
  const processor = createProcessor({markup: doksMarkup as never, root, asOf, breachNotice: 'top'})
  const file = new VFile({path: contentPath, value: source})
  file.data.contentPath = contentPath
  return String(await processor.process(file))
}

if (!hugoAvailable) console.warn('hugo not on PATH: the Hugo module tests (slamark build --hugo, then hugo) did not run')

describe.skipIf(!hugoAvailable)('the Hugo module with content-examples', () => {
  const pages = examplePages()
  const temporary: string[] = []
  let root = ''
  let build: HugoDoksBuild
  let built: {code: number; stdout: string; stderr: string}

  beforeAll(async () => {
    console.info(`Hugo module tests against ${hugoVersion() ?? 'hugo'}`)
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-hugo-module-'))
    temporary.push(root)
    assembleHugoDoksSite(root, {mounts: oldHugoMounts, pageTop})
    writePages(root, pages)
    built = await cli(['build', '--hugo', root, '--as-of', asOf])
    build = runHugoDoksSite(root, Object.keys(pages))
  }, 120_000)

  afterAll(() => {
    for (const folder of temporary) fs.rmSync(folder, {recursive: true, force: true})
  })

  it('should mount what the README says, every source a file of the package', () => {
    expect(oldHugoMounts.map((mount) => mount.target)).toEqual([
      'layouts/shortcodes/sla-timeline.html',
      'layouts/shortcodes/sla-breaches.html',
      'layouts/shortcodes/sla-targets.html',
      'layouts/shortcodes/sla-value.html',
      'layouts/partials/slamark'
    ])
    for (const mount of oldHugoMounts) expect(fs.existsSync(mount.source), mount.source).toBe(true)
    const newHugo = readmeMounts('slamark (Hugo 0.146 and later)')
    expect(newHugo).toEqual([{source: path.join(projectRoot, 'layouts'), target: 'layouts'}])
  })

  it('should write one data file per SLA page, and Hugo should build without a warning', () => {
    expect(built.code).toBe(0)
    expect(fs.readdirSync(path.join(root, 'data', 'slamark')).sort()).toEqual([
      'northfield-website-project.json',
      'ostara-support-desk-2026.json',
      'tidewater-website-care-2026.json',
      'veldhuis-hosting-2026.json'
    ])
    expect(build.warnings).toEqual([])
  })

  it('should leave pages without SLA data untouched', () => {
    for (const contentPath of ['_index.md', 'docs/_index.md']) {
      expect(fs.readFileSync(path.join(root, 'content', contentPath), 'utf8')).toBe(pages[contentPath])
      expect(build.pages[contentPath]!.top).toBe('')
      expect(slaElements(build.pages[contentPath]!.html)).toEqual([])
    }
  })

  const slaPages = Object.entries(examplePages()).filter(([, source]) => hasSla(source))
  it('should have SLA pages to compare', () => {
    expect(slaPages.map(([name]) => name)).toEqual([
      'docs/managed-hosting-sla.md',
      'docs/project-delivery-sla/index.md',
      'docs/support-desk-sla.md',
      'docs/website-care-sla.md'
    ])
  })

  it.each(slaPages)('%s: SLA shortcodes and breach notice as the standalone renderer gives them', async (contentPath, source) => {
    const hugo = build.pages[contentPath]!
    const html = await standalone(contentPath, source, root)
    const expected = slaElements(html)
    const actual = [...slaElements(hugo.top), ...slaElements(hugo.html)]

    // Every call shows, in order, after the notice (when the page has a breach).
    const notice = expected.length > 0 && classOf(expected[0]!) === 'sla-breach-notice' ? ['sla-breach-notice'] : []
    expect(expected.map(classOf)).toEqual([...notice, ...slaCalls(source)])
    expect(actual.map(classOf)).toEqual(expected.map(classOf))

    for (const [index, element] of expected.entries()) {
      const differences = compareTrees({type: 'root', children: [element]}, {type: 'root', children: [actual[index]!]})
      expect(differences, `${classOf(element)} #${index}:\n${formatDifferences(differences)}`).toEqual([])
    }
  })
})

/** A site of Doks' templates, slamark's layouts and the given content folder, in a new temporary folder. */
function fixtureSite(contentFrom: string, temporary: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-hugo-module-'))
  temporary.push(root)
  assembleHugoDoksSite(root, {mounts: oldHugoMounts, pageTop})
  fs.cpSync(contentFrom, path.join(root, 'content'), {recursive: true})
  return root
}

const fixtureContent = path.join(projectRoot, 'test', 'fixtures', 'hugo-module', 'content')
const fixturePage = 'docs/kiln-rollout.md'

describe.skipIf(!hugoAvailable)('the Hugo module with nested, repeated and commented calls', () => {
  const temporary: string[] = []
  const source = fs.readFileSync(path.join(fixtureContent, fixturePage), 'utf8')

  afterAll(() => {
    for (const folder of temporary) fs.rmSync(folder, {recursive: true, force: true})
  })

  it('should find every call by Hugo’s ordinals, inside a callout and a table too, and repeat slamark’s warning', async () => {
    const root = fixtureSite(fixtureContent, temporary)
    const built = await cli(['build', '--hugo', root, '--as-of', '2026-03-20T12:00:00+01:00'])
    expect(built.code).toBe(0)
    const build = runHugoDoksSite(root, [fixturePage])

    expect(build.warnings).toEqual([
      'slamark: content/docs/kiln-rollout.md:78:42: Unexpected `availability.objectiv`: no `objectiv` in `availability`, expected one of `objective`, `window`, `incidents`, `creditTiers` [sla-value-unknown-path]',
      'slamark: content/docs/kiln-rollout.md:80:72: Unexpected shortcode `sla-value` in rendering, expected one slamark renders (`callout`, `card`, `card-grid`, `details`, `link-card`, `step`, `steps`, `tab`, `tabs`) [shortcode-not-rendered]',
      // With Doks' `unsafe = true` raw HTML is rendered, so the renderer meets this call (build-hugo.test.ts: Hugo's defaults keep it as text).
      'slamark: content/docs/kiln-rollout.md:82:50: Unexpected shortcode `sla-value` in rendering, expected one slamark renders (`callout`, `card`, `card-grid`, `details`, `link-card`, `step`, `steps`, `tab`, `tabs`) [shortcode-not-rendered]'
    ])

    const processor = createProcessor({markup: doksMarkup as never, root, asOf: '2026-03-20T12:00:00+01:00', breachNotice: 'top'})
    const file = new VFile({path: fixturePage, value: source})
    file.data.contentPath = fixturePage
    const expected = slaElements(String(await processor.process(file)))
    const page = build.pages[fixturePage]!
    const actual = [...slaElements(page.top), ...slaElements(page.html)]
    expect(expected.map(classOf)).toEqual(['sla-breach-notice', 'sla-value', 'sla-value', 'sla-value', 'sla-value', 'sla-value', 'sla-timeline', 'sla-breaches'])
    expect(actual.map(classOf)).toEqual(expected.map(classOf))
    for (const [index, element] of expected.entries()) {
      const differences = compareTrees({type: 'root', children: [element]}, {type: 'root', children: [actual[index]!]})
      expect(differences, `${classOf(element)} #${index}:\n${formatDifferences(differences)}`).toEqual([])
    }
  })

  it('should warn, not stay blank, when the data file is missing', () => {
    const root = fixtureSite(fixtureContent, temporary)
    const build = runHugoDoksSite(root, [fixturePage])
    expect(slaElements(build.pages[fixturePage]!.html)).toEqual([])
    // One warning per call (10) and one for the notice, each naming the file and the command.
    expect(build.warnings.length).toBe(11)
    for (const warning of build.warnings) {
      expect(warning).toContain('no data/slamark/harbour-kiln-rollout.json')
      expect(warning).toContain('run `slamark build --hugo` before hugo')
    }
  })

  it('should warn when the page changed after the build, and show the HTML it has for the path', async () => {
    const root = fixtureSite(fixtureContent, temporary)
    expect((await cli(['build', '--hugo', root, '--as-of', '2026-03-20T12:00:00+01:00'])).code).toBe(0)
    // A new call before the others moves every ordinal by one.
    const page = path.join(root, 'content', fixturePage)
    fs.writeFileSync(page, source.replace('The uptime objective is', 'Measured per {{< sla-value "availability.window" >}}. The uptime objective is'))
    const build = runHugoDoksSite(root, [fixturePage])
    const stale = build.warnings.filter((warning) => warning.includes('the page changed after `slamark build --hugo`; run it again'))
    // Every call but two, whose new keys hold a call of the same path (the second, and the one in raw HTML).
    expect(stale.length).toBe(9)
    expect(stale[0]).toMatch(/^slamark: data\/slamark\/harbour-kiln-rollout\.json has no \{\{< sla-value >\}\} call 0 \(\/.*\/content\/docs\/kiln-rollout\.md:58:14\)/)
    const values = slaElements(build.pages[fixturePage]!.html).filter((element) => classOf(element) === 'sla-value')
    // The new path was never built: nothing; the others fall back to the HTML of their path.
    expect(values.map((element) => element.properties.dataSlaPath)).toEqual([
      'availability.objective',
      'availability.objective',
      'targets.first-response.goals.P1',
      'targets.first-response.goals.P2',
      'targets.first-response.goals.P1'
    ])
  })

  it('should stop the prebuild chain with the located error before Hugo runs, writing nothing', () => {
    const root = fixtureSite(fixtureContent, temporary)
    const page = path.join(root, 'content', fixturePage)
    fs.writeFileSync(page, source.replace('timeZone: Europe/Berlin', 'timeZone: Europe/Atlantis'))
    const bin = path.join(projectRoot, 'bin', 'slamark.js')
    const result = spawnSync('sh', ['-c', '"$0" "$1" build --hugo "$2" && hugo --source "$2"', process.execPath, bin, root], {
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1'}
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/kiln-rollout\.md\n\s*11:13-11:28\s+error\s+Unexpected time zone `Europe\/Atlantis`/)
    expect(result.stderr).toContain('time-zone-unknown')
    expect(result.stderr).toContain('nothing was written')
    expect(fs.existsSync(path.join(root, 'data'))).toBe(false)
    expect(fs.existsSync(path.join(root, 'public'))).toBe(false)
  })
})
