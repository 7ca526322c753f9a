import type {ElementContent, Root as HastRoot} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {parseFrontMatter} from '../frontmatter/index.js'
import {detectFrontMatter} from '../hugo/front-matter-detect.js'
import {report, ruleUrl} from '../syntax/messages.js'
import {parsePage} from '../syntax/parse.js'
import {createPageState, renderDocument} from './document.js'
import {handlers} from './handlers.js'
import {resolveSettings} from './options.js'
import {hugoPermalink} from './permalink.js'
import {buildToc} from './toc.js'
import type {RenderOptions, RenderedPage} from './types.js'

/**
 * Render a parsed page as Hugo 0.111 renders `.Content` and
 * `.TableOfContents` (Goldmark with Hugo's defaults, or the `markup`
 * settings given).
 *
 * @param tree
 *   The page's tree, as `parsePage` or `remarkHugo` gives it.
 * @param source
 *   The page's source, which the tree's positions point into.
 * @param options
 *   Renderer options.
 * @param file
 *   The file that messages go to (default: a new one); its `data.contentPath`
 *   and `data.permalink`, when set, win over the options'.
 * @param frontmatter
 *   The page's front matter (`toc: false` leaves the table of contents empty).
 */
export function renderTree(
  tree: Root,
  source: string,
  options?: RenderOptions | null,
  file?: VFile,
  frontmatter?: Record<string, unknown>
): RenderedPage {
  const settings = resolveSettings(options)
  const target = file ?? new VFile({value: source})
  const before = target.messages.length
  const contentPath = target.data.contentPath ?? options?.contentPath ?? undefined
  const permalink = target.data.permalink ?? options?.permalink ?? (contentPath === undefined ? undefined : hugoPermalink(contentPath, frontmatter ?? {}))
  const page = createPageState(settings, target, source, {permalink, contentPath, handlers})

  let children: ElementContent[]
  try {
    children = renderDocument(tree, page)
  } catch (error) {
    // mdast-util-to-hast recurses per level of nesting; a hostile page can be deeper than the stack.
    if (!(error instanceof RangeError)) throw error
    tooDeep(target, tree.position)
    children = []
    page.headings = []
    page.toc = []
  }

  const root: HastRoot = {type: 'root', children}
  options?.onHast?.(root, {file: target, toHtml: (nodes) => toHtml({type: 'root', children: nodes}, settings.toHtml)})
  return {
    html: toHtml(root, settings.toHtml),
    toc: frontmatter?.toc === false ? '' : buildToc(page.toc, settings.toc),
    headings: page.headings,
    messages: target.messages.slice(before)
  }
}

function tooDeep(file: VFile, place: Root['position']): void {
  const message = file.message('Unexpected nesting too deep to render, expected fewer levels of lists, quotes or emphasis', {
    place,
    ruleId: 'render-too-deep',
    source: 'slamark'
  })
  message.fatal = true
  message.url = ruleUrl('render-too-deep')
  message.note = 'Nothing of the page is rendered; flatten the nesting'
}

/**
 * Render a Hugo/Doks page (front matter, shortcodes and all) to HTML, as
 * Hugo 0.111's Goldmark with its defaults renders it, or with a site's
 * `markup` settings (Doks: `unsafe`, no `linkify`, block attributes).
 * Never throws: problems are in `messages`.
 *
 * @param source
 *   The whole file.
 * @param options
 *   Renderer options.
 */
export function renderPage(source: string, options?: RenderOptions | null): RenderedPage {
  const settings = resolveSettings(options)
  const file = new VFile({value: source})
  let parsed: ReturnType<typeof parsePage>
  try {
    parsed = parsePage(source, settings.parse)
  } catch (error) {
    // The Markdown parser's tree transforms recurse too; never throw on a page.
    if (!(error instanceof RangeError)) throw error
    tooDeep(file, undefined)
    return {html: '', toc: '', headings: [], messages: [...file.messages]}
  }

  for (const item of parsed.diagnostics.sort((a, b) => a.start - b.start)) report(file, item, parsed.lines)
  const block = parsed.page.frontMatter
  return renderTree(parsed.tree, source, options, file, block ? parseFrontMatter(block).data : undefined)
}

/**
 * A page's front matter data, read from its source (for files that did not
 * go through `remarkFrontmatterData`).
 *
 * @param source
 *   The whole file.
 */
export function frontMatterOf(source: string): Record<string, unknown> | undefined {
  const block = detectFrontMatter(source).block
  return block ? parseFrontMatter(block).data : undefined
}
