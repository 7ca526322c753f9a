/**
 * The built example site in a real browser (playwright-core driving
 * Debian's chromium): `content-examples/` is built with `buildSite`, served
 * by Vite's preview server on 127.0.0.1, and every page is visited: no
 * console errors, no failed requests, every internal link and `#anchor`
 * resolves, callouts show their icon, each timeline has one bar per
 * milestone, breaches show their notice, tabs switch. Screenshots go to
 * `test-results/site-browser/`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {chromium, type Browser} from 'playwright-core'
import {preview, type PreviewServer} from 'vite'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildSiteIndex, discoverSite, listContentPages} from '../src/site/index.js'
import {createSitePageRenderer} from '../src/site/page-render.js'
import {buildSite, startDevServer} from '../src/vite/index.js'
import {folderWith} from './support/folders.js'

const chromiumPath = '/usr/bin/chromium'
const asOf = '2026-11-22T12:00:00Z'
const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const examples = path.join(projectRoot, 'content-examples')
const screenshots = path.join(projectRoot, 'test-results', 'site-browser')

/** The few DOM names the functions run in the page use (the project is typed for Node, without the DOM library). */
interface PageElement {
  id: string
  className: string
  href?: string
  offsetHeight: number
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): ArrayLike<PageElement>
  getBoundingClientRect(): {width: number; height: number}
}

interface PageWindow {
  document: {querySelectorAll(selector: string): ArrayLike<PageElement>}
  getComputedStyle(element: PageElement): {visibility: string}
}

/** What a page holds, as the browser saw it. */
interface Visit {
  url: string
  status: number
  consoleErrors: string[]
  failedRequests: string[]
  ids: string[]
  links: string[]
  /** `icon`: whether its icon is drawn (`undefined`: the callout names none, as `{{< callout tip >}}`, which Doks prints without one). */
  callouts: Array<{context: string; shown: boolean; icon: boolean | undefined}>
  timelines: Array<{bars: number; rows: number}>
  breachNotices: number
  tabsSwitch: boolean | undefined
}

