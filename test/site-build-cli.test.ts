/**
 * `slamark build` and `slamark dev` as commands: the site written, what is
 * printed, exit codes, drafts, a site's own layout and `markup`, rebuilds
 * from the cache (unchanged, one page changed, a page removed), the bundled
 * command building what its modules build, byte-equal output under other
 * time zones and locales, and the dev server's URL.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {devCommand} from '../src/cli/dev.js'
import {freshBundle} from '../src/util/fresh-bundle.js'
import {folderWith} from './support/folders.js'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const asOf = '2026-11-22T12:00:00Z'

async function run(argv: string[], cwd: string, interactive = false): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false, interactive})
  return {code, stdout, stderr}
}

const page = (title: string, extra = ''): string => `---\ntitle: ${title}\n${extra}---\n## ${title} heading\n\nText of ${title}.\n`

/** Every file under a folder with its text. */
function tree(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of fs.readdirSync(folder, {recursive: true, encoding: 'utf8'}).sort()) {
    const file = path.join(folder, name)
    if (fs.statSync(file).isFile()) files[name.split(path.sep).join('/')] = fs.readFileSync(file, 'utf8')
  }

  return files
}

describe('slamark build', () => {
  it('builds a site into --out and prints where it is; drafts only with --drafts', async () => {
    const root = folderWith({'site/content/_index.md': page('Home'), 'site/content/docs/a.md': page('A'), 'site/content/docs/b.md': page('B', 'draft: true\n')})
    const result = await run(['build', 'site', '--out', 'public', '--as-of', asOf], root)
    expect(result).toEqual({code: 0, stdout: expect.stringMatching(/^Built 2 pages \(2 rendered, 0 reused from the last build\) in \d+\.\d s: public\/index\.html\n$/), stderr: ''})
    expect(Object.keys(tree(path.join(root, 'public'))).filter((name) => !name.startsWith('assets/'))).toEqual(['404.html', 'docs/a/index.html', 'docs/index.html', 'index.html', 'sitemap.xml'])

    const drafts = await run(['build', 'site', '--out', 'public', '--as-of', asOf, '--drafts'], root)
    expect(drafts.code).toBe(0)
    expect(fs.existsSync(path.join(root, 'public', 'docs', 'b', 'index.html'))).toBe(true)
  })

  it('fails with exit 1 on an error, printing it with file, line and column', async () => {
    const root = folderWith({'content/docs/a.md': page('A'), 'content/docs/bad.md': '---\ntitle: Bad\n---\nText {{< callout context="tip" >}} never closed.\n'})
    const result = await run(['build', '--out', 'public', '--as-of', asOf], root)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('content/docs/bad.md\n4:6')
    expect(result.stderr).toContain('shortcode-unclosed')
    expect(result.stderr).toContain('slamark build: failed; public is not complete\n')
  })

  it('refuses bad usage with exit 2', async () => {
    const root = folderWith({'content/a.md': page('A')})
    expect((await run(['build', 'a', 'b'], root)).code).toBe(2)
    expect(await run(['build', 'missing'], root)).toMatchObject({code: 2, stderr: 'slamark build: Unexpected `missing`, expected a folder: a Hugo site or a content folder\n'})
    expect(await run(['build', '.', '--out', 'content'], root)).toMatchObject({code: 2, stderr: expect.stringContaining('holding the content folder, expected a folder of its own')})
    // A folder of other files (a package's compiled `dist/`) is never emptied.
    fs.mkdirSync(path.join(root, 'dist'))
    fs.writeFileSync(path.join(root, 'dist', 'index.js'), 'export {}\n')
    expect(await run(['build', '.', '--as-of', asOf], root)).toMatchObject({code: 2, stderr: expect.stringContaining('holding files of something other than a slamark build')})
    expect(fs.readFileSync(path.join(root, 'dist', 'index.js'), 'utf8')).toBe('export {}\n')
  })

  it('uses the site’s own layouts/page.html and its markup settings', async () => {
    const root = folderWith({
      'hugo.toml': 'title = "My site"\n[markup.goldmark.renderer]\nunsafe = true\n',
      'layouts/page.html': '<!doctype html><html><head><!--slamark-head--></head><body><h1><!--slamark-title--></h1><!--slamark-content--></body></html>\n',
      'content/docs/a.md': page('A', '').replace('Text of A.', 'Raw <b>html</b> kept.')
    })
    expect((await run(['build', '.', '--out', 'public', '--as-of', asOf], root)).code).toBe(0)
    const html = fs.readFileSync(path.join(root, 'public', 'docs', 'a', 'index.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html><html><head><title>A – My site<\/title><link rel="icon" href="data:,"><link rel="stylesheet" href="\/assets\/slamark-[\w-]+\.css"><script type="module" src="\/assets\/slamark-[\w-]+\.js"><\/script><\/head><body><h1>A<\/h1>/)
    expect(html).toContain('<p>Raw <b>html</b> kept.</p>')
    expect(html.endsWith('</body></html>\n')).toBe(true)
  })

  it('fails on a layout without its content slot', async () => {
    const root = folderWith({'content/a.md': page('A'), 'layouts/page.html': '<html><head><!--slamark-head--></head><body><!--slamark-conten--></body></html>'})
    const result = await run(['build', '.', '--out', 'public', '--as-of', asOf], root)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('layouts/page.html')
    expect(result.stderr).toContain('layout-slot-missing')
    expect(result.stderr).toContain('layout-slot-unknown')
  })

  it('rebuilds from the cache: nothing when nothing changed, one page when one changed, and removes a page’s file when the page is gone', async () => {
    const root = folderWith({'content/_index.md': page('Home'), 'content/docs/a.md': page('A'), 'content/docs/b.md': page('B'), 'content/docs/c.md': page('C')})
    const build = () => run(['build', '.', '--out', 'public', '--as-of', asOf], root)
    expect((await build()).stdout).toContain('Built 4 pages (4 rendered, 0 reused')
    const first = tree(path.join(root, 'public'))
    const written = fs.statSync(path.join(root, 'public', 'docs', 'a', 'index.html')).mtimeMs

    expect((await build()).stdout).toContain('Built 4 pages (0 rendered, 4 reused')
    expect(tree(path.join(root, 'public'))).toEqual(first)
    expect(fs.statSync(path.join(root, 'public', 'docs', 'a', 'index.html')).mtimeMs).toBe(written)

    fs.writeFileSync(path.join(root, 'content', 'docs', 'b.md'), page('B').replace('Text of B.', 'New text of B.'))
    expect((await build()).stdout).toContain('Built 4 pages (1 rendered, 3 reused')
    expect(fs.readFileSync(path.join(root, 'public', 'docs', 'b', 'index.html'), 'utf8')).toContain('New text of B.')
    expect(fs.statSync(path.join(root, 'public', 'docs', 'a', 'index.html')).mtimeMs).toBe(written)

    fs.rmSync(path.join(root, 'content', 'docs', 'c.md'))
    expect((await build()).stdout).toContain('Built 3 pages (0 rendered, 3 reused')
    expect(fs.existsSync(path.join(root, 'public', 'docs', 'c', 'index.html'))).toBe(false)
    // The list page and the navigation of every page changed with it.
    expect(fs.readFileSync(path.join(root, 'public', 'docs', 'index.html'), 'utf8')).not.toContain('/docs/c/')
    expect(fs.readFileSync(path.join(root, 'public', 'docs', 'a', 'index.html'), 'utf8')).not.toContain('/docs/c/')

    // A page whose link leads elsewhere now renders again: `a` moved (its slug), so the home page linking to it too.
    fs.writeFileSync(path.join(root, 'content', '_index.md'), page('Home').replace('Text of Home.', 'See [A](docs/a.md).'))
    expect((await build()).stdout).toContain('Built 3 pages (1 rendered, 2 reused')
    fs.writeFileSync(path.join(root, 'content', 'docs', 'a.md'), page('A', 'slug: moved\n'))
    expect((await build()).stdout).toContain('Built 3 pages (2 rendered, 1 reused')
    expect(fs.readFileSync(path.join(root, 'public', 'index.html'), 'utf8')).toContain('href="/docs/moved/"')
    expect(fs.existsSync(path.join(root, 'public', 'docs', 'a', 'index.html'))).toBe(false)

    // A build without the cache gives the same files.
    const cached = tree(path.join(root, 'public'))
    expect((await run(['build', '.', '--out', 'fresh', '--as-of', asOf, '--no-cache'], root)).code).toBe(0)
    expect(tree(path.join(root, 'fresh'))).toEqual(cached)
  })

  it('reports a page from the cache exactly as a page rendered now, and ignores a cache of an earlier format', async () => {
    const fixture = path.join(projectRoot, 'test', 'fixtures', 'data-site')
    const care = fs.readFileSync(path.join(fixture, 'content', 'care.md'), 'utf8').replace('  ticketsFile: data/sla/care-tickets.yaml\n', '')
    const root = folderWith({'content/care.md': care, 'data/holidays-nl.ics': fs.readFileSync(path.join(fixture, 'data', 'holidays-nl.ics'), 'utf8')})
    const build = () => run(['build', '.', '--out', 'public', '--as-of', asOf], root)
    const first = await build()
    expect(first.stdout).toContain('Built 1 pages (1 rendered, 0 reused')
    // Warnings in the data file, each with the page that read it as its related place.
    expect(first.stderr).toContain('holiday-non-working-day')
    expect(first.stderr).toMatch(/\[cause\]:\n\s+\d+:\d+-\d+:\d+\s+info\s+read for `sla\.calendars\.office\.holidaysFile` of `\S*content\/care\.md`/)
    const again = await build()
    expect(again.stdout).toContain('Built 1 pages (0 rendered, 1 reused')
    expect(again.stderr).toBe(first.stderr)

    const manifest = path.join(root, 'node_modules', '.cache', 'slamark', 'build', 'manifest.json')
    const stored = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {format: number}
    expect(stored.format).toBe(3)
    fs.writeFileSync(manifest, JSON.stringify({...stored, format: 2}))
    const earlier = await build()
    expect(earlier.stdout).toContain('Built 1 pages (1 rendered, 0 reused')
    expect(earlier.stderr).toBe(first.stderr)
  })

  it('prints a data file two pages read once, each of its messages once', async () => {
    const fixture = path.join(projectRoot, 'test', 'fixtures', 'data-site')
    const care = fs.readFileSync(path.join(fixture, 'content', 'care.md'), 'utf8').replace('  ticketsFile: data/sla/care-tickets.yaml\n', '')
    const root = folderWith({
      'content/care.md': care,
      'content/care-too.md': care.replace('id: website-care', 'id: website-care-too'),
      'data/holidays-nl.ics': fs.readFileSync(path.join(fixture, 'data', 'holidays-nl.ics'), 'utf8')
    })
    const result = await run(['build', '.', '--out', 'public', '--as-of', asOf, '--no-cache'], root)
    expect(result.code).toBe(0)
    // A heading per file with messages: the pages, then the data file once.
    const headings = result.stderr.split('\n').filter((line) => /\.(?:md|ics)$/.test(line))
    expect(headings.map((line) => line.replace(/^.*?(?=content\/|data\/)/, ''))).toEqual(['content/care-too.md', 'content/care.md', 'data/holidays-nl.ics'])
    const data = result.stderr.slice(result.stderr.indexOf('data/holidays-nl.ics'))
    expect(data.match(/^\d+:\d+-\d+:\d+ +warning +Unexpected holiday/gm)).toEqual([
      expect.stringMatching(/^18:20-18:28 /),
      expect.stringMatching(/^24:20-24:28 /)
    ])
  })

  it('copies the site’s static/ folder into the output as it is', async () => {
    const root = folderWith({'content/_index.md': page('Home'), 'static/robots.txt': 'User-agent: *\n', 'static/files/terms.txt': 'Terms.\n'})
    expect((await run(['build', '.', '--out', 'public', '--as-of', asOf, '--no-cache'], root)).code).toBe(0)
    const built = tree(path.join(root, 'public'))
    expect(built['robots.txt']).toBe('User-agent: *\n')
    expect(built['files/terms.txt']).toBe('Terms.\n')
  })

  it('shows its progress on a terminal for large sites', async () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 210; index++) files[`content/p${index}.md`] = page(`P${index}`)
    const root = folderWith(files)
    const result = await run(['build', '.', '--out', 'public', '--as-of', asOf, '--no-cache'], root, true)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('\rslamark build: 25 of 210 pages')
    expect(result.stderr.endsWith('\rslamark build: 210 of 210 pages\n')).toBe(true)
  })

  it('builds from the bundle `npm run build` makes what it builds from its modules', async () => {
    const bundle = freshBundle(pathToFileURL(path.join(projectRoot, 'dist', 'build-bundle', 'site-build.js')), pathToFileURL(path.join(projectRoot, 'dist', 'cli', 'site-build.js')))
    expect(bundle && path.relative(projectRoot, fileURLToPath(bundle)), 'dist/build-bundle/ is missing or older than the compiled command: run `npm run build`').toBe(path.join('dist', 'build-bundle', 'site-build.js'))
    const root = folderWith({})
    fs.cpSync(path.join(projectRoot, 'content-examples'), path.join(root, 'content'), {recursive: true})
    const spawned = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'slamark.js'), 'build', '.', '--out', 'bundled', '--as-of', asOf, '--no-cache'], {cwd: root, encoding: 'utf8'})
    const here = await run(['build', '.', '--out', 'modules', '--as-of', asOf, '--no-cache'], root)
    expect([spawned.status, here.code]).toEqual([0, 0])
    expect(spawned.stderr).toBe(here.stderr)
    const built = tree(path.join(root, 'bundled'))
    expect(Object.keys(built).length).toBeGreaterThan(8)
    expect(built).toEqual(tree(path.join(root, 'modules')))
  })

  it('writes the same bytes under any time zone and locale', () => {
    fs.mkdirSync(path.join(projectRoot, 'test-results'), {recursive: true})
    const builds = ['UTC', 'Pacific/Chatham', 'America/St_Johns'].map((zone, index) => {
      const out = fs.mkdtempSync(path.join(projectRoot, 'test-results', `tz-${index}-`))
      const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'slamark.js'), 'build', 'content-examples', '--out', out, '--as-of', asOf, '--no-cache'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: {...process.env, TZ: zone, LANG: index === 1 ? 'de_DE.UTF-8' : 'en_US.UTF-8', LC_ALL: index === 2 ? 'fr_FR.UTF-8' : ''}
      })
      expect(result.status, result.stderr).toBe(0)
      const files = tree(out)
      fs.rmSync(out, {recursive: true, force: true})
      return files
    })
    expect(Object.keys(builds[0]!).length).toBeGreaterThan(8)
    expect(builds[1]).toEqual(builds[0])
    expect(builds[2]).toEqual(builds[0])
  })
})

