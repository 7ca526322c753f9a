/// <reference path="../vite-client.d.ts" />
/**
 * The Vite plugin through Vite's JavaScript API, on Vite 8 (Rolldown) and
 * Vite 7 (Rollup): pages as modules in a build, the static site, a fatal
 * error failing the build at its place, and the dev server's pages, module
 * updates (HMR), overlay errors and recovery.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import {fileURLToPath} from 'node:url'
import type {HotPayload, ViteDevServer} from 'vite'
import * as vite8 from 'vite'
import * as vite7 from 'vite7'
import {describe, expect, expectTypeOf, it} from 'vitest'
import {slamark, type PageModule} from '../src/vite/index.js'
import {folderWith} from './support/folders.js'

const asOf = '2026-11-22T12:00:00Z'

const site = {
  'content/_index.md': '---\ntitle: Home\n---\nSee [the page](docs/a.md).\n',
  'content/docs/_index.md': '---\ntitle: Docs\n---\n',
  'content/docs/a.md':
    '---\ntitle: Page A\ndescription: The first page.\n---\n## Targets\n\n{{< callout context="tip" title="Tip" icon="outline/rocket" >}}\nAnswer *fast*.\n{{< /callout >}}\n',
  'content/docs/b.md': '---\ntitle: Page B\ndraft: true\n---\nDraft.\n'
}

/** An entry that imports a page module and prints its exports. */
const entry = "import page, {html, title, permalink, headings, diagnostics, frontmatter, sla, report} from './content/docs/a.md'\nconsole.log(page.contentPath, html, title, permalink, headings, diagnostics, frontmatter, sla, report)\n"

/** A build error as each bundler gives it: Rolldown gathers them in `errors`, Rollup throws the one. */
interface BuildError {
  id?: string
  loc?: {file: string; line: number; column: number}
  frame?: string
  message: string
  errors?: BuildError[]
}

const firstError = (error: BuildError | undefined): BuildError | undefined => error?.errors?.[0] ?? error

/** What the tests use of Vite's API, alike in 7 and 8. */
interface ViteApi {
  build(config: Record<string, unknown>): Promise<unknown>
  createServer(config: Record<string, unknown>): Promise<ViteDevServer>
  version: string
}

const apis: Array<[string, ViteApi]> = [
  ['Vite 8', vite8 as unknown as ViteApi],
  ['Vite 7', vite7 as unknown as ViteApi]
]

