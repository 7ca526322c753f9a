/**
 * The renderer's warnings without its output, for the linter: the Doks
 * shortcodes that check their params while rendering (`details`, `tabs`,
 * `steps`, cards) report only then, so a page that calls one is rendered
 * and the HTML thrown away. Other pages are not rendered: their HTML has
 * nothing to say that the lint rules do not already check.
 */
import type {Nodes, Root} from 'mdast'
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
    if (!callsChecked(tree)) return undefined
    const source = String(file.value ?? '')
    renderTree(tree, source, settings, file, file.data.frontmatter ?? frontMatterOf(source))
    return undefined
  }
}

function callsChecked(tree: Root): boolean {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if ((node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') && checkedWhileRendering.has(node.name)) return true
    if ('children' in node) for (const child of node.children) stack.push(child)
    const body = (node.data as {hugo?: {body?: Root}} | undefined)?.hugo?.body
    if (body) stack.push(body)
  }

  return false
}
