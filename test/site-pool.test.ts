/**
 * The render pool (`src/site/pool.ts`): pages rendered on worker threads
 * (the bundled `dist/site/render-worker.bundle.js` that `npm run build`
 * makes, or the compiled `render-worker.js` when the bundle is of an
 * earlier compile), the same result as on this thread for every example
 * page, and a worker that runs out of its capped memory replaced by one
 * without the cap, the page rendered all the same.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {listContentPages} from '../src/site/discover.js'
import {createSitePageRenderer, type SiteRenderSettings} from '../src/site/page-render.js'
import {createRenderPool, workerScriptIn} from '../src/site/pool.js'
import {warmUp, warmUpSource} from '../src/site/warm-up.js'
import {freshBundle} from '../src/util/fresh-bundle.js'
import {folderWith} from './support/folders.js'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const source = '---\ntitle: A\n---\n## Heading\n\nSee [B](b.md).\n'

function settingsFor(root: string): SiteRenderSettings {
  return {
    root,
    site: undefined,
    contentDir: path.join(root, 'content'),
    markup: {},
    asOf: '2026-01-01T00:00:00Z',
    production: true,
    entries: [
      {contentPath: 'a.md', permalink: '/a/'},
      {contentPath: 'b.md', permalink: '/b/'}
    ],
    cwd: root
  }
}

describe('createRenderPool', () => {
  it('renders on workers what the page renderer renders here, lean when asked', async () => {
    const root = folderWith({'content/a.md': source})
    const settings = settingsFor(root)
    const here = createSitePageRenderer(settings)('a.md', source)
    const pool = createRenderPool(100, 2)
    try {
      expect(pool.workers).toBe(2)
      pool.init(settings)
      const [full, lean] = await Promise.all([pool.render('a.md', source, {lean: false, cacheLog: undefined}), pool.render('a.md', source, {lean: true, cacheLog: undefined})])
      expect(full).toEqual({page: here, kept: undefined})
      expect(lean).toEqual({page: {...here, frontmatter: {}, page: undefined, sla: undefined, report: undefined}, kept: undefined})
      expect(here.html).toContain('<a class="link link--text" href="/b/">B</a>')
      expect(here.links).toEqual([{kind: 'link', path: 'b.md', from: 'page', result: '/b/ page'}])
    } finally {
      await pool.close()
    }
  })

  it('renders every example page on the bundled worker as the pipeline renders it here', async () => {
    const script = workerScriptIn(pathToFileURL(path.join(projectRoot, 'dist', 'site') + path.sep))
    expect(script && path.basename(fileURLToPath(script)), 'dist/site/render-worker.bundle.js is missing or older than the compiled worker: run `npm run build`').toBe('render-worker.bundle.js')
    const contentDir = path.join(projectRoot, 'content-examples')
    const pages = await listContentPages(contentDir)
    const settings: SiteRenderSettings = {
      root: contentDir,
      site: undefined,
      contentDir,
      markup: {},
      asOf: '2026-11-22T12:00:00Z',
      production: true,
      entries: pages.map((contentPath) => ({contentPath, permalink: `/${contentPath.replace(/(?:\/?_?index)?\.md$/, '')}/`.replace('//', '/')})),
      cwd: projectRoot
    }
    const here = createSitePageRenderer(settings)
    const pool = createRenderPool(100, 2)
    try {
      pool.init(settings)
      const rendered = await Promise.all(pages.map((contentPath) => pool.render(contentPath, fs.readFileSync(path.join(contentDir, contentPath), 'utf8'), {lean: false, cacheLog: undefined})))
      expect(rendered.map(({page}) => page)).toEqual(pages.map((contentPath) => here(contentPath, fs.readFileSync(path.join(contentDir, contentPath), 'utf8'))))
      expect(rendered.filter(({page}) => page.report !== undefined).length).toBeGreaterThanOrEqual(3)
    } finally {
      await pool.close()
    }
  })

  it('warms a worker up on a page that goes through validation, the engine and the shortcodes without a message', () => {
    const folder = folderWith({})
    const rendered = createSitePageRenderer({...settingsFor(folder), contentDir: folder, entries: [{contentPath: 'warm-up.md', permalink: '/warm-up/'}]})('warm-up.md', warmUpSource)
    expect(rendered.files.flatMap((file) => file.messages)).toEqual([])
    expect([rendered.report?.slaId, rendered.report?.tickets.length]).toEqual(['warm-up-till-support', 2])
    for (const part of ['class="sla-targets"', 'class="sla-breaches"', 'class="sla-value"', 'class="callout callout-tip', '<table>', 'class="footnotes"']) expect(rendered.html).toContain(part)
    expect(() => warmUp()).not.toThrow()
  })

  it('takes the bundle only when it was made from the compiled worker beside it', () => {
    const folder = folderWith({'render-worker.js': '', 'render-worker.bundle.js': ''})
    const url = pathToFileURL(folder + path.sep)
    const at = (name: string, seconds: number): void => fs.utimesSync(path.join(folder, name), seconds, seconds)
    at('render-worker.js', 1_000_000)
    at('render-worker.bundle.js', 1_000_001)
    expect(path.basename(fileURLToPath(workerScriptIn(url)!))).toBe('render-worker.bundle.js')
    expect(freshBundle(new URL('render-worker.bundle.js', url), new URL('render-worker.js', url))?.href).toBe(new URL('render-worker.bundle.js', url).href)
    // `tsc` ran again after the bundle was made: the bundle holds the earlier compile.
    at('render-worker.js', 1_000_002)
    expect(path.basename(fileURLToPath(workerScriptIn(url)!))).toBe('render-worker.js')
    expect(freshBundle(new URL('render-worker.bundle.js', url), new URL('render-worker.js', url))).toBeUndefined()
    fs.rmSync(path.join(folder, 'render-worker.bundle.js'))
    expect(path.basename(fileURLToPath(workerScriptIn(url)!))).toBe('render-worker.js')
    fs.rmSync(path.join(folder, 'render-worker.js'))
    expect(workerScriptIn(url)).toBeUndefined()
  })

  it('replaces a worker that runs out of its capped memory by one without the cap', async () => {
    const root = folderWith({'content/a.md': source})
    // 4 MiB cannot even load the pipeline: the first worker dies, the page still renders.
    const pool = createRenderPool(100, 1, 4)
    try {
      pool.init(settingsFor(root))
      const {page} = await pool.render('a.md', source, {lean: true, cacheLog: undefined})
      expect(page.html).toContain('<h2 id="heading">Heading</h2>')
      expect(pool.workers).toBe(1)
    } finally {
      await pool.close()
    }
  })
})
