/**
 * A throw-away Hugo site built from the real Doks templates, for comparing
 * slamark's renderer with what Hugo and Doks print.
 *
 * The site holds Doks 1.9's shortcodes and render hooks
 * (`@thulite/doks-core`), `@thulite/inline-svg`'s partials and shortcode, and
 * Tabler's icons mounted where Doks mounts them (`assets/svgs/tabler-icons`).
 * Doks 1.9 is written for Hugo ≥ 0.146 (`layouts/_shortcodes`, `_partials`,
 * `_markup`); Debian's Hugo 0.111 reads the older names (`layouts/shortcodes`,
 * `partials`, `_default/_markup`), so the files are copied under those names.
 * Where a template uses something 0.111 lacks, the copy is patched or left out;
 * every such change is listed in {@link templatePatches} and {@link omittedTemplates}.
 *
 * The page layout prints only `.Content` and `.TableOfContents` between
 * markers, so the harness hands back both separately. All pages go into one
 * site and one `hugo` run.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {hugoPermalink} from '../../src/render/permalink.js'
import {cleanEnv} from './hugo.js'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const doksLayouts = path.join(projectRoot, 'node_modules', '@thulite', 'doks-core', 'layouts')
const inlineSvgLayouts = path.join(projectRoot, 'node_modules', '@thulite', 'inline-svg', 'layouts')
/** Tabler's icon folder, mounted as Doks' `config/_default/module.toml` does. */
export const tablerIconsDir = path.join(projectRoot, 'node_modules', '@tabler', 'icons', 'icons')

/**
 * The Doks starter's `config/_default/markup.toml` (thuliteio/doks), as a JS
 * object: linkify off, block attributes on, raw HTML kept, Chroma with
 * classes, TOC levels 2–3. Typographer and the other extensions keep Hugo's
 * defaults (on). The starter's later `passthrough` extension is not set:
 * Hugo 0.111 has none.
 */
export const doksMarkup = {
  defaultMarkdownHandler: 'goldmark',
  goldmark: {
    extensions: {linkify: false},
    parser: {autoHeadingID: true, autoHeadingIDType: 'github', attribute: {block: true, title: true}},
    renderer: {unsafe: true}
  },
  highlight: {
    anchorLineNos: false,
    codeFences: true,
    guessSyntax: false,
    hl_Lines: '',
    hl_inline: false,
    lineAnchors: '',
    lineNoStart: 1,
    lineNos: false,
    lineNumbersInTable: false,
    noClasses: false,
    noHl: false,
    style: 'github-dark',
    tabWidth: 4
  },
  tableOfContents: {endLevel: 3, ordered: false, startLevel: 2}
} as const

/** Hugo's own markup defaults: an empty `markup` block. */
export const hugoDefaultMarkup = {} as const

/** One template copied from a package into the site: where from, where to. */
interface TemplateCopy {
  from: string
  to: string
}

/**
 * Doks templates Hugo 0.111 cannot parse, so the site leaves them out (a
 * parse error in any template fails the whole build).
 */
export const omittedTemplates: Record<string, string> = {
  '_shortcodes/math.html': 'uses `try` (Hugo 0.141) and needs Hugo 0.147',
  '_shortcodes/kroki.html': 'uses `try` (Hugo 0.141) and needs Hugo 0.147',
  '_markup/render-codeblock-math.html': 'uses `try` (Hugo 0.141)',
  '_markup/render-codeblock-kroki.html': 'uses `try` (Hugo 0.141)'
}

/** A minimal textual change to one copied template, and why. */
export interface TemplatePatch {
  /** Package-relative template path (`_shortcodes/card.html`). */
  file: string
  /** Why Hugo 0.111 needs it. */
  reason: string
  from: string
  to: string
}

/**
 * Every change made to a Doks template for Hugo 0.111. Each must match
 * (the harness throws otherwise), so an updated template cannot slip by.
 */
