import type {Root, RootContent} from 'mdast'
import type {Diagnostic} from '../hugo/diagnostic.js'
import {lexPage, type LexedPage} from '../hugo/page.js'
import type {ShortcodeRegistry} from '../hugo/registry.js'
import {normalizeCallouts, shortcodeCallout} from './callouts.js'
import {LineIndex} from './line-index.js'
import {parseMarkdown} from './markdown.js'
import {prepareRegion} from './placeholders.js'
import {restore, type PendingBody} from './restore.js'

/** Options of {@link parsePage}. */
export interface ParsePageOptions {
  /** The known shortcodes (default: Hugo's, Doks' and slamark's). */
  registry?: ShortcodeRegistry | null | undefined
  /** Parse `:::callout` / `:::note[Title]` container directives (default: `true`). */
  directives?: boolean | null | undefined
  /** Read GitHub alerts (`> [!CAUTION]`) as callouts (default: `true`). */
  alerts?: boolean | null | undefined
  /**
   * How deep shortcode bodies are parsed (default: `64`); deeper bodies are
   * kept as source, so a hostile page cannot blow the stack of later tree walkers.
   */
  maxDepth?: number | null | undefined
}

/** A parsed page: the tree, Hugo's view of the page, and every problem. */
export interface ParsedPage {
  tree: Root
  page: LexedPage
  diagnostics: Diagnostic[]
  /** Offsets to points in the source. */
  lines: LineIndex
}

/**
 * Parse a Hugo page into mdast with exact positions in the original file.
 *
 * Hugo's page lexer runs first over the raw source; each top-level shortcode
 * call becomes an inert placeholder (as in Hugo), the body goes through
 * micromark with GFM, placeholders come back as shortcode nodes and every
 * body is parsed as a Markdown document of its own, as Doks' `RenderString`
 * renders it. Never throws.
 *
 * @param source
 *   The whole file.
 * @param options
 *   Registry and syntax options.
 */
export function parsePage(source: string, options: ParsePageOptions = {}): ParsedPage {
  const page = lexPage(source, {registry: options.registry})
  const diagnostics = [...page.diagnostics]
  const lines = new LineIndex(source)
  const maxDepth = options.maxDepth ?? 64
  const markdownOptions = {directives: options.directives !== false}
  const alerts = options.alerts !== false

  const region = prepareRegion(source, page.bodyStart, source.length, page.calls, page.comments)
  const tree = parseMarkdown(region.text, markdownOptions)
  const pending: PendingBody[] = restore(tree, region, source, lines)
  tree.position = {start: lines.toPoint(0), end: lines.toPoint(source.length)}
  let reportedDepth = false

  // Bodies are parsed from a work list, not by recursion, so nesting depth
  // never grows the call stack.
  for (let index = 0; index < pending.length; index++) {
    const {node, call} = pending[index]!
    if (call.innerStart === undefined || call.innerEnd === undefined) continue

    if (call.depth >= maxDepth) {
      node.data!.hugo!.truncated = true
      if (!reportedDepth) {
        reportedDepth = true
        diagnostics.push({
          ruleId: 'shortcode-nesting-depth',
          severity: 'warning',
          reason: `Unexpected shortcode nested ${call.depth + 1} deep, expected at most ${maxDepth} levels`,
          hint: 'Bodies deeper than this are kept as source and not checked; flatten the nesting',
          start: call.open.start,
          end: call.open.end
        })
      }

      continue
    }

    const body = prepareRegion(source, call.innerStart, call.innerEnd, call.children, call.comments)
    const bodyTree = parseMarkdown(body.text, markdownOptions)
    for (const item of restore(bodyTree, body, source, lines)) pending.push(item)
    bodyTree.position = {start: lines.toPoint(call.innerStart), end: lines.toPoint(call.innerEnd)}

    if (node.type === 'containerDirective') {
      node.children = bodyTree.children as typeof node.children
    } else {
      node.data!.hugo!.body = bodyTree
    }
  }

  for (const {node} of pending) {
    if (node.type === 'containerDirective' && node.name === 'callout') shortcodeCallout(node)
  }

  normalizeCallouts(tree, source, lines, {alerts, directives: markdownOptions.directives})
  addFrontMatter(tree, page, source, lines)
  return {tree, page, diagnostics, lines}
}

function addFrontMatter(tree: Root, page: LexedPage, source: string, lines: LineIndex): void {
  const block = page.frontMatter
  if (!block) return
  const position = {start: lines.toPoint(block.start), end: lines.toPoint(block.end)}
  // The closing delimiter's line ending is not part of the node, as in remark-frontmatter.
  let end = block.end
  while (end > block.start && (source.charAt(end - 1) === '\n' || source.charAt(end - 1) === '\r')) end--
  position.end = lines.toPoint(end)
  const node = {type: block.format, value: block.value.replace(/\r?\n$/, ''), position} as RootContent
  tree.children.unshift(node)
}
