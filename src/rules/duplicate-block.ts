/**
 * `duplicate-block`: the same point made twice on one page: a callout,
 * paragraph or list repeated, word for word or in other words.
 */
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import * as z from 'zod'
import {defineRule} from './rule.js'
import {calloutOf, walk} from './walk.js'

/** A block to compare. */
interface Block {
  kind: 'callout' | 'paragraph' | 'list'
  words: Set<string>
  position: Position
}

// Words that say nothing about what a block is about.
const stopWords = new Set(
  ('a about above after again all also am an and any are as at be been before being below between both but by can could did do does ' +
    'doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just ' +
    'may me might more most must my no nor not now of off on once only or other our ours out over own same shall she should so some ' +
    'such than that the their theirs them then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours')
    .split(' ')
)

/**
 * The content words of a text, lower-cased, with plural and verb endings cut
 * so that "delays", "delayed" and "delay" count as one.
 *
 * @param text
 *   Plain text.
 */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>()
  const lower = text.toLowerCase()
  // Most text is ASCII, which a plain character class splits faster.
  for (const word of /^[\x00-\x7f]*$/.test(lower) ? lower.split(/[^a-z0-9]+/) : lower.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || stopWords.has(word)) continue
    words.add(word.length > 3 ? word.replace(/(?:ing|ed|es|s|e)$/, '') : word)
  }

  return words
}

/**
 * How much two word sets share: twice the common words over both sizes
 * (Dice's coefficient), from 0 to 1.
 *
 * @param a
 *   One set.
 * @param b
 *   The other.
 */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let common = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const word of small) if (large.has(word)) common++
  return (2 * common) / (a.size + b.size)
}

const kindWords: Readonly<Record<Block['kind'], string>> = {callout: 'callout', paragraph: 'paragraph', list: 'list'}

export const duplicateBlock = defineRule({
  id: 'duplicate-block',
  severity: 'warn',
  category: 'text',
  summary: 'The same callout, paragraph or list twice on one page, word for word or restated in other words.',
  why:
    'A page that says the same thing twice, such as a caution restated further down in other words, makes readers wonder ' +
    'which one holds, and the two drift apart when one is edited. Blocks of the same kind are compared by their content ' +
    'words (ignoring case, small words and word endings), as twice the words they share over the words of both. A callout ' +
    'or list at `threshold` or more is reported at the later one; a paragraph only from `paragraphThreshold`, a copy, since ' +
    'documentation often has parallel paragraphs. Two blocks that differ only by one to three words swapped for others ' +
    '(“rename the `assets` folder”, “rename the `layouts` folder”) are parallel steps, not repetition.',
  options: {
    schema: z.strictObject({
      threshold: z.number().gt(0).lte(1).optional(),
      paragraphThreshold: z.number().gt(0).lte(1).optional(),
      minWords: z.int().min(1).optional()
    }),
    defaults: {},
    description:
      '`threshold` (number in (0, 1], default `0.5`): how alike two callouts or lists must be; `paragraphThreshold` ' +
      '(default `0.9`): how alike two paragraphs must be; `minWords` (integer, default `8`): blocks with fewer content ' +
      'words are not compared.'
  },
  examples: [
    {
      title: 'ok: two callouts about different things',
      input:
        '{{< callout context="caution" >}}\nTargets pause while we wait for files, approvals, payments or feedback from you, and due dates move by the days we waited.\n{{< /callout >}}\n\n' +
        '{{< callout context="tip" >}}\nOpen tickets through the portal, so the clock starts at once, the right team sees them first and nothing gets lost in mailboxes.\n{{< /callout >}}\n',
      output: []
    },
    {
      title: 'not ok: a caution restated further down',
      input:
        '{{< callout context="caution" >}}\nTargets pause while we wait for files, approvals, payments or feedback from you, and due dates move by the days we waited.\n{{< /callout >}}\n\n' +
        'Replies arrive within a day.\n\n' +
        '{{< callout context="caution" >}}\nPlease note that targets are paused while we are waiting for approvals, files, feedback or payments from you; due dates then move by the number of days we waited.\n{{< /callout >}}\n',
      output: ['7:1-9:17: Unexpected callout that repeats the callout on line 1 (88 % the same words), expected each point made once']
    }
  ],
  check(tree, _file, context) {
    const threshold = context.options.threshold ?? 0.5
    const paragraphThreshold = context.options.paragraphThreshold ?? 0.9
    const minWords = context.options.minWords ?? 8
    const blocks: Block[] = []

    walk(tree, (node, where) => {
      const kind = blockKind(node, where.parent)
      if (kind && node.position) {
        const text = toString(node, {includeHtml: false})
        // A block shorter than this cannot have `minWords` content words.
        const words = text.length < minWords * 3 ? undefined : contentWords(text)
        if (words && words.size >= minWords) blocks.push({kind, words, position: node.position})
      }

      return undefined
    })

    const reported: Position[] = []
    for (let later = 1; later < blocks.length; later++) {
      const block = blocks[later]!
      // A block inside one already reported is part of the same repetition.
      if (reported.some((outer) => contains(outer, block.position))) continue
      for (let earlier = 0; earlier < later; earlier++) {
        const first = blocks[earlier]!
        if (first.kind !== block.kind || contains(first.position, block.position)) continue
        const share = overlap(first.words, block.words)
        if (share < (block.kind === 'paragraph' ? paragraphThreshold : threshold) || isParallel(first.words, block.words)) continue
        context.report({
          reason: `Unexpected ${kindWords[block.kind]} that repeats the ${kindWords[first.kind]} on line ${first.position.start.line} (${Math.round(share * 100)} % the same words), expected each point made once`,
          place: block.position,
          hint: 'Keep one of them (or merge them), so the page says it once',
          cause: {reason: 'First said here', place: first.position}
        })
        reported.push(block.position)
        break
      }
    }
  }
})

/**
 * Whether two blocks differ only by a few words swapped one for one
 * (parallel steps such as "rename the `assets` folder" and "rename the
 * `layouts` folder").
 */
function isParallel(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let onlyA = 0
  for (const word of a) if (!b.has(word)) onlyA++
  const onlyB = b.size - (a.size - onlyA)
  return onlyA === onlyB && onlyA >= 1 && onlyA <= 3
}

function blockKind(node: Nodes, parent: Nodes | undefined): Block['kind'] | undefined {
  if (calloutOf(node)) return 'callout'
  if (node.type === 'list') return parent?.type === 'listItem' ? undefined : 'list'
  if (node.type === 'paragraph') return parent?.type === 'listItem' ? undefined : 'paragraph'
  return undefined
}

function contains(outer: Position, inner: Position): boolean {
  const start = (point: Position['start']) => point.offset ?? 0
  return start(outer.start) <= start(inner.start) && start(inner.end) <= start(outer.end)
}
