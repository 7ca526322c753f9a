/**
 * What the site checks need to know of a page, gathered in the same pass as
 * its own checks: its anchors (Hugo's heading ids), its links into other
 * pages, whether it is a draft, its `sla.id`, and its suppression comments.
 * Plain, serialisable data: it crosses worker threads and sits in the cache,
 * so a page that did not change is never parsed again for the site checks.
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {pageAnchors} from '../render/anchors.js'
import {parseGoUrl} from '../render/go-url.js'
import {hugoPermalink} from '../render/permalink.js'
import {lineIndexFor} from '../syntax/line-index.js'
import type {HugoShortcodeData} from '../syntax/types.js'
import {parseSuppressions, type Suppression} from './suppressions.js'
import {isShortcode, walk} from './walk.js'

/** A link from the page to a page or heading. */
export interface LinkFact {
  /** A Markdown link or link definition, or a `ref`/`relref` call. */
  kind: 'link' | 'ref' | 'relref'
  /** The destination or path as written. */
  destination: string
  /** The page path, percent-decoded (`''`: this page). */
  path: string
  /** The fragment, percent-decoded (`''`: none). */
  fragment: string
  /** The page Hugo resolves it from: the page, or the home page (`markdownify` in `details` and `card`). */
  from: 'page' | 'home'
  place: Position | undefined
}

/** What the site checks know of one page. */
export interface PageFacts {
  draft: boolean
  /** Its relative permalink (Hugo's rules, `slug` and `url` honoured). */
  permalink: string
  /** Every id its HTML carries (headings, attribute lines, raw HTML), in order. */
  anchors: string[]
  links: LinkFact[]
  slaId?: {id: string; place: Position | undefined}
  suppressions: Suppression[]
}

declare module 'vfile' {
  interface DataMap {
    /** What the site checks know of the page (set by the lint chain). */
    lintFacts: PageFacts
  }
}

// Shortcodes whose body Doks renders with `markdownify`, which Hugo renders as the home page.
const markdownified = new Set(['details', 'card'])

/** The facts of a page nothing could be learnt from (unreadable, or the chain failed on it). */
export function emptyFacts(): PageFacts {
  return {draft: false, permalink: '', anchors: [], links: [], suppressions: []}
}

/**
 * A page's `sla.id` and where it is written, when it has one.
 *
 * @param file
 *   The page, its front matter read.
 */
export function slaIdFact(file: VFile): PageFacts['slaId'] {
  const sla = file.data.frontmatter?.sla
  const id = typeof sla === 'object' && sla !== null ? (sla as {id?: unknown}).id : undefined
  if (typeof id !== 'string') return undefined
  const where = file.data.frontmatterLocate?.(['sla', 'id'])
  const lines = lineIndexFor(file)
  return {id, place: where ? {start: lines.toPoint(where.start), end: lines.toPoint(where.end)} : undefined}
}

/**
 * Gather a page's facts into `file.data.lintFacts`. The page's path under
 * `content/` is `file.data.contentPath` (default: the file's path).
 */
export function remarkLintFacts(this: Processor) {
  const processor = this
  return function (tree: Root, file: VFile): undefined {
    const source = String(file.value ?? '')
    const settings = processor.data('slamarkLint')
    const frontmatter = file.data.frontmatter ?? {}
    const contentPath = file.data.contentPath ?? file.path ?? ''
    const anchors = pageAnchors(tree, source, settings?.render).map((item) => item.id)
    const facts: PageFacts = {
      draft: frontmatter.draft === true || frontmatter.draft === 'true',
      permalink: hugoPermalink(contentPath, frontmatter),
      anchors,
      links: pageLinks(tree),
      suppressions: parseSuppressions(tree, source)
    }

    const slaId = slaIdFact(file)
    if (slaId) facts.slaId = slaId
    file.data.lintFacts = facts
    return undefined
  }
}

/**
 * The page's links to pages and headings, in document order.
 *
 * @param tree
 *   The page.
 */
export function pageLinks(tree: Root): LinkFact[] {
  const links: LinkFact[] = []
  walk(tree, (node, context) => {
    const from = context.shortcodes.some((item) => markdownified.has(item.name)) ? 'home' : 'page'

    if (node.type === 'link' || node.type === 'definition') {
      const calls = (node.data?.shortcodes ?? []).filter((call) => call.name === 'ref' || call.name === 'relref')
      if (calls.length > 0) for (const call of calls) pushRef(links, call, call.position, from)
      else pushLink(links, node.url, node.position, from)
      return
    }

    if (isShortcode(node) && (node.name === 'ref' || node.name === 'relref') && node.data?.hugo) {
      pushRef(links, node.data.hugo, node.position, from)
      return false
    }

    return undefined
  })
  return links
}

function pushLink(links: LinkFact[], destination: string, place: Position | undefined, from: LinkFact['from']): void {
  if (destination === '' || destination === 'abbr' || destination === 'dfn' || destination.startsWith('//')) return
  const url = parseGoUrl(destination)
  if (!url || url.scheme !== '' || url.hasAuthority) return
  if (url.path === '' && url.fragment === '') return
  links.push({kind: 'link', destination, path: url.path, fragment: url.fragment, from, place})
}

function pushRef(links: LinkFact[], call: HugoShortcodeData, place: Position | undefined, from: LinkFact['from']): void {
  const param = call.params.find((item) => item.name === 'path') ?? call.params.find((item) => item.name === undefined)
  if (!param || typeof param.value !== 'string') return
  const value = param.value
  const hash = value.indexOf('#')
  const path = hash === -1 ? value : value.slice(0, hash)
  const fragment = hash === -1 ? '' : value.slice(hash + 1)
  links.push({kind: call.name as 'ref' | 'relref', destination: value, path, fragment, from, place: param.position ?? place})
}
