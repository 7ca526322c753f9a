/**
 * Site discovery and the site index (`src/site/discover.ts`,
 * `src/site/site-index.ts`): what a folder is, which files are pages, and
 * each page's kind, permalink, output file and draft flag. The files Hugo
 * 0.111 writes for the same content (with and without `--buildDrafts`) are
 * the expected outputs.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {describe, expect, it} from 'vitest'
import {buildSiteIndex, discoverSite, listContentPages, outputPathOf} from '../src/site/index.js'
import {folderWith} from './support/folders.js'
import {cleanEnv, hugoAvailable, hugoVersion} from './support/hugo.js'

const page = (fields: string): string => `---\n${fields}\n---\nBody.\n`

/** Content that exercises Hugo's page rules: bundles, sections with and without `_index`, slug, url, drafts, ignored names. */
const content: Record<string, string> = {
  'content/_index.md': page('title: Home'),
  'content/docs/_index.md': page('title: Docs\nweight: 2'),
  'content/docs/a.md': page('title: A\nweight: 2'),
  'content/docs/B Page.md': page('title: B\nweight: 1'),
  'content/docs/sub/_index.md': page('title: Sub'),
  'content/docs/sub/c.md': page('title: C\nSlug: see'),
  'content/docs/plain/d.md': page('title: D'),
  'content/docs/bundle/index.md': page('title: Bundle'),
  'content/docs/bundle/notes.md': page('title: Resource'),
  'content/docs/draft.md': page('title: Draft\ndraft: true'),
  'content/docs/draft-string.md': page('title: Draft string\ndraft: "true"'),
  'content/docs/not-draft.md': page('title: Not a draft\ndraft: "yes"'),
  'content/docs/moved.md': page('title: Moved\nurl: /elsewhere/moved/'),
  'content/docs/file.md': page('title: File\nurl: /files/page.html'),
  'content/blog/post.md': '+++\ntitle = "Post"\ndraft = false\n+++\nBody.\n',
  'content/blog/json.md': '{"title": "JSON", "draft": true}\nBody.\n',
  'content/top.md': page('title: Top'),
  'content/.hidden.md': page('title: Hidden'),
  'content/docs/#scratch.md': page('title: Scratch')
}

describe('discoverSite', () => {
  it('finds a site by its configuration or content folder, and the site around a content folder given directly', () => {
    const root = folderWith({'hugo.toml': 'contentDir = "pages"\n', 'pages/a.md': page('title: A'), 'layouts/page.html': '<main></main>'})
    const site = discoverSite(root)!
    expect([site.kind, site.root, site.contentDir, site.layoutsDir]).toEqual(['site', root, path.join(root, 'pages'), path.join(root, 'layouts')])
    expect(discoverSite(path.join(root, 'pages'))?.root).toBe(root)

    const plain = folderWith({'content/a.md': page('title: A')})
    expect(discoverSite(plain)).toMatchObject({kind: 'site', root: plain, contentDir: path.join(plain, 'content'), layoutsDir: undefined})
    expect(discoverSite(path.join(plain, 'content'))).toMatchObject({kind: 'site', root: plain})

    const pages = folderWith({'docs/a.md': page('title: A')})
    expect(discoverSite(pages)).toMatchObject({kind: 'content', root: pages, contentDir: pages, layoutsDir: undefined, config: {markup: {}, files: []}})
    expect(discoverSite(path.join(pages, 'missing'))).toBeUndefined()
    expect(discoverSite(path.join(pages, 'docs', 'a.md'))).toBeUndefined()
  })

  it('lists the Markdown pages Hugo reads, sorted, leaving out hidden, `#` and `~` names', async () => {
    const root = folderWith({...content, 'content/docs/a.md~': 'x', 'content/docs/notes.txt': 'x', 'content/docs/e.markdown': page('title: E')})
    const pages = await listContentPages(path.join(root, 'content'))
    expect(pages).toEqual([
      '_index.md',
      'blog/json.md',
      'blog/post.md',
      'docs/B Page.md',
      'docs/_index.md',
      'docs/a.md',
      'docs/bundle/index.md',
      'docs/bundle/notes.md',
      'docs/draft-string.md',
      'docs/draft.md',
      'docs/e.markdown',
      'docs/file.md',
      'docs/moved.md',
      'docs/not-draft.md',
      'docs/plain/d.md',
      'docs/sub/_index.md',
      'docs/sub/c.md',
      'top.md'
    ])
  })
})

