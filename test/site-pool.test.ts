/**
 * The render pool (`src/site/pool.ts`): pages rendered on worker threads
 * (the compiled `dist/site/render-worker.js`), the same result as on this
 * thread, and a worker that runs out of its capped memory replaced by one
 * without the cap, the page rendered all the same.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createSitePageRenderer, type SiteRenderSettings} from '../src/site/page-render.js'
import {createRenderPool} from '../src/site/pool.js'
import {folderWith} from './support/folders.js'

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
