/**
 * The outermost nodes of a page that pass a test, in the page and in the
 * parsed bodies of shortcodes (a shortcode placed inside a sentence keeps
 * its body as a tree of its own, `data.hugo.body`). Iterative, so a deep
 * page cannot overflow the stack.
 */
import type {Parent, Root, RootContent} from 'mdast'

/**
 * Every node that passes `test`, with its parent; what is inside such a
 * node is not searched. The order is the walk's (a parent's later
 * children's subtrees first): sort by position when document order matters.
 *
 * @param tree
 *   The page.
 * @param test
 *   Which nodes to find.
 */
export function outermostNodes<Found extends RootContent>(tree: Root, test: (node: RootContent) => node is Found): Array<{parent: Parent; node: Found}> {
  const found: Array<{parent: Parent; node: Found}> = []
  const stack: Parent[] = [tree]
  while (stack.length > 0) {
    const parent = stack.pop()!
    for (const child of parent.children as RootContent[]) {
      if (test(child)) {
        found.push({parent, node: child})
        continue
      }

      if ('children' in child) stack.push(child)
      const body = (child as {data?: {hugo?: {body?: Root}}}).data?.hugo?.body
      if (body) stack.push(body)
    }
  }

  return found
}
