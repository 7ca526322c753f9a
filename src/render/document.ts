/**
 * Rendering state: the page (shared by every document on it) and each
 * Goldmark document (the page itself, and every body a shortcode renders
 * with `RenderString` or `markdownify`, with its own heading ids and
 * footnotes).
 */
import type {Element, ElementContent} from 'hast'
import type {Root} from 'mdast'
import {toHast, type Options, type State} from 'mdast-util-to-hast'
import type {VFile} from 'vfile'
import type {HugoShortcodeData} from '../syntax/types.js'
import {planDocument, type DocumentPlan} from './document-plan.js'
import type {HookContext} from './hooks/link.js'
import {HeadingIdCounter} from './heading-ids.js'
import type {RenderSettings} from './options.js'
import type {TocEntry} from './toc.js'
import type {QuoteCounter} from './typographer.js'
import type {RenderedHeading} from './types.js'

/** hast nodes the renderer made, by what they stand for. */
export interface Marks {
  /** Highlighter output, which Hugo does not follow with a line ending. */
  fence: WeakSet<ElementContent>
  /** Footnote references (left out of the table of contents). */
  footnote: WeakSet<ElementContent>
  /** Output of a shortcode (left out of the table of contents). */
  shortcode: WeakSet<ElementContent>
  /** Block-level output of a shortcode inside text (the paragraph is closed around it). */
  block: WeakSet<ElementContent>
  /** White space a render hook's template prints around its output (left out of the table of contents). */
  template: WeakSet<ElementContent>
}

/** What every document of one page shares. */
export interface PageState {
  settings: RenderSettings
  /** The file that rendering messages go to. */
  file: VFile
  /** The page's source, which the tree's positions point into. */
  source: string
  headings: RenderedHeading[]
  toc: TocEntry[]
  /** Ids handed out by `uniqueId`, with the next suffix of each. */
  uniqueIds: Map<string, number>
  /** Shortcodes being rendered, outermost first. */
  stack: HugoShortcodeData[]
  /** Sources of trees parsed from strings (a `title` param), by their top-level nodes. */
  sources: WeakMap<object, string>
  marks: Marks
  /** The renderer's hast handlers, for the documents of shortcode bodies. */
  handlers: Options['handlers']
  /** The page's relative permalink, if known (Doks' link hook puts it before same-page fragments). */
  permalink: string | undefined
  /** The page's file under `content/`, if known. */
  contentPath: string | undefined
}

/** One Goldmark document. */
export interface DocumentScope {
  page: PageState
  /** The text this document's positions point into. */
  source: string | undefined
  root: Root
  plan: DocumentPlan
  ids: HeadingIdCounter
  /** Whether headings go to the page's heading list and table of contents. */
  isPage: boolean
  /** Unclosed quotes: Goldmark 1.5 counts them over the whole document, not per block. */
  quotes: QuoteCounter
  /** A typographic replacement ran up to this source offset (past its text node). */
  consumedUntil: number
  /** Inside an autolink: no typographer. */
  verbatim: number
  footnoteOrder: string[]
  footnoteCounts: Map<string, number>
  /** Placeholder ordinals of the document's top-level shortcode calls (lazily). */
  ordinals: Map<object, number> | undefined
  /**
   * The page Hugo renders this document as: the page, or (`markdownify`)
   * the home page, which Doks' link hook resolves links from.
   */
  linkFrom: 'page' | 'home'
  /** Doks' link hook's view of this document (made on its first link). */
  linkHook: HookContext | undefined
}

interface ScopedOptions extends Options {
  slamark: DocumentScope
}

/** The document a hast state renders. */
export function scopeOf(state: State): DocumentScope {
  return (state.options as ScopedOptions).slamark
}

/** A line ending text node. */
export function newline(): ElementContent {
  return {type: 'text', value: '\n'}
}

/**
 * Blocks as Goldmark writes them: each followed by a line ending, except
 * highlighter output.
 *
 * @param units
 *   The hast of each block, in order.
 * @param marks
 *   The page's marks.
 */
export function joinBlocks(units: readonly ElementContent[][], marks: Marks): ElementContent[] {
  const children: ElementContent[] = []
  for (const unit of units) {
    if (unit.length === 0) continue
    for (const node of unit) children.push(node)
    if (!marks.fence.has(unit.at(-1)!)) children.push(newline())
  }

  return children
}

