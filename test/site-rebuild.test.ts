/**
 * The rebuild cache of `slamark build` (`src/site/index-cache.ts`,
 * `read-page.ts`, `page-cache.ts`, `rendering-log.ts`, `site-assets.ts`):
 * what makes a page render again (its text, a data file it read, the
 * configuration, slamark's version, "now", a page added or removed), what
 * makes files be written again without rendering (the layout), when Vite
 * runs again (a static file, a missing asset), and that an unchanged page
 * is not read at all while a page whose stamp cannot vouch for it (changed
 * in the tick the last build read it) is.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {discoverSite, listContentPages} from '../src/site/discover.js'
import {IndexCache} from '../src/site/index-cache.js'
import {readLastBuild} from '../src/site/last-build.js'
import {sameStamp, stampPage, stampTrusted, type PageStamp} from '../src/site/read-page.js'
import {RenderingReader, appendRendering, tidyRenderings, type RenderingPlace} from '../src/site/rendering-log.js'
import {renderSite} from '../src/site/render-site.js'
import {loadShell} from '../src/site/shell.js'
import {assetInputs, reusableAssets} from '../src/site/site-assets.js'
import {buildSiteIndex} from '../src/site/site-index.js'
import {contentHash} from '../src/util/content-hash.js'
import {slamarkVersion} from '../src/util/version.js'
import {buildSite} from '../src/vite/build.js'
import {loadSiteState} from '../src/vite/site-state.js'
import {folderWith} from './support/folders.js'

const asOf = '2026-11-22T12:00:00Z'
const page = (title: string, body = `Text of ${title}.`): string => `---\ntitle: ${title}\n---\n## ${title} heading\n\n${body}\n`

/** Build a site into `public`, with its cache, as `slamark build` does. */
async function build(root: string, options: {asOf?: string} = {}) {
  const result = await buildSite({input: root, outDir: path.join(root, 'public'), cwd: root, asOf: options.asOf ?? asOf})
  expect(result.fatal).toBe(false)
  return result
}

const cacheDir = (root: string): string => path.join(root, 'node_modules', '.cache', 'slamark', 'build')
const read = (root: string, name: string): string => fs.readFileSync(path.join(root, 'public', name), 'utf8')
const mtimeOf = (file: string): number => fs.statSync(file).mtimeMs

/** The asset files of the last build, by name inside the output folder. */
const assetFiles = (root: string): string[] => readLastBuild(cacheDir(root))?.assets?.files.slice().sort() ?? []

describe('page stamps', () => {
  it('trusts a stamp only when the file was last changed well before the recording build began', () => {
    const stamp = (mtimeMs: number, ctimeMs = mtimeMs): PageStamp => ({size: 10, mtimeMs, ctimeMs, ino: 1})
    // Stamps finer than a second: a change within 50 ms of the build's start is in doubt.
    expect(stampTrusted(stamp(1_000_000.25), 1_000_051)).toBe(true)
    expect(stampTrusted(stamp(1_000_000.25), 1_000_050.25)).toBe(false)
    expect(stampTrusted(stamp(1_000_000.25), 999_000)).toBe(false)
    // Whole-second stamps (a coarse file system): two seconds.
    expect(stampTrusted(stamp(1_000_000), 1_002_001)).toBe(true)
    expect(stampTrusted(stamp(1_000_000), 1_001_999)).toBe(false)
    // The later of the two times counts.
    expect(stampTrusted(stamp(1_000_000.5, 1_000_090.5), 1_000_100)).toBe(false)

    fc.assert(
      fc.property(fc.integer({min: 0, max: 4_000_000_000_000}), fc.integer({min: 0, max: 4_000_000_000_000}), fc.integer({min: 0, max: 999}), fc.integer({min: 0, max: 4_000_000_000_000}), (mtime, ctime, fraction, checkedAt) => {
        const mtimeMs = mtime + fraction / 1000
        const trusted = stampTrusted(stamp(mtimeMs, ctime), checkedAt)
        // Trusted only when both times are at least 50 ms before the start, and always when both are 2 s before it.
        if (trusted) expect(mtimeMs + 50 < checkedAt && ctime + 50 < checkedAt).toBe(true)
        if (mtimeMs + 2000 < checkedAt && ctime + 2000 < checkedAt) expect(trusted).toBe(true)
      })
    )
  })

  it('stamps plain pages inside the content folder, and leaves links and folders to the full read', () => {
    const root = folderWith({'content/a.md': page('A'), 'outside.md': page('Out')})
    const contentDir = path.join(root, 'content')
    fs.symlinkSync(path.join(root, 'outside.md'), path.join(contentDir, 'link.md'))
    fs.mkdirSync(path.join(contentDir, 'folder.md'))
    const folders = new Map([[contentDir, fs.realpathSync(contentDir)]])
    const stamp = stampPage(fs.realpathSync(contentDir), path.join(contentDir, 'a.md'), folders)
    const stats = fs.statSync(path.join(contentDir, 'a.md'))
    expect(stamp).toEqual({size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino})
    expect(sameStamp(stamp!, {...stamp!})).toBe(true)
    expect(sameStamp(stamp!, {...stamp!, ctimeMs: 1})).toBe(false)
    expect(stampPage(fs.realpathSync(contentDir), path.join(contentDir, 'link.md'), folders)).toBeUndefined()
    expect(stampPage(fs.realpathSync(contentDir), path.join(contentDir, 'folder.md'), folders)).toBeUndefined()
    expect(stampPage(fs.realpathSync(contentDir), path.join(contentDir, 'missing.md'), folders)).toBeUndefined()
  })
})