describe('the built example site in chromium', () => {
  if (!fs.existsSync(chromiumPath)) {
    it.skip('needs chromium at /usr/bin/chromium (Debian: apt-get install chromium)', () => {})
    console.warn('chromium not found at /usr/bin/chromium: the browser tests of the built site did not run')
    return
  }

  let outDir: string
  let server: PreviewServer
  let browser: Browser
  let base: string
  const visits = new Map<string, Visit>()

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-browser-'))
    const built = await buildSite({input: examples, outDir, asOf, cache: false, cwd: projectRoot})
    expect(built.fatal, String(built.error)).toBe(false)
    server = await preview({configFile: false, root: outDir, appType: 'mpa', logLevel: 'silent', build: {outDir}, preview: {host: '127.0.0.1', port: 0}})
    base = server.resolvedUrls!.local[0]!
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    fs.mkdirSync(screenshots, {recursive: true})

    const sitemap = fs.readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8')
    const permalinks = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)
    // Pages left out of the sitemap (`seo.noindex`) are still pages.
    const site = discoverSite(examples)!
    const index = buildSiteIndex(site.contentDir, await listContentPages(site.contentDir))
    for (const permalink of new Set([...permalinks, ...index.pages.map((page) => page.permalink)])) await visit(permalink)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (outDir) fs.rmSync(outDir, {recursive: true, force: true})
  })

  async function visit(permalink: string): Promise<Visit> {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    const result: Visit = {url: permalink, status: 0, consoleErrors: [], failedRequests: [], ids: [], links: [], callouts: [], timelines: [], breachNotices: 0, tabsSwitch: undefined}
    page.on('console', (message) => {
      if (message.type() === 'error') result.consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => result.consoleErrors.push(error.message))
    page.on('requestfailed', (request) => result.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`))
    page.on('response', (response) => {
      if (response.status() >= 400) result.failedRequests.push(`${response.url()} ${response.status()}`)
    })
    const response = await page.goto(new URL(permalink, base).href, {waitUntil: 'load'})
    result.status = response?.status() ?? 0
    Object.assign(
      result,
      await page.evaluate(() => {
        const {document, getComputedStyle} = globalThis as unknown as PageWindow
        const all = (selector: string, from?: PageElement): PageElement[] => [...Array.from((from ?? document).querySelectorAll(selector))]
        return {
          ids: all('[id]').map((element) => element.id),
          links: all('a[href]').map((element) => element.href!),
          callouts: all('.callout').map((element) => {
            const icon = element.querySelector('svg.callout-icon')
            const box = icon?.getBoundingClientRect()
            // A callout in a tab that is not shown has no box; its icon must be there all the same.
            const shown = element.offsetHeight > 0
            const drawn = Boolean(box && box.width > 0 && box.height > 0 && getComputedStyle(icon!).visibility === 'visible')
            return {context: /callout-(note|tip|caution|danger)/.exec(element.className)?.[1] ?? '', shown, icon: icon ? !shown || drawn : undefined}
          }),
          timelines: all('figure.sla-timeline').map((figure) => ({
            bars: all('svg rect.sla-timeline-bar', figure).length,
            rows: all('.sla-timeline-table tbody tr', figure).length
          })),
          breachNotices: all('.sla-breaches .callout-danger').filter((element) => element.offsetHeight > 0).length
        }
      })
    )
    // The README's picture of a built page: `SLAMARK_UPDATE_SCREENSHOT=1 npx vitest run test/site-browser.test.ts`.
    if (permalink === '/docs/managed-hosting-sla/' && process.env['SLAMARK_UPDATE_SCREENSHOT']) {
      await page.screenshot({path: path.join(projectRoot, 'docs', 'images', 'site-page.png')})
    }

    const tabs = page.locator('[role="tablist"] [data-bs-toggle="tab"]:not(.active)').first()
    if ((await tabs.count()) > 0) {
      const target = (await tabs.getAttribute('data-bs-target'))!
      await tabs.click()
      result.tabsSwitch = await page.locator(target).isVisible()
    }

    const name = permalink === '/' ? 'home' : permalink.replaceAll(/^\/|\/$/g, '').replaceAll('/', '--')
    await page.screenshot({path: path.join(screenshots, `${name}.png`), fullPage: true})
    await page.close()
    visits.set(new URL(permalink, base).pathname, result)
    return result
  }

  it('visits every page (the sitemap’s and the noindex ones) and the 404 page', async () => {
    expect([...visits.keys()].sort()).toEqual([
      '/',
      '/docs/',
      '/docs/managed-hosting-sla/',
      '/docs/project-delivery-sla/',
      '/docs/support-desk-sla/',
      '/docs/website-care-sla/'
    ])
    for (const item of visits.values()) expect(item.status, item.url).toBe(200)
    const missing = await visit('/404.html')
    expect(missing.status).toBe(200)
    expect(missing.ids).toContain('main')
  })

  it('has no console errors and no failed requests on any page', () => {
    for (const item of visits.values()) expect({url: item.url, errors: item.consoleErrors, failed: item.failedRequests}).toEqual({url: item.url, errors: [], failed: []})
  })

  it('resolves every internal link to a page and every #anchor to an element of it', () => {
    const origin = new URL(base).origin
    const broken: string[] = []
    let checked = 0
    for (const item of visits.values()) {
      for (const href of item.links) {
        const url = new URL(href)
        if (url.origin !== origin) continue
        checked++
        const target = visits.get(url.pathname)
        if (!target) {
          broken.push(`${item.url} → ${href} (no page)`)
          continue
        }

        const id = decodeURIComponent(url.hash.slice(1))
        if (id !== '' && !target.ids.includes(id)) broken.push(`${item.url} → ${href} (no #${id})`)
      }
    }

    expect(checked).toBeGreaterThan(40)
    expect(broken).toEqual([])
  })

  it('shows every callout with its icon', () => {
    const callouts = [...visits.values()].flatMap((item) => item.callouts)
    expect(callouts.length).toBeGreaterThan(5)
    expect(new Set(callouts.map((callout) => callout.context))).toEqual(new Set(['note', 'tip', 'caution', 'danger']))
    expect(callouts.filter((callout) => callout.icon === false)).toEqual([])
    // Every callout written with an icon, and every breach notice, has one; those written without one have none, as in Doks.
    expect(callouts.filter((callout) => callout.shown && callout.icon === true).length).toBeGreaterThan(5)
    const withoutIcon = callouts.filter((callout) => callout.icon === undefined).length
    const positional = fs
      .readdirSync(examples, {recursive: true, encoding: 'utf8'})
      .filter((file) => file.endsWith('.md') && !file.includes('node_modules'))
      .map((file) => fs.readFileSync(path.join(examples, file), 'utf8').match(/\{\{<\s*callout\b(?![^>]*\bicon=)[^>]*>\}\}/g)?.length ?? 0)
      .reduce((sum, count) => sum + count, 0)
    expect(withoutIcon).toBe(positional)
  })

  it('draws one timeline bar per milestone and shows each breach as a notice', async () => {
    const site = discoverSite(examples)!
    const index = buildSiteIndex(site.contentDir, await listContentPages(site.contentDir))
    const render = createSitePageRenderer({
      root: site.root,
      site: undefined,
      contentDir: site.contentDir,
      markup: site.config.markup,
      asOf,
      production: true,
      entries: index.pages,
      cwd: projectRoot
    })
    let timelines = 0
    let breaches = 0
    for (const page of index.pages) {
      const rendered = render(page.contentPath, page.source)
      const visit = visits.get(page.permalink)!
      const milestones = rendered.sla?.milestones?.length ?? 0
      if (visit.timelines.length > 0) {
        timelines++
        expect(visit.timelines, page.contentPath).toEqual([{bars: milestones, rows: milestones}])
      }

      // A page with `{{< sla-breaches >}}` shows each breach the engine found as a danger callout.
      const notices = rendered.report?.notices.filter((notice) => notice.kind === 'breach').length ?? 0
      if (!page.source.includes('{{< sla-breaches >}}')) continue
      breaches += notices
      expect(visit.breachNotices, page.contentPath).toBe(notices)
    }

    expect(timelines).toBe(1)
    // The breached examples (an uptime below its objective, late tickets) show their notices.
    expect(breaches).toBeGreaterThanOrEqual(3)
  })

  it('switches tabs with the site script', () => {
    const switched = [...visits.values()].filter((item) => item.tabsSwitch !== undefined)
    expect(switched.length).toBeGreaterThan(0)
    expect(switched.every((item) => item.tabsSwitch === true)).toBe(true)
  })

  it('saves a screenshot of every page', () => {
    const files = fs.readdirSync(screenshots).filter((file) => file.endsWith('.png'))
    expect(files.length).toBeGreaterThanOrEqual(visits.size)
    for (const file of files) expect(fs.readFileSync(path.join(screenshots, file)).subarray(1, 4).toString()).toBe('PNG')
  })
})

