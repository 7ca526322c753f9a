/**
 * The ids a page's HTML will carry, without rendering it: every heading's
 * id as Hugo gives it (explicit `{#id}` or automatic, de-duplicated per
 * Goldmark document), ids set by `{…}` attribute lines, and `id` attributes
 * of raw HTML. The linter checks `#fragment` links against these; the ids
 * come from the renderer's own functions, so they are the ids it prints.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {attributeText} from './attribute-syntax.js'
import {createPageState, createScope} from './document.js'
import {takeHeadingId} from './heading-text.js'
import {resolveSettings} from './options.js'
import type {RenderOptions} from './types.js'

/** An id on the rendered page. */
export interface PageAnchor {
  id: string
  /** What carries it. */
  kind: 'heading' | 'attribute' | 'html'
  /** The heading's level (headings only). */
  depth?: number
  /** Whether it is inside a shortcode body (a document of its own, never in the table of contents). */
  inBody: boolean
  position?: Position
}

// `id="x"`, `id='x'` or `id=x` in raw HTML, and `name` of an old-style `<a name>` anchor.
const htmlIds = /<[a-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi

/**
 * Every anchor of a parsed page, in document order (the page's own document
 * first, then each shortcode body).
 *
 * @param tree
 *   The page's tree, as `remarkHugo` gives it.
 * @param source
 *   The page's source, which the tree's positions point into.
 * @param options
 *   Renderer options (`markup` decides the id type, typographer and
 *   attribute syntax; `headingIdInput` the id input).
 */
export function pageAnchors(tree: Root, source: string, options?: RenderOptions | null): PageAnchor[] {
  const settings = resolveSettings(options)
  const page = createPageState(settings, new VFile(), source, {permalink: undefined, contentPath: undefined})
  const anchors: PageAnchor[] = []
  const documents: Array<{root: Root; isPage: boolean}> = [{root: tree, isPage: true}]

  for (let index = 0; index < documents.length; index++) {
    const {root, isPage} = documents[index]!
    const scope = createScope(root, page, source, isPage)
    const stack: Nodes[] = [...root.children].reverse()

    while (stack.length > 0) {
      const node = stack.pop()!

      if (node.type === 'heading') {
        const plan = scope.plan.headings.get(node)
        let explicit: string | undefined
        for (const attribute of plan?.attributes ?? []) if (attribute.name === 'id') explicit = attributeText(attribute.value)
        const id = takeHeadingId(node, plan?.children ?? node.children, explicit, scope)
        if (id !== undefined) anchors.push(anchor(id, 'heading', !isPage, node.position, node.depth))
        continue
      }

      if (node.type === 'html') {
        for (const match of node.value.matchAll(htmlIds)) anchors.push(anchor(match[1] ?? match[2] ?? match[3] ?? '', 'html', !isPage, node.position))
        continue
      }

      if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
        // A shortcode body is rendered as a document of its own (`RenderString`).
        const body = node.data?.hugo?.body
        if (body) documents.push({root: body, isPage: false})
        else if (node.type === 'containerDirective' && node.children.length > 0) {
          documents.push({root: {type: 'root', children: node.children as RootContent[]}, isPage: false})
        }

        continue
      }

      if ('children' in node) for (let child = node.children.length - 1; child >= 0; child--) stack.push(node.children[child]!)
    }

    for (const [node, attributes] of scope.plan.blockAttributes) {
      if (node.type === 'heading') continue
      for (const attribute of attributes) if (attribute.name === 'id') anchors.push(anchor(attributeText(attribute.value), 'attribute', !isPage, node.position))
    }
  }

  return anchors.filter((item) => item.id !== '')
}

function anchor(id: string, kind: PageAnchor['kind'], inBody: boolean, position: Position | undefined, depth?: number): PageAnchor {
  const result: PageAnchor = {id, kind, inBody}
  if (depth !== undefined) result.depth = depth
  if (position) result.position = position
  return result
}
