import type {Root} from 'mdast'
import type {} from 'remark-stringify'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {createRegistry, type RegistryOptions, type ShortcodeRegistry} from '../hugo/registry.js'
import {lineIndexFor} from './line-index.js'
import {report} from './messages.js'
import {parsePage, type ParsePageOptions} from './parse.js'
import {hugoToMarkdown} from './to-markdown.js'

/** Options of {@link remarkHugo}. */
export interface RemarkHugoOptions extends Omit<ParsePageOptions, 'registry'>, RegistryOptions {
  /** A ready registry; wins over `site` and `shortcodes` (default: built from them). */
  registry?: ShortcodeRegistry | null | undefined
}

/**
 * Parse Hugo/Doks pages: a unified parser plugin used in place of
 * remark-parse. Shortcodes are found as Hugo finds them, every node keeps its
 * exact place in the original file, and shortcodes become directive nodes
 * with `data.hugo`. Also registers the serializer for remark-stringify.
 *
 * Lexer problems are reported on the file as messages; nothing throws.
 *
 * @param options
 *   Registry and syntax options.
 */
export function remarkHugo(this: Processor, options: RemarkHugoOptions = {}): undefined {
  // Discovery reads the site's templates once, when the plugin is attached.
  const registry = options.registry ?? createRegistry({site: options.site, shortcodes: options.shortcodes})
  const parseOptions: ParsePageOptions = {...options, registry}

  // unified types the parser of a bare processor as `undefined`; ours yields a Root.
  ;(this as unknown as Processor<Root>).parser = (document: string, file: VFile): Root => {
    const source = String(file.value ?? document)
    const {tree, diagnostics, lines} = parsePage(source, parseOptions)
    if (file.value !== undefined) lineIndexFor(file, lines)
    for (const item of diagnostics.sort((a, b) => a.start - b.start)) report(file, item, lines)
    return tree
  }

  const data = this.data()
  const extensions = (data.toMarkdownExtensions ??= [])
  extensions.push(hugoToMarkdown())
  return undefined
}
