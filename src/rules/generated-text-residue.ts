/**
 * `generated-text-residue`: lines of a generated draft addressed to whoever
 * asked for it ("let me know if you want changes"), left in the page.
 */
import type {Paragraph} from 'mdast'
import {defineRule} from './rule.js'
import {walk} from './walk.js'

// The shape of such lines, in three kinds of signal. A line is residue when
// it has a strong signal, or an offer to the requester together with words
// about editing the text itself.

/** On their own: the text talks about itself as a produced artefact, or the writer answers a request. */
const strong: readonly RegExp[] = [
  /\b(?:i hope|hope) (?:this|that|it) (?:helps|works|is helpful|meets your needs)\b/,
  /\bhere(?:'s|’s| is| are) (?:the|your|an?) (?:(?:updated|revised|final|complete|full|improved|new|polished|rewritten|edited|corrected|shorter|expanded|refined)\s+)+(?:version|draft|markdown|document|page|text|copy|content|sla)\b/,
  /\bthis (?:markdown|md|revised|updated|final|edited) (?:version|document|draft|text|page|file)\b/,
  /\b(?:would you like|do you want|shall i|should i|want me to) (?:me to )?(?:add|adjust|change|expand|include|make|modify|revise|rewrite|shorten|tailor|tweak|create|draft|provide)\b/,
  /\byou(?:'d|’d| would)? (?:like|want|wish|prefer) me to\b/,
  /\bi(?:'ve|’ve| have) (?:now )?(?:updated|revised|rewritten|reworded|incorporated|applied|restructured|reformatted|polished|refined|edited)\b/,
  /\bi can (?:also )?(?:adjust|revise|expand|shorten|tailor|rewrite|modify|tweak|refine|reformat)\b/,
  /\b(?:with|including) all (?:the|your) (?:revisions|changes|edits|corrections|suggestions) (?:applied|incorporated|included|made)\b/,
  /^(?:certainly|sure|of course|absolutely)[!,.:]/
]

/** An offer or a question put to the requester. */
const offer: readonly RegExp[] = [
  /\blet me know\b/,
  /\bfeel free to\b/,
  /\bif you(?:'d|’d| would)? (?:like|want|need|prefer)\b/,
  /\bhappy to (?:help|adjust|revise|make|change|update)\b/,
  /\bjust (?:ask|say the word)\b/,
  /\byou(?:'ve|’ve| have)? (?:asked|requested)\b/
]

/** Words about editing the text itself. */
const editing = /\b(?:edits?|adjustments?|revisions?|revise|tweaks?|modifications?|changes to (?:the|this) (?:text|document|page|draft|wording)|refinements?|rewording|reformat(?:ting)?|formatting|further changes|this (?:draft|version|document)|the (?:draft|document)|your document|markdown)\b/

/**
 * Whether one sentence reads as a generated draft's note to its requester.
 *
 * @param sentence
 *   A sentence of prose.
 */
export function isResidue(sentence: string): boolean {
  const text = sentence.toLowerCase().replace(/\s+/g, ' ').trim()
  // Most prose has none of the words every pattern needs: skip the patterns.
  if (!cue.test(text)) return false
  if (strong.some((pattern) => pattern.test(text))) return true
  return offer.some((pattern) => pattern.test(text)) && editing.test(text)
}

// A word each pattern above needs (one of them), in one cheap test.
const cue = /\b(?:hope|here|this|like|want|shall|should|me|i've|i’ve|i have|i can|all|certainly|sure|of course|absolutely|let|free|you|happy|ask)\b/

export const generatedTextResidue = defineRule({
  id: 'generated-text-residue',
  severity: 'error',
  category: 'text',
  summary: 'A sentence addressed to whoever asked for the text ("let me know if you want changes"), left from a generated draft.',
  why:
    'A draft written by an assistant often ends by speaking to the person who asked for it: that the text reflects their ' +
    'revisions, that they should say if they want more changes. Copied into the page, those lines are published to the ' +
    "client as part of the agreement. The rule looks at the shape of such sentences rather than at fixed phrases: one that " +
    'talks about the text as a produced version, or an offer to the requester together with words about editing the text. ' +
    'An invitation to the reader to get in touch is not reported.',
  examples: [
    {
      title: 'ok: an invitation addressed to the reader',
      input: 'Questions about these terms? Let us know and we will explain any part of the agreement.\n',
      output: []
    },
    {
      title: 'not ok: notes to the requester at the end of the page',
      input:
        '## Review\n\nThe terms are reviewed every quarter.\nThis revised version includes every change you asked for. Tell me if it needs more tweaks, and let me know if more adjustments would help!\n',
      output: [
        '4:1-4:58: Unexpected sentence addressed to the person who asked for the text, expected content for the page\'s readers',
        '4:59-4:139: Unexpected sentence addressed to the person who asked for the text, expected content for the page\'s readers'
      ]
    }
  ],
  check(tree, _file, context) {
    walk(tree, (node) => {
      if (node.type !== 'paragraph') return
      for (const sentence of sentences(node, context.source)) {
        if (!isResidue(sentence.text)) continue
        context.report({
          reason: "Unexpected sentence addressed to the person who asked for the text, expected content for the page's readers",
          place: {start: sentence.start, end: sentence.end},
          hint: `This reads as a note left from a generated draft (\`${sentence.text.length > 60 ? sentence.text.slice(0, 60) + '…' : sentence.text}\`); delete it`,
          actual: sentence.text
        })
      }

      return false
    })
  }
})

/** The sentences of a paragraph's source, with their offsets. */
function sentences(node: Paragraph, source: string): Array<{text: string; start: number; end: number}> {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return []
  const found: Array<{text: string; start: number; end: number}> = []
  const text = source.slice(start, end)
  // A sentence ends at `.`, `!` or `?` before white space, or at a line end.
  const pattern = /[^\s][^]*?(?:[.!?](?=\s|$)|(?=\r?\n)|$)/g
  for (const match of text.matchAll(pattern)) {
    const value = match[0].trim()
    if (value === '') continue
    found.push({text: value, start: start + match.index, end: start + match.index + match[0].trimEnd().length})
  }

  return found
}