for (const [name, {build, createServer, version}] of apis) {
// Vite 8 takes the bundler's options as `rolldownOptions`, Vite 7 as `rollupOptions`.
const bundlerOptions = name === 'Vite 8' ? 'rolldownOptions' : 'rollupOptions'
describe(`slamark/vite in a build (${name}, ${version})`, () => {
  it('loads content pages as modules with the same exports for every page', async () => {
    const root = folderWith({...site, 'main.js': entry})
    const output = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      build: {write: false, minify: false, [bundlerOptions]: {input: path.join(root, 'main.js')}},
      plugins: [slamark({asOf})]
    })
    const code = (output as unknown as {output: Array<{type: string; code?: string}>}).output.find((item) => item.type === 'chunk')!.code!
    // Each export is data (`JSON.parse` of a string literal); the entry prints them when the bundle runs.
    expect(code).toContain('JSON.parse(')
    let printed: unknown[] = []
    vm.runInNewContext(code, {console: {log: (...values: unknown[]) => (printed = values)}})
    const [contentPath, html, title, permalink, headings, diagnostics, frontmatter, sla, report] = printed
    expect({contentPath, title, permalink, frontmatter, headings, diagnostics, sla, report}).toEqual({
      contentPath: 'docs/a.md',
      title: 'Page A',
      permalink: '/docs/a/',
      frontmatter: {title: 'Page A', description: 'The first page.'},
      headings: [{depth: 2, id: 'targets', text: 'Targets'}],
      diagnostics: [],
      sla: null,
      report: null
    })
    expect(html).toMatch(/^<h2 id="targets">Targets<\/h2>\n<div class="callout callout-tip /)
  })

  it('emits the static site: a page per content page at its permalink, list pages, 404, sitemap, hashed assets; drafts left out', async () => {
    const root = folderWith(site)
    const outDir = path.join(root, 'public')
    await build({configFile: false, root, logLevel: 'silent', build: {outDir}, plugins: [slamark({site: true, asOf, cache: false})]})
    const files = fs.readdirSync(outDir, {recursive: true, encoding: 'utf8'}).map((file) => file.split(path.sep).join('/')).sort()
    expect(files.filter((file) => !file.startsWith('assets'))).toEqual(['404.html', 'docs', 'docs/a', 'docs/a/index.html', 'docs/index.html', 'index.html', 'sitemap.xml'])
    const assets = files.filter((file) => file.startsWith('assets/'))
    expect(assets).toHaveLength(2)
    expect(assets.every((file) => /^assets\/slamark-[\w-]{8}\.(css|js)$/.test(file))).toBe(true)
    const page = fs.readFileSync(path.join(outDir, 'docs', 'a', 'index.html'), 'utf8')
    expect(page).toContain('<title>Page A – Home</title>')
    expect(page).toContain('<meta name="description" content="The first page.">')
    expect(page).toContain(`<link rel="stylesheet" href="/${assets.find((file) => file.endsWith('.css'))}">`)
    expect(page).toContain('<h1 class="page-title">Page A</h1>')
    expect(page).toContain('<h2 id="targets">Targets</h2>')
    expect(page).toContain('<a href="/docs/a/" aria-current="page">Page A</a>')
    const home = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')
    // Doks' link hook: its class, and the relative page path resolved to the page's permalink.
    expect(home).toContain('<p>See \n\n<a class="link link--text" href="/docs/a/">the page</a>.</p>')
    expect(fs.readFileSync(path.join(outDir, 'docs', 'index.html'), 'utf8')).toContain('<a class="list-entry-title" href="/docs/a/">Page A</a><p class="list-entry-description">The first page.</p>')
    expect(fs.readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8')).toBe(
      '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url>\n    <loc>/</loc>\n  </url>\n  <url>\n    <loc>/docs/</loc>\n  </url>\n  <url>\n    <loc>/docs/a/</loc>\n  </url>\n</urlset>\n'
    )
  })

  it('fails the build at a fatal error’s place, with a code frame', async () => {
    const root = folderWith({...site, 'content/docs/a.md': '---\ntitle: Page A\n---\nText.\n\n{{< callout context="tip" >}}\nNever closed.\n', 'main.js': entry})
    const failure = await build({configFile: false, root, logLevel: 'silent', build: {write: false, [bundlerOptions]: {input: path.join(root, 'main.js')}}, plugins: [slamark({asOf})]}).then(
      () => undefined,
      (error: unknown) => error as BuildError
    )
    const error = firstError(failure)
    expect(error?.loc).toEqual({file: path.join(root, 'content', 'docs', 'a.md'), line: 6, column: 0})
    expect(error?.message).toContain('shortcode-unclosed')
    expect(error?.frame).toContain('{{< callout context="tip" >}}')

    // The site build stops too, at the same place.
    const outDir = path.join(root, 'public')
    const siteFailure = await build({configFile: false, root, logLevel: 'silent', build: {outDir}, plugins: [slamark({site: true, asOf, cache: false})]}).then(
      () => undefined,
      (caught: unknown) => caught as BuildError
    )
    expect(firstError(siteFailure)?.loc).toEqual({file: path.join(root, 'content', 'docs', 'a.md'), line: 6, column: 0})
  })

})

