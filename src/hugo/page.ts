import type {Diagnostic} from './diagnostic.js'
import {detectFrontMatter} from './front-matter-detect.js'
import {createRegistry, type ShortcodeRegistry} from './registry.js'
import {lexShortcodes} from './shortcodes.js'
import type {FrontMatterBlock, ShortcodeCall, ShortcodeComment} from './types.js'

/** A page as Hugo's page lexer sees it: front matter, then a body with shortcodes. */
export interface LexedPage {
  /** Whether the file starts with a UTF-8 byte order mark. */
  bom: boolean
  /** The front matter block, when the page has a usable one. */
  frontMatter?: FrontMatterBlock
  /** Offset where the body starts. */
  bodyStart: number
  /** Top-level shortcode calls, in source order (nested calls are their children). */
  calls: ShortcodeCall[]
  /** Top-level shortcode comments, in source order. */
  comments: ShortcodeComment[]
  /** Every problem found, by position. */
  diagnostics: Diagnostic[]
  /**
   * The error Hugo itself would stop at: the first one in the order Hugo's
   * lexer meets them (an unclosed body is met at the end of the file).
   */
  hugoError?: Diagnostic
}

/** Options of {@link lexPage}. */
export interface LexPageOptions {
  /** The known shortcodes (default: Hugo's, Doks' and slamark's). */
  registry?: ShortcodeRegistry | null | undefined
}

/**
 * Lex a page the way Hugo does: detect the front matter, then find every
 * shortcode in the body. Never throws.
 *
 * @param source
 *   The whole file.
 * @param options
 *   The registry of known shortcodes.
 */
export function lexPage(source: string, options: LexPageOptions = {}): LexedPage {
  const registry = options.registry ?? createRegistry()
  const detected = detectFrontMatter(source)
  const shortcodes = lexShortcodes(source, detected.bodyStart, registry)
  const page: LexedPage = {
    bom: detected.bom,
    bodyStart: detected.bodyStart,
    calls: shortcodes.calls,
    comments: shortcodes.comments,
    diagnostics: [...detected.diagnostics, ...shortcodes.diagnostics].sort((a, b) => a.start - b.start)
  }
  if (detected.block) page.frontMatter = detected.block
  let hugoError: Diagnostic | undefined
  for (const item of page.diagnostics) {
    if (item.severity !== 'error' || item.hugo === undefined) continue
    if (!hugoError || (item.detectedAt ?? item.start) < (hugoError.detectedAt ?? hugoError.start)) hugoError = item
  }

  if (hugoError) page.hugoError = hugoError
  return page
}