describe('the dev server in chromium', () => {
  if (!fs.existsSync(chromiumPath)) {
    it.skip('needs chromium at /usr/bin/chromium (Debian: apt-get install chromium)', () => {})
    return
  }

  it('updates an edited page in place, shows a broken edit in the overlay and recovers after the fix', async () => {
    const root = folderWith({'content/docs/a.md': '---\ntitle: Live page\n---\n## First version\n\nText.\n'})
    const file = path.join(root, 'content', 'docs', 'a.md')
    const dev = await startDevServer({input: root, port: 0, logLevel: 'silent', asOf})
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    try {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(new URL('docs/a/', dev.url).href)
      await page.locator('h2#first-version').waitFor()
      // A mark on the window: a reload would lose it.
      await page.evaluate(() => ((globalThis as unknown as {slamarkMark: number}).slamarkMark = 1))

      // The watcher may still be scanning a fresh folder: write until the page changes.
      const edit = async (text: string, done: () => Promise<unknown>): Promise<void> => {
        for (let attempt = 0; ; attempt++) {
          fs.writeFileSync(file, attempt % 2 === 0 ? text : `${text}\n`)
          try {
            await done()
            return
          } catch (error) {
            if (attempt === 4) throw error
          }
        }
      }

      await edit('---\ntitle: Live page\n---\n## Second version\n\nText.\n', () => page.locator('h2#second-version').waitFor({timeout: 3000}))
      expect(await page.evaluate(() => (globalThis as unknown as {slamarkMark?: number}).slamarkMark)).toBe(1)

      await edit('---\ntitle: Live page\n---\nBroken {{< callout context="tip" >}} here.\n', () => page.locator('vite-error-overlay').waitFor({timeout: 3000}))
      const overlay = await page.locator('vite-error-overlay').evaluate((element) => (element as unknown as {shadowRoot: {textContent: string}}).shadowRoot.textContent)
      expect(overlay).toContain('shortcode-unclosed')
      expect(overlay).toContain('a.md:4:7')

      await edit('---\ntitle: Live page\n---\n## Fixed version\n\nText.\n', () => page.locator('h2#fixed-version').waitFor({timeout: 3000}))
      await page.locator('vite-error-overlay').waitFor({state: 'detached', timeout: 5000})
      expect(errors).toEqual([])
      fs.mkdirSync(screenshots, {recursive: true})
      await page.screenshot({path: path.join(screenshots, 'dev-server.png')})
    } finally {
      await browser.close()
      await dev.close()
    }
  })
})