export const templatePatches: TemplatePatch[] = [
  {
    file: '_shortcodes/card.html',
    // Hugo ≥ 0.146 resolves `partial "inline/card.html"` under `_partials/`, 0.111 under `partials/`.
    reason: 'inline partial defined as `_partials/…`, which Hugo 0.111 looks up as `partials/…`',
    from: '{{- define "_partials/inline/card.html" }}',
    to: '{{- define "partials/inline/card.html" }}'
  },
  {
    file: '_shortcodes/link-card.html',
    reason: 'inline partial defined as `_partials/…`, which Hugo 0.111 looks up as `partials/…`',
    from: '{{- define "_partials/inline/link-card.html" }}',
    to: '{{- define "partials/inline/link-card.html" }}'
  }
]

function templateCopies(renderHooks: boolean): TemplateCopy[] {
  const copies: TemplateCopy[] = []
  const addFolder = (root: string, from: string, to: string): void => {
    for (const name of fs.readdirSync(path.join(root, from)).sort()) {
      const source = `${from}/${name}`
      if (root === doksLayouts && source in omittedTemplates) continue
      copies.push({from: path.join(root, source), to: path.join(to, name)})
    }
  }

  addFolder(doksLayouts, '_shortcodes', 'shortcodes')
  if (renderHooks) addFolder(doksLayouts, '_markup', '_default/_markup')
  // The one Doks partial a content template calls: `render-link.html` → `main/email` for `mailto:` links.
  copies.push({from: path.join(doksLayouts, '_partials/main/email.html'), to: 'partials/main/email.html'})
  addFolder(inlineSvgLayouts, '_partials', 'partials')
  addFolder(inlineSvgLayouts, '_shortcodes', 'shortcodes')
  return copies
}

function patched(from: string, text: string): string {
  const relative = path.relative(doksLayouts, from).split(path.sep).join('/')
  let result = text
  for (const patch of templatePatches) {
    if (patch.file !== relative) continue
    if (!result.includes(patch.from)) throw new Error(`template patch no longer applies to ${patch.file}: ${patch.from}`)
    result = result.replace(patch.from, patch.to)
  }

  return result
}

// Content and TOC are cut out of each output file between these; `@@` never
// appears in Hugo's output on its own, and the page path guards the mapping.
const marker = {
  page: '@@SLAMARK-PAGE ',
  content: '@@SLAMARK-CONTENT@@',
  contentEnd: '@@SLAMARK-END-CONTENT@@',
  toc: '@@SLAMARK-TOC@@',
  tocEnd: '@@SLAMARK-END-TOC@@',
  top: '@@SLAMARK-TOP@@',
  topEnd: '@@SLAMARK-END-TOP@@'
}

const pageLayout = (top: string): string =>
  `${marker.page}{{ with .File }}{{ .Path | base64Encode }}{{ end }}@@` +
  (top === '' ? '' : `${marker.top}${top}${marker.topEnd}`) +
  `${marker.content}{{ .Content }}${marker.contentEnd}` +
  `${marker.toc}{{ .TableOfContents }}${marker.tocEnd}`

/** Options of {@link renderWithHugoDoks}. */
export interface HugoDoksOptions {
  /**
   * Hugo's `markup` block as a JS object (written into the site's JSON
   * config); {@link doksMarkup} by default, {@link hugoDefaultMarkup} for
   * Hugo's own defaults.
   */
  markup?: object
  /**
   * Include Doks' render hooks (`render-link.html`, `render-codeblock*.html`);
   * default `true`. Without them links and code blocks are Goldmark's and
   * Chroma's own, which tells a hook's doing from Goldmark's.
   */
  renderHooks?: boolean
  /** More module mounts (`{source, target}`, sources absolute); the site's own `layouts/` stays mounted. */
  mounts?: ReadonlyArray<{source: string; target: string}>
  /**
   * Template text the page layout prints before `.Content` (such as a
   * partial call); its output is the page's `top`.
   */
  pageTop?: string
}

