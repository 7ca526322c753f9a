/**
 * The `fromMarkdown` options slamark parses a text with: micromark's GFM
 * (with Hugo's strikethrough setting) and container directives, and the
 * matching mdast extensions, trimmed per text of what cannot apply to it.
 *
 * Why trim: GFM's literal autolink constructs are tried at the start of
 * every word (an email address may start at any letter or digit) and its
 * table construct at the start of every line, which makes GFM parsing about
 * a third slower than CommonMark. Each needs a character sequence that most
 * texts do not have (`@`, `www.`, `http://`; `|`, `:-`, `-:`), and without
 * it the construct can only fail (a failed attempt leaves no trace), so
 * leaving it out gives the same tree.
 * Likewise the literal autolink transform of the mdast extension walks the
 * whole tree twice with `unist-util-visit-parents`; it runs only when some
 * text node holds a candidate.
 */

import type {Nodes, Root} from 'mdast'
import {directiveFromMarkdown} from 'mdast-util-directive'
import type {Extension as MdastExtension, Options, Transform} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {directive} from 'micromark-extension-directive'
import {gfm} from 'micromark-extension-gfm'
import {combineExtensions} from 'micromark-util-combine-extensions'
import type {Construct, Extension} from 'micromark-util-types'
import {guardedTable} from './table-guard.js'

/**
 * Each construct left out of a text's syntax when the text lacks what the
 * construct needs to succeed: micromark-extension-gfm-autolink-literal's
 * email (`@`), `www.` and `http(s)://` literals (matched case-insensitively,
 * as the constructs do), and micromark-extension-gfm-table's table, whose
 * delimiter row holds a `|` or an alignment colon next to a dash (`a` over
 * `:-` is a one-column table).
 */
const optionalConstructs: ReadonlyArray<{name: string; needs: RegExp}> = [
  {name: 'emailAutolink', needs: /@/},
  {name: 'wwwAutolink', needs: /www\./i},
  {name: 'protocolAutolink', needs: /https?:\/\//i},
  {name: 'table', needs: /\||:-|-:/}
]

/**
 * Text a literal autolink found by the mdast transform needs: every pattern
 * of mdast-util-gfm-autolink-literal contains one of these (`mailto:` and
 * `xmpp:` addresses hold an `@`).
 */
const autolinkCandidate = /@|https?:\/\/|www\./i

/** Options of {@link markdownOptions}. */
export interface MarkdownSyntax {
  /** Parse `:::name` container directives. */
  directives: boolean
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

/**
 * A combined extension with each construct replaced by what `change` gives
 * for it, or left out where it gives `undefined` (the rest in their order;
 * hooks that hold no constructs, such as attention markers, kept).
 */
function mapConstructs(extension: Extension, change: (construct: Construct) => Construct | undefined): Extension {
  const result: Record<string, Record<string, unknown>> = {}
  for (const [hook, map] of Object.entries(extension as Record<string, Record<string, unknown> | undefined>)) {
    if (!map) continue
    const kept: Record<string, unknown> = {}
    for (const [code, value] of Object.entries(map)) {
      if (!Array.isArray(value)) {
        kept[code] = value
        continue
      }

      const list: unknown[] = []
      for (const item of value) {
        const changed = typeof item === 'object' && item !== null ? change(item as Construct) : item
        if (changed !== undefined) list.push(changed)
      }

      if (list.length > 0) kept[code] = list
    }

    result[hook] = kept
  }

  return result as Extension
}

/** Whether any text node of a tree could hold a literal autolink. Iterative, so deep trees do not grow the stack. */
function mayHaveLiteralAutolink(tree: Root): boolean {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'text') {
      if (autolinkCandidate.test(node.value)) return true
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child)
    }
  }

  return false
}

/** GFM's mdast extensions, with the literal autolink transform run only on a tree that has a candidate. */
function gfmMdastExtensions(): MdastExtension[] {
  return gfmFromMarkdown().map((extension) => {
    if (!extension.transforms || !extension.enter || !('literalAutolink' in extension.enter)) return extension
    const transforms = extension.transforms.map(
      (transform): Transform =>
        (tree) => (mayHaveLiteralAutolink(tree) ? transform(tree) : undefined)
    )
    return {...extension, transforms}
  })
}

// Hugo's Goldmark leaves `~one~` literal; only `~~two~~` strikes through.
// The table construct goes behind its guard (./table-guard.ts).
const guardTable = (construct: Construct): Construct => (construct.name === 'table' ? guardedTable(construct) : construct)
const fullSyntax = {
  withDirectives: mapConstructs(combineExtensions([gfm({singleTilde: false}), containerDirectives()]), guardTable),
  withoutDirectives: mapConstructs(combineExtensions([gfm({singleTilde: false})]), guardTable)
}

const mdastExtensions = {
  withDirectives: [...gfmMdastExtensions(), directiveFromMarkdown()],
  withoutDirectives: gfmMdastExtensions()
}

// The options of each variant, made once: micromark combines whatever it is
// given on every parse, and a page parses one document per shortcode body.
const variants = new Map<string, Options>()

/**
 * The `fromMarkdown` options for a text.
 *
 * @param text
 *   The Markdown to parse.
 * @param syntax
 *   Whether to parse container directives.
 */
export function markdownOptions(text: string, syntax: MarkdownSyntax): Options {
  let key = syntax.directives ? 'd' : ''
  for (const construct of optionalConstructs) key += construct.needs.test(text) ? '1' : '0'
  let options = variants.get(key)
  if (!options) {
    const full = syntax.directives ? fullSyntax.withDirectives : fullSyntax.withoutDirectives
    const absent = new Set(optionalConstructs.filter((construct) => !construct.needs.test(text)).map((construct) => construct.name))
    options = {
      extensions: [absent.size > 0 ? mapConstructs(full, (construct) => (absent.has(construct.name ?? '') ? undefined : construct)) : full],
      mdastExtensions: syntax.directives ? mdastExtensions.withDirectives : mdastExtensions.withoutDirectives
    }
    variants.set(key, options)
  }

  return options
}
