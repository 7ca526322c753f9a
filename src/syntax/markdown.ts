import type {Root} from 'mdast'
import {directiveFromMarkdown} from 'mdast-util-directive'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {directive} from 'micromark-extension-directive'
import {gfm} from 'micromark-extension-gfm'
import {combineExtensions} from 'micromark-util-combine-extensions'
import type {Extension} from 'micromark-util-types'

/** Options of {@link parseMarkdown}. */
export interface MarkdownOptions {
  /** Parse `:::name` container directives (default: `true`). */
  directives?: boolean | null | undefined
}

/**
 * Only the container construct of remark-directive: text directives
 * (`:name`) and leaf directives (`::name`) would change how ordinary prose
 * such as `Note:important` parses, which Hugo never does.
 */
function containerDirectives(): Extension {
  const flow = directive().flow ?? {}
  const constructs = [flow[58]].flat().filter((construct) => construct && 'concrete' in construct && construct.concrete)
  return {flow: {58: constructs.filter((construct) => construct !== undefined && construct !== null)}}
}

// Combined once: micromark combines whatever it is given on every parse, and
// a page parses one document per shortcode body.
const withDirectives = {
  extensions: [combineExtensions([gfm({singleTilde: false}), containerDirectives()])],
  mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()]
}

const withoutDirectives = {
  // Hugo's Goldmark leaves `~one~` literal; only `~~two~~` strikes through.
  extensions: [combineExtensions([gfm({singleTilde: false})])],
  mdastExtensions: [gfmFromMarkdown()]
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
  return fromMarkdown(text, options.directives === false ? withoutDirectives : withDirectives)
}
