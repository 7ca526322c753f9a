import type {Root} from 'mdast'
import remarkStringify from 'remark-stringify'
import {unified, type Processor} from 'unified'
import {remarkFrontmatterData} from './frontmatter/plugin.js'
import {remarkHugo, type RemarkHugoOptions} from './syntax/remark-hugo.js'
import {remarkValidate, type ValidateOptions} from './transform/remark-validate.js'

/** Options of {@link createProcessor}. */
export interface ProcessorOptions extends RemarkHugoOptions, ValidateOptions {}

/**
 * The one place that orders slamark's unified chain: the Hugo-aware parser,
 * the front matter reader, validation of the page and `sla:` data, and the
 * Hugo-aware serializer; the engine, transforms, rules and rendering join
 * here in that order.
 *
 * @param options
 *   Parser options (registry, site, shortcodes, syntax switches).
 */
export function createProcessor(options: ProcessorOptions = {}): Processor<Root, Root, Root, Root, string> {
  return unified().use(remarkHugo, options).use(remarkFrontmatterData).use(remarkValidate, options).use(remarkStringify) as unknown as Processor<Root, Root, Root, Root, string>
}