describe('buildSiteIndex', () => {
  it('gives each page its kind, permalink, output file, draft flag and the section that lists it', async () => {
    const root = folderWith(content)
    const contentDir = path.join(root, 'content')
    const index = buildSiteIndex(contentDir, await listContentPages(contentDir))
    expect(index.pages.map((item) => [item.contentPath, item.kind, item.permalink, item.outputPath, item.parent])).toEqual([
      ['_index.md', 'home', '/', 'index.html', undefined],
      ['blog/post.md', 'page', '/blog/post/', 'blog/post/index.html', 'blog'],
      ['docs/B Page.md', 'page', '/docs/b-page/', 'docs/b-page/index.html', 'docs'],
      ['docs/_index.md', 'section', '/docs/', 'docs/index.html', ''],
      ['docs/a.md', 'page', '/docs/a/', 'docs/a/index.html', 'docs'],
      ['docs/bundle/index.md', 'bundle', '/docs/bundle/', 'docs/bundle/index.html', 'docs'],
      ['docs/file.md', 'page', '/files/page.html', 'files/page.html', 'docs'],
      ['docs/moved.md', 'page', '/elsewhere/moved/', 'elsewhere/moved/index.html', 'docs'],
      ['docs/not-draft.md', 'page', '/docs/not-draft/', 'docs/not-draft/index.html', 'docs'],
      ['docs/plain/d.md', 'page', '/docs/plain/d/', 'docs/plain/d/index.html', 'docs'],
      ['docs/sub/_index.md', 'section', '/docs/sub/', 'docs/sub/index.html', 'docs'],
      ['docs/sub/c.md', 'page', '/docs/sub/see/', 'docs/sub/see/index.html', 'docs/sub'],
      ['top.md', 'page', '/top/', 'top/index.html', '']
    ])
    expect(index.drafts.map((item) => item.contentPath)).toEqual(['blog/json.md', 'docs/draft-string.md', 'docs/draft.md'])
    expect(index.sections.map((section) => [section.key, section.permalink, section.title, section.sections, section.pages.map((item) => item.title)])).toEqual([
      ['', '/', 'Home', ['blog', 'docs'], ['Top']],
      ['blog', '/blog/', 'Blog', [], ['Post']],
      // Weighted pages first (1, 2), then the rest by date and title.
      ['docs', '/docs/', 'Docs', ['docs/sub'], ['B', 'A', 'Bundle', 'D', 'File', 'Moved', 'Not a draft']],
      ['docs/sub', '/docs/sub/', 'Sub', [], ['C']]
    ])
    expect(index.pageIndex.getPage('../a.md', 'docs/sub/c.md')?.permalink).toBe('/docs/a/')
    expect(index.pageIndex.getPage('draft.md', 'docs/a.md')).toBeUndefined()
    expect(index.files).toEqual([])

    const withDrafts = buildSiteIndex(contentDir, await listContentPages(contentDir), {drafts: true})
    expect(withDrafts.pages.length).toBe(index.pages.length + 3)
    expect(withDrafts.page('docs/draft.md')?.draft).toBe(true)
  })

  it('reports two pages at one permalink, and unreadable pages, instead of failing', async () => {
    const root = folderWith({'content/a.md': page('title: A\nurl: /same/'), 'content/b.md': page('title: B\nurl: /same/')})
    fs.symlinkSync('/etc/hostname', path.join(root, 'content', 'c.md'))
    const contentDir = path.join(root, 'content')
    const index = buildSiteIndex(contentDir, await listContentPages(contentDir), {cwd: root})
    expect(index.pages.map((item) => item.contentPath)).toEqual(['a.md', 'b.md'])
    expect(index.files.map((file) => [file.path, file.messages.map((message) => [message.ruleId, message.fatal, message.reason])])).toEqual([
      ['content/c.md', [['read-error', true, 'Unexpected link `c.md` to a file outside the content folder, expected a page inside it']]],
      ['content/b.md', [['page-permalink-duplicate', false, 'Unexpected permalink `/same/` already used by `a.md`, expected one page per permalink']]]
    ])
  })

  it('keeps every output file inside the output folder', () => {
    expect(outputPathOf('/../../etc/passwd/')).toBe('etc/passwd/index.html')
    expect(outputPathOf('/a/%2e%2e/%2e%2e/b.html')).toBe('b.html')
    expect(outputPathOf('/x/%C3%A9%20y/')).toBe('x/é y/index.html')
    expect(outputPathOf('/')).toBe('index.html')
  })
})

describe('buildSiteIndex against Hugo', () => {
  if (!hugoAvailable) {
    it.skip('needs hugo on PATH (Debian: apt-get install hugo)', () => {})
    console.warn('hugo not on PATH: the site index differential tests against Hugo did not run')
    return
  }

  console.info(`site index differential tests against ${hugoVersion()}`)

  for (const drafts of [false, true]) {
    it(`writes the pages Hugo writes, at the same files${drafts ? ' (with drafts)' : ''}`, async () => {
      const root = folderWith({
        ...content,
        'hugo.toml': 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n',
        'layouts/_default/single.html': '{{ .File.Path }}',
        // Hugo writes no file for empty output: the list layout always prints something.
        'layouts/_default/list.html': 'list {{ with .File }}{{ .Path }}{{ end }}'
      })
      const result = spawnSync('hugo', ['--source', root, '--quiet', ...(drafts ? ['--buildDrafts'] : [])], {encoding: 'utf8', env: cleanEnv(), timeout: 60_000})
      expect(result.status, result.stderr).toBe(0)
      const written = (await glob('**/*.html', {cwd: path.join(root, 'public')})).sort()
      const byHugo = Object.fromEntries(written.map((file) => [file, fs.readFileSync(path.join(root, 'public', file), 'utf8')]))

      const site = discoverSite(root)!
      const index = buildSiteIndex(site.contentDir, await listContentPages(site.contentDir), {drafts})
      const ours: Record<string, string> = {}
      for (const section of index.sections) ours[section.outputPath] = `list ${section.page?.contentPath ?? ''}`
      for (const item of index.pages) if (item.kind === 'page' || item.kind === 'bundle') ours[item.outputPath] = item.contentPath
      expect(ours).toEqual(byHugo)
    })
  }
})