/**
 * Drop the line ending after highlighter output among an element's
 * children (`mdast-util-to-hast` puts one between all blocks).
 *
 * @param element
 *   A container element (blockquote, list item).
 * @param marks
 *   The page's marks.
 */
export function closeUpFences(element: Element, marks: Marks): void {
  const children = element.children
  for (let index = children.length - 2; index >= 0; index--) {
    const next = children[index + 1]!
    if (marks.fence.has(children[index]!) && next.type === 'text' && next.value === '\n') children.splice(index + 1, 1)
  }
}

/**
 * The state every document of one page shares, empty.
 *
 * @param settings
 *   The renderer's settings.
 * @param file
 *   The file that messages go to.
 * @param source
 *   The page's source.
 * @param extra
 *   The page's permalink and content path, and the hast handlers (none when
 *   nothing is rendered, as for the linter's anchors).
 */
export function createPageState(
  settings: RenderSettings,
  file: VFile,
  source: string,
  extra: {permalink: string | undefined; contentPath: string | undefined; handlers?: Options['handlers']}
): PageState {
  return {
    permalink: extra.permalink,
    contentPath: extra.contentPath,
    settings,
    file,
    source,
    headings: [],
    toc: [],
    uniqueIds: new Map(),
    stack: [],
    sources: new WeakMap(),
    marks: {fence: new WeakSet(), footnote: new WeakSet(), shortcode: new WeakSet(), block: new WeakSet(), template: new WeakSet()},
    handlers: extra.handlers
  }
}

/**
 * The state of one Goldmark document of a page: its plan, its own heading
 * id counter and footnotes.
 *
 * @param root
 *   The document.
 * @param page
 *   The page it is on.
 * @param source
 *   The text its positions point into.
 * @param isPage
 *   Whether it is the page's own document (its headings make the TOC).
 * @param linkFrom
 *   The page Hugo renders it as (`home` for `markdownify`).
 */
export function createScope(root: Root, page: PageState, source: string | undefined, isPage: boolean, linkFrom: 'page' | 'home' = 'page'): DocumentScope {
  return {
    page,
    source,
    root,
    plan: planDocument(root, source, page.settings),
    ids: new HeadingIdCounter(page.settings.headingIdType),
    isPage,
    quotes: {single: 0, double: 0},
    consumedUntil: -1,
    verbatim: 0,
    footnoteOrder: [],
    footnoteCounts: new Map(),
    ordinals: undefined,
    linkFrom,
    linkHook: undefined
  }
}

/**
 * Render the page's own document to hast.
 *
 * @param root
 *   The page's tree.
 * @param page
 *   The page.
 * @returns
 *   The blocks, each followed by a line ending.
 */
export function renderDocument(root: Root, page: PageState): ElementContent[] {
  const options: ScopedOptions = {handlers: page.handlers, slamark: createScope(root, page, page.source, true)}
  const result = toHast(root, options)
  return result.type === 'root' ? (result.children as ElementContent[]) : [result as ElementContent]
}

/**
 * Render a document inside the page (a shortcode body, a parsed param):
 * its own heading ids, footnotes and plan, rendered with the page's hast
 * state (so no second pass over the tree builds another).
 *
 * @param state
 *   The hast state of the page.
 * @param root
 *   The document.
 * @param source
 *   The text its positions point into.
 * @param linkFrom
 *   The page Hugo renders it as (`home` for `markdownify`).
 * @returns
 *   The blocks, with line endings between them.
 */
export function renderNested(state: State, root: Root, source: string | undefined, linkFrom: 'page' | 'home' = 'page'): ElementContent[] {
  const options = state.options as ScopedOptions
  const outer = options.slamark
  options.slamark = createScope(root, outer.page, source, false, linkFrom)
  try {
    const result = state.one(root, undefined)
    const children = result === undefined ? [] : Array.isArray(result) ? result : 'children' in result ? (result.children as ElementContent[]) : [result]
    const last = children.at(-1)
    if (last?.type === 'text' && last.value === '\n') children.pop()
    return children
  } finally {
    options.slamark = outer
  }
}