describe('the index cache', () => {
  /** Index a site with its cache, after the cache's record of `a.md` is replaced (its hash, title, and when the run that made it began). */
  async function indexWithRecord(root: string, record: (entry: {hash: string; facts: {title: string}}, file: {checkedAt: number}, mtimeMs: number) => void) {
    const contentDir = path.join(root, 'content')
    const folder = path.join(root, 'cache')
    const first = new IndexCache(folder)
    buildSiteIndex(contentDir, await listContentPages(contentDir), {cache: first})
    first.save()
    const file = path.join(folder, 'index.json')
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as {checkedAt: number; pages: Record<string, {hash: string; facts: {title: string}}>}
    record(stored.pages['a.md']!, stored, fs.statSync(path.join(contentDir, 'a.md')).mtimeMs)
    fs.writeFileSync(file, JSON.stringify(stored))
    return buildSiteIndex(contentDir, await listContentPages(contentDir), {cache: new IndexCache(folder)})
  }

  it('does not read a page stamped as the last run found it, and reads its text only when asked for', async () => {
    const root = folderWith({'content/a.md': page('A'), 'content/b.md': page('B')})
    const index = await indexWithRecord(root, (entry, file, mtimeMs) => {
      // A record the page's text would not give: only a page that is not read keeps it.
      entry.hash = 'recorded'
      entry.facts.title = 'Recorded A'
      file.checkedAt = mtimeMs + 60_000
    })
    expect([index.page('a.md')?.title, index.page('a.md')?.hash]).toEqual(['Recorded A', 'recorded'])
    expect(index.page('a.md')?.source).toBe(page('A'))
    expect(index.page('b.md')?.title).toBe('B')
  })

  it('reads a page whose stamp is the recorded one but which changed in the tick the last run read it', async () => {
    const root = folderWith({'content/a.md': page('A')})
    // The last run began just after the page's last change: a write in that tick keeps the stamp, so the stamp cannot vouch.
    const index = await indexWithRecord(root, (entry, file, mtimeMs) => {
      entry.hash = 'recorded'
      entry.facts.title = 'Recorded A'
      file.checkedAt = mtimeMs + 10
    })
    expect([index.page('a.md')?.title, index.page('a.md')?.hash]).toEqual(['A', contentHash(page('A'))])
  })

  it('finds an edit that kept the size and put the modification time back', async () => {
    const root = folderWith({'content/a.md': page('A')})
    const contentDir = path.join(root, 'content')
    const folder = path.join(root, 'cache')
    const file = path.join(contentDir, 'a.md')
    const before = fs.statSync(file)
    const first = new IndexCache(folder, before.mtimeMs + 60_000)
    buildSiteIndex(contentDir, await listContentPages(contentDir), {cache: first})
    first.save()
    fs.writeFileSync(file, page('Z'))
    fs.utimesSync(file, before.atime, before.mtime)
    expect(fs.statSync(file).size).toBe(before.size)
    const index = buildSiteIndex(contentDir, await listContentPages(contentDir), {cache: new IndexCache(folder)})
    expect(index.page('a.md')?.title).toBe('Z')
  })
})

