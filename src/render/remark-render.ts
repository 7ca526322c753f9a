import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {frontMatterOf, renderTree} from './page.js'
import type {RenderOptions, RenderedHeading} from './types.js'

declare module 'vfile' {
  interface DataMap {
    /** Every heading of the rendered page (not those inside shortcode bodies), with Hugo's ids. */
    headings: RenderedHeading[]
    /** Hugo's `.TableOfContents` of the rendered page, or `''`. */
    toc: string
    /** The page's file under `content/` (`docs/sla.md`), for its permalink and Doks' link hook; wins over the `contentPath` option. */
    contentPath: string
    /** The page's relative permalink (`/docs/sla/`); wins over the `permalink` option and `contentPath`. */
    permalink: string
  }
}

/**
 * Render the tree to HTML as Hugo 0.111 renders `.Content`: a unified
 * compiler (use it in place of remark-stringify, after `remarkHugo`). Sets
 * `file.data.headings` and `file.data.toc`; shortcode warnings are messages
 * on the file. A file's `data.contentPath` or `data.permalink` (set by the
 * site build) gives the page's permalink to Doks' link hook.
 *
 * @param options
 *   Renderer options (Hugo's `markup` settings and more).
 */
export function remarkRender(this: Processor, options: RenderOptions = {}): undefined {
  // unified types the compiler of a bare processor for hast; this one takes mdast.
  ;(this as unknown as Processor<undefined, undefined, undefined, Root, string>).compiler = (tree: Root, file: VFile): string => {
    const source = String(file.value ?? '')
    const rendered = renderTree(tree, source, options, file, file.data.frontmatter ?? frontMatterOf(source))
    file.data.headings = rendered.headings
    file.data.toc = rendered.toc
    return rendered.html
  }

  return undefined
}
