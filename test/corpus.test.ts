/**
 * The getdoks.org content (the Doks documentation site, read-only under
 * ../shared/corpus beside the checkout) parses with no fatal message, and the test prints
 * how many shortcodes of each name it found, nested and embedded ones
 * included. Skipped, with a printed reason, when the folder is missing.
 */
import type {Nodes} from 'mdast'
import {describe, expect, it} from 'vitest'
import {allNodes, corpusRoot, markdownPages, parse} from './support/tree.js'

const pages = markdownPages(corpusRoot)

/** Count shortcode calls by name: directive nodes with `data.hugo`, and calls kept in code, links and HTML. */
function countShortcodes(node: Nodes, counts: Map<string, number>): void {
  const add = (name: string): void => {
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }

  for (const {node: child} of allNodes(node as never)) {
    const hugo = (child.data as {hugo?: {name: string}} | undefined)?.hugo
    if (hugo) add(hugo.name)
    for (const item of child.data?.shortcodes ?? []) add(item.name)
  }
}

describe('getdoks.org corpus', () => {
  // ../shared/ is read when it exists; say so when it does not.
  if (pages.length === 0) console.warn(`corpus: not checked, corpus folder ${corpusRoot} does not exist`)

  it.skipIf(pages.length === 0)(`parses all ${pages.length} pages without a fatal message`, () => {
    const counts = new Map<string, number>()
    const fatal: string[] = []

    for (const page of pages) {
      const {tree, file} = parse(page.source, page.path)
      for (const message of file.messages) if (message.fatal) fatal.push(`${page.name}: ${String(message)}`)
      countShortcodes(tree, counts)
    }

    const table = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    console.log(
      `corpus: ${pages.length} pages, ${table.reduce((sum, [, count]) => sum + count, 0)} shortcode calls\n` +
        table.map(([name, count]) => `  ${name.padEnd(14)} ${count}`).join('\n')
    )
    expect(fatal).toEqual([])
    // The corpus is the Doks documentation: it shows callouts, tabs and details.
    expect(counts.get('callout') ?? 0).toBeGreaterThan(0)
  })
})