describe('the page listing', () => {
  /** The site's pages as a build reads them, after the cache's record of the listing is changed. */
  async function pagesWithRecord(root: string, change: (file: {checkedAt: number; listing: {pages: string[]; folders: Record<string, PageStamp>}}) => void) {
    const state = () => loadSiteState({input: root, drafts: false, asOf, production: true, environment: 'production', cwd: root, cacheDir: () => path.join(root, 'cache')})
    ;(await state()).saveIndex()
    const file = path.join(root, 'cache', 'index.json')
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as {checkedAt: number; listing: {pages: string[]; folders: Record<string, PageStamp>}}
    expect(Object.keys(stored.listing.folders).sort()).toEqual(['', 'docs'])
    change(stored)
    fs.writeFileSync(file, JSON.stringify(stored))
    return (await state()).index.pages.map((item) => item.contentPath)
  }

  const folderStampOf = (folder: string): PageStamp => {
    const stats = fs.statSync(folder)
    return {size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino}
  }

  it('takes the last list while no folder changed, and lists again when one did', async () => {
    const root = folderWith({'content/a.md': page('A'), 'content/docs/b.md': page('B')})
    // A list the folders would not give: kept only when the folders are not looked into.
    const recorded = await pagesWithRecord(root, (file) => {
      file.listing.pages = ['a.md']
      file.checkedAt = Date.now() + 60_000
    })
    expect(recorded).toEqual(['a.md'])

    fs.writeFileSync(path.join(root, 'content', 'docs', 'c.md'), page('C'))
    const listed = await pagesWithRecord(root, (file) => {
      file.checkedAt = Date.now() + 60_000
    })
    expect(listed).toEqual(['a.md', 'docs/b.md', 'docs/c.md'])
  })

  it('lists again when a folder changed in the tick the last build listed it', async () => {
    const root = folderWith({'content/a.md': page('A'), 'content/docs/b.md': page('B')})
    const pages = await pagesWithRecord(root, (file) => {
      const docs = folderStampOf(path.join(root, 'content', 'docs'))
      file.listing.pages = ['a.md']
      file.listing.folders['docs'] = docs
      file.checkedAt = Math.max(docs.mtimeMs, docs.ctimeMs) + 10
    })
    expect(pages).toEqual(['a.md', 'docs/b.md'])
  })
})

describe('the rendering log', () => {
  it('gives back each rendering at its place, and keeps the folder within twice the live bytes', () => {
    const folder = path.join(folderWith({}), 'renderings')
    const places = new Map<string, RenderingPlace>()
    for (let index = 0; index < 40; index++) places.set(`p${index}`, appendRendering(path.join(folder, 'first-1.log'), {html: `<p>${index}</p>`.repeat(8000), toc: '', headings: []}))
    places.set('gone', appendRendering(path.join(folder, 'other-1.log'), {html: 'x', toc: '', headings: []}))
    const reader = new RenderingReader(folder)
    expect(reader.read(places.get('p7')!)).toEqual({html: '<p>7</p>'.repeat(8000), toc: '', headings: []})
    expect(reader.read({log: '../escape.log', offset: 0, length: 10})).toBeUndefined()
    reader.close()

    // A log no page refers to goes; a log mostly of dead renderings is copied.
    places.delete('gone')
    tidyRenderings(folder, places, 'tidy-1.log')
    expect(fs.readdirSync(folder)).toEqual(['first-1.log'])
    for (let index = 1; index < 40; index++) places.delete(`p${index}`)
    tidyRenderings(folder, places, 'tidy-1.log')
    expect(fs.readdirSync(folder)).toEqual(['tidy-1.log'])
    expect(places.get('p0')).toEqual({log: 'tidy-1.log', offset: 0, length: JSON.stringify({html: '<p>0</p>'.repeat(8000), toc: '', headings: []}).length})
    const again = new RenderingReader(folder)
    expect(again.read(places.get('p0')!)?.html).toBe('<p>0</p>'.repeat(8000))
    again.close()
  })
})