/** One page as Hugo printed it. */
export interface HugoDoksPage {
  /** What {@link HugoDoksOptions.pageTop} printed (`''` without it). */
  top: string
  /** `.Content`. */
  html: string
  /** `.TableOfContents` (`<nav id="TableOfContents">…</nav>`, or empty). */
  toc: string
}

/** What one `hugo` run printed: pages by content path, and its warnings. */
export interface HugoDoksBuild {
  pages: Record<string, HugoDoksPage>
  /** `WARN` lines Hugo logged (a missing icon, a link it could not resolve). */
  warnings: string[]
}

/**
 * Where Hugo writes a content file (default permalinks, no `slug`/`url` in
 * front matter): `a/b.md` → `a/b/index.html`, `a/b/index.md` and
 * `a/b/_index.md` → `a/b/index.html`, `_index.md` → `index.html`, the path
 * lower-cased and sanitised. Built on slamark's `hugoPermalink`, so every
 * build checks that function against the files Hugo wrote.
 *
 * @param contentPath
 *   Path relative to `content/`, with `/`.
 */
export function outputPathOf(contentPath: string): string {
  const permalink = hugoPermalink(contentPath)
  return `${permalink.slice(1).split('/').map((segment) => decodeURIComponent(segment)).join('/')}index.html`
}

function between(text: string, start: string, end: string, file: string): string {
  const from = text.indexOf(start)
  const to = from === -1 ? -1 : text.indexOf(end, from + start.length)
  if (from === -1 || to === -1) throw new Error(`no ${start.trim()} … ${end} markers in ${file}`)
  return text.slice(from + start.length, to)
}

function checkContentPath(contentPath: string): void {
  if (path.isAbsolute(contentPath) || contentPath.split('/').includes('..') || !/\.(md|markdown)$/.test(contentPath)) {
    throw new Error(`content path must be a relative .md path inside content/: ${contentPath}`)
  }
}

/** Options of {@link writeHugoDoksSite}. */
export interface HugoDoksSiteOptions extends HugoDoksOptions {
  /** The template of every page and list page (`layouts/_default/single.html` and `list.html`). */
  layout: string
  /** Kinds Hugo does not build (default: taxonomies, RSS, sitemap, robots.txt, 404). */
  disableKinds?: string[]
}

/**
 * Write a Hugo site's templates and configuration into a folder: Doks 1.9's
 * shortcodes (and render hooks), `@thulite/inline-svg`, Tabler's icons
 * mounted where Doks mounts them, the given page layout, and `config.json`
 * with the `markup` block. The content is the caller's (`content/`).
 *
 * @param root
 *   The site folder.
 * @param options
 *   The layout, the `markup` configuration and the render hooks.
 */
export function writeHugoDoksSite(root: string, options: HugoDoksSiteOptions): void {
  const layouts = path.join(root, 'layouts')
  for (const copy of templateCopies(options.renderHooks ?? true)) {
    const target = path.join(layouts, copy.to)
    fs.mkdirSync(path.dirname(target), {recursive: true})
    fs.writeFileSync(target, patched(copy.from, fs.readFileSync(copy.from, 'utf8')))
  }

  fs.mkdirSync(path.join(layouts, '_default'), {recursive: true})
  fs.writeFileSync(path.join(layouts, '_default', 'single.html'), options.layout)
  fs.writeFileSync(path.join(layouts, '_default', 'list.html'), options.layout)
  fs.mkdirSync(path.join(root, 'assets'), {recursive: true})

  const config = {
    baseURL: 'https://example.org/',
    disableKinds: options.disableKinds ?? ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404'],
    markup: options.markup ?? doksMarkup,
    module: {
      mounts: [
        {source: 'assets', target: 'assets'},
        {source: tablerIconsDir, target: 'assets/svgs/tabler-icons'},
        ...(options.mounts && options.mounts.length > 0 ? [{source: 'layouts', target: 'layouts'}, ...options.mounts] : [])
      ]
    }
  }
  fs.writeFileSync(path.join(root, 'config.json'), JSON.stringify(config, null, 2))
}

