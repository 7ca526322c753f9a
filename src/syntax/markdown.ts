import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {markdownOptions} from './micromark-options.js'
import {withGuardedSource} from './table-guard.js'

/** Options of {@link parseMarkdown}. */
export interface MarkdownOptions {
  /** Parse `:::name` container directives (default: `true`). */
  directives?: boolean | null | undefined
}

/**
 * Parse Markdown as remark-parse with GFM does (plus container directives),
 * with Hugo's strikethrough setting.
 *
 * @param text
 *   The Markdown.
 * @param options
 *   Whether to parse container directives.
 */
export function parseMarkdown(text: string, options: MarkdownOptions = {}): Root {
  // Only the GFM constructs that can match this text: the tree is the one full GFM gives.
  const syntax = markdownOptions(text, {directives: options.directives !== false})
  return withGuardedSource(text, () => fromMarkdown(text, syntax))
}