describe('slamark build’s rebuilds', () => {
  it('renders nothing and writes nothing when nothing changed, without running Vite', async () => {
    const root = folderWith({'content/_index.md': page('Home'), 'content/docs/a.md': page('A'), 'content/docs/b.md': page('B')})
    expect(await build(root)).toMatchObject({pages: 3, rendered: 3, reused: 0})
    const assets = assetFiles(root)
    expect(assets).toEqual([expect.stringMatching(/^assets\/slamark-[\w-]+\.css$/), expect.stringMatching(/^assets\/slamark-[\w-]+\.js$/)])
    const written = assets.map((name) => mtimeOf(path.join(root, 'public', name)))

    expect(await build(root)).toMatchObject({pages: 3, rendered: 0, reused: 3, written: 0})
    // Vite would have written its files again.
    expect(assets.map((name) => mtimeOf(path.join(root, 'public', name)))).toEqual(written)
  })

  it('keeps the list pages and the sitemap while what they show is unchanged, and writes them again when it changes', async () => {
    const withSummary = (summary: string, lastmod: string): string => `---\ntitle: A\nsummary: ${summary}\nlastmod: ${lastmod}\n---\nText.\n`
    const root = folderWith({'content/docs/a.md': withSummary('First summary', '2026-01-01'), 'content/docs/b.md': page('B')})
    await build(root)
    expect(read(root, 'docs/index.html')).toContain('First summary')
    const listed = mtimeOf(path.join(root, 'public', 'docs', 'index.html'))
    expect(await build(root)).toMatchObject({rendered: 0, written: 0})
    expect(mtimeOf(path.join(root, 'public', 'docs', 'index.html'))).toBe(listed)

    // A summary shows in the section's list only; a date only in the sitemap: neither is part of any page's frame.
    fs.writeFileSync(path.join(root, 'content', 'docs', 'a.md'), withSummary('Second summary', '2026-01-01'))
    expect(await build(root)).toMatchObject({rendered: 1})
    expect(read(root, 'docs/index.html')).toContain('Second summary')
    fs.writeFileSync(path.join(root, 'content', 'docs', 'a.md'), withSummary('Second summary', '2026-02-02'))
    await build(root)
    expect(read(root, 'sitemap.xml')).toContain('<lastmod>2026-02-02</lastmod>')
    // A list file removed from the output folder is written again.
    fs.rmSync(path.join(root, 'public', '404.html'))
    await build(root)
    expect(read(root, '404.html')).toContain('There is no page at this address.')
  })

  it('renders a page added, and the pages whose links it changes; writes the list pages again', async () => {
    const root = folderWith({'content/_index.md': page('Home', 'See [C](docs/c.md).'), 'content/docs/a.md': page('A'), 'content/docs/b.md': page('B')})
    await build(root)
    expect(read(root, 'index.html')).not.toContain('href="/docs/c/"')
    fs.writeFileSync(path.join(root, 'content', 'docs', 'c.md'), page('C'))
    // `c.md` itself, and the home page, whose link to it now leads somewhere.
    expect(await build(root)).toMatchObject({pages: 4, rendered: 2, reused: 2})
    expect(read(root, 'docs/c/index.html')).toContain('Text of C.')
    expect(read(root, 'index.html')).toContain('href="/docs/c/"')
    expect(read(root, 'docs/index.html')).toContain('href="/docs/c/"')
  })

  it('renders the pages that read a data file when it changes, and only them', async () => {
    const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'data-site')
    const root = folderWith({
      'content/support.md': fs.readFileSync(path.join(fixture, 'content', 'support.md'), 'utf8'),
      'content/other.md': page('Other'),
      'data/holidays-nl.ics': fs.readFileSync(path.join(fixture, 'data', 'holidays-nl.ics'), 'utf8'),
      'data/sla/support-tickets.json': fs.readFileSync(path.join(fixture, 'data', 'sla', 'support-tickets.json'), 'utf8')
    })
    expect(await build(root)).toMatchObject({rendered: 2})
    expect(await build(root)).toMatchObject({rendered: 0, reused: 2})
    const tickets = path.join(root, 'data', 'sla', 'support-tickets.json')
    fs.writeFileSync(tickets, fs.readFileSync(tickets, 'utf8').replace('"S-1"', '"S-9"'))
    expect(await build(root)).toMatchObject({rendered: 1, reused: 1})
  })

  it('renders every page again when the configuration or "now" changes', async () => {
    const root = folderWith({'hugo.toml': 'title = "Site"\n', 'content/a.md': page('A', 'Raw <b>html</b> here.'), 'content/b.md': page('B')})
    await build(root)
    expect(read(root, 'a/index.html')).toContain('<!-- raw HTML omitted -->')
    fs.writeFileSync(path.join(root, 'hugo.toml'), 'title = "Site"\n[markup.goldmark.renderer]\nunsafe = true\n')
    expect(await build(root)).toMatchObject({rendered: 2, reused: 0})
    expect(read(root, 'a/index.html')).toContain('Raw <b>html</b> here.')
    expect(await build(root, {asOf: '2026-11-23T12:00:00Z'})).toMatchObject({rendered: 2, reused: 0})
    expect(await build(root, {asOf: '2026-11-23T12:00:00Z'})).toMatchObject({rendered: 0, reused: 2})
  })

  it('renders every page again for another version of slamark', async () => {
    const root = folderWith({'content/a.md': page('A'), 'content/b.md': page('B')})
    const location = discoverSite(root)!
    const index = buildSiteIndex(location.contentDir, await listContentPages(location.contentDir))
    const job = (version: string) =>
      renderSite({
        location,
        index,
        asOf,
        production: true,
        cwd: root,
        outDir: path.join(root, 'public'),
        assets: {styles: [], scripts: []},
        shell: loadShell(root, root),
        cacheDir: cacheDir(root),
        version,
        workers: 1
      })
    expect(await job('1.0.0')).toMatchObject({rendered: 2, reused: 0})
    expect(await job('1.0.0')).toMatchObject({rendered: 0, reused: 2})
    expect(await job('1.0.1')).toMatchObject({rendered: 2, reused: 0})
  })

  it('writes every page again with a changed layout, without rendering any', async () => {
    const layout = (label: string): string => `<!doctype html><html><head><!--slamark-head--></head><body>${label}<!--slamark-content--></body></html>\n`
    const root = folderWith({'layouts/page.html': layout('First'), 'content/a.md': page('A'), 'content/b.md': page('B')})
    await build(root)
    fs.writeFileSync(path.join(root, 'layouts', 'page.html'), layout('Second'))
    const result = await build(root)
    expect(result).toMatchObject({rendered: 0, reused: 2})
    expect(result.written).toBeGreaterThanOrEqual(4)
    for (const name of ['a/index.html', 'b/index.html', '404.html']) expect(read(root, name)).toContain('<body>Second')
    expect(read(root, 'a/index.html')).toContain('Text of A.')
  })

  it('runs Vite again when a static file changed or an asset file is missing', async () => {
    const withStatic = folderWith({'content/a.md': page('A'), 'static/robots.txt': 'User-agent: *\n'})
    await build(withStatic)
    const inputs = assetInputs(path.join(withStatic, 'static'), slamarkVersion())
    expect(inputs?.staticFiles.map((file) => file.name)).toEqual(['robots.txt'])
    // The key depends on slamark's version and on the static files.
    expect(assetInputs(path.join(withStatic, 'static'), '0.0.0-other')?.key).not.toBe(inputs?.key)
    fs.writeFileSync(path.join(withStatic, 'static', 'robots.txt'), 'User-agent: slamark\n')
    expect(assetInputs(path.join(withStatic, 'static'), slamarkVersion())?.key).not.toBe(inputs?.key)
    await build(withStatic)
    expect(read(withStatic, 'robots.txt')).toBe('User-agent: slamark\n')

    const root = folderWith({'content/a.md': page('A')})
    await build(root)
    const last = readLastBuild(cacheDir(root))!
    const now = assetInputs(false, slamarkVersion())
    expect(reusableAssets(last, now, path.join(root, 'public'))).toEqual(last.assets)
    const [css] = assetFiles(root)
    fs.rmSync(path.join(root, 'public', css!))
    expect(reusableAssets(last, now, path.join(root, 'public'))).toBeUndefined()
    await build(root)
    expect(fs.existsSync(path.join(root, 'public', css!))).toBe(true)
  })

  it('renders a page changed in the tick the last build read it, whose stamp stayed', async () => {
    const root = folderWith({'content/a.md': page('A'), 'content/b.md': page('B')})
    await build(root)
    // The edit the last build could not see: same size, and its record made to hold the page's stamp now.
    const file = path.join(root, 'content', 'a.md')
    fs.writeFileSync(file, page('Z'))
    const stats = fs.statSync(file)
    const indexFile = path.join(cacheDir(root), 'index.json')
    const stored = JSON.parse(fs.readFileSync(indexFile, 'utf8')) as {checkedAt: number; pages: Record<string, {stamp: PageStamp}>}
    stored.pages['a.md']!.stamp = {size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino}
    stored.checkedAt = Math.max(stats.mtimeMs, stats.ctimeMs) + 10
    fs.writeFileSync(indexFile, JSON.stringify(stored))
    expect(await build(root)).toMatchObject({rendered: 1, reused: 1})
    expect(read(root, 'a/index.html')).toContain('Text of Z.')
  })
})