describe('slamark dev', () => {
  it('serves the site on 127.0.0.1 and prints its URL until stopped', async () => {
    const root = folderWith({'content/docs/a.md': page('A')})
    let stdout = ''
    let stop: () => void = () => {}
    const stopped = new Promise<void>((resolve) => {
      stop = resolve
    })
    const running = devCommand([], {host: undefined, port: '0', drafts: false, asOf, stop: stopped}, {cwd: root, stdout: (text) => (stdout += text), stderr: () => {}, color: false})
    for (let wait = 0; wait < 200 && stdout === ''; wait++) await new Promise((resolve) => setTimeout(resolve, 50))
    const url = /^slamark dev: serving on (http:\/\/127\.0\.0\.1:\d+\/)\n$/.exec(stdout)?.[1]
    expect(url).toBeDefined()
    const response = await fetch(new URL('docs/a/', url))
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<h1 class="page-title">A</h1>')
    stop()
    expect(await running).toBe(0)
  })

  it('refuses a bad port', async () => {
    let stderr = ''
    const code = await devCommand([], {host: undefined, port: 'x', drafts: false, asOf: undefined}, {cwd: projectRoot, stdout: () => {}, stderr: (text) => (stderr += text), color: false})
    expect([code, stderr]).toEqual([2, 'slamark dev: Unexpected port `x`, expected one folder and a port from 0 (any free one) to 65535\n'])
  })
})
