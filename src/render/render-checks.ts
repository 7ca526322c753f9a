/**
 * The renderer's warnings without its output, for the linter: the Doks
 * shortcodes that check their params while rendering (`details`, `tabs`,
 * `steps`, cards) report only then, so each such call (the outermost, with
 * what it contains) is rendered on its own and the HTML thrown away. The
 * rest of the page is not rendered: its HTML has nothing to say that the
 * lint rules do not already check.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {VFile} from 'vfile'
import {frontMatterOf, renderTree} from './page.js'
import type {RenderOptions} from './types.js'

/** Shortcodes whose renderer reports problems of their own. */
const checkedWhileRendering: ReadonlySet<string> = new Set(['details', 'tabs', 'tab', 'steps', 'step', 'card-grid', 'card', 'link-card'])

/**
 * Render pages that call a shortcode the renderer checks, keeping only its
 * messages. `ref`/`relref` calls render as `#` (the linter checks them
 * against the site, not the renderer).
 *
 * @param options
 *   Renderer options.
 */
export function remarkRenderChecks(options: RenderOptions = {}) {
  const settings: RenderOptions = {...options, resolveRef: () => '#'}
  return function (tree: Root, file: VFile): undefined {
    const calls = checkedCalls(tree)
    if (calls.length === 0) return undefined
    const source = String(file.value ?? '')
    // A call inside a sentence renders in a paragraph, as it sits on the page.
    const children = calls.map((node): RootContent => (node.type === 'textDirective' ? {type: 'paragraph', children: [node]} : node))
    renderTree({type: 'root', children}, source, settings, file, file.data.frontmatter ?? frontMatterOf(source))
    return undefined
  }
}

/** The outermost calls of checked shortcodes, in document order. */
function checkedCalls(tree: Root): Array<ContainerDirective | LeafDirective | TextDirective> {
  const calls: Array<ContainerDirective | LeafDirective | TextDirective> = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if ((node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') && checkedWhileRendering.has(node.name)) {
      calls.push(node)
      continue
    }

    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
    const body = (node.data as {hugo?: {body?: Root}} | undefined)?.hugo?.body
    if (body) stack.push(body)
  }

  return calls
}