/**
 * Build the given pages with Hugo 0.111 and Doks' templates, in one run, and
 * return each page's `.Content` and `.TableOfContents` and Hugo's warnings.
 * Throws with Hugo's output when the build fails.
 *
 * @param pages
 *   Source by content-relative path (`docs/a.md`, `docs/_index.md`).
 * @param options
 *   The `markup` configuration.
 */
export function buildWithHugoDoks(pages: Record<string, string>, options: HugoDoksOptions = {}): HugoDoksBuild {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-hugo-doks-'))
  try {
    assembleHugoDoksSite(root, options)
    for (const [contentPath, source] of Object.entries(pages)) {
      checkContentPath(contentPath)
      const file = path.join(root, 'content', contentPath)
      fs.mkdirSync(path.dirname(file), {recursive: true})
      fs.writeFileSync(file, source)
    }

    return runHugoDoksSite(root, Object.keys(pages))
  } finally {
    fs.rmSync(root, {recursive: true, force: true})
  }
}

/**
 * Write the layouts and configuration of a Hugo site with Doks' templates
 * into `root` (content is the caller's).
 *
 * @param root
 *   An empty folder.
 * @param options
 *   The `markup` configuration, render hooks, more mounts, the page's top.
 */
export function assembleHugoDoksSite(root: string, options: HugoDoksOptions = {}): void {
  writeHugoDoksSite(root, {...options, layout: pageLayout(options.pageTop ?? '')})
}

/**
 * Run `hugo` on a site made by {@link assembleHugoDoksSite} and read back
 * the given pages. Throws with Hugo's output when the build fails.
 *
 * @param root
 *   The site.
 * @param contentPaths
 *   The pages to read back, by content path.
 */
export function runHugoDoksSite(root: string, contentPaths: readonly string[]): HugoDoksBuild {
  const result = spawnSync(
    'hugo',
    ['--source', root, '--destination', path.join(root, 'public'), '--cacheDir', path.join(root, '.cache')],
    {encoding: 'utf8', timeout: 120_000, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024}
  )
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`hugo failed (exit ${result.status}):\n${result.stderr}${result.stdout}`)

  const warnings = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .filter((line) => /^WARN\b/.test(line))
    .map((line) => line.replace(/^WARN\s+\S+\s+\S+\s+/, '').trim())

  const rendered: Record<string, HugoDoksPage> = {}
  for (const contentPath of contentPaths) {
    const output = path.join(root, 'public', outputPathOf(contentPath))
    if (!fs.existsSync(output)) throw new Error(`hugo wrote no ${outputPathOf(contentPath)} for ${contentPath}`)
    const text = fs.readFileSync(output, 'utf8')
    const printedPath = Buffer.from(between(text, marker.page, '@@', output), 'base64').toString('utf8')
    if (printedPath.split(path.sep).join('/') !== contentPath) {
      throw new Error(`${outputPathOf(contentPath)} holds ${printedPath}, not ${contentPath}`)
    }

    rendered[contentPath] = {
      top: text.includes(marker.top) ? between(text, marker.top, marker.topEnd, output) : '',
      html: between(text, marker.content, marker.contentEnd, output),
      toc: between(text, marker.toc, marker.tocEnd, output)
    }
  }

  return {pages: rendered, warnings}
}

/**
 * Render pages with Hugo and Doks' templates (one `hugo` run for all of them).
 *
 * @param pages
 *   Source by content-relative path.
 * @param options
 *   The `markup` configuration ({@link doksMarkup} by default).
 * @returns
 *   `.Content` and `.TableOfContents` by content path.
 */
export async function renderWithHugoDoks(
  pages: Record<string, string>,
  options: HugoDoksOptions = {}
): Promise<Record<string, HugoDoksPage>> {
  return buildWithHugoDoks(pages, options).pages
}