describe(`slamark/vite in the dev server (${name}, ${version})`, () => {
  it('updates the pages that read a data file when it changes', async () => {
    const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'data-site')
    const root = folderWith({})
    fs.cpSync(fixture, root, {recursive: true})
    const tickets = path.join(root, 'data', 'sla', 'support-tickets.json')
    let server: ViteDevServer | undefined
    try {
      server = await createServer({configFile: false, root, logLevel: 'silent', appType: 'custom', server: {host: '127.0.0.1', port: 0}, plugins: [slamark()]})
      await server.listen()
      const payloads = record(server)
      const moduleUrl = new URL('content/support.md?import', server.resolvedUrls!.local[0]!)
      const before = await (await fetch(moduleUrl)).text()
      expect(before).toContain('S-1')
      const update = await edit(tickets, fs.readFileSync(tickets, 'utf8').replaceAll('"S-1', '"Renamed-1'), payloads, (payload) => payload.type === 'update')
      expect(update.type === 'update' && update.updates.map((item) => item.path)).toEqual(['/content/support.md'])
      const after = await (await fetch(moduleUrl)).text()
      expect(after).toContain('Renamed-1')
      expect(after).not.toContain('S-1')
    } finally {
      await server?.close()
    }
  })

  /** Wait until a recorded payload matches, or fail after `ms`. */
  async function waitFor(payloads: HotPayload[], match: (payload: HotPayload) => boolean, ms = 10_000): Promise<HotPayload> {
    const start = Date.now()
    for (;;) {
      const found = payloads.find(match)
      if (found) return found
      if (Date.now() - start > ms) throw new Error(`no matching HMR payload in ${ms} ms: ${JSON.stringify(payloads.map((payload) => payload.type))}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  /** The HMR payloads the server sends from now on. */
  function record(server: ViteDevServer): HotPayload[] {
    const payloads: HotPayload[] = []
    const hot = server.environments.client.hot
    const send = hot.send.bind(hot) as (payload: HotPayload) => void
    hot.send = ((payload: HotPayload) => {
      payloads.push(payload)
      send(payload)
    }) as typeof hot.send
    return payloads
  }

  /**
   * Write a file until the watcher reports it (its first scan of a fresh
   * folder may still be running), then wait for the payload.
   */
  async function edit(file: string, text: string, payloads: HotPayload[], match: (payload: HotPayload) => boolean): Promise<HotPayload> {
    for (let attempt = 0; ; attempt++) {
      fs.writeFileSync(file, attempt % 2 === 0 ? text : `${text}\n`)
      try {
        return await waitFor(payloads, match, 2000)
      } catch (error) {
        if (attempt === 4) throw error
      }
    }
  }

  it('answers a page, updates its module after an edit, shows an error for a broken edit and recovers after the fix', async () => {
    const root = folderWith(site)
    const page = path.join(root, 'content', 'docs', 'a.md')
    let server: ViteDevServer | undefined
    try {
      server = await createServer({configFile: false, root, logLevel: 'silent', appType: 'custom', server: {host: '127.0.0.1', port: 0}, plugins: [slamark({asOf})]})
      await server.listen()
      const base = server.resolvedUrls!.local[0]!
      const payloads = record(server)

      const html = await (await fetch(new URL('docs/a/', base))).text()
      expect(html).toContain('<h1 class="page-title">Page A</h1>')
      expect(html).toContain('<div data-slamark-page="docs/a.md"><h2 id="targets">Targets</h2>')
      expect(html).toContain('/@vite/client')
      expect(html).toContain('/content/docs/a.md?import')
      expect((await fetch(new URL('docs/b/', base))).status).toBe(404)

      const moduleUrl = new URL('content/docs/a.md?import', base)
      const first = await (await fetch(moduleUrl)).text()
      expect(first).toContain('Targets')
      expect(first).toContain('import.meta.hot.accept(')

      // An edit: the module is updated in place (its own HMR boundary).
      const update = await edit(page, fs.readFileSync(page, 'utf8').replace('## Targets', '## Goals'), payloads, (payload) => payload.type === 'update')
      expect(update.type === 'update' && update.updates.map((item) => item.path)).toEqual(['/content/docs/a.md'])
      const second = await (await fetch(moduleUrl)).text()
      expect(second).toContain('Goals')
      expect(second).not.toContain('Targets')

      // A broken edit: the module request fails and the overlay gets the error with its place.
      payloads.length = 0
      await edit(page, '---\ntitle: Page A\n---\nBroken {{< callout context="tip" >}} here.\n', payloads, (payload) => payload.type === 'update')
      const broken = await fetch(moduleUrl)
      expect(broken.status).toBe(500)
      const error = await waitFor(payloads, (payload) => payload.type === 'error')
      expect(error.type === 'error' && {loc: error.err.loc, plugin: error.err.plugin}).toEqual({loc: {file: page, line: 4, column: 7}, plugin: 'slamark'})
      expect(error.type === 'error' && error.err.message).toContain('[shortcode-unclosed]')
      expect(error.type === 'error' && error.err.frame).toContain('4  |  Broken {{< callout context="tip" >}} here.')

      // The fix: the module updates again and serves the fixed page.
      payloads.length = 0
      await edit(page, '---\ntitle: Page A\n---\n## Fixed\n', payloads, (payload) => payload.type === 'update')
      const fixed = await fetch(moduleUrl)
      expect(fixed.status).toBe(200)
      expect(await fixed.text()).toContain('Fixed')
    } finally {
      await server?.close()
    }
  })
})
}

describe('slamark/vite types', () => {
  it('types every page module alike', () => {
    type Module = typeof import('./fixtures/vite-types/page.md')
    expectTypeOf<Module['html']>().toEqualTypeOf<string>()
    expectTypeOf<Module['default']>().toEqualTypeOf<PageModule>()
    expectTypeOf<Module['diagnostics'][number]['severity']>().toEqualTypeOf<'error' | 'warning'>()
  })
})
